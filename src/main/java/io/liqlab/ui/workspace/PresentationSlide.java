package io.liqlab.ui.workspace;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Position tab as a slide for the back of the room: the results card beside one large chart, the formula
 * across the bottom, in large type; sized from the window, so at 1280x720 the result and the chart are both in
 * view. The cards and the chart are borrowed from the normal layout and handed back, where they came from, on
 * {@link #leave()} (their layout constraints stay on the nodes).
 */
public final class PresentationSlide {
    private final ScrollPane card;
    private final ScrollPane formula;
    private Node chart;
    private final VBox root = new VBox(10);
    private final HBox upper = new HBox(12);
    private final StackPane chartSlot = new StackPane();
    private Parent chartHome;
    private int chartIndex;
    private boolean active;

    PresentationSlide(ScrollPane card, ScrollPane formula, Node chart) {
        this.card = card;
        this.formula = formula;
        this.chart = chart;
        root.getStyleClass().add("presentation-slide");
        root.setPadding(new Insets(10, 12, 10, 12));
        root.setFillWidth(true);
        upper.getChildren().addAll(new Pane(), chartSlot); // placeholders until entered
        HBox.setHgrow(chartSlot, Priority.ALWAYS);
        VBox.setVgrow(upper, Priority.ALWAYS);
        chartSlot.setMinSize(0, 0);
        root.getChildren().add(upper);
    }

    /** Moves the cards and the chart in; returns the slide to show. */
    Region enter() {
        if (active) {
            return root;
        }
        active = true;
        borrowChart();
        // The result column takes about two fifths of the width, the chart the rest; the formula row about a third
        // of the height, full width, so its expressions need not wrap.
        card.prefWidthProperty().bind(root.widthProperty().multiply(0.42));
        card.minWidthProperty().bind(card.prefWidthProperty());
        card.maxWidthProperty().bind(card.prefWidthProperty());
        formula.prefHeightProperty().bind(root.heightProperty().multiply(0.3));
        formula.minHeightProperty().bind(formula.prefHeightProperty());
        formula.maxHeightProperty().bind(formula.prefHeightProperty());
        formula.setMaxWidth(Double.MAX_VALUE);
        upper.getChildren().setAll(card, chartSlot);
        root.getChildren().setAll(upper, formula);
        return root;
    }

    /** Hands the cards and the chart back to where they were. */
    void leave() {
        if (!active) {
            return;
        }
        active = false;
        upper.getChildren().clear();
        root.getChildren().clear();
        chartSlot.getChildren().clear();
        card.prefWidthProperty().unbind();
        card.minWidthProperty().unbind();
        card.maxWidthProperty().unbind();
        formula.prefHeightProperty().unbind();
        formula.minHeightProperty().unbind();
        formula.maxHeightProperty().unbind();
        card.setPrefWidth(460);
        card.setMinWidth(380);
        card.setMaxWidth(Region.USE_COMPUTED_SIZE);
        formula.setPrefHeight(Region.USE_COMPUTED_SIZE);
        formula.setMinHeight(Region.USE_COMPUTED_SIZE);
        formula.setMaxHeight(Region.USE_COMPUTED_SIZE);
        returnChart();
    }

    /**
     * Shows {@code next} as the slide's chart (a guided step about the holding-time chart shows that one); while
     * the slide is up, the chart shown before goes back to its place at once.
     */
    void showChart(Node next) {
        if (next == null || next == chart) {
            return;
        }
        if (active) {
            chartSlot.getChildren().clear();
            returnChart();
            chart = next;
            borrowChart();
        } else {
            chart = next;
        }
    }

    /** The chart on the slide (or the one it will show). */
    public Node chart() {
        return chart;
    }

    private void borrowChart() {
        chartHome = chart.getParent();
        chartIndex = chartHome == null ? -1 : childrenOf(chartHome).indexOf(chart);
        if (chartHome != null) {
            childrenOf(chartHome).remove(chart);
        }
        chartSlot.getChildren().setAll(chart);
    }

    private void returnChart() {
        if (chartHome != null) {
            var children = childrenOf(chartHome);
            children.add(Math.clamp(chartIndex, 0, children.size()), chart);
        }
    }

    boolean active() {
        return active;
    }

    /** The slide's root while it is shown (tests). */
    public Region root() {
        return root;
    }

    private static javafx.collections.ObservableList<Node> childrenOf(Parent p) {
        if (p instanceof Pane pane) {
            return pane.getChildren();
        }
        throw new IllegalStateException("the chart sits in a " + p.getClass().getSimpleName() + ", not a Pane");
    }
}
