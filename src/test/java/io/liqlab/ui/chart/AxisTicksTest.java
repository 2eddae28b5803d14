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

    @Test
    void aFiveMinuteRunTicksOnWholeMinutesAndAnHourRunOnTenMinutes() {
        assertArrayEquals(new double[] {0, 60, 120, 180, 240, 300}, AxisTicks.clock(0, 300, 6).values(), 1e-9);
        assertArrayEquals(new double[] {0, 600, 1200, 1800, 2400, 3000, 3600}, AxisTicks.clock(0, 3600, 8).values(), 1e-9);
    }

    @Test
    void aZoomedTimeWindowStartsAtTheFirstWholeStepInsideIt() {
        AxisTicks ticks = AxisTicks.clock(95, 170, 5);
        assertArrayEquals(new double[] {105, 120, 135, 150, 165}, ticks.values(), 1e-9);
        for (boolean major : ticks.major()) {
            assertTrue(major, "every clock tick gets a full grid line");
        }
    }

    @Test
    void clockLabelsReadAsMinutesAndSecondsThenHours() {
        assertArrayEquals(new String[] {"0:00", "1:30", "59:59", "1:00:00", "2:03:04"},
                new AxisTicks(new double[] {0, 90, 3599, 3600, 7384}, new boolean[5]).labels(AxisTicks::clockText));
        assertEquals("0:01", AxisTicks.clockText(0.6), "rounded to the second");
    }

    @Test
    void labelsUseTheAxisFormatAndNeverHoldNull() {
        AxisTicks ticks = AxisTicks.linear(0, 1, 2);
        assertArrayEquals(new String[] {"0%", "50%", "100%"}, ticks.labels(v -> Math.round(v * 100) + "%"));
        assertArrayEquals(new String[] {"", "", ""}, ticks.labels(v -> null));
    }

    @Test
    void anEmptyOrBackwardsTimeRangeHasNoTicks() {
        assertEquals(0, AxisTicks.clock(10, 5, 5).count());
        assertEquals(0, AxisTicks.clock(0, Double.NaN, 5).count());
    }
}
