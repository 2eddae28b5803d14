package io.liqlab.sim;

/**
 * What {@code liqlab simulate} prints: the run's totals and extremes. Notional is USD; prices are the book mid.
 *
 * @param liquidations        liquidation events: partial closes, whole closes and backstop hand-overs
 * @param adlCount            fills against opposing positions closed by auto-deleveraging
 * @param badDebt             losses neither the insurance fund nor ADL covered
 * @param maxR                highest cascade ratio R over the run
 * @param elapsedMillis       wall-clock time of the run: population, liquidation prices, ordering, cascade, frames
 * @param bookRanOutSecond    the simulated second a market order first ran through one whole side of the book
 *                            (the price then stops at the book's floor or ceiling), or NaN if it never did
 * @param adlNotionalInProfit of {@code adlNotional}, the notional of opposing positions that were closed at a gain
 *                            against their entry (CASCADE.md: 94.5% of what Hyperliquid ADL'd on 10 October)
 */
public record SimulationSummary(int ticks, int positions, long liquidations, double liquidatedNotionalLong,
                                double liquidatedNotionalShort, long partialLiquidations, double backstopNotional,
                                long adlCount, double adlNotional, double insuranceFundMin, double insuranceFundEnd,
                                double badDebt, double priceStart, double priceLow, double priceEnd, double maxR,
                                long elapsedMillis, double bookRanOutSecond, double adlNotionalInProfit) {

    /** A summary with no ADL'd notional in profit (runs and tests from before the figure existed). */
    public SimulationSummary(int ticks, int positions, long liquidations, double liquidatedNotionalLong,
                             double liquidatedNotionalShort, long partialLiquidations, double backstopNotional,
                             long adlCount, double adlNotional, double insuranceFundMin, double insuranceFundEnd,
                             double badDebt, double priceStart, double priceLow, double priceEnd, double maxR,
                             long elapsedMillis, double bookRanOutSecond) {
        this(ticks, positions, liquidations, liquidatedNotionalLong, liquidatedNotionalShort, partialLiquidations,
                backstopNotional, adlCount, adlNotional, insuranceFundMin, insuranceFundEnd, badDebt, priceStart,
                priceLow, priceEnd, maxR, elapsedMillis, bookRanOutSecond, 0);
    }

    /** ADL'd notional over liquidated notional (NaN with no liquidations). */
    public double adlToLiquidatedRatio() {
        double total = liquidatedNotional();
        return total > 0 ? adlNotional / total : Double.NaN;
    }

    /** Share of ADL'd notional from positions closed at a gain, 0..1 (NaN with no ADL). */
    public double adlShareInProfit() {
        return adlNotional > 0 ? adlNotionalInProfit / adlNotional : Double.NaN;
    }

    /** Whether a market order ran through one whole side of the book during the run. */
    public boolean bookRanOut() {
        return !Double.isNaN(bookRanOutSecond);
    }

    public double liquidatedNotional() {
        return liquidatedNotionalLong + liquidatedNotionalShort;
    }

    /** Share of liquidated notional that was long, 0..1 (NaN with no liquidations). */
    public double longShareOfLiquidated() {
        double total = liquidatedNotional();
        return total > 0 ? liquidatedNotionalLong / total : Double.NaN;
    }

    /** Lowest mid as a percentage move from the start (negative for a fall). */
    public double troughPercent() {
        return (priceLow / priceStart - 1) * 100;
    }
}
