package io.liqlab.sim;

import io.liqlab.core.VenueRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * One scenario run over a range of seeds, each seed on its own, spread over a fixed pool of threads (one per
 * core by default): the headline figures as median and 10th-90th percentile over the seeds. One seed is one
 * story; the spread says how much of a figure is the population drawn rather than the scenario.
 *
 * <p>Each seed's run is a pure function of the scenario and the seed, and the summaries are kept in seed order
 * whatever order the runs finish in, so the figures do not depend on the number of threads.
 */
public final class SeedSpread {

    /** Most seeds one spread runs. */
    public static final int MAX_SEEDS = 1_000;

    private SeedSpread() {
    }

    /** A headline figure of a run's summary. */
    public enum Figure {
        LIQUIDATED_NOTIONAL("liquidatedNotional", "Liquidated notional", SimulationSummary::liquidatedNotional),
        LONG_SHARE("longShare", "Long share of liquidated", SimulationSummary::longShareOfLiquidated),
        TROUGH_PERCENT("troughPercent", "Trough", SimulationSummary::troughPercent),
        ADL_NOTIONAL("adlNotional", "ADL notional", SimulationSummary::adlNotional),
        BAD_DEBT("badDebt", "Bad debt", SimulationSummary::badDebt),
        INSURANCE_FUND_MIN("insuranceFundMin", "Insurance fund min", SimulationSummary::insuranceFundMin);

        private final String key;
        private final String label;
        private final ToDoubleFunction<SimulationSummary> value;

        Figure(String key, String label, ToDoubleFunction<SimulationSummary> value) {
            this.key = key;
            this.label = label;
            this.value = value;
        }

        /** Its name in JSON. */
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public double of(SimulationSummary s) {
            return value.applyAsDouble(s);
        }
    }

    /**
     * A figure's spread over the seeds where it is defined (a long share needs a liquidation): all NaN when it
     * is defined for none.
     *
     * @param defined how many seeds the figure was defined for
     */
    public record Band(double p10, double median, double p90, int defined) {
    }

    /**
     * @param firstSeed     the first seed run
     * @param summaries     one per seed, in seed order ({@code firstSeed}, {@code firstSeed + 1}, ...)
     * @param bands         every figure's band
     * @param threads       the threads the seeds ran on
     * @param elapsedMillis wall-clock time of the whole spread
     */
    public record Result(Scenario scenario, long firstSeed, List<SimulationSummary> summaries, Map<Figure, Band> bands,
                         int threads, long elapsedMillis) {

        public long lastSeed() {
            return firstSeed + summaries.size() - 1;
        }

        public Band band(Figure f) {
            return bands.get(f);
        }
    }

    /** Runs seeds {@code firstSeed..lastSeed} on one thread per available core. */
    public static Result run(Scenario scenario, VenueRules rules, long firstSeed, long lastSeed) {
        return run(scenario, rules, firstSeed, lastSeed, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs seeds {@code firstSeed..lastSeed} (both included) on a pool of {@code threads} threads.
     *
     * @throws IllegalArgumentException if the range is empty, holds more than {@link #MAX_SEEDS} seeds, or
     *                                  {@code threads} is below 1
     */
    public static Result run(Scenario scenario, VenueRules rules, long firstSeed, long lastSeed, int threads) {
        if (lastSeed < firstSeed || lastSeed - firstSeed >= MAX_SEEDS) {
            throw new IllegalArgumentException("seeds " + firstSeed + ".." + lastSeed + ": need 1 to " + MAX_SEEDS + " seeds");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads);
        }
        long started = System.nanoTime();
        int count = (int) (lastSeed - firstSeed + 1);
        int poolSize = Math.min(threads, count);
        List<SimulationSummary> summaries = new ArrayList<>(count);
        ExecutorService pool = Executors.newFixedThreadPool(poolSize,
                Thread.ofPlatform().daemon().name("liqlab-seed-", 1).factory());
        try {
            List<Future<SimulationSummary>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Scenario seeded = scenario.withSeed(firstSeed + i);
                // Only the summary is kept: the frames of a thousand runs would not fit in a small heap.
                futures.add(pool.submit(() -> Simulator.summaryOf(seeded, rules, () -> false))); // no heatmap: only the summary is kept
            }
            for (Future<SimulationSummary> f : futures) {
                summaries.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running seeds", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return new Result(scenario, firstSeed, Collections.unmodifiableList(summaries), bands(summaries), poolSize, elapsed);
    }

    /** Every figure's band over these summaries. */
    public static Map<Figure, Band> bands(List<SimulationSummary> summaries) {
        Map<Figure, Band> bands = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            double[] values = summaries.stream().mapToDouble(f::of).filter(v -> !Double.isNaN(v)).toArray();
            bands.put(f, band(values));
        }
        return Collections.unmodifiableMap(bands);
    }

    /** The 10th percentile, median and 90th percentile of {@code values} (NaN-free), NaN when there are none. */
    public static Band band(double[] values) {
        if (values.length == 0) {
            return new Band(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Band(percentile(sorted, 0.10), percentile(sorted, 0.50), percentile(sorted, 0.90), sorted.length);
    }

    /**
     * The {@code p}-quantile of sorted values, interpolated linearly between the closest ranks (the usual
     * definition, R's type 7 and numpy's default): 1,2,3,4 gives a median of 2.5 and a 10th percentile of 1.3.
     */
    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = rank - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
