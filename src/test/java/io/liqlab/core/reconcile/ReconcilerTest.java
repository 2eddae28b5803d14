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
        // the TOTAL fee kept in the trigger: OKX's own taker fee (which LiqLab already keeps) plus the planted 0.03 %
        assertEquals(f.takerFee() + 0.0003, r.best().needed(), 1e-9);
        assertEquals(f.takerFee(), r.best().current(), 0, "LiqLab keeps the profile's taker fee, not 0");
    }

    /** Session finding: on OKX the fee candidate said "LiqLab used 0%" although the profile keeps 0.05 % in the trigger. */
    @Test
    void okxFeeCandidateReadsTheProfilesFeeAsWhatLiqLabUsed() {
        VenueProfile okx = TestProfiles.get("okx-swap-btc");
        double fee = ((RuleFamily.FeeInTrigger) okx.rules().family()).takerFee();
        assertTrue(fee > 0, "the OKX profile keeps a taker fee in the trigger");
        Position p = isolated(Side.LONG, 1_000).build();
        Reconciliation r = reconciler.reconcile(okx.rules(), p, 59_100, "okx-swap", 0.1);
        Candidate c = r.ranked().stream().filter(x -> x.unknown() == Unknown.FEE).findFirst().orElseThrow();
        assertEquals(fee, c.current(), 0);
        assertTrue(c.why().contains("LiqLab keeps the profile's " + io.liqlab.core.Numbers.percentOf(fee)), c.why());
        // LiqLab's own figure needs exactly the fee LiqLab keeps (it said 0 % against 0.05 % before)
        double own = engine.calculate(okx.rules(), p).liquidationPrice();
        Candidate same = reconciler.reconcile(okx.rules(), p, own, "", Double.NaN).ranked().stream()
                .filter(x -> x.unknown() == Unknown.FEE).findFirst().orElseThrow();
        assertEquals(fee, same.needed(), 1e-9);
    }

    /**
     * The recorded Hyperliquid account (clearinghouseState): LiqLab 76,380.15 follows Hyperliquid's documented cross
     * rule (liq = mark - s * (accountValue - maintenance) / size / (1 - s * mmr), mmr = 1 / (2 x 40)), the exchange
     * sent 74,501.80. That price lies below the account's own bankruptcy price (accountValue / size below the mark:
     * 83,926 - 38,252.7 / 4.5 = 75,425.40), where equity is negative, so no maintenance rate, tier or fee can give it:
     * the reconciler says the exchange counts about 8,347 USDC more collateral than accountValue.
     */
    @Test
    void hyperliquidsRecordedLiquidationPriceLiesBeyondBankruptcyAndOnlyCollateralExplainsIt() {
        VenueRules rules = TestProfiles.get("hyperliquid-btc").rules();
        double mark = 377_667.0 / 4.5;
        double wallet = 38_252.7 - 4.5 * (mark - 81_285);
        Position p = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(81_285).markPrice(mark).quantity(4.5).leverage(10)
                .wallet(wallet).build();
        Reconciliation r = reconciler.reconcile(rules, p, 74_501.802790436, "hyperliquid", Double.NaN);
        assertEquals(339_414.3 / 4.44375, r.exactPrice(), 1e-6, "the documented formula");
        assertEquals(mark - 38_252.7 / 4.5, r.exact().bankruptcyPrice(), 1e-6);
        Candidate best = r.best();
        assertEquals(Unknown.WALLET, best.unknown(), r.ranked().toString());
        assertEquals(8_346.9, best.needed() - best.current(), 1.0);
        assertTrue(r.mostLikely().contains("beyond the bankruptcy price 75,425.40"), r.mostLikely());
        Candidate tier = r.ranked().stream().filter(c -> c.unknown() == Unknown.TIER).findFirst().orElseThrow();
        assertFalse(tier.plausible());
        Step check = r.steps().stream().filter(st -> st.kind() == Step.Kind.BANKRUPTCY_CHECK).findFirst().orElseThrow();
        assertTrue(check.text().contains("beyond it"), check.text());
    }

    @Test
    void stepsTraceEachUnknownInTheOrderSolvedWithItsPlausibility() {
        VenueRules rules = TestProfiles.get("binance-usdm-btc").rules();
        double shown = engine.calculate(rules, isolated(Side.LONG, 1_234.56).build()).liquidationPrice();
        Reconciliation r = reconciler.reconcile(rules, isolated(Side.LONG, 1_000).build(), shown, "binance-usdm", Double.NaN);
        java.util.List<Step> steps = r.steps();
        assertEquals(Step.Kind.START, steps.getFirst().kind());
        assertTrue(steps.getFirst().text().contains(io.liqlab.core.Numbers.price(r.exactPrice())), steps.getFirst().text());
        assertEquals(Step.Kind.BANKRUPTCY_CHECK, steps.get(1).kind());
        assertEquals(Step.Kind.CONCLUSION, steps.getLast().kind());
        assertEquals(r.mostLikely(), steps.getLast().text());
        java.util.List<Unknown> solved = steps.stream().filter(st -> st.kind() == Step.Kind.SOLVE).map(Step::unknown).toList();
        assertEquals(java.util.List.of(Unknown.DISPLAY, Unknown.MARGIN, Unknown.TIER, Unknown.FEE), solved, "the order they are solved in");
        Step margin = steps.stream().filter(st -> st.unknown() == Unknown.MARGIN).findFirst().orElseThrow();
        assertEquals(Step.Plausibility.MEDIUM, margin.plausibility());
        assertEquals(1_234.56, margin.value(), 0.005);
        Step display = steps.stream().filter(st -> st.unknown() == Unknown.DISPLAY).findFirst().orElseThrow();
        assertEquals(Step.Plausibility.LOW, display.plausibility(), "rounding does not explain 236 USDT");
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
