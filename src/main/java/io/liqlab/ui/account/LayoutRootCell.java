package io.liqlab.ui.account;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * A table cell whose content is a layout root: a changed text inside it (a figure updated on every drag step) lays
 * out that content alone instead of asking the whole 50-row grid, the scroll pane and the tab to lay out again. The
 * cell keeps the widest and tallest size its content has asked for, so a column only grows (and then it asks its
 * parent once); {@link #contentResized()} tells it the content's size may have changed (an error message shown).
 */
final class LayoutRootCell extends Region {

    private final Parent content;
    private double width;
    private double height;

    LayoutRootCell(Parent content) {
        this.content = content;
        // Unmanaged: the content's requestLayout stops at it (a layout root) rather than climbing to the grid.
        content.setManaged(false);
        getChildren().add(content);
    }

    /**
     * The content's preferred size may have changed (an error message shown or gone): measured again at the next
     * layout, which the grid is asked for once.
     */
    void contentResized() {
        width = 0;
        height = 0;
        requestLayout();
    }

    /** After a text change: ask the grid for room only when the content no longer fits. */
    void contentChanged() {
        if (width == 0) {
            return; // not measured yet: the first layout will
        }
        double w = content.prefWidth(-1);
        if (w > width) {
            width = w;
            requestLayout();
        }
    }

    @Override
    protected double computePrefWidth(double h) {
        if (width == 0) {
            width = content.prefWidth(-1);
        }
        return width;
    }

    @Override
    protected double computePrefHeight(double w) {
        if (height == 0) {
            // at the width it will get: a wrapped error message under a field is as tall as its lines there
            height = content.prefHeight(computePrefWidth(-1));
        }
        return height;
    }

    @Override
    protected double computeMinWidth(double h) {
        return computePrefWidth(h);
    }

    @Override
    protected double computeMinHeight(double w) {
        return computePrefHeight(w);
    }

    /** No taller than its content: in a row made tall by an error message, a figure stays on the fields' line. */
    @Override
    protected double computeMaxHeight(double w) {
        return computePrefHeight(w);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    Node content() {
        return content;
    }
}
