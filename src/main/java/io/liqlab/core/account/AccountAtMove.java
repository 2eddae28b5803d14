package io.liqlab.core.account;

/**
 * The account with every mark moved together by one percentage (what dragging the Account chart's move axis shows).
 * Arrays are per position, in the account's order.
 *
 * @param movePercent  the move, in percent (-5 = every mark 5% lower)
 * @param equity       wallet + every position's PnL at its moved mark
 * @param maintenance  the sum of the positions' maintenance at their moved marks
 * @param price        each position's mark after the move
 * @param pnl          each position's unrealized PnL there
 */
public record AccountAtMove(double movePercent, double equity, double maintenance, double[] price, double[] pnl) {

    /** Maintenance / equity (1 = liquidation); NaN when equity is zero or less. */
    public double marginRatio() {
        return equity > 0 ? maintenance / equity : Double.NaN;
    }

    /** Equity at or below maintenance: the account is liquidated at this move. */
    public boolean liquidated() {
        return equity <= maintenance;
    }
}
