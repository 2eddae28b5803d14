package io.liqlab.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The venue's liquidation formula with one position's numbers substituted, step by step, for teaching; and the
 * "textbook vs exact" comparison (maintenance on the entry notional vs at the liquidation price).
 *
 * @param formula      the family's formula in symbols
 * @param steps        each step with numbers plugged in
 * @param tierUsed     the tier row the price used, in words (empty where the venue has one rate)
 * @param textbook     the textbook answer (maintenance on entry notional, no amount), NaN where none
 * @param exact        the answer with maintenance at the liquidation price and the same (mmr, A), NaN where none
 * @param whyDifferent one or two sentences on why the two differ
 */
public record FormulaExplanation(String formula, List<String> steps, String tierUsed, double textbook, double exact,
                                 String whyDifferent) {

    /**
     * Bybit's taker fee for USDT perpetuals as used in the worked example of its help-centre page "Order Cost (USDT
     * Contract)" (1 BTC long at 50,000, 10x: fee to close 24.75 USDT). Shown, not charged: Bybit's liquidation price
     * ("Liquidation Price (USDT Contract)") leaves the fee to close out.
     */
    public static final double BYBIT_ORDER_COST_TAKER_FEE = 0.00055;

    /** The venue-rules id whose profiles get the labelled fee-to-close line. */
    public static final String BYBIT_LINEAR = "bybit-linear";

    /** Explains {@code r}, computed under {@code rules}, with locale-independent numbers. */
    public static FormulaExplanation of(VenueRules rules, LiquidationResult r) {
        return of(rules, r, Locale.ROOT);
    }

    /**
     * Explains {@code r} with numbers in {@code locale}'s format (the desktop UI passes the user's: 60.000,00 in
     * German); the words and symbols stay as they are.
     */
    public static FormulaExplanation of(VenueRules rules, LiquidationResult r, Locale locale) {
        return of(rules, r, locale, "");
    }

    /**
     * As {@link #of(VenueRules, LiquidationResult, Locale)}, for a profile composed from the venue rules
     * {@code venueRules} ("bybit-linear" adds Bybit's estimated fee to close, labelled as left out of the price).
     */
    public static FormulaExplanation of(VenueRules rules, LiquidationResult r, Locale locale, String venueRules) {
        if (r.position().inverse()) {
            return inverse(rules, r, locale, "coin");
        }
        Position p = r.position();
        String sign = p.side() == Side.LONG ? "-" : "+";
        String side = p.side() == Side.LONG ? "long" : "short";
        double q = p.quantity();
        double e = p.entryPrice();
        double m = p.marginFor(1);
        double rate = r.maintenanceMarginRate();
        double amount = r.maintenanceAmount();
        double fee = r.feeInTrigger();
        boolean entryFamily = rules.family() instanceof RuleFamily.MaintenanceOnEntryNotional; // Bybit classic: cross too
        List<String> steps = new ArrayList<>();
        steps.add("Q = " + Numbers.quantity(q, locale) + ", E = " + Numbers.price(e, locale) + ", notional Q x E = " + Numbers.money(r.notional(), locale));
        if (p.mode() == MarginMode.CROSS) {
            steps.add("M = wallet + uPnL(other) - MM(other) = " + Numbers.money(p.wallet(), locale) + " + " + Numbers.money(p.otherUnrealizedPnl(), locale)
                    + " - " + Numbers.money(p.otherMaintenance(), locale) + (p.fundingPaid() != 0 ? " - funding " + Numbers.money(p.fundingPaid(), locale) : "")
                    + (p.openingFee() > 0 ? " - fee " + Numbers.money(p.openingFee(), locale) : "") + " = " + Numbers.money(m, locale));
        } else {
            steps.add("M = " + Numbers.money(p.margin(), locale) + (p.fundingPaid() != 0 ? " - funding " + Numbers.money(p.fundingPaid(), locale) : "")
                    + (p.openingFee() > 0 ? " - fee " + Numbers.money(p.openingFee(), locale) : "")
                    + (p.fundingPaid() != 0 || p.openingFee() > 0 ? " = " + Numbers.money(m, locale) : ""));
        }
        String formula;
        String result = r.hasLiquidationPrice() ? Numbers.price(r.liquidationPrice(), locale) : "none";
        if (entryFamily) {
            formula = side + ": L = E " + sign + " (M - MM) / Q,  MM = Q x E x mmr - A";
            double mm = q * e * rate - amount;
            steps.add("MM = " + Numbers.quantity(q, locale) + " x " + Numbers.price(e, locale) + " x " + Numbers.percentOf(rate, locale) + " - " + Numbers.money(amount, locale)
                    + " = " + Numbers.money(mm, locale));
            steps.add("L = " + Numbers.price(e, locale) + " " + sign + " (" + Numbers.money(m, locale) + " - " + Numbers.money(mm, locale) + ") / "
                    + Numbers.quantity(q, locale) + " = " + result);
        } else {
            double k = rate + fee;
            String rateText = fee > 0 ? "(mmr + fee)" : "mmr";
            formula = side + ": L = (Q x E " + sign + " M " + sign + " A) / (Q x (1 " + sign + " " + rateText + "))";
            if (fee > 0) {
                steps.add("mmr + fee = " + Numbers.percentOf(rate, locale) + " + " + Numbers.percentOf(fee, locale) + " = " + Numbers.percentOf(k, locale));
            }
            steps.add("L = (" + Numbers.money(q * e, locale) + " " + sign + " " + Numbers.money(m, locale) + " " + sign + " " + Numbers.money(amount, locale) + ") / ("
                    + Numbers.quantity(q, locale) + " x (1 " + sign + " " + Numbers.percentOf(k, locale) + ")) = " + result);
            if (r.hasLiquidationPrice()) {
                steps.add("check: equity at L = M + s x Q x (L - E) = " + Numbers.money(m + p.side().sign() * q * (r.liquidationPrice() - e), locale)
                        + " = MM(L) = " + Numbers.money(r.maintenanceMarginAtLiquidation(), locale));
            }
        }
        if (BYBIT_LINEAR.equals(venueRules)) {
            double lev = p.givenOrEffectiveLeverage();
            double factor = 1 - p.side().sign() / lev;
            if (Double.isFinite(lev) && factor >= 0) {
                double feeToClose = q * e * factor * BYBIT_ORDER_COST_TAKER_FEE;
                String levText = Numbers.leverage(lev, locale);
                steps.add("Bybit's liquidation price leaves the estimated fee to close out; its order cost includes it: fee to close = Q x E x (1 "
                        + sign + " 1/leverage) x taker fee = " + Numbers.quantity(q, locale) + " x " + Numbers.price(e, locale) + " x (1 " + sign + " 1/"
                        + levText.substring(0, levText.length() - 1) + ") x " + Numbers.percentOf(BYBIT_ORDER_COST_TAKER_FEE, locale) + " = "
                        + Numbers.money(feeToClose, locale) + " (not in L)");
            }
        }
        String tierUsed = "";
        Tier t = r.tierAtLiquidation() != null ? r.tierAtLiquidation() : r.tierAtEntry();
        if (rules.tiers().size() > 1 && !p.hasMaintenanceOverride()) {
            boolean contracts = rules.tiers().basis() == TierSchedule.Basis.CONTRACTS;
            String basis = contracts ? "contracts Q / contract value = " + Numbers.bound(rules.tierBasisValue(q, e), locale)
                    : entryFamily ? "entry notional " + Numbers.money(r.notional(), locale)
                    : "notional at L = " + (r.hasLiquidationPrice() ? Numbers.money(q * r.liquidationPrice(), locale) : "n/a");
            tierUsed = "Tier " + t.number() + ": " + Numbers.bound(t.floor(), locale) + " < " + basis + " <= "
                    + (t.isUnbounded() ? "unbounded" : Numbers.bound(t.cap(), locale)) + "; mmr " + Numbers.percentOf(t.maintenanceMarginRate(), locale)
                    + (contracts ? "" : ", A " + Numbers.money(t.maintenanceAmount(), locale)) + ", max " + Numbers.leverage(t.maxLeverage(), locale);
            if (r.tierChanges()) {
                tierUsed += " (entry was tier " + r.tierAtEntry().number() + ": maintenance is charged at the liquidation price)";
            }
        }

        // Textbook vs exact, with the same (mmr, A) and this margin, no fee in the trigger.
        double textbook = segment(p, m, rate, amount, true);
        double exact = segment(p, m, rate, amount, false);
        String why = Double.isNaN(textbook) || Double.isNaN(exact) ? "No comparison: one of the two has no liquidation price."
                : "The textbook charges maintenance on the entry notional (" + Numbers.money(q * e * rate - amount, locale)
                + "); the exact formula charges it on the notional at the liquidation price (" + Numbers.money(q * exact * rate - amount, locale)
                + "), which is " + (p.side() == Side.LONG ? "smaller for a long, so the exact price is a little lower." : "larger for a short, so the exact price is a little higher.")
                + " Difference: " + Numbers.money(Math.abs(textbook - exact), locale) + ".";
        return new FormulaExplanation(formula, List.copyOf(steps), tierUsed, textbook, exact, why);
    }

    /**
     * A coin-margined (inverse) position, every amount in {@code coin}: equity {@code M + s x V x (1/E - 1/L)} equals
     * maintenance on the value in the coin ({@code V / L x mmr - A}; Bybit: on the entry value {@code V / E}), so
     * {@code L = V x (1 + s x rate) / (V / E + s x (M + A))} (Binance COIN-M's published form), or with maintenance
     * on entry {@code L = V / (V / E - s x (M - MM))} (Bybit's {@code Qty / (PV + (IM - MM))}). "Textbook vs exact"
     * compares with the linear (USDT) position of the same USD value and leverage: the inverse long is liquidated
     * closer, because its coin margin loses value as the price falls.
     */
    public static FormulaExplanation inverse(VenueRules rules, LiquidationResult r, Locale locale, String coin) {
        Position p = r.position();
        int s = p.side().sign();
        String sign = s > 0 ? "+" : "-";
        String side = s > 0 ? "long" : "short";
        double v = p.notional();
        double e = p.entryPrice();
        double m = p.marginFor(1);
        double rate = r.maintenanceMarginRate();
        double amount = r.maintenanceAmount();
        double fee = r.feeInTrigger();
        double k = rate + fee;
        String c = " " + coin;
        boolean entryFamily = rules.family() instanceof RuleFamily.MaintenanceOnEntryNotional && p.mode() == MarginMode.ISOLATED;
        String result = r.hasLiquidationPrice() ? Numbers.price(r.liquidationPrice(), locale) : "none";
        List<String> steps = new ArrayList<>();
        steps.add("V = " + Numbers.money(v, locale) + " USD" + (rules.contract().contractValue() > 0 ? " (" + Numbers.quantity(v / rules.contract().contractValue(), locale)
                + " contracts x " + Numbers.plain(rules.contract().contractValue(), locale) + " USD)" : "") + ", E = " + Numbers.price(e, locale)
                + ", value in the coin V / E = " + Numbers.coin(v / e, locale) + c);
        steps.add("M = " + Numbers.coin(m, locale) + c + (p.mode() == MarginMode.CROSS ? " (wallet + uPnL(other) - MM(other))" : "")
                + "; PnL at P = s x V x (1/E - 1/P), in" + c);
        String formula;
        if (entryFamily) {
            double mm = v / e * rate - amount;
            formula = side + " (coin-margined): L = V / (V / E " + (s > 0 ? "+" : "-") + " (M - MM)),  MM = V / E x mmr - A  (in" + c + ")";
            steps.add("MM = " + Numbers.coin(v / e, locale) + " x " + Numbers.percentOf(rate, locale) + " - " + Numbers.coin(amount, locale) + " = "
                    + Numbers.coin(mm, locale) + c);
            steps.add("L = " + Numbers.money(v, locale) + " / (" + Numbers.coin(v / e, locale) + " " + (s > 0 ? "+" : "-") + " (" + Numbers.coin(m, locale)
                    + " - " + Numbers.coin(mm, locale) + ")) = " + result);
        } else {
            String rateText = fee > 0 ? "(mmr + fee)" : "mmr";
            formula = side + " (coin-margined): L = V x (1 " + sign + " " + rateText + ") / (V / E " + sign + " (M + A)),  MM(L) = V / L x " + rateText
                    + " - A  (in" + c + ")";
            steps.add("L = " + Numbers.money(v, locale) + " x (1 " + sign + " " + Numbers.percentOf(k, locale) + ") / (" + Numbers.coin(v / e, locale) + " "
                    + sign + " (" + Numbers.coin(m, locale) + " + " + Numbers.coin(amount, locale) + ")) = " + result);
        }
        if (r.hasLiquidationPrice()) {
            double l = r.liquidationPrice();
            steps.add("check: equity at L = M + s x V x (1/E - 1/L) = " + Numbers.coin(m + s * v * (1 / e - 1 / l), locale) + c
                    + " = MM(L) = " + Numbers.coin(r.maintenanceMarginAtLiquidation(), locale) + c);
        }
        String tierUsed = "";
        Tier t = r.tierAtLiquidation() != null ? r.tierAtLiquidation() : r.tierAtEntry();
        if (rules.tiers().size() > 1 && !p.hasMaintenanceOverride()) {
            boolean contracts = rules.tiers().basis() == TierSchedule.Basis.CONTRACTS;
            String basis = contracts ? "contracts " + Numbers.bound(v / rules.contract().contractValue(), locale)
                    : entryFamily ? "value at entry (" + coin + ") " + Numbers.coin(v / e, locale)
                    : "value at L (" + coin + ") = " + (r.hasLiquidationPrice() ? Numbers.coin(v / r.liquidationPrice(), locale) : "n/a");
            tierUsed = "Tier " + t.number() + ": " + Numbers.bound(t.floor(), locale) + " < " + basis + " <= "
                    + (t.isUnbounded() ? "unbounded" : Numbers.bound(t.cap(), locale)) + "; mmr " + Numbers.percentOf(t.maintenanceMarginRate(), locale)
                    + (contracts ? "" : ", A " + Numbers.coin(t.maintenanceAmount(), locale) + c) + ", max " + Numbers.leverage(t.maxLeverage(), locale);
        }
        // Compared with the linear (USDT) position of the same USD value, leverage and maintenance rate, maintenance at L.
        double lev = p.effectiveLeverage();
        double linear = Double.isFinite(lev) && lev > 0
                ? (s > 0 ? e * (1 - 1 / lev) / (1 - rate) : e * (1 + 1 / lev) / (1 + rate)) : Double.NaN;
        if (!(linear > 0)) {
            linear = Double.NaN;
        }
        double exact = r.hasLiquidationPrice() ? r.liquidationPrice() : Double.NaN;
        String why = Double.isNaN(linear) || Double.isNaN(exact) ? "No comparison: one of the two has no liquidation price."
                : "A linear (USDT) " + side + " of the same " + Numbers.money(v, locale) + " USD at " + Numbers.leverage(lev, locale) + " and mmr "
                + Numbers.percentOf(rate, locale) + " is liquidated at " + Numbers.price(linear, locale) + "; this coin-margined one at "
                + Numbers.price(exact, locale) + (s > 0
                ? ", closer: the margin is held in the coin, which loses value as the price falls, while maintenance (V / P) grows."
                : ", farther: the coin margin gains value as the price rises.")
                + " Difference: " + Numbers.money(Math.abs(linear - exact), locale) + ".";
        return new FormulaExplanation(formula, List.copyOf(steps), tierUsed, linear, exact, why);
    }

    private static double segment(Position p, double m, double rate, double amount, boolean onEntry) {
        double q = p.quantity();
        double e = p.entryPrice();
        if (onEntry) {
            double mm = q * e * rate - amount;
            double l = e - p.side().sign() * (m - mm) / q;
            return l > 0 && m > mm ? l : Double.NaN;
        }
        double l = p.side() == Side.LONG ? (q * e - m - amount) / (q * (1 - rate)) : (q * e + m + amount) / (q * (1 + rate));
        return l > 0 && m > q * e * rate - amount ? l : Double.NaN;
    }
}
