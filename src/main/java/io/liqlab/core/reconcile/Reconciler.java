package io.liqlab.core.reconcile;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Outcome;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.core.VenueRules;
import io.liqlab.core.reconcile.Candidate.Unknown;
import io.liqlab.core.solve.Calculators;
import io.liqlab.core.solve.Impossible;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * "Why doesn't my number match the exchange?": given a position and the liquidation price the exchange shows,
 * solves the exact engine for each unknown in turn (the margin or wallet, the other positions' maintenance, the
 * tier, a fee in the trigger, the venue's display rounding) and ranks what each would need.
 *
 * <p>Ranking, most likely first: (0) the venue's display of LiqLab's own figure is the shown price; (1) a discrete
 * match: another tier reproduces it, or a fee rate on the 0.001 % grid venues quote fees in does (either is
 * unlikely by chance); (2) a continuous unknown (margin, wallet, other maintenance, an off-grid fee) that reproduces
 * it with a plausible value, smallest amount of money first; (3) the rest, by how far they stay from the shown price.
 */
public final class Reconciler {

    /** Fees are quoted to 0.001 % (0.055 %, 0.02 %): a solved rate on this grid is evidence. */
    static final double FEE_GRID = 1e-5;
    /** A fee kept in the trigger above this (0.2 % of the notional) is beyond any venue's taker fee. */
    static final double MAX_PLAUSIBLE_FEE = 0.002;

    private final LiquidationEngine engine;
    private final Calculators calculators;

    public Reconciler(LiquidationEngine engine) {
        this.engine = engine;
        this.calculators = new Calculators(engine);
    }

    /**
     * @param shown         the liquidation price the exchange shows
     * @param venueRulesId  the venue-rules id ("okx-swap"), for the display rule; "" when none
     * @param tick          the market's tick (NaN when unknown: the shown price's own precision is the tolerance)
     * @throws InvalidInputException field {@code shown} or {@code tick}
     */
    public Reconciliation reconcile(VenueRules rules, Position p, double shown, String venueRulesId, double tick) {
        if (!Double.isFinite(shown) || shown < Position.MIN_PRICE || shown > Position.MAX_PRICE) {
            throw new InvalidInputException("shown", "must be a price from 1e-12 to 1e12, got " + Numbers.plain(shown));
        }
        int s = p.side().sign();
        if (p.side() == Side.LONG && !(shown < p.markPrice() && shown < p.entryPrice())
                || p.side() == Side.SHORT && !(shown > p.markPrice() && shown > p.entryPrice())) {
            throw new InvalidInputException("shown", "must be " + (s > 0 ? "below" : "above") + " the mark (" + Numbers.plain(p.markPrice())
                    + ") and the entry (" + Numbers.plain(p.entryPrice()) + ") for a " + (s > 0 ? "long" : "short") + ", got " + Numbers.plain(shown));
        }
        if (!Double.isNaN(tick) && !(tick > 0 && tick < shown)) {
            throw new InvalidInputException("tick", "must be above 0 and below the shown price, got " + Numbers.plain(tick));
        }
        LiquidationResult exact = engine.calculate(rules, p);
        VenueDisplay.Rule rule = VenueDisplay.ruleFor(venueRulesId);
        double displayed = VenueDisplay.shown(rule, exact.liquidationPrice(), p.side(), tick);
        double tolerance = Double.isNaN(tick) ? precisionOf(shown) : tick;

        List<Ranked> all = new ArrayList<>();
        all.add(display(exact, displayed, shown, rule, tick, tolerance));
        all.add(collateral(rules, p, exact, shown, tolerance));
        if (p.mode() == MarginMode.CROSS) {
            all.add(otherMaintenance(rules, p, shown, tolerance));
        }
        all.add(tier(rules, p, exact, shown, tolerance));
        all.add(fee(rules, p, exact, shown, tolerance));
        List<Ranked> solvedInTurn = List.copyOf(all);
        all.sort(Comparator.comparingInt(Ranked::rank).thenComparingDouble(Ranked::money)
                .thenComparingDouble(r -> Double.isNaN(r.c.residual()) ? Double.POSITIVE_INFINITY : r.c.residual()));
        List<Candidate> ranked = all.stream().map(Ranked::c).toList();
        double beyond = beyondBankruptcy(exact, shown);
        String mostLikely = mostLikely(ranked, exact, shown, beyond);
        return new Reconciliation(shown, exact, displayed, rule, tick, tolerance, ranked, mostLikely,
                steps(solvedInTurn, exact, displayed, shown, beyond, mostLikely));
    }

    /**
     * How far past the bankruptcy price (equity zero with the user's inputs) the shown price lies, in price, toward
     * the far side of the mark; 0 when it is not past it (NaN bankruptcy: 0). A shown price beyond bankruptcy cannot
     * come from any maintenance rate, tier or fee: only from more collateral than the inputs hold.
     */
    static double beyondBankruptcy(LiquidationResult exact, double shown) {
        double b = exact.bankruptcyPrice();
        if (Double.isNaN(b)) {
            return 0;
        }
        int s = exact.position().side().sign();
        return Math.max(0, s * (b - shown));
    }

    private static List<Step> steps(List<Ranked> inTurn, LiquidationResult exact, double displayed, double shown, double beyond, String mostLikely) {
        List<Step> steps = new ArrayList<>();
        double l = exact.liquidationPrice();
        String start = Double.isNaN(l)
                ? "LiqLab finds no liquidation price for your inputs; the exchange shows " + Numbers.price(shown) + "."
                : "With your inputs LiqLab's exact liquidation price is " + Numbers.price(l)
                  + (displayed != l && !Double.isNaN(displayed) ? " (the venue would display " + Numbers.price(displayed) + ")" : "")
                  + "; the exchange shows " + Numbers.price(shown) + ", " + Numbers.price(Math.abs(shown - l)) + " "
                  + (exact.position().side().sign() * (l - shown) > 0 ? "further from" : "closer to") + " the mark ("
                  + Numbers.percentOf(Math.abs(shown - l) / l) + ").";
        steps.add(new Step(Step.Kind.START, null, l, l, Step.Plausibility.NOT_APPLICABLE, start));
        double b = exact.bankruptcyPrice();
        if (!Double.isNaN(b)) {
            String check = beyond > 0
                    ? "Your inputs go bankrupt (equity zero) at " + Numbers.price(b) + "; the shown price lies " + Numbers.price(beyond)
                      + " beyond it, where equity is already below zero: no maintenance rate, tier or fee can put the liquidation there,"
                      + " only more collateral than your inputs hold."
                    : "Your inputs go bankrupt (equity zero) at " + Numbers.price(b) + "; the shown price lies between it and the mark,"
                      + " so a maintenance, tier, fee or collateral difference can explain it.";
            steps.add(new Step(Step.Kind.BANKRUPTCY_CHECK, null, b, Double.NaN, Step.Plausibility.NOT_APPLICABLE, check));
        }
        for (Ranked r : inTurn) {
            Candidate c = r.c();
            Step.Plausibility how = Double.isNaN(c.needed()) ? Step.Plausibility.NONE
                    : !c.plausible() ? Step.Plausibility.LOW
                    : switch (r.rank()) {
                        case 0 -> Step.Plausibility.AGREES;
                        case 1 -> Step.Plausibility.HIGH;
                        default -> Step.Plausibility.MEDIUM;
                    };
            String text = "Hold every other input and solve for the " + c.unknown().words() + ": " + c.why() + ".";
            steps.add(new Step(Step.Kind.SOLVE, c.unknown(), c.needed(), c.liquidation(), how, text));
        }
        steps.add(new Step(Step.Kind.CONCLUSION, null, Double.NaN, Double.NaN, Step.Plausibility.NOT_APPLICABLE, mostLikely));
        return steps;
    }

    /** A candidate with its class and the money it moves (for ranking). */
    private record Ranked(Candidate c, int rank, double money) {
    }

    private static Ranked display(LiquidationResult exact, double displayed, double shown, VenueDisplay.Rule rule, double tick, double tol) {
        double l = exact.liquidationPrice();
        if (Double.isNaN(l)) {
            return new Ranked(new Candidate(Unknown.DISPLAY, l, Double.NaN, false, Double.NaN, l,
                    "LiqLab finds no liquidation price for these inputs, so rounding cannot explain the shown one"), 3, 0);
        }
        double residual = Math.abs(displayed - shown);
        boolean ruled = rule != VenueDisplay.Rule.EXACT && tick > 0;
        boolean match = ruled ? residual <= tick * 1e-6 : Math.abs(l - shown) <= tol;
        String why = match
                ? (ruled ? "the venue shows " + Numbers.price(l) + " as " + Numbers.price(displayed) + " (" + rule.words() + ", tick "
                          + Numbers.plain(tick) + "): the figures agree"
                         : "the shown price is LiqLab's " + Numbers.price(l) + " to the " + Numbers.plain(tol) + " it was given with: the figures agree")
                : (ruled ? "the venue would show " + Numbers.price(displayed) + " (" + rule.words() + "), not " + Numbers.price(shown)
                         : "rounding to " + Numbers.plain(tol) + " does not turn " + Numbers.price(l) + " into " + Numbers.price(shown));
        return new Ranked(new Candidate(Unknown.DISPLAY, l, displayed, match, residual, l, why), match ? 0 : 3, 0);
    }

    private Ranked collateral(VenueRules rules, Position p, LiquidationResult exact, double shown, double tol) {
        boolean isolated = p.mode() == MarginMode.ISOLATED;
        Unknown u = isolated ? Unknown.MARGIN : Unknown.WALLET;
        double current = isolated ? p.margin() : p.wallet();
        try {
            Calculators.LiquidationTarget t = calculators.collateralForLiquidation(rules, p, shown);
            double needed = isolated ? t.collateral() : t.collateral() - p.otherUnrealizedPnl();
            double l = t.result().liquidationPrice();
            double residual = Math.abs(l - shown);
            String problem = null;
            if (isolated) {
                double minimum = p.marginCurrencyNotional() / exact.maxLeverage();
                if (needed < minimum * (1 - 1e-9)) {
                    problem = "below the " + Numbers.money(minimum) + " the venue requires at this size (notional / " + Numbers.leverage(exact.maxLeverage()) + ")";
                }
            } else if (needed < 0) {
                problem = "below 0";
            }
            boolean plausible = problem == null && residual <= tol;
            String why = plausible ? "matched if the " + u.words() + " were " + Numbers.money(needed) + " instead of " + Numbers.money(current)
                    : "it would need " + Numbers.money(needed) + (problem == null ? " and still misses by " + Numbers.price(residual) : ", " + problem);
            return new Ranked(new Candidate(u, current, needed, plausible, residual, l, why), plausible ? 2 : 3, Math.abs(needed - current));
        } catch (Impossible | InvalidInputException e) {
            return unsolved(u, current, e.getMessage());
        }
    }

    private Ranked otherMaintenance(VenueRules rules, Position p, double shown, double tol) {
        double current = p.otherMaintenance();
        double hi = Math.max(Math.abs(p.collateral()), 1);
        double needed = root(v -> copy(p, v, p.maintenanceRateOverride(), p.maintenanceAmountOverride()), rules, p.side().sign(), shown, 0, hi, true);
        if (Double.isNaN(needed)) {
            return unsolved(Unknown.OTHER_MAINTENANCE, current, "no maintenance of 0 or more on the other positions puts the liquidation at " + Numbers.price(shown));
        }
        double l = liq(rules, copy(p, needed, p.maintenanceRateOverride(), p.maintenanceAmountOverride()));
        double residual = Math.abs(l - shown);
        boolean plausible = needed >= 0 && residual <= tol;
        String why = plausible ? "matched if the other positions' maintenance were " + Numbers.money(needed) + " instead of " + Numbers.money(current)
                : "it would need " + Numbers.money(needed) + " and still misses by " + Numbers.price(residual);
        return new Ranked(new Candidate(Unknown.OTHER_MAINTENANCE, current, needed, plausible, residual, l, why), plausible ? 2 : 3,
                Math.abs(needed - current));
    }

    private Ranked tier(VenueRules rules, Position p, LiquidationResult exact, double shown, double tol) {
        Tier used = exact.tierAtLiquidation() != null ? exact.tierAtLiquidation() : exact.tierAtEntry();
        int current = used == null ? 0 : used.number();
        Tier best = null;
        double bestLiq = Double.NaN;
        double bestResidual = Double.POSITIVE_INFINITY;
        for (Tier t : rules.tiers().tiers()) {
            double l = liq(rules, copy(p, p.otherMaintenance(), t.maintenanceMarginRate(), t.maintenanceAmount()));
            double r = Math.abs(l - shown);
            if (r < bestResidual) {
                best = t;
                bestLiq = l;
                bestResidual = r;
            }
        }
        if (best == null) {
            return unsolved(Unknown.TIER, current, "no tier of the profile gives a liquidation price");
        }
        boolean other = best.number() != current;
        boolean plausible = other && bestResidual <= tol;
        String rates = "mmr " + Numbers.percentOf(best.maintenanceMarginRate()) + ", maintenance amount " + Numbers.money(best.maintenanceAmount());
        String why = plausible ? "matched if the exchange charged tier " + best.number() + "'s maintenance (" + rates + ") instead of tier " + current
                : !other ? "no other tier comes closer than tier " + current + ", the one LiqLab uses"
                : "the closest, tier " + best.number() + " (" + rates + "), still misses by " + Numbers.price(bestResidual);
        double money = Math.abs(best.maintenanceMargin(p.quantity() * shown) - (used == null ? 0 : used.maintenanceMargin(p.quantity() * shown)));
        return new Ranked(new Candidate(Unknown.TIER, current, best.number(), plausible, bestResidual, bestLiq, why), plausible ? 1 : 3, money);
    }

    private Ranked fee(VenueRules rules, Position p, LiquidationResult exact, double shown, double tol) {
        double rate = p.hasMaintenanceOverride() ? p.maintenanceRateOverride() : exact.maintenanceMarginRate();
        double amount = p.hasMaintenanceOverride() ? p.maintenanceAmountOverride() : exact.maintenanceAmount();
        // The engine keeps the profile's own fee (OKX's taker fee) in the trigger on top of the rate; the extra f is
        // solved for, and the candidate speaks of the TOTAL fee kept in the trigger, LiqLab's being the profile's.
        double profileFee = exact.feeInTrigger();
        DoubleFunction<Position> at = f -> copy(p, p.otherMaintenance(), rate + f, amount);
        double f = root(at, rules, p.side().sign(), shown, -rate + 1e-12, 0.5, true);
        if (Double.isNaN(f)) {
            return unsolved(Unknown.FEE, profileFee, "no fee rate kept in the trigger puts the liquidation at " + Numbers.price(shown));
        }
        double snappedTotal = Math.round((profileFee + f) / FEE_GRID) * FEE_GRID;
        double snapped = snappedTotal - profileFee;
        double lSnapped = liq(rules, at.apply(snapped));
        double gridStep = Math.abs(liq(rules, at.apply(snapped + FEE_GRID)) - lSnapped);
        boolean onGrid = Math.abs(lSnapped - shown) <= tol && gridStep >= 4 * tol && snappedTotal > 0;
        double needed = profileFee + (onGrid ? snapped : f);
        double l = onGrid ? lSnapped : liq(rules, at.apply(f));
        double residual = Math.abs(l - shown);
        String problem = needed <= 0 ? "a fee below 0 (a rebate)" : needed > MAX_PLAUSIBLE_FEE ? "above " + Numbers.percentOf(MAX_PLAUSIBLE_FEE)
                + " of the notional, more than any venue's taker fee" : null;
        if (onGrid && Math.abs(snapped) < FEE_GRID / 2) {
            // the fee LiqLab already keeps reproduces it: no fee difference to explain (rank it with the misses)
            return new Ranked(new Candidate(Unknown.FEE, profileFee, needed, false, residual, l, "the fee LiqLab already keeps ("
                    + Numbers.percentOf(profileFee) + ") gives it: no other fee is needed"), 3, 0);
        }
        boolean plausible = problem == null && residual <= tol;
        String kept = profileFee > 0 ? " in all (LiqLab keeps the profile's " + Numbers.percentOf(profileFee) + ")" : "";
        String why = plausible ? "matched if " + Numbers.percentOf(needed) + " of the notional at liquidation (a taker fee to close) were kept in the trigger" + kept
                + (onGrid ? ", a rate on the 0.001 % grid venues quote fees in" : "")
                : "it would need " + Numbers.percentOf(needed) + " of the notional in the trigger" + kept
                  + (problem == null ? " and still misses by " + Numbers.price(residual) : ", " + problem);
        double money = Math.abs(needed - profileFee) * p.quantity() * shown;
        return new Ranked(new Candidate(Unknown.FEE, profileFee, needed, plausible, residual, l, why), plausible ? (onGrid ? 1 : 2) : 3, money);
    }

    private static Ranked unsolved(Unknown u, double current, String why) {
        return new Ranked(new Candidate(u, current, Double.NaN, false, Double.NaN, Double.NaN, why), 3, Double.POSITIVE_INFINITY);
    }

    static String mostLikely(List<Candidate> ranked, LiquidationResult exact, double shown, double beyond) {
        Candidate c = ranked.getFirst();
        if (beyond > 0 && c.plausible() && (c.unknown() == Unknown.WALLET || c.unknown() == Unknown.MARGIN)) {
            // past the bankruptcy price of the inputs: only collateral explains it (Hyperliquid's recorded account)
            return "The exchange's figure " + Numbers.price(shown) + " lies " + Numbers.price(beyond) + " beyond the bankruptcy price "
                    + Numbers.price(exact.bankruptcyPrice()) + " your numbers give (equity zero there), so no maintenance rate, tier or fee explains it:"
                    + " the exchange counts " + Numbers.money(c.needed() - c.current()) + " more collateral than the " + Numbers.money(c.current())
                    + " given (" + c.unknown().words() + " " + Numbers.money(c.needed()) + ")."
                    + (c.unknown() == Unknown.WALLET
                       ? " Look for balances outside this account's summary (spot or another sub-account's collateral), or figures read at different moments."
                       : " Was margin added to the position, or were the figures read at different moments?");
        }
        if (!c.plausible()) {
            return "No single unknown explains " + Numbers.price(shown) + " (LiqLab: " + Numbers.price(exact.liquidationPrice())
                    + "): several inputs may differ at once, or the venue uses a rule the profile does not hold; check the profile's date and notes.";
        }
        String head = "The exchange's figure " + Numbers.price(shown) + " is matched ";
        return switch (c.unknown()) {
            case DISPLAY -> "LiqLab agrees: its exact " + Numbers.price(exact.liquidationPrice()) + " is what the venue displays as "
                    + Numbers.price(c.needed()) + "; the difference is display rounding only.";
            case MARGIN -> head + "if your margin were " + Numbers.money(c.needed()) + " instead of " + Numbers.money(c.current())
                    + ": did you add or remove margin, or did fees or funding come out of it?";
            case WALLET -> head + "if your wallet were " + Numbers.money(c.needed()) + " instead of " + Numbers.money(c.current())
                    + ": are other positions sharing this margin, or is unrealized PnL or funding left out?";
            case OTHER_MAINTENANCE -> head + "if the other positions' maintenance were " + Numbers.money(c.needed()) + " instead of "
                    + Numbers.money(c.current()) + ": are other positions sharing this margin?";
            case TIER -> head + "if the exchange charged tier " + (int) c.needed() + " instead of tier " + (int) c.current()
                    + ": the profile's tier table may be stale (refresh it with 'profiles import'), or the venue places this size in another tier.";
            case FEE -> head + "if " + Numbers.percentOf(c.needed()) + " of the notional were kept in the trigger (LiqLab keeps " + Numbers.percentOf(c.current())
                    + "): the venue likely reserves a taker fee to close the position at another rate.";
        };
    }

    // ---- the engine as a function of one unknown ---------------------------------------------------------------

    private double liq(VenueRules rules, Position p) {
        return engine.calculate(rules, p).liquidationPrice();
    }

    /** {@code s * (liq - shown)}: above 0 when the liquidation is closer to the mark than the shown price. */
    private double gap(VenueRules rules, Position p, int s, double shown) {
        return switch (engine.calculate(rules, p).outcome()) {
            case Outcome.LiquidatableAtEntry _ -> Double.POSITIVE_INFINITY;
            case Outcome.NeverLiquidated _ -> Double.NEGATIVE_INFINITY;
            case Outcome.LiquidatesAt(double l) -> s * (l - shown);
        };
    }

    /**
     * The value in [lo, hi] (hi doubled while needed, when {@code grow}) where the gap crosses 0; the gap grows
     * with the value (more maintenance or fee: closer). NaN when it never crosses.
     */
    private double root(DoubleFunction<Position> at, VenueRules rules, int s, double shown, double lo, double hi, boolean grow) {
        double gLo = gap(rules, at.apply(lo), s, shown);
        if (gLo > 0) {
            return Double.NaN;
        }
        double gHi = gap(rules, at.apply(hi), s, shown);
        for (int i = 0; gHi < 0 && grow && i < 60; i++) {
            lo = hi;
            hi *= 2;
            gHi = gap(rules, at.apply(hi), s, shown);
        }
        if (gHi < 0) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi - lo > Math.ulp(hi) * 4; i++) {
            double mid = (lo + hi) / 2;
            if (gap(rules, at.apply(mid), s, shown) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static Position copy(Position p, double otherMaintenance, double rate, double amount) {
        return new Position(p.side(), p.mode(), p.entryPrice(), p.markPrice(), p.quantity(), p.leverage(), p.margin(), p.fundingPaid(),
                p.openingFee(), p.wallet(), otherMaintenance, p.otherUnrealizedPnl(), rate, amount, p.openInterest(), p.addedMargin(), p.inverse());
    }

    /** The precision a price was given with: 0.1 for 57889.5, 1 for 58000. */
    static double precisionOf(double shown) {
        int scale = Math.max(BigDecimal.valueOf(shown).stripTrailingZeros().scale(), 0);
        return BigDecimal.ONE.movePointLeft(scale).doubleValue();
    }
}
