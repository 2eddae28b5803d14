package io.liqlab.core;

import io.liqlab.TestProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Across a tier boundary the liquidation price is continuous where the venue has a maintenance amount, and jumps
 * where it has none (OKX, tiers by contract count).
 */
class TierBoundaryTest {
    private final LiquidationEngine engine = new LiquidationEngine();

    /** A liquidation price of a position whose notional AT THE LIQUIDATION PRICE sits at a cap, approached from both sides. */
    @ParameterizedTest(name = "{0} {1}, seed {2}")
    @CsvSource({"binance-usdm-btc, LONG, 3", "binance-usdm-btc, SHORT, 4", "hyperliquid-btc, LONG, 5", "hyperliquid-btc, SHORT, 6"})
    void priceIsContinuousWhereAMaintenanceAmountExists(String id, Side side, long seed) {
        VenueRules rules = TestProfiles.get(id).rules();
        Random rnd = new Random(seed);
        for (int i = 0; i < 200; i++) {
            int boundary = rnd.nextInt(rules.tiers().size() - 1);
            Tier lower = rules.tiers().tier(boundary);
            Tier upper = rules.tiers().tier(boundary + 1);
            double cap = lower.cap();
            double entry = 10 + rnd.nextDouble() * 100_000;
            // Choose L on the cap and a leverage the upper tier allows; solve the margin that puts L there.
            double q = cap / (entry * (side == Side.LONG ? 0.97 : 1.03));
            double l = cap / q;
            double margin = side == Side.LONG
                    ? q * entry - upper.maintenanceAmount() - q * l * (1 - upper.maintenanceMarginRate())
                    : q * l * (1 + upper.maintenanceMarginRate()) - q * entry - upper.maintenanceAmount();
            double eps = 1e-7 * margin;
            double below = engine.calculate(rules, Position.builder().side(side).entryPrice(entry).quantity(q).margin(margin - eps).build()).liquidationPrice();
            double at = engine.calculate(rules, Position.builder().side(side).entryPrice(entry).quantity(q).margin(margin).build()).liquidationPrice();
            double above = engine.calculate(rules, Position.builder().side(side).entryPrice(entry).quantity(q).margin(margin + eps).build()).liquidationPrice();
            assertEquals(l, at, 1e-9 * l, id + " boundary " + cap);
            // dL/dM = 1/(Q(1 -+ mmr)): a tiny change in margin moves the price by a tiny amount on both sides.
            // Shipped mmr stays at or below 50%, so |dL/dM| <= 2/Q; a jump would be mmr-step x L, orders larger.
            double bound = 2 / q * eps * 1.01 + 1e-9 * l;
            assertTrue(Math.abs(above - at) <= bound && Math.abs(at - below) <= bound,
                    () -> id + ": jump at " + cap + ": " + below + " / " + at + " / " + above);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LONG", "SHORT"})
    void okxPriceJumpsWhenTheContractCountCrossesATier(Side side) {
        VenueRules rules = TestProfiles.get("okx-swap-btc").rules();
        double contractValue = ((RuleFamily.FeeInTrigger) rules.family()).contractValue();
        for (int i = 0; i < rules.tiers().size() - 1; i++) {
            Tier lower = rules.tiers().tier(i);
            Tier upper = rules.tiers().tier(i + 1);
            double capQty = lower.cap() * contractValue;
            double at = liq(rules, side, capQty);
            double past = liq(rules, side, capQty * (1 + 1e-6)); // a hundredth of a contract: past the cap-inclusive tolerance
            // Same leverage, one more sliver of a contract: mmr rises by (upper - lower), and the price jumps by about that share.
            double jump = side.sign() * (past - at) / 60_000;
            double mmrStep = upper.maintenanceMarginRate() - lower.maintenanceMarginRate();
            assertTrue(jump > 0.5 * mmrStep, () -> "tier " + lower.number() + ": expected a jump toward entry, got " + at + " -> " + past);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LONG", "SHORT"})
    void bybitPriceIsContinuousAcrossItsEntryValueTier(Side side) {
        VenueRules rules = TestProfiles.get("bybit-linear-btc").rules();
        double cap = rules.tiers().tier(0).cap();
        double below = engine.calculate(rules, Position.builder().side(side).entryPrice(60_000).notional(cap).leverage(20).build()).liquidationPrice();
        double above = engine.calculate(rules, Position.builder().side(side).entryPrice(60_000).notional(cap * (1 + 1e-6)).leverage(20).build()).liquidationPrice();
        assertEquals(below, above, 1e-6 * 60_000 * 2, "the maintenance amount keeps the price continuous across the entry-value cap");
    }

    private double liq(VenueRules rules, Side side, double q) {
        return engine.calculate(rules, Position.builder().side(side).entryPrice(60_000).quantity(q).leverage(20).build()).liquidationPrice();
    }
}
