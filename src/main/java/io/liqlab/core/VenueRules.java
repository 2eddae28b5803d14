package io.liqlab.core;

import java.util.Objects;

/**
 * Everything the liquidation math needs to know about a venue: its rule family, margin tiers, and what happens
 * at liquidation. Pure data; the engine interprets it.
 *
 * @param backstop null where the venue has none
 */
public record VenueRules(RuleFamily family, TierSchedule tiers, double liquidationFeeRate,
                         PartialLiquidation partialLiquidation, Backstop backstop, AdlRule adl) {

    public VenueRules {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(partialLiquidation, "partialLiquidation");
        Objects.requireNonNull(adl, "adl");
    }

    public boolean hasBackstop() {
        return backstop != null;
    }

    /** The same rules with another tier schedule (what-if editing, explicit maintenance overrides). */
    public VenueRules withTiers(TierSchedule newTiers) {
        return new VenueRules(family, newTiers, liquidationFeeRate, partialLiquidation, backstop, adl);
    }

    /**
     * The value tiers are looked up by for a position of {@code quantity} at {@code price}: its notional, or its
     * contract count for contract-count schedules.
     */
    public double tierBasisValue(double quantity, double price) {
        if (tiers.basis() == TierSchedule.Basis.CONTRACTS && family instanceof RuleFamily.FeeInTrigger f) {
            return quantity / f.contractValue();
        }
        return quantity * price;
    }
}
