package io.liqlab.ui.chart;

import java.util.Arrays;

/**
 * Builds one polyline in pixel coordinates and thins it to at most four points per pixel column: the first, the
 * lowest, the highest and the last, in their original order. That keeps vertical steps (venue tier changes) and
 * spikes exactly as tall as in the full data while a 1,241-point curve on a 600-pixel plot costs about a point per
 * pixel. The buffers are reused from one polyline to the next, so drawing allocates nothing per point.
 */
final class PolylineReducer {

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int size;

    // The pixel column being collected and its four candidate points; order counts arrival within the polyline.
    private long column;
    private boolean columnOpen;
    private int arrivals;
    private double firstX, firstY, lowX, lowY, highX, highY, lastX, lastY;
    private int firstOrder, lowOrder, highOrder, lastOrder;

    void begin() {
        size = 0;
        arrivals = 0;
        columnOpen = false;
    }

    void add(double x, double y) {
        long col = (long) Math.floor(x);
        int order = arrivals++;
        if (!columnOpen || col != column) {
            flushColumn();
            column = col;
            columnOpen = true;
            firstX = lowX = highX = lastX = x;
            firstY = lowY = highY = lastY = y;
            firstOrder = lowOrder = highOrder = lastOrder = order;
            return;
        }
        if (y < lowY) {
            lowX = x;
            lowY = y;
            lowOrder = order;
        }
        if (y > highY) {
            highX = x;
            highY = y;
            highOrder = order;
        }
        lastX = x;
        lastY = y;
        lastOrder = order;
    }

    /** Ends the polyline; {@link #xs()}, {@link #ys()} and {@link #size()} then hold it until the next {@link #begin()}. */
    void end() {
        flushColumn();
    }

    double[] xs() {
        return xs;
    }

    double[] ys() {
        return ys;
    }

    int size() {
        return size;
    }

    private void flushColumn() {
        if (!columnOpen) {
            return;
        }
        columnOpen = false;
        // first <= low, high <= last by construction; only low and high can come in either order.
        append(firstX, firstY, firstOrder, -1);
        int previous = firstOrder;
        if (lowOrder <= highOrder) {
            previous = append(lowX, lowY, lowOrder, previous);
            previous = append(highX, highY, highOrder, previous);
        } else {
            previous = append(highX, highY, highOrder, previous);
            previous = append(lowX, lowY, lowOrder, previous);
        }
        append(lastX, lastY, lastOrder, previous);
    }

    /** Appends a point unless it is the one appended just before (same arrival), and returns its arrival. */
    private int append(double x, double y, int order, int previousOrder) {
        if (order == previousOrder) {
            return order;
        }
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
        return order;
    }
}
