package io.liqlab.core.solve;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Outcome;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.DoublePredicate;

/**
 * The calculators exchanges offer (issue 18, part 3), each answered through {@link LiquidationEngine} itself: the
 * unknown (a margin, a wallet, a size) is found by bisection on the engine's own answer, so tiers at the
 * liquidation price, maintenance amounts and OKX's fee in the trigger are all in it, and the answer fed back into
 * the engine gives the target (to the cent, or to the double's last bits where the price is continuous).
 *
 * <p>ROE is defined as the venues' calculators define it: PnL / initial margin, the initial margin being
 * {@code entry notional / leverage} (Binance "ROE = PnL / Initial Margin"; Bybit "Unrealized P&amp;L % = PnL /
 * Position IM"); with only a margin given, that margin. Added margin does not enter the ROE.
 */
public final class Calculators {

    /** What limits an answer to its size. */
    public enum Limit {
        /** The wallet cannot pay for more. */
        WALLET("the wallet"),
        /** The next size's tier does not allow this leverage. */
        TIER("the tier's maximum leverage"),
        /** The profile records only the first tiers; beyond them LiqLab does not extrapolate. */
        RECORDED_TIERS("the recorded part of the tier schedule"),
        /** A larger size liquidates closer to the mark than asked. */
        DISTANCE("the distance to liquidation"),
        /** Nothing: every size meets the target. */
        NONE("nothing");

        private final String words;

        Limit(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param liquidatedFirst the exit lies beyond the liquidation price: the position is liquidated on the way
     */
    public record PnlAtExit(double exitPrice, double pnl, double initialMargin, double roePercent, double fees,
                            double netPnl, double liquidationPrice, boolean liquidatedFirst) {
    }

    /** @param cost initial margin plus the venue's order-cost terms, what the wallet pays */
    public record MaxSize(double quantity, double notional, double initialMargin, double feeToOpen, double feeToClose,
                          double openLoss, double cost, Limit limitedBy, Tier tier, String costRule,
                          LiquidationResult result) {
    }

    /**
     * @param collateral the isolated margin (cross: the wallet) that puts the liquidation at the target
     * @param change     collateral minus the position's current one (NaN when the position had none)
     * @param leverage   notional / (margin - added margin): the leverage that posts it (isolated)
     */
    public record LiquidationTarget(double targetPrice, double collateral, double change, double leverage,
                                    LiquidationResult result) {
    }

    /**
     * @param quantity infinite when every size keeps the distance ({@link Limit#NONE})
     * @param next     the engine's result just above the answer (what breaks), null when unbounded
     */
    public record SizeForDistance(double targetPercent, double quantity, double notional, Limit limitedBy,
                                  LiquidationResult result, LiquidationResult next) {
        public boolean unbounded() {
            return limitedBy == Limit.NONE;
        }
    }

    private static final MathContext TWELVE = new MathContext(12, RoundingMode.DOWN);

    private final LiquidationEngine engine;

    public Calculators(LiquidationEngine engine) {
        this.engine = engine;
    }

    // ---- a. PnL and ROE at an exit price; b. the exit price for a target ROE -----------------------------------

    /** The initial margin ROE is taken on: notional / leverage, or the margin when only a margin was given. */
    public static double initialMargin(Position p) {
        if (p.leverageGiven()) {
            return p.marginCurrencyNotional() / p.leverage();
        }
        if (p.mode() == MarginMode.ISOLATED) {
            return p.margin();
        }
        throw new InvalidInputException("leverage", "is required for ROE in cross mode: ROE is PnL over the initial margin, notional / leverage");
    }

    public PnlAtExit pnlAt(VenueRules rules, Position p, double exit) {
        requirePrice("exitPrice", exit);
        int s = p.side().sign();
        double pnl = Positions.pnl(p, p.quantity(), exit);
        double im = initialMargin(p);
        double liq = engine.calculate(rules, p).liquidationPrice();
        boolean liquidatedFirst = !Double.isNaN(liq) && s * (exit - liq) < 0;
        double fees = p.openingFee() + p.fundingPaid();
        return new PnlAtExit(exit, pnl, im, pnl / im * 100, fees, pnl - fees, liq, liquidatedFirst);
    }

    /** The exit price at which PnL / initial margin is {@code roePercent}; impossible past liquidation or zero. */
    public PnlAtExit exitForRoe(VenueRules rules, Position p, double roePercent) {
        if (!Double.isFinite(roePercent) || Math.abs(roePercent) > 1e9) {
            throw new InvalidInputException("roePercent", "must be a finite percentage from -1e9 to 1e9, got " + roePercent);
        }
        int s = p.side().sign();
        double im = initialMargin(p);
        double target = roePercent / 100 * im;
        double exit;
        if (p.inverse()) {
            // s Q (1 - E / X) = target: X = E / (1 - target / (s Q)); the coin PnL of a long stays below Q
            double denominator = 1 - target / (s * p.quantity());
            if (!(denominator > 0)) {
                throw new Impossible("an ROE of " + pct(roePercent) + " is out of reach: a coin-margined long gains less than its size in the coin ("
                        + pct(p.quantity() / im * 100) + " of the initial margin) at any price");
            }
            exit = p.entryPrice() / denominator;
        } else {
            exit = p.entryPrice() + s * target / p.quantity();
        }
        if (!(exit > 0)) {
            double floor = -p.entryPrice() * p.quantity() / im * 100;
            throw new Impossible("an ROE of " + pct(roePercent) + " needs an exit at or below zero: a long loses at most its notional, "
                    + pct(floor) + " of the initial margin at this leverage");
        }
        if (exit > Position.MAX_PRICE) {
            throw new Impossible("an ROE of " + pct(roePercent) + " needs an exit above 1e12, beyond any price LiqLab computes with");
        }
        LiquidationResult r = engine.calculate(rules, p);
        double liq = r.liquidationPrice();
        if (!Double.isNaN(liq) && s * (exit - liq) < 0) {
            double roeAtLiq = Positions.pnl(p, p.quantity(), liq) / im * 100;
            throw new Impossible("the position is liquidated at " + Numbers.price(liq) + " first, at an ROE of " + pct(roeAtLiq)
                    + "; an ROE of " + pct(roePercent) + " lies beyond it");
        }
        return pnlAt(rules, p, exit);
    }

    // ---- c. the largest position a wallet can open at a leverage ------------------------------------------------

    /**
     * The largest quantity a wallet of {@code wallet} can open at {@code leverage} from {@code entry}: the wallet pays
     * {@code cost} per unit, and every size up to it must sit in a tier whose maximum leverage allows the leverage.
     */
    public MaxSize maxSize(VenueRules rules, Side side, double entry, double mark, double leverage, double wallet,
                           OrderCost cost, double openInterest) {
        requirePrice("entryPrice", entry);
        requirePrice("markPrice", mark);
        if (!(leverage > 0 && leverage <= Position.MAX_INPUT_LEVERAGE)) {
            throw new InvalidInputException("leverage", "must be in (0, 1000], got " + leverage);
        }
        if (!(wallet > 0) || !Double.isFinite(wallet)) {
            throw new InvalidInputException("wallet", "must be a balance greater than 0, got " + wallet);
        }
        if (rules.inverse()) {
            throw new InvalidInputException("venue", "max-size is for linear (quote-margined) markets: a coin-margined market's wallet, "
                    + "fees and tiers are in the coin, which this calculator does not model yet");
        }
        int s = side.sign();
        OrderCost.Terms unit = cost.perUnit(s, entry, mark, leverage);
        double byWallet = wallet / unit.total();

        // Tiers from the first up: the size may grow while each tier allows the leverage (maximum leverage falls with size).
        TierSchedule tiers = rules.tiers();
        double basisPerUnit = rules.tierBasisValue(1, entry);
        double byTier = Double.POSITIVE_INFINITY;
        Limit tierLimit = Limit.NONE;
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.tier(i);
            double probe = t.isUnbounded() ? Math.max(t.floor(), 1) * 2 / basisPerUnit : t.cap() / basisPerUnit;
            double allowed = LiquidationEngine.maxLeverage(rules, entry, probe, openInterest);
            if (leverage > allowed * (1 + 1e-9)) {
                if (i == 0) {
                    throw new Impossible(Numbers.leverage(leverage) + " is above the highest leverage this venue allows, "
                            + Numbers.leverage(allowed) + " in tier " + t.number());
                }
                byTier = tiers.tier(i - 1).cap() / basisPerUnit;
                tierLimit = Limit.TIER;
                break;
            }
            if (i == tiers.size() - 1 && tiers.isPartial()) {
                byTier = t.cap() / basisPerUnit;
                tierLimit = Limit.RECORDED_TIERS;
            }
        }
        if (byTier == Double.POSITIVE_INFINITY && byWallet == Double.POSITIVE_INFINITY) {
            throw new Impossible("no limit: the wallet is unbounded");
        }
        boolean walletBinds = byWallet <= byTier;
        double q = floor12(walletBinds ? byWallet : byTier);
        OrderCost.Terms terms = unit.times(q);
        Position opened = Position.builder().side(side).entryPrice(entry).markPrice(mark).quantity(q).leverage(leverage)
                .openInterest(openInterest).build();
        LiquidationResult r = engine.calculate(rules, opened);
        return new MaxSize(q, q * entry, terms.initialMargin(), terms.feeToOpen(), terms.feeToClose(), terms.openLoss(),
                terms.total(), walletBinds ? Limit.WALLET : tierLimit, r.tierAtEntry(), cost.describe(), r);
    }

    // ---- d. the margin, or the leverage, that puts the liquidation at a chosen price ---------------------------

    /**
     * The isolated margin (cross: the wallet balance) whose liquidation price is {@code target}; the position's own
     * margin or wallet is replaced, everything else kept.
     */
    public LiquidationTarget collateralForLiquidation(VenueRules rules, Position p, double target) {
        requireTarget(p, target);
        int s = p.side().sign();
        // Reached: liquidation at or beyond the target (farther from the entry); more collateral moves it farther.
        DoublePredicate reached = c -> {
            LiquidationResult r = calculateOrImpossible(rules, Positions.withCollateral(p, c));
            return switch (r.outcome()) {
                case Outcome.LiquidatableAtEntry _ -> false;
                case Outcome.NeverLiquidated _ -> true;
                case Outcome.LiquidatesAt(double l) -> s * (l - target) <= 0;
            };
        };
        double lo = 0;
        if (reached.test(lo)) {
            throw new Impossible("even with no " + (p.mode() == MarginMode.ISOLATED ? "margin" : "wallet balance")
                    + " the liquidation is at or beyond " + Numbers.price(target) + " (the other positions' PnL carries it)");
        }
        double hi = Math.max(p.marginCurrencyNotional(), 1);
        for (int i = 0; !reached.test(hi); i++) {
            lo = hi;
            hi *= 2;
            if (i > 2000 || !Double.isFinite(hi)) {
                throw new Impossible("no margin puts the liquidation at " + Numbers.price(target));
            }
        }
        double c = bisectLowestTrue(reached, lo, hi);
        LiquidationResult r = engine.calculate(rules, Positions.withCollateral(p, c));
        double l = r.liquidationPrice();
        if (Double.isNaN(l) || Math.abs(l - target) > tolerance(target)) {
            LiquidationResult below = engine.calculate(rules, Positions.withCollateral(p, Math.nextDown(c)));
            throw new Impossible("the liquidation price jumps from " + Numbers.price(below.liquidationPrice()) + " to "
                    + (Double.isNaN(l) ? "none" : Numbers.price(l)) + " at a margin of " + Numbers.amount(c, p.inverse(), java.util.Locale.ROOT)
                    + " (maintenance steps at a tier boundary): no margin puts it at " + Numbers.price(target));
        }
        double current = Positions.collateralOf(p);
        double leverage = p.mode() == MarginMode.ISOLATED ? p.marginCurrencyNotional() / (c - p.addedMargin()) : r.leverage();
        return new LiquidationTarget(target, c, Double.isNaN(current) ? Double.NaN : c - current, leverage, r);
    }

    /**
     * The leverage (isolated margin = notional / leverage + the added margin) whose liquidation price is
     * {@code target}; impossible below 1x or above the maximum the size's tier allows.
     */
    public LiquidationTarget leverageForLiquidation(VenueRules rules, Position p, double target) {
        if (p.mode() != MarginMode.ISOLATED) {
            throw new InvalidInputException("marginMode", "must be isolated for leverage-for-liq: in cross mode the leverage does not move "
                    + "the liquidation price (solve for the wallet with margin-for-liq)");
        }
        LiquidationTarget byMargin = collateralForLiquidation(rules, p, target);
        double base = byMargin.collateral() - p.addedMargin();
        if (!(base > 0)) {
            throw new Impossible("the added margin alone (" + Numbers.amount(p.addedMargin(), p.inverse(), java.util.Locale.ROOT) + ") already puts the liquidation beyond "
                    + Numbers.price(target) + "; no leverage brings it back");
        }
        double leverage = p.marginCurrencyNotional() / base;
        if (leverage < 1) {
            throw new Impossible("it needs " + Numbers.leverage(leverage) + ", below 1x (a margin of " + Numbers.amount(byMargin.collateral(), p.inverse(), java.util.Locale.ROOT)
                    + ", more than the notional): venues offer 1x at least; post that margin instead (margin-for-liq)");
        }
        Position atLeverage = Positions.copy(p, p.side(), p.entryPrice(), p.quantity(), leverage,
                p.marginCurrencyNotional() / leverage + p.addedMargin(), p.fundingPaid(), p.openingFee(), p.wallet(), p.addedMargin());
        LiquidationResult r = engine.calculate(rules, atLeverage);
        if (!r.leverageAllowed()) {
            throw new Impossible("it needs " + Numbers.leverage(leverage) + ", above the " + Numbers.leverage(r.maxLeverage())
                    + " this size allows (tier " + r.tierAtEntry().number() + ")");
        }
        double current = p.leverageGiven() ? p.leverage() : p.marginCurrencyNotional() / p.margin();
        return new LiquidationTarget(target, atLeverage.margin(), leverage - current, leverage, r);
    }

    // ---- e. the largest size whose liquidation stays at least X% from the mark ----------------------------------

    /**
     * The largest quantity whose liquidation price stays at least {@code percent} % from the mark. With
     * {@code keepLeverage} (isolated, a leverage given) the margin grows with the size (notional / leverage + added
     * margin) and only the tiers move the distance; otherwise the position's margin (cross: wallet) is kept.
     */
    public SizeForDistance sizeForDistance(VenueRules rules, Position p, double percent, boolean keepLeverage) {
        if (!(percent > 0 && percent < 100)) {
            throw new InvalidInputException("distancePercent", "must be above 0 and below 100 (percent of the mark), got " + percent);
        }
        if (keepLeverage && !(p.mode() == MarginMode.ISOLATED && p.leverageGiven())) {
            throw new InvalidInputException("leverage", "is required to keep the leverage (isolated mode)");
        }
        double e = p.entryPrice();
        java.util.function.DoubleFunction<Position> sized = q -> Positions.withSize(p, q,
                keepLeverage ? Positions.marginValue(p, q, e) / p.leverage() + p.addedMargin() : p.margin());
        java.util.function.DoubleFunction<Limit> failure = q -> {
            LiquidationResult r;
            try {
                r = engine.calculate(rules, sized.apply(q));
            } catch (InvalidInputException beyondRecorded) {
                return Limit.RECORDED_TIERS;
            }
            if (!r.leverageAllowed()) {
                return Limit.TIER;
            }
            return switch (r.outcome()) {
                case Outcome.NeverLiquidated _ -> null;
                case Outcome.LiquidatableAtEntry _ -> Limit.DISTANCE;
                case Outcome.LiquidatesAt _ -> r.liquidatableNow() || r.distancePercent() < percent ? Limit.DISTANCE : null;
            };
        };
        DoublePredicate fits = q -> failure.apply(q) == null;
        double lo = p.quantity();
        double hi;
        if (fits.test(lo)) {
            hi = lo * 2;
            for (int i = 0; fits.test(hi); i++) {
                lo = hi;
                hi *= 2;
                if (hi * e > 1e15 || i > 200) {
                    LiquidationResult r = engine.calculate(rules, sized.apply(lo));
                    return new SizeForDistance(percent, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Limit.NONE, r, null);
                }
            }
        } else {
            hi = lo;
            lo = hi / 2;
            for (int i = 0; !fits.test(lo); i++) {
                hi = lo;
                lo /= 2;
                if (i > 80) {
                    Limit why = failure.apply(lo);
                    LiquidationResult r = engine.calculate(rules, sized.apply(lo));
                    throw new Impossible(switch (why) {
                        case TIER -> Numbers.leverage(r.leverage()) + " is above the venue's maximum (" + Numbers.leverage(r.maxLeverage())
                                + ") even for the smallest size";
                        case DISTANCE -> "even the smallest size liquidates "
                                + (r.hasLiquidationPrice() ? pct(r.distancePercent()) + " from the mark" : "at once")
                                + ", less than " + pct(percent) + (keepLeverage ? ": lower the leverage" : ": add margin");
                        default -> "no size fits: " + why.words();
                    });
                }
            }
        }
        double best = bisectHighestTrue(fits, lo, hi);
        double q = floor12(best);
        if (!fits.test(q)) {
            q = best; // cannot happen for a monotone answer; kept so the answer always fits
        }
        LiquidationResult r = engine.calculate(rules, sized.apply(q));
        double above = Math.nextUp(best);
        Limit why = failure.apply(above);
        LiquidationResult next = why == Limit.RECORDED_TIERS ? null : engine.calculate(rules, sized.apply(above));
        return new SizeForDistance(percent, q, q * e, why == null ? Limit.DISTANCE : why, r, next);
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    private LiquidationResult calculateOrImpossible(VenueRules rules, Position p) {
        try {
            return engine.calculate(rules, p);
        } catch (InvalidInputException beyondRecorded) {
            throw new Impossible("the answer lies beyond the recorded part of this profile's tier schedule: " + beyondRecorded.problem());
        }
    }

    /** The target must be a price on the adverse side of both the mark and the entry (where a liquidation can be). */
    static void requireTarget(Position p, double target) {
        requirePrice("liquidationPrice", target);
        double m = p.markPrice();
        double e = p.entryPrice();
        if (p.side() == Side.LONG && !(target < m && target < e)) {
            throw new InvalidInputException("liquidationPrice", "must be below the mark (" + Numbers.plain(m) + ") and the entry ("
                    + Numbers.plain(e) + ") for a long, above 0; got " + Numbers.plain(target));
        }
        if (p.side() == Side.SHORT && !(target > m && target > e)) {
            throw new InvalidInputException("liquidationPrice", "must be above the mark (" + Numbers.plain(m) + ") and the entry ("
                    + Numbers.plain(e) + ") for a short, up to 1e12; got " + Numbers.plain(target));
        }
    }

    static void requirePrice(String field, double v) {
        if (!(v >= Position.MIN_PRICE && v <= Position.MAX_PRICE)) {
            throw new InvalidInputException(field, "must be a price from 1e-12 to 1e12, got " + v);
        }
    }

    /** Half a cent, or a ten-millionth of the price for prices below a thousandth of a dollar-cent scale. */
    static double tolerance(double price) {
        return Math.min(0.005, 1e-7 * price);
    }

    /** The lowest x in (lo, hi] where a monotone predicate (false at lo, true at hi) turns true, to the double. */
    static double bisectLowestTrue(DoublePredicate p, double lo, double hi) {
        for (int i = 0; i < 2200; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (p.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The highest x in [lo, hi) where a monotone predicate (true at lo, false at hi) is still true, to the double. */
    static double bisectHighestTrue(DoublePredicate p, double lo, double hi) {
        for (int i = 0; i < 2200; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (p.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Rounded down to 12 significant digits: what the command line prints is the answer itself, never above it. */
    static double floor12(double v) {
        return Double.isFinite(v) && v > 0 ? new BigDecimal(v).round(TWELVE).doubleValue() : v;
    }

    static String pct(double v) {
        return Numbers.plain(Math.round(v * 100) / 100.0) + "%";
    }
}
