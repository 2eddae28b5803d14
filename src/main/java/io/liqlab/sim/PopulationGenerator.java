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

    /**
     * Draws the population in four passes over all positions, each a small loop the JIT compiles within its
     * first hundred thousand iterations (one large method per position waited for a slow compile, measured:
     * 250 ms cold against 40 ms warm): the random draws, written straight into the columns they become; sizes,
     * entries and leverages; the venue's rules (maximum leverage, margin, liquidation price, sort key); and the
     * few positions already past their liquidation price at the start, redrawn one by one.
     */
    static Positions generate(Scenario scenario, VenueRules rules, BooleanSupplier cancelled, ProgressSink progress) {
        if (PopulationCache.CURRENT.isBound()) {
            // A phase map runs many cells on one population per seed: draw and order it once, hand each run a copy.
            // The run gets the cache's working copy: it gives it back when it is over (Simulator.Run.execute).
            PopulationCache cache = PopulationCache.CURRENT.get();
            return cache.lendCopy(cache.ordered(scenario, rules, () -> draw(scenario, rules, cancelled, progress)));
        }
        return draw(scenario, rules, cancelled, progress);
    }

    /**
     * The ordered population a run of {@code scenario} would start from, as kept by the thread's
     * {@link PopulationCache} (drawn and kept if it is not there yet). Read only: a run gets its own copy.
     */
    static Positions sharedOrdered(Scenario scenario, VenueRules rules, BooleanSupplier cancelled) {
        return PopulationCache.CURRENT.get().ordered(scenario, rules, () -> draw(scenario, rules, cancelled, (phase, f) -> { }));
    }

    private static Positions draw(Scenario scenario, VenueRules rules, BooleanSupplier cancelled, ProgressSink progress) {
        Scenario.Population pop = scenario.population();
        int n = pop.positions();
        int longs = (int) Math.round(n * pop.longShare());
        Positions p = new Positions(n, longs);
        p.keys = new long[n];
        Draw draw = new Draw(scenario, rules, p);
        SplittableRandom random = new SplittableRandom(scenario.seed());
        SplittableRandom redraws = random.split(); // split before the draws: the same stream whether or not they run
        // Passes 1 and 2 do not depend on the venue: a what-if cache keeps their columns, and another venue's first
        // run copies them instead of drawing again (the redraws' stream above is the same either way).
        PopulationCache cache = PopulationCache.CURRENT.isBound() ? PopulationCache.CURRENT.get() : null;
        Positions kept = cache != null ? cache.drawn(scenario) : null;
        if (kept != null) {
            p.copyColumnsFrom(kept);
        } else {
            draw.randoms(random);
            check(cancelled);
            progress.report(Phase.POPULATION, 0.3);
            draw.sizesAndEntries();
            check(cancelled);
            if (cache != null) {
                cache.keepDrawn(scenario, p);
            }
        }
        progress.report(Phase.POPULATION, 0.5);
        draw.liquidationPrices();
        check(cancelled);
        progress.report(Phase.POPULATION, 0.9);
        draw.redrawPast(redraws);
        check(cancelled);
        progress.report(Phase.ORDERING, 0);
        p.sortAll();
        return p;
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled while drawing positions");
        }
    }

    /** The passes of {@link #generate}, over the whole of the position columns. */
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

        /** Pass 1: a uniform (leverage), an exponential (size) and a normal (entry) per position, in place. */
        void randoms(SplittableRandom random) {
            double[] u = p.margin;
            double[] x = p.quantity;
            double[] z = p.entry;
            for (int i = 0; i < p.size; i++) {
                u[i] = random.nextDouble();
                x[i] = random.nextExponential();
                z[i] = random.nextGaussian();
            }
        }

        /** Pass 2: notional (kept in margin for now), entry, quantity, and the drawn leverage (kept in trigger). */
        void sizesAndEntries() {
            double[] centres = {longCentre, shortCentre};
            int longCount = p.longCount;
            for (int i = 0; i < p.size; i++) {
                double lev = leverage[pick(cumulative, p.margin[i])];
                double notional = notional(p.quantity[i]);
                double e = entry(centres[i < longCount ? 0 : 1], p.entry[i]);
                p.entry[i] = e;
                p.quantity[i] = notional / e;
                p.margin[i] = notional;
                p.trigger[i] = lev;
            }
        }

        /**
         * Pass 3: the venue's rules for every position: maximum leverage for its size, margin, liquidation price
         * and sort key. Longs and shorts alternate in proportion, so the JIT profiles both sides from the start.
         */
        void liquidationPrices() {
            int longCount = p.longCount;
            long nl = longCount;
            long ns = p.size - longCount;
            int l = 0;
            int s = longCount;
            while (l < longCount || s < p.size) {
                if (s >= p.size || (l < longCount && (long) l * ns <= (long) (s - longCount) * nl)) {
                    rulesFor(l++, 1);
                } else {
                    rulesFor(s++, -1);
                }
            }
        }

        private void rulesFor(int i, int sign) {
            double e = p.entry[i];
            double q = p.quantity[i];
            double notional = p.margin[i];
            double lev = p.trigger[i];
            double maxLev = LiquidationEngine.maxLeverage(rules, e, q, Double.NaN);
            double m = notional / Math.min(lev, maxLev);
            double t = LiquidationEngine.thresholdPrice(rules, sign, e, q, m, 1);
            if (Double.isNaN(t)) {
                if (m <= LiquidationEngine.maintenanceMargin(rules, e, q, e)) {
                    // Liquidatable at entry even at the tier's maximum (a schedule whose mmr exceeds
                    // 1/maxLeverage): hold twice the maintenance margin instead.
                    m = 2 * LiquidationEngine.maintenanceMargin(rules, e, q, e);
                    t = LiquidationEngine.thresholdPrice(rules, sign, e, q, m, 1);
                }
                if (Double.isNaN(t)) {
                    t = sign > 0 ? 0 : Double.POSITIVE_INFINITY;
                }
            }
            p.margin[i] = m;
            p.trigger[i] = t;
            p.keys[i] = Positions.key(t, sign < 0, i, keyScale);
        }

        /** Pass 4: a position already past its liquidation price at the start is drawn again (a few percent). */
        void redrawPast(SplittableRandom random) {
            for (int i = 0; i < p.size; i++) {
                if (isPast(i)) {
                    drawOne(i, random);
                }
            }
        }

        /** A position drawn again, one by one, until it is not already past its liquidation price (pass 4). */
        private void drawOne(int i, SplittableRandom random) {
            int sign = i < p.longCount ? 1 : -1;
            double lev = leverage[pick(cumulative, random.nextDouble())];
            double notional = notional(random.nextExponential());
            double centre = sign > 0 ? longCentre : shortCentre;
            for (int attempt = 0; ; attempt++) {
                double e = attempt == MAX_REDRAWS ? start : entry(centre, random.nextGaussian());
                p.entry[i] = e;
                p.quantity[i] = notional / e;
                p.margin[i] = notional;
                p.trigger[i] = lev;
                rulesFor(i, sign);
                if (!isPast(i) || attempt == MAX_REDRAWS) {
                    return;
                }
            }
        }

        /** Pareto notional from an exponential draw: min * U^(-1/alpha) = min * exp(E / alpha), capped. */
        private double notional(double exponential) {
            return scale * Math.min(maxNotional, minNotional * Math.exp(exponential * tailInverse));
        }

        /** Entry price from a standard normal draw around the side's centre. */
        private double entry(double centre, double normal) {
            return Math.max(floorPrice, centre * (1 + spread * normal));
        }

        /** Already past its liquidation price at the start price. */
        private boolean isPast(int i) {
            double t = p.trigger[i];
            return i < p.longCount ? t >= start : t <= start;
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
    enum Phase { POPULATION, ORDERING }

    interface ProgressSink {
        void report(Phase phase, double fractionOfPhase);
    }
}
