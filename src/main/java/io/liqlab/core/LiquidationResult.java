package io.liqlab.core;

import java.util.List;

/**
 * Everything LiqLab reports about one position at one venue. Prices that do not exist are NaN (and null on the
 * command line).
 *
 * @param leverage                       leverage as chosen, or notional / margin when a margin was given
 * @param margin                         isolated margin, or {@code wallet + UPNL_other - MM_other} in cross mode
 * @param tierAtLiquidation              null where the tier depends on price and there is no liquidation price
 * @param maintenanceMarginRate          mmr of the tier used at liquidation (or at entry when there is none)
 * @param maintenanceAmount              maintenance amount of that tier
 * @param feeInTrigger                   taker fee added to mmr in the trigger (OKX), 0 elsewhere
 * @param maintenanceMarginAtLiquidation maintenance margin at the liquidation price (equals equity there)
 * @param maintenanceMarginNow           maintenance margin at the mark
 * @param marginRatioNow                 maintenance / equity at the mark (1 = liquidation), NaN when equity &lt;= 0
 * @param estimate                       true where the venue publishes no closed form (OKX cross)
 */
public record LiquidationResult(Position position, double notional, double leverage, double margin,
                                Outcome outcome, double bankruptcyPrice, double backstopPrice,
                                double distancePercent, Tier tierAtEntry, Tier tierAtLiquidation,
                                double maintenanceMarginRate, double maintenanceAmount, double feeInTrigger,
                                double maintenanceMarginAtLiquidation, double maintenanceMarginNow,
                                double marginRatioNow, double maxLeverage, boolean leverageAllowed,
                                FirstLiquidation firstLiquidation, boolean estimate, List<Note> notes) {

    /** The notes in plain words. */
    public List<String> noteTexts() {
        return notes.stream().map(Note::text).toList();
    }

    public double liquidationPrice() {
        return outcome.priceOrNaN();
    }

    public boolean hasLiquidationPrice() {
        return outcome instanceof Outcome.LiquidatesAt;
    }

    /** The mark is already past the liquidation price. */
    public boolean liquidatableNow() {
        return hasLiquidationPrice() && position.side().sign() * (position.markPrice() - liquidationPrice()) < 0;
    }

    public boolean tierChanges() {
        return tierAtLiquidation != null && tierAtLiquidation.number() != tierAtEntry.number();
    }
}
