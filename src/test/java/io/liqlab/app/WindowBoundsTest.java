package io.liqlab.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The main window's bounds fitted to the screen: a first start and a remembered size, on small and large screens. */
class WindowBoundsTest {
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D LARGE = new Rectangle2D(0, 0, 1920, 1080);

    @Test
    void aFirstStartOnA1280x720ScreenTakesTheWholeScreenNotMore() {
        assertEquals(new Rectangle2D(0, 0, 1280, 720), WindowBounds.initial(SMALL));
    }

    @Test
    void aFirstStartOnALargeScreenIsTheDefaultSizeCentred() {
        assertEquals(new Rectangle2D(160, 40, 1600, 1000), WindowBounds.initial(LARGE));
    }

    @Test
    void aSizeRememberedFromALargerScreenShrinksAndMovesOntoTheSmallOne() {
        Rectangle2D fitted = WindowBounds.fit(new Rectangle2D(200, 60, 1600, 1000), SMALL);
        assertEquals(new Rectangle2D(0, 0, 1280, 720), fitted);
    }

    @Test
    void aWindowHangingOffTheRightEdgeIsMovedBackWholeKeepingItsSize() {
        Rectangle2D fitted = WindowBounds.fit(new Rectangle2D(1000, 500, 800, 600), new Rectangle2D(0, 30, 1600, 970));
        assertEquals(new Rectangle2D(800, 400, 800, 600), fitted);
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        Rectangle2D wanted = new Rectangle2D(100, 80, 1200, 700);
        assertEquals(wanted, WindowBounds.fit(wanted, LARGE));
    }

    @Test
    void theScreenIsTheOneTheWindowOverlapsMostOrElseThePrimary() {
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 720);
        List<Rectangle2D> screens = List.of(LARGE, right);
        assertEquals(right, WindowBounds.screenFor(new Rectangle2D(1800, 100, 800, 600), screens, LARGE));
        assertEquals(LARGE, WindowBounds.screenFor(new Rectangle2D(5000, 5000, 800, 600), screens, LARGE));
        assertEquals(new Rectangle2D(1920, 0, 1280, 720),
                WindowBounds.fit(new Rectangle2D(1800, 100, 1600, 1000), WindowBounds.screenFor(new Rectangle2D(1800, 100, 1600, 1000), screens, LARGE)));
    }
}
