package io.liqlab.bench;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.MarketChoices;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.util.StringConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What one keystroke in a market chooser costs the FX thread at 2,000 markets (issue 17: under 8 ms). ControlsFX's
 * SearchableComboBox, on every change of its search text, builds a new FilteredList over the items with a predicate
 * that lower-cases the converter's text of each item and checks every typed word is in it; this does the same with
 * LiqLab's converter ({@link MarketChoices#converter()}) over 2,000 synthetic markets (copies of the shipped ones with
 * their own ids, names and symbols). {@code cold} starts from a new MarketChoices, so every market's search text is
 * built in the keystroke (the first keystroke after the catalog loaded); otherwise they are cached, as on every later
 * keystroke. Run: {@code mvn -B -ntp -DskipTests test-compile exec:exec -Djmh.args="MarketFilterBenchmark"}. Not measured: laying out
 * the popup's visible cells (about 12, whatever the list's length), which needs the toolkit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class MarketFilterBenchmark {

    static final int MARKETS = 2_000;

    @Param({"e", "eth", "bybit eth", "zzz"})
    public String typed;

    @Param({"false", "true"})
    public boolean cold;

    private ObservableList<VenueProfile> items;
    private MarketChoices warm;

    /** 2,000 markets: the shipped ones, copied with their own id, name and symbol ("okx-swap-c123", "C123-USDT-SWAP"). */
    static List<VenueProfile> synthetic(int count) {
        List<VenueProfile> shipped = io.liqlab.ui.MarketChoices.offered(TestProfiles.catalog().allProfiles());
        List<VenueProfile> out = new ArrayList<>(count);
        for (int i = 0; out.size() < count; i++) {
            VenueProfile t = shipped.get(i % shipped.size());
            String base = i < shipped.size() ? t.listing().base() : "C" + i;
            String symbol = i < shipped.size() ? t.listing().symbol() : t.listing().symbol().replace(t.listing().base(), base);
            String id = i < shipped.size() ? t.id() : t.id().replaceAll("-[a-z0-9]+$", "") + "-" + base.toLowerCase(Locale.ROOT);
            String name = i < shipped.size() ? t.name() : t.venue() + " " + symbol;
            out.add(new VenueProfile(id, name, t.venue(),
                    t.market(), t.rules(), t.amountSources(), t.launchParameters(), t.text(), t.provenance(), t.origin(),
                    new VenueProfile.Listing(t.listing().venueRules(), symbol, base, t.listing().quote(), t.listing().tickSize())));
        }
        return out;
    }

    @Setup
    public void setUp() {
        items = FXCollections.observableArrayList(synthetic(MARKETS));
        warm = new MarketChoices(Clock.systemDefaultZone());
        items.forEach(warm::entry);
    }

    /** One keystroke: the filtered list SearchableComboBoxSkin.updateFilter() builds, with its predicate, fully evaluated. */
    @Benchmark
    public int keystroke() {
        MarketChoices markets = cold ? new MarketChoices(Clock.systemDefaultZone()) : warm;
        StringConverter<VenueProfile> converter = markets.converter();
        String[] words = typed.trim().toLowerCase().split(" ");
        Predicate<VenueProfile> p = v -> {
            String display = converter.toString(v).toLowerCase();
            return Arrays.stream(words).allMatch(display::contains);
        };
        FilteredList<VenueProfile> filtered = new FilteredList<>(items, p);
        return filtered.size();
    }
}
