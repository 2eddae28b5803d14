package io.liqlab.sim;

import io.liqlab.core.AdlRule;
import io.liqlab.core.Backstop;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.PartialLiquidation;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.VenueRules;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The cascade engine (CASCADE.md, "The loop, per tick"): the driver moves the book, the mark follows the mid,
 * every position whose trigger the mark has crossed is liquidated by its venue's rules (partial with cooldown,
 * backstop hand-over, whole), liquidation orders trade into the book and move it, each close settles against
 * its bankruptcy price through the insurance fund, and ADL closes opposing profitable positions when the fund
 * cannot pay. One frame is recorded per tick.
 *
 * <p>Money is kept in double entry: every transfer is booked on both sides, and after every tick the sum of all
 * accounts' changes (traders, fees, insurance fund, backstop vault, the ADL clearing account, the book's makers,
 * the outside counterparties of the opening trades, and bad debt) must be zero; the engine stops with an error
 * if it is not. A run is single-threaded and deterministic: the same scenario and seed give the same frames.
 */
public final class Simulator {

    /** Money may drift by rounding only: this share of the population's opening notional, plus one cent. */
    static final double CONSERVATION_TOLERANCE = 1e-9;
    /** Below this a heatmap bucket is empty: less than a dollar waiting is the sum's rounding, not a position. */
    static final double HEAT_DUST = 1;
    /** ADL rankings are rebuilt after the mark moves this much (a ranking is a snapshot, as on a venue). */
    static final double ADL_RERANK_FRACTION = 0.025;

    private Simulator() {
    }

    public static SimulationResult run(Scenario scenario, VenueRules rules) {
        return run(scenario, rules, p -> { }, () -> false);
    }

    /**
     * Runs {@code scenario} under {@code rules} on the calling thread.
     *
     * @param progress  receives the fraction done, 0..1, a few hundred times per run
     * @param cancelled polled between ticks; when it says true the run stops with a {@link CancellationException}
     */
    public static SimulationResult run(Scenario scenario, VenueRules rules, DoubleConsumer progress,
                                       BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Run run = new Run(scenario, rules, progress, cancelled);
        run.execute();
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return run.result(elapsed);
    }

    /**
     * The run's summary only, for the phase map's cells and the seed spread's seeds: the frames are kept without the
     * heatmap, 1.4 MB per run (an hour of 100 buckets) that neither reads, so a map of a thousand cells allocates and
     * collects that much less while the window plays (GC pauses stop the FX thread too). Every figure is the same as
     * {@link #run}'s.
     */
    static SimulationSummary summaryOf(Scenario scenario, VenueRules rules, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Run run = new Run(scenario, rules, p -> { }, cancelled);
        run.recordHeat = false;
        run.execute();
        return run.result((System.nanoTime() - started) / 1_000_000).summary();
    }

    /** Heap held per position for a whole run: entry, quantity, margin and trigger as doubles, and a state byte. */
    public static final int BYTES_PER_POSITION = Positions.BYTES_PER_POSITION;
    /** Heap per position at the peak, while the population is ordered (two longs per position more). */
    public static final int PEAK_BYTES_PER_POSITION = 4 * Double.BYTES + 2 * Long.BYTES;

    /** Positions from which a first run in a JVM warms the JIT on a second core. */
    static final int WARM_UP_FROM = 200_000;
    /** Size of the warm-up copy of the run. */
    static final int WARM_UP_POSITIONS = 50_000;
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The first large run in a fresh JVM meets its heaviest work (the cascade's first seconds) while the code is
     * still interpreted. On a machine with a second core, a small copy of the same run (50,000 positions, the
     * first five minutes; the same market, since sizes scale with the population) going through the same code
     * while the real run draws its population lets the JIT compile and profile the cascade by the time the real
     * one starts (cold median 595 to 480 ms, README "Benchmarks"). Whether that is worth doing for this run: a
     * large run, two cores or more, not switched off ({@code -Dliqlab.sim.noWarmUp=true}), and no warm-up yet in
     * this JVM.
     */
    public static boolean warmUpWanted(Scenario scenario) {
        return scenario.population().positions() >= WARM_UP_FROM && Runtime.getRuntime().availableProcessors() >= 2
                && !Boolean.getBoolean("liqlab.sim.noWarmUp") && !WARMED.get();
    }

    /**
     * Runs the warm-up copy of {@code scenario} on the calling thread when {@link #warmUpWanted} says so, at most
     * once per JVM; its result is thrown away and changes no figure of any run. The caller decides where it runs:
     * the window hands it to its task executor beside the real run, the command line to
     * {@link #runWarmingUp}. Starts no thread.
     *
     * @param cancelled polled between ticks; a cancelled warm-up just stops
     * @return whether a warm-up ran (to its end or until cancelled)
     */
    public static boolean warmUp(Scenario scenario, VenueRules rules, BooleanSupplier cancelled) {
        if (!warmUpWanted(scenario) || !WARMED.compareAndSet(false, true)) {
            return false;
        }
        Scenario small = scenario.withPositions(Integer.getInteger("liqlab.sim.warmUpPositions", WARM_UP_POSITIONS))
                .withDuration(Math.min(Integer.getInteger("liqlab.sim.warmUpSeconds", 300), scenario.clock().durationSeconds()));
        try {
            new Run(small, rules, f -> { }, cancelled).execute();
        } catch (RuntimeException | Error e) {
            // A warm-up only (cancelled, or short of memory); the real run reports its own problems.
        }
        return true;
    }

    /** Forgets that this JVM has warmed up (tests of who schedules the warm-up; see the test sources' {@code WarmUps}). */
    static void forgetWarmUp() {
        WARMED.set(false);
    }

    /**
     * A run for a headless caller with no task executor (the command line's {@code simulate} and its
     * {@code --bench}): the {@link #warmUp} copy on a daemon thread of the engine's own, like the seed and phase-map
     * pools, beside the run on the calling thread. The window never calls this: it schedules {@link #warmUp} as a
     * task of its executor.
     */
    public static SimulationResult runWarmingUp(Scenario scenario, VenueRules rules) {
        if (warmUpWanted(scenario)) {
            Thread.ofPlatform().daemon().name("liqlab-sim-warm-up").start(() -> warmUp(scenario, rules, () -> false));
        }
        return run(scenario, rules);
    }

    /** A hand-placed position, for tests and worked examples: side +1 long or -1 short. */
    record PlacedPosition(int sign, double entry, double quantity, double margin) {
    }

    /**
     * Runs {@code scenario} with these positions instead of drawing its population (the population section is
     * ignored): for unit tests of single rules.
     */
    static SimulationResult runWith(Scenario scenario, VenueRules rules, java.util.List<PlacedPosition> placed) {
        long started = System.nanoTime();
        Run run = new Run(scenario, rules, f -> { }, () -> false);
        run.placed = placed;
        run.execute();
        return run.result((System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A population's figures at the start of a run (its margin and open interest, and its liquidation notional waiting
     * on the price grids): they depend on the positions and the grids alone, so a cached population keeps them from
     * its first run and its later runs (a what-if's shock or depth) copy them instead of summing a million positions.
     */
    record Opening(double fineStep, double heatLow, double heatWidth, double initialMargin, double openSignedQty,
                   double openSignedCost, double grossOpening, double openQtyLong, double openQtyShort, double[] fineLong,
                   double[] fineShort, double[] heat) {
    }

    private static final class Run {
        private java.util.List<PlacedPosition> placed;
        /** Whether frames keep the heatmap (every run but a phase map's cells). */
        private boolean recordHeat = true;
        private final Scenario scenario;
        /** The scenario as the caller gave it (the result carries it); {@code scenario} is it at the venue's depth. */
        private final Scenario asGiven;
        private final VenueRules rules;
        private final DoubleConsumer progress;
        private final BooleanSupplier cancelled;
        private final double dt;
        private final int ticks;

        private Positions p;
        private OrderBook book;
        private Frames frames;
        /** Per side (0 long, 1 short): the heap of positions whose trigger moved after a partial close or an ADL. */
        private final TriggerHeap[] heaps = {new TriggerHeap(1), new TriggerHeap(-1)};
        private final CooldownTable cooldown = new CooldownTable();
        /**
         * Per side: the next slot of the trigger-ordered segment, walked from the mark's side (longs from the top
         * of theirs down, shorts from the bottom of theirs up).
         */
        private final int[] cursor = new int[2];
        private double mark;
        private double now;
        private final double markAlpha;

        // Rule switches resolved against the venue.
        private final Backstop backstop;
        private final PartialLiquidation partial;
        private final AdlRule.Ranking ranking;
        private final boolean proRata;
        private final boolean adlEnabled;
        private final double feeRate;
        /** The backstop vault's capital (Hyperliquid's liquidator); +infinity where it is not limited. */
        private final double vaultCapital;
        /**
         * No separate insurance fund (Hyperliquid): a book liquidation's remaining collateral stays with the trader,
         * the vault's capital is the only buffer, and a loss it does not take is auto-deleveraged.
         */
        private final boolean noFund;

        // Double-entry accounts (USD). See conservationError().
        private double initialMargin;
        private double marginOpen;
        private double returned;
        private double openSignedQty;      // sum s*q over open positions
        private double openSignedCost;     // sum s*q*e over open positions
        private double mirrorSignedQty;    // the opening trades' outside counterparties hold -(these)
        private double mirrorSignedCost;
        private double makerQty;
        private double makerCost;
        private double vaultCash;
        private double vaultQty;
        private double vaultCost;
        private double clearingQty;
        private double clearingCost;
        private double fees;
        private double insurance;
        private final double insuranceStart;
        private double badDebt;
        private double openQtyLong;
        private double openQtyShort;
        private double grossOpening;
        private double maxImbalance;

        // Remaining liquidation notional by trigger price: fine buckets for R, coarse for the heatmap.
        private double fineStep;
        private double[] fineLong;
        private double[] fineShort;
        private double[] heat;
        private double heatLow;
        private double heatWidth;

        // Per-tick tallies.
        private double tickForcedSell;
        private double tickForcedBuy;
        private int tickLiqLong;
        private int tickLiqShort;
        private double tickNotionalLong;
        private double tickNotionalShort;
        private int tickPartial;
        private double tickPartialNotional;
        private int tickFull;
        private double tickFullNotional;
        private int tickBackstop;
        private double tickBackstopNotional;
        private int tickAdlCount;
        private double tickAdlNotional;

        // Run totals.
        private long liquidations;
        private long partials;
        private double notionalLong;
        private double notionalShort;
        private double backstopNotional;
        private long adlCount;
        private double adlNotional;
        /** ADL'd notional of opposing positions closed at a gain against their entry. */
        private double adlNotionalInProfit;
        private double fundMin;
        private double priceLow;
        /** When a market order first ran through a whole side of the book, or NaN. */
        private double bookRanOutSecond = Double.NaN;
        private double maxR;

        // ADL ranking (a snapshot, rebuilt when stale) and the pro-rata batch.
        private int adlCount0;
        private int adlCursor;
        private int adlSide;
        private double adlRankedAt = Double.NaN;
        private int adlRankedTick = -1;
        private int tickNumber;
        private final SplittableRandom adlRandom;
        private final double[] pendingQty = new double[2];
        private final double[] pendingCost = new double[2];
        private final double[] takenOverQty = new double[2];
        private final double[] takenOverCost = new double[2];

        private final SplittableRandom noiseRandom;

        Run(Scenario scenario, VenueRules rules, DoubleConsumer progress, BooleanSupplier cancelled) {
            this.asGiven = scenario;
            this.scenario = scenario.atVenueDepth(); // the venue's own share of the market's book, if it has one
            this.rules = rules;
            this.progress = progress;
            this.cancelled = cancelled;
            this.dt = scenario.clock().tickSeconds();
            this.ticks = scenario.ticks();
            double ema = scenario.market().markEmaSeconds();
            this.markAlpha = ema <= 0 ? 1 : 1 - Math.exp(-dt / ema);
            Scenario.Rules switches = scenario.rules();
            this.backstop = switches.backstop() ? rules.backstop() : null;
            this.partial = switches.partialLiquidation() ? rules.partialLiquidation() : new PartialLiquidation.Whole();
            this.proRata = switches.adl() == Scenario.AdlMode.PRO_RATA;
            this.ranking = switches.adl() == Scenario.AdlMode.OFF ? AdlRule.Ranking.NONE : rules.adl().ranking();
            this.adlEnabled = proRata || ranking != AdlRule.Ranking.NONE;
            this.feeRate = rules.liquidationFeeRate();
            this.vaultCapital = backstop != null ? backstop.vaultCapital() : Double.POSITIVE_INFINITY;
            this.noFund = backstop != null && backstop.replacesInsuranceFund();
            this.insuranceStart = noFund ? 0 : scenario.insuranceFund();
            this.insurance = insuranceStart;
            SplittableRandom root = new SplittableRandom(scenario.seed());
            this.noiseRandom = root.split();
            this.adlRandom = root.split();
        }

        private long orderingStarted;
        private long populationNanos;
        private long orderingNanos;
        private long cascadeNanos;

        void execute() {
            try {
                simulate();
            } finally {
                if (p != null && placed == null && PopulationCache.CURRENT.isBound()) {
                    PopulationCache.CURRENT.get().giveBack(p); // the cache's working copy: free for the next run
                }
            }
        }

        private void simulate() {
            long t0 = System.nanoTime();
            double start = scenario.market().startPrice();
            p = placed != null ? PopulationGenerator.place(rules, start, placed)
                    : PopulationGenerator.generate(scenario, rules, cancelled, (phase, f) -> {
                if (phase == PopulationGenerator.Phase.ORDERING && orderingStarted == 0) {
                    orderingStarted = System.nanoTime();
                }
                progress.accept(phase == PopulationGenerator.Phase.POPULATION ? 0.4 * f : 0.4);
            });
            long t1 = System.nanoTime();
            if (orderingStarted == 0) {
                orderingStarted = t1; // copied from a cache: nothing was ordered
            }
            populationNanos = orderingStarted - t0;
            orderingNanos = t1 - orderingStarted;
            progress.accept(0.5);
            book = new OrderBook(scenario.book(), start);
            mark = start;
            cursor[0] = p.longCount - 1;
            cursor[1] = p.longCount;
            fundMin = insurance;
            priceLow = start;
            openBooks(start);
            frames = new Frames(ticks + 1, recordHeat ? scenario.heatmap().buckets() : 0, heatLow, heatLow + heatWidth * heat.length);
            recordFrame();
            int report = Math.max(1, ticks / 200);
            for (int t = 1; t <= ticks; t++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled at tick " + t);
                }
                now = t * dt;
                tickNumber = t;
                tick(t);
                recordFrame();
                if (t % report == 0) {
                    progress.accept(0.5 + 0.5 * t / ticks);
                }
            }
            progress.accept(1);
            cascadeNanos = System.nanoTime() - t1;
        }

        private void openBooks(double start) {
            fineStep = start * OrderBook.LEVEL_FRACTION;
            int fineBuckets = (int) Math.round(2 / OrderBook.LEVEL_FRACTION);
            fineLong = new double[fineBuckets];
            fineShort = new double[fineBuckets];
            Scenario.Heatmap hm = scenario.heatmap();
            heat = new double[hm.buckets()];
            heatLow = start * (1 - hm.rangePercent() / 100);
            heatWidth = start * 2 * hm.rangePercent() / 100 / hm.buckets();
            Opening kept = p.source != null ? p.source.opening : null;
            if (kept != null && kept.fineStep == fineStep && kept.heatLow == heatLow && kept.heatWidth == heatWidth
                    && kept.heat.length == heat.length && kept.fineLong.length == fineBuckets) {
                // A cached population's opening figures, summed by the first run from it in this same order.
                initialMargin = kept.initialMargin;
                openSignedQty = kept.openSignedQty;
                openSignedCost = kept.openSignedCost;
                grossOpening = kept.grossOpening;
                openQtyLong = kept.openQtyLong;
                openQtyShort = kept.openQtyShort;
                System.arraycopy(kept.fineLong, 0, fineLong, 0, fineBuckets);
                System.arraycopy(kept.fineShort, 0, fineShort, 0, fineBuckets);
                System.arraycopy(kept.heat, 0, heat, 0, heat.length);
            } else {
                sumOpening();
                if (p.source != null) {
                    p.source.opening = new Opening(fineStep, heatLow, heatWidth, initialMargin, openSignedQty, openSignedCost,
                            grossOpening, openQtyLong, openQtyShort, fineLong.clone(), fineShort.clone(), heat.clone());
                }
            }
            marginOpen = initialMargin;
            mirrorSignedQty = openSignedQty;
            mirrorSignedCost = openSignedCost;
        }

        /** The population's margin, open interest and waiting liquidations at the start, position by position. */
        private void sumOpening() {
            for (int i = 0; i < p.size; i++) {
                int s = p.sign(i);
                double q = p.quantity[i];
                double m = p.margin[i];
                initialMargin += m;
                openSignedQty += s * q;
                openSignedCost += s * q * p.entry[i];
                grossOpening += q * p.entry[i];
                if (s > 0) {
                    openQtyLong += q;
                } else {
                    openQtyShort += q;
                }
                addWaiting(i, 1);
            }
        }

        /** Adds (+1) or removes (-1) position i's liquidation notional from the waiting histograms. */
        private void addWaiting(int i, int direction) {
            double t = p.trigger[i];
            if (t <= 0 || t == Double.POSITIVE_INFINITY) {
                return;
            }
            double notional = direction * p.quantity[i] * t;
            int f = (int) (t / fineStep);
            if (f >= 0 && f < fineLong.length) {
                int side = i < p.longCount ? 0 : 1;
                if (side == 0) {
                    fineLong[f] += notional;
                } else {
                    fineShort[f] += notional;
                }
                if (f >= waitingFrom[side] && f <= waitingTo[side]) {
                    waitingKept[side] = false; // a bucket of the kept window changed
                }
            }
            int h = (int) Math.floor((t - heatLow) / heatWidth);
            if (h >= 0 && h < heat.length) {
                heat[h] += notional;
            }
        }

        // ---- one tick ----------------------------------------------------------------------------------------

        private void tick(int t) {
            resetTally();
            Scenario.Book bk = scenario.book();
            double reference = midAt(now - bk.thinningWindowSeconds());
            double move = Math.abs(book.mid() - reference) / reference;
            double load = Math.min(1, move / (bk.thinningMovePercent() / 100));
            book.setStress(1 - bk.thinningMaxPercent() / 100 * load);

            Scenario.Driver driver = scenario.driver();
            double previous = now - dt;
            Scenario.Shock shock = driver.shock();
            if (shock != null && shock.atSecond() <= now && (shock.atSecond() > previous || (t == 1 && shock.atSecond() <= 0))) {
                book.jump(book.mid() * (1 + shock.percent() / 100), now);
            }
            if (driver.noisePercentPerSqrtSecond() > 0) {
                double z = noiseRandom.nextGaussian();
                book.jump(book.mid() * Math.exp(driver.noisePercentPerSqrtSecond() / 100 * z * Math.sqrt(dt)), now);
            }
            double flow = 0;
            for (Scenario.Flow f : driver.flows()) {
                double overlap = Math.min(now, f.toSecond()) - Math.max(previous, f.fromSecond());
                if (overlap > 0) {
                    flow += f.notionalPerSecond() * overlap;
                }
            }
            if (flow < 0) {
                book.sell(-flow / book.mid(), now, true);
            } else if (flow > 0) {
                book.buy(flow / book.mid(), now, true);
            }
            frames.set(FrameColumn.EXTERNAL_FLOW_NOTIONAL, flow);

            mark += (book.mid() - mark) * markAlpha;
            unwindTakeovers();
            refileNextBlock();
            liquidateSide(1);
            liquidateSide(-1);
            if (proRata) {
                settleProRata(1);
                settleProRata(-1);
            }
            if (vaultCapital != Double.POSITIVE_INFINITY) {
                deleverageVault();
                if (proRata) {
                    settleProRata(1);
                    settleProRata(-1);
                }
            }
        }

        private double midAt(double time) {
            int f = (int) Math.round(time / dt);
            return frames.committed(FrameColumn.MID, Math.max(0, Math.min(frames.size() - 1, f)));
        }

        /**
         * Liquidates every position of side {@code s} (+1 long, -1 short) whose trigger the mark has crossed, nearest
         * first: the next one is the nearer of the segment's next slot and the top of the side's heap (a long's
         * trigger is crossed at or above the mark, a short's at or below). A long's trigger of 0, or a short's of
         * +infinity, is never crossed.
         */
        private void liquidateSide(int s) {
            int side = s > 0 ? 0 : 1;
            TriggerHeap heap = heaps[side];
            int end = s > 0 ? -1 : p.size; // one step past the segment's last slot
            double none = s > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            while (true) {
                int c = cursor[side];
                while (c != end && p.state[c] != Positions.IN_ORDER) {
                    c -= s;
                }
                cursor[side] = c;
                dropStale(heap);
                double fromOrder = c != end ? p.trigger[c] : none;
                double fromHeap = heap.isEmpty() ? none : heap.topTrigger();
                boolean fromTheOrder = s * fromOrder >= s * fromHeap; // ties: the sorted slot first
                double next = fromTheOrder ? fromOrder : fromHeap;
                if (s * (next - mark) < 0 || (s > 0 ? next <= 0 : next == Double.POSITIVE_INFINITY)) {
                    return;
                }
                int i;
                if (fromTheOrder) {
                    i = c;
                    cursor[side] = c - s;
                } else {
                    i = heap.topIndex();
                    heap.pop();
                }
                liquidate(i, s);
            }
        }

        private void dropStale(TriggerHeap heap) {
            while (!heap.isEmpty()) {
                int i = heap.topIndex();
                if (p.state[i] == Positions.IN_HEAP && p.trigger[i] == heap.topTrigger()) {
                    return;
                }
                heap.pop();
            }
        }

        // ---- liquidating one position -------------------------------------------------------------------------

        private void liquidate(int i, int s) {
            double q = p.quantity[i];
            double e = p.entry[i];
            double m = p.margin[i];
            if (backstop != null) {
                double equity = m + s * q * (mark - e);
                double mm = LiquidationEngine.maintenanceMargin(rules, e, q, mark);
                if (equity < backstop.equityFraction() * mm) {
                    if (vaultCapital == Double.POSITIVE_INFINITY) {
                        handToBackstop(i, s, q, e, m);
                        return;
                    }
                    if (toVaultOrAdl(i, s, q, e, m)) {
                        return;
                    }
                }
            }
            double close = partialQuantity(i, q, e);
            if (vaultCapital != Double.POSITIVE_INFINITY && bookFailsBeforeBackstop(i, s, q, e, m, close)) {
                return;
            }
            if (close < q) {
                double fill = preview(s, close);
                double newMargin = m + s * close * (fill / close - e) - feeRate * fill;
                // Only a position still solvent at the mark after the cut is cut: its fee then comes out of its own
                // equity. One already past its bankruptcy price is closed whole, the fee only out of a surplus
                // (LIQUIDATION.md section 5; OKX: "margin below tier-1 MMR+fee: full liquidation"), so the fund
                // never pays a partial order's fee.
                if (newMargin > 0 && newMargin + s * (q - close) * (mark - e) > 0) {
                    closePart(i, s, q, e, m, close);
                    return;
                }
            }
            if (partial instanceof PartialLiquidation.IocOrderFirst) {
                closeIocFirst(i, s, q, e, m);
            } else if (partial instanceof PartialLiquidation.PerBlockLimits) {
                closeAtFillablePrice(i, s, q, e, m);
            } else {
                closeWhole(i, s, q, e, m, Double.NaN);
            }
        }

        /**
         * Hyperliquid: a position below 2/3 of its maintenance margin goes to the liquidator vault when the vault's
         * capital can carry it. An account whose value is negative, or one the vault will not take because its
         * capital is spent, is auto-deleveraged ("The liquidator has one last option to avoid liquidations that
         * would cause a sufficiently large drawdown, at which point auto-deleveraging is triggered", docs: Trading >
         * Auto-deleveraging). Returns false when neither can take it (ADL switched off): the book gets it.
         */
        private boolean toVaultOrAdl(int i, int s, double q, double e, double m) {
            double equity = m + s * q * (mark - e);
            if (equity >= 0 && vaultCanTake(s, q, equity)) {
                handToBackstop(i, s, q, e, m);
                return true;
            }
            if (adlEnabled) {
                deleverage(i, s, q, e, m, 0);
                return true;
            }
            return false;
        }

        /**
         * Hyperliquid's order of events (docs: Trading > Liquidations): the liquidation is first sent to the book as
         * a market order, and "if the account equity drops below 2/3 of the maintenance margin without successful
         * liquidation through the book, a backstop liquidation happens". The model reads the order as filling
         * only down to the backstop price (where equity reaches 2/3 MM): what the book cannot fill there is
         * liquidation through the book failing, and the rest of the position goes to the vault (or to ADL).
         * Returns false when the order fills within the backstop price (the caller closes it as usual).
         */
        private boolean bookFailsBeforeBackstop(int i, int s, double q, double e, double m, double close) {
            double limit = LiquidationEngine.thresholdPrice(rules, s, e, q, m, backstop.equityFraction());
            if (Double.isNaN(limit)) {
                return false;
            }
            preview(s, close);
            if (s * (book.lastPreviewPrice() - limit) >= 0) {
                return false;
            }
            double within = Math.min(close, book.quantityWithin(s, limit, now));
            if (within > 0) {
                double share = within / q;
                double notional = execute(s, within);
                settle(share * m + s * (notional - within * e), notional);
                double newMargin = m - share * m;
                addWaiting(i, -1);
                p.quantity[i] = q - within;
                p.margin[i] = newMargin;
                addWaiting(i, 1);
                marginOpen -= share * m;
                reduceOpen(s, within, e);
                countLiquidation(s, notional, Kind.PARTIAL);
                q -= within;
                m = newMargin;
            }
            if (!toVaultOrAdl(i, s, q, e, m)) {
                closeWhole(i, s, q, e, m, Double.NaN);
            }
            return true;
        }

        /**
         * Binance: one IOC order into the book, limited at the bankruptcy price; whatever it cannot fill there
         * is taken over at the bankruptcy price by the liquidation engine (the ADL clearing account here), which
         * unwinds it into the book with the insurance fund paying the loss, or hands it to ADL when the fund
         * cannot.
         */
        private void closeIocFirst(int i, int s, double q, double e, double m) {
            double bankruptcy = e - s * m / q;
            // Most orders end above the bankruptcy price: one preview says so, and then the order is whole.
            double fill = preview(s, q);
            if (s * (book.lastPreviewPrice() - bankruptcy) >= 0) {
                closeWhole(i, s, q, e, m, fill);
                return;
            }
            double ioc = book.quantityWithin(s, bankruptcy, now);
            if (ioc >= q) {
                closeWhole(i, s, q, e, m, fill);
                return;
            }
            double share = ioc / q;
            double notional = ioc > 0 ? execute(s, ioc) : 0;
            settle(share * m + s * (notional - ioc * e), notional); // a shortfall: rounding at the limit price only
            double rest = q - ioc;
            marginOpen -= m;
            reduceOpen(s, q, e);
            close(i);
            countLiquidation(s, notional + rest * bankruptcy, Kind.FULL);
            // Taken over at the bankruptcy price; the engine unwinds it at the start of the next tick.
            clearingQty += s * rest;
            clearingCost += s * rest * bankruptcy;
            int side = s > 0 ? 0 : 1;
            takenOverQty[side] += rest;
            takenOverCost[side] += rest * bankruptcy;
        }

        /**
         * dYdX: the liquidation order is limited at the fillable price {@code F = P * (1 - s * SMMR * MMF * BA *
         * (1 - TNC/TMMR))} (P the oracle price, the mark here; TNC the position's equity at it; TMMR its maintenance
         * margin), so the insurance fund pays at most the gap between F and the bankruptcy price: 1.5 x MMR when
         * the equity is zero. What fills within F is closed; the rest waits for the next block (the next tick),
         * with F recomputed there. A position past its bankruptcy price that cannot be filled once the fund is empty
         * is deleveraged at its bankruptcy price (ADL only after the fund, LIQUIDATION.md section 5).
         */
        private void closeAtFillablePrice(int i, int s, double q, double e, double m) {
            double mm = LiquidationEngine.maintenanceMargin(rules, e, q, mark);
            double equity = m + s * q * (mark - e);
            // dYdX clamps BA * (1 - TNC/TMMR) to [0, 1]: the spread is at most 1.5 x MMF, however deep the deficit.
            double adjusted = Math.clamp(PartialLiquidation.PerBlockLimits.BANKRUPTCY_ADJUSTMENT * (1 - equity / mm), 0.0, 1.0);
            double spread = PartialLiquidation.PerBlockLimits.SPREAD_TO_MAINTENANCE * (mm / (q * mark)) * adjusted;
            double fillable = mark * (1 - s * spread);
            double fill = preview(s, q);
            double within = s * (book.lastPreviewPrice() - fillable) >= 0 ? q : Math.min(q, book.quantityWithin(s, fillable, now));
            if (within >= q * (1 - 1e-12)) {
                closeWhole(i, s, q, e, m, within == q ? fill : Double.NaN);
                return;
            }
            if (within > 0) {
                // Filled up to the limit: the filled part is closed with its share of the margin and settles at
                // once against its bankruptcy price (surplus less the penalty to the fund, a shortfall paid by the
                // fund), as a whole close would; the rest keeps its share of the margin and stays open.
                double share = within / q;
                double notional = execute(s, within);
                settle(share * m + s * (notional - within * e), notional);
                double newMargin = m - share * m;
                addWaiting(i, -1);
                p.quantity[i] = q - within;
                p.margin[i] = newMargin;
                marginOpen -= share * m;
                reduceOpen(s, within, e);
                countLiquidation(s, notional, Kind.PARTIAL);
                q -= within;
                m = newMargin;
                addWaiting(i, 1); // at its trigger for now; refiled below if it waits
                equity = m + s * q * (mark - e);
            }
            if (equity < 0 && adlEnabled && insurance <= 0) {
                // Past bankruptcy, unfillable within F, and no fund left to pay a later fill: deleveraged.
                deleverage(i, s, q, e, m, 0);
                return;
            }
            // Next block: out of this tick's walk, back in the trigger heap at the start of the next.
            if (within > 0) {
                double t = LiquidationEngine.thresholdPrice(rules, s, e, q, m, 1);
                if (!Double.isNaN(t)) {
                    addWaiting(i, -1);
                    p.trigger[i] = t;
                    addWaiting(i, 1);
                }
            }
            p.state[i] = Positions.IN_HEAP;
            nextBlock.add(i);
        }

        /** dYdX positions whose liquidation waits for the next block; filed back in the trigger heaps each tick. */
        private final java.util.ArrayList<Integer> nextBlock = new java.util.ArrayList<>();

        private void refileNextBlock() {
            for (int i : nextBlock) {
                if (p.state[i] == Positions.IN_HEAP) {
                    heaps[i < p.longCount ? 0 : 1].push(i, p.trigger[i]);
                }
            }
            nextBlock.clear();
        }

        /**
         * Unwinds what the liquidation engine took over at bankruptcy prices last tick: into the book with the
         * insurance fund paying the loss, or, when the fund cannot, to ADL at the average takeover price.
         */
        private void unwindTakeovers() {
            for (int side = 0; side < 2; side++) {
                double quantity = takenOverQty[side];
                if (quantity <= 0) {
                    continue;
                }
                int s = side == 0 ? 1 : -1;
                double price = takenOverCost[side] / quantity;
                takenOverQty[side] = 0;
                takenOverCost[side] = 0;
                double loss = s * (quantity * price - preview(s, quantity));
                if (!adlEnabled || loss <= insurance) {
                    unwindClearing(s, quantity, price);
                } else {
                    // The fund pays for unwinding as much as it can; ADL takes the rest at the takeover price.
                    double covered = coverable(s, quantity, price);
                    if (covered > 0) {
                        unwindClearing(s, covered, price);
                    }
                    handToAdl(s, quantity - covered, price);
                }
                settleClearingDust();
            }
        }

        /** How much of the position the venue's first liquidation order closes (q for all of it). */
        private double partialQuantity(int i, double q, double e) {
            switch (partial) {
                case PartialLiquidation.Fraction f -> {
                    if (f.appliesTo(q * mark) && now - cooldown.lastPartial(i) >= f.cooldownSeconds()) {
                        return q * f.fraction();
                    }
                    return q;
                }
                case PartialLiquidation.TierStepDown step -> {
                    // The calculator's step-down (LiquidationEngine's first liquidation), at the mark.
                    double tierPrice = rules.family() instanceof RuleFamily.MaintenanceOnEntryNotional ? e : mark;
                    double close = step.closeQuantity(rules.tiers(), q, rules.tierBasisValue(q, tierPrice),
                            rules.tierBasisValue(1, tierPrice));
                    return close > 0 && close < q ? close : q;
                }
                default -> {
                    return q;
                }
            }
        }

        private double preview(int s, double quantity) {
            return s > 0 ? book.sell(quantity, now, false) : book.buy(quantity, now, false);
        }

        /** Sends a liquidation order into the book and books the makers' side; returns the notional filled. */
        private double execute(int s, double quantity) {
            double notional = s > 0 ? book.sell(quantity, now, true) : book.buy(quantity, now, true);
            makerQty += s * quantity;
            makerCost += s * notional;
            if (s > 0) {
                tickForcedSell += notional;
            } else {
                tickForcedBuy += notional;
            }
            return notional;
        }

        private void closePart(int i, int s, double q, double e, double m, double close) {
            double notional = execute(s, close);
            double fee = feeRate * notional;
            double realised = s * close * (notional / close - e);
            double newMargin = m + realised - fee;
            addWaiting(i, -1);
            p.quantity[i] = q - close;
            p.margin[i] = newMargin;
            marginOpen += newMargin - m;
            fees += fee;
            reduceOpen(s, close, e);
            cooldown.record(i, now);
            retrigger(i, s);
            countLiquidation(s, notional, Kind.PARTIAL);
        }

        /** @param previewed the order's previewed fill notional, or NaN when not previewed yet */
        private void closeWhole(int i, int s, double q, double e, double m, double previewed) {
            // The loss can be no more than q*e - m for a long (the price cannot fall below zero); when the fund
            // covers even that, or there is no ADL to hand over to, the order goes straight to the book.
            boolean mayNeedAdl = adlEnabled && (s < 0 || q * e - m > insurance);
            double fill = !mayNeedAdl ? 0 : Double.isNaN(previewed) ? preview(s, q) : previewed;
            double equity = m + s * (fill - q * e);
            if (mayNeedAdl && equity < 0 && -equity > insurance) {
                // The fund pays for as much of the position as it can cover; ADL takes the rest.
                double covered = coverable(s, q, e - s * m / q);
                if (covered <= 0) {
                    deleverage(i, s, q, e, m, 0);
                    return;
                }
                double share = covered / q;
                double notional = execute(s, covered);
                payShortfall(-(share * m + s * (notional - covered * e)));
                addWaiting(i, -1);
                p.quantity[i] = q - covered;
                p.margin[i] = m - share * m;
                addWaiting(i, 1);
                marginOpen -= share * m;
                reduceOpen(s, covered, e);
                deleverage(i, s, q - covered, e, m - share * m, notional); // one liquidation, in two parts
                return;
            }
            double notional = execute(s, q);
            settle(m + s * (notional - q * e), notional);
            marginOpen -= m;
            reduceOpen(s, q, e);
            close(i);
            countLiquidation(s, notional, Kind.FULL);
        }

        /**
         * The largest quantity whose loss against {@code price} (a bankruptcy price, or a takeover's) the insurance
         * fund can still pay when it is sold into the book now: a bisection on the previewed fill, since the loss
         * grows with size as the order walks the book.
         */
        private double coverable(int s, double quantity, double price) {
            if (insurance <= 0) {
                return 0;
            }
            return book.largestWithLossAtMost(s, quantity, price, insurance, now);
        }

        /**
         * Settles a close against its bankruptcy price: {@code equity} left at the fill (margin plus realised PnL of
         * the closed part). A surplus pays the liquidation fee on {@code notional} and the rest goes to the insurance
         * fund; a shortfall is paid by the fund, and what it cannot pay is bad debt.
         */
        private void settle(double equity, double notional) {
            if (equity >= 0) {
                double fee = Math.min(equity, feeRate * notional);
                fees += fee;
                if (noFund) {
                    returned += equity - fee; // Hyperliquid: "any remaining collateral remains with the trader"
                } else {
                    insurance += equity - fee;
                }
            } else {
                payShortfall(-equity);
            }
        }

        private void payShortfall(double shortfall) {
            badDebt += shortfall - drawFromFund(shortfall);
        }

        /** Pays up to {@code amount} out of the insurance fund; returns what it paid. An emptied fund is exactly 0. */
        private double drawFromFund(double amount) {
            double paid;
            if (amount >= insurance) {
                paid = Math.max(0, insurance);
                insurance = 0;
            } else {
                paid = amount;
                insurance -= amount;
            }
            fundMin = Math.min(fundMin, insurance);
            return paid;
        }

        private void handToBackstop(int i, int s, double q, double e, double m) {
            // The vault takes the position and whatever margin is left; nothing is sold into the book. Where the
            // venue charges a liquidation fee (GTE: "forfeited margin: fee share to insurance fund, rest to backstop
            // liquidators"), the fee on the notional at the mark goes to the fund, out of the equity left.
            // (At GTE the backstop takes over below MM/3, about 0.33% of the notional, so the 1% fee takes all of it.)
            double fee = Math.min(Math.max(0, m + s * q * (mark - e)), feeRate * q * mark);
            insurance += fee;
            vaultCash += m - fee;
            vaultQty += s * q;
            vaultCost += s * q * e;
            marginOpen -= m;
            reduceOpen(s, q, e);
            close(i);
            double notional = q * mark;
            countLiquidation(s, notional, Kind.BACKSTOP);
        }

        /** The backstop vault's account value: its capital plus what it took over, marked at the mark. */
        private double vaultEquity() {
            return vaultCapital + vaultCash + mark * vaultQty - vaultCost;
        }

        /**
         * Whether the vault can take a position of {@code q} on side {@code s} with {@code equity} left: the vault
         * is itself an account under the venue's margin rules, so its value after the takeover must cover the
         * initial margin (the notional over the tier's maximum leverage) of everything it then holds.
         */
        private boolean vaultCanTake(int s, double q, double equity) {
            double held = Math.abs(vaultQty + s * q);
            double notional = held * mark;
            double initial = notional / rules.tiers().tierAt(rules.tierBasisValue(held, mark)).maxLeverage();
            return vaultEquity() + equity >= initial;
        }

        /**
         * Hyperliquid's liquidator: "ADL will be triggered if the Liquidator loses above a certain threshold"
         * (Hyperliquid, 27 March 2025). When the vault's value no longer covers the maintenance margin of what it
         * holds, enough of its holdings to cover it again (all of them once its value is gone) are handed to ADL
         * at the mark (the docs close ADL at the previous oracle price, which the model's mark stands for).
         */
        private void deleverageVault() {
            if (vaultQty == 0) {
                return;
            }
            double held = Math.abs(vaultQty);
            double value = vaultEquity();
            double mm = LiquidationEngine.maintenanceMargin(rules, mark, held, mark);
            if (value >= mm) {
                return;
            }
            double x = value <= 0 ? held : held * (1 - value / mm);
            int s = vaultQty > 0 ? 1 : -1;
            vaultQty -= s * x;
            vaultCost -= s * x * mark;
            if (Math.abs(vaultQty) < 1e-12 * held) {
                vaultCost -= mark * vaultQty; // keeps the account exact when the last of it goes
                vaultQty = 0;
            }
            clearingQty += s * x;
            clearingCost += s * x * mark;
            handToAdl(s, x, mark);
        }

        /**
         * The fund cannot pay this position's loss: it is closed at its bankruptcy price (equity exactly zero)
         * into the ADL clearing account, which hands it to opposing profitable positions at that price, in the
         * venue's ranking order (or pro rata at the end of the tick). What no one can take goes to the book, and
         * the loss on it is bad debt.
         */
        private void deleverage(int i, int s, double q, double e, double m, double soldNotional) {
            double bankruptcy = e - s * m / q;
            marginOpen -= m;
            reduceOpen(s, q, e);
            close(i);
            clearingQty += s * q;
            clearingCost += s * q * bankruptcy;
            countLiquidation(s, soldNotional + q * bankruptcy, Kind.FULL);
            handToAdl(s, q, bankruptcy);
        }

        /**
         * Closes {@code quantity} the clearing account holds at {@code price} against opposing profitable
         * positions: now, in the venue's ranking order, or pro rata at the end of the tick. What no one can take is
         * sold into the book.
         */
        private void handToAdl(int s, double quantity, double price) {
            if (proRata) {
                int side = s > 0 ? 0 : 1;
                pendingQty[side] += quantity;
                pendingCost[side] += quantity * price;
                return;
            }
            double matched = matchByRanking(-s, quantity, price);
            if (matched < quantity) {
                unwindClearing(s, quantity - matched, price);
            }
            settleClearingDust();
        }

        /** Sells (or buys back) what ADL could not place into the book; the loss against price is bad debt. */
        private void unwindClearing(int s, double quantity, double price) {
            double notional = execute(s, quantity);
            clearingQty -= s * quantity;
            clearingCost -= s * notional;
            double loss = s * quantity * price - s * notional; // positive when the book paid less than price
            // The clearing account's cost basis for this quantity was price; the fund and bad debt make it whole.
            double lossToCover = Math.max(0, loss);
            double paid = drawFromFund(lossToCover);
            clearingCost -= paid;
            badDebt += lossToCover - paid;
            clearingCost -= lossToCover - paid;
            if (loss < 0) {
                // A better fill than the bankruptcy price: the surplus goes to the fund (the vault where there is none).
                if (noFund) {
                    vaultCash += -loss;
                } else {
                    insurance += -loss;
                }
                clearingCost -= loss;
            }
        }

        /** Closes up to {@code quantity} of opposing (side {@code sOpp}) positions at {@code price}; returns how much. */
        private double matchByRanking(int sOpp, double quantity, double price) {
            double matched = 0;
            boolean rebuilt = false;
            if (adlSide != sOpp || Double.isNaN(adlRankedAt) || Math.abs(mark - adlRankedAt) > ADL_RERANK_FRACTION * adlRankedAt) {
                rank(sOpp);
                rebuilt = true;
            }
            while (matched < quantity) {
                if (adlCursor >= adlCount0) {
                    if (rebuilt || adlRankedTick == tickNumber) {
                        break; // no one left to take it this tick
                    }
                    rank(sOpp);
                    rebuilt = true;
                    continue;
                }
                int j = p.rankOrder[adlCursor];
                if (p.state[j] == Positions.CLOSED || !canTakeAdl(j, sOpp, price)) {
                    adlCursor++;
                    continue;
                }
                double x = Math.min(p.quantity[j], quantity - matched);
                boolean whole = x >= p.quantity[j];
                deleverageCounterparty(j, sOpp, whole ? p.quantity[j] : x, price);
                matched += x;
                if (whole) {
                    adlCursor++;
                }
            }
            return matched;
        }

        /** In profit at the mark, and still solvent when closed at the ADL price. */
        private boolean canTakeAdl(int j, int sOpp, double price) {
            double q = p.quantity[j];
            double e = p.entry[j];
            return sOpp * (mark - e) > 0 && p.margin[j] + sOpp * q * (price - e) > 0;
        }

        private void rank(int sOpp) {
            int from = sOpp > 0 ? 0 : p.longCount;
            int to = sOpp > 0 ? p.longCount : p.size;
            adlSide = sOpp;
            adlRankedAt = mark;
            adlRankedTick = tickNumber;
            adlCursor = 0;
            // The ranking's buffers go with the positions: a cache's working copy keeps them for its next run.
            if (p.rankOrder == null || p.rankOrder.length < to - from) {
                p.rankOrder = new int[to - from];
            }
            int[] adlOrder = p.rankOrder;
            int n = 0;
            if (ranking == AdlRule.Ranking.PSEUDO_RANDOM) {
                // dYdX: no ranking, iterate from a seeded pseudo-random start.
                int span = to - from;
                int startAt = span == 0 ? 0 : adlRandom.nextInt(span);
                for (int k = 0; k < span; k++) {
                    int j = from + (startAt + k) % span;
                    if (p.state[j] != Positions.CLOSED && sOpp * (mark - p.entry[j]) > 0) {
                        adlOrder[n++] = j;
                    }
                }
                adlCount0 = n;
                return;
            }
            if (p.rankKeys == null || p.rankKeys.length < to - from) {
                // Kept for the run (and a working copy's next runs): a cascade that keeps ADL busy re-ranks a side
                // often (at 1,000,000 positions each ranking would otherwise allocate 16 MB, measured up to 1 GB in
                // one run).
                p.rankKeys = new long[to - from];
                p.rankSorted = new long[to - from];
            }
            long[] keyed = p.rankKeys;
            double[] bounds = entryBounds(sOpp, to - from);
            for (int b = 0, blockFrom = from; blockFrom < to; b++, blockFrom += ENTRY_BLOCK) {
                // A position is a candidate only in profit: a long with its entry below the mark, a short above it.
                // A block whose open positions' entries are all on the wrong side of the mark holds none: skipped,
                // so a cascade that re-ranks every tick (ADL finding no one left in profit) does not rescan the side.
                if (sOpp > 0 ? bounds[b] >= mark : bounds[b] <= mark) {
                    continue;
                }
                int blockTo = Math.min(to, blockFrom + ENTRY_BLOCK);
                double extreme = sOpp > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                for (int j = blockFrom; j < blockTo; j++) {
                    if (p.state[j] == Positions.CLOSED) {
                        continue;
                    }
                    double e = p.entry[j];
                    extreme = sOpp > 0 ? Math.min(extreme, e) : Math.max(extreme, e);
                    double score = adlScore(j, sOpp);
                    if (score > 0) {
                        // Highest score first, ties by position order: sort ascending on the complement of the
                        // score's float bits (positive floats order as their bits).
                        long key = ~Float.floatToIntBits((float) score) & 0xFFFFFFFFL;
                        keyed[n++] = RadixSort.pack(key, j);
                    }
                }
                bounds[b] = extreme; // positions only close, so this stays a bound for the rest of the run
            }
            long[] sorted = RadixSort.sortByUpperHalf(keyed, p.rankSorted, n);
            for (int k = 0; k < n; k++) {
                adlOrder[k] = RadixSort.payload(sorted[k]);
            }
            adlCount0 = n;
        }

        /** Positions per block of a side for {@link #entryBounds}. */
        private static final int ENTRY_BLOCK = 512;
        /** Per side, per block of {@link #ENTRY_BLOCK} positions: the lowest (longs) or highest (shorts) entry open. */
        private final double[][] entryBounds = new double[2][];

        /**
         * The side's entry bounds per block, as of each block's last scan (unknown, so infinite, before the first):
         * no open long of a block has an entry below its bound, no open short one above it.
         */
        private double[] entryBounds(int s, int span) {
            int side = s > 0 ? 0 : 1;
            if (entryBounds[side] == null) {
                entryBounds[side] = new double[(span + ENTRY_BLOCK - 1) / ENTRY_BLOCK];
                java.util.Arrays.fill(entryBounds[side], s > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            return entryBounds[side];
        }

        /** The venue's ADL priority at the mark (LIQUIDATION.md section 5); 0 or less: not a candidate. */
        private double adlScore(int j, int s) {
            double q = p.quantity[j];
            double e = p.entry[j];
            double wallet = p.margin[j];
            double upnl = s * q * (mark - e);
            double equity = wallet + upnl;
            if (upnl <= 0 || equity <= 0) {
                return 0;
            }
            return switch (ranking) {
                case PNL_TIMES_MARGIN_RATIO -> upnl / Math.max(1, wallet)
                        * LiquidationEngine.maintenanceMargin(rules, e, q, mark) / equity;
                // Hyperliquid: (mark/entry for longs, entry/mark for shorts) * notional / account value.
                case PNL_AND_LEVERAGE -> (s > 0 ? mark / e : e / mark) * (q * mark / equity);
                // Bybit PnL% x effective leverage; OKX publishes none, and the model uses Bybit's.
                default -> upnl / wallet * (q * mark / equity);
            };
        }

        /** Closes {@code x} of opposing position j at {@code price} against the clearing account. */
        private void deleverageCounterparty(int j, int sOpp, double x, double price) {
            double q = p.quantity[j];
            double e = p.entry[j];
            double m = p.margin[j];
            double share = x / q;
            double realised = sOpp * x * (price - e);
            returned += share * m + realised;
            marginOpen -= share * m;
            reduceOpen(sOpp, x, e);
            clearingQty += sOpp * x; // the clearing account gives back what it took over
            clearingCost += sOpp * x * price;
            adlCount++;
            adlNotional += x * price;
            if (realised > 0) {
                adlNotionalInProfit += x * price;
            }
            tickAdlCount++;
            tickAdlNotional += x * price;
            if (share >= 1 - 1e-12) {
                close(j);
            } else {
                addWaiting(j, -1);
                p.quantity[j] = q - x;
                p.margin[j] = m - share * m;
                retrigger(j, sOpp);
            }
        }

        private void settleProRata(int sLiq) {
            int side = sLiq > 0 ? 0 : 1;
            double pending = pendingQty[side];
            if (pending <= 0) {
                return;
            }
            double price = pendingCost[side] / pending;
            pendingQty[side] = 0;
            pendingCost[side] = 0;
            int sOpp = -sLiq;
            int from = sOpp > 0 ? 0 : p.longCount;
            int to = sOpp > 0 ? p.longCount : p.size;
            double eligible = 0;
            for (int j = from; j < to; j++) {
                if (p.state[j] != Positions.CLOSED && canTakeAdl(j, sOpp, price)) {
                    eligible += p.quantity[j];
                }
            }
            double matched = 0;
            if (eligible > 0) {
                double f = Math.min(1, pending / eligible);
                for (int j = from; j < to; j++) {
                    if (p.state[j] != Positions.CLOSED && canTakeAdl(j, sOpp, price)) {
                        double x = f >= 1 ? p.quantity[j] : p.quantity[j] * f;
                        deleverageCounterparty(j, sOpp, x, price);
                        matched += x;
                    }
                }
            }
            if (matched < pending * (1 - 1e-12)) {
                unwindClearing(sLiq, pending - matched, price);
            }
            // Rounding in the proportional split leaves dust in the clearing account; the fund settles it.
            settleClearingDust();
        }

        private void settleClearingDust() {
            if (Math.abs(clearingQty) < 1e-9) {
                double dust = -clearingCost + mark * clearingQty; // value held by the clearing account
                if (noFund) {
                    vaultCash += dust; // rounding, a few billionths of a dollar, to the only buffer there is
                } else if (dust >= 0 || insurance >= -dust) {
                    insurance += dust; // rounding, a few billionths of a dollar
                } else {
                    badDebt -= dust;
                }
                clearingCost = 0;
                clearingQty = 0;
            }
        }

        private void reduceOpen(int s, double quantity, double e) {
            openSignedQty -= s * quantity;
            openSignedCost -= s * quantity * e;
            if (s > 0) {
                openQtyLong -= quantity;
            } else {
                openQtyShort -= quantity;
            }
        }

        private void close(int i) {
            if (p.state[i] == Positions.CLOSED) {
                throw new IllegalStateException("position " + i + " closed twice at t=" + now);
            }
            addWaiting(i, -1);
            p.state[i] = Positions.CLOSED;
        }

        /** Recomputes position i's trigger after its size or margin changed, and files it in the heap. */
        private void retrigger(int i, int s) {
            double q = p.quantity[i];
            double e = p.entry[i];
            double m = p.margin[i];
            double t = LiquidationEngine.thresholdPrice(rules, s, e, q, m, 1);
            if (Double.isNaN(t)) {
                t = m <= LiquidationEngine.maintenanceMargin(rules, e, q, e) ? solveAnywhere(s, q, e, m)
                        : (s > 0 ? 0 : Double.POSITIVE_INFINITY);
            }
            double old = p.trigger[i];
            if (Math.abs(t - old) <= 1e-12 * Math.abs(old) && p.state[i] != Positions.CLOSED) {
                // A proportional cut leaves the price unchanged (no maintenance amount): keep the slot it has.
                addWaiting(i, 1);
                return;
            }
            p.trigger[i] = t;
            p.state[i] = Positions.IN_HEAP;
            addWaiting(i, 1);
            heaps[s > 0 ? 0 : 1].push(i, t);
        }

        /**
         * The trigger of a position already below maintenance at its own entry price (its margin was cut by a
         * partial close at a loss): bisection on equity - MM, which may put the price on the far side of the
         * entry.
         */
        private double solveAnywhere(int s, double q, double e, double m) {
            double lo = 0;
            double hi = 10 * Math.max(e, mark);
            for (int k = 0; k < 100; k++) {
                double mid = (lo + hi) / 2;
                double excess = m + s * q * (mid - e) - LiquidationEngine.maintenanceMargin(rules, e, q, mid);
                // For a long, excess grows with price; for a short it falls.
                if ((excess > 0) == (s > 0)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return (lo + hi) / 2;
        }

        /** How a liquidation closed: counted and summed by kind as by side in every frame. */
        private enum Kind { PARTIAL, FULL, BACKSTOP }

        private void countLiquidation(int s, double notional, Kind kind) {
            switch (kind) {
                case PARTIAL -> {
                    tickPartial++;
                    tickPartialNotional += notional;
                    partials++;
                }
                case FULL -> {
                    tickFull++;
                    tickFullNotional += notional;
                }
                case BACKSTOP -> {
                    tickBackstop++;
                    tickBackstopNotional += notional;
                    backstopNotional += notional;
                }
            }
            liquidations++;
            if (s > 0) {
                tickLiqLong++;
                tickNotionalLong += notional;
                notionalLong += notional;
            } else {
                tickLiqShort++;
                tickNotionalShort += notional;
                notionalShort += notional;
            }
        }

        private void resetTally() {
            tickForcedSell = 0;
            tickForcedBuy = 0;
            tickLiqLong = 0;
            tickLiqShort = 0;
            tickNotionalLong = 0;
            tickNotionalShort = 0;
            tickPartial = 0;
            tickPartialNotional = 0;
            tickFull = 0;
            tickFullNotional = 0;
            tickBackstop = 0;
            tickBackstopNotional = 0;
            tickAdlCount = 0;
            tickAdlNotional = 0;
        }

        // ---- frames and the money check -----------------------------------------------------------------------

        /**
         * The sum of every account's change since the start, which double entry keeps at zero: traders (cash
         * returned, margin still posted, unrealised PnL), fees, the insurance fund, the backstop vault, the ADL
         * clearing account, the makers who filled liquidation orders, the outside counterparties of the opening
         * trades, and bad debt (the venue's unfunded loss).
         */
        private double conservationError() {
            double traders = returned + marginOpen - initialMargin + (mark * openSignedQty - openSignedCost);
            double outside = -(mark * mirrorSignedQty - mirrorSignedCost);
            double makers = mark * makerQty - makerCost;
            double vault = vaultCash + mark * vaultQty - vaultCost;
            double clearing = mark * clearingQty - clearingCost;
            return traders + outside + makers + vault + clearing + fees + (insurance - insuranceStart) - badDebt;
        }

        private void recordFrame() {
            if (book.takeExhausted() && Double.isNaN(bookRanOutSecond)) {
                bookRanOutSecond = now;
            }
            double mid = book.mid();
            priceLow = Math.min(priceLow, mid);
            fundMin = Math.min(fundMin, insurance);
            double imbalance = conservationError();
            maxImbalance = Math.max(maxImbalance, Math.abs(imbalance));
            double tolerance = CONSERVATION_TOLERANCE * grossOpening + 0.01;
            if (!(Math.abs(imbalance) <= tolerance)) {
                throw new IllegalStateException("money is not conserved at t=" + now + " s: accounts are off by "
                        + imbalance + " USD (tolerance " + tolerance + ")");
            }
            if (openQtyLong < -1e-9 * grossOpening || openQtyShort < -1e-9 * grossOpening) {
                throw new IllegalStateException("open interest went negative at t=" + now + " s");
            }
            double bidDepth = book.bidDepthWithin(1, now);
            double askDepth = book.askDepthWithin(1, now);
            double waitingBelow = waiting(0, fineLong, mark * 0.99, mark);
            double waitingAbove = waiting(1, fineShort, mark, mark * 1.01);
            double rDown = waitingBelow / Math.max(bidDepth, 1);
            double rUp = waitingAbove / Math.max(askDepth, 1);
            double r = movingDown(mid) ? rDown : rUp;
            if (frames.size() > 0) {
                maxR = Math.max(maxR, r);
            }
            frames.set(FrameColumn.TIME, now);
            frames.set(FrameColumn.MID, mid);
            frames.set(FrameColumn.MARK, mark);
            frames.set(FrameColumn.FORCED_SELL_NOTIONAL, tickForcedSell);
            frames.set(FrameColumn.FORCED_BUY_NOTIONAL, tickForcedBuy);
            frames.set(FrameColumn.LIQUIDATIONS_LONG, tickLiqLong);
            frames.set(FrameColumn.LIQUIDATIONS_SHORT, tickLiqShort);
            frames.set(FrameColumn.LIQUIDATED_NOTIONAL_LONG, tickNotionalLong);
            frames.set(FrameColumn.LIQUIDATED_NOTIONAL_SHORT, tickNotionalShort);
            frames.set(FrameColumn.PARTIAL_LIQUIDATIONS, tickPartial);
            frames.set(FrameColumn.PARTIAL_NOTIONAL, tickPartialNotional);
            frames.set(FrameColumn.FULL_LIQUIDATIONS, tickFull);
            frames.set(FrameColumn.FULL_NOTIONAL, tickFullNotional);
            frames.set(FrameColumn.BACKSTOP_LIQUIDATIONS, tickBackstop);
            frames.set(FrameColumn.BACKSTOP_NOTIONAL, tickBackstopNotional);
            frames.set(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, notionalLong + notionalShort);
            frames.set(FrameColumn.INSURANCE_FUND, insurance);
            frames.set(FrameColumn.ADL_COUNT, tickAdlCount);
            frames.set(FrameColumn.ADL_NOTIONAL, tickAdlNotional);
            frames.set(FrameColumn.CUMULATIVE_BAD_DEBT, badDebt);
            frames.set(FrameColumn.OPEN_INTEREST_LONG, Math.max(0, openQtyLong) * mark);
            frames.set(FrameColumn.OPEN_INTEREST_SHORT, Math.max(0, openQtyShort) * mark);
            frames.set(FrameColumn.BID_DEPTH_1PCT, bidDepth);
            frames.set(FrameColumn.ASK_DEPTH_1PCT, askDepth);
            frames.set(FrameColumn.R_DOWN, rDown);
            frames.set(FrameColumn.R_UP, rUp);
            frames.set(FrameColumn.R, r);
            frames.set(FrameColumn.BACKSTOP_VAULT, vaultCash + mark * vaultQty - vaultCost);
            frames.set(FrameColumn.MONEY_IMBALANCE, imbalance);
            for (int b = 0; recordHeat && b < heat.length; b++) {
                // A bucket whose positions have all gone keeps rounding dust from the additions and removals.
                frames.setHeat(b, heat[b] >= HEAT_DUST ? heat[b] : 0);
            }
            frames.commit();
        }

        /**
         * The direction of the move R is taken in. CASCADE.md's R is "liquidation notional triggered per 1% move"
         * over "book depth per 1% move": the move the market is making now, so the mid against the mark (which
         * follows it with a lag), or against the last frame's mid where the mark is the mid. Not the side of the start
         * price: after a squeeze, a shock drops the price while it is still above the start, and R measured upward
         * then divided the few shorts waiting there by the asks the drop had just emptied (a ratio of near-zeros that
         * read as a cascade).
         */
        private boolean movingDown(double mid) {
            if (mid != mark) {
                return mid < mark;
            }
            double previous = frames.size() > 0 ? frames.committed(FrameColumn.MID, frames.size() - 1) : mid;
            return mid < previous || (mid == previous && mark <= scenario.market().startPrice());
        }

        /**
         * Liquidation notional waiting with triggers in [lo, hi], from the fine histogram of {@code side} (0 long, 1
         * short). The sum of the last window is kept while the window and its buckets stay the same: about half the
         * frames of a run read the same 51 buckets as the frame before (the mark did not cross a bucket's edge, and
         * no liquidation waiting inside changed), and the sum, taken in the same order over the same values, would be
         * the same bits.
         */
        private double waiting(int side, double[] fine, double lo, double hi) {
            int a = Math.max(0, (int) (lo / fineStep));
            int b = Math.min(fine.length - 1, (int) (hi / fineStep));
            if (waitingKept[side] && a == waitingFrom[side] && b == waitingTo[side]) {
                return waitingSum[side];
            }
            double sum = 0;
            for (int k = a; k <= b; k++) {
                sum += fine[k];
            }
            sum = Math.max(0, sum);
            waitingFrom[side] = a;
            waitingTo[side] = b;
            waitingSum[side] = sum;
            waitingKept[side] = true;
            return sum;
        }

        /** {@link #waiting}'s last window per side, its sum, and whether it still holds (no bucket in it changed). */
        private final int[] waitingFrom = new int[2];
        private final int[] waitingTo = new int[2];
        private final double[] waitingSum = new double[2];
        private final boolean[] waitingKept = new boolean[2];

        SimulationResult result(long elapsedMillis) {
            SimulationSummary summary = new SimulationSummary(ticks, p.size, liquidations, notionalLong,
                    notionalShort, partials, backstopNotional, adlCount, adlNotional, fundMin, insurance, badDebt,
                    scenario.market().startPrice(), priceLow, book.mid(), maxR, elapsedMillis, bookRanOutSecond,
                    adlNotionalInProfit);
            return new SimulationResult(asGiven, summary, frames, maxImbalance,
                    new SimulationResult.Timings(populationNanos, orderingNanos, cascadeNanos));
        }
    }
}
