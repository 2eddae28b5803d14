package io.liqlab.ui;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A pane around one node that keeps the node's layout changes to itself while its size stays the same. In JavaFX a
 * node that changes (a label's text, a list's cells, a progress bar's value) asks every ancestor up to the window
 * to lay out again, and each ancestor measures all its children: the event log scrolling to its next line, the time
 * label ticking or a progress bar moving had the whole Cascade tab measured again, wrapped labels and the what-if
 * form included (tens of milliseconds a frame on the software pipeline). Here such a request lays out only this
 * pane and what is in it; when the node's wanted size has really changed (longer text wrapping onto another line,
 * a bigger font), the ancestors are asked as before. The node's sizes are remembered until it changes, so an
 * ancestor's layout for some other reason does not measure it again either.
 */
public final class LayoutBoundary extends StackPane {

    /** The sizes last reported to the parent, for the width they were asked at; NaN: not asked since a change. */
    private double prefHeightWidth = Double.NaN;
    private double prefHeight = Double.NaN;
    private double minHeightWidth = Double.NaN;
    private double minHeight = Double.NaN;
    private double minWidth = Double.NaN;
    private double prefWidth = Double.NaN;
    /** The content asked for layout since this pane's last layout. */
    private boolean contentChanged;

    public LayoutBoundary(Node content) {
        super(content);
        getStyleClass().add("layout-boundary");
    }

    @Override
    public void requestLayout() {
        contentChanged = true;
        if (getParent() == null || getScene() == null || Double.isNaN(prefHeight)) {
            forget();
            super.requestLayout(); // not laid out by a parent yet: nothing to keep
            return;
        }
        // This pane alone is laid out on the next pulse; layoutChildren tells the parent if the size has changed.
        setNeedsLayout(true);
    }

    @Override
    protected void layoutChildren() {
        if (contentChanged) {
            contentChanged = false;
            if (sizeChanged()) {
                forget();
                super.requestLayout(); // the parent lays this pane out again at the size it wants now
            }
        }
        super.layoutChildren();
    }

    /** Whether the content now wants other sizes than were last reported to the parent. */
    private boolean sizeChanged() {
        if (Double.isNaN(prefHeight)) {
            return false; // not measured by the parent since it was last told: it measures anew anyway
        }
        return differs(prefHeight, super.computePrefHeight(prefHeightWidth))
                || !Double.isNaN(minHeight) && differs(minHeight, super.computeMinHeight(minHeightWidth))
                || !Double.isNaN(minWidth) && differs(minWidth, super.computeMinWidth(-1))
                || !Double.isNaN(prefWidth) && differs(prefWidth, super.computePrefWidth(-1));
    }

    private static boolean differs(double reported, double now) {
        return Math.abs(reported - now) > 0.5;
    }

    private void forget() {
        prefHeight = Double.NaN;
        prefHeightWidth = Double.NaN;
        minHeight = Double.NaN;
        minHeightWidth = Double.NaN;
        minWidth = Double.NaN;
        prefWidth = Double.NaN;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (Double.isNaN(prefHeight) || Double.compare(width, prefHeightWidth) != 0 || contentChanged) {
            prefHeight = super.computePrefHeight(width);
            prefHeightWidth = width;
        }
        return prefHeight;
    }

    @Override
    protected double computeMinHeight(double width) {
        if (Double.isNaN(minHeight) || Double.compare(width, minHeightWidth) != 0 || contentChanged) {
            minHeight = super.computeMinHeight(width);
            minHeightWidth = width;
        }
        return minHeight;
    }

    @Override
    protected double computeMinWidth(double height) {
        if (Double.isNaN(minWidth) || contentChanged) {
            minWidth = super.computeMinWidth(-1);
        }
        return minWidth;
    }

    @Override
    protected double computePrefWidth(double height) {
        if (Double.isNaN(prefWidth) || contentChanged) {
            prefWidth = super.computePrefWidth(-1);
        }
        return prefWidth;
    }
}
