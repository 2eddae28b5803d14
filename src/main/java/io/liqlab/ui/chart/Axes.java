package io.liqlab.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.HashSet;
import java.util.Set;

/**
 * The axes of every chart kind, drawn one way: grid lines at the ticks (minor ones fainter), the axis lines with their
 * tick marks, and tick labels (majors first; a text two ticks share is shown once) that, when asked to dodge, never
 * overlap another label of the frame. The chart kinds choose where the labels go; the rules are here. FX thread.
 */
final class Axes {
    /** Label passes: majors first, so a minor label only takes room no major label wanted. */
    private static final boolean[] MAJOR_THEN_MINOR = {true, false};

    private Axes() {
    }

    /** A grid line at every tick, across the plot; minor ticks at half the grid colour's opacity. */
    static void grid(GraphicsContext gc, PlotArea p, AxisTicks xTicks, AxisScale yScale, AxisTicks yTicks, ChartTheme colours) {
        Color minorGrid = colours.grid().deriveColor(0, 1, 1, 0.5);
        gc.setLineWidth(1);
        gc.setLineDashes((double[]) null);
        for (int i = 0; i < xTicks.count(); i++) {
            double x = ChartRegion.crisp(p.x().toPixel(xTicks.values()[i]));
            gc.setStroke(xTicks.major()[i] ? colours.grid() : minorGrid);
            gc.strokeLine(x, p.top(), x, p.bottom());
        }
        for (int i = 0; i < yTicks.count(); i++) {
            double y = ChartRegion.crisp(yScale.toPixel(yTicks.values()[i]));
            gc.setStroke(yTicks.major()[i] ? colours.grid() : minorGrid);
            gc.strokeLine(p.left(), y, p.right(), y);
        }
    }

    /**
     * The left and bottom axis lines with a tick mark at each tick (minor ones half as long), and a zero line when
     * a linear y axis spans zero, so a distance that changes sign reads against it.
     */
    static void axisLines(GraphicsContext gc, PlotArea p, AxisTicks xTicks, AxisTicks yTicks, ChartTheme colours,
                          double tickLength) {
        gc.setStroke(colours.axis());
        gc.setLineWidth(1);
        AxisScale y = p.y();
        if (!y.log() && y.min() < 0 && y.max() > 0) {
            double zero = ChartRegion.crisp(y.toPixel(0));
            gc.strokeLine(p.left(), zero, p.right(), zero);
        }
        double left = ChartRegion.crisp(p.left());
        double bottom = ChartRegion.crisp(p.bottom());
        gc.strokeLine(left, p.top(), left, bottom);
        gc.strokeLine(left, bottom, p.right(), bottom);
        for (int i = 0; i < xTicks.count(); i++) {
            double x = ChartRegion.crisp(p.x().toPixel(xTicks.values()[i]));
            gc.strokeLine(x, bottom, x, bottom + (xTicks.major()[i] ? tickLength : tickLength / 2));
        }
        for (int i = 0; i < yTicks.count(); i++) {
            double yy = ChartRegion.crisp(y.toPixel(yTicks.values()[i]));
            gc.strokeLine(left - (yTicks.major()[i] ? tickLength : tickLength / 2), yy, left, yy);
        }
    }

    /** A frame around the plot, on its outermost pixels. */
    static void frame(GraphicsContext gc, PlotArea p, ChartTheme colours) {
        gc.setStroke(colours.axis());
        gc.setLineWidth(1);
        gc.strokeRect(p.left() + 0.5, p.top() + 0.5, p.width() - 1, p.height() - 1);
    }

    /**
     * Labels of a vertical axis, each centred on its tick: ending at {@code edge} on the left of a plot, starting at
     * it on the right. With {@code dodge}, a label that would touch an earlier one is left out. Returns how many
     * were drawn.
     */
    static int yLabels(GraphicsContext gc, ChartRegion chart, AxisScale scale, AxisTicks ticks, String[] texts,
                       double edge, boolean rightSide, Font font, double textHeight, Color colour, boolean dodge) {
        gc.setFont(font);
        gc.setFill(colour);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        Set<String> shown = new HashSet<>();
        for (boolean majorPass : MAJOR_THEN_MINOR) {
            for (int i = 0; i < ticks.count(); i++) {
                // Two ticks that format alike ("4.2%" sixteen times on a narrow range) would say nothing: one label.
                if (ticks.major()[i] != majorPass || shown.contains(texts[i])) {
                    continue;
                }
                double w = chart.textWidth(texts[i], font);
                double x = rightSide ? edge : edge - w;
                double y = scale.toPixel(ticks.values()[i]) - textHeight / 2;
                if (!dodge) {
                    chart.placeText(gc, texts[i], x, y, w, textHeight);
                    shown.add(texts[i]);
                } else if (chart.placeTextIfFree(gc, texts[i], x, y, w, textHeight, 0, 2 * chart.theme().fontScale())) {
                    shown.add(texts[i]);
                }
            }
        }
        return shown.size();
    }

    /**
     * Labels of the horizontal axis, each centred under its tick with its top at {@code top}, moved inside
     * 0..{@code maxRight} where a label would stick out of the chart. With {@code dodge}, a label that would touch an
     * earlier one is left out. Returns how many were drawn.
     */
    static int xLabels(GraphicsContext gc, ChartRegion chart, AxisScale scale, AxisTicks ticks, String[] texts,
                       double top, double maxRight, Font font, double textHeight, Color colour, boolean dodge) {
        gc.setFont(font);
        gc.setFill(colour);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        Set<String> shown = new HashSet<>();
        for (boolean majorPass : MAJOR_THEN_MINOR) {
            for (int i = 0; i < ticks.count(); i++) {
                if (ticks.major()[i] != majorPass || shown.contains(texts[i])) {
                    continue;
                }
                double w = chart.textWidth(texts[i], font);
                double x = Math.clamp(scale.toPixel(ticks.values()[i]) - w / 2, 0, Math.max(0, maxRight - w));
                if (!dodge) {
                    chart.placeText(gc, texts[i], x, top, w, textHeight);
                    shown.add(texts[i]);
                } else if (chart.placeTextIfFree(gc, texts[i], x, top, w, textHeight, 6 * chart.theme().fontScale(), 0)) {
                    shown.add(texts[i]);
                }
            }
        }
        return shown.size();
    }
}
