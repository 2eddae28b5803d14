package io.liqlab.core.account;

import io.liqlab.TestProfiles;
import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts of two or three positions per venue, each expected price derived here by hand from the venue's
 * published formula (LIQUIDATION.md sections 3 and 6, and the sources cited per test).
 */
class AccountEngineTest {

    private final AccountEngine engine = new AccountEngine();

    private static VenueRules rules(String profile) {
        return TestProfiles.get(profile).rules();
    }

    /** The profile's rules with one explicit bracket, as the venues' worked examples state it. */
    private static VenueRules bracket(String profile, double mmr, double amount) {
        VenueRules r = rules(profile);
        return r.withTiers(TierSchedule.single(r.tiers().basis(), mmr, amount, Double.POSITIVE_INFINITY));
    }

    private static AccountPosition pos(String market, String venue, VenueRules rules, Side side, double entry, double qty,
                                       double leverage, double mark) {
        return AccountPosition.of(market, venue, rules, side, entry, qty, Double.NaN, leverage, Double.NaN, mark);
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Test
    void binanceCrossReproducesTheFaqExampleFromThePositionsThemselves() {
        // Binance FAQ 'How to Calculate Liquidation Price of USD-M Futures Contracts' (LIQUIDATION.md section 6):
        // WB 1,535,443.01; ETHUSDT long 3,683.979 @ 1,456.84 (MMR 10%, cum 135,365), mark 1,335.18;
        // BTCUSDT long 109.488 @ 32,481.98 (MMR 2.5%, cum 16,300), mark 31,967.27.
        AccountPosition eth = pos("ETHUSDT", "binance-usdm", bracket("binance-usdm-btc", 0.10, 135_365), Side.LONG, 1_456.84, 3_683.979, 20, 1_335.18);
        AccountPosition btc = pos("BTCUSDT", "binance-usdm", bracket("binance-usdm-btc", 0.025, 16_300), Side.LONG, 32_481.98, 109.488, 20, 31_967.27);
        AccountResult r = engine.calculate(new Account(AccountVenue.BINANCE_USDM, "binance-usdm", 1_535_443.01, List.of(eth, btc)));

        // For ETH the other contract is BTC: TMM1 = 109.488 x 31,967.27 x 2.5% - 16,300 = 71,200.81144,
        // UPNL1 = 109.488 x (31,967.27 - 32,481.98) = -56,354.57; LP = (WB - TMM1 + UPNL1 + cum - Q*E) / (Q*MMR - Q).
        double tmmBtc = 109.488 * 31_967.27 * 0.025 - 16_300;
        double upnlBtc = 109.488 * (31_967.27 - 32_481.98);
        assertEquals(71_200.81144, tmmBtc, 1e-5);
        double ethLp = (1_535_443.01 - tmmBtc + upnlBtc + 135_365 - 3_683.979 * 1_456.84) / (3_683.979 * 0.10 - 3_683.979);
        assertEquals(1_153.26, cents(ethLp));
        assertEquals(ethLp, r.positions().get(0).liquidationPrice(), 1e-6);
        // For BTC the other contract is ETH.
        double tmmEth = 3_683.979 * 1_335.18 * 0.10 - 135_365;
        double upnlEth = 3_683.979 * (1_335.18 - 1_456.84);
        double btcLp = (1_535_443.01 - tmmEth + upnlEth + 16_300 - 109.488 * 32_481.98) / (109.488 * 0.025 - 109.488);
        assertEquals(26_316.89, cents(btcLp));
        assertEquals(btcLp, r.positions().get(1).liquidationPrice(), 1e-6);
        assertFalse(r.positions().get(0).solvedNumerically());

        // Account: equity = WB + both uPnLs, maintenance = both MMs at their marks.
        assertEquals(1_535_443.01 + upnlEth + upnlBtc, r.equity(), 1e-6);
        assertEquals(tmmEth + tmmBtc, r.maintenance(), 1e-6);
        assertEquals((tmmEth + tmmBtc) / (1_535_443.01 + upnlEth + upnlBtc), r.marginRatio(), 1e-12);
    }

    @Test
    void binanceCrossEqualsCalcWithTheOtherPositionsGivenExplicitly() {
        // The same as 'calc --mode cross --wallet W --other-maintenance TMM1 --other-upnl UPNL1', on the shipped tiers.
        VenueRules btcRules = rules("binance-usdm-btc");
        VenueRules ethRules = rules("binance-usdm-eth");
        AccountPosition btc = pos("BTCUSDT", "binance-usdm", btcRules, Side.LONG, 60_000, 2, 20, 58_000);
        AccountPosition eth = pos("ETHUSDT", "binance-usdm", ethRules, Side.SHORT, 3_000, 40, 10, 3_100);
        AccountResult r = engine.calculate(new Account(AccountVenue.BINANCE_USDM, "binance-usdm", 20_000, List.of(btc, eth)));
        double ethMm = LiquidationEngine.maintenanceMargin(ethRules, 3_000, 40, 3_100);
        Position explicit = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(60_000).markPrice(58_000).quantity(2)
                .leverage(20).wallet(20_000).otherMaintenance(ethMm).otherUnrealizedPnl(-40 * 100).build();
        LiquidationResult calc = new LiquidationEngine().calculate(btcRules, explicit);
        assertEquals(calc.liquidationPrice(), r.positions().get(0).liquidationPrice(), 0);
        assertEquals(calc.bankruptcyPrice(), r.positions().get(0).bankruptcyPrice(), 0);
    }

    @Test
    void bybitClassicCrossFollowsItsPublishedMethod() {
        // Bybit help 'Liquidation Price (USDT Contract)', cross margin, example 1
        // (https://help.bybit.com/hc/en-us/articles/900000181046-Liquidation-Price-USDT-Contract-): 2 BTC long at
        // 10,000, IM 2 x 10,000 x 1% = 200, MM 2 x 10,000 x 0.5% = 100, available balance 2,000, mark 10,500 (its
        // profit does not count): sustainable loss 2,000 + 200 - 100 = 2,100, so L = 10,000 - 2,100 / 2 = 8,950.
        VenueRules mmr05 = bracket("bybit-linear-btc", 0.005, 0);
        AccountPosition btc = pos("BTCUSDT", "bybit-linear", mmr05, Side.LONG, 10_000, 2, 100, 10_500);
        // Available balance 2,000 = wallet - IM 200: wallet 2,200.
        AccountResult one = engine.calculate(new Account(AccountVenue.BYBIT_LINEAR, "bybit-linear", 2_200, List.of(btc)));
        assertEquals(8_950, one.positions().get(0).liquidationPrice(), 1e-9);

        // Add an ETH short at a loss: 10 ETH at 1,000, 10x (IM 1,000, MM 10,000 x 0.5% = 50), mark 1,050 (loss 500).
        // Wallet 5,000: available balance = 5,000 - 200 - 1,000 - 500 = 3,300.
        AccountPosition eth = pos("ETHUSDT", "bybit-linear", mmr05, Side.SHORT, 1_000, 10, 10, 1_050);
        AccountResult two = engine.calculate(new Account(AccountVenue.BYBIT_LINEAR, "bybit-linear", 5_000, List.of(btc, eth)));
        // BTC: L = 10,000 - (3,300 + 200 - 100) / 2 = 8,300.
        assertEquals(8_300, two.positions().get(0).liquidationPrice(), 1e-9);
        // ETH: measured from its entry, its own 500 of loss is added back: L = 1,000 + (3,300 + 500 + 1,000 - 50) / 10 = 1,475.
        assertEquals(1_475, two.positions().get(1).liquidationPrice(), 1e-9);
        assertFalse(two.positions().get(0).solvedNumerically());
        // Maintenance on the entry value: 100 + 50.
        assertEquals(150, two.maintenance(), 1e-9);
    }

    @Test
    void okxAccountRuleIsSolvedNumericallyAndSaysSo() {
        // OKX: liquidated when equity <= notional x (mmr + taker fee), tier by contracts, no amount. With BTC long
        // 1 @ 60,000 (mmr 0.4%, fee 0.05%), mark 59,000, and ETH short 10 @ 3,000 (mmr 0.5%), mark 3,100, wallet 5,000:
        // W + uPnL_eth - MM_eth + (L - 60,000) = L x 0.45%  =>  L = (60,000 - 5,000 + 1,000 + 31,000 x 0.55%) / (1 - 0.0045).
        VenueRules btcRules = bracket("okx-swap-btc", 0.004, 0);
        VenueRules ethRules = bracket("okx-swap-btc", 0.005, 0);
        AccountPosition btc = pos("BTC-USDT-SWAP", "okx-swap", btcRules, Side.LONG, 60_000, 1, 20, 59_000);
        AccountPosition eth = pos("ETH-USDT-SWAP", "okx-swap", ethRules, Side.SHORT, 3_000, 10, 10, 3_100);
        AccountResult r = engine.calculate(new Account(AccountVenue.OKX_SWAP, "okx-swap", 5_000, List.of(btc, eth)));
        double mmEth = 10 * 3_100 * (0.005 + 0.0005);
        double expected = (60_000 - 5_000 + 1_000 + mmEth) / (1 - 0.0045);
        assertEquals(expected, r.positions().get(0).liquidationPrice(), 1e-6);
        assertTrue(r.positions().get(0).solvedNumerically());
        assertTrue(r.positions().get(0).notes().stream().anyMatch(n -> n.contains("publishes no closed form")));
        // ETH short: W + uPnL_btc - MM_btc - 10 (L - 3,000) = 10 L x 0.55%.
        double mmBtc = 59_000 * 0.0045;
        double ethExpected = (5_000 - 1_000 - mmBtc + 30_000) / (10 * (1 + 0.0055));
        assertEquals(ethExpected, r.positions().get(1).liquidationPrice(), 1e-6);
    }

    @Test
    void hyperliquidCrossFollowsItsPublishedLine() {
        // Hyperliquid docs, Liquidations: L = P - s x marginAvailable / Q / (1 - s x mmr), marginAvailable =
        // account value - maintenance margin required; tier 1 mmr = 1 / (2 x max leverage): BTC 40x -> 1.25%,
        // ETH 25x -> 2%.
        AccountPosition btc = pos("hyperliquid-btc", "hyperliquid", rules("hyperliquid-btc"), Side.LONG, 60_000, 0.5, 20, 61_000);
        AccountPosition eth = pos("hyperliquid-eth", "hyperliquid", rules("hyperliquid-eth"), Side.SHORT, 3_000, 8, 10, 2_900);
        AccountResult r = engine.calculate(new Account(AccountVenue.HYPERLIQUID, "hyperliquid", 3_000, List.of(btc, eth)));
        double accountValue = 3_000 + 0.5 * 1_000 + 8 * 100;
        double mmRequired = 0.5 * 61_000 * 0.0125 + 8 * 2_900 * 0.02;
        double marginAvailable = accountValue - mmRequired;
        assertEquals(accountValue, r.equity(), 1e-9);
        assertEquals(mmRequired, r.maintenance(), 1e-9);
        assertEquals(61_000 - marginAvailable / 0.5 / (1 - 0.0125), r.positions().get(0).liquidationPrice(), 1e-6);
        assertEquals(2_900 + marginAvailable / 8 / (1 + 0.02), r.positions().get(1).liquidationPrice(), 1e-6);
    }

    @Test
    void dydxCrossReproducesItsDocumentationExample() {
        // dYdX v4 docs (LIQUIDATION.md section 6): e = 1,000, short 1.5 ETH at 3,000 (MMF 5%) and 1,000 STRK at 1.75
        // (MMF 10%, MMR_other 175): p' = (e - S*p - MMR_other) / (|S|*MMF - S) = (1,000 + 4,500 - 175) / 1.575 = 3,380.95.
        AccountPosition eth = pos("ETH-USD", "dydx-v4", bracket("dydx-v4-btc", 0.05, 0), Side.SHORT, 3_000, 1.5, 5, 3_000);
        AccountPosition strk = pos("STRK-USD", "dydx-v4", bracket("dydx-v4-btc", 0.10, 0), Side.LONG, 1.75, 1_000, 5, 1.75);
        AccountResult r = engine.calculate(new Account(AccountVenue.DYDX_V4, "dydx-v4", 1_000, List.of(eth, strk)));
        double expected = (1_000 - (-1.5) * 3_000 - 175) / (1.5 * 0.05 + 1.5);
        assertEquals(3_380.95, cents(expected));
        assertEquals(expected, r.positions().get(0).liquidationPrice(), 1e-6);
        // STRK long, the ETH short at its mark: p' = (1,000 - 1,000 x 1.75 - 1.5 x 3,000 x 5%) / (1,000 x 10% - 1,000).
        assertEquals((1_000 - 1_000 * 1.75 - 225) / (100 - 1_000), r.positions().get(1).liquidationPrice(), 1e-9);
    }

    @Test
    void gteAccountRuleWithThreePositions() {
        // GTE docs (mechanics/liquidations): liquidatable when margin + uPnL < notional x MMR; one rate (1% BTC).
        // Three positions on one rate, the two others at their marks: L = P - s x marginAvailable / Q / (1 - s x mmr).
        VenueRules r1 = rules("gte-btc");
        AccountPosition a = pos("BTC", "gte", r1, Side.LONG, 60_000, 1, 10, 60_000);
        AccountPosition b = pos("ETH", "gte", r1, Side.LONG, 3_000, 10, 10, 2_800);
        AccountPosition c = pos("SOL", "gte", r1, Side.SHORT, 150, 100, 10, 140);
        AccountResult r = engine.calculate(new Account(AccountVenue.GTE, "gte", 8_000, List.of(a, b, c)));
        double value = 8_000 - 2_000 + 1_000;
        double mm = (60_000 + 28_000 + 14_000) * 0.01;
        assertEquals(60_000 - (value - mm) / 1 / (1 - 0.01), r.positions().get(0).liquidationPrice(), 1e-6);
        assertEquals(140 + (value - mm) / 100 / (1 + 0.01), r.positions().get(2).liquidationPrice(), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"binance-usdm-btc, long", "binance-usdm-btc, short", "bybit-linear-btc, long", "bybit-linear-btc, short",
            "okx-swap-btc, long", "okx-swap-btc, short", "hyperliquid-btc, long", "dydx-v4-btc, short", "gte-btc, long", "textbook, short"})
    void aSinglePositionAccountEqualsCalcIsolatedAndCross(String profile, String sideText) {
        Side side = Side.parse(sideText);
        VenueRules r = rules(profile);
        AccountVenue venue = AccountVenue.of(TestProfiles.get(profile).listing().venueRules(), r.family());
        String key = TestProfiles.get(profile).listing().venueRules();
        AccountPosition p = pos(profile, key, r, side, 60_000, 0.5, 20, 60_000);
        // Wallet = the isolated margin 1,500: the isolated-equivalent account.
        AccountResult account = engine.calculate(new Account(venue, key, 1_500, List.of(p)));
        LiquidationResult isolated = new LiquidationEngine().calculate(r, Position.builder().side(side).entryPrice(60_000).quantity(0.5).leverage(20).build());
        assertEquals(isolated.liquidationPrice(), account.positions().get(0).liquidationPrice(), 1e-6 * 60_000);
        assertEquals(isolated.bankruptcyPrice(), account.positions().get(0).bankruptcyPrice(), 1e-6 * 60_000);
        // Cross with a larger wallet: calc --mode cross --wallet 4,000.
        AccountResult bigger = engine.calculate(new Account(venue, key, 4_000, List.of(p)));
        LiquidationResult cross = new LiquidationEngine().calculate(r, Position.builder().side(side).mode(MarginMode.CROSS).entryPrice(60_000)
                .quantity(0.5).leverage(20).wallet(4_000).build());
        assertEquals(cross.liquidationPrice(), bigger.positions().get(0).liquidationPrice(), 1e-6 * 60_000);
        // The wallet behind it moves the liquidation away from the mark.
        assertTrue(bigger.positions().get(0).distancePercent() > account.positions().get(0).distancePercent());
    }

    @Test
    void switchingFromIsolatedEquivalentToCrossWithALosingNeighbour() {
        VenueRules r = rules("binance-usdm-btc");
        AccountPosition btc = pos("BTCUSDT", "binance-usdm", r, Side.LONG, 60_000, 1, 20, 60_000);
        double isolated = engine.calculate(new Account(AccountVenue.BINANCE_USDM, "binance-usdm", 3_000, List.of(btc))).positions().get(0).liquidationPrice();
        // Cross: a 10,000 wallet shared with an ETH short that is 1,500 in loss. The neighbour's loss and maintenance
        // come out of what protects BTC, the wallet's extra 7,000 goes in.
        AccountPosition eth = pos("ETHUSDT", "binance-usdm", rules("binance-usdm-eth"), Side.SHORT, 3_000, 15, 10, 3_100);
        AccountResult cross = engine.calculate(new Account(AccountVenue.BINANCE_USDM, "binance-usdm", 10_000, List.of(btc, eth)));
        double ethMm = LiquidationEngine.maintenanceMargin(rules("binance-usdm-eth"), 3_000, 15, 3_100);
        double margin = 10_000 - 1_500 - ethMm;
        assertEquals(LiquidationEngine.liquidationPrice(r, MarginMode.CROSS, Side.LONG, 60_000, 1, margin), cross.positions().get(0).liquidationPrice(), 1e-9);
        assertTrue(cross.positions().get(0).liquidationPrice() < isolated);
    }

    @Test
    void binanceHedgeModeLegsShareOnePriceAsItsHedgeFormulaSays() {
        // Binance's cross formula in hedge mode: LP = (WB - TMM1 + UPNL1 + cumL + cumS - Q_L*E_L + Q_S*E_S)
        //   / (Q_L*MMR_L + Q_S*MMR_S - Q_L + Q_S); one bracket (0.4%, cum 0) for both legs here.
        VenueRules r = bracket("binance-usdm-btc", 0.004, 0);
        AccountPosition lng = pos("BTCUSDT", "binance-usdm", r, Side.LONG, 60_000, 2, 20, 59_000);
        AccountPosition sht = pos("BTCUSDT", "binance-usdm", r, Side.SHORT, 62_000, 1, 20, 59_000);
        AccountResult res = engine.calculate(new Account(AccountVenue.BINANCE_USDM, "binance-usdm", 5_000, List.of(lng, sht)));
        double expected = (5_000 - 2 * 60_000 + 62_000) / (2 * 0.004 + 1 * 0.004 - 2 + 1);
        assertEquals(expected, res.positions().get(0).liquidationPrice(), 1e-6);
        assertEquals(expected, res.positions().get(1).liquidationPrice(), 1e-6);
        assertTrue(res.positions().get(0).solvedNumerically());
    }

    @ParameterizedTest
    @CsvSource({"hyperliquid-btc, hyperliquid, HYPERLIQUID", "dydx-v4-btc, dydx-v4, DYDX_V4", "gte-btc, gte, GTE"})
    void hedgeModeIsRefusedWhereTheVenueHasNone(String profile, String key, AccountVenue venue) {
        AccountPosition lng = pos(profile, key, rules(profile), Side.LONG, 60_000, 1, 10, 60_000);
        AccountPosition sht = pos(profile, key, rules(profile), Side.SHORT, 60_000, 1, 10, 60_000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Account(venue, key, 1_000, List.of(lng, sht)));
        assertEquals("positions[1].side", e.field());
        assertTrue(e.problem().contains("hedge mode") && e.problem().contains("one side per market"), e.problem());
    }

    @Test
    void accountMoveIsWhereEquityMeetsMaintenanceWithEveryMarkMovingTogether() {
        // Two longs on one rate (GTE, 1%), no amount: W + sum Q m x - sum Q m (1 + x) 1% = 0 at the move x.
        VenueRules r = rules("gte-btc");
        AccountPosition a = pos("BTC", "gte", r, Side.LONG, 60_000, 1, 10, 60_000);
        AccountPosition b = pos("ETH", "gte", r, Side.LONG, 3_000, 10, 10, 3_000);
        AccountResult res = engine.calculate(new Account(AccountVenue.GTE, "gte", 9_000, List.of(a, b)));
        double n = 90_000;
        double x = (0.01 * n - 9_000) / (n - 0.01 * n);
        assertEquals(x * 100, res.liquidationMovePercent(), 1e-9);
        AccountCurve curve = engine.curve(res.account(), x * 100, x * 100, 1);
        assertEquals(curve.equity()[0], curve.maintenance()[0], 1e-6);
    }

    @Test
    void anEmptyAccountAndANegativeWalletAreRefusedByName() {
        assertEquals("positions", assertThrows(InvalidInputException.class,
                () -> new Account(AccountVenue.GTE, "gte", 1_000, List.of())).field());
        AccountPosition a = pos("BTC", "gte", rules("gte-btc"), Side.LONG, 60_000, 1, 10, 60_000);
        assertEquals("wallet", assertThrows(InvalidInputException.class,
                () -> new Account(AccountVenue.GTE, "gte", -1, List.of(a))).field());
        assertEquals("positions[0].market", assertThrows(InvalidInputException.class,
                () -> new Account(AccountVenue.BINANCE_USDM, "binance-usdm", 1_000, List.of(a))).field());
    }
}
