package io.liqlab.core.solve;

import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;

/**
 * Variants of a position with one input changed, built straight from its record (the builder would re-derive
 * funding from a rate and refuse what the calculators need to try). The one place that knows the record's shape.
 */
final class Positions {

    private Positions() {
    }

    /** The same position with another isolated margin (or, in cross mode, another wallet balance). */
    static Position withCollateral(Position p, double collateral) {
        return p.mode() == MarginMode.ISOLATED
                ? copy(p, p.side(), p.entryPrice(), p.quantity(), Double.NaN, collateral, p.fundingPaid(), p.openingFee(), p.wallet(), 0)
                : copy(p, p.side(), p.entryPrice(), p.quantity(), p.leverage(), p.margin(), p.fundingPaid(), p.openingFee(), collateral, 0);
    }

    /** The collateral {@link #withCollateral} sets: isolated margin, or the cross wallet. */
    static double collateralOf(Position p) {
        return p.mode() == MarginMode.ISOLATED ? p.margin() : p.wallet();
    }

    /** The same position with another quantity and isolated margin (cross: the wallet is kept). */
    static Position withSize(Position p, double quantity, double margin) {
        return copy(p, p.side(), p.entryPrice(), quantity, p.mode() == MarginMode.ISOLATED ? Double.NaN : p.leverage(),
                p.mode() == MarginMode.ISOLATED ? margin : Double.NaN, p.fundingPaid(), p.openingFee(), p.wallet(), 0);
    }

    /**
     * What {@code quantity} at {@code price} is worth in the margin's currency: the notional for a linear contract,
     * the size in the coin for an inverse one (where the quantity is the coin at its own price).
     */
    static double marginValue(Position p, double quantity, double price) {
        return p.inverse() ? quantity : quantity * price;
    }

    /** PnL in the margin's currency of closing {@code quantity} at {@code exit}: linear {@code s Q (X - E)}, inverse {@code s Q (1 - E / X)}. */
    static double pnl(Position p, double quantity, double exit) {
        int s = p.side().sign();
        return p.inverse() ? s * quantity * (1 - p.entryPrice() / exit) : s * quantity * (exit - p.entryPrice());
    }

    static Position copy(Position p, Side side, double entry, double quantity, double leverage, double margin,
                         double fundingPaid, double openingFee, double wallet, double addedMargin) {
        return new Position(side, p.mode(), entry, p.markPrice(), quantity, leverage, margin, fundingPaid, openingFee,
                wallet, p.otherMaintenance(), p.otherUnrealizedPnl(), p.maintenanceRateOverride(),
                p.maintenanceAmountOverride(), p.openInterest(), addedMargin, p.inverse());
    }
}
