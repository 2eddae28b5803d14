package io.liqlab.ui.compare;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Numbers;
import io.liqlab.core.Outcome;
import io.liqlab.core.PartialLiquidation;
import io.liqlab.core.Position;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.profile.ProfileIds;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.MarketChoices;
import io.liqlab.ui.Text;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The same position at every profile, one row each, with the biggest differences marked and explained. */
public final class ComparisonViewModel {

    /** Which end of the comparison a row is at. */
    public enum Extreme { NONE, CLOSEST, FARTHEST }

    /**
     * One venue's answer. Numbers are NaN where there is none; texts are ready to show. {@code leverage} is the
     * position's (so a row can say by how much it is above {@code maxLeverage}); {@code inForm} marks the profile
     * chosen in the Position form.
     */
    public record Row(String profileId, String profile, double liquidationPrice, double distancePercent, double bankruptcyPrice,
                      String tierAtLiquidation, double maintenanceAtLiquidation, double maxLeverage, boolean leverageAllowed,
                      String feeInTrigger, String partialLiquidation, String backstop, String insuranceFund, String adl,
                      String dataAsOf, boolean standIn, String explanation, Extreme extreme, double leverage, boolean inForm,
                      boolean listed) {
    }

    private final java.time.Clock clock;
    private final LiquidationEngine engine;
    private final List<VenueProfile> profiles;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final ObservableValue<Position> position;
    private final ObjectProperty<VenueProfile> formProfile = new SimpleObjectProperty<>(this, "formProfile");
    private final javafx.beans.property.StringProperty base = new javafx.beans.property.SimpleStringProperty(this, "base", "");
    private final ObservableList<String> bases = FXCollections.observableArrayList();
    /**
     * Which contracts are compared: USD-margined (linear, false) or coin-margined (inverse, true). Follows the form's
     * market like the base does; profiles for any market (the textbook) are in both, so an inverse row always has a
     * linear one of the same USD trade beside it.
     */
    private final ObjectProperty<Boolean> coinMargined = new SimpleObjectProperty<>(this, "coinMargined", false);

    public ComparisonViewModel(LiquidationEngine engine, List<VenueProfile> profiles, ObservableValue<Position> position) {
        this(engine, profiles, position, true);
    }

    /**
     * @param activeAtStart whether the rows are computed from the start; the app passes false and turns it on with the
     *               Compare tab, so start-up does not compute a table nobody sees yet
     */
    public ComparisonViewModel(LiquidationEngine engine, List<VenueProfile> profiles, ObservableValue<Position> position,
                               boolean activeAtStart) {
        this(engine, profiles, position, activeAtStart, java.time.Clock.systemDefaultZone());
    }

    /** @param clock today's date, for how old each venue's data is (tests fix it) */
    public ComparisonViewModel(LiquidationEngine engine, List<VenueProfile> profiles, ObservableValue<Position> position,
                               boolean activeAtStart, java.time.Clock clock) {
        this.clock = clock;
        this.engine = engine;
        active.set(activeAtStart);
        this.profiles = profiles instanceof ObservableList<VenueProfile> live ? live : List.copyOf(profiles);
        this.position = position;
        if (profiles instanceof ObservableList<VenueProfile> live) {
            // A profile saved in the tier editor joins the comparison at once.
            live.addListener((javafx.collections.ListChangeListener<VenueProfile>) c -> {
                if (active.get()) {
                    recompute(position.getValue());
                }
            });
        }
        position.subscribe((was, p) -> {
            if (active.get()) {
                recompute(p);
            }
        });
        active.subscribe(on -> {
            if (on) {
                recompute(position.getValue());
            }
        });
        // The market compared follows the form's choice; choosing another base here compares that one.
        formProfile.subscribe(p -> {
            String b = p == null ? "" : MarketChoices.baseOf(p);
            if (!b.isEmpty()) {
                base.set(b);
                coinMargined.set(p.rules().inverse());
            }
            if (active.get()) {
                recompute(position.getValue());
            }
        });
        base.subscribe(b -> {
            if (active.get()) {
                recompute(position.getValue());
            }
        });
        coinMargined.subscribe(c -> {
            if (active.get()) {
                recompute(position.getValue());
            }
        });
        listBases();
        if (profiles instanceof ObservableList<VenueProfile> live) {
            live.addListener((javafx.collections.ListChangeListener<VenueProfile>) c -> listBases());
        }
    }

    private void listBases() {
        bases.setAll(profiles.stream().map(MarketChoices::baseOf).filter(b -> !b.isEmpty()).distinct()
                .sorted(java.util.Comparator.comparing((String b) -> !b.equals("BTC")).thenComparing(b -> b)).toList());
        if (base.get().isEmpty() && !bases.isEmpty()) {
            base.set(bases.getFirst());
        }
    }

    /**
     * The base asset compared ("ETH"): each venue's row is that venue's profile for it, a venue without it "not
     * listed". Follows the form's market; profiles for any market (the textbook) are always compared.
     */
    public javafx.beans.property.StringProperty baseProperty() {
        return base;
    }

    /** True to compare the coin-margined (inverse) contracts of the base, false for the USD-margined (linear) ones. */
    public ObjectProperty<Boolean> coinMarginedProperty() {
        return coinMargined;
    }

    /** Every base asset some profile is for, BTC first. */
    public ObservableList<String> bases() {
        return bases;
    }

    /** The profile chosen in the Position form: its row is marked (the app binds this to the form's choice). */
    public ObjectProperty<VenueProfile> formProfileProperty() {
        return formProfile;
    }

    /**
     * Whether anyone is looking: while false (its tab hidden) the rows are not kept up to date, so dragging the
     * leverage slider does not lay out a table nobody sees; turning it on brings them up to date at once.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * The rows as CSV (header first), for spreadsheets: numbers without grouping, rounded as they are meant (money to
     * the cent, prices to about six significant digits, percentages and leverages to fixed decimals), and the position
     * compared repeated on every row, so the file says what it is about. Text columns in English with
     * locale-independent numbers, so the file reads the same whatever the user's locale.
     */
    public String toCsv() {
        Position p = position.getValue();
        List<Row> rows = p == null ? List.of() : rows(p, Words.FILE);
        StringBuilder sb = new StringBuilder("profile,liquidationPrice,distancePercent,bankruptcyPrice,tierAtLiquidation,"
                + "maintenanceAtLiquidation,maxLeverage,leverageAllowed,feeInTrigger,partialLiquidation,backstop,dataAsOf,standIn,explanation,"
                + "side,marginMode,entryPrice,markPrice,quantity,notional,leverage,margin\n");
        for (Row r : rows) {
            sb.append(String.join(",", csv(r.profileId().isEmpty() ? r.profile() : r.profileId()), price(r.liquidationPrice()), fixed(r.distancePercent(), 4), price(r.bankruptcyPrice()),
                    csv(r.tierAtLiquidation()), fixed(r.maintenanceAtLiquidation(), 2), fixed(r.maxLeverage(), 2), Boolean.toString(r.leverageAllowed()),
                    csv(r.feeInTrigger()), csv(r.partialLiquidation()), csv(r.backstop()), csv(r.dataAsOf()), Boolean.toString(r.standIn()),
                    csv(r.explanation()), p.side().name().toLowerCase(Locale.ROOT), p.mode().name().toLowerCase(Locale.ROOT),
                    price(p.entryPrice()), price(p.markPrice()), quantity(p.quantity()), fixed(p.notional(), 2),
                    fixed(p.effectiveLeverage(), 2), fixed(p.reportedMargin(), 2))).append('\n');
        }
        return sb.toString();
    }

    /** Where a row's words and numbers go: the screen (the user's language and locale) or a file (locale-independent). */
    private enum Words {
        SCREEN, FILE;

        String text(String key, Object... args) {
            return this == SCREEN ? Text.format(key, args) : Text.formatRoot(key, args);
        }

        Locale locale() {
            return this == SCREEN ? LocalNumbers.locale() : Locale.ROOT;
        }
    }

    private void recompute(Position p) {
        if (p == null) {
            return;
        }
        rows.setAll(rows(p, Words.SCREEN));
    }

    /**
     * The profiles compared: those for the chosen base with the chosen margining (USD- or coin-margined), and those for
     * any market. BTC's six USD-margined rows do not double with its three coin-margined ones unless asked.
     */
    private List<VenueProfile> compared() {
        String b = base.get();
        boolean coin = Boolean.TRUE.equals(coinMargined.get());
        return profiles.stream().filter(v -> {
            String vb = MarketChoices.baseOf(v);
            return vb.isEmpty() || vb.equals(b) && v.rules().inverse() == coin;
        }).toList();
    }

    /** The venues with some market but none for the chosen base, by their name, in list order. */
    private List<String> notListed(List<VenueProfile> compared) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        compared.forEach(v -> listed.add(v.venue()));
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        boolean coin = Boolean.TRUE.equals(coinMargined.get());
        for (VenueProfile v : this.profiles) {
            if (!MarketChoices.baseOf(v).isEmpty() && v.rules().inverse() == coin && !listed.contains(v.venue())) {
                missing.add(v.venue());
            }
        }
        return List.copyOf(missing);
    }

    private List<Row> rows(Position p, Words w) {
        Locale l = w.locale();
        List<VenueProfile> profiles = compared();
        List<LiquidationResult> results = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (VenueProfile v : profiles) {
            try {
                results.add(engine.calculate(v.rules(), p.asTradeOn(v.rules()))); // a coin-margined venue: the same USD trade, margin in its coin
                refusals.add(null);
            } catch (InvalidInputException e) {
                // A venue can refuse a position the others take (a size beyond its recorded tiers): that row says
                // why instead of a number, and the other rows stand.
                results.add(null);
                refusals.add(e.problem());
            }
        }
        double textbookDistance = Double.NaN;
        for (int i = 0; i < profiles.size(); i++) {
            if (ProfileIds.isTextbook(profiles.get(i)) && results.get(i) != null) {
                textbookDistance = results.get(i).distancePercent();
            }
        }
        int closest = -1;
        int farthest = -1;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                continue;
            }
            double d = results.get(i).distancePercent();
            if (Double.isNaN(d)) {
                continue;
            }
            if (closest < 0 || d < results.get(closest).distancePercent()) {
                closest = i;
            }
            if (farthest < 0 || d > results.get(farthest).distancePercent()) {
                farthest = i;
            }
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            VenueProfile v = profiles.get(i);
            LiquidationResult r = results.get(i);
            if (r == null) {
                out.add(new Row(v.id(), v.name(), Double.NaN, Double.NaN, Double.NaN, w.text("compare.none"), Double.NaN, Double.NaN,
                        false, "", partial(v.rules().partialLiquidation(), w), "", v.text().insuranceFund(), "",
                        dataAsOf(v, w), v.hasStandIns(), refusals.get(i), Extreme.NONE, p.effectiveLeverage(), inForm(v), true));
                continue;
            }
            Extreme extreme = closest == farthest ? Extreme.NONE : i == closest ? Extreme.CLOSEST : i == farthest ? Extreme.FARTHEST : Extreme.NONE;
            out.add(new Row(v.id(), v.name(), r.liquidationPrice(), r.distancePercent(), r.bankruptcyPrice(),
                    r.tierAtLiquidation() == null ? w.text("compare.none") : Integer.toString(r.tierAtLiquidation().number()),
                    // a coin-margined row: its maintenance in the coin at its USD value at the liquidation price, so the column compares
                    r.position().inverse() ? r.maintenanceMarginAtLiquidation() * r.liquidationPrice() : r.maintenanceMarginAtLiquidation(),
                    r.maxLeverage(), r.leverageAllowed(),
                    r.feeInTrigger() > 0 ? w.text("compare.feeYes", Numbers.percentOf(r.feeInTrigger(), l)) : w.text("compare.feeNo"),
                    partial(v.rules().partialLiquidation(), w),
                    v.rules().hasBackstop() ? w.text("compare.backstopBelow", fraction(v.rules().backstop().equityFraction(), l)) : w.text("compare.none"),
                    v.text().insuranceFund(), w.text("compare.adl", v.rules().adl().ranking().id().replace('-', ' '),
                            v.rules().adl().closePrice().id().replace('-', ' ')),
                    dataAsOf(v, w), v.hasStandIns(),
                    explain(v, r, textbookDistance, w) + (r.position().inverse()
                            ? w.text("compare.why.coinMargined", io.liqlab.report.ResultReport.coinOf(v)) : ""),
                    extreme, p.effectiveLeverage(), inForm(v), true));
        }
        // A venue without this market says so instead of a number (never another market's tiers).
        for (String venue : notListed(profiles)) {
            String notListed = w.text("compare.notListed");
            out.add(new Row("", venue, Double.NaN, Double.NaN, Double.NaN, notListed, Double.NaN, Double.NaN, false, "", "", "", "", "",
                    "", false, w.text("compare.notListedWhy", venue, base.get()), Extreme.NONE, p.effectiveLeverage(), false, false));
        }
        return out;
    }

    /** The data date and confidence; on screen with the data's age by the real clock ("2 years old"), not in files. */
    private String dataAsOf(VenueProfile v, Words w) {
        String base = w.text("compare.dataAsOf", v.provenance().asOf(), v.provenance().confidence());
        if (w != Words.SCREEN) {
            return base;
        }
        return io.liqlab.ui.DataAge.age(v.provenance().asOf(), clock).map(age -> Text.format("compare.dataAsOfAge", base, age)).orElse(base);
    }

    /** Whether {@code profileId}'s data is more than a month old (the table shows its date in amber). */
    public boolean dataOld(String profileId) {
        return profiles.stream().filter(p -> p.id().equals(profileId)).findFirst()
                .map(p -> io.liqlab.ui.DataAge.isOld(p.provenance().asOf(), clock)).orElse(false);
    }

    private boolean inForm(VenueProfile v) {
        return formProfile.get() != null && formProfile.get().id().equals(v.id());
    }

    /** One line: what in this venue's rules moves its price, and by how much against the textbook. */
    private static String explain(VenueProfile v, LiquidationResult r, double textbookDistance, Words w) {
        Locale l = w.locale();
        if (r.outcome() instanceof Outcome.NeverLiquidated) {
            return w.text("compare.why.never");
        }
        if (r.outcome() instanceof Outcome.LiquidatableAtEntry) {
            return w.text("compare.why.atEntry", Numbers.percentOf(r.maintenanceMarginRate(), l));
        }
        Tier t = r.tierAtLiquidation();
        String mmr = Numbers.percentOf(r.maintenanceMarginRate(), l);
        String rule = switch (v.rules().family()) {
            case RuleFamily.MaintenanceOnEntryNotional _ -> w.text("compare.why.entryNotional", mmr);
            case RuleFamily.FeeInTrigger f -> w.text("compare.why.feeInTrigger", mmr, Numbers.percentOf(f.takerFee(), l), t.number());
            case RuleFamily.FixedMaintenanceFraction _ -> w.text("compare.why.fixedFraction", mmr);
            case RuleFamily.MaintenanceAtLiquidationNotional _ -> v.rules().tiers().size() > 1
                    ? w.text("compare.why.liquidationNotionalTier", mmr, t.number()) : w.text("compare.why.liquidationNotional", mmr);
        };
        String versus = "";
        if (!ProfileIds.isTextbook(v) && !Double.isNaN(textbookDistance)) {
            double diff = r.distancePercent() - textbookDistance;
            versus = Math.abs(diff) < 0.005 ? w.text("compare.why.sameAsTextbook")
                    : w.text(diff < 0 ? "compare.why.closerThanTextbook" : "compare.why.fartherThanTextbook", Numbers.fixed(Math.abs(diff), 2, l));
        }
        return w.text(r.leverageAllowed() ? "compare.why.sentence" : "compare.why.sentenceAboveMaximum", rule, versus);
    }

    private static String partial(PartialLiquidation rule, Words w) {
        Locale l = w.locale();
        return switch (rule) {
            case PartialLiquidation.Whole _ -> w.text("compare.partial.whole");
            case PartialLiquidation.IocOrderFirst _ -> w.text("compare.partial.ioc");
            case PartialLiquidation.PerBlockLimits _ -> w.text("compare.partial.perBlock");
            case PartialLiquidation.Fraction f -> w.text(f.inclusive() ? "compare.partial.fractionFrom" : "compare.partial.fractionAbove",
                    Numbers.percentOf(f.fraction(), l), Numbers.bound(f.thresholdNotional(), l))
                    + (f.cooldownSeconds() > 0 ? w.text("compare.partial.cooldown", Numbers.quantity(f.cooldownSeconds(), l)) : "");
            case PartialLiquidation.TierStepDown s -> w.text("compare.partial.stepDown", s.tiersPerStep(), s.fromTier());
        };
    }

    private static String fraction(double k, Locale l) {
        if (Math.abs(k - 2.0 / 3) < 1e-9) {
            return "2/3";
        }
        if (Math.abs(k - 1.0 / 3) < 1e-9) {
            return "1/3";
        }
        return Numbers.quantity(k, l);
    }

    /** Exactly {@code decimals} decimals, no grouping; empty where there is no number. */
    private static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? Numbers.decimals(v, decimals) : "";
    }

    /** A price as the screen shows it, ungrouped: at least two decimals, about six significant digits (57900.00, 0.0012346). */
    private static String price(double v) {
        return Double.isFinite(v) ? Numbers.price(v).replace(",", "") : "";
    }

    /** A quantity to eight decimals at most, trailing zeros dropped. */
    private static String quantity(double v) {
        return Double.isFinite(v) ? Numbers.quantity(v) : "";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
