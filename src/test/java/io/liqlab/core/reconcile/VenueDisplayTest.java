package io.liqlab.core.reconcile;

import io.liqlab.core.Side;
import org.junit.jupiter.api.Test;

import static io.liqlab.core.reconcile.VenueDisplay.Rule.EXACT;
import static io.liqlab.core.reconcile.VenueDisplay.Rule.ONE_TICK_PAST;
import static io.liqlab.core.reconcile.VenueDisplay.Rule.ROUNDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Prices as each venue displays them: moved to the tick toward the mark (OKX one tick past, Bybit rounded). */
class VenueDisplayTest {

    @Test
    void okxShowsOneTickPastTowardTheMark() {
        assertEquals(VenueDisplay.Rule.ONE_TICK_PAST, VenueDisplay.ruleFor("okx-swap"));
        assertEquals(57_889.5, VenueDisplay.shown(ONE_TICK_PAST, 57_889.43, Side.LONG, 0.1));
        assertEquals(57_889.4, VenueDisplay.shown(ONE_TICK_PAST, 57_889.43, Side.SHORT, 0.1));
        // already on a tick: stays (a binary 57889.4 is not pushed a tick by its representation error)
        assertEquals(57_889.4, VenueDisplay.shown(ONE_TICK_PAST, 57_889.4, Side.LONG, 0.1));
        assertEquals(57_889.4, VenueDisplay.shown(ONE_TICK_PAST, 57_889.4, Side.SHORT, 0.1));
        assertEquals(3_012.35, VenueDisplay.shown(ONE_TICK_PAST, 3_012.3412, Side.LONG, 0.01));
    }

    @Test
    void bybitRoundsToTheNearestTickHalfTowardTheMark() {
        assertEquals(VenueDisplay.Rule.ROUNDED, VenueDisplay.ruleFor("bybit-linear"));
        assertEquals(57_889.4, VenueDisplay.shown(ROUNDED, 57_889.43, Side.LONG, 0.1));
        assertEquals(57_889.5, VenueDisplay.shown(ROUNDED, 57_889.46, Side.SHORT, 0.1));
        assertEquals(57_889.5, VenueDisplay.shown(ROUNDED, 57_889.25, Side.LONG, 0.5));
        assertEquals(57_889.0, VenueDisplay.shown(ROUNDED, 57_889.25, Side.SHORT, 0.5));
    }

    @Test
    void otherVenuesAndUnknownTicksShowTheExactFigure() {
        assertEquals(EXACT, VenueDisplay.ruleFor("hyperliquid"));
        assertEquals(EXACT, VenueDisplay.ruleFor("binance-usdm"));
        assertEquals(74_501.802790436, VenueDisplay.shown(EXACT, 74_501.802790436, Side.LONG, 0.1));
        assertEquals(57_889.43, VenueDisplay.shown(ONE_TICK_PAST, 57_889.43, Side.LONG, Double.NaN));
    }
}
