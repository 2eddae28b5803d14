package io.liqlab.core.account;

/**
 * Account equity and maintenance against a move of every mark together.
 *
 * @param movePercent the moves, ascending, in percent
 */
public record AccountCurve(double[] movePercent, double[] equity, double[] maintenance) {
}
