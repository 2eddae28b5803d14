package io.liqlab.core;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tier step-down (LIQUIDATION.md section 5: OKX two tiers at a time from tier 3, Bybit one from tier 2), written
 * once in {@link PartialLiquidation.TierStepDown#step} and used by both the calculator's first liquidation and the
 * simulator's liquidation orders (SettlementRulesTest.okxStepsALargePositionDownTwoTiersAndSellsOnlyTheExcess).
 */
class TierStepDownTest {

    private static final double CONTRACTS_PER_BTC = 100; // OKX BTC-USDT-SWAP: 0.01 BTC a contract

    @Test
    void okxTierFiveStepsDownToTierThreesCap() {
        VenueRules okx = TestProfiles.get("okx-swap-btc").rules();
        PartialLiquidation.TierStepDown rule = (PartialLiquidation.TierStepDown) okx.partialLiquidation();
        // 500 BTC = 50,000 contracts: tier 5 (up to 60,000); two tiers down is tier 3 (up to 20,000 contracts).
        PartialLiquidation.TierStepDown.Step step = rule.step(okx.tiers(), 500, 500 * CONTRACTS_PER_BTC, CONTRACTS_PER_BTC);
        assertEquals(5, step.from().number());
        assertEquals(3, step.to().number());
        assertFalse(step.whole());
        assertEquals(500 - 200, step.close(), 1e-9, "keeps tier 3's cap of 20,000 contracts (200 BTC)");
    }

    @Test
    void belowTheFirstStepDownTierThePositionIsClosedWhole() {
        VenueRules okx = TestProfiles.get("okx-swap-btc").rules();
        PartialLiquidation.TierStepDown rule = (PartialLiquidation.TierStepDown) okx.partialLiquidation();
        // 40 BTC = 4,000 contracts: tier 2, below OKX's tier 3.
        PartialLiquidation.TierStepDown.Step step = rule.step(okx.tiers(), 40, 40 * CONTRACTS_PER_BTC, CONTRACTS_PER_BTC);
        assertTrue(step.whole());
        assertNull(step.to());
        assertEquals(40, step.close());
    }

    @Test
    void theCalculatorsFirstLiquidationIsTheStep() {
        VenueRules okx = TestProfiles.get("okx-swap-btc").rules();
        PartialLiquidation.TierStepDown rule = (PartialLiquidation.TierStepDown) okx.partialLiquidation();
        FirstLiquidation first = new LiquidationEngine().calculate(okx, Position.builder().side(Side.LONG).entryPrice(60_000)
                .quantity(150).leverage(20).build()).firstLiquidation();
        PartialLiquidation.TierStepDown.Step step = rule.step(okx.tiers(), 150, 150 * CONTRACTS_PER_BTC, CONTRACTS_PER_BTC);
        assertEquals(step.close(), first.quantity(), 1e-9);
        assertEquals(step.from().number(), first.fromTier());
        assertEquals(step.to().number(), first.toTier());
    }

    @Test
    void theSimulatorsCloseQuantityIsTheStepsCloseAtEverySize() {
        // The simulator asks closeQuantity per liquidation instead of step(): both must close exactly the same amount,
        // below the step-down tiers (whole), inside them, on every cap and just above it, for OKX and Bybit.
        for (String id : new String[]{"okx-swap-btc", "bybit-linear-btc"}) {
            VenueRules rules = TestProfiles.get(id).rules();
            PartialLiquidation.TierStepDown rule = (PartialLiquidation.TierStepDown) rules.partialLiquidation();
            java.util.List<Double> sizes = new java.util.ArrayList<>(java.util.List.of(0.001, 1.0, 40.0, 150.0, 500.0, 5_000.0));
            for (Tier t : rules.tiers().tiers()) {
                if (!t.isUnbounded()) {
                    double perUnit = rules.tierBasisValue(1, 60_000);
                    sizes.add(t.cap() / perUnit);
                    sizes.add(Math.nextUp(t.cap() / perUnit));
                    sizes.add(t.cap() * (1 + 2e-12) / perUnit);
                }
            }
            for (double q : sizes) {
                double basis = rules.tierBasisValue(q, 60_000);
                double perUnit = rules.tierBasisValue(1, 60_000);
                assertEquals(rule.step(rules.tiers(), q, basis, perUnit).close(), rule.closeQuantity(rules.tiers(), q, basis, perUnit),
                        0.0, id + " at " + q);
            }
        }
    }
}
