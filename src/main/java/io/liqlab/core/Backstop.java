package io.liqlab.core;

/**
 * A venue's backstop: when equity falls below {@code equityFraction * MM} the position is handed to a vault or a
 * backstop book instead of being sold into the order book (Hyperliquid 2/3, GTE 1/3).
 */
public record Backstop(double equityFraction, String taker) {
}
