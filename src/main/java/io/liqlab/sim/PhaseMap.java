package io.liqlab.sim;

import io.liqlab.core.VenueRules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Where does a shock become a cascade? A grid over two scenario parameters (the initial shock against the book's
 * depth, or another pair), each cell a whole run per seed: the liquidated notional, the amplification and the
 * highest cascade ratio R, as medians over the seeds.
 *
 * <p><b>Amplification</b> = liquidated notional / the notional the initial shock alone liquidates. "Alone" is the
 * shock with no feedback at all: no liquidation order moving the book, no flows, no noise, no mark smoothing. It
 * is the notional, valued at the shocked price {@code P = startPrice * (1 + shock/100)}, of the positions whose
 * trigger (the mark at which the venue acts on them) lies between the start price and {@code P}: longs with a
 * trigger at or above {@code P} for a fall, shorts with a trigger at or below it for a rise. Computed on the same
 * population the run starts from. With no such position (a shock of 0, or one too small to reach any trigger)
 * the amplification is undefined (NaN). A cell's figure is the median over its seeds of each seed's own figure;
 * {@code cascade} says the median maxR is above 1 (R as the simulator defines it: liquidation notional waiting
 * within 1% of the mark over the book's depth within that 1%), that is, R crossed 1 in most seeds.
 *
 * <p>Cells are visited coarse first (every 4th cell in both directions, then every 2nd, then the rest), each once,
 * on a fixed pool of threads (one per core). A cell's runs are the same as standalone runs of
 * {@link #scenarioFor} (the population of a seed is drawn once per thread and copied for each cell: it does not
 * depend on the shock or the book), so the map does not depend on the number of threads or the visiting order.
 */
public final class PhaseMap {

    /** Most cells one map computes. */
    public static final int MAX_CELLS = 10_000;
    /** Strides of the coarse-to-fine passes. */
    static final int[] PASS_STRIDES = {4, 2, 1};

    private PhaseMap() {
    }

    /** A scenario parameter a map can vary, with the range it may take. */
    public enum Parameter {
        /** The initial shock, percent of the price (the scenario's shock time is kept; 0 s when it has none). */
        SHOCK("shock", "Initial shock", "%", -ScenarioReader.MAX_SHOCK_PERCENT, ScenarioReader.MAX_SHOCK_PERCENT),
        /** A multiple of the scenario's book depth (both sides). */
        DEPTH("depth", "Book depth", "x", 0.05, 20),
        /** A multiple of every leverage in the scenario's histogram (each at least 1x; venues still cap it). */
        LEVERAGE("leverage", "Leverage", "x", 0.25, 4),
        /** The share of positions that are long, percent. */
        LONG_SHARE("longshare", "Long share", "%", 1, 99);

        private final String key;
        private final String label;
        private final String unit;
        private final double min;
        private final double max;

        Parameter(String key, String label, String unit, double min, double max) {
            this.key = key;
            this.label = label;
            this.unit = unit;
            this.min = min;
            this.max = max;
        }

        /** Its name on the command line and in the CSV header. */
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** "%" for a percentage, "x" for a multiple of the scenario's own value. */
        public String unit() {
            return unit;
        }

        public double min() {
            return min;
        }

        public double max() {
            return max;
        }

        /** The allowed range in words, for messages: "-90 to 90 (percent)". */
        public String range() {
            return plain(min) + " to " + plain(max) + (unit.equals("%") ? " (percent)" : " (a multiple of the scenario's)");
        }

        public static Optional<Parameter> byKey(String key) {
            for (Parameter p : values()) {
                if (p.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        /** The scenario with this parameter set to {@code value}. */
        public Scenario apply(Scenario s, double value) {
            return switch (this) {
                case SHOCK -> s.withDriver(s.driver().withShockPercent(value));
                case DEPTH -> s.withBook(s.book().withDepthMultiplier(value));
                case LEVERAGE -> s.withLeverage(s.population().leverage().stream()
                        .map(w -> new Scenario.LeverageWeight(Math.min(1000, Math.max(1, w.leverage() * value)), w.weight()))
                        .toList());
                case LONG_SHARE -> s.withLongShare(value / 100);
            };
        }
    }

    /**
     * One axis: {@code steps} values from {@code from} to {@code to}, both ends included ({@code shock=-2:-12:32}
     * is 32 values from -2% to -12%).
     *
     * @throws IllegalArgumentException when a value is outside the parameter's range, the ends are equal or
     *                                  steps is below 1 (the message names the parameter and its range)
     */
    public record Axis(Parameter parameter, double from, double to, int steps) {
        public Axis {
            if (steps < 1 || steps > MAX_CELLS) {
                throw new IllegalArgumentException(parameter.key + " steps: must be a whole number from 1 to "
                        + String.format(Locale.ROOT, "%,d", MAX_CELLS) + ", got " + steps);
            }
            for (double v : new double[] {from, to}) {
                if (!(v >= parameter.min && v <= parameter.max)) {
                    throw new IllegalArgumentException(parameter.key + ": must be within " + parameter.range() + ", got " + plain(v));
                }
            }
            if (from == to) {
                throw new IllegalArgumentException(parameter.key + ": the two ends are equal (" + plain(from)
                        + "); give two different values within " + parameter.range());
            }
        }

        /** The {@code i}th value, 0 = {@code from}. */
        public double value(int i) {
            return steps == 1 ? from : from + (to - from) * i / (steps - 1);
        }
    }

    /**
     * What to map: the scenario (its own seed unless {@code seeds} says otherwise), the venue's rules, the two
     * axes and the seeds {@code firstSeed .. firstSeed + seeds - 1}.
     */
    public record Request(Scenario scenario, VenueRules rules, Axis x, Axis y, long firstSeed, int seeds) {
        public Request {
            if (x.parameter() == y.parameter()) {
                throw new IllegalArgumentException("the two axes must be different parameters, both are " + x.parameter().key());
            }
            long cells = (long) x.steps() * y.steps();
            if (cells > MAX_CELLS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%d x %d = %,d cells; at most %,d",
                        x.steps(), y.steps(), cells, MAX_CELLS));
            }
            if (seeds < 1 || seeds > SeedSpread.MAX_SEEDS) {
                throw new IllegalArgumentException("seeds: must be 1 to " + SeedSpread.MAX_SEEDS + ", got " + seeds);
            }
        }

        /** The scenario's own seed, once. */
        public Request(Scenario scenario, VenueRules rules, Axis x, Axis y) {
            this(scenario, rules, x, y, scenario.seed(), 1);
        }

        public int cellCount() {
            return x.steps() * y.steps();
        }
    }

    /**
     * One cell's figures, medians over the seeds.
     *
     * @param ix                 index along the x axis
     * @param iy                 index along the y axis
     * @param shockAloneNotional what the initial shock alone liquidates (see the class comment), USD
     * @param amplification      liquidated / shock-alone notional (NaN when the shock alone liquidates nothing)
     * @param cascade            the median maxR is above 1
     */
    public record Cell(int ix, int iy, double x, double y, double liquidatedNotional, double shockAloneNotional,
                       double amplification, double maxR, boolean cascade) {
    }

    /**
     * A finished map.
     *
     * @param cells one per cell, x-major: cell {@code (ix, iy)} at {@code ix * y.steps() + iy}
     */
    public record Result(Request request, List<Cell> cells, int threads, long elapsedMillis) {
        public Cell cell(int ix, int iy) {
            return cells.get(ix * request.y().steps() + iy);
        }
    }

    /** Told of each cell as it is done, on the thread that computed it (so it must be thread-safe). */
    @FunctionalInterface
    public interface Listener {
        void cellDone(Cell cell, int done, int total);
    }

    /** The scenario cell {@code (ix, iy)} runs for {@code seed}: what a standalone run of that cell is. */
    public static Scenario scenarioFor(Request r, int ix, int iy, long seed) {
        Scenario s = r.x().parameter().apply(r.scenario(), r.x().value(ix));
        return r.y().parameter().apply(s, r.y().value(iy)).withSeed(seed);
    }

    /**
     * The order cells are visited in, as indices {@code ix * ny + iy}: every 4th cell in both directions, then
     * every 2nd not yet visited, then the rest; each cell exactly once.
     */
    public static int[] visitOrder(int nx, int ny) {
        int[] order = new int[nx * ny];
        boolean[] seen = new boolean[nx * ny];
        int k = 0;
        for (int stride : PASS_STRIDES) {
            for (int ix = 0; ix < nx; ix += stride) {
                for (int iy = 0; iy < ny; iy += stride) {
                    int c = ix * ny + iy;
                    if (!seen[c]) {
                        seen[c] = true;
                        order[k++] = c;
                    }
                }
            }
        }
        return order;
    }

    /** Computes the map on one thread per available core. */
    public static Result run(Request r, Listener listener, BooleanSupplier cancelled) {
        return run(r, Runtime.getRuntime().availableProcessors(), listener, cancelled);
    }

    /**
     * Computes the map on a pool of {@code threads} threads made for it (1: on the calling thread), and waits.
     *
     * @throws CancellationException when {@code cancelled} says so (polled between ticks of every run)
     */
    public static Result run(Request r, int threads, Listener listener, BooleanSupplier cancelled) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads);
        }
        int poolSize = Math.min(threads, r.cellCount());
        ExecutorService pool = poolSize == 1 ? null : Executors.newFixedThreadPool(poolSize,
                Thread.ofPlatform().daemon().name("liqlab-map-", 1).factory());
        try {
            return start(r, pool == null ? Runnable::run : pool, poolSize, listener, cancelled).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while computing the phase map");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Starts the map on {@code workers}: {@code parallelism} tasks, each taking the next cell in the coarse-first
     * order until none is left (so a pool of one thread per core keeps every core busy, and a same-thread
     * executor computes the map on the calling thread before this returns). The future completes with the map,
     * or with a {@link CancellationException} once {@code cancelled} says so, or with the first failure.
     */
    public static CompletableFuture<Result> start(Request r, Executor workers, int parallelism, Listener listener,
                                                  BooleanSupplier cancelled) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: " + parallelism);
        }
        long started = System.nanoTime();
        int total = r.cellCount();
        int[] order = visitOrder(r.x().steps(), r.y().steps());
        Cell[] cells = new Cell[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int tasks = Math.min(parallelism, total);
        AtomicInteger running = new AtomicInteger(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<Result> result = new CompletableFuture<>();
        BooleanSupplier stop = () -> failure.get() != null || cancelled.getAsBoolean();
        // Each task keeps the populations it drew: a map over shock and depth draws one per seed per task.
        long budget = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4) / tasks;
        Runnable task = () -> {
            try {
                ScopedValue.where(PopulationCache.CURRENT, new PopulationCache(budget)).run(() -> {
                    for (int k; (k = next.getAndIncrement()) < total; ) {
                        if (stop.getAsBoolean()) {
                            throw new CancellationException("phase map cancelled");
                        }
                        int c = order[k];
                        Cell cell = compute(r, c / r.y().steps(), c % r.y().steps(), stop);
                        cells[c] = cell;
                        listener.cellDone(cell, done.incrementAndGet(), total);
                    }
                });
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
            if (running.decrementAndGet() == 0) {
                Throwable t = failure.get();
                if (t == null) {
                    long elapsed = (System.nanoTime() - started) / 1_000_000;
                    result.complete(new Result(r, List.of(cells), tasks, elapsed));
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

    /** Cell {@code (ix, iy)}: one run per seed, medians over them. Needs a bound {@link PopulationCache}. */
    static Cell compute(Request r, int ix, int iy, BooleanSupplier cancelled) {
        int n = r.seeds();
        double[] liquidated = new double[n];
        double[] alone = new double[n];
        double[] amplification = new double[n];
        double[] maxR = new double[n];
        int amplified = 0;
        for (int i = 0; i < n; i++) {
            Scenario s = scenarioFor(r, ix, iy, r.firstSeed() + i);
            alone[i] = shockAloneNotional(s, PopulationGenerator.sharedOrdered(s, r.rules(), cancelled));
            SimulationSummary m = Simulator.summaryOf(s, r.rules(), cancelled);
            liquidated[i] = m.liquidatedNotional();
            maxR[i] = m.maxR();
            if (alone[i] > 0) {
                amplification[amplified++] = liquidated[i] / alone[i];
            }
        }
        double medianR = median(maxR);
        return new Cell(ix, iy, r.x().value(ix), r.y().value(iy), median(liquidated), median(alone),
                amplified == 0 ? Double.NaN : median(Arrays.copyOf(amplification, amplified)), medianR, medianR > 1);
    }

    /**
     * The notional the initial shock alone liquidates (see the class comment): positions whose trigger lies
     * between the start price and the shocked price, valued at the shocked price. Both sides are sorted by
     * trigger, ascending, so each is a walk from the end nearest the start price.
     */
    static double shockAloneNotional(Scenario s, Positions p) {
        Scenario.Shock shock = s.driver().shock();
        double percent = shock == null ? 0 : shock.percent();
        if (percent == 0) {
            return 0;
        }
        double shocked = s.market().startPrice() * (1 + percent / 100);
        double quantity = 0;
        if (percent < 0) {
            for (int i = p.longCount - 1; i >= 0 && p.trigger[i] >= shocked; i--) {
                quantity += p.quantity[i];
            }
        } else {
            for (int i = p.longCount; i < p.size && p.trigger[i] <= shocked; i++) {
                quantity += p.quantity[i];
            }
        }
        return quantity * shocked;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return SeedSpread.percentile(sorted, 0.5);
    }

    private static String plain(double v) {
        return io.liqlab.core.Numbers.plain(v);
    }
}
