package io.liqlab.core.solve;

import io.liqlab.TestProfiles;
import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.VenueRules;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Before and after an edit, and the stop check, as a trader would check them against the engine. */
class PositionEditsTest {

    private final LiquidationEngine engine = new LiquidationEngine();
    private final PositionEdits edits = new PositionEdits(engine);
    private final VenueRules binance = TestProfiles.get("binance-usdm-btc").rules();

    private static Position.Builder long20x(double notional) {
        return Position.builder().side(Side.LONG).entryPrice(60_000).notional(notional).leverage(20);
    }

    @Test
    void addingSizeCrossesIntoTheNextTierAndTheAfterShowsIt() {
        PositionEdits.BeforeAfter a = edits.addSize(binance, long20x(250_000).build(), 100_000 / 60_000.0, 60_000, 20);
        assertEquals(1, a.before().tierAtEntry().number());
        assertEquals(2, a.after().tierAtEntry().number());
        assertTrue(a.tierChanged());
        // after = the engine's answer for the whole new position: 350,000 at 60,000 with 17,500 margin
        LiquidationResult direct = engine.calculate(binance, long20x(350_000).build());
        assertEquals(direct.liquidationPrice(), a.after().liquidationPrice(), 1e-6);
        assertTrue(a.after().liquidationPrice() > a.before().liquidationPrice(), "a higher tier's maintenance moves it closer");
    }

    @Test
    void addingSizeAtAnotherPriceAveragesTheEntry() {
        PositionEdits.BeforeAfter a = edits.addSize(binance, long20x(60_000).build(), 1, 62_000, 20);
        assertEquals(61_000, a.after().position().entryPrice(), 1e-9);
        assertEquals(2, a.after().position().quantity(), 1e-12);
        assertEquals(3_000 + 3_100, a.after().margin(), 1e-9);
    }

    @Test
    void addingAndRemovingMarginMovesTheLiquidation() {
        Position p = long20x(190_000).build();
        PositionEdits.BeforeAfter add = edits.addMargin(binance, p, 1_000);
        assertEquals(10_500, add.after().margin(), 1e-9);
        assertTrue(add.after().liquidationPrice() < add.before().liquidationPrice());
        PositionEdits.BeforeAfter remove = edits.addMargin(binance, p, -1_000);
        assertTrue(remove.after().liquidationPrice() > remove.before().liquidationPrice());
        Impossible tooMuch = assertThrows(Impossible.class, () -> edits.addMargin(binance, p, -9_000));
        assertTrue(tooMuch.reason().contains("8,740.00"), tooMuch.reason()); // 9,500 - 190,000 x 0.4% at the mark
    }

    @Test
    void removingMarginFromACoinMarginedPositionKeepsItsEquityInTheCoinAboveMaintenance() {
        // 100,000 USD of BTCUSD long from 60,000 at 10x: 0.1667 BTC margin; at a mark of 58,000 its PnL in the coin is
        // Q (1 - E / X) = 1.6667 x (1 - 60,000 / 58,000) = -0.0575 BTC, so about 0.10 BTC can come out, not nothing.
        VenueRules coinm = TestProfiles.get("binance-coinm-btc").rules();
        Position p = Position.builder().side(Side.LONG).entryPrice(60_000).markPrice(58_000).notional(100_000).leverage(10)
                .inverse(true).build();
        LiquidationResult now = engine.calculate(coinm, p);
        double margin = 100_000 / 60_000.0 / 10;
        double equity = margin + 100_000 / 60_000.0 * (1 - 60_000 / 58_000.0);
        double removable = equity - now.maintenanceMarginNow();
        assertTrue(removable > 0.09 && removable < 0.11, "about 0.10 BTC: " + removable);
        PositionEdits.BeforeAfter half = edits.addMargin(coinm, p, -removable / 2);
        assertEquals(margin - removable / 2, half.after().margin(), 1e-9);
        assertTrue(half.after().liquidationPrice() > half.before().liquidationPrice());
        Impossible tooMuch = assertThrows(Impossible.class, () -> edits.addMargin(coinm, p, -removable * 1.01));
        assertTrue(tooMuch.reason().contains(String.format(java.util.Locale.ROOT, "%.8f", removable)), tooMuch.reason());
    }

    @Test
    void aPartialCloseReleasesMarginProRataAndRealizesPnl() {
        PositionEdits.BeforeAfter a = edits.close(binance, long20x(120_000).build(), 1, 59_000);
        assertEquals(-1_000, a.realizedPnl(), 1e-9);
        assertEquals(3_000, a.after().margin(), 1e-9);
        assertEquals(a.before().liquidationPrice(), a.after().liquidationPrice(), 1e-6, "same leverage, same tier: same price");
        assertThrows(InvalidInputException.class, () -> edits.close(binance, long20x(120_000).build(), 2, 59_000));
    }

    @Test
    void flippingOpensTheOtherSideAtThePrice() {
        PositionEdits.BeforeAfter a = edits.flip(binance, long20x(120_000).build(), 2, 59_000, 20);
        assertEquals(Side.SHORT, a.after().position().side());
        assertEquals(59_000, a.after().position().entryPrice());
        assertEquals(-2_000, a.realizedPnl(), 1e-9);
        assertTrue(a.after().liquidationPrice() > 59_000);
    }

    @Test
    void aStopAboveTheSpreadTriggersFirstAndOneInsideItIsAtRisk() {
        Position p = long20x(190_000).markPrice(59_500).build();
        double liq = engine.calculate(binance, p).liquidationPrice();
        PositionEdits.StopCheck safe = edits.stopCheck(binance, p, liq * 1.003, 0.2, 50);
        assertEquals(PositionEdits.Verdict.TRIGGERS_FIRST, safe.verdict());
        PositionEdits.StopCheck risky = edits.stopCheck(binance, p, liq * 1.001, 0.2, 50);
        assertEquals(PositionEdits.Verdict.AT_RISK, risky.verdict());
        assertEquals(PositionEdits.Verdict.TRIGGERS_FIRST, edits.stopCheck(binance, p, liq * 1.001, 0, 50).verdict(),
                "with no spread the same stop is safe");
        assertEquals(PositionEdits.Verdict.LIQUIDATED_FIRST, edits.stopCheck(binance, p, liq - 1, 0.2, 50).verdict());
        assertEquals(PositionEdits.Verdict.TRIGGERS_NOW, edits.stopCheck(binance, p, 59_600, 0.2, 50).verdict());
        assertEquals(59_500 + 0.5 * (liq - 59_500), safe.suggestedStop(), 1e-9);
    }

    @Test
    void aShortsStopIsCheckedTheOtherWay() {
        Position p = Position.builder().side(Side.SHORT).entryPrice(60_000).notional(190_000).leverage(20).build();
        double liq = engine.calculate(binance, p).liquidationPrice();
        assertEquals(PositionEdits.Verdict.TRIGGERS_FIRST, edits.stopCheck(binance, p, liq * 0.99, 0.5, 25).verdict());
        assertEquals(PositionEdits.Verdict.AT_RISK, edits.stopCheck(binance, p, liq * 0.999, 0.5, 25).verdict());
        assertEquals(PositionEdits.Verdict.LIQUIDATED_FIRST, edits.stopCheck(binance, p, liq + 1, 0.5, 25).verdict());
        PositionEdits.StopCheck c = edits.stopCheck(binance, p, liq * 0.99, 0.5, 25);
        assertEquals(60_000 + 0.25 * (liq - 60_000), c.suggestedStop(), 1e-9);
        assertEquals(PositionEdits.Verdict.TRIGGERS_FIRST, c.suggestedVerdict());
    }

    @Test
    void aPositionWithNoLiquidationHasNoSuggestion() {
        Position p = Position.builder().side(Side.LONG).entryPrice(60_000).notional(60_000).leverage(1).build();
        PositionEdits.StopCheck c = edits.stopCheck(binance, p, 50_000, 0.1, 50);
        assertEquals(PositionEdits.Verdict.NO_LIQUIDATION, c.verdict());
        assertNull(c.suggestedVerdict());
        assertFalse(Double.isFinite(c.suggestedStop()));
    }
}
