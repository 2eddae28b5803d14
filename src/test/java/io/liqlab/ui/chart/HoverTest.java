package io.liqlab.ui.chart;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which point the hover readout reads, for every chart kind. */
class HoverTest {

    @Test
    void theNearestPointIsTakenNotTheOneJustBefore() {
        double[] xs = {1, 2, 3, 4, 5};
        assertEquals(2, Hover.nearest(xs, 5, 3.4, false).index());
        assertEquals(3, Hover.nearest(xs, 5, 3.6, false).index());
        assertEquals(0.4, Hover.nearest(xs, 5, 3.6, false).distance(), 1e-12);
    }

    @Test
    void onALogAxisNearnessIsByRatio() {
        double[] xs = {10, 100, 1_000};
        // 320 is nearer to 100 on a linear scale (220 against 680) but nearer to 1,000 by ratio (3.1x against 3.2x).
        assertEquals(2, Hover.nearest(xs, 3, 320, true).index());
        assertEquals(1, Hover.nearest(xs, 3, 320, false).index());
    }

    @Test
    void pastEitherEndASeriesDoesNotCoverThePointer() {
        double[] xs = {10, 20, 30};
        assertTrue(Hover.nearest(xs, 3, 34, false).covers(), "within half a spacing of the last point");
        assertFalse(Hover.nearest(xs, 3, 36, false).covers(), "beyond it");
        assertFalse(Hover.nearest(xs, 3, 2, false).covers());
        assertEquals(2, Hover.nearest(xs, 3, 36, false).index(), "the end point is still the nearest one");
    }

    @Test
    void gapsAndPointsBeyondTheLengthAreSkippedAndOrderDoesNotMatter() {
        double[] xs = {5, Double.NaN, 1, 3, 2.9};
        assertEquals(4, Hover.nearest(xs, 5, 2.92, false).index());
        assertEquals(3, Hover.nearest(xs, 4, 2.92, false).index(), "the fifth point lies beyond the length");
        assertEquals(2, Hover.nearest(xs, 4, -7, false).index());
    }

    @Test
    void nothingToReadGivesNoPoint() {
        assertNull(Hover.nearest(new double[] {Double.NaN, Double.NaN}, 2, 1, false));
        assertNull(Hover.nearest(new double[] {-1, 0}, 2, 1, true), "no positive x on a log axis");
        assertNull(Hover.nearest(new double[] {1, 2}, 2, Double.NaN, false));
        assertNull(Hover.nearest(new double[] {1, 2}, 0, 1, false));
    }

    @Test
    void theReadoutReadsHeadingFirstThenOneLinePerSeries() {
        Readout readout = new Readout(25, "leverage: 25x", List.of(
                new Readout.Line("Binance: 3.9%", Color.RED, 25, 3.9, false),
                new Readout.Line("OKX: \u2014", Color.BLUE, 25, Double.NaN, false)));
        assertEquals("leverage: 25x\nBinance: 3.9%\nOKX: \u2014", readout.text());
    }
}
