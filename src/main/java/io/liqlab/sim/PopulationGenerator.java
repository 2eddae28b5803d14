package io.liqlab.sim;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.VenueRules;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Draws a scenario's positions from its seeded distributions (CASCADE.md, "Population"): side by the long share,
 * leverage from the histogram (capped at the tier's maximum, as a venue would refuse more), a Pareto notional,
 * a normal entry around the start price, margin = notional / leverage, and the venue-exact liquidation price.
 * A drawn position that would already be past its liquidation price at the start is redrawn: the population is
 * the set of positions that are open when the run begins.
 */
final class PopulationGenerator {

    private static final int MAX_REDRAWS = 8;

    private PopulationGenerator() {
    }

    /** Positions per chunk: each chunk draws from its own stream, so the population is the same on any core count. */
    static final int CHUNK = 8192;

    static Positions generate(Scenario scenario, VenueRules rules, long seed, boolean parallel, BooleanSupplier cancelled,
                              ProgressSink progress) {
        Scenario.Population pop = scenario.population();
        int n = pop.positions();
        int longs = (int) Math.round(n * pop.longShare());
        Positions p = new Positions(n, longs);
        p.keys = new long[n];
        Draw draw = new Draw(scenario, rules, p);
        // Each chunk draws a slice of the longs and the matching slice of the shorts, interleaved one by one, so
        // the JIT profiles both sides from the first positions (compiling for longs alone and recompiling when
        // the shorts begin cost more than drawing them).
        int chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
        int shorts = n - longs;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                if (cancelled.getAsBoolean()) {
                    next.set(chunks);
                    return;
                }
                int l0 = (int) ((long) longs * c / chunks);
                int l1 = (int) ((long) longs * (c + 1) / chunks);
                int s0 = longs + (int) ((long) shorts * c / chunks);
                int s1 = longs + (int) ((long) shorts * (c + 1) / chunks);
                draw.interleaved(l0, l1, s0, s1, new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (c + 1))));
                progress.report(Phase.POPULATION, (double) done.incrementAndGet() / chunks);
            }
        };
        if (parallel) {
            Parallel.run(worker, worker);
        } else {
            worker.run();
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled while drawing positions");
        }
        progress.report(Phase.ORDERING, 0);
        p.sortAll();
        return p;
    }

    /** Draws positions into a range of the arrays; thread-safe for disjoint ranges. */
    private static final class Draw {
        private final VenueRules rules;
        private final Positions p;
        private final double start;
        private final double[] leverage;
        private final double[] cumulative;
        private final double minNotional;
        private final double maxNotional;
        private final double tailInverse;
        private final double scale;
        private final double spread;
        private final double longCentre;
        private final double shortCentre;
        private final double floorPrice;
        private final double keyScale;

        Draw(Scenario scenario, VenueRules rules, Positions p) {
            this.keyScale = Positions.keyScale(scenario.market().startPrice());
            Scenario.Population pop = scenario.population();
            this.rules = rules;
            this.p = p;
            this.start = scenario.market().startPrice();
            this.leverage = leverages(pop.leverage());
            this.cumulative = cumulativeWeights(pop.leverage());
            this.minNotional = pop.size().minNotional();
            this.maxNotional = pop.size().maxNotional();
            this.tailInverse = 1 / pop.size().tailAlpha();
            this.scale = pop.sizeScale();
            Scenario.Entry entry = pop.entry();
            this.spread = entry.spreadPercent() / 100;
            this.longCentre = start * (1 + entry.longShiftPercent() / 100);
            this.shortCentre = start * (1 + entry.shortShiftPercent() / 100);
            this.floorPrice = start * 0.05;
        }

        /** Draws longs {@code [l0, l1)} and shorts {@code [s0, s1)}, alternating in proportion. */
        void interleaved(int l0, int l1, int s0, int s1, SplittableRandom random) {
            long nl = l1 - l0;
            long ns = s1 - s0;
            int l = l0;
            int s = s0;
            while (l < l1 || s < s1) {
                // Bresenham: take a long while the longs drawn are behind their share.
                if (s >= s1 || (l < l1 && (l - l0) * ns <= (s - s0) * nl)) {
                    drawOne(l++, random);
                } else {
                    drawOne(s++, random);
                }
            }
        }

        /**
         * One position. A method of its own so the JIT compiles it after a few hundred calls, instead of the
         * whole chunk loop running interpreted until an on-stack replacement is ready.
         */
        private void drawOne(int i, SplittableRandom random) {
            int sign = i < p.longCount ? 1 : -1;
            double lev = leverage[pick(cumulative, random.nextDouble())];
            // Pareto: min * U^(-1/alpha) = min * exp(E / alpha) with E exponential (the JDK's ziggurat, faster than pow).
            double notional = scale * Math.min(maxNotional, minNotional * Math.exp(random.nextExponential() * tailInverse));
            double centre = sign > 0 ? longCentre : shortCentre;
            for (int attempt = 0; ; attempt++) {
                double e = attempt == MAX_REDRAWS ? start : Math.max(floorPrice, centre * (1 + spread * random.nextGaussian()));
                double q = notional / e;
                double maxLev = LiquidationEngine.maxLeverage(rules, e, q, Double.NaN);
                double m = notional / Math.min(lev, maxLev);
                double t = LiquidationEngine.thresholdPrice(rules, sign, e, q, m, 1);
                if (Double.isNaN(t) && m <= LiquidationEngine.maintenanceMargin(rules, e, q, e)) {
                    // Liquidatable at entry even at the tier's maximum (a schedule whose mmr exceeds
                    // 1/maxLeverage): hold twice the maintenance margin instead.
                    m = 2 * LiquidationEngine.maintenanceMargin(rules, e, q, e);
                    t = LiquidationEngine.thresholdPrice(rules, sign, e, q, m, 1);
                }
                if (Double.isNaN(t)) {
                    t = sign > 0 ? 0 : Double.POSITIVE_INFINITY;
                }
                boolean pastAlready = sign > 0 ? t >= start : t <= start;
                if (!pastAlready || attempt == MAX_REDRAWS) {
                    p.entry[i] = e;
                    p.quantity[i] = q;
                    p.margin[i] = m;
                    p.trigger[i] = t;
                    p.keys[i] = Positions.key(t, sign < 0, i, keyScale);
                    return;
                }
            }
        }
    }

    /** Positions given one by one (tests): longs first, then shorts, each sorted by its trigger. */
    static Positions place(VenueRules rules, double startPrice, List<Simulator.PlacedPosition> placed) {
        List<Simulator.PlacedPosition> longs = placed.stream().filter(x -> x.sign() > 0).toList();
        List<Simulator.PlacedPosition> shorts = placed.stream().filter(x -> x.sign() < 0).toList();
        Positions p = new Positions(placed.size(), longs.size());
        int i = 0;
        for (Simulator.PlacedPosition x : longs) {
            put(p, rules, i++, x);
        }
        for (Simulator.PlacedPosition x : shorts) {
            put(p, rules, i++, x);
        }
        p.sortAll(startPrice);
        return p;
    }

    private static void put(Positions p, VenueRules rules, int i, Simulator.PlacedPosition x) {
        double t = LiquidationEngine.thresholdPrice(rules, x.sign(), x.entry(), x.quantity(), x.margin(), 1);
        p.entry[i] = x.entry();
        p.quantity[i] = x.quantity();
        p.margin[i] = x.margin();
        p.trigger[i] = Double.isNaN(t) ? (x.sign() > 0 ? 0 : Double.POSITIVE_INFINITY) : t;
    }

    private static double[] leverages(List<Scenario.LeverageWeight> weights) {
        double[] out = new double[weights.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights.get(i).leverage();
        }
        return out;
    }

    private static double[] cumulativeWeights(List<Scenario.LeverageWeight> weights) {
        double total = 0;
        for (Scenario.LeverageWeight w : weights) {
            total += w.weight();
        }
        double[] out = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += weights.get(i).weight();
            out[i] = sum / total;
        }
        out[out.length - 1] = 1;
        return out;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Where a run is, for progress bars. */
    enum Phase { POPULATION, ORDERING, CASCADE }

    interface ProgressSink {
        void report(Phase phase, double fractionOfPhase);
    }
}
