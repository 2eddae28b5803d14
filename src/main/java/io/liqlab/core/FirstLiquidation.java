package io.liqlab.core;

/**
 * The first order a venue's liquidation engine sends when the position hits its liquidation price.
 *
 * @param type            whole, partial, ioc-order or per-block
 * @param fraction        share of the position in that order, in (0, 1]
 * @param quantity        base units in that order
 * @param notional        that quantity at the liquidation price
 * @param cooldownSeconds wait before the next partial order (0 where none)
 * @param description     one sentence for people
 */
public record FirstLiquidation(String type, double fraction, double quantity, double notional,
                               double cooldownSeconds, String description) {
}
