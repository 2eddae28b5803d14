package io.liqlab.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The liquidation math of LIQUIDATION.md, for every rule family, isolated and cross, long and short.
 *
 * <p>Every price here solves one equation, {@code equity(P) = k * MM(P)} with {@code equity(P) = M + s*Q*(P - E)}:
 * k = 1 gives the liquidation price, k = 0 the bankruptcy price, k = 2/3 or 1/3 a backstop price. Where the tier
 * depends on the notional at P, the schedule is walked from the entry tier in the adverse direction and each
 * tier's closed form is kept only if it lands inside that tier (section 1, "The tier at the liquidation price");
 * that also handles schedules whose maintenance jumps at a boundary (the first price where equity reaches the
 * threshold wins). The {@code static} methods are allocation-free and are what sweeps and charts call.
 */
public final class LiquidationEngine {

    /** Relative tolerance for comparing a leverage with a tier's maximum (floating-point noise). */
    private static final double BOUNDARY_TOLERANCE = 1e-9;

    /** How maintenance margin depends on the price for a given family and margin mode. */
    enum Shape {
        /** MM(P) = Q*P*mmr - A with the tier at Q*P. */
        PRICE_TIERED,
        /** MM(P) = Q*P*(mmr + fee) - A with a tier fixed by contract count (OKX). */
        FIXED_TIER_ON_PRICE,
        /** MM = Q*E*mmr - A, a constant (Bybit classic isolated, textbook). */
        FIXED_ON_ENTRY
    }

    static Shape shape(RuleFamily family, MarginMode mode) {
        return switch (family) {
            case RuleFamily.MaintenanceAtLiquidationNotional _ -> Shape.PRICE_TIERED;
            case RuleFamily.FixedMaintenanceFraction _ -> Shape.PRICE_TIERED;
            // Bybit's classic USDT cross is its isolated formula with the account behind it: L = E - s*(available
            // balance + IM - MM)/Q, MM on the ENTRY value (help centre 'Liquidation Price (USDT Contract)', cross
            // margin mode: https://help.bybit.com/hc/en-us/articles/900000181046-Liquidation-Price-USDT-Contract-).
            case RuleFamily.MaintenanceOnEntryNotional _ -> Shape.FIXED_ON_ENTRY;
            case RuleFamily.FeeInTrigger _ -> Shape.FIXED_TIER_ON_PRICE;
        };
    }

    static double feeInTrigger(RuleFamily family) {
        return family instanceof RuleFamily.FeeInTrigger f ? f.takerFee() : 0;
    }

    /**
     * The isolated liquidation price of a position with no funding or fees, NaN when there is none (never
     * liquidated, or liquidatable at entry). Allocation-free: this is the sweep's inner loop.
     */
    public static double liquidationPrice(VenueRules rules, Side side, double entry, double quantity, double margin) {
        return liquidationPrice(rules, MarginMode.ISOLATED, side, entry, quantity, margin);
    }

    /**
     * As {@link #liquidationPrice(VenueRules, Side, double, double, double)}, in either margin mode; in cross mode
     * {@code margin} is {@code wallet + UPNL_other - MM_other} (what {@link Position#marginFor(double)} gives).
     */
    public static double liquidationPrice(VenueRules rules, MarginMode mode, Side side, double entry, double quantity, double margin) {
        if (rules.inverse()) {
            // quantity is the size in the coin at entry, margin in the coin: solve in reciprocal price (see calculateInverse)
            return reciprocal(threshold(rules, mode, -side.sign(), 1 / entry, quantity * entry, margin, 1));
        }
        return threshold(rules, mode, side.sign(), entry, quantity, margin, 1);
    }

    /**
     * The isolated price where equity falls to {@code k} times maintenance margin ({@code k = 1}: liquidation,
     * 0: bankruptcy, 2/3 or 1/3: a backstop), NaN when there is none on the adverse side of the entry (never
     * reached, or already at or below the threshold at the entry price). Allocation-free, for the simulator.
     *
     * @param sign +1 long, -1 short
     */
    public static double thresholdPrice(VenueRules rules, int sign, double entry, double quantity, double margin, double k) {
        if (rules.inverse()) {
            return reciprocal(threshold(rules, MarginMode.ISOLATED, -sign, 1 / entry, quantity * entry, margin, k));
        }
        return threshold(rules, MarginMode.ISOLATED, sign, entry, quantity, margin, k);
    }

    /** 1 / x for a reciprocal price, NaN staying NaN (and no price for x at or below 0). */
    private static double reciprocal(double x) {
        return x > 0 ? 1 / x : Double.NaN;
    }

    private static double threshold(VenueRules rules, MarginMode mode, int sign, double entry, double quantity, double margin,
                                    double k) {
        Shape shape = shape(rules.family(), mode);
        TierSchedule tiers = rules.tiers();
        double fee = feeInTrigger(rules.family());
        int fixed = fixedTierIndex(rules, tiers, shape, quantity, entry);
        if (margin <= k * maintenanceAt(tiers, shape, fee, fixed, quantity, entry, entry)) {
            return Double.NaN;
        }
        return thresholdPrice(tiers, shape, fee, fixed, sign, quantity, entry, margin, k);
    }

    /** Isolated maintenance margin of a position at price {@code price} (with OKX's fee in the trigger). */
    public static double maintenanceMargin(VenueRules rules, double entry, double quantity, double price) {
        if (rules.inverse()) {
            double v = quantity * entry;
            Shape shape = shape(rules.family(), MarginMode.ISOLATED);
            return maintenanceAt(rules.tiers(), shape, feeInTrigger(rules.family()),
                    fixedTierIndex(rules, rules.tiers(), shape, v, 1 / entry), v, 1 / entry, 1 / price);
        }
        Shape shape = shape(rules.family(), MarginMode.ISOLATED);
        TierSchedule tiers = rules.tiers();
        return maintenanceAt(tiers, shape, feeInTrigger(rules.family()),
                fixedTierIndex(rules, tiers, shape, quantity, entry), quantity, entry, price);
    }

    /**
     * Number of the tier in force at the liquidation price {@code price} (0 when price is NaN and the tier
     * depends on price). Allocation-free.
     */
    public static int tierNumberAtLiquidation(VenueRules rules, double entry, double quantity, double price) {
        if (rules.inverse()) {
            // in reciprocal price: quantity = the USD value, price = 1 / price
            double v = quantity * entry;
            quantity = v;
            entry = 1 / entry;
            price = Double.isNaN(price) ? price : 1 / price;
        }
        Shape shape = shape(rules.family(), MarginMode.ISOLATED);
        if (shape == Shape.PRICE_TIERED) {
            return Double.isNaN(price) ? 0 : rules.tiers().tier(rules.tiers().indexAt(quantity * price)).number();
        }
        return rules.tiers().tier(fixedTierIndex(rules, rules.tiers(), shape, quantity, entry)).number();
    }

    /** Highest leverage the venue allows for a position of this size at entry (dYdX: 1 / effective IMF). */
    public static double maxLeverage(VenueRules rules, double entry, double quantity, double openInterest) {
        if (rules.inverse()) {
            double v = quantity * entry;
            quantity = v;
            entry = 1 / entry;
        }
        Tier tier = rules.tiers().tierAt(rules.tierBasisValue(quantity, entry));
        if (rules.family() instanceof RuleFamily.FixedMaintenanceFraction f) {
            double baseImf = tier.hasInitialMarginRate() ? tier.initialMarginRate() : 1 / tier.maxLeverage();
            double oi = Double.isNaN(openInterest) ? 0 : openInterest;
            return 1 / f.effectiveInitialMarginFraction(baseImf, oi);
        }
        return tier.maxLeverage();
    }

    /** Computes every figure LiqLab reports for {@code position} under {@code rules}. */
    public LiquidationResult calculate(VenueRules rules, Position position) {
        if (rules.inverse() != position.inverse()) {
            throw new InvalidInputException("quantity", rules.inverse()
                    ? "this market is coin-margined (inverse): give the size in USD or contracts and the margin in the coin"
                    : "this market is linear (margined in the quote currency): an inverse position does not apply");
        }
        if (rules.inverse()) {
            return calculateInverse(rules, position);
        }
        Side side = position.side();
        int s = side.sign();
        double q = position.quantity();
        double e = position.entryPrice();
        double mark = position.markPrice();
        double notional = position.notional();
        RuleFamily family = rules.family();
        TierSchedule profileTiers = rules.tiers();
        Shape shape = shape(family, position.mode());
        double fee = feeInTrigger(family);
        boolean overridden = position.hasMaintenanceOverride();
        TierSchedule tiers = overridden
                ? TierSchedule.single(profileTiers.basis(), position.maintenanceRateOverride(),
                        position.maintenanceAmountOverride(), Double.POSITIVE_INFINITY)
                : profileTiers;
        if (!overridden && profileTiers.isPartial()) {
            refuseBeyondRecorded(rules, q * e, rules.tierBasisValue(q, e), "at entry");
        }
        int fixed = fixedTierIndex(rules, tiers, shape, q, e);
        // OKX publishes no closed form for USDT cross (LIQUIDATION.md section 3); Bybit's classic one is published.
        boolean estimate = position.mode() == MarginMode.CROSS && family instanceof RuleFamily.FeeInTrigger;
        List<Note> notes = new ArrayList<>(4);

        // Liquidation price, or why there is none.
        double m1 = position.marginFor(1);
        double mmAtEntry = maintenanceAt(tiers, shape, fee, fixed, q, e, e);
        Outcome outcome;
        if (m1 <= mmAtEntry) {
            outcome = new Outcome.LiquidatableAtEntry(m1, mmAtEntry);
            notes.add(new Note.LiquidatableAtEntry(m1, mmAtEntry));
        } else {
            double l = thresholdPrice(tiers, shape, fee, fixed, s, q, e, m1, 1);
            if (Double.isNaN(l)) {
                Outcome.NeverLiquidated never = new Outcome.NeverLiquidated(shape != Shape.FIXED_ON_ENTRY);
                outcome = never;
                notes.add(new Note.NoLiquidationPrice(never.reason()));
            } else {
                outcome = new Outcome.LiquidatesAt(l);
            }
        }
        double liq = outcome.priceOrNaN();
        if (!overridden && profileTiers.isPartial() && shape == Shape.PRICE_TIERED && !Double.isNaN(liq)) {
            refuseBeyondRecorded(rules, q * liq, q * liq, "at the liquidation price " + Numbers.price(liq));
        }

        double m0 = position.marginFor(0);
        double bankruptcy = m0 > 0 ? e - s * m0 / q : Double.NaN;
        if (!(bankruptcy > 0)) {
            if (m0 <= 0) {
                notes.add(new Note.NoBankruptcyPrice());
            }
            bankruptcy = Double.NaN;
        }

        double backstop = Double.NaN;
        if (rules.hasBackstop() && !Double.isNaN(liq)) {
            double k = rules.backstop().equityFraction();
            backstop = thresholdPrice(tiers, shape, fee, fixed, s, q, e, position.marginFor(k), k);
        }

        // |P - L| / P (LIQUIDATION.md section 2); a mark already past L is said in the status and a note.
        double distance = Double.isNaN(liq) ? Double.NaN : Math.abs(mark - liq) / mark * 100;
        if (!Double.isNaN(liq) && s * (mark - liq) < 0) {
            notes.add(new Note.LiquidatableNow());
        }

        // Tiers: the profile's own schedule, even where an explicit maintenance rate replaces it.
        int entryIndex = profileTiers.indexAt(rules.tierBasisValue(q, e));
        Tier tierAtEntry = profileTiers.tier(entryIndex);
        Tier tierAtLiquidation;
        if (shape == Shape.PRICE_TIERED) {
            tierAtLiquidation = Double.isNaN(liq) ? null : profileTiers.tier(profileTiers.indexAt(q * liq));
        } else {
            tierAtLiquidation = tierAtEntry;
        }
        Tier maintenanceTier = tiers.tier(shape == Shape.PRICE_TIERED
                ? tiers.indexAt(q * (Double.isNaN(liq) ? e : liq)) : fixed);
        double mmAtLiq = Double.isNaN(liq) ? Double.NaN : maintenanceAt(tiers, shape, fee, fixed, q, e, liq);
        double mmNow = maintenanceAt(tiers, shape, fee, fixed, q, e, mark);
        double equityNow = m0 + s * q * (mark - e);
        double otherMm = position.mode() == MarginMode.CROSS ? position.otherMaintenance() : 0;
        double marginRatio = equityNow > 0 ? (mmNow + otherMm) / equityNow : Double.NaN;

        double maxLeverage = maxLeverage(rules, e, q, position.openInterest());
        double leverage = position.effectiveLeverage();
        boolean allowed = leverage <= maxLeverage * (1 + BOUNDARY_TOLERANCE);

        if (overridden) {
            notes.add(new Note.MaintenanceGiven(position.maintenanceRateOverride(), position.maintenanceAmountOverride()));
        } else if (tierAtLiquidation != null && tierAtLiquidation.number() != tierAtEntry.number()) {
            notes.add(new Note.TierChanges(tierAtEntry.number(), tierAtLiquidation.number(), q * liq));
        }
        if (!overridden && profileTiers.beyondLastCap(rules.tierBasisValue(q, e))) {
            notes.add(new Note.BeyondLastTier());
        }
        if (!allowed) {
            notes.add(new Note.LeverageNotAllowed(leverage, maxLeverage, tierAtEntry.number()));
        }
        if (position.mode() == MarginMode.ISOLATED && position.leverageGiven()
                && Math.abs(position.margin() - (notional / position.leverage() + position.addedMargin())) > 1e-9 * position.margin()) {
            notes.add(new Note.MarginWinsOverLeverage(leverage));
        }
        if (fee > 0) {
            notes.add(new Note.FeeInTrigger(fee));
        }
        if (estimate) {
            notes.add(new Note.CrossEstimate());
        }
        if (position.fundingPaid() != 0) {
            notes.add(new Note.Funding(position.fundingPaid()));
        }
        if (position.openingFee() > 0) {
            notes.add(new Note.OpeningFee(position.openingFee()));
        }

        FirstLiquidation first = Double.isNaN(liq) ? null : firstLiquidation(rules, profileTiers, q, e, liq);

        return new LiquidationResult(position, notional, leverage, position.reportedMargin(), outcome, bankruptcy, backstop,
                distance, tierAtEntry, tierAtLiquidation, maintenanceTier.maintenanceMarginRate(),
                maintenanceTier.maintenanceAmount(), fee, mmAtLiq, mmNow, marginRatio, maxLeverage, allowed, first,
                estimate, List.copyOf(notes));
    }

    /**
     * A coin-margined (inverse) position. With {@code x = 1/P} its equity in the coin is
     * {@code M + s * V * (1/E - x)} and its maintenance {@code V * x * mmr - A} (Binance COIN-M and OKX: on the value
     * in the coin at the price, V / P; Bybit: on the entry value V / E): exactly a linear position of the opposite
     * side, quantity V, entry price 1/E, margin M. So the same solver gives every figure, and a price in x maps back
     * as P = 1/x. This is each venue's published inverse formula rearranged: Binance "How to Calculate Liquidation
     * Price of COIN-M Futures Contracts" (2021-02-05), Bybit "Liquidation Price Calculation under Isolated Mode
     * (Unified Trading Account)", inverse section ({@code LP = Qty / (PV + IM - MM)} long,
     * {@code Qty / (PV - (IM - MM))} short), OKX's coin-margined isolated formula
     * {@code (1 + mmr) / (1/E + M / (ctVal x contracts))} long.
     */
    private LiquidationResult calculateInverse(VenueRules rules, Position p) {
        double v = p.notional();
        Position x = new Position(p.side().opposite(), p.mode(), 1 / p.entryPrice(), 1 / p.markPrice(), v, p.leverage(),
                p.margin(), p.fundingPaid(), p.openingFee(), p.wallet(), p.otherMaintenance(), p.otherUnrealizedPnl(),
                p.maintenanceRateOverride(), p.maintenanceAmountOverride(), p.openInterest(), p.addedMargin(), false);
        LiquidationResult r = calculate(rules.withContract(ContractSpec.LINEAR), x);
        Outcome outcome = switch (r.outcome()) {
            case Outcome.LiquidatesAt(double price) -> new Outcome.LiquidatesAt(1 / price);
            default -> r.outcome();
        };
        double liq = outcome.priceOrNaN();
        double distance = Double.isNaN(liq) ? Double.NaN : Math.abs(p.markPrice() - liq) / p.markPrice() * 100;
        FirstLiquidation f = r.firstLiquidation();
        // In x the first order's quantity is USD and its notional the coin: swapped back, the coin is the quantity.
        FirstLiquidation first = f == null ? null : new FirstLiquidation(f.kind(), f.fraction(), f.notional(), f.quantity(),
                f.cooldownSeconds(), f.threshold(), f.fromTier(), f.toTier());
        List<Note> notes = new ArrayList<>(r.notes().size() + 1);
        for (Note n : r.notes()) {
            notes.add(switch (n) {
                case Note.LiquidatableAtEntry(double equity, double mm, boolean _) -> new Note.LiquidatableAtEntry(equity, mm, true);
                case Note.MaintenanceGiven(double rate, double amount, boolean _) -> new Note.MaintenanceGiven(rate, amount, true);
                case Note.TierChanges(int from, int to, double coinNotional, boolean _) -> new Note.TierChanges(from, to, coinNotional, true);
                case Note.Funding(double paid, boolean _) -> new Note.Funding(paid, true);
                case Note.OpeningFee(double fee, boolean _) -> new Note.OpeningFee(fee, true);
                default -> n;
            });
        }
        notes.add(new Note.CoinMargined());
        return new LiquidationResult(p, v, r.leverage(), r.margin(), outcome, reciprocal(r.bankruptcyPrice()),
                reciprocal(r.backstopPrice()), distance, r.tierAtEntry(), r.tierAtLiquidation(), r.maintenanceMarginRate(),
                r.maintenanceAmount(), r.feeInTrigger(), r.maintenanceMarginAtLiquidation(), r.maintenanceMarginNow(),
                r.marginRatioNow(), r.maxLeverage(), r.leverageAllowed(), first, r.estimate(), List.copyOf(notes));
    }

    /**
     * Refuses a size whose tier is not recorded: a partial schedule (only its first tiers known) is never
     * extrapolated past its last cap.
     */
    private static void refuseBeyondRecorded(VenueRules rules, double notional, double basisValue, String where) {
        TierSchedule tiers = rules.tiers();
        if (!tiers.beyondLastCap(basisValue)) {
            return;
        }
        boolean contracts = tiers.basis() == TierSchedule.Basis.CONTRACTS;
        double cap = tiers.tier(tiers.size() - 1).cap();
        throw new InvalidInputException("quantity", "is beyond the last recorded tier of this profile (" + tiers.partialNote()
                + "): the position is " + (contracts ? Numbers.bound(basisValue) + " contracts" : Numbers.money(notional) + " of notional")
                + " " + where + ", the last recorded tier ends at " + Numbers.bound(cap) + (contracts ? " contracts" : "")
                + "; the tiers above it are not known, so LiqLab does not extrapolate. Use a smaller size or a profile with the whole schedule");
    }

    // ---- the solver ------------------------------------------------------------------------------------------

    /** Index of the price-independent tier for the fixed shapes (by entry value, or by contract count); -1 otherwise. */
    static int fixedTierIndex(VenueRules rules, TierSchedule tiers, Shape shape, double q, double e) {
        return switch (shape) {
            case PRICE_TIERED -> -1;
            case FIXED_ON_ENTRY -> tiers.indexAt(q * e);
            case FIXED_TIER_ON_PRICE -> tiers.indexAt(rules.tierBasisValue(q, e));
        };
    }

    /** Maintenance margin at price {@code p}. */
    static double maintenanceAt(TierSchedule tiers, Shape shape, double fee, int fixed, double q, double e, double p) {
        return switch (shape) {
            case PRICE_TIERED -> tiers.tier(tiers.indexAt(q * p)).maintenanceMargin(q * p);
            case FIXED_TIER_ON_PRICE -> {
                Tier t = tiers.tier(fixed);
                yield q * p * (t.maintenanceMarginRate() + fee) - t.maintenanceAmount();
            }
            case FIXED_ON_ENTRY -> tiers.tier(fixed).maintenanceMargin(q * e);
        };
    }

    /**
     * The price nearest the entry, on the adverse side, where {@code M + s*Q*(P - E) = k * MM(P)}; NaN for a long
     * whose price would be at or below zero. The caller has checked that equity at entry is above the threshold.
     */
    static double thresholdPrice(TierSchedule tiers, Shape shape, double fee, int fixed, int s, double q, double e,
                                 double m, double k) {
        return switch (shape) {
            case PRICE_TIERED -> walkTiers(tiers, s, q, e, m, k);
            case FIXED_TIER_ON_PRICE -> {
                Tier t = tiers.tier(fixed);
                yield segmentRoot(s, q, e, m, k, t.maintenanceMarginRate() + fee, t.maintenanceAmount());
            }
            case FIXED_ON_ENTRY -> {
                // A constant maintenance C is MM(P) = Q*P*0 - (-C).
                double c = tiers.tier(fixed).maintenanceMargin(q * e);
                yield segmentRoot(s, q, e, m, k, 0, -c);
            }
        };
    }

    /** Closed form with one (mmr, A): long {@code (QE - M - kA) / (Q(1 - k mmr))}, short {@code (QE + M + kA) / (Q(1 + k mmr))}. */
    private static double segmentRoot(int s, double q, double e, double m, double k, double rate, double amount) {
        if (s > 0) {
            double p = (q * e - m - k * amount) / (q * (1 - k * rate));
            return p > 0 ? p : Double.NaN;
        }
        return (q * e + m + k * amount) / (q * (1 + k * rate));
    }

    private static double walkTiers(TierSchedule tiers, int s, double q, double e, double m, double k) {
        int entryIndex = tiers.indexAt(q * e);
        if (s > 0) {
            // Price falls: tiers from the entry tier downwards, each covering prices (floor/Q, cap/Q].
            for (int i = entryIndex; i >= 0; i--) {
                Tier t = tiers.tier(i);
                double hi = i == entryIndex ? e : t.cap() / q;
                double excessAtHi = m + q * (hi - e) - k * t.maintenanceMargin(q * hi);
                if (excessAtHi <= 0) {
                    return hi; // maintenance jumps up across this boundary: the boundary itself triggers
                }
                double p = segmentRoot(s, q, e, m, k, t.maintenanceMarginRate(), t.maintenanceAmount());
                double lo = i == 0 ? 0 : t.floor() / q;
                if (p > lo) {
                    return p;
                }
            }
            return Double.NaN;
        }
        // Price rises: tiers from the entry tier upwards; the last one extends without bound.
        int last = tiers.size() - 1;
        for (int i = entryIndex; i <= last; i++) {
            Tier t = tiers.tier(i);
            double lo = i == entryIndex ? e : t.floor() / q;
            double excessAtLo = m - q * (lo - e) - k * t.maintenanceMargin(q * lo);
            if (excessAtLo <= 0) {
                return lo;
            }
            double p = segmentRoot(s, q, e, m, k, t.maintenanceMarginRate(), t.maintenanceAmount());
            if (i == last || p <= t.cap() / q) {
                return p;
            }
        }
        throw new AssertionError("unreachable: the last tier is unbounded");
    }

    // ---- what happens at the liquidation price ---------------------------------------------------------------

    /**
     * @param e the entry price: where the tier does not depend on price (OKX by contracts, Bybit and the textbook by
     *          entry value Q*E, LIQUIDATION.md section 7), the step-down starts from that tier, as the simulator does
     */
    static FirstLiquidation firstLiquidation(VenueRules rules, TierSchedule tiers, double q, double e, double liq) {
        double notional = q * liq;
        return switch (rules.partialLiquidation()) {
            case PartialLiquidation.Whole _ -> whole(FirstLiquidation.Kind.WHOLE, q, notional, 0, 0, 0);
            case PartialLiquidation.IocOrderFirst _ -> whole(FirstLiquidation.Kind.IOC_ORDER, q, notional, 0, 0, 0);
            case PartialLiquidation.PerBlockLimits _ -> whole(FirstLiquidation.Kind.PER_BLOCK, q, notional, 0, 0, 0);
            case PartialLiquidation.Fraction f -> f.appliesTo(notional)
                    ? new FirstLiquidation(f.inclusive() ? FirstLiquidation.Kind.PARTIAL_FRACTION_INCLUSIVE : FirstLiquidation.Kind.PARTIAL_FRACTION,
                            f.fraction(), q * f.fraction(), notional * f.fraction(), f.cooldownSeconds(), f.thresholdNotional(), 0, 0)
                    : whole(FirstLiquidation.Kind.WHOLE_BELOW_THRESHOLD, q, notional, f.thresholdNotional(), 0, 0);
            case PartialLiquidation.TierStepDown step -> {
                double tierPrice = rules.family() instanceof RuleFamily.MaintenanceOnEntryNotional ? e : liq;
                PartialLiquidation.TierStepDown.Step down = step.step(tiers, q, rules.tierBasisValue(q, tierPrice),
                        rules.tierBasisValue(1, tierPrice));
                if (down.whole()) {
                    yield whole(FirstLiquidation.Kind.WHOLE_BELOW_STEP_TIER, q, notional, 0, down.from().number(), step.fromTier());
                }
                double close = down.close();
                yield new FirstLiquidation(FirstLiquidation.Kind.STEP_DOWN, close / q, close, close * liq, 0, 0,
                        down.from().number(), down.to().number());
            }
        };
    }

    private static FirstLiquidation whole(FirstLiquidation.Kind kind, double q, double notional, double threshold, int fromTier, int toTier) {
        return new FirstLiquidation(kind, 1, q, notional, 0, threshold, fromTier, toTier);
    }
}
