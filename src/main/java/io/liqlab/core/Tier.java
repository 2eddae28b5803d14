package io.liqlab.core;

/**
 * One row of a venue's margin schedule. The tier covers {@code floor < x <= cap} (the first tier includes 0),
 * where x is the position notional or, for contract-count schedules (OKX), the number of contracts.
 *
 * @param number                tier number as the venue publishes it (1-based)
 * @param floor                 lower bound, exclusive (0 for the first tier)
 * @param cap                   upper bound, inclusive; {@code Double.POSITIVE_INFINITY} when unbounded
 * @param maxLeverage           highest leverage the venue allows in this tier
 * @param maintenanceMarginRate mmr, in (0, 1)
 * @param maintenanceAmount     A (Binance "cum", Hyperliquid "deduction", Bybit "MMD"); 0 where none
 * @param initialMarginRate     initial margin rate where the venue publishes one, otherwise NaN
 */
public record Tier(int number, double floor, double cap, double maxLeverage, double maintenanceMarginRate,
                   double maintenanceAmount, double initialMarginRate) {

    public boolean isUnbounded() {
        return cap == Double.POSITIVE_INFINITY;
    }

    public boolean hasInitialMarginRate() {
        return !Double.isNaN(initialMarginRate);
    }

    /** Maintenance margin charged on {@code notional} by this tier: {@code notional * mmr - A}. */
    public double maintenanceMargin(double notional) {
        return notional * maintenanceMarginRate - maintenanceAmount;
    }
}
