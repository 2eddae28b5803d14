package io.liqlab.core.account;

import io.liqlab.core.LiquidationResult;

import java.util.List;
import java.util.function.Supplier;

/**
 * One position of an account, every other position held at its mark. Prices that do not exist are NaN.
 *
 * @param liquidationPrice       where the account liquidates as this position's mark moves alone (the legs of one
 *                               market move together)
 * @param bankruptcyPrice        where the account's equity reaches zero the same way
 * @param maintenance            the position's maintenance margin at its mark (OKX: with the taker fee in the trigger)
 * @param unrealizedPnl          {@code s*Q*(mark - E)}
 * @param distancePercent        {@code |mark - L| / mark}, in percent
 * @param tierAtLiquidation      tier number at the liquidation price (0 when there is none and the tier depends on price)
 * @param method                 the venue rule that gave the price, in one line
 * @param solvedNumerically      true where the venue publishes no closed form (or one market's legs move together)
 *                               and the price was found by bisection on the account's equity rule
 * @param liquidatableNow        the account's equity is already at or below its maintenance at the marks
 * @param noteText               makes the notes' words on demand
 * @param detail                 the engine's full result where the price came from the position calculator, else null
 */
public record PositionResult(AccountPosition position, double liquidationPrice, double bankruptcyPrice, double maintenance,
                             double unrealizedPnl, double distancePercent, int tierAtLiquidation, String method,
                             boolean solvedNumerically, boolean liquidatableNow, Supplier<List<String>> noteText,
                             LiquidationResult detail) {

    /**
     * The notes in plain words: the rule used and what the calculator says. Written when asked for, not on every
     * recompute (formatting the numbers in them costs more than the whole account's arithmetic).
     */
    public List<String> notes() {
        return noteText.get();
    }

    public boolean hasLiquidationPrice() {
        return !Double.isNaN(liquidationPrice);
    }

    /** The liquidation price as a move of this position's mark, in percent (negative: a fall). */
    public double liquidationMovePercent() {
        return hasLiquidationPrice() ? (liquidationPrice / position.mark() - 1) * 100 : Double.NaN;
    }
}
