package io.liqlab.ui.chart;

import java.util.Arrays;

/**
 * The rectangles of the text drawn in one frame. Tick labels ask {@link #isFree} before they are drawn and are
 * skipped when they would touch an earlier label, which is how labels never overlap at any size or font scale.
 */
final class LabelBoxes {

    private double[] boxes = new double[4 * 64];
    private int count;

    void clear() {
        count = 0;
    }

    /**
     * Whether a box, widened by {@code gapX} left and right and {@code gapY} above and below, touches none of the
     * boxes placed so far. Separate gaps let neighbouring tick labels keep their distance along the axis without
     * pushing away the axis title below them.
     */
    boolean isFree(double x, double y, double width, double height, double gapX, double gapY) {
        for (int i = 0; i < count; i++) {
            int at = 4 * i;
            if (x - gapX < boxes[at] + boxes[at + 2] && boxes[at] < x + width + gapX
                    && y - gapY < boxes[at + 1] + boxes[at + 3] && boxes[at + 1] < y + height + gapY) {
                return false;
            }
        }
        return true;
    }

    void add(double x, double y, double width, double height) {
        if (4 * count == boxes.length) {
            boxes = Arrays.copyOf(boxes, boxes.length * 2);
        }
        int at = 4 * count++;
        boxes[at] = x;
        boxes[at + 1] = y;
        boxes[at + 2] = width;
        boxes[at + 3] = height;
    }

    int count() {
        return count;
    }

    /** {x, y, width, height} of the i-th box. */
    double[] box(int i) {
        return Arrays.copyOfRange(boxes, 4 * i, 4 * i + 4);
    }
}
