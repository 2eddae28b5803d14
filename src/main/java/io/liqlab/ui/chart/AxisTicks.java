package io.liqlab.ui.chart;

import java.util.Arrays;

/**
 * Where an axis gets grid lines and which of them are worth a label: 1-2-5 steps on a linear axis, decades with
 * 2 and 5 in between on a log axis. Values are index times step so 0.1-steps print as 0.3, not 0.30000000000000004
 * after rounding.
 *
 * @param values tick values, ascending
 * @param major  whether each tick is a major one; minor ticks get a fainter grid line and a label only if there is room
 */
record AxisTicks(double[] values, boolean[] major) {

    /** Upper bound on ticks, so a degenerate range can never produce a runaway loop. */
    private static final int MAX_TICKS = 200;
    private static final int[] DECADE_MULTIPLES = {1, 2, 5};

    int count() {
        return values.length;
    }

    /** About {@code target} ticks between min and max at a 1, 2 or 5 times a power of ten step. */
    static AxisTicks linear(double min, double max, int target) {
        if (!(max > min) || !Double.isFinite(max - min)) {
            return Double.isFinite(min) ? new AxisTicks(new double[] {min}, new boolean[] {true}) : empty();
        }
        return stepped(min, max, niceStep(max - min, target));
    }

    /** Every multiple of {@code step} from {@code min} to {@code max}, each a major tick (at most MAX_TICKS). */
    private static AxisTicks stepped(double min, double max, double step) {
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        int n = (int) Math.min(MAX_TICKS, Math.max(0, last - first + 1));
        double[] values = new double[n];
        boolean[] major = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = (first + i) * step;
            major[i] = true;
        }
        return new AxisTicks(values, major);
    }

    /**
     * Decades as major ticks and 2 and 5 times each decade as minor ones. A range that holds fewer than three of
     * those (less than about half a decade) falls back to linear nice values, still placed on the log scale.
     */
    static AxisTicks log(double min, double max, int linearTarget) {
        if (!(min > 0) || !(max > min)) {
            return linear(min, max, linearTarget);
        }
        int firstDecade = (int) Math.floor(Math.log10(min));
        int lastDecade = (int) Math.ceil(Math.log10(max));
        double[] values = new double[Math.min(MAX_TICKS, 3 * (lastDecade - firstDecade + 1))];
        boolean[] major = new boolean[values.length];
        int n = 0;
        for (int decade = firstDecade; decade <= lastDecade && n + 3 <= values.length; decade++) {
            double power = Math.pow(10, decade);
            for (int mantissa : DECADE_MULTIPLES) {
                double v = mantissa * power;
                if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) {
                    values[n] = v;
                    major[n] = mantissa == 1;
                    n++;
                }
            }
        }
        if (n < 3) {
            return linear(min, max, linearTarget);
        }
        return new AxisTicks(Arrays.copyOf(values, n), Arrays.copyOf(major, n));
    }

    /** Steps of a clock axis: 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 5, 10 h, a day. */
    private static final double[] CLOCK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 18000,
            36000, 86400};

    /**
     * Seconds from {@code from} to {@code to} at the smallest clock step ({@link #clockStep}) giving at most
     * {@code target} ticks; every tick is major.
     */
    static AxisTicks clock(double from, double to, int target) {
        if (!(to >= from) || !Double.isFinite(to - from)) {
            return empty();
        }
        return stepped(from, to, clockStep(to - from, target));
    }

    /** The smallest clock step that cuts {@code seconds} into at most {@code target} parts (a day at most). */
    static double clockStep(double seconds, int target) {
        for (double step : CLOCK_STEPS) {
            if (seconds / step <= target) {
                return step;
            }
        }
        return CLOCK_STEPS[CLOCK_STEPS.length - 1];
    }

    /** Seconds as a clock reading, m:ss or h:mm:ss, rounded to the second. */
    static String clockText(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Each tick's label in {@code format}; a formatter that gives null gives "". */
    String[] labels(java.util.function.DoubleFunction<String> format) {
        String[] out = new String[values.length];
        for (int i = 0; i < out.length; i++) {
            String text = format.apply(values[i]);
            out[i] = text == null ? "" : text;
        }
        return out;
    }

    /** The 1-2-5 step nearest to splitting {@code span} into {@code target} parts (Heckbert's nice numbers). */
    static double niceStep(double span, int target) {
        double raw = span / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
        return nice * magnitude;
    }

    private static AxisTicks empty() {
        return new AxisTicks(new double[0], new boolean[0]);
    }
}
