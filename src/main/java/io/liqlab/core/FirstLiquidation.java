package io.liqlab.core;

/**
 * The first order a venue's liquidation engine sends when the position hits its liquidation price.
 *
 * @param kind            which rule decided it
 * @param fraction        share of the position in that order, in (0, 1]
 * @param quantity        base units in that order
 * @param notional        that quantity at the liquidation price
 * @param cooldownSeconds wait before the next partial order (0 where none)
 * @param threshold       the partial-liquidation threshold notional (fraction rules), else 0
 * @param fromTier        tier at liquidation (step-down rules), else 0
 * @param toTier          tier stepped down to, or where step-down starts when the order is whole, else 0
 */
public record FirstLiquidation(Kind kind, double fraction, double quantity, double notional, double cooldownSeconds,
                               double threshold, int fromTier, int toTier) {

    public enum Kind {
        WHOLE, WHOLE_BELOW_THRESHOLD, PARTIAL_FRACTION, PARTIAL_FRACTION_INCLUSIVE, IOC_ORDER, PER_BLOCK,
        WHOLE_BELOW_STEP_TIER, STEP_DOWN
    }

    /** whole, partial, ioc-order or per-block. */
    public String type() {
        return switch (kind) {
            case WHOLE, WHOLE_BELOW_THRESHOLD, WHOLE_BELOW_STEP_TIER -> "whole";
            case PARTIAL_FRACTION, PARTIAL_FRACTION_INCLUSIVE, STEP_DOWN -> "partial";
            case IOC_ORDER -> "ioc-order";
            case PER_BLOCK -> "per-block";
        };
    }

    /** One sentence for people. */
    public String description() {
        return switch (kind) {
            case WHOLE -> "The whole position is closed at market.";
            case WHOLE_BELOW_THRESHOLD -> "The whole position is closed: its notional at liquidation, " + Numbers.money(notional)
                    + ", is not above the partial-liquidation threshold of " + Numbers.money(threshold) + ".";
            case PARTIAL_FRACTION, PARTIAL_FRACTION_INCLUSIVE -> Numbers.percentOf(fraction) + " of the position ("
                    + Numbers.quantity(quantity) + " units, " + Numbers.money(notional) + ") in one market order, because the notional at liquidation is "
                    + (kind == Kind.PARTIAL_FRACTION_INCLUSIVE ? "at or above " : "above ") + Numbers.money(threshold)
                    + (cooldownSeconds > 0 ? "; then a " + Numbers.quantity(cooldownSeconds) + " s cooldown before the next partial order" : "") + ".";
            case IOC_ORDER -> "One IOC order for the whole position goes into the book; whatever is left is taken over at the bankruptcy price.";
            case PER_BLOCK -> "Closed through the book, no worse than the fillable price, within per-block limits (values not published).";
            case WHOLE_BELOW_STEP_TIER -> "The whole position is closed at the bankruptcy price: tier " + fromTier
                    + " is below tier " + toTier + ", where step-down liquidation starts.";
            case STEP_DOWN -> "Close " + Numbers.quantity(quantity) + " units (" + Numbers.money(notional) + ") to step down from tier "
                    + fromTier + " to tier " + toTier + ", then re-check.";
        };
    }
}
