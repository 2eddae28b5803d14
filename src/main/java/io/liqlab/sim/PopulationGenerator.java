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
    private static final int CHECK_EVERY = 1 << 16;

    private PopulationGenerator() {
    }

    static Positions generate(Scenario scenario, VenueRules rules, SplittableRandom random, BooleanSupplier cancelled,
                              ProgressSink progress) {
        Scenario.Population pop = scenario.population();
        int n = pop.positions();
        int longs = (int) Math.round(n * pop.longShare());
        Positions p = new Positions(n, longs);
        double start = scenario.market().startPrice();
        double[] leverage = leverages(pop.leverage());
        double[] cumulative = cumulativeWeights(pop.leverage());
        Scenario.Size size = pop.size();
        double inverseAlpha = -1 / size.tailAlpha();
        double scale = pop.sizeScale();
        Scenario.Entry entry = pop.entry();
        double spread = entry.spreadPercent() / 100;
        double longCentre = start * (1 + entry.longShiftPercent() / 100);
        double shortCentre = start * (1 + entry.shortShiftPercent() / 100);
        double floorPrice = start * 0.05;
        for (int i = 0; i < n; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled while drawing positions");
                }
                progress.report(Phase.POPULATION, (double) i / n);
            }
            int sign = i < longs ? 1 : -1;
            double lev = leverage[pick(cumulative, random.nextDouble())];
            double notional = scale * Math.min(size.maxNotional(), size.minNotional() * Math.pow(1 - random.nextDouble(), inverseAlpha));
            double centre = sign > 0 ? longCentre : shortCentre;
            for (int attempt = 0; ; attempt++) {
                double e = attempt == MAX_REDRAWS ? start : Math.max(floorPrice, centre * (1 + spread * gaussian(random)));
                double q = notional / e;
                double maxLev = LiquidationEngine.maxLeverage(rules, e, q, Double.NaN);
                double m = notional / Math.min(lev, maxLev);
                double t = LiquidationEngine.thresholdPrice(rules, sign, e, q, m, 1);
                if (Double.isNaN(t) && m <= LiquidationEngine.maintenanceMargin(rules, e, q, e)) {
                    // Liquidatable at entry even at the tier's maximum (a schedule whose mmr exceeds 1/maxLeverage):
                    // hold twice the maintenance margin instead.
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
                    break;
                }
            }
        }
        progress.report(Phase.ORDERING, 0);
        p.sortByTrigger(0, longs);
        p.sortByTrigger(longs, n);
        return p;
    }

    /** Positions given one by one (tests): longs first, then shorts, each sorted by its trigger. */
    static Positions place(VenueRules rules, List<Simulator.PlacedPosition> placed) {
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
        p.sortByTrigger(0, p.longCount);
        p.sortByTrigger(p.longCount, p.size);
        return p;
    }

    private static void put(Positions p, VenueRules rules, int i, Simulator.PlacedPosition x) {
        double t = LiquidationEngine.thresholdPrice(rules, x.sign(), x.entry(), x.quantity(), x.margin(), 1);
        p.entry[i] = x.entry();
        p.quantity[i] = x.quantity();
        p.margin[i] = x.margin();
        p.trigger[i] = Double.isNaN(t) ? (x.sign() > 0 ? 0 : Double.POSITIVE_INFINITY) : t;
    }

    /** A standard normal draw (Box-Muller, so the stream is the same on every JDK). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
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
