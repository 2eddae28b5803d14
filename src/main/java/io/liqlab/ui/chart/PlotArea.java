package io.liqlab.ui.chart;

/**
 * Where a chart's data goes, in the chart's pixels, and the scales that map data into it: the one geometry the axes,
 * the data painting and the hover readout of every chart kind share.
 *
 * @param y2 the right axis's scale; null when the chart has none (values for it then go on the left axis)
 */
record PlotArea(double left, double top, double right, double bottom, AxisScale x, AxisScale y, AxisScale y2) {

    PlotArea {
        java.util.Objects.requireNonNull(x, "x");
        java.util.Objects.requireNonNull(y, "y");
    }

    PlotArea(double left, double top, double right, double bottom, AxisScale x, AxisScale y) {
        this(left, top, right, bottom, x, y, null);
    }

    double width() {
        return right - left;
    }

    double height() {
        return bottom - top;
    }

    /** Whether a pixel lies on the plot, its edges included. */
    boolean contains(double px, double py) {
        return px >= left && px <= right && py >= top && py <= bottom;
    }

    /** The scale of the left axis or, when asked and present, the right one. */
    AxisScale yScale(boolean rightAxis) {
        return rightAxis && y2 != null ? y2 : y;
    }
}
