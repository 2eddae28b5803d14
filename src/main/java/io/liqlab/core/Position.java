package io.liqlab.core;

/**
 * A position as the engine sees it, every input resolved: size in base units, margin as posted, funding as an
 * amount. Build one with {@link #builder()}, which checks each input and names the one that is wrong.
 *
 * @param quantity          size in base units, &gt; 0
 * @param leverage          leverage as chosen (NaN when only a margin was given)
 * @param margin            isolated margin posted, added margin included (NaN in cross mode)
 * @param fundingPaid       funding paid so far, signed (negative = received); comes out of the margin
 * @param openingFee        opening fee taken from the margin, &gt;= 0
 * @param wallet            cross: wallet balance (NaN in isolated mode)
 * @param otherMaintenance  cross: maintenance margin of the account's other positions (TMM1)
 * @param otherUnrealizedPnl cross: unrealized PnL of the account's other positions (UPNL1)
 * @param maintenanceRateOverride   an explicit maintenance rate replacing the profile's tiers (NaN when none)
 * @param maintenanceAmountOverride the maintenance amount that goes with it
 * @param openInterest      market open interest in quote currency, for open-interest-scaled initial margin (NaN: 0)
 * @param addedMargin       margin added on top of notional / leverage (already in {@code margin}, or in the wallet in cross mode)
 * @param inverse           a coin-margined (inverse) contract: {@code quantity} is the size in the coin at the entry
 *                          price (the USD value / entry), {@link #notional()} the USD value, and every money amount
 *                          (margin, wallet, funding, fees, maintenance) is in the coin
 */
public record Position(Side side, MarginMode mode, double entryPrice, double markPrice, double quantity,
                       double leverage, double margin, double fundingPaid, double openingFee,
                       double wallet, double otherMaintenance, double otherUnrealizedPnl,
                       double maintenanceRateOverride, double maintenanceAmountOverride, double openInterest,
                       double addedMargin, boolean inverse) {

    /** Leverage above this is refused as input (venues stop at 125x; the engine computes up to here). */
    public static final double MAX_INPUT_LEVERAGE = 1000;
    /**
     * Prices are refused outside [MIN_PRICE, MAX_PRICE]: far beyond any traded market either way, and inside the
     * range where quantity x price and the engine's sums stay ordinary doubles (1e300 gave a quantity of 0).
     */
    public static final double MIN_PRICE = 1e-12;
    public static final double MAX_PRICE = 1e12;

    /** Quantity x entry price: in the quote currency, or the USD value of an inverse position. */
    public double notional() {
        return quantity * entryPrice;
    }

    /**
     * The position's value at entry in the currency of its margin: the notional for a linear contract, the size in
     * the coin ({@code V / E}) for an inverse one. Leverage is this over the margin.
     */
    public double marginCurrencyNotional() {
        return inverse ? quantity : notional();
    }

    public boolean hasMaintenanceOverride() {
        return !Double.isNaN(maintenanceRateOverride);
    }

    public boolean leverageGiven() {
        return !Double.isNaN(leverage);
    }

    /**
     * The collateral the position's equity starts from, before funding and fees: the isolated margin, or in
     * cross mode {@code wallet + UPNL_other} (the other positions' maintenance is subtracted per threshold).
     */
    public double collateral() {
        return mode == MarginMode.ISOLATED ? margin : wallet + otherUnrealizedPnl;
    }

    /**
     * Margin left to absorb losses when liquidation happens at {@code k} times maintenance (k = 1 for the
     * liquidation price, 0 for bankruptcy, 2/3 or 1/3 for a backstop): in cross mode the other positions must
     * keep {@code k * MM_other}.
     */
    public double marginFor(double k) {
        double base = collateral() - fundingPaid - openingFee;
        return mode == MarginMode.CROSS ? base - k * otherMaintenance : base;
    }

    /** The margin LiqLab reports: isolated margin, or {@code wallet + UPNL_other - MM_other} in cross mode. */
    public double reportedMargin() {
        return mode == MarginMode.ISOLATED ? margin : wallet + otherUnrealizedPnl - otherMaintenance;
    }

    /** The leverage as the user gave it, else {@link #effectiveLeverage()} (an added order's default, the formula's). */
    public double givenOrEffectiveLeverage() {
        return leverageGiven() ? leverage : effectiveLeverage();
    }

    /** Effective leverage: the chosen one, or notional / margin when a margin was given; infinite without margin. */
    public double effectiveLeverage() {
        if (mode == MarginMode.ISOLATED) {
            return marginCurrencyNotional() / margin;
        }
        if (leverageGiven()) {
            return leverage;
        }
        double m = reportedMargin();
        return m > 0 ? marginCurrencyNotional() / m : Double.POSITIVE_INFINITY;
    }

    /**
     * The same trade on a market of the other contract kind, for putting one position through every venue: the same
     * side, entry, mark, USD value and leverage, with every amount (margin, wallet, the other positions' figures,
     * funding, fees) converted at the entry price (USDT / E gives the coin; the coin x E gives USDT). Returns this
     * position when the kinds already match.
     */
    public Position asTradeOn(VenueRules rules) {
        if (rules.inverse() == inverse) {
            return this;
        }
        double toTarget = inverse ? entryPrice : 1 / entryPrice;
        return new Position(side, mode, entryPrice, markPrice, quantity, leverage, margin * toTarget, fundingPaid * toTarget,
                openingFee * toTarget, wallet * toTarget, otherMaintenance * toTarget, otherUnrealizedPnl * toTarget,
                maintenanceRateOverride, maintenanceAmountOverride * toTarget, openInterest, addedMargin * toTarget, !inverse);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects raw inputs (NaN = not given) and resolves them into a {@link Position}. */
    public static final class Builder {
        private Side side;
        private MarginMode mode = MarginMode.ISOLATED;
        private double entryPrice = Double.NaN;
        private double markPrice = Double.NaN;
        private double quantity = Double.NaN;
        private double notional = Double.NaN;
        private double leverage = Double.NaN;
        private double margin = Double.NaN;
        private double extraMargin = 0;
        private double fundingPaid = Double.NaN;
        private double fundingRate = Double.NaN;
        private double fundingIntervals = Double.NaN;
        private double openingFee = 0;
        private double wallet = Double.NaN;
        private double otherMaintenance = Double.NaN;
        private double otherUnrealizedPnl = Double.NaN;
        private double maintenanceRate = Double.NaN;
        private double maintenanceAmount = Double.NaN;
        private double openInterest = Double.NaN;
        private boolean inverse;

        public Builder side(Side v) { side = v; return this; }
        public Builder mode(MarginMode v) { mode = v; return this; }
        public Builder entryPrice(double v) { entryPrice = v; return this; }
        public Builder markPrice(double v) { markPrice = v; return this; }
        public Builder quantity(double v) { quantity = v; return this; }
        public Builder notional(double v) { notional = v; return this; }
        public Builder leverage(double v) { leverage = v; return this; }
        public Builder margin(double v) { margin = v; return this; }
        public Builder extraMargin(double v) { extraMargin = v; return this; }
        public Builder fundingPaid(double v) { fundingPaid = v; return this; }
        public Builder fundingRate(double rate, double intervals) { fundingRate = rate; fundingIntervals = intervals; return this; }
        public Builder openingFee(double v) { openingFee = v; return this; }
        public Builder wallet(double v) { wallet = v; return this; }
        public Builder otherMaintenance(double v) { otherMaintenance = v; return this; }
        public Builder otherUnrealizedPnl(double v) { otherUnrealizedPnl = v; return this; }
        public Builder maintenanceOverride(double rate, double amount) { maintenanceRate = rate; maintenanceAmount = amount; return this; }
        public Builder openInterest(double v) { openInterest = v; return this; }
        /**
         * A coin-margined (inverse) contract: the notional is the USD value, the quantity the size in the coin at
         * entry, and margin, wallet, funding and fees are in the coin.
         */
        public Builder inverse(boolean v) { inverse = v; return this; }

        public Position build() {
            if (side == null) {
                throw new InvalidInputException("side", "is required: long or short");
            }
            if (mode == null) {
                throw new InvalidInputException("marginMode", "is required: isolated or cross");
            }
            requirePrice("entryPrice", entryPrice);
            double mark = given(markPrice) ? markPrice : entryPrice;
            requirePrice("markPrice", mark);

            boolean hasQty = given(quantity);
            boolean hasNotional = given(notional);
            if (hasQty == hasNotional) {
                throw new InvalidInputException(hasQty ? "notional" : "quantity",
                        hasQty ? "give the size as quantity or as notional, not both"
                               : "is required: give the size as quantity (base units) or as notional (quote)");
            }
            double qty = hasQty ? requirePositive("quantity", quantity, "a size in base units")
                                : requirePositive("notional", notional, "a size in quote currency") / entryPrice;
            // In the margin's currency: quote for linear, the coin for inverse (V / E = qty).
            double entryNotional = inverse ? qty : qty * entryPrice;
            if (!Double.isFinite(qty * entryPrice) || !Double.isFinite(qty)) {
                throw new InvalidInputException(hasQty ? "quantity" : "notional",
                        "is too large: quantity x entry price must be a finite number (below about 1e308)");
            }

            if (given(leverage)) {
                requireRange("leverage", leverage, 0, MAX_INPUT_LEVERAGE, false, true);
            }
            requireFinite("extraMargin", extraMargin);
            if (extraMargin < 0) {
                throw new InvalidInputException("extraMargin", "must be 0 or more, got " + fmt(extraMargin));
            }
            requireFinite("openingFee", openingFee);
            if (openingFee < 0) {
                throw new InvalidInputException("openingFee", "must be 0 or more (the fee paid, in quote currency), got " + fmt(openingFee));
            }

            double postedMargin = Double.NaN;
            double wb = Double.NaN;
            double otherMm = 0;
            double otherUpnl = 0;
            if (mode == MarginMode.ISOLATED) {
                for (String crossOnly : new String[] {"wallet", "otherMaintenance", "otherUnrealizedPnl"}) {
                    double v = switch (crossOnly) {
                        case "wallet" -> wallet;
                        case "otherMaintenance" -> otherMaintenance;
                        default -> otherUnrealizedPnl;
                    };
                    if (given(v)) {
                        throw new InvalidInputException(crossOnly, "applies to cross margin only; choose cross mode or leave it out");
                    }
                }
                if (given(margin)) {
                    postedMargin = requirePositive("margin", margin, inverse ? "the isolated margin in the coin" : "the isolated margin in quote currency");
                    if (extraMargin > 0) {
                        // LIQUIDATION.md section 7: the margin is the total, added margin included.
                        throw new InvalidInputException("extraMargin", "goes with the leverage only: the margin given is "
                                + "already the total, added margin included (add it to the margin, or give the leverage instead)");
                    }
                } else if (given(leverage)) {
                    postedMargin = entryNotional / leverage;
                } else {
                    throw new InvalidInputException("leverage", "is required in isolated mode (or give the margin): a number above 0, at most " + fmt(MAX_INPUT_LEVERAGE));
                }
                postedMargin += extraMargin;
                requireFiniteSum(given(margin) ? "margin" : extraMargin > 0 ? "extraMargin" : "leverage", postedMargin, "the margin (notional / leverage, with any extra margin)");
            } else {
                if (given(margin)) {
                    throw new InvalidInputException("margin", "applies to isolated margin only; in cross mode give the wallet balance");
                }
                if (!given(wallet)) {
                    throw new InvalidInputException("wallet", "is required in cross mode: the account's wallet balance");
                }
                requireFinite("wallet", wallet);
                if (wallet < 0) {
                    throw new InvalidInputException("wallet", "must be 0 or more, got " + fmt(wallet));
                }
                wb = wallet + extraMargin;
                if (given(otherMaintenance)) {
                    requireFinite("otherMaintenance", otherMaintenance);
                    if (otherMaintenance < 0) {
                        throw new InvalidInputException("otherMaintenance", "must be 0 or more, got " + fmt(otherMaintenance));
                    }
                    otherMm = otherMaintenance;
                }
                requireFiniteSum(extraMargin > 0 ? "extraMargin" : "wallet", wb, "the wallet with the extra margin added");
                if (given(otherUnrealizedPnl)) {
                    otherUpnl = requireFinite("otherUnrealizedPnl", otherUnrealizedPnl);
                    requireFiniteSum("otherUnrealizedPnl", wb + otherUpnl, "the wallet plus the other positions' PnL");
                }
            }

            double funding = 0;
            if (given(fundingPaid) && (given(fundingRate) || given(fundingIntervals))) {
                throw new InvalidInputException("fundingPaid", "give either the funding paid or the funding rate with its interval count, not both");
            }
            if (given(fundingPaid)) {
                funding = requireFinite("fundingPaid", fundingPaid);
            } else if (given(fundingRate) || given(fundingIntervals)) {
                if (!given(fundingRate)) {
                    throw new InvalidInputException("fundingRate", "is required with the interval count: the rate per interval, e.g. 0.0001");
                }
                if (!given(fundingIntervals)) {
                    throw new InvalidInputException("fundingIntervals", "is required with the funding rate: the number of intervals held");
                }
                requireRange("fundingRate", fundingRate, -1, 1, false, false);
                requireRange("fundingIntervals", fundingIntervals, 0, 1_000_000, true, true);
                // Each interval a long pays rate * Q * mark; a short receives it (LIQUIDATION.md section 4).
                // Inverse: the same rate on the value in the coin at the mark, V / mark.
                funding = side.sign() * fundingRate * (inverse ? qty * entryPrice / mark : qty * mark) * fundingIntervals;
                requireFiniteSum("fundingIntervals", funding, "the funding paid over these intervals");
            }
            double collateral = (mode == MarginMode.ISOLATED ? postedMargin : wb + otherUpnl) - funding - openingFee;
            requireFiniteSum(given(fundingPaid) ? "fundingPaid" : given(fundingRate) ? "fundingRate" : openingFee > 0 ? "openingFee"
                    : mode == MarginMode.CROSS ? "wallet" : given(margin) ? "margin" : "leverage", collateral, "the margin less funding and fees");

            double ovrRate = Double.NaN;
            double ovrAmount = Double.NaN;
            if (given(maintenanceRate)) {
                ovrRate = requireRange("maintenanceMarginRate", maintenanceRate, 0, 1, false, false);
                ovrAmount = given(maintenanceAmount) ? requireFinite("maintenanceAmount", maintenanceAmount) : 0;
                if (ovrAmount < 0) {
                    throw new InvalidInputException("maintenanceAmount", "must be 0 or more, got " + fmt(ovrAmount));
                }
                // MM = notional x rate - amount: an amount above that would make the maintenance margin negative.
                if (ovrAmount > entryNotional * ovrRate) {
                    throw new InvalidInputException("maintenanceAmount", "must be from 0 to notional x rate ("
                            + fmt(entryNotional * ovrRate) + "), or the maintenance margin would be negative; got " + fmt(ovrAmount));
                }
            } else if (given(maintenanceAmount)) {
                throw new InvalidInputException("maintenanceAmount", "needs the maintenance rate it goes with");
            }
            if (given(openInterest)) {
                requireFinite("openInterest", openInterest);
                if (openInterest < 0) {
                    throw new InvalidInputException("openInterest", "must be 0 or more, got " + fmt(openInterest));
                }
            }

            return new Position(side, mode, entryPrice, mark, qty, given(leverage) ? leverage : Double.NaN,
                    postedMargin, funding, openingFee, wb, otherMm, otherUpnl, ovrRate, ovrAmount, openInterest, extraMargin, inverse);
        }

        private static boolean given(double v) {
            return !Double.isNaN(v);
        }

        private static double requireFinite(String field, double v) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(field, "must be a finite number, got " + v);
            }
            return v;
        }

        /** A sum of valid inputs that overflowed (each below 1e308, together above it). */
        private static void requireFiniteSum(String field, double sum, String what) {
            if (!Double.isFinite(sum)) {
                throw new InvalidInputException(field, "gives a sum too large: " + what + " must be a finite number (below about 1e308)");
            }
        }

        private static void requirePrice(String field, double v) {
            requirePositive(field, v, "a price");
            if (v < MIN_PRICE || v > MAX_PRICE) {
                throw new InvalidInputException(field, "must be a price from 1e-12 to 1e12, got " + fmt(v));
            }
        }

        private static double requirePositive(String field, double v, String what) {
            if (!Double.isFinite(v) || v <= 0) {
                throw new InvalidInputException(field, "must be " + what + " greater than 0, got " + fmt(v));
            }
            return v;
        }

        private static double requireRange(String field, double v, double lo, double hi, boolean loIncl, boolean hiIncl) {
            boolean ok = Double.isFinite(v) && (loIncl ? v >= lo : v > lo) && (hiIncl ? v <= hi : v < hi);
            if (!ok) {
                throw new InvalidInputException(field, "must be in " + (loIncl ? "[" : "(") + fmt(lo) + ", " + fmt(hi)
                        + (hiIncl ? "]" : ")") + ", got " + fmt(v));
            }
            return v;
        }

        static String fmt(double v) {
            if (Double.isNaN(v)) {
                return "nothing";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
    }
}
