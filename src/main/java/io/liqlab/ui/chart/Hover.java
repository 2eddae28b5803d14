package io.liqlab.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The hover readout of every chart kind: finding a series' point nearest the pointer's x, and drawing the crosshair
 * (a dashed line at that x, and one across at the value nearest the pointer), a dot on each point read, and the box
 * with the readout's lines beside the pointer.
 */
final class Hover {
    private Hover() {
    }

    /**
     * A series' point nearest an x.
     *
     * @param index    the point's index
     * @param distance how far it is from the x asked about, on the axis's scale (log10 on a log axis)
     * @param covers   whether the x lies within the series (its first to last x, widened by half the mean spacing):
     *                 past either end a series says nothing, rather than its end value
     */
    record Nearest(int index, double distance, boolean covers) {
    }

    /**
     * The point of {@code xs[0..length)} nearest {@code x}, measured on a log axis by ratio; null when no point can
     * be shown on the axis (or x itself cannot). Points need not be sorted.
     */
    static Nearest nearest(double[] xs, int length, double x, boolean logAxis) {
        if (!usable(x, logAxis)) {
            return null;
        }
        double target = logAxis ? Math.log10(x) : x;
        int nearest = -1;
        double nearestDistance = Double.POSITIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int points = 0;
        for (int i = 0; i < length; i++) {
            if (!usable(xs[i], logAxis)) {
                continue;
            }
            double a = logAxis ? Math.log10(xs[i]) : xs[i];
            points++;
            low = Math.min(low, a);
            high = Math.max(high, a);
            double distance = Math.abs(a - target);
            if (distance < nearestDistance) {
                nearestDistance = distance;
                nearest = i;
            }
        }
        if (nearest < 0) {
            return null;
        }
        double slack = points > 1 ? (high - low) / (points - 1) / 2 : 0;
        return new Nearest(nearest, nearestDistance, target >= low - slack && target <= high + slack);
    }

    /** Whether a value can be placed on an axis: finite, and positive on a log axis. */
    static boolean usable(double value, boolean logAxis) {
        return logAxis ? value > 0 && value < Double.POSITIVE_INFINITY : Double.isFinite(value);
    }

    /**
     * Draws the readout for a pointer at row {@code pointerY} of the plot. Returns the pixel row of the horizontal
     * crosshair line, NaN when none was drawn (no line has a value on the plot).
     */
    static double draw(GraphicsContext gc, ChartRegion chart, PlotArea p, Readout readout, double pointerY, Font font,
                       double lineTextHeight) {
        ChartTheme colours = chart.theme();
        double scale = colours.fontScale();
        double px = ChartRegion.crisp(p.x().toPixel(readout.x()));

        gc.setStroke(colours.axis());
        gc.setLineWidth(1);
        gc.setLineDashes(3, 3);
        gc.strokeLine(px, p.top(), px, p.bottom());
        // The horizontal line reads the curve, not the mouse: it sits on the value of the curve nearest the pointer.
        double nearestCurve = Double.NaN;
        for (Readout.Line line : readout.lines()) {
            AxisScale y = p.yScale(line.rightAxis());
            if (!Double.isNaN(line.y()) && y.contains(line.y())) {
                double py = y.toPixel(line.y());
                if (Double.isNaN(nearestCurve) || Math.abs(py - pointerY) < Math.abs(nearestCurve - pointerY)) {
                    nearestCurve = py;
                }
            }
        }
        double crosshairY = Double.isNaN(nearestCurve) ? Double.NaN : ChartRegion.crisp(nearestCurve);
        if (!Double.isNaN(crosshairY)) {
            gc.strokeLine(p.left(), crosshairY, p.right(), crosshairY);
        }
        gc.setLineDashes((double[]) null);

        double dot = 3.5 * scale;
        for (Readout.Line line : readout.lines()) {
            AxisScale y = p.yScale(line.rightAxis());
            if (Double.isNaN(line.y()) || !y.contains(line.y())) {
                continue;
            }
            double dx = p.x().toPixel(line.x());
            double dy = y.toPixel(line.y());
            gc.setFill(line.color());
            gc.fillOval(dx - dot, dy - dot, 2 * dot, 2 * dot);
            gc.setStroke(colours.background());
            gc.strokeOval(dx - dot, dy - dot, 2 * dot, 2 * dot);
        }

        // The box: the heading, then one line per series with its colour.
        String heading = readout.heading();
        int n = readout.lines().size();
        double swatch = 10 * scale;
        double inner = 6 * scale;
        double lineHeight = lineTextHeight + 2 * scale;
        double widest = chart.textWidth(heading, font);
        for (Readout.Line line : readout.lines()) {
            widest = Math.max(widest, swatch + inner / 2 + chart.textWidth(line.text(), font));
        }
        double boxWidth = widest + 2 * inner;
        double boxHeight = (n + 1) * lineHeight + 2 * inner;
        double boxX = px + 12 * scale;
        if (boxX + boxWidth > p.right()) {
            boxX = Math.max(p.left(), px - 12 * scale - boxWidth);
        }
        double boxY = Math.clamp(pointerY + 12 * scale, p.top(), Math.max(p.top(), p.bottom() - boxHeight));
        gc.setFill(colours.background().deriveColor(0, 1, 1, 0.92));
        gc.fillRect(boxX, boxY, boxWidth, boxHeight);
        gc.setStroke(colours.axis());
        gc.strokeRect(ChartRegion.crisp(boxX), ChartRegion.crisp(boxY), Math.round(boxWidth), Math.round(boxHeight));
        gc.setFont(font);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(colours.text());
        gc.fillText(heading, boxX + inner, boxY + inner);
        for (int i = 0; i < n; i++) {
            Readout.Line line = readout.lines().get(i);
            double y = boxY + inner + (i + 1) * lineHeight;
            gc.setFill(line.color());
            gc.fillRect(boxX + inner, y + (lineTextHeight - swatch) / 2, swatch, swatch);
            gc.setFill(colours.text());
            gc.fillText(line.text(), boxX + inner + swatch + inner / 2, y);
        }
        return crosshairY;
    }
}
