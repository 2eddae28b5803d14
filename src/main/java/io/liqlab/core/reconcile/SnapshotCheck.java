package io.liqlab.core.reconcile;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Side;
import io.liqlab.core.account.AccountResult;
import io.liqlab.core.account.PositionResult;
import io.liqlab.core.reconcile.ImportedAccount.ExchangeFigures;

import java.util.ArrayList;
import java.util.List;

/**
 * LiqLab's figures beside the exchange's, position by position, for an imported snapshot: the exact liquidation and
 * bankruptcy prices, how the venue would display them ({@link VenueDisplay}), what the exchange sent, and whether
 * they agree (to the tick as displayed), differ, or the exchange sent none.
 */
public final class SnapshotCheck {

    /** How the exchange's figure compares with LiqLab's. */
    public enum Verdict {
        /** the exchange's figure is LiqLab's as the venue displays it (display rounding only) */
        AGREES_AS_DISPLAYED,
        /** the exchange's figure equals LiqLab's exact one within the tick (or the precision it was sent with) */
        AGREES,
        /** they differ: ask reconcile why */
        DIFFERS,
        /** the exchange sent none: LiqLab's figure is the one to watch */
        EXCHANGE_SENDS_NONE,
        /** LiqLab finds none (never liquidated, or liquidatable now) while the exchange sent one */
        LIQLAB_NONE,
        /** neither has one */
        NEITHER
    }

    /**
     * One position.
     *
     * @param market        profile id
     * @param mode          cross or isolated
     * @param liquidation   LiqLab's exact liquidation price (NaN when none)
     * @param liquidationDisplayed how the venue would display it
     * @param bankruptcy    LiqLab's exact bankruptcy price (NaN when none)
     * @param bankruptcyDisplayed how the venue would display it
     * @param exchange      what the exchange sent
     */
    public record Row(String market, Side side, double quantity, MarginMode mode, double liquidation, double liquidationDisplayed,
                      double bankruptcy, double bankruptcyDisplayed, ExchangeFigures exchange, Verdict liquidationVerdict,
                      Verdict bankruptcyVerdict) {

        public double liquidationDifference() {
            return exchange.liquidation() - liquidation;
        }
    }

    private SnapshotCheck() {
    }

    /** @param cross the account's result ({@code AccountEngine.calculate(imported.account())}); null when there is no account */
    public static List<Row> rows(ImportedAccount imported, AccountResult cross, LiquidationEngine engine) {
        VenueDisplay.Rule rule = VenueDisplay.ruleFor(imported.venueRulesId());
        List<Row> rows = new ArrayList<>();
        if (cross != null) {
            for (int i = 0; i < cross.positions().size(); i++) {
                PositionResult p = cross.positions().get(i);
                rows.add(row(p.position().market(), p.position().side(), p.position().quantity(), MarginMode.CROSS, p.liquidationPrice(),
                        p.bankruptcyPrice(), imported.exchange().get(i), rule));
            }
        }
        for (ImportedAccount.IsolatedPosition iso : imported.isolated()) {
            LiquidationResult r = engine.calculate(iso.rules(), iso.position());
            rows.add(row(iso.market(), iso.position().side(), iso.position().quantity(), MarginMode.ISOLATED, r.liquidationPrice(),
                    r.bankruptcyPrice(), iso.exchange(), rule));
        }
        return rows;
    }

    private static Row row(String market, Side side, double qty, MarginMode mode, double liq, double bust, ExchangeFigures ex, VenueDisplay.Rule rule) {
        double liqShown = VenueDisplay.shown(rule, liq, side, ex.tick());
        double bustShown = VenueDisplay.shown(rule, bust, side, ex.tick());
        return new Row(market, side, qty, mode, liq, liqShown, bust, bustShown, ex, verdict(liq, liqShown, ex.liquidation(), ex.tick(), rule),
                verdict(bust, bustShown, ex.bankruptcy(), ex.tick(), rule));
    }

    static Verdict verdict(double exact, double displayed, double theirs, double tick, VenueDisplay.Rule rule) {
        if (Double.isNaN(theirs)) {
            return Double.isNaN(exact) ? Verdict.NEITHER : Verdict.EXCHANGE_SENDS_NONE;
        }
        if (Double.isNaN(exact)) {
            return Verdict.LIQLAB_NONE;
        }
        boolean ruled = rule != VenueDisplay.Rule.EXACT && tick > 0;
        if (ruled && Math.abs(displayed - theirs) <= tick * 1e-6) {
            return Verdict.AGREES_AS_DISPLAYED;
        }
        double tolerance = tick > 0 ? tick : Reconciler.precisionOf(theirs);
        return Math.abs(exact - theirs) <= tolerance ? Verdict.AGREES : Verdict.DIFFERS;
    }
}
