package io.liqlab.core;

/**
 * How a venue computes maintenance margin, which decides the shape of its liquidation equation
 * (LIQUIDATION.md section 1). Every family solves {@code equity(L) = MM(L)}; they differ in what MM is.
 */
public sealed interface RuleFamily {

    /** The id used in profile files. */
    String id();

    /** One line for people: what maintenance margin is charged on. */
    String summary();

    /**
     * Binance, Hyperliquid, GTE: {@code MM(L) = Q*L*mmr - A} with the tier picked by the notional AT the
     * liquidation price.
     */
    record MaintenanceAtLiquidationNotional() implements RuleFamily {
        public static final String ID = "maintenance-at-liquidation-notional";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String summary() {
            return "maintenance on the notional at the liquidation price, tier at that price";
        }
    }

    /**
     * Bybit's classic isolated formula and the textbook: {@code MM = Q*E*mmr - A} on the ENTRY notional, tier by
     * entry value; a 1x long still has a liquidation price.
     */
    record MaintenanceOnEntryNotional() implements RuleFamily {
        public static final String ID = "maintenance-on-entry-notional";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String summary() {
            return "maintenance on the entry notional, tier by entry value";
        }
    }

    /**
     * OKX: maintenance rate plus the taker fee in the trigger, no maintenance amount, tiers by contract count
     * (so maintenance margin jumps at a tier boundary).
     *
     * @param takerFee      fee rate added to mmr in the trigger
     * @param contractValue base units per contract (0.01 BTC for BTC-USDT-SWAP)
     */
    record FeeInTrigger(double takerFee, double contractValue) implements RuleFamily {
        public static final String ID = "fee-in-trigger-contract-tiers";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String summary() {
            return "maintenance rate + taker fee on the notional at the liquidation price, tiers by contract count";
        }
    }

    /**
     * dYdX v4: one maintenance fraction on the notional at the oracle price, no size tiers; the initial margin
     * fraction rises with market open interest between two caps (disabled when both caps are 0).
     */
    record FixedMaintenanceFraction(double openInterestLowerCap, double openInterestUpperCap) implements RuleFamily {
        public static final String ID = "fixed-mmf-open-interest-imf";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String summary() {
            return "fixed maintenance fraction on the notional at the liquidation price; initial margin scales with open interest";
        }

        public boolean scalesWithOpenInterest() {
            return openInterestUpperCap > openInterestLowerCap;
        }

        /**
         * dYdX's {@code effectiveIMF = min(baseIMF + max(0, (oi - lower) / (upper - lower)) * (1 - baseIMF), 1)}.
         */
        public double effectiveInitialMarginFraction(double baseImf, double openInterest) {
            if (!scalesWithOpenInterest() || !(openInterest > openInterestLowerCap)) {
                return baseImf;
            }
            double scale = (openInterest - openInterestLowerCap) / (openInterestUpperCap - openInterestLowerCap);
            return Math.min(baseImf + scale * (1 - baseImf), 1);
        }
    }
}
