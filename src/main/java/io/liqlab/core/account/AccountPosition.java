package io.liqlab.core.account;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.VenueRules;

/**
 * One position of a cross account, every input resolved. Build one with {@link #of}, which names the field that
 * is wrong ({@code entry}, {@code qty}, ...) as the account file does.
 *
 * @param market        the market's name as the account shows it (a profile id or a symbol); legs of one market
 *                      share it
 * @param venueKey      which venue the market is at (its venue-rules id, "binance-usdm"); an account holds one
 * @param rules         the market's rules and tiers
 * @param quantity      size in base units, &gt; 0
 * @param initialMargin margin the position was opened with: notional / leverage, or as given
 * @param leverage      leverage as given, or notional / margin
 * @param mark          current mark price
 */
public record AccountPosition(String market, String venueKey, VenueRules rules, Side side, double entry, double quantity,
                              double initialMargin, double leverage, double mark) {

    public double notional() {
        return quantity * entry;
    }

    /** {@code s*Q*(mark - E)}. */
    public double unrealizedPnl() {
        return side.sign() * quantity * (mark - entry);
    }

    /** Unrealized PnL if the mark were {@code price}. */
    double pnlAt(double price) {
        return side.sign() * quantity * (price - entry);
    }

    /** Maintenance margin at {@code price} by the market's own rule (on the entry value for Bybit and the textbook). */
    public double maintenanceAt(double price) {
        return LiquidationEngine.maintenanceMargin(rules, entry, quantity, price);
    }

    /** The same position with another mark (what the account's market-move chart does to every position). */
    public AccountPosition withMark(double newMark) {
        return new AccountPosition(market, venueKey, rules, side, entry, quantity, initialMargin, leverage, newMark);
    }

    /**
     * Resolves raw inputs (NaN = not given). Size: exactly one of quantity and notional; margin: exactly one of
     * leverage and margin; mark defaults to the entry.
     *
     * @throws InvalidInputException naming {@code market, side, entry, qty, notional, leverage, margin, mark}
     */
    public static AccountPosition of(String market, String venueKey, VenueRules rules, Side side, double entry,
                                     double quantity, double notional, double leverage, double margin, double mark) {
        if (market == null || market.isBlank()) {
            throw new InvalidInputException("market", "is required: a market at the account's venue");
        }
        if (rules.inverse()) {
            throw new InvalidInputException("market", "'" + market + "' is coin-margined (inverse): an account holds linear markets"
                    + " margined in the quote currency (USDT, USDC); compute a coin-margined position with calc");
        }
        if (side == null) {
            throw new InvalidInputException("side", "is required: long or short");
        }
        requirePrice("entry", entry);
        double m = Double.isNaN(mark) ? entry : mark;
        requirePrice("mark", m);
        boolean hasQty = !Double.isNaN(quantity);
        boolean hasNotional = !Double.isNaN(notional);
        if (hasQty == hasNotional) {
            throw new InvalidInputException(hasQty ? "notional" : "qty", hasQty ? "give the size as qty or as notional, not both"
                    : "is required: give the size as qty (base units) or as notional (quote currency), a number above 0");
        }
        double q = hasQty ? positive("qty", quantity, "a size in base units") : positive("notional", notional, "a size in quote currency") / entry;
        double n = q * entry;
        if (!Double.isFinite(n) || !(q > 0)) {
            throw new InvalidInputException(hasQty ? "qty" : "notional", "is too large or too small: qty x entry must be a finite number above 0");
        }
        boolean hasLev = !Double.isNaN(leverage);
        boolean hasMargin = !Double.isNaN(margin);
        if (hasLev == hasMargin) {
            throw new InvalidInputException(hasLev ? "margin" : "leverage", hasLev ? "give leverage or margin, not both"
                    : "is required: give the leverage (above 0, at most " + (int) Position.MAX_INPUT_LEVERAGE + ") or the margin the position was opened with");
        }
        double lev;
        double im;
        if (hasLev) {
            if (!Double.isFinite(leverage) || leverage <= 0 || leverage > Position.MAX_INPUT_LEVERAGE) {
                throw new InvalidInputException("leverage", "must be above 0 and at most " + (int) Position.MAX_INPUT_LEVERAGE + ", got " + leverage);
            }
            lev = leverage;
            im = n / leverage;
        } else {
            positive("margin", margin, "an amount in quote currency");
            if (n / margin > Position.MAX_INPUT_LEVERAGE) {
                throw new InvalidInputException("margin", "must be at least notional / " + (int) Position.MAX_INPUT_LEVERAGE
                        + " (" + n / Position.MAX_INPUT_LEVERAGE + "), got " + margin);
            }
            im = margin;
            lev = n / margin;
        }
        return new AccountPosition(market.strip(), venueKey == null ? "" : venueKey, rules, side, entry, q, im, lev, m);
    }

    private static void requirePrice(String field, double v) {
        if (!Double.isFinite(v) || v < Position.MIN_PRICE || v > Position.MAX_PRICE) {
            throw new InvalidInputException(field, "must be a price from 1e-12 to 1e12, got " + v);
        }
    }

    private static double positive(String field, double v, String what) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new InvalidInputException(field, "must be " + what + " greater than 0, got " + v);
        }
        return v;
    }
}
