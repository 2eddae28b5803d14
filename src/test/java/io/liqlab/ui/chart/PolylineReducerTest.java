package io.liqlab.ui.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolylineReducerTest {

    @Test
    void aThousandPointsOverTenPixelsKeepTheStepAndFewPoints() {
        PolylineReducer line = new PolylineReducer();
        line.begin();
        for (int i = 0; i < 1_000; i++) {
            double x = i / 100.0;                // 100 points per pixel column
            double y = i < 555 ? 10 : 90;        // a tier step in the middle of column 5
            line.add(x, y + (i % 7) * 0.1);      // with a little noise
        }
        line.end();
        assertTrue(line.size() <= 40, "at most four points per column, got " + line.size());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < line.size(); i++) {
            low = Math.min(low, line.ys()[i]);
            high = Math.max(high, line.ys()[i]);
            if (i > 0) {
                assertTrue(line.xs()[i] >= line.xs()[i - 1], "points stay in order");
            }
        }
        assertEquals(10, low, 1e-9);
        assertEquals(90.6, high, 1e-9);
        assertEquals(0, line.xs()[0]);
        assertEquals(9.99, line.xs()[line.size() - 1], 1e-9, "the last point is kept");
    }

    @Test
    void sparsePointsPassThroughUnchanged() {
        PolylineReducer line = new PolylineReducer();
        line.begin();
        for (int i = 0; i < 50; i++) {
            line.add(i * 3.0, i);
        }
        line.end();
        assertEquals(50, line.size());
        line.begin();
        line.add(1, 1);
        line.end();
        assertEquals(1, line.size(), "the buffer starts over for the next run");
    }
}
