package io.liqlab.core.account;

import java.util.List;

/**
 * An account at its marks.
 *
 * @param equity                 wallet + the sum of unrealized PnL
 * @param maintenance            the sum of the positions' maintenance margin at their marks
 * @param marginRatio            maintenance / equity (1 = liquidation); NaN when equity is zero or less
 * @param liquidationMovePercent the move of every mark together, in percent, nearest to zero, at which equity falls
 *                               to maintenance (negative: a fall); 0 when already there; NaN when no move from -100%
 *                               to +1,000% reaches it
 */
public record AccountResult(Account account, List<PositionResult> positions, double equity, double maintenance,
                            double marginRatio, double liquidationMovePercent) {

    public AccountResult {
        positions = List.copyOf(positions);
    }

    public boolean liquidatableNow() {
        return liquidationMovePercent == 0;
    }

    public boolean hasLiquidationMove() {
        return !Double.isNaN(liquidationMovePercent);
    }
}
