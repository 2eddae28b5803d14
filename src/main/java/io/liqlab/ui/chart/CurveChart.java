package io.liqlab.ui.chart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A line chart drawn on a canvas, for curves that are replaced on every slider step (seven venues times 1,241
 * leverage points). The stock {@code LineChart} builds a node per point; this draws one polyline per unbroken run,
 * thinned to a few points per pixel column, and redraws at most once per frame however often its inputs change
 * (chart-fx's approach).
 *
 * <p>Use it from the FX thread only. Series arrays are read when the chart draws, not copied, so a caller can refill
 * the same arrays and call {@link #setSeries} again without allocating.
 */
public final class CurveChart extends ChartRegion {

    /** Style class of the chart kind, for placing and sizing it from CSS; its colours come from {@link ChartRegion}. */
    public static final String STYLE_CLASS = "curve-chart";

    private static final double PREF_WIDTH = 640;
    private static final double PREF_HEIGHT = 400;
    private static final double MIN_SIZE = 120;
    /** Shown in the hover readout where a series has no value (a gap, or beyond its last point). */
    private static final String NO_VALUE = "\u2014";
    private static final int LABEL_DIGITS = 6;

    /**
     * One curve. {@code y} may hold NaN for a gap (no point there); where {@code allowed[i]} is false the segment
     * ending at point i is drawn dashed ({@code allowed == null} means every segment is solid). Only the first
     * {@code length} points are used, so callers can reuse longer arrays. Arrays are held, not copied, so equality
     * is by array identity. An x whose y is NaN still counts for the x axis range, so an axis evaluated over 1..125
     * stays 1..125 when curves stop early.
     */
    public record Series(String name, Color color, double[] x, double[] y, boolean[] allowed, int length) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            int capacity = Math.min(x.length, y.length);
            if (allowed != null) {
                capacity = Math.min(capacity, allowed.length);
            }
            if (length < 0 || length > capacity) {
                throw new IllegalArgumentException("length " + length + " outside 0.." + capacity + " for series " + name);
            }
        }

        /** A curve with every segment solid, using all points the shorter of x and y holds. */
        public Series(String name, Color color, double[] x, double[] y) {
            this(name, color, x, y, null, Math.min(x.length, y.length));
        }
    }

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");
    private final DoubleProperty markerX = new SimpleDoubleProperty(this, "markerX", Double.NaN);
    private final BooleanProperty logX = new SimpleBooleanProperty(this, "logX", false);
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final BooleanProperty yIncludesZero = new SimpleBooleanProperty(this, "yIncludesZero", true);
    private final ObjectProperty<DoubleFunction<String>> xFormat =
            new SimpleObjectProperty<>(this, "xFormat", CurveChart::plainNumber);
    private final ObjectProperty<DoubleFunction<String>> yFormat =
            new SimpleObjectProperty<>(this, "yFormat", CurveChart::plainNumber);
    private final ObjectProperty<DoubleFunction<String>> hoverXFormat = new SimpleObjectProperty<>(this, "hoverXFormat");
    private final Canvas chartCanvas = new Canvas();
    /** Curves only, over the background canvas: data changes redraw this layer and leave titles, axes and grid alone. */
    private final Canvas curvesCanvas = new Canvas();
    /** What the background canvas was last drawn for; equal keys mean only the curves need drawing. */
    private FrameKey frameKey;
    private final PolylineReducer polyline = new PolylineReducer();
    private final double[] dashPattern = new double[2];

    private List<Series> series = List.of();
    private final javafx.scene.shape.Line markerLine = new javafx.scene.shape.Line();
    /** A Text and its box rather than a Label: a Label's font follows the stylesheet, so its text would not fit the measured box. */
    private final javafx.scene.text.Text markerText = new javafx.scene.text.Text();
    private final javafx.scene.shape.Rectangle markerBox = new javafx.scene.shape.Rectangle();
    private final javafx.scene.Group markerLabel = new javafx.scene.Group(markerBox, markerText);
    private int redrawCount;

    private Fonts fonts;
    /** The plot of the last frame drawn (the hover layer maps the pointer through it); null when there was no room. */
    private PlotArea plot;
    /** Whether the last frame has its legend (a chart too short for legend and plot drops the legend). */
    private boolean legendShown = true;
    /** The least plot height (or three tick labels, if taller) for which a legend is drawn above the plot. */
    private static final double MIN_PLOT_HEIGHT = 60;

    public CurveChart(String title, String xLabel, String yLabel) {
        super(STYLE_CLASS);
        this.title.set(title);
        this.xLabel.set(xLabel);
        this.yLabel.set(yLabel);

        // The canvases follow the region's size (ChartRegion's layout); the marker is placed as the overlay.
        curvesCanvas.setMouseTransparent(true);
        markerLine.setMouseTransparent(true);
        markerLabel.setMouseTransparent(true);
        markerText.setTextOrigin(VPos.TOP);
        addLayers(chartCanvas, curvesCanvas, markerLine, markerLabel);

        // The chart owns these properties, so the subscriptions live exactly as long as it does.
        for (ObservableValue<?> input : List.<ObservableValue<?>>of(this.title, this.xLabel, this.yLabel, logX, logY,
                yIncludesZero, xFormat, yFormat, themeProperty())) {
            input.subscribe((Object ignored) -> requestContent());
        }
        // The marker is an overlay: moving it (every slider step) must not redraw thousands of points.
        markerX.subscribe((Number ignored) -> requestOverlay());
    }

    /** Replaces all curves. Cheap: the chart only marks itself dirty and draws once on the next pulse. */
    public void setSeries(List<Series> series) {
        this.series = List.copyOf(series);
        requestContent();
    }

    public List<Series> getSeries() {
        return series;
    }

    /** Vertical marker line at this x, with its value printed beside it; NaN for none. */
    public DoubleProperty markerXProperty() {
        return markerX;
    }

    public BooleanProperty logXProperty() {
        return logX;
    }

    public BooleanProperty logYProperty() {
        return logY;
    }

    /**
     * Whether a linear y axis stretches to 0 when all values are on one side of it (true by default), so distances
     * read against zero. Turn it off for prices, where zero would flatten the curves into a line.
     */
    public BooleanProperty yIncludesZeroProperty() {
        return yIncludesZero;
    }

    /** Formats x values for tick labels, the marker and the hover readout. */
    public ObjectProperty<DoubleFunction<String>> xFormatProperty() {
        return xFormat;
    }

    /** Formats y values for tick labels and the hover readout. */
    public ObjectProperty<DoubleFunction<String>> yFormatProperty() {
        return yFormat;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public StringProperty yLabelProperty() {
        return yLabel;
    }

    /**
     * The hover readout's heading for an x, in words and units ("notional 79,433 USD", "held 11.5 days"); null (the
     * default) for the x axis title and the tick format ("leverage (x): 25x"), which suits an axis title without
     * scale notes.
     */
    public ObjectProperty<DoubleFunction<String>> hoverXFormatProperty() {
        return hoverXFormat;
    }

    /**
     * The x value under horizontal pixel {@code localX} of this chart (its own coordinates, as a mouse event gives
     * them), held inside the plotted range; NaN before the chart has been drawn. For charts the user drags along x.
     */
    public double xValueAt(double localX) {
        PlotArea p = plot;
        if (p == null) {
            return Double.NaN;
        }
        double px = Math.max(p.left(), Math.min(p.right(), localX - layerX()));
        return p.x().toValue(px);
    }

    /** The pixel y of a value on the last frame's y axis (tests). */
    double yPixelForTest(double y) {
        return plot.y().toPixel(y) + layerY();
    }

    /** The pixel x of a value on the last frame's x axis (tests). */
    double xPixelForTest(double x) {
        return plot.x().toPixel(x) + layerX();
    }

    /** {xMin, xMax, yMin, yMax} the axes span for the current series and settings, padding included. */
    double[] dataBoundsForTest() {
        DataBounds b = snapToTicks(computeBounds());
        return new double[] {b.xMin(), b.xMax(), b.yMin(), b.yMax()};
    }

    /** How many times the curves layer has been drawn; lets tests check that changes are coalesced per frame. */
    int redrawCount() {
        return redrawCount;
    }

    @Override
    protected double computePrefWidth(double height) {
        return getInsets().getLeft() + PREF_WIDTH + getInsets().getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        return getInsets().getTop() + PREF_HEIGHT + getInsets().getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        return getInsets().getLeft() + MIN_SIZE + getInsets().getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return getInsets().getTop() + MIN_SIZE + getInsets().getBottom();
    }

    // ---- ranges -----------------------------------------------------------------------------------------------

    private record DataBounds(double xMin, double xMax, double yMin, double yMax) {
    }

    /**
     * The x range covers every usable x, even where y is NaN: a caller that evaluates leverage 1..125 keeps that
     * axis while venues drop out at high leverage, so the axis does not jump as sliders move. The y range covers the
     * points that have both coordinates, padded by 5% and stretched to 0 when {@link #yIncludesZeroProperty()} says so.
     */
    private DataBounds computeBounds() {
        boolean logXAxis = logX.get();
        boolean logYAxis = logY.get();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] xs = s.x();
            double[] ys = s.y();
            for (int i = 0; i < s.length(); i++) {
                double x = xs[i];
                if (!Hover.usable(x, logXAxis)) {
                    continue;
                }
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                double y = ys[i];
                if (Hover.usable(y, logYAxis)) {
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        double[] xRange = widenIfEmpty(xMin, xMax, logXAxis);
        double[] yRange = widenIfEmpty(yMin, yMax, logYAxis);
        yMin = yRange[0];
        yMax = yRange[1];
        if (logYAxis) {
            double pad = 0.05 * (Math.log10(yMax) - Math.log10(yMin));
            yMin = Math.pow(10, Math.log10(yMin) - pad);
            yMax = Math.pow(10, Math.log10(yMax) + pad);
        } else {
            boolean anchorLow = yIncludesZero.get() && yMin >= 0;
            boolean anchorHigh = yIncludesZero.get() && yMax <= 0;
            if (anchorLow) {
                yMin = 0;
            }
            if (anchorHigh) {
                yMax = 0;
            }
            double pad = 0.05 * (yMax - yMin);
            yMin = anchorLow ? yMin : yMin - pad;
            yMax = anchorHigh ? yMax : yMax + pad;
        }
        return new DataBounds(xRange[0], xRange[1], yMin, yMax);
    }

    /** A non-empty range: a default one when there is no data, a small one around a single value. */
    private static double[] widenIfEmpty(double min, double max, boolean logAxis) {
        if (min > max) {
            return logAxis ? new double[] {1, 10} : new double[] {0, 1};
        }
        // A range lost in rounding noise (a flat line computed twice) is a single value: widen it to be readable.
        if (min == max || max - min <= 1e-9 * Math.max(Math.abs(min), Math.abs(max))) {
            if (logAxis) {
                return new double[] {min / 2, max * 2};
            }
            double half = min == 0 ? 0.5 : Math.abs(min) * 0.05;
            return new double[] {min - half, max + half};
        }
        return new double[] {min, max};
    }

    // ---- drawing the chart layer ------------------------------------------------------------------------------

    /** Fonts and their line heights at one scale; rebuilt only when the scale changes. */
    private record Fonts(double scale, Font tick, double tickHeight, Font label, double labelHeight, Font title,
                         double titleHeight) {
    }

    private Fonts fontsFor(double scale) {
        if (fonts == null || fonts.scale() != scale) {
            Font tick = font(11, false);
            Font label = font(12, false);
            Font titleFont = font(14, true);
            fonts = new Fonts(scale, tick, lineHeight(tick), label, lineHeight(label), titleFont, lineHeight(titleFont));
        }
        return fonts;
    }

    /** Everything the background layer depends on. */
    private record FrameKey(double width, double height, ChartTheme theme, String title, String xLabel, String yLabel,
                            List<String> names, List<Color> colours, DataBounds bounds, boolean logX, boolean logY,
                            Object xFormat, Object yFormat) {
    }

    @Override
    void drawContent(double width, double height) {
        redrawCount++;
        DataBounds snapped = snapToTicks(computeBounds());
        FrameKey key = new FrameKey(chartCanvas.getWidth(), chartCanvas.getHeight(), theme(), title.get(), xLabel.get(),
                yLabel.get(), series.stream().map(Series::name).toList(), series.stream().map(Series::color).toList(), snapped,
                logX.get(), logY.get(), xFormat.get(), yFormat.get());
        if (!key.equals(frameKey) || plot == null) {
            drawBackground(snapped);
            frameKey = plot == null ? null : key;
        }
        GraphicsContext curves = curvesCanvas.getGraphicsContext2D();
        curves.clearRect(0, 0, curvesCanvas.getWidth(), curvesCanvas.getHeight());
        if (plot != null) {
            drawCurves(curves, theme().fontScale());
        }
    }

    /**
     * Widens a linear y range outward to whole steps of its ticks, so that small changes in the data (every slider
     * step) keep the same axes and only the curves layer is redrawn.
     */
    private DataBounds snapToTicks(DataBounds b) {
        if (logY.get()) {
            return b;
        }
        double step = AxisTicks.niceStep(b.yMax() - b.yMin(), 5) / 2;
        double yMin = b.yMin() == 0 ? 0 : Math.floor(b.yMin() / step) * step;
        double yMax = b.yMax() == 0 ? 0 : Math.ceil(b.yMax() / step) * step;
        return new DataBounds(b.xMin(), b.xMax(), yMin, yMax);
    }

    @Override
    PlotArea plotArea() {
        return plot;
    }

    private void drawBackground(DataBounds bounds) {
        clearLabels();
        plot = null;
        GraphicsContext gc = chartCanvas.getGraphicsContext2D();
        double width = chartCanvas.getWidth();
        double height = chartCanvas.getHeight();
        ChartTheme colours = theme();
        double scale = colours.fontScale();
        Fonts f = fontsFor(scale);
        // A full, opaque fill lets the canvas discard commands still queued from frames it has not rendered yet.
        gc.setFill(colours.background());
        gc.fillRect(0, 0, width, height);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setLineDashes((double[]) null);

        double pad = 8 * scale;
        double tickLength = 4 * scale;
        double labelGap = 3 * scale;
        double top = drawTitle(gc, f, colours, width, pad);

        String xTitle = xLabel.get();
        String yTitle = yLabel.get();
        boolean hasXTitle = !isBlank(xTitle);
        boolean hasYTitle = !isBlank(yTitle);
        double xTitleTop = height - pad - f.labelHeight();
        double xTickLabelTop = (hasXTitle ? xTitleTop - pad / 2 : height - pad) - f.tickHeight();
        // The legend only where it leaves the plot room to read: in a short chart (a small window, several
        // curves) two legend rows left no plot at all. The curve toggles above the charts name the colours too.
        double withLegend = drawLegend(gc, f, colours, width, top, pad, false);
        if (xTickLabelTop - labelGap - tickLength - (withLegend + f.tickHeight() / 2) >= Math.max(MIN_PLOT_HEIGHT, 3 * f.tickHeight())) {
            top = drawLegend(gc, f, colours, width, top, pad, true);
        }
        legendShown = top == withLegend;
        double plotTop = top + f.tickHeight() / 2;
        double plotBottom = xTickLabelTop - labelGap - tickLength;
        if (plotBottom - plotTop < 8) {
            return;
        }

        AxisScale yScale = new AxisScale(bounds.yMin(), bounds.yMax(), logY.get(), plotBottom, plotTop);
        int yTarget = Math.max(2, (int) ((plotBottom - plotTop) / (f.tickHeight() * 2.5)));
        AxisTicks yTicks = ticks(bounds.yMin(), bounds.yMax(), logY.get(), yTarget);
        String[] yTexts = yTicks.labels(formatter(yFormat));
        double widestY = maxWidth(yTexts, f.tick());
        double plotLeft = Math.round(pad + (hasYTitle ? f.labelHeight() + pad / 2 : 0) + widestY + labelGap + tickLength);
        // Room for half of the last x label, which is centred on its tick near the right edge.
        double lastXLabel = textWidth(format(xFormat, bounds.xMax()), f.tick());
        double plotRight = Math.round(width - Math.max(1.5 * pad, lastXLabel / 2 + 2));
        if (plotRight - plotLeft < 8) {
            return;
        }
        AxisScale xScale = new AxisScale(bounds.xMin(), bounds.xMax(), logX.get(), plotLeft, plotRight);
        PlotArea p = new PlotArea(plotLeft, plotTop, plotRight, plotBottom, xScale, yScale);
        AxisTicks xTicks = xTicks(bounds, p, f, scale);

        gc.setFill(colours.plotBackground());
        gc.fillRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        Axes.grid(gc, p, xTicks, yScale, yTicks, colours);
        Axes.axisLines(gc, p, xTicks, yTicks, colours, tickLength);

        // Axis titles sit in their own strips, so they are placed before the tick labels that must dodge them.
        gc.setFill(colours.text());
        if (hasXTitle) {
            gc.setFont(f.label());
            String text = fit(xTitle, f.label(), plotRight - plotLeft);
            double w = textWidth(text, f.label());
            placeText(gc, text, (plotLeft + plotRight - w) / 2, xTitleTop, w, f.labelHeight());
        }
        if (hasYTitle) {
            drawYTitle(gc, f, p, yTitle, pad);
        }
        Axes.yLabels(gc, this, yScale, yTicks, yTexts, plotLeft - tickLength - labelGap, false, f.tick(), f.tickHeight(),
                colours.text(), true);
        Axes.xLabels(gc, this, xScale, xTicks, xTicks.labels(formatter(xFormat)), xTickLabelTop, width, f.tick(),
                f.tickHeight(), colours.text(), true);
        plot = p;
    }

    private double drawTitle(GraphicsContext gc, Fonts f, ChartTheme colours, double width, double pad) {
        String text = fit(title.get(), f.title(), width - 2 * pad);
        if (text.isEmpty()) {
            return pad;
        }
        double w = textWidth(text, f.title());
        gc.setFont(f.title());
        gc.setFill(colours.text());
        placeText(gc, text, Math.max(pad, (width - w) / 2), pad, w, f.titleHeight());
        return pad + f.titleHeight() + pad / 2;
    }

    /** The plot's height in the last frame, 0 when there was no room for one (tests). */
    double plotHeightForTest() {
        return plot == null ? 0 : plot.height();
    }

    /** Whether the legend is drawn (tests). */
    boolean legendShownForTest() {
        return legendShown;
    }

    /**
     * Series names with their colour, in centred rows above the plot so the legend never covers a curve. With
     * {@code draw} false, only measures: returns where the plot would start below it.
     */
    private double drawLegend(GraphicsContext gc, Fonts f, ChartTheme colours, double width, double top, double pad,
                              boolean draw) {
        double scale = f.scale();
        double swatch = 18 * scale;
        double swatchGap = 5 * scale;
        double entryGap = 14 * scale;
        double rowWidthLimit = width - 2 * pad;
        double nameWidthLimit = rowWidthLimit - swatch - swatchGap;
        gc.setFont(f.label());
        int next = 0;
        int rows = 0;
        while (next < series.size()) {
            int first = next;
            double rowWidth = 0;
            while (next < series.size()) {
                String name = series.get(next).name();
                if (isBlank(name)) {
                    next++;
                    continue;
                }
                double entry = swatch + swatchGap + textWidth(fit(name, f.label(), nameWidthLimit), f.label());
                double needed = rowWidth == 0 ? entry : entryGap + entry;
                if (rowWidth > 0 && rowWidth + needed > rowWidthLimit) {
                    break;
                }
                rowWidth += needed;
                next++;
            }
            if (rowWidth == 0) {
                continue;
            }
            if (!draw) { // measuring only
                top += f.labelHeight() + pad / 4;
                rows++;
                continue;
            }
            double x = Math.max(pad, (width - rowWidth) / 2);
            double middle = top + f.labelHeight() / 2;
            for (int i = first; i < next; i++) {
                Series s = series.get(i);
                if (isBlank(s.name())) {
                    continue;
                }
                gc.setStroke(s.color());
                gc.setLineWidth(curveWidth(scale));
                gc.strokeLine(x, middle, x + swatch, middle);
                String text = fit(s.name(), f.label(), nameWidthLimit);
                double w = textWidth(text, f.label());
                gc.setFill(colours.text());
                placeText(gc, text, x + swatch + swatchGap, top, w, f.labelHeight());
                x += swatch + swatchGap + w + entryGap;
            }
            top += f.labelHeight() + pad / 4;
            rows++;
        }
        return rows == 0 ? top : top + pad / 2;
    }

    private void drawYTitle(GraphicsContext gc, Fonts f, PlotArea p, String yTitle, double pad) {
        String text = fit(yTitle, f.label(), p.height());
        double w = textWidth(text, f.label());
        double centreY = (p.top() + p.bottom()) / 2;
        gc.save();
        gc.translate(pad, centreY + w / 2);
        gc.rotate(-90);
        gc.setFont(f.label());
        gc.fillText(text, 0, 0);
        gc.restore();
        reserveLabel(text, pad, centreY - w / 2, f.labelHeight(), w);
    }

    private AxisTicks ticks(double min, double max, boolean log, int target) {
        return log ? AxisTicks.log(min, max, target) : AxisTicks.linear(min, max, target);
    }

    /** X ticks spaced so that their labels, measured in the current font and format, mostly fit side by side. */
    private AxisTicks xTicks(DataBounds bounds, PlotArea p, Fonts f, double scale) {
        double plotWidth = p.width();
        int target = Math.max(2, (int) (plotWidth / (70 * scale)));
        AxisTicks ticks = ticks(bounds.xMin(), bounds.xMax(), logX.get(), target);
        if (logX.get() && ticks.count() > 0 && ticks.major()[0] != ticks.major()[ticks.count() - 1]) {
            return ticks; // decades: the labels that do not fit are skipped by priority instead
        }
        double widest = 0;
        for (double v : ticks.values()) {
            widest = Math.max(widest, textWidth(format(xFormat, v), f.tick()));
        }
        // Fewer, evenly spaced labels read better than the every-other pattern that skipping collisions leaves.
        int fitting = Math.max(1, (int) (plotWidth / (widest + 12 * scale)));
        while (ticks.count() > fitting && target > 1) {
            target--;
            ticks = ticks(bounds.xMin(), bounds.xMax(), logX.get(), target);
        }
        return ticks;
    }

    private void drawCurves(GraphicsContext gc, double scale) {
        // No gc.clip(): a canvas clip makes the renderer allocate a canvas-sized mask on every redraw (measured:
        // most of the garbage while dragging the slider). The axes are auto-ranged to the data and drawSeries
        // clamps stray points to the plot, so nothing can spill.
        gc.save();
        gc.setLineWidth(curveWidth(scale));
        gc.setLineJoin(StrokeLineJoin.BEVEL);
        gc.setLineCap(StrokeLineCap.BUTT);
        dashPattern[0] = 6 * scale;
        dashPattern[1] = 4 * scale;
        for (Series s : series) {
            gc.setStroke(s.color());
            gc.setFill(s.color());
            drawSeries(gc, s);
        }
        gc.restore();
    }

    /**
     * One polyline per run of drawable points with the same dash state. A segment belongs to the point it ends at,
     * so when the state flips the new run starts at the previous point and the curve stays connected.
     */
    private void drawSeries(GraphicsContext gc, Series s) {
        PlotArea p = plot;
        double[] xs = s.x();
        double[] ys = s.y();
        boolean[] allowed = s.allowed();
        boolean inRun = false;
        boolean runHasSegment = false;
        boolean runDashed = false;
        double previousX = 0;
        double previousY = 0;
        for (int i = 0; i < s.length(); i++) {
            double x = xs[i];
            double y = ys[i];
            if (!p.x().accepts(x) || !p.y().accepts(y)) {
                if (inRun) {
                    strokeRun(gc, runDashed);
                    inRun = false;
                }
                continue;
            }
            double px = Math.clamp(p.x().toPixel(x), p.left(), p.right());
            double py = Math.clamp(p.y().toPixel(y), p.top(), p.bottom());
            if (!inRun) {
                polyline.begin();
                inRun = true;
                runHasSegment = false;
            } else {
                boolean dashed = allowed != null && !allowed[i];
                if (!runHasSegment) {
                    runDashed = dashed;
                    runHasSegment = true;
                } else if (dashed != runDashed) {
                    strokeRun(gc, runDashed);
                    polyline.begin();
                    polyline.add(previousX, previousY);
                    runDashed = dashed;
                }
            }
            polyline.add(px, py);
            previousX = px;
            previousY = py;
        }
        if (inRun) {
            strokeRun(gc, runDashed);
        }
    }

    private void strokeRun(GraphicsContext gc, boolean dashed) {
        polyline.end();
        int n = polyline.size();
        if (n == 1) {
            // A point with gaps on both sides would be invisible as a line.
            double r = gc.getLineWidth();
            gc.fillOval(polyline.xs()[0] - r, polyline.ys()[0] - r, 2 * r, 2 * r);
            return;
        }
        gc.setLineDashes(dashed ? dashPattern : null);
        gc.strokePolyline(polyline.xs(), polyline.ys(), n);
    }

    /**
     * Places the marker: a line and a boxed label as scene-graph nodes over the canvases. Moving them dirties a
     * thin strip of the window, where redrawing a canvas would make the renderer repaint and composite the whole
     * chart on every slider step.
     */
    @Override
    void placeOverlay() {
        double x = markerX.get();
        PlotArea p = plot;
        boolean shown = p != null && p.x().contains(x);
        markerLine.setVisible(shown);
        markerLabel.setVisible(false);
        if (!shown) {
            return;
        }
        ChartTheme colours = theme();
        double scale = colours.fontScale();
        Fonts f = fontsFor(scale);
        double ox = layerX();
        double oy = layerY();
        double px = crisp(p.x().toPixel(x));
        markerLine.setStroke(colours.text());
        markerLine.setStrokeWidth(1.5 * scale);
        markerLine.setStartX(ox + px);
        markerLine.setEndX(ox + px);
        markerLine.setStartY(oy + p.top());
        markerLine.setEndY(oy + p.bottom());

        String text = format(xFormat, x);
        double inner = 3 * scale;
        double w = textWidth(text, f.tick());
        double boxWidth = w + 2 * inner;
        double boxHeight = f.tickHeight() + 2 * inner;
        double boxY = p.top() + 4 * scale;
        if (boxWidth > p.width() || boxY + boxHeight > p.bottom()) {
            return; // the line alone, rather than a label spilling onto the tick labels
        }
        double boxX = px + 4 * scale;
        if (boxX + boxWidth > p.right()) {
            boxX = Math.max(p.left(), px - 4 * scale - boxWidth);
        }
        markerText.setText(text);
        markerText.setFont(f.tick());
        markerText.setFill(colours.text());
        markerBox.setFill(colours.plotBackground());
        markerBox.setStroke(colours.text());
        markerBox.setStrokeWidth(1);
        markerBox.setWidth(boxWidth);
        markerBox.setHeight(boxHeight);
        markerText.relocate(inner, inner);
        markerLabel.relocate(ox + crisp(boxX), oy + crisp(boxY));
        markerLabel.setVisible(true);
    }

    // ---- drawing the hover layer ------------------------------------------------------------------------------

    /**
     * The x of the point nearest x over all series as the heading, then each series' name and its y at its own
     * nearest point (a dash in a gap or beyond the series' ends).
     */
    @Override
    Readout readoutAt(double x) {
        boolean logAxis = logX.get();
        List<Readout.Line> lines = new ArrayList<>();
        double headingDistance = Double.POSITIVE_INFINITY;
        double headingX = Double.NaN;
        for (Series s : series) {
            Hover.Nearest nearest = Hover.nearest(s.x(), s.length(), x, logAxis);
            if (nearest == null) {
                continue;
            }
            double pointX = s.x()[nearest.index()];
            double y = s.y()[nearest.index()];
            boolean hasValue = nearest.covers() && Hover.usable(y, logY.get());
            String value = hasValue ? format(yFormat, y) : NO_VALUE;
            lines.add(new Readout.Line(s.name() + ": " + value, s.color(), pointX, hasValue ? y : Double.NaN, false));
            if (nearest.covers() && nearest.distance() < headingDistance) {
                headingDistance = nearest.distance();
                headingX = pointX;
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        double at = Double.isNaN(headingX) ? x : headingX;
        return new Readout(at, hoverHeading(at), lines);
    }

    private String hoverHeading(double x) {
        DoubleFunction<String> heading = hoverXFormat.get();
        return heading != null ? heading.apply(x) : axisName(xLabel.get(), "x") + ": " + format(xFormat, x);
    }

    // ---- text -------------------------------------------------------------------------------------------------

    private double lineHeight(Font font) {
        return Math.ceil(textHeight(font));
    }

    private static DoubleFunction<String> formatter(ObjectProperty<DoubleFunction<String>> formatter) {
        DoubleFunction<String> f = formatter.get();
        return f == null ? CurveChart::plainNumber : f;
    }

    private static String format(ObjectProperty<DoubleFunction<String>> formatter, double value) {
        DoubleFunction<String> f = formatter.get();
        String text = f == null ? plainNumber(value) : f.apply(value);
        return text == null ? "" : text;
    }

    /**
     * Up to six significant digits without trailing zeros: 0.3 for 0.30000000000000004, 57900 for 57900.0; with the
     * user's decimal separator. Views set locale-aware formatters of their own (LocalNumbers) for every axis.
     */
    static String plainNumber(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? NO_VALUE : value > 0 ? "\u221e" : "-\u221e";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = io.liqlab.core.Numbers.significant(value, LABEL_DIGITS);
        double magnitude = Math.abs(value);
        String text = magnitude >= 1e-4 && magnitude < 1e12 ? rounded.toPlainString() : rounded.toString();
        // The user's decimal separator (0,3 in German); no grouping, as on any axis without a formatter of its own.
        return text.replace('.', io.liqlab.core.Numbers.decimalSeparator(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)));
    }

    private static String axisName(String label, String fallback) {
        return isBlank(label) ? fallback : label;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static double curveWidth(double scale) {
        return Math.max(1, 1.5 + (scale - 1));
    }
}
