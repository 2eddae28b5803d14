package io.liqlab.core;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every official worked example of LIQUIDATION.md section 6, to the cent, through the engine. */
class OfficialExamplesTest {

    private final LiquidationEngine engine = new LiquidationEngine();

    private static VenueRules rules(String id) {
        return TestProfiles.get(id).rules();
    }

    /** Rounds to the cent, as the venues publish. */
    private static void assertCents(double expected, double actual) {
        assertEquals(expected, Math.round(actual * 100) / 100.0, 1e-9, () -> "expected " + expected + " to the cent, got " + actual);
    }

    // ---- textbook (GTE Research explainer) ----

    @Test
    void textbookLongAt25xLiquidatesAt57900() {
        LiquidationResult r = engine.calculate(rules("textbook"), Position.builder().side(Side.LONG)
                .entryPrice(60_000).notional(12_500).leverage(25).build());
        assertCents(57_900, r.liquidationPrice());
        assertEquals(500, r.margin(), 1e-9);
    }

    @Test
    void textbookLongAt50xLiquidatesAt59100() {
        assertCents(59_100, engine.calculate(rules("textbook"), Position.builder().side(Side.LONG)
                .entryPrice(60_000).notional(12_500).leverage(50).build()).liquidationPrice());
    }

    @ParameterizedTest(name = "{0}x: distance {1}%")
    @CsvSource({"10, 9.5", "25, 3.5", "50, 1.5"})
    void textbookDistancesAreOneOverLeverageMinusMmr(double leverage, double distance) {
        LiquidationResult r = engine.calculate(rules("textbook"), Position.builder().side(Side.LONG)
                .entryPrice(60_000).notional(12_500).leverage(leverage).build());
        assertEquals(distance, r.distancePercent(), 1e-9);
    }

    @Test
    void exactMaintenanceAtLiquidationGives57889Point4ForTheArticlesCase() {
        VenueRules exact = rules("textbook").withTiers(rules("textbook").tiers());
        VenueRules atL = new VenueRules(new RuleFamily.MaintenanceAtLiquidationNotional(), exact.tiers(), 0,
                exact.partialLiquidation(), null, exact.adl());
        double l = engine.calculate(atL, Position.builder().side(Side.LONG).entryPrice(60_000).notional(12_500).leverage(25).build())
                .liquidationPrice();
        assertEquals(57_889.4, Math.round(l * 10) / 10.0, 1e-9);
    }

    // ---- Binance FAQ: one wallet, ETHUSDT and BTCUSDT longs ----

    private static final double WB = 1_535_443.01;
    private static final double ETH_Q = 3_683.979;
    private static final double ETH_E = 1_456.84;
    private static final double ETH_MARK = 1_335.18;
    private static final double BTC_Q = 109.488;
    private static final double BTC_E = 32_481.98;
    private static final double BTC_MARK = 31_967.27;

    @Test
    void binanceCrossEthLiquidatesAt1153Point26() {
        // TMM1 and UPNL1 are the BTC position's, as the FAQ states them.
        double tmm1 = BTC_Q * BTC_MARK * 0.025 - 16_300;
        double upnl1 = BTC_Q * (BTC_MARK - BTC_E);
        assertEquals(71_200.81144, tmm1, 1e-5);
        assertEquals(-56_354.57, upnl1, 0.01);
        LiquidationResult r = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG).mode(MarginMode.CROSS)
                .entryPrice(ETH_E).quantity(ETH_Q).wallet(WB).otherMaintenance(tmm1).otherUnrealizedPnl(upnl1)
                .maintenanceOverride(0.10, 135_365).build());
        assertCents(1_153.26, r.liquidationPrice());
    }

    @Test
    void binanceCrossBtcLiquidatesAt26316Point89() {
        double tmm1 = ETH_Q * ETH_MARK * 0.10 - 135_365;
        double upnl1 = ETH_Q * (ETH_MARK - ETH_E);
        LiquidationResult r = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG).mode(MarginMode.CROSS)
                .entryPrice(BTC_E).quantity(BTC_Q).wallet(WB).otherMaintenance(tmm1).otherUnrealizedPnl(upnl1)
                .maintenanceOverride(0.025, 16_300).build());
        assertCents(26_316.89, r.liquidationPrice());
    }

    @Test
    void binanceIsolatedEthLiquidatesAt1114Point78() {
        assertCents(1_114.78, engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG)
                .entryPrice(ETH_E).quantity(ETH_Q).margin(WB).maintenanceOverride(0.10, 135_365).build()).liquidationPrice());
    }

    @Test
    void binanceIsolatedBtcLiquidatesAt18778Point73() {
        assertCents(18_778.73, engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG)
                .entryPrice(BTC_E).quantity(BTC_Q).margin(WB).maintenanceOverride(0.025, 16_300).build()).liquidationPrice());
    }

    @Test
    void binanceIsolatedBtcWithTheProfilesOwnBracketsAgreesWithTheGivenBracket() {
        // 109.488 BTC at 18,778.73 is 2.06M notional: bracket 3 (0.65%, 950), not the FAQ's 2.5% bracket of its day.
        LiquidationResult r = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG)
                .entryPrice(BTC_E).quantity(BTC_Q).margin(WB).build());
        assertEquals(3, r.tierAtLiquidation().number());
        assertEquals(4, r.tierAtEntry().number());
        assertTrue(r.tierChanges());
    }

    // ---- Bybit help centre ----
    // The help centre's examples state mmr 0.5%, tier 1's rate when they were written; today's tier 1 (up to 300,000
    // USDT, recorded 2026-09-25) charges 0.33%, so the examples give their rate as the override they are.

    private static final double BYBIT_EXAMPLE_MMR = 0.005;

    @Test
    void bybitLong1BtcAt20000With50xLiquidatesAt19700() {
        assertCents(19_700, engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.LONG)
                .entryPrice(20_000).quantity(1).leverage(50).maintenanceOverride(BYBIT_EXAMPLE_MMR, 0).build()).liquidationPrice());
    }

    @Test
    void bybitShortWith3000AddedMarginLiquidatesAt23300() {
        assertCents(23_300, engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.SHORT)
                .entryPrice(20_000).quantity(1).leverage(50).extraMargin(3_000).maintenanceOverride(BYBIT_EXAMPLE_MMR, 0).build())
                .liquidationPrice());
        assertCents(23_300, engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.SHORT)
                .entryPrice(20_000).quantity(1).margin(3_400).maintenanceOverride(BYBIT_EXAMPLE_MMR, 0).build()).liquidationPrice());
    }

    @Test
    void bybitLongAfter200FundingLiquidatesAt19900() {
        assertCents(19_900, engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.LONG)
                .entryPrice(20_000).quantity(1).leverage(50).fundingPaid(200).maintenanceOverride(BYBIT_EXAMPLE_MMR, 0).build())
                .liquidationPrice());
    }

    @Test
    void bybitExampleUnderTodaysFirstTierLiquidatesAt19666() {
        // Same position, the shipped table: 20,000 of entry value is in tier 1 (mmr 0.33%): 20,000 x (1 - 2% + 0.33%).
        LiquidationResult r = engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.LONG)
                .entryPrice(20_000).quantity(1).leverage(50).build());
        assertEquals(1, r.tierAtEntry().number());
        assertCents(19_666, r.liquidationPrice());
    }

    @Test
    void bybitBankruptcyOfLong1BtcAt10000With50xIs9800() {
        assertCents(9_800, engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.LONG)
                .entryPrice(10_000).quantity(1).leverage(50).build()).bankruptcyPrice());
    }

    // ---- dYdX documentation ----

    @Test
    void dydxIsolatedShort3EthLiquidatesAt3174Point60() {
        assertCents(3_174.60, engine.calculate(rules("dydx-v4-btc"), Position.builder().side(Side.SHORT)
                .entryPrice(3_000).quantity(3).margin(1_000).maintenanceOverride(0.05, 0).build()).liquidationPrice());
    }

    @Test
    void dydxCrossShortWithStrkLiquidatesAt3380Point95() {
        double strkMaintenance = 1_000 * 1.75 * 0.10;
        assertEquals(175, strkMaintenance, 1e-9);
        assertCents(3_380.95, engine.calculate(rules("dydx-v4-btc"), Position.builder().side(Side.SHORT).mode(MarginMode.CROSS)
                .entryPrice(3_000).quantity(1.5).wallet(1_000).otherMaintenance(strkMaintenance).otherUnrealizedPnl(0)
                .maintenanceOverride(0.05, 0).build()).liquidationPrice());
    }

    @Test
    void dydxDeleveragingExampleHasBankruptcyPrice1Point2() {
        assertEquals(1.2, engine.calculate(rules("dydx-v4-btc"), Position.builder().side(Side.SHORT)
                .entryPrice(1).quantity(500).margin(100).build()).bankruptcyPrice(), 1e-12);
    }

    // ---- OKX tier rule and the maintenance-amount rule ----

    @Test
    void okxRecordedTier3EndsAt20000ContractsWith0Point75PercentMmrAnd50x() {
        // The 2019 rule (tier n up to 2,000 + (n-1) x 10,000 contracts) is superseded by the table recorded 2026-05-28.
        TierSchedule tiers = rules("okx-swap-btc").tiers();
        Tier tier3 = tiers.tier(2);
        assertEquals(3, tier3.number());
        assertEquals(20_000, tier3.cap());
        assertEquals(0.0075, tier3.maintenanceMarginRate());
        assertEquals(0.02, tier3.initialMarginRate());
        assertEquals(50, tier3.maxLeverage());
        // 20,000 contracts of 0.01 BTC = 200 BTC: still tier 3 (cap-inclusive); a fraction more is tier 4.
        VenueRules okx = rules("okx-swap-btc");
        assertEquals(3, engine.calculate(okx, Position.builder().side(Side.LONG).entryPrice(60_000).quantity(200).leverage(10).build())
                .tierAtEntry().number());
        assertEquals(4, engine.calculate(okx, Position.builder().side(Side.LONG).entryPrice(60_000).quantity(200.001).leverage(10).build())
                .tierAtEntry().number());
    }

    @Test
    void coinMLevel5AmountIs1Point81Btc() {
        assertEquals(1.81, TierSchedule.continuityAmount(0.56, 50, 0.05, 0.025), 1e-12);
    }

    @Test
    void shippedAmountsFollowTheContinuityRule() {
        for (String id : List.of("binance-usdm-btc", "hyperliquid-btc", "bybit-linear-btc")) {
            TierSchedule tiers = rules(id).tiers();
            double previousAmount = 0;
            double previousRate = 0;
            for (int i = 0; i < tiers.size(); i++) {
                Tier t = tiers.tier(i);
                double expected = i == 0 ? 0 : TierSchedule.continuityAmount(previousAmount, t.floor(), t.maintenanceMarginRate(), previousRate);
                assertEquals(expected, t.maintenanceAmount(), 1e-6, id + " tier " + t.number());
                previousAmount = t.maintenanceAmount();
                previousRate = t.maintenanceMarginRate();
            }
        }
    }

    // ---- "no such price" ----

    @Test
    void binanceOneXLongHasNoLiquidationPrice() {
        LiquidationResult r = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG)
                .entryPrice(60_000).quantity(1).leverage(1).build());
        assertFalse(r.hasLiquidationPrice());
        assertTrue(r.outcome() instanceof Outcome.NeverLiquidated);
        assertTrue(Double.isNaN(r.distancePercent()));
        assertNull(r.tierAtLiquidation());
        assertNull(r.firstLiquidation());
        assertTrue(Double.isNaN(r.bankruptcyPrice()), "margin = notional: bankruptcy at zero is no price");
    }

    @Test
    void textbookOneXLongStillLiquidatesAtEntryTimesMmr() {
        LiquidationResult r = engine.calculate(rules("textbook"), Position.builder().side(Side.LONG)
                .entryPrice(60_000).quantity(1).leverage(1).build());
        assertCents(300, r.liquidationPrice());
        assertEquals(1, r.tierAtLiquidation().number());
    }
}
