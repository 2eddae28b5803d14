package io.liqlab.ui.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scales every chart maps its values through: where a value lands, and back from a pixel under the pointer. */
class AxisScaleTest {

    @Test
    void aLinearAxisPutsTheMiddleValueInTheMiddlePixel() {
        AxisScale x = new AxisScale(1, 125, false, 100, 724);
        assertEquals(100, x.toPixel(1), 1e-9);
        assertEquals(724, x.toPixel(125), 1e-9);
        assertEquals(412, x.toPixel(63), 1e-9);
        assertEquals(63, x.toValue(412), 1e-9);
    }

    @Test
    void theYAxisGrowsUpwards() {
        AxisScale y = new AxisScale(0, 50, false, 400, 40);
        assertEquals(400, y.toPixel(0), 1e-9);
        assertEquals(40, y.toPixel(50), 1e-9);
        assertTrue(y.toPixel(30) < y.toPixel(20), "a larger value is higher up");
        assertEquals(25, y.toValue(220), 1e-9);
    }

    @Test
    void aLogAxisGivesEveryDecadeTheSameWidth() {
        AxisScale x = new AxisScale(100, 1_000_000, true, 0, 400);
        assertEquals(100, x.toPixel(1_000), 1e-9);
        assertEquals(200, x.toPixel(10_000), 1e-9);
        assertEquals(10_000, x.toValue(200), 1e-6);
        assertFalse(x.accepts(0), "zero has no place on a log axis");
        assertFalse(x.accepts(-5));
        assertTrue(x.contains(5_000));
        assertFalse(x.contains(50), "below the axis");
    }

    @Test
    void aRangeOfOneValueMapsEverythingToItsStart() {
        AxisScale x = new AxisScale(7, 7, false, 10, 90);
        assertEquals(10, x.toPixel(7), 1e-9);
        assertEquals(7, x.toValue(55), 1e-9);
    }

    @Test
    void thePlotKnowsItsEdgesAndWhichScaleARightAxisValueUses() {
        AxisScale x = new AxisScale(0, 10, false, 50, 450);
        AxisScale left = new AxisScale(0, 100, false, 300, 20);
        AxisScale right = new AxisScale(0, 1, false, 300, 20);
        PlotArea withRight = new PlotArea(50, 20, 450, 300, x, left, right);
        PlotArea withoutRight = new PlotArea(50, 20, 450, 300, x, left);
        assertEquals(400, withRight.width(), 1e-9);
        assertEquals(280, withRight.height(), 1e-9);
        assertTrue(withRight.contains(50, 300), "edges count");
        assertFalse(withRight.contains(49, 100));
        assertFalse(withRight.contains(100, 301));
        assertSame(right, withRight.yScale(true));
        assertSame(left, withRight.yScale(false));
        assertSame(left, withoutRight.yScale(true), "no right axis: its values go on the left one");
    }
}
