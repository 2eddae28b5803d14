package io.liqlab.ui;

import io.liqlab.profile.VenueProfile;
import javafx.util.StringConverter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the market choosers (Position form, Compare, tier editor) show of each profile, and how typing filters them:
 * the name, a second line with the symbol, venue and data date, and in amber why the data may mislead (older than
 * {@link DataAge#OLD_AFTER_DAYS} days, or only part of the schedule recorded). No Nodes: the views draw the cells,
 * the view-models and tests read the words.
 *
 * <p>Typing filters by every word typed, each contained in the entry's search text (name, id, symbol, base, venue,
 * date), ignoring case: ControlsFX's {@code SearchableComboBox} does exactly that with {@link #converter()}'s text,
 * which is computed once per profile object here, so a keystroke over 2,000 markets costs a lookup and a
 * {@code contains} per market (MarketFilterBenchmark).
 */
public final class MarketChoices {

    /**
     * One profile as a chooser shows it.
     *
     * @param title  the profile's name ("Bybit ETHUSDT")
     * @param detail the second line: symbol, venue, data date and age
     * @param flag   why the data may mislead, "" when nothing: "data older than 30 days (14 months old); tiers 1-10 of
     *               37 recorded: larger sizes are refused"
     * @param search what typing is matched against, in lower case
     */
    public record Entry(VenueProfile profile, String title, String detail, String flag, String search) {
        public boolean flagged() {
            return !flag.isEmpty();
        }
    }

    private final Clock clock;
    /** By identity: a record's deep equals and hashCode over its tiers would cost more than the match itself. */
    private final Map<VenueProfile, Entry> entries = new IdentityHashMap<>();
    /** The search text alone: no message formatting, so the first keystroke over 2,000 markets stays cheap. */
    private final Map<VenueProfile, String> searches = new IdentityHashMap<>();

    public MarketChoices(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** The entry for {@code p}, computed once per profile object (a saved new version is a new object). */
    public synchronized Entry entry(VenueProfile p) {
        Entry e = entries.get(p);
        if (e == null) {
            e = build(p);
            entries.put(p, e);
        }
        return e;
    }

    private Entry build(VenueProfile p) {
        String asOf = p.provenance().asOf();
        String title = p.hasStandIns() ? Text.format("position.form.venueStandIn", p.name()) : p.name();
        String symbol = p.listing().symbol().isEmpty() ? marketName(p) : p.listing().symbol();
        String date = DataAge.parse(asOf).isEmpty() ? Text.get("app.market.noDate")
                : DataAge.age(asOf, clock).map(a -> Text.format("app.market.dated", asOf, a)).orElse(asOf);
        String detail = Text.format(p.origin().kind() == VenueProfile.Origin.Kind.SHIPPED ? "app.market.detail" : "app.market.detailYours",
                symbol, p.venue(), date);
        List<String> reasons = new ArrayList<>();
        if (DataAge.isOld(asOf, clock)) {
            reasons.add(Text.format("app.market.flag.old", DataAge.OLD_AFTER_DAYS, DataAge.age(asOf, clock).orElse(asOf)));
        }
        if (p.isPartial()) {
            reasons.add(Text.format("app.market.flag.partial", p.rules().tiers().partialNote()));
        }
        if (p.hasStandIns()) {
            reasons.add(Text.get("app.market.flag.standIn"));
        }
        return new Entry(p, title, detail, String.join("; ", reasons), search(p));
    }

    /** What typing is matched against, lower case: name, id, symbol, base, venue, data date. */
    public synchronized String search(VenueProfile p) {
        String s = searches.get(p);
        if (s == null) {
            String symbol = p.listing().symbol().isEmpty() ? marketName(p) : p.listing().symbol();
            s = String.join(" ", p.name(), p.id(), symbol, p.listing().base(), p.venue(), p.provenance().asOf()).toLowerCase(Locale.ROOT);
            searches.put(p, s);
        }
        return s;
    }

    /** Whether {@code p} matches what was typed: every word contained, ignoring case (as SearchableComboBox filters). */
    public Predicate<VenueProfile> matcher(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return p -> true;
        }
        String[] words = t.split("\\s+");
        return p -> {
            String s = search(p);
            for (String w : words) {
                if (!s.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The profiles of {@code all} that match what was typed, in order. */
    public List<VenueProfile> filter(List<VenueProfile> all, String typed) {
        return all.stream().filter(matcher(typed)).toList();
    }

    /**
     * The text SearchableComboBox filters by (its search field matches each typed word against it, lower-cased):
     * the precomputed search text, so the control's own filter matches what {@link #matcher} does.
     */
    public StringConverter<VenueProfile> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(VenueProfile p) {
                return p == null ? "" : search(p);
            }

            @Override
            public VenueProfile fromString(String s) {
                return null; // the choosers are not editable
            }
        };
    }

    /**
     * The markets the window offers: every one, coin-margined (inverse) included. Where the two kinds of one base would
     * double a list, the lists keep them apart: the charts draw the form's kind (PositionViewModel), Compare has a
     * USD-margined / coin-margined choice; the Account tab and the Cascade tab take {@link #linear} only.
     */
    public static List<VenueProfile> offered(List<VenueProfile> all) {
        return List.copyOf(all);
    }

    /** Whether a profile is USD-margined (linear): what an account and the cascade scenarios hold. */
    public static boolean linear(VenueProfile p) {
        return !p.rules().inverse();
    }

    private static final Pattern BASE = Pattern.compile("^([A-Z0-9]+?)(?:[-/_]?(?:USDT|USDC|USD|PERP|SWAP))*$");

    /** The market's short name as the profile states it: "BTCUSDT" from "BTCUSDT linear perpetual". */
    public static String marketName(VenueProfile p) {
        String market = p.market() == null ? "" : p.market().strip();
        int space = market.indexOf(' ');
        return space < 0 ? market : market.substring(0, space);
    }

    /**
     * The base asset a profile is for ("ETH"): its listing's, else read from its market's name (an edited copy keeps
     * "BTCUSDT perpetual"); "" for a profile for any market (the textbook).
     */
    public static String baseOf(VenueProfile p) {
        if (!p.listing().base().isEmpty()) {
            return p.listing().base().toUpperCase(Locale.ROOT);
        }
        Matcher m = BASE.matcher(marketName(p));
        return m.matches() ? m.group(1) : "";
    }

    /** The venue a profile belongs to: its venue rules' id ("bybit-linear"), else its venue's name. */
    public static String venueOf(VenueProfile p) {
        return p.listing().venueRules().isEmpty() ? p.venue() : p.listing().venueRules();
    }
}
