package io.liqlab.ui.chart;

/**
 * Maps data values on one axis to pixels and back, linearly or by log10. {@code pixelAtMin} may be larger than
 * {@code pixelAtMax}, which is how the y axis grows upwards.
 */
final class AxisScale {

    private final double min;
    private final double max;
    private final boolean log;
    private final double pixelAtMin;
    private final double axisAtMin;
    private final double pixelsPerUnit;

    AxisScale(double min, double max, boolean log, double pixelAtMin, double pixelAtMax) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.pixelAtMin = pixelAtMin;
        this.axisAtMin = toAxis(min);
        double span = toAxis(max) - axisAtMin;
        this.pixelsPerUnit = span > 0 ? (pixelAtMax - pixelAtMin) / span : 0;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    boolean log() {
        return log;
    }

    /** Whether a value can be shown on this axis at all: finite, and positive on a log axis. */
    boolean accepts(double value) {
        return log ? value > 0 && value < Double.POSITIVE_INFINITY : Double.isFinite(value);
    }

    boolean contains(double value) {
        return accepts(value) && value >= min && value <= max;
    }

    double toPixel(double value) {
        return pixelAtMin + (toAxis(value) - axisAtMin) * pixelsPerUnit;
    }

    double toValue(double pixel) {
        double axis = pixelsPerUnit == 0 ? axisAtMin : axisAtMin + (pixel - pixelAtMin) / pixelsPerUnit;
        return log ? Math.pow(10, axis) : axis;
    }

    /** The value in the space distances are measured in on screen: log10 on a log axis. */
    double toAxis(double value) {
        return log ? Math.log10(value) : value;
    }
}
