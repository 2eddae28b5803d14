package io.liqlab.sim;

import io.liqlab.core.VenueRules;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The spread of a run's price path over seeds, frame by frame: the 10th percentile, median and 90th percentile
 * of the book mid at each frame's time over seeds {@code firstSeed .. firstSeed + seeds - 1} (percentiles as in
 * {@link SeedSpread}). Drawn behind the played run, it says how much of the path is the population drawn rather
 * than the scenario. Only the mid of each run is kept, not its frames.
 *
 * @param time one entry per frame, seconds
 */
public record SeedBand(double[] time, double[] p10, double[] median, double[] p90, long firstSeed, int seeds) {

    /** Seeds a band is drawn over by default (CASCADE.md: a spread over 20 or more seeds). */
    public static final int DEFAULT_SEEDS = 20;

    /**
     * Starts the band's runs on {@code workers} ({@code parallelism} tasks, each taking the next seed; a
     * same-thread executor computes it before this returns). Every seed's run has the scenario's ticks, so the
     * frames line up. {@code progress} hears the fraction of seeds done, on the worker that finished one.
     */
    public static CompletableFuture<SeedBand> start(Scenario scenario, VenueRules rules, long firstSeed, int seeds,
                                                    Executor workers, int parallelism, BooleanSupplier cancelled,
                                                    DoubleConsumer progress) {
        if (seeds < 1 || seeds > SeedSpread.MAX_SEEDS) {
            throw new IllegalArgumentException("seeds: must be 1 to " + SeedSpread.MAX_SEEDS + ", got " + seeds);
        }
        double[][] mids = new double[seeds][];
        double[][] times = new double[1][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int tasks = Math.max(1, Math.min(parallelism, seeds));
        AtomicInteger running = new AtomicInteger(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<SeedBand> result = new CompletableFuture<>();
        BooleanSupplier stop = () -> failure.get() != null || cancelled.getAsBoolean();
        Runnable task = () -> {
            try {
                for (int i; (i = next.getAndIncrement()) < seeds; ) {
                    if (stop.getAsBoolean()) {
                        throw new CancellationException("band cancelled");
                    }
                    Frames f = Simulator.run(scenario.withSeed(firstSeed + i), rules, x -> { }, stop).frames();
                    double[] mid = new double[f.size()];
                    for (int k = 0; k < mid.length; k++) {
                        mid[k] = f.get(FrameColumn.MID, k);
                    }
                    if (i == 0) {
                        double[] t = new double[f.size()];
                        for (int k = 0; k < t.length; k++) {
                            t[k] = f.get(FrameColumn.TIME, k);
                        }
                        times[0] = t;
                    }
                    mids[i] = mid;
                    progress.accept((double) done.incrementAndGet() / seeds);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
            if (running.decrementAndGet() == 0) {
                Throwable t = failure.get();
                if (t == null) {
                    result.complete(of(times[0], mids, firstSeed));
                } else {
                    result.completeExceptionally(t);
                }
            }
        };
        for (int t = 0; t < tasks; t++) {
            workers.execute(task);
        }
        return result;
    }

    /** The band of these price paths (one per seed, each as long as {@code time}). */
    static SeedBand of(double[] time, double[][] mids, long firstSeed) {
        int n = time.length;
        double[] p10 = new double[n];
        double[] median = new double[n];
        double[] p90 = new double[n];
        double[] column = new double[mids.length];
        for (int k = 0; k < n; k++) {
            for (int s = 0; s < mids.length; s++) {
                column[s] = mids[s][k];
            }
            Arrays.sort(column);
            p10[k] = SeedSpread.percentile(column, 0.10);
            median[k] = SeedSpread.percentile(column, 0.50);
            p90[k] = SeedSpread.percentile(column, 0.90);
        }
        return new SeedBand(time, p10, median, p90, firstSeed, mids.length);
    }

    public int size() {
        return time.length;
    }
}
