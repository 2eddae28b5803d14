package io.liqlab.core.solve;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Position;
import io.liqlab.core.VenueRules;

/**
 * Before and after an edit of an open position (issue 18, part 5), both computed by the engine: adding or removing
 * margin, adding size at a new price, a partial close, flipping side; and the stop check.
 *
 * <p>The venues' bookkeeping, as their help pages describe an isolated position: an added order posts its own
 * initial margin ({@code added notional / leverage}) and the entry becomes the quantity-weighted average; a partial
 * close releases the same fraction of the margin and realizes {@code s x closed x (price - entry)} into the wallet;
 * a flip closes everything and opens the other side at the price with a fresh margin. In cross mode the wallet takes
 * the realized PnL and the added margin, and stays the collateral. Funding paid and the opening fee are already out
 * of the margin before the edit; after it they are part of the margin carried over.
 */
public final class PositionEdits {

    /**
     * @param realizedPnl PnL realized by the edit (close, flip), 0 otherwise
     */
    public record BeforeAfter(String change, LiquidationResult before, LiquidationResult after, double realizedPnl) {
        public boolean tierChanged() {
            return before.tierAtEntry().number() != after.tierAtEntry().number();
        }
    }

    /**
     * @param verdict            what happens first as the price moves toward the liquidation
     * @param worstLastAtLiq     the last price when the mark reaches the liquidation, the spread against the stop
     * @param pnlAtStop          PnL if the stop fills at its price
     * @param suggestedStop      the stop at {@code suggestFraction} of the way from the mark to the liquidation
     * @param suggestedVerdict   the verdict for the suggested stop
     */
    public record StopCheck(double stop, double liquidationPrice, double spreadPercent, Verdict verdict,
                            double worstLastAtLiq, double pnlAtStop, double roeAtStop, double suggestFraction,
                            double suggestedStop, Verdict suggestedVerdict, LiquidationResult result) {
    }

    public enum Verdict {
        /** The stop triggers before the liquidation, even with the last price the spread away from the mark. */
        TRIGGERS_FIRST("triggers before liquidation"),
        /** The stop triggers first only if the last price stays within the spread's margin of it: too close. */
        AT_RISK("may be liquidated first: the stop is within the mark-to-last spread of the liquidation"),
        /** The stop lies at or beyond the liquidation price: the position is liquidated before it triggers. */
        LIQUIDATED_FIRST("liquidated first: the stop lies beyond the liquidation price"),
        /** The stop is on the other side of the mark: it triggers at once. */
        TRIGGERS_NOW("triggers at once: the stop is not on the loss side of the mark"),
        /** There is no liquidation price: any stop triggers first. */
        NO_LIQUIDATION("triggers first: the position has no liquidation price");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final LiquidationEngine engine;

    public PositionEdits(LiquidationEngine engine) {
        this.engine = engine;
    }

    /** Adds {@code amount} of margin (negative: removes it) to the isolated margin, or the cross wallet. */
    public BeforeAfter addMargin(VenueRules rules, Position p, double amount) {
        if (!Double.isFinite(amount) || amount == 0) {
            throw new InvalidInputException("amount", "must be a non-zero amount (negative removes margin), got " + amount);
        }
        LiquidationResult before = engine.calculate(rules, p);
        double current = Positions.collateralOf(p);
        double next = current + amount;
        if (amount < 0) {
            // Keep equity at the mark above maintenance there: the most that can come out. The PnL in the margin's
            // currency (in the coin for a coin-margined position: the linear s Q (X - E) there gave USD).
            double equityNow = p.marginFor(0) + Positions.pnl(p, p.quantity(), p.markPrice());
            double keep = before.maintenanceMarginNow() + (p.mode() == MarginMode.CROSS ? p.otherMaintenance() : 0);
            double removable = Math.max(0, equityNow - keep);
            if (-amount >= removable || next < 0) {
                throw new Impossible("removing " + Numbers.amount(-amount, p.inverse(), java.util.Locale.ROOT) + " leaves the position at or below its maintenance at the mark; at most "
                        + Numbers.amount(Math.min(removable, current), p.inverse(), java.util.Locale.ROOT) + " can come out");
            }
        }
        LiquidationResult after = engine.calculate(rules, Positions.withCollateral(p, next));
        return new BeforeAfter((amount > 0 ? "add " : "remove ") + Numbers.amount(Math.abs(amount), p.inverse(), java.util.Locale.ROOT) + " margin", before, after, 0);
    }

    /**
     * Adds {@code quantity} bought (long) or sold (short) at {@code price}; the order posts {@code quantity x price /
     * leverage} of margin (isolated) from the wallet.
     */
    public BeforeAfter addSize(VenueRules rules, Position p, double quantity, double price, double leverage) {
        requirePositive("addQuantity", quantity);
        Calculators.requirePrice("price", price);
        if (!(leverage > 0 && leverage <= Position.MAX_INPUT_LEVERAGE)) {
            throw new InvalidInputException("leverage", "must be in (0, 1000] for the added order, got " + leverage);
        }
        LiquidationResult before = engine.calculate(rules, p);
        double q = p.quantity() + quantity;
        double entry = (p.quantity() * p.entryPrice() + quantity * price) / q;
        Position after = p.mode() == MarginMode.ISOLATED
                ? Positions.copy(p, p.side(), entry, q, Double.NaN, p.margin() + Positions.marginValue(p, quantity, price) / leverage,
                        p.fundingPaid(), p.openingFee(), p.wallet(), 0)
                : Positions.copy(p, p.side(), entry, q, leverage, p.margin(), p.fundingPaid(), p.openingFee(), p.wallet(), 0);
        return new BeforeAfter("add " + Numbers.quantity(quantity) + " at " + Numbers.price(price), before,
                engine.calculate(rules, after), 0);
    }

    /** Closes {@code quantity} (less than the whole) at {@code price}: margin released pro rata, PnL realized. */
    public BeforeAfter close(VenueRules rules, Position p, double quantity, double price) {
        requirePositive("closeQuantity", quantity);
        Calculators.requirePrice("price", price);
        if (quantity >= p.quantity()) {
            throw new InvalidInputException("closeQuantity", "must be above 0 and below the position's quantity "
                    + Numbers.plain(p.quantity()) + " (closing it all leaves nothing to liquidate; flip turns it around)");
        }
        LiquidationResult before = engine.calculate(rules, p);
        double keep = (p.quantity() - quantity) / p.quantity();
        double realized = Positions.pnl(p, quantity, price);
        Position after = p.mode() == MarginMode.ISOLATED
                ? Positions.copy(p, p.side(), p.entryPrice(), p.quantity() - quantity, Double.NaN, p.marginFor(0) * keep, 0, 0, p.wallet(), 0)
                : Positions.copy(p, p.side(), p.entryPrice(), p.quantity() - quantity, p.leverage(), p.margin(), p.fundingPaid(),
                        p.openingFee(), p.wallet() + realized, 0);
        return new BeforeAfter("close " + Numbers.quantity(quantity) + " at " + Numbers.price(price), before,
                engine.calculate(rules, after), realized);
    }

    /**
     * Closes the whole position at {@code price} and opens {@code quantity} on the other side there, with margin
     * {@code quantity x price / leverage} (isolated; cross: the wallet with the realized PnL).
     */
    public BeforeAfter flip(VenueRules rules, Position p, double quantity, double price, double leverage) {
        requirePositive("flipQuantity", quantity);
        Calculators.requirePrice("price", price);
        if (!(leverage > 0 && leverage <= Position.MAX_INPUT_LEVERAGE)) {
            throw new InvalidInputException("leverage", "must be in (0, 1000] for the new side, got " + leverage);
        }
        LiquidationResult before = engine.calculate(rules, p);
        double realized = Positions.pnl(p, p.quantity(), price);
        Position after = p.mode() == MarginMode.ISOLATED
                ? Positions.copy(p, p.side().opposite(), price, quantity, leverage, Positions.marginValue(p, quantity, price) / leverage, 0, 0, p.wallet(), 0)
                : Positions.copy(p, p.side().opposite(), price, quantity, leverage, p.margin(), 0, 0,
                        p.wallet() + realized - p.fundingPaid() - p.openingFee(), 0);
        return new BeforeAfter("flip to " + p.side().opposite().id() + " " + Numbers.quantity(quantity) + " at " + Numbers.price(price),
                before, engine.calculate(rules, after), realized);
    }

    /**
     * Whether a stop at {@code stop} triggers before the liquidation. The stop follows the last price, the liquidation
     * the mark; the last may be {@code spreadPercent} % from the mark either way, so a long's stop triggers first for
     * sure only at or above {@code L x (1 + spread)} (a short's at or below {@code L x (1 - spread)}). Also suggests the
     * stop {@code suggestPercent} % of the way from the mark to the liquidation.
     */
    public StopCheck stopCheck(VenueRules rules, Position p, double stop, double spreadPercent, double suggestPercent) {
        Calculators.requirePrice("stopPrice", stop);
        if (!(spreadPercent >= 0 && spreadPercent < 50)) {
            throw new InvalidInputException("spreadPercent", "must be from 0 to below 50 (percent of the mark), got " + spreadPercent);
        }
        if (!(suggestPercent > 0 && suggestPercent < 100)) {
            throw new InvalidInputException("suggestPercent", "must be above 0 and below 100 (percent of the way to the liquidation), got " + suggestPercent);
        }
        LiquidationResult r = engine.calculate(rules, p);
        int s = p.side().sign();
        double liq = r.liquidationPrice();
        double spread = spreadPercent / 100;
        double worst = Double.isNaN(liq) ? Double.NaN : liq * (1 + s * spread);
        double pnl = Positions.pnl(p, p.quantity(), stop);
        double roe = pnl / Calculators.initialMargin(p) * 100;
        double fraction = suggestPercent / 100;
        double suggested = Double.isNaN(liq) || r.liquidatableNow() ? Double.NaN : p.markPrice() + fraction * (liq - p.markPrice());
        return new StopCheck(stop, liq, spreadPercent, verdict(p, liq, worst, stop), worst, pnl, roe, fraction, suggested,
                Double.isNaN(suggested) ? null : verdict(p, liq, worst, suggested), r);
    }

    private static Verdict verdict(Position p, double liq, double worst, double stop) {
        int s = p.side().sign();
        if (s * (stop - p.markPrice()) >= 0) {
            return Verdict.TRIGGERS_NOW;
        }
        if (Double.isNaN(liq)) {
            return Verdict.NO_LIQUIDATION;
        }
        if (s * (stop - liq) <= 0) {
            return Verdict.LIQUIDATED_FIRST;
        }
        return s * (stop - worst) >= 0 ? Verdict.TRIGGERS_FIRST : Verdict.AT_RISK;
    }

    private static void requirePositive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(field, "must be a quantity greater than 0, got " + v);
        }
    }
}
