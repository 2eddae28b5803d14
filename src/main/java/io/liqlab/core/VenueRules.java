package io.liqlab.core;

import java.util.Objects;

/**
 * Everything the liquidation math needs to know about a venue: its rule family, margin tiers, and what happens
 * at liquidation. Pure data; the engine interprets it.
 *
 * @param backstop null where the venue has none
 */
public record VenueRules(RuleFamily family, TierSchedule tiers, double liquidationFeeRate,
                         PartialLiquidation partialLiquidation, Backstop backstop, AdlRule adl, ContractSpec contract) {

    public VenueRules {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(partialLiquidation, "partialLiquidation");
        Objects.requireNonNull(adl, "adl");
    }

    /** Rules of a linear (USDT/USD-margined) market. */
    public VenueRules(RuleFamily family, TierSchedule tiers, double liquidationFeeRate,
                      PartialLiquidation partialLiquidation, Backstop backstop, AdlRule adl) {
        this(family, tiers, liquidationFeeRate, partialLiquidation, backstop, adl, ContractSpec.LINEAR);
    }

    /** Whether margin and PnL are in the coin (an inverse, coin-margined contract). */
    public boolean inverse() {
        return contract.inverse();
    }

    /** The same rules for a contract of another kind (what a market file adds to its venue's rules). */
    public VenueRules withContract(ContractSpec newContract) {
        return new VenueRules(family, tiers, liquidationFeeRate, partialLiquidation, backstop, adl, newContract);
    }

    public boolean hasBackstop() {
        return backstop != null;
    }

    /** The same rules with another tier schedule (what-if editing, explicit maintenance overrides). */
    public VenueRules withTiers(TierSchedule newTiers) {
        return new VenueRules(family, newTiers, liquidationFeeRate, partialLiquidation, backstop, adl, contract);
    }

    /**
     * The value tiers are looked up by for a position of {@code quantity} base units entered at {@code entry}, in
     * the terms the venue states its tiers in: the notional, or for an inverse contract the value in the coin
     * (quantity, V / E) or the contract count (V / contract value in USD).
     */
    public double tierBasisAtEntry(double quantity, double entry) {
        if (!inverse()) {
            return tierBasisValue(quantity, entry);
        }
        double usd = quantity * entry;
        return tierBasisValue(usd, 1 / entry);
    }

    /**
     * The value tiers are looked up by for a position of {@code quantity} at {@code price}: its notional, or its
     * contract count for contract-count schedules. For an inverse contract pass the reciprocal-price position the
     * engine solves (quantity = the USD value, price = 1 / price): its "notional" is then the value in the coin,
     * and its contract count the USD value over the contract value in USD.
     */
    public double tierBasisValue(double quantity, double price) {
        if (tiers.basis() == TierSchedule.Basis.CONTRACTS && family instanceof RuleFamily.FeeInTrigger f) {
            return quantity / f.contractValue();
        }
        return quantity * price;
    }
}
