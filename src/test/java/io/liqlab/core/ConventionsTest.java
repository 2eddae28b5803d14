package io.liqlab.core;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choices LIQUIDATION.md section 7 writes down, each as a user would check it. */
class ConventionsTest {
    private final LiquidationEngine engine = new LiquidationEngine();

    private static VenueRules rules(String id) {
        return TestProfiles.get(id).rules();
    }

    private static Position.Builder btcLong() {
        return Position.builder().side(Side.LONG).entryPrice(60_000).notional(12_500);
    }

    @Test
    void marginWinsOverLeverageAndTheEffectiveLeverageIsReported() {
        LiquidationResult r = engine.calculate(rules("textbook"), btcLong().leverage(25).margin(1_250).build());
        assertEquals(10, r.leverage(), 1e-12);
        assertEquals(1_250, r.margin(), 1e-12);
        assertEquals(60_000 * (1 - 0.1 + 0.005), r.liquidationPrice(), 1e-6);
        assertTrue(r.noteTexts().stream().anyMatch(n -> n.contains("margin wins")));
    }

    @Test
    void fundingIsSignedAndComesOutOfTheMargin() {
        double paid = engine.calculate(rules("textbook"), btcLong().leverage(25).fundingPaid(100).build()).liquidationPrice();
        double received = engine.calculate(rules("textbook"), btcLong().leverage(25).fundingPaid(-100).build()).liquidationPrice();
        double none = engine.calculate(rules("textbook"), btcLong().leverage(25).build()).liquidationPrice();
        double perDollar = 60_000 / 12_500.0; // 1/Q
        assertEquals(none + 100 * perDollar, paid, 1e-6);
        assertEquals(none - 100 * perDollar, received, 1e-6);
    }

    @Test
    void fundingRateTimesIntervalsIsPaidByALongAndReceivedByAShort() {
        // 0.01% per interval on 12,500 notional at the mark, 10 intervals: 12.50.
        LiquidationResult lg = engine.calculate(rules("textbook"), btcLong().leverage(25).fundingRate(0.0001, 10).build());
        assertEquals(12.5, lg.position().fundingPaid(), 1e-9);
        LiquidationResult sh = engine.calculate(rules("textbook"), Position.builder().side(Side.SHORT).entryPrice(60_000)
                .notional(12_500).leverage(25).fundingRate(0.0001, 10).build());
        assertEquals(-12.5, sh.position().fundingPaid(), 1e-9);
    }

    @Test
    void fundingInCrossModeAlsoComesOutOfTheMargin() {
        Position.Builder b = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(60_000).quantity(1).wallet(5_000);
        double none = engine.calculate(rules("binance-usdm-btc"), b.build()).liquidationPrice();
        double paid = engine.calculate(rules("binance-usdm-btc"), b.fundingPaid(500).build()).liquidationPrice();
        assertTrue(paid > none);
    }

    @Test
    void crossBankruptcyUsesWalletAndOtherPnlWithoutMaintenance() {
        LiquidationResult r = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG).mode(MarginMode.CROSS)
                .entryPrice(60_000).quantity(1).wallet(10_000).otherUnrealizedPnl(-2_000).otherMaintenance(1_500).build());
        assertEquals(60_000 - 8_000, r.bankruptcyPrice(), 1e-9);
        assertEquals(10_000 - 2_000 - 1_500, r.margin(), 1e-9);
    }

    @Test
    void crossBackstopKeepsTheShareOfOtherMaintenance() {
        // Hyperliquid: equity = 2/3 MM with margin wallet + UPNL_other - 2/3 MM_other.
        VenueRules hl = rules("hyperliquid-btc");
        double q = 1;
        double e = 60_000;
        double wallet = 6_000;
        double otherMm = 900;
        LiquidationResult r = engine.calculate(hl, Position.builder().side(Side.LONG).mode(MarginMode.CROSS)
                .entryPrice(e).quantity(q).wallet(wallet).otherMaintenance(otherMm).build());
        double k = 2.0 / 3;
        double m = wallet - k * otherMm;
        assertEquals((q * e - m) / (q * (1 - k * 0.0125)), r.backstopPrice(), 1e-6);
    }

    @Test
    void gteBackstopAtOneThirdOfMaintenance() {
        LiquidationResult r = engine.calculate(rules("gte-btc"), btcLong().leverage(20).build());
        double q = 12_500 / 60_000.0;
        double m = 625;
        assertEquals((q * 60_000 - m) / (q * (1 - 0.01 / 3)), r.backstopPrice(), 1e-6);
        assertTrue(r.backstopPrice() < r.liquidationPrice() && r.backstopPrice() > r.bankruptcyPrice());
    }

    @Test
    void venuesWithoutABackstopReportNone() {
        assertTrue(Double.isNaN(engine.calculate(rules("binance-usdm-btc"), btcLong().leverage(20).build()).backstopPrice()));
    }

    @Test
    void leverageAboveTheTierMaximumIsComputedAndFlagged() {
        LiquidationResult r = engine.calculate(rules("hyperliquid-btc"), btcLong().leverage(60).build());
        assertFalse(r.leverageAllowed());
        assertEquals(40, r.maxLeverage());
        assertTrue(r.hasLiquidationPrice());
        assertTrue(r.noteTexts().stream().anyMatch(n -> n.contains("above the venue's maximum")));
    }

    @Test
    void equityAtOrBelowMaintenanceAtEntryIsLiquidatableAtEntryNotAPriceBeyondIt() {
        // Textbook at 250x: margin 0.4% of notional, maintenance 0.5%.
        LiquidationResult r = engine.calculate(rules("textbook"), btcLong().leverage(250).build());
        assertTrue(r.outcome() instanceof Outcome.LiquidatableAtEntry);
        assertTrue(Double.isNaN(r.liquidationPrice()));
        assertTrue(Double.isNaN(r.distancePercent()));
        // Exactly at 200x equity equals maintenance at entry: also liquidatable at entry.
        assertTrue(engine.calculate(rules("textbook"), btcLong().leverage(200).build()).outcome() instanceof Outcome.LiquidatableAtEntry);
    }

    @Test
    void bankruptcyAtOrBelowZeroIsNone() {
        LiquidationResult r = engine.calculate(rules("textbook"), btcLong().margin(20_000).build());
        assertTrue(Double.isNaN(r.bankruptcyPrice()));
    }

    @Test
    void tierAtLiquidationIsNullWithoutAPriceWhereItDependsOnPriceAndReportedWhereItDoesNot() {
        Position oneX = Position.builder().side(Side.LONG).entryPrice(60_000).quantity(1).leverage(1).build();
        assertNull(engine.calculate(rules("hyperliquid-btc"), oneX).tierAtLiquidation());
        Position okxOneX = Position.builder().side(Side.LONG).entryPrice(60_000).quantity(1).margin(61_000).build();
        LiquidationResult okx = engine.calculate(rules("okx-swap-btc"), okxOneX);
        assertFalse(okx.hasLiquidationPrice());
        assertNotNull(okx.tierAtLiquidation());
        assertEquals(1, okx.tierAtLiquidation().number());
    }

    @Test
    void okxCrossIsLabelledAnEstimateAndBybitsPublishedClassicCrossIsNot() {
        Position cross = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(60_000).quantity(1).wallet(3_000).build();
        assertTrue(engine.calculate(rules("okx-swap-btc"), cross).estimate());
        assertFalse(engine.calculate(rules("bybit-linear-btc"), cross).estimate());
        assertFalse(engine.calculate(rules("binance-usdm-btc"), cross).estimate());
    }

    @Test
    void bybitCrossFollowsItsPublishedClassicMethodOnTheEntryValue() {
        // Issue 18 replaced the old solve at the liquidation price (19,600 / 0.9967 = 19,664.89) with Bybit's published
        // classic cross method (help centre 'Liquidation Price (USDT Contract)', cross margin mode,
        // https://help.bybit.com/hc/en-us/articles/900000181046-Liquidation-Price-USDT-Contract-):
        //   L = E - (available balance + IM - MM) / Q, with IM and MM on the ENTRY value.
        // 1 BTC long at 20,000, wallet 400, no other positions: available balance + IM = wallet = 400; 20,000 of
        // entry value is tier 1 (mmr 0.33%): MM = 20,000 x 0.33% = 66; L = 20,000 - (400 - 66) / 1 = 19,666.
        Position cross = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(20_000).quantity(1).wallet(400).build();
        LiquidationResult r = engine.calculate(rules("bybit-linear-btc"), cross);
        assertEquals(0.0033, rules("bybit-linear-btc").tiers().tierAt(20_000).maintenanceMarginRate(), 1e-12);
        assertEquals(20_000 - (400 - 20_000 * 0.0033), r.liquidationPrice(), 1e-9);
        assertEquals(19_666, r.liquidationPrice(), 1e-9);
        // With the other positions' locked margin and PnL given explicitly: M = 400 + (-50) - 30 = 320.
        Position others = Position.builder().side(Side.SHORT).mode(MarginMode.CROSS).entryPrice(20_000).quantity(1).wallet(400)
                .otherMaintenance(30).otherUnrealizedPnl(-50).build();
        assertEquals(20_000 + (320 - 66), engine.calculate(rules("bybit-linear-btc"), others).liquidationPrice(), 1e-9);
    }

    @Test
    void okxFeeIsInsideTheTrigger() {
        LiquidationResult r = engine.calculate(rules("okx-swap-btc"), Position.builder().side(Side.LONG).entryPrice(60_000).quantity(1).leverage(50).build());
        assertEquals((60_000 - 1_200) / (1 - 0.0045), r.liquidationPrice(), 1e-6); // tier 1: 0.4% + 0.05%
        assertEquals(0.0005, r.feeInTrigger());
    }

    @Test
    void dydxMaxLeverageIsOneOverTheOpenInterestScaledImf() {
        LiquidationResult r = engine.calculate(rules("dydx-v4-btc"), btcLong().leverage(10).openInterest(1e9).build());
        assertEquals(50, r.maxLeverage(), 1e-9); // Large-Cap: scaling disabled
        RuleFamily.FixedMaintenanceFraction tier1 = new RuleFamily.FixedMaintenanceFraction(20e6, 50e6);
        assertEquals(0.02 + 0.5 * 0.98, tier1.effectiveInitialMarginFraction(0.02, 35e6), 1e-12);
        assertEquals(1, tier1.effectiveInitialMarginFraction(0.02, 80e6), 1e-12);
        assertEquals(0.02, tier1.effectiveInitialMarginFraction(0.02, 10e6), 1e-12);
    }

    @Test
    void markBeyondTheLiquidationPriceMeansLiquidatableNow() {
        LiquidationResult r = engine.calculate(rules("textbook"), btcLong().leverage(25).markPrice(57_000).build());
        assertEquals(Math.abs(57_000 - 57_900) / 57_000.0 * 100, r.distancePercent(), 1e-9, "|P - L| / P");
        assertTrue(r.liquidatableNow());
        assertTrue(r.noteTexts().stream().anyMatch(n -> n.contains("liquidatable now")));
    }

    @Test
    void firstLiquidationFollowsTheVenuesPartialRule() {
        // Hyperliquid: 20% with a 30 s cooldown above 100k notional at liquidation, whole below.
        FirstLiquidation big = engine.calculate(rules("hyperliquid-btc"), Position.builder().side(Side.LONG).entryPrice(60_000)
                .notional(1_000_000).leverage(20).build()).firstLiquidation();
        assertEquals("partial", big.type());
        assertEquals(0.2, big.fraction());
        assertEquals(30, big.cooldownSeconds());
        assertEquals("whole", engine.calculate(rules("hyperliquid-btc"), btcLong().leverage(20).build()).firstLiquidation().type());
        // GTE: from 20k at liquidation, inclusive.
        assertEquals("partial", engine.calculate(rules("gte-btc"), Position.builder().side(Side.SHORT).entryPrice(60_000)
                .notional(20_000).leverage(10).build()).firstLiquidation().type());
        // OKX: tier 3+ steps down two tiers: 150 BTC = 15,000 contracts (tier 3) keeps 1,000 contracts (tier 1's cap).
        FirstLiquidation okx = engine.calculate(rules("okx-swap-btc"), Position.builder().side(Side.LONG).entryPrice(60_000)
                .quantity(150).leverage(20).build()).firstLiquidation();
        assertEquals(140, okx.quantity(), 1e-9);
        // Binance: one IOC order first.
        assertEquals("ioc-order", engine.calculate(rules("binance-usdm-btc"), btcLong().leverage(20).build()).firstLiquidation().type());
    }

    @Test
    void openingFeeComesOutOfTheMargin() {
        double none = engine.calculate(rules("textbook"), btcLong().leverage(25).build()).liquidationPrice();
        double fee = engine.calculate(rules("textbook"), btcLong().leverage(25).openingFee(6.25).build()).liquidationPrice();
        assertEquals(none + 6.25 * 60_000 / 12_500, fee, 1e-6);
    }

    @Test
    void aValueJustAboveACapIsInTheNextTier() {
        // A tier covers floor < x <= cap: a few millionths of a dollar above a cap is beyond it, not rounding noise.
        LiquidationResult okx = engine.calculate(rules("okx-swap-btc"), Position.builder().side(Side.LONG).entryPrice(60_000)
                .quantity(10.000000015).leverage(20).build()); // 1,000.0000015 contracts, tier 1's cap is 1,000
        assertEquals(2, okx.tierAtEntry().number());
        assertEquals(57_315.23, Math.round(okx.liquidationPrice() * 100) / 100.0, 1e-9); // 57,000 / (1 - 0.5% - 0.05%)
        LiquidationResult binance = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG).entryPrice(1)
                .quantity(300_000.00004).leverage(120).build());
        assertEquals(2, binance.tierAtEntry().number());
        assertEquals(100, binance.maxLeverage());
        assertFalse(binance.leverageAllowed());
        LiquidationResult last = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG).entryPrice(1)
                .quantity(1_200_000_001).leverage(1.5).build());
        assertEquals(1, last.maxLeverage());
        assertFalse(last.leverageAllowed());
    }

    @Test
    void bybitStepsDownFromItsTierByEntryValue() {
        // Bybit picks the tier by entry value Q*E (LIQUIDATION.md section 7), at liquidation as at entry.
        FirstLiquidation onTier1 = engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.SHORT).entryPrice(60_000)
                .notional(300_000).leverage(20).build()).firstLiquidation();
        assertEquals("whole", onTier1.type(), onTier1.description());
        LiquidationResult tier2 = engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.LONG).entryPrice(60_000)
                .notional(340_000).leverage(20).build());
        assertEquals(2, tier2.tierAtEntry().number());
        assertEquals("partial", tier2.firstLiquidation().type(), tier2.firstLiquidation().description());
        // It keeps what tier 1 allows at the entry price: 300,000 / 60,000 units.
        assertEquals(340_000 / 60_000.0 - 300_000 / 60_000.0, tier2.firstLiquidation().quantity(), 1e-9);
    }

    @Test
    void aNotionalOnTheLastCapIsNotBeyondIt() {
        LiquidationResult r = engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.LONG).entryPrice(60_000)
                .notional(14_000_000).leverage(20).build());
        assertTrue(r.notes().stream().noneMatch(n -> n instanceof Note.BeyondLastTier), r.notes().toString());
    }

    @Test
    void addedMarginWithLeverageIsNotAMarginThatWins() {
        LiquidationResult r = engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.SHORT).entryPrice(20_000)
                .quantity(1).leverage(50).extraMargin(3_000).build());
        assertEquals(23_334, r.liquidationPrice(), 1e-6); // tier 1, mmr 0.33%: 20,000 x (1 + 2% + 15% - 0.33%)
        assertTrue(r.notes().stream().noneMatch(n -> n instanceof Note.MarginWinsOverLeverage), r.notes().toString());
    }

    @Test
    void aMarginIsTheTotalSoAddedMarginCannotComeOnTop() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> Position.builder().side(Side.SHORT).entryPrice(20_000).quantity(1).margin(3_400).extraMargin(3_000).build());
        assertEquals("extraMargin", e.field());
    }

    @Test
    void aNotionalOnATierCapIsInThatTierDespiteRounding() {
        // 300,000 / 73,468.8 * 73,468.8 is 300000.00000000006: still Bybit's tier 1 (cap-inclusive).
        assertTrue(300_000 / 73_468.8 * 73_468.8 > 300_000);
        LiquidationResult r = engine.calculate(rules("bybit-linear-btc"), Position.builder().side(Side.LONG).entryPrice(73_468.8)
                .notional(300_000).leverage(60).build());
        assertEquals(1, r.tierAtEntry().number());
        assertEquals(150, r.maxLeverage());
        assertTrue(r.leverageAllowed());
        LiquidationResult b = engine.calculate(rules("binance-usdm-btc"), Position.builder().side(Side.LONG).entryPrice(45_678.9)
                .notional(300_000).leverage(125).build());
        assertEquals(1, b.tierAtEntry().number());
        assertTrue(b.leverageAllowed());
    }

    @Test
    void crossWithoutMarginHasNoLeverageAndIsNotAllowed() {
        LiquidationResult r = engine.calculate(rules("hyperliquid-btc"), Position.builder().side(Side.LONG).mode(MarginMode.CROSS)
                .entryPrice(60_000).quantity(1).wallet(100).otherMaintenance(200).build());
        assertTrue(Double.isInfinite(r.leverage()));
        assertFalse(r.leverageAllowed());
    }
}
