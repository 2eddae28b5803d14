package io.liqlab.core.reconcile;

import io.liqlab.TestProfiles;
import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;
import io.liqlab.core.reconcile.Candidate.Unknown;
import io.liqlab.profile.VenueProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A planted cause (margin, tier, fee, the other positions' maintenance) is recovered and ranked first. */
class ReconcilerTest {

    private final LiquidationEngine engine = new LiquidationEngine();
    private final Reconciler reconciler = new Reconciler(engine);

    private static Position.Builder isolated(Side side, double margin) {
        return Position.builder().side(side).mode(MarginMode.ISOLATED).entryPrice(60_000).quantity(1).margin(margin);
    }

    @Test
    void plantedMarginIsRecoveredToTheCentAndRanksFirst() {
        for (Side side : Side.values()) {
            VenueRules rules = TestProfiles.get("binance-usdm-btc").rules();
            double shown = engine.calculate(rules, isolated(side, 1_234.56).build()).liquidationPrice();
            Reconciliation r = reconciler.reconcile(rules, isolated(side, 1_000).build(), shown, "binance-usdm", Double.NaN);
            Candidate best = r.best();
            assertEquals(Unknown.MARGIN, best.unknown(), side + ": " + r.ranked());
            assertEquals(1_234.56, best.needed(), 0.005, side.toString());
            assertEquals(1_000, best.current());
            assertTrue(r.mostLikely().contains("1,234.56") && r.mostLikely().contains("1,000"), r.mostLikely());
        }
    }

    @Test
    void plantedStaleTierIsFoundAndRanksFirst() {
        VenueRules rules = TestProfiles.get("binance-usdm-btc").rules();
        Tier third = rules.tiers().tier(2);
        // the exchange charged tier 3's rate and amount (a table that moved on): plant it as a one-tier schedule
        VenueRules exchange = rules.withTiers(TierSchedule.single(rules.tiers().basis(), third.maintenanceMarginRate(),
                third.maintenanceAmount(), third.maxLeverage()));
        Position p = isolated(Side.LONG, 3_000).build();
        double shown = engine.calculate(exchange, p).liquidationPrice();
        Reconciliation r = reconciler.reconcile(rules, p, shown, "binance-usdm", Double.NaN);
        assertEquals(Unknown.TIER, r.best().unknown(), r.ranked().toString());
        assertEquals(3, (int) r.best().needed());
        assertEquals(1, (int) r.best().current());
    }

    @Test
    void plantedFeeInTheTriggerIsRecoveredAndRanksFirst() {
        VenueProfile okx = TestProfiles.get("okx-swap-btc");
        RuleFamily.FeeInTrigger f = (RuleFamily.FeeInTrigger) okx.rules().family();
        VenueRules rules = okx.rules();
        VenueRules exchange = new VenueRules(new RuleFamily.FeeInTrigger(f.takerFee() + 0.0003, f.contractValue()), rules.tiers(),
                rules.liquidationFeeRate(), rules.partialLiquidation(), rules.backstop(), rules.adl(), rules.contract());
        Position p = isolated(Side.SHORT, 2_000).build();
        double shown = engine.calculate(exchange, p).liquidationPrice();
        Reconciliation r = reconciler.reconcile(rules, p, shown, "", Double.NaN);
        assertEquals(Unknown.FEE, r.best().unknown(), r.ranked().toString());
        assertEquals(0.0003, r.best().needed(), 1e-9);
    }

    @Test
    void plantedOtherMaintenanceInCrossIsRecovered() {
        VenueRules rules = TestProfiles.get("binance-usdm-btc").rules();
        Position.Builder b = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(60_000).quantity(1).leverage(20).wallet(5_000);
        double shown = engine.calculate(rules, b.otherMaintenance(750).build()).liquidationPrice();
        Reconciliation r = reconciler.reconcile(rules, b.otherMaintenance(0).build(), shown, "binance-usdm", Double.NaN);
        Candidate om = r.ranked().stream().filter(c -> c.unknown() == Unknown.OTHER_MAINTENANCE).findFirst().orElseThrow();
        assertEquals(750, om.needed(), 0.005);
        assertTrue(om.plausible());
        Candidate wallet = r.ranked().stream().filter(c -> c.unknown() == Unknown.WALLET).findFirst().orElseThrow();
        assertEquals(4_250, wallet.needed(), 0.005, "a wallet 750 lower is the same equity");
    }

    @Test
    void theVenuesOwnDisplayOfTheExactFigureIsReadAsRoundingOnly() {
        VenueRules rules = TestProfiles.get("okx-swap-btc").rules();
        Position p = isolated(Side.LONG, 1_000).build();
        double exact = engine.calculate(rules, p).liquidationPrice();
        double okxShows = VenueDisplay.shown(VenueDisplay.Rule.ONE_TICK_PAST, exact, Side.LONG, 0.1);
        Reconciliation r = reconciler.reconcile(rules, p, okxShows, "okx-swap", 0.1);
        assertEquals(Unknown.DISPLAY, r.best().unknown(), r.ranked().toString());
        assertTrue(r.mostLikely().contains("display rounding"), r.mostLikely());
        // one tick further is not rounding
        Reconciliation off = reconciler.reconcile(rules, p, okxShows + 0.1 * 20, "okx-swap", 0.1);
        assertFalse(off.ranked().getFirst().unknown() == Unknown.DISPLAY && off.ranked().getFirst().plausible());
    }

    @Test
    void badShownPriceNamesTheField() {
        VenueRules rules = TestProfiles.get("binance-usdm-btc").rules();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reconciler.reconcile(rules, isolated(Side.LONG, 1_000).build(), 61_000, "", Double.NaN));
        assertEquals("shown", e.field());
        assertEquals("tick", assertThrows(InvalidInputException.class,
                () -> reconciler.reconcile(rules, isolated(Side.LONG, 1_000).build(), 55_000, "", -1)).field());
    }
}
