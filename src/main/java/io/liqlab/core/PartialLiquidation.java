package io.liqlab.core;

/** What a venue's first liquidation order does to a position (LIQUIDATION.md section 5). */
public sealed interface PartialLiquidation {

    String id();

    /** The whole position is closed at once. */
    record Whole() implements PartialLiquidation {
        public static final String ID = "whole";

        @Override
        public String id() {
            return ID;
        }
    }

    /** Binance: one large IOC order into the book first; whatever is left is taken over at the bankruptcy price. */
    record IocOrderFirst() implements PartialLiquidation {
        public static final String ID = "ioc-order-first";

        @Override
        public String id() {
            return ID;
        }
    }

    /**
     * Hyperliquid (above 100k, 20%, 30 s cooldown) and GTE (from 20k, 20%): positions at or past the threshold
     * notional are liquidated a fraction per order, smaller ones whole.
     *
     * @param inclusive whether a notional equal to the threshold is already partial (GTE) or not (Hyperliquid)
     */
    record Fraction(double thresholdNotional, boolean inclusive, double fraction, double cooldownSeconds)
            implements PartialLiquidation {
        public static final String ID = "fraction";

        @Override
        public String id() {
            return ID;
        }

        public boolean appliesTo(double notional) {
            return inclusive ? notional >= thresholdNotional : notional > thresholdNotional;
        }
    }

    /**
     * OKX (tier 3 and above, two tiers at a time) and Bybit (tier 2 and above, one risk-limit tier at a time):
     * close enough to drop to a lower tier, re-check, repeat.
     */
    record TierStepDown(int fromTier, int tiersPerStep) implements PartialLiquidation {
        public static final String ID = "tier-step-down";

        @Override
        public String id() {
            return ID;
        }

        /**
         * One step down for a position of {@code quantity} (the calculator's first liquidation and the simulator's
         * liquidation orders both take it from here): its tier, looked up by {@code basisValue} (its notional,
         * entry value or contract count), and, from {@link #fromTier()} up, the tier {@link #tiersPerStep()} lower
         * and the quantity to close so that what is kept fits that tier's cap.
         *
         * @param basisPerQuantity the tier-basis value of one unit of quantity (the price the tier is looked up at,
         *                         or one over the contract value)
         */
        public Step step(TierSchedule tiers, double quantity, double basisValue, double basisPerQuantity) {
            int index = tiers.indexAt(basisValue);
            Tier tier = tiers.tier(index);
            if (tier.number() < fromTier) {
                return new Step(tier, null, quantity);
            }
            Tier target = tiers.tier(Math.max(0, index - tiersPerStep));
            return new Step(tier, target, close(quantity, target, basisPerQuantity));
        }

        /**
         * {@link #step}'s {@link Step#close()} alone, without the step: the simulator asks it once per liquidation
         * (half a million at a million positions under OKX), and the record it does not read was allocated each time.
         */
        public double closeQuantity(TierSchedule tiers, double quantity, double basisValue, double basisPerQuantity) {
            int index = tiers.indexAt(basisValue);
            if (tiers.tier(index).number() < fromTier) {
                return quantity;
            }
            return close(quantity, tiers.tier(Math.max(0, index - tiersPerStep)), basisPerQuantity);
        }

        /** What is closed so that what is kept fits {@code target}'s cap. */
        private static double close(double quantity, Tier target, double basisPerQuantity) {
            double keep = Math.min(quantity, target.cap() / basisPerQuantity);
            return quantity - keep;
        }

        /**
         * @param from  the position's tier
         * @param to    the tier it steps down to, or null when it is below {@code fromTier} and closed whole
         * @param close the quantity the order closes (all of it when whole)
         */
        public record Step(Tier from, Tier to, double close) {
            public boolean whole() {
                return to == null;
            }
        }
    }

    /**
     * dYdX: limited per block by position and subaccount limits, whose mainnet values are not published. The
     * liquidation order is limited at the fillable price {@code P * (1 - s * SMMR * MMF * BA * (1 - TNC/TMMR))}
     * with dYdX's default spread-to-maintenance ratio and bankruptcy adjustment (LIQUIDATION.md section 5: the
     * insurance fund pays up to a 1.5 x MMR spread).
     */
    record PerBlockLimits() implements PartialLiquidation {
        public static final String ID = "per-block-limits";
        /** Spread to maintenance margin ratio (SMMR), dYdX's default. */
        public static final double SPREAD_TO_MAINTENANCE = 1.5;
        /** Bankruptcy adjustment (BA), dYdX's default. */
        public static final double BANKRUPTCY_ADJUSTMENT = 1;

        @Override
        public String id() {
            return ID;
        }
    }
}
