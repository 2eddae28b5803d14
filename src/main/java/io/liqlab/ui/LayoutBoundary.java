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

    /** The sizes last reported to the parent; not measured since a change: NaN. Widths are measured at no height. */
    private final Kept prefHeight = new Kept();
    private final Kept minHeight = new Kept();
    private final Kept minWidth = new Kept();
    private final Kept prefWidth = new Kept();
    /** The content asked for layout since this pane's last layout. */
    private boolean contentChanged;

    public LayoutBoundary(Node content) {
        super(content);
        getStyleClass().add("layout-boundary");
    }

    @Override
    public void requestLayout() {
        contentChanged = true;
        if (prefHeight == null) { // from the superclass's constructor, before this pane's fields are set
            super.requestLayout();
            return;
        }
        if (getParent() == null || getScene() == null || !prefHeight.known()) {
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

    /**
     * Whether the content now wants other sizes than were last reported to the parent; not when the parent has not
     * measured it since it was last told (it measures anew anyway).
     */
    private boolean sizeChanged() {
        return prefHeight.known() && (prefHeight.differs(super::computePrefHeight) || minHeight.differs(super::computeMinHeight)
                || minWidth.differs(super::computeMinWidth) || prefWidth.differs(super::computePrefWidth));
    }

    private void forget() {
        prefHeight.forget();
        minHeight.forget();
        minWidth.forget();
        prefWidth.forget();
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight.at(width, contentChanged, super::computePrefHeight);
    }

    @Override
    protected double computeMinHeight(double width) {
        return minHeight.at(width, contentChanged, super::computeMinHeight);
    }

    @Override
    protected double computeMinWidth(double height) {
        return minWidth.at(-1, contentChanged, super::computeMinWidth);
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth.at(-1, contentChanged, super::computePrefWidth);
    }

    /** One size as last reported, and the other dimension it was measured at. */
    private static final class Kept {
        private double at = Double.NaN;
        private double value = Double.NaN;

        boolean known() {
            return !Double.isNaN(value);
        }

        /** The size at {@code other}: the one kept, unless it is for another {@code other} or {@code stale}. */
        double at(double other, boolean stale, java.util.function.DoubleUnaryOperator measure) {
            if (!known() || stale || Double.compare(other, at) != 0) {
                value = measure.applyAsDouble(other);
                at = other;
            }
            return value;
        }

        /** Kept, and the content measured again now wants another size (by more than half a pixel). */
        boolean differs(java.util.function.DoubleUnaryOperator measure) {
            return known() && Math.abs(value - measure.applyAsDouble(at)) > 0.5;
        }

        void forget() {
            at = Double.NaN;
            value = Double.NaN;
        }
    }
}
