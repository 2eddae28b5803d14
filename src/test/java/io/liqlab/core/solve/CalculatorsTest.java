package io.liqlab.core.solve;

import io.liqlab.TestProfiles;
import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.VenueRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each calculator's answer, fed back into the engine, gives the target to the cent, for every shipped BTC profile. */
class CalculatorsTest {

    static final String[] BTC = {"textbook", "binance-usdm-btc", "bybit-linear-btc", "okx-swap-btc", "hyperliquid-btc", "dydx-v4-btc", "gte-btc"};

    private final LiquidationEngine engine = new LiquidationEngine();
    private final Calculators calc = new Calculators(engine);

    static Stream<Arguments> profilesAndSides() {
        return Stream.of(BTC).flatMap(id -> Stream.of(Arguments.of(id, Side.LONG), Arguments.of(id, Side.SHORT)));
    }

    private static VenueRules rules(String id) {
        return TestProfiles.get(id).rules();
    }

    private static Position.Builder base(Side side) {
        return Position.builder().side(side).entryPrice(60_000).notional(250_000);
    }

    private static void assertCents(double expected, double actual, String what) {
        assertEquals(Math.round(expected * 100), Math.round(actual * 100), () -> what + ": expected " + expected + " to the cent, got " + actual);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndSides")
    void exitForRoeGivesBackTheRoeToTheCent(String id, Side side) {
        Position p = base(side).leverage(10).build();
        for (double roe : new double[] {150, 35.5, -40}) {
            Calculators.PnlAtExit a = calc.exitForRoe(rules(id), p, roe);
            double pnl = side.sign() * p.quantity() * (a.exitPrice() - p.entryPrice());
            assertCents(roe / 100 * 25_000, pnl, id + " PnL at the exit for ROE " + roe);
            assertCents(roe, calc.pnlAt(rules(id), p, a.exitPrice()).roePercent(), id + " ROE");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndSides")
    void marginForLiquidationPutsTheLiquidationThere(String id, Side side) {
        double target = side == Side.LONG ? 57_123.45 : 62_876.55;
        Position p = base(side).leverage(20).build();
        Calculators.LiquidationTarget a = calc.collateralForLiquidation(rules(id), p, target);
        LiquidationResult r = engine.calculate(rules(id), base(side).margin(a.collateral()).build());
        assertCents(target, r.liquidationPrice(), id + " liquidation at the margin " + a.collateral());
        assertEquals(a.collateral() - 12_500, a.change(), 1e-6);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndSides")
    void leverageForLiquidationPutsTheLiquidationThere(String id, Side side) {
        double target = side == Side.LONG ? 58_765.43 : 61_234.57;
        Position p = base(side).leverage(5).build();
        Calculators.LiquidationTarget a = calc.leverageForLiquidation(rules(id), p, target);
        LiquidationResult r = engine.calculate(rules(id), base(side).leverage(a.leverage()).build());
        assertCents(target, r.liquidationPrice(), id + " liquidation at " + a.leverage() + "x");
        assertTrue(r.leverageAllowed());
        assertTrue(a.leverage() > 1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndSides")
    void marginForLiquidationInCrossSolvesTheWallet(String id, Side side) {
        double target = side == Side.LONG ? 55_000 : 65_000;
        Position p = Position.builder().side(side).entryPrice(60_000).quantity(2).mode(MarginMode.CROSS).wallet(1_000)
                .otherMaintenance(400).otherUnrealizedPnl(-250).build();
        Calculators.LiquidationTarget a = calc.collateralForLiquidation(rules(id), p, target);
        LiquidationResult r = engine.calculate(rules(id), Position.builder().side(side).entryPrice(60_000).quantity(2)
                .mode(MarginMode.CROSS).wallet(a.collateral()).otherMaintenance(400).otherUnrealizedPnl(-250).build());
        assertCents(target, r.liquidationPrice(), id + " cross liquidation at the wallet " + a.collateral());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndSides")
    void maxSizeSpendsTheWalletToTheCentAndTheTierAllowsIt(String id, Side side) {
        OrderCost cost = new OrderCost(0.0005, id.startsWith("bybit"), id.startsWith("binance"));
        Calculators.MaxSize a = calc.maxSize(rules(id), side, 60_000, 60_000, 10, 20_000, cost, Double.NaN);
        assertEquals(Calculators.Limit.WALLET, a.limitedBy());
        double feeToClose = id.startsWith("bybit") ? a.notional() * (1 - side.sign() / 10.0) * 0.0005 : 0;
        double spent = a.notional() / 10 + a.notional() * 0.0005 + feeToClose;
        assertCents(20_000, spent, id + " cost of " + a.quantity());
        LiquidationResult r = engine.calculate(rules(id), Position.builder().side(side).entryPrice(60_000).quantity(a.quantity()).leverage(10).build());
        assertTrue(r.leverageAllowed(), id);
    }

    @Test
    void maxSizeAtALeverageStopsAtTheLastTierThatAllowsIt() {
        // Binance BTC: tier 1 to 300,000 at 150x, tier 2 to 800,000 at 100x, tier 3 at 75x.
        Calculators.MaxSize a = calc.maxSize(rules("binance-usdm-btc"), Side.LONG, 60_000, 60_000, 100, 1e9, OrderCost.MARGIN_ONLY, Double.NaN);
        assertEquals(Calculators.Limit.TIER, a.limitedBy());
        assertEquals(800_000, a.notional(), 1e-3);
        assertEquals(2, a.tier().number());
        assertTrue(a.result().leverageAllowed());
        LiquidationResult beyond = engine.calculate(rules("binance-usdm-btc"),
                Position.builder().side(Side.LONG).entryPrice(60_000).notional(800_001).leverage(100).build());
        assertFalse(beyond.leverageAllowed(), "a dollar more is tier 3, 75x at most");
    }

    @Test
    void maxSizeAboveTheFirstTiersLeverageIsImpossible() {
        Impossible e = assertThrows(Impossible.class, () -> calc.maxSize(rules("hyperliquid-btc"), Side.LONG, 60_000, 60_000, 50, 1_000,
                OrderCost.MARGIN_ONLY, Double.NaN));
        assertTrue(e.reason().contains("40x"), e.reason());
    }

    @Test
    void binanceCountsTheOpenLossOfABuyAboveTheMark() {
        Calculators.MaxSize a = calc.maxSize(rules("binance-usdm-btc"), Side.LONG, 60_000, 59_000, 10, 7_000,
                new OrderCost(0, false, true), Double.NaN);
        // per BTC: 6,000 initial margin + 1,000 open loss
        assertEquals(1, a.quantity(), 1e-9);
        assertCents(1_000, a.openLoss(), "open loss");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndSides")
    void sizeForDistanceIsTheLargestSizeThatKeepsTheDistance(String id, Side side) {
        Position p = base(side).margin(5_000).build();
        Calculators.SizeForDistance a = calc.sizeForDistance(rules(id), p, 3, false);
        assertTrue(a.result().distancePercent() >= 3, id + " " + a.result().distancePercent());
        assertEquals(3, a.result().distancePercent(), 1e-6, id + ": limited by the distance, it sits on it");
        LiquidationResult bigger = engine.calculate(rules(id), Position.builder().side(side).entryPrice(60_000)
                .quantity(a.quantity() * (1 + 1e-9)).margin(5_000).build());
        assertTrue(bigger.distancePercent() < 3 || !bigger.leverageAllowed(), id + " a bigger size still keeps the distance");
    }

    @Test
    void sizeForDistanceAtALeverageCrossesIntoTheTierThatBreaksIt() {
        // Binance 20x: distance 1/20 - mmr; tier 1 (0.4%) gives 4.6%, tier 2 (0.5%, with its amount) a little less.
        Position p = base(Side.LONG).leverage(20).build();
        Calculators.SizeForDistance a = calc.sizeForDistance(rules("binance-usdm-btc"), p, 4.6, true);
        assertEquals(Calculators.Limit.DISTANCE, a.limitedBy());
        assertTrue(a.result().distancePercent() >= 4.6 - 1e-9);
        assertEquals(2, a.next().tierAtLiquidation().number(), "the next size's liquidation is in tier 2");
    }

    @Test
    void sizeForDistanceWithTooHighALeverageIsImpossible() {
        Impossible e = assertThrows(Impossible.class, () -> calc.sizeForDistance(rules("binance-usdm-btc"),
                base(Side.LONG).leverage(50).build(), 3, true));
        assertTrue(e.reason().contains("lower the leverage"), e.reason());
    }

    @Test
    void sizeForDistanceWithNoLimitSaysSo() {
        Calculators.SizeForDistance a = calc.sizeForDistance(rules("textbook"), base(Side.LONG).leverage(10).build(), 5, true);
        assertTrue(a.unbounded());
    }

    @Test
    void anRoeBeyondTheLiquidationIsImpossibleAndSaysWhere() {
        Position p = Position.builder().side(Side.LONG).entryPrice(60_000).notional(12_500).leverage(25).build();
        Impossible e = assertThrows(Impossible.class, () -> calc.exitForRoe(rules("textbook"), p, -90));
        assertTrue(e.reason().contains("57,900.00"), e.reason());
        assertTrue(e.reason().contains("-87.5%"), e.reason());
    }

    @Test
    void aLiquidationTargetOnTheWrongSideIsBadInputNamingIt() {
        Position p = base(Side.LONG).leverage(20).markPrice(59_000).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> calc.collateralForLiquidation(rules("binance-usdm-btc"), p, 59_500));
        assertEquals("liquidationPrice", e.field());
        assertTrue(e.problem().contains("below the mark"), e.problem());
        assertEquals("liquidationPrice", assertThrows(InvalidInputException.class,
                () -> calc.leverageForLiquidation(rules("binance-usdm-btc"), base(Side.SHORT).leverage(20).build(), 59_000)).field());
    }

    @Test
    void aLeverageAboveTheTiersMaximumIsImpossible() {
        Impossible e = assertThrows(Impossible.class, () -> calc.leverageForLiquidation(rules("binance-usdm-btc"),
                base(Side.LONG).leverage(10).build(), 59_900));
        assertTrue(e.reason().contains("150x"), e.reason());
    }

    @Test
    void aTargetNeedingLessThan1xIsImpossible() {
        Impossible e = assertThrows(Impossible.class, () -> calc.leverageForLiquidation(rules("bybit-linear-btc"),
                base(Side.LONG).leverage(10).build(), 100));
        assertTrue(e.reason().contains("below 1x"), e.reason());
    }

    @Test
    void leverageForLiquidationInCrossIsRefused() {
        Position p = base(Side.LONG).mode(MarginMode.CROSS).wallet(10_000).build();
        assertEquals("marginMode", assertThrows(InvalidInputException.class,
                () -> calc.leverageForLiquidation(rules("binance-usdm-btc"), p, 50_000)).field());
    }

    static Stream<Arguments> inverseProfilesAndSides() {
        return Stream.of("binance-coinm-btc", "bybit-inverse-btc")
                .flatMap(id -> Stream.of(Arguments.of(id, Side.LONG), Arguments.of(id, Side.SHORT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inverseProfilesAndSides")
    void coinMarginedAnswersRoundTripInTheCoin(String id, Side side) {
        Position p = Position.builder().side(side).entryPrice(60_000).notional(100_000).leverage(10).inverse(true).build();
        // ROE on the initial margin in the coin: (100,000 / 60,000) / 10 BTC; PnL in BTC = s Q (1 - E / X)
        Calculators.PnlAtExit a = calc.exitForRoe(rules(id), p, 50);
        double pnl = side.sign() * p.quantity() * (1 - 60_000 / a.exitPrice());
        assertEquals(0.5 * p.quantity() / 10, pnl, 1e-12);
        double target = side == Side.LONG ? 56_000 : 64_000;
        Calculators.LiquidationTarget m = calc.collateralForLiquidation(rules(id), p, target);
        LiquidationResult r = engine.calculate(rules(id), Position.builder().side(side).entryPrice(60_000).notional(100_000)
                .margin(m.collateral()).inverse(true).build());
        assertCents(target, r.liquidationPrice(), id + " at the margin " + m.collateral() + " BTC");
        Calculators.LiquidationTarget l = calc.leverageForLiquidation(rules(id), p, target);
        assertCents(target, engine.calculate(rules(id), Position.builder().side(side).entryPrice(60_000).notional(100_000)
                .leverage(l.leverage()).inverse(true).build()).liquidationPrice(), id + " at " + l.leverage() + "x");
    }
}
