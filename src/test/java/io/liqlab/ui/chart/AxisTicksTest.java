package io.liqlab.ui.chart;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AxisTicksTest {

    @Test
    void leverageAxisGetsStepsOfTwenty() {
        AxisTicks ticks = AxisTicks.linear(1, 125, 6);
        assertArrayEquals(new double[] {20, 40, 60, 80, 100, 120}, ticks.values(), 1e-9);
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for (double span : new double[] {0.0007, 0.3, 1, 7, 42, 125, 9_999, 3.3e6}) {
            for (int target = 2; target <= 12; target++) {
                double step = AxisTicks.niceStep(span, target);
                double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
                assertTrue(Arrays.stream(new double[] {1, 2, 5}).anyMatch(m -> Math.abs(m - mantissa) < 1e-6),
                        "step " + step + " for span " + span);
            }
        }
    }

    @Test
    void tenthStepsAreIndexTimesStep() {
        AxisTicks ticks = AxisTicks.linear(0, 1, 10);
        assertEquals(11, ticks.count());
        assertEquals(0.3, ticks.values()[3], 1e-12);
        assertEquals(1.0, ticks.values()[10], 1e-12);
    }

    @Test
    void logAxisHasDecadesAsMajorsAndTwoAndFiveBetween() {
        AxisTicks ticks = AxisTicks.log(1, 1000, 5);
        assertArrayEquals(new double[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}, ticks.values(), 1e-9);
        assertArrayEquals(new boolean[] {true, false, false, true, false, false, true, false, false, true}, ticks.major());
    }

    @Test
    void narrowLogRangeFallsBackToLinearValues() {
        AxisTicks ticks = AxisTicks.log(110, 180, 4);
        assertTrue(ticks.count() >= 2, Arrays.toString(ticks.values()));
        for (double v : ticks.values()) {
            assertTrue(v >= 110 && v <= 180, Arrays.toString(ticks.values()));
        }
    }

    @Test
    void emptyOrDegenerateRangesStayFinite() {
        assertEquals(1, AxisTicks.linear(5, 5, 5).count());
        assertEquals(0, AxisTicks.linear(Double.NaN, Double.NaN, 5).count());
    }
}
