package io.liqlab.core;

/**
 * Something worth telling the user about a result. Kept as data so the engine stays fast (text is made only when
 * asked for) and views can style notes by kind.
 */
public sealed interface Note {

    /** The note in plain words. */
    String text();

    record LiquidatableAtEntry(double equityAtEntry, double maintenanceAtEntry, boolean coin) implements Note {
        public LiquidatableAtEntry(double equityAtEntry, double maintenanceAtEntry) {
            this(equityAtEntry, maintenanceAtEntry, false);
        }

        @Override
        public String text() {
            return "Liquidatable at entry: equity at entry, " + Numbers.amount(equityAtEntry, coin, java.util.Locale.ROOT) + ", is at or below the maintenance margin there, "
                    + Numbers.amount(maintenanceAtEntry, coin, java.util.Locale.ROOT) + "; the position cannot be held.";
        }
    }

    record NoLiquidationPrice(String reason) implements Note {
        @Override
        public String text() {
            return reason;
        }
    }

    record NoBankruptcyPrice() implements Note {
        @Override
        public String text() {
            return "No bankruptcy price: equity is already zero or less at entry.";
        }
    }

    record LiquidatableNow() implements Note {
        @Override
        public String text() {
            return "The mark is already beyond the liquidation price: the position is liquidatable now.";
        }
    }

    record MaintenanceGiven(double rate, double amount, boolean coin) implements Note {
        public MaintenanceGiven(double rate, double amount) {
            this(rate, amount, false);
        }

        @Override
        public String text() {
            return "Maintenance rate " + Numbers.percentOf(rate) + " and amount " + Numbers.amount(amount, coin, java.util.Locale.ROOT)
                    + " given explicitly; the profile's tiers are shown for reference only.";
        }
    }

    record TierChanges(int tierAtEntry, int tierAtLiquidation, double notionalAtLiquidation, boolean coin) implements Note {
        public TierChanges(int tierAtEntry, int tierAtLiquidation, double notionalAtLiquidation) {
            this(tierAtEntry, tierAtLiquidation, notionalAtLiquidation, false);
        }

        @Override
        public String text() {
            return "Tier at liquidation (" + tierAtLiquidation + ") differs from tier at entry (" + tierAtEntry
                    + "): maintenance is charged on the notional at the liquidation price, " + Numbers.amount(notionalAtLiquidation, coin, java.util.Locale.ROOT)
                    + ", which falls in tier " + tierAtLiquidation + ".";
        }
    }

    record BeyondLastTier() implements Note {
        @Override
        public String text() {
            return "The position is larger than the last tier's cap; the last tier is used.";
        }
    }

    record LeverageNotAllowed(double leverage, double maxLeverage, int tier) implements Note {
        @Override
        public String text() {
            return "Leverage " + Numbers.leverage(leverage) + " is above the venue's maximum of " + Numbers.leverage(maxLeverage)
                    + " for this size (tier " + tier + "); computed anyway.";
        }
    }

    record MarginWinsOverLeverage(double effectiveLeverage) implements Note {
        @Override
        public String text() {
            return "Margin given as well as leverage: the margin wins; effective leverage " + Numbers.leverage(effectiveLeverage) + ".";
        }
    }

    record FeeInTrigger(double fee) implements Note {
        @Override
        public String text() {
            return "The taker fee (" + Numbers.percentOf(fee) + ") is inside the trigger: liquidation when equity reaches notional x (mmr + fee).";
        }
    }

    /** A coin-margined (inverse) contract: every amount is in the coin. */
    record CoinMargined() implements Note {
        @Override
        public String text() {
            return "Coin-margined (inverse) contract: margin, PnL and maintenance are in the coin; PnL = s x V x (1/E - 1/P) on the USD value V, "
                    + "and maintenance is charged on the value in the coin, V / P.";
        }
    }

    record CrossEstimate() implements Note {
        @Override
        public String text() {
            return "Estimate: the venue publishes no closed form for USDT cross; solved with maintenance at the trial price.";
        }
    }

    record Funding(double paid, boolean coin) implements Note {
        public Funding(double paid) {
            this(paid, false);
        }

        @Override
        public String text() {
            return paid > 0 ? "Funding paid, " + Numbers.amount(paid, coin, java.util.Locale.ROOT) + ", comes out of the margin."
                    : "Funding received, " + Numbers.amount(-paid, coin, java.util.Locale.ROOT) + ", adds to the margin.";
        }
    }

    record OpeningFee(double fee, boolean coin) implements Note {
        public OpeningFee(double fee) {
            this(fee, false);
        }

        @Override
        public String text() {
            return "Opening fee, " + Numbers.amount(fee, coin, java.util.Locale.ROOT) + ", comes out of the margin.";
        }
    }
}
