package io.liqlab.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;

/**
 * A chart over simulated time for playback: everything a run shows is drawn once per run, theme and size onto one
 * canvas, and playing only moves a cursor line and a veil over what has not happened yet (scene nodes), so a frame
 * of playback costs no canvas drawing at all, and the renderer repaints only the strip the cursor moved over. Layers
 * draw the data; the chart draws title, legend, axes and grid. Use from the FX thread only.
 */
public final class TimeChart extends ChartRegion {

    public static final String STYLE_CLASS = "time-chart";

    /** The width of a column of the veil, pixels: about what a frame repaints of a chart while playing. */
    static final int VEIL_COLUMN = 16;

    /** A value axis: its title, range and tick labels. */
    public record Axis(String title, double min, double max, DoubleFunction<String> format) {
        public Axis {
            Objects.requireNonNull(format, "format");
            if (!(max > min)) {
                double pad = Math.max(1, Math.abs(min) * 0.05);
                min -= pad;
                max += pad;
            }
        }
    }

    /** A legend entry. */
    public record Key(String name, Color color, Shape shape) {
        /** A key drawn in the chart's text colour (whatever the theme is when it is drawn), as the line it names. */
        public static Key inTextColour(String name, Shape shape) {
            return new Key(name, null, shape);
        }
    }

    public enum Shape { LINE, DASHED, BAR, TRIANGLE_DOWN, TRIANGLE_UP, DIAMOND, SQUARE }

    /**
     * Draws data into the plot area. Called on the chart's painting thread, not the FX thread: a layer reads only
     * what it captured (a finished run's arrays) and the plot.
     */
    @FunctionalInterface
    public interface Layer {
        void draw(Painter gc, Plot plot);
    }

    /** The plot's geometry and scales, and the marks layers draw with them. */
    public static final class Plot {
        private final PlotArea area;
        private final double left;
        private final double top;
        private final double right;
        private final double bottom;
        private final AxisScale x;
        private final AxisScale y;
        private final AxisScale y2;
        private final ChartTheme theme;
        private final PolylineReducer reducer;

        Plot(PlotArea area, ChartTheme theme, PolylineReducer reducer) {
            this.area = area;
            this.left = area.left();
            this.top = area.top();
            this.right = area.right();
            this.bottom = area.bottom();
            this.x = area.x();
            this.y = area.y();
            this.y2 = area.y2();
            this.theme = theme;
            this.reducer = reducer;
        }

        public double left() {
            return left;
        }

        public double top() {
            return top;
        }

        public double right() {
            return right;
        }

        public double bottom() {
            return bottom;
        }

        public double width() {
            return right - left;
        }

        public double height() {
            return bottom - top;
        }

        public ChartTheme theme() {
            return theme;
        }

        /** Line widths and marker sizes follow the font scale (presentation mode). */
        public double scale() {
            return theme.fontScale();
        }

        public double x(double second) {
            return x.toPixel(second);
        }

        public double second(double pixel) {
            return x.toValue(pixel);
        }

        /** The left axis's value at a vertical pixel. */
        public double yValue(double pixel) {
            return y.toValue(pixel);
        }

        public double y(double value) {
            return clampY(y.toPixel(value));
        }

        /** The right axis; the left one when the chart has no right axis. */
        public double y2(double value) {
            return clampY((y2 == null ? y : y2).toPixel(value));
        }

        private double clampY(double py) {
            return Math.max(top + 1, Math.min(bottom - 1, py));
        }

        /**
         * One series as a polyline thinned to a few points per pixel column (first, lowest, highest, last), on the
         * left axis or the right one.
         */
        public void polyline(Painter gc, double[] times, double[] values, int length, boolean rightAxis,
                             Color color, double width, boolean dashed) {
            reducer.begin();
            for (int i = 0; i < length; i++) {
                double v = values[i];
                if (Double.isFinite(v)) {
                    reducer.add(x(times[i]), rightAxis ? y2(v) : y(v));
                }
            }
            reducer.end();
            gc.setStroke(color);
            gc.setLineWidth(width * scale());
            gc.setLineJoin(StrokeLineJoin.ROUND);
            gc.setLineDashes(dashed ? new double[] {6 * scale(), 4 * scale()} : null);
            gc.strokePolyline(reducer.xs(), reducer.ys(), reducer.size());
            gc.setLineDashes((double[]) null);
        }

        /** A horizontal reference line across the plot at {@code value}, labelled at its left end (shown first). */
        public void reference(Painter gc, double value, boolean rightAxis, String label, Color color) {
            double py = Math.rint(rightAxis ? y2(value) : y(value)) + 0.5;
            gc.setStroke(color);
            gc.setLineWidth(1.5 * scale());
            gc.setLineDashes(4 * scale(), 4 * scale());
            gc.strokeLine(left, py, right, py);
            gc.setLineDashes((double[]) null);
            gc.setFill(color);
            gc.setFont(11 * scale(), true);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.BOTTOM);
            gc.fillText(label, left + 4, py - 2);
        }

        /** A vertical event line at {@code second} with a label at its top; nothing when it is off the plot. */
        public void event(Painter gc, double second, String label, Color color) {
            double px = Math.rint(x(second)) + 0.5;
            if (px < left || px > right) {
                return;
            }
            gc.setStroke(color);
            gc.setLineWidth(1.5 * scale());
            gc.setLineDashes(3 * scale(), 3 * scale());
            gc.strokeLine(px, top, px, bottom);
            gc.setLineDashes((double[]) null);
            gc.setFill(color);
            gc.setFont(11 * scale(), true);
            boolean roomRight = px + 120 * scale() < right;
            gc.setTextAlign(roomRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(label, roomRight ? px + 3 : px - 3, top + 2);
        }
    }

    private final Canvas canvas = new Canvas();
    /** The readout's lines at a second, from whoever knows the run's values; none: the time alone. */
    private DoubleFunction<List<Readout.Line>> hoverLines = second -> List.of();
    /**
     * The veil over what has not happened yet: columns of a fixed grid across the plot ({@link #VEIL_COLUMN} pixels
     * wide), not one rectangle. The renderer repaints a changed node's old and new bounds, so one rectangle shrinking
     * as the cursor moved had the whole unplayed part of the plot repainted on every frame (most of five charts on
     * the software pipeline); a column changes only where the cursor passes over it, so a frame repaints a strip.
     */
    private final javafx.scene.Group veil = new javafx.scene.Group();
    /** The plot the veil's columns were laid out for: left, top, right, bottom. */
    private final double[] veilPlot = new double[4];
    private Color veilFill = Color.TRANSPARENT;
    private final Line cursor = new Line();
    private final PolylineReducer reducer = new PolylineReducer();

    private String title;
    private double duration = Double.NaN;
    /** The time range shown (seconds); NaN: the whole run. */
    private double windowFrom = Double.NaN;
    private double windowTo = Double.NaN;
    private Axis left;
    private Axis right;
    private List<Key> keys = List.of();
    private List<Layer> layers = List.of();
    private String emptyText = "";
    private boolean dataVisible = true;
    private double cursorSecond;
    private Plot plot;
    private DoubleConsumer onScrub;
    private int redrawCount;
    /** Counts drawings; a painted image is shown only if no drawing came after the one it was painted for. */
    private volatile long paintGeneration;
    private boolean paintPending;
    private int dataPaintCount;

    /**
     * Where this chart's data is painted, in order, off the FX thread: a serial lane of the app's task executor
     * (one for all the Cascade tab's charts); charts start no threads of their own.
     */
    private final java.util.concurrent.Executor painting;

    /** Where painted data goes back to the FX thread ({@code Platform::runLater}, or a caller's gate). */
    private final java.util.concurrent.Executor handOver;

    /** @param painting a serial executor off the FX thread for the data layers' painting ({@code TaskExecutor.serial}) */
    public TimeChart(String title, java.util.concurrent.Executor painting) {
        this(title, painting, javafx.application.Platform::runLater);
    }

    /**
     * @param handOver takes the painted data's hand-over from the painting thread and runs it on the FX thread; the
     *                 Cascade tab holds its five charts' until all are painted, so a new run shows in one pulse
     */
    public TimeChart(String title, java.util.concurrent.Executor painting, java.util.concurrent.Executor handOver) {
        super(STYLE_CLASS);
        this.title = title;
        this.painting = Objects.requireNonNull(painting, "painting");
        this.handOver = Objects.requireNonNull(handOver, "handOver");
        veil.setMouseTransparent(true);
        cursor.setMouseTransparent(true);
        addLayers(canvas, veil, cursor);
        themeProperty().subscribe(t -> markDirty());
        // Pressing or dragging on the plot asks to jump to that time.
        javafx.event.EventHandler<MouseEvent> scrub = e -> {
            // Shift+drag is left to whoever pans the time range.
            if (e.getButton() == MouseButton.PRIMARY && !e.isShiftDown() && onScrub != null && plot != null && Double.isFinite(duration)) {
                onScrub.accept(plot.second(Math.max(plot.left, Math.min(plot.right, e.getX()))));
            }
        };
        addEventHandler(MouseEvent.MOUSE_PRESSED, scrub);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, scrub);
    }

    public void setTitle(String newTitle) {
        title = newTitle;
        markDirty();
    }

    public void setOnScrub(DoubleConsumer handler) {
        onScrub = handler;
    }

    /**
     * What the hover readout lists under the time at the pointer: a line per series with its value at that second
     * (on the left axis or the right one). Called on the FX thread as the pointer moves; null for the time alone.
     */
    public void setHoverLines(DoubleFunction<List<Readout.Line>> linesAt) {
        hoverLines = linesAt == null ? second -> List.of() : linesAt;
        requestOverlay();
    }

    /**
     * What to draw: a run of {@code seconds} simulated seconds, its axes, legend and data layers. Drawn on the next
     * pulse, once.
     */
    public void setContent(double seconds, Axis leftAxis, Axis rightAxis, List<Key> legend, List<Layer> dataLayers) {
        duration = seconds > 0 ? seconds : 1;
        left = Objects.requireNonNull(leftAxis, "leftAxis");
        right = rightAxis;
        keys = List.copyOf(legend);
        layers = List.copyOf(dataLayers);
        markDirty();
    }

    /**
     * Shows simulated seconds {@code from..to} only (zoomed and panned); NaN for either shows the whole run again.
     * Redraws the chart once, on the next pulse.
     */
    public void setTimeWindow(double from, double to) {
        if (Double.compare(from, windowFrom) != 0 || Double.compare(to, windowTo) != 0) {
            windowFrom = from;
            windowTo = to;
            markDirty();
        }
    }

    /** First second shown. */
    public double visibleFrom() {
        return Double.isNaN(windowFrom) || Double.isNaN(windowTo) || !(windowTo > windowFrom) ? 0 : windowFrom;
    }

    /** Last second shown. */
    public double visibleTo() {
        return Double.isNaN(windowFrom) || Double.isNaN(windowTo) || !(windowTo > windowFrom) ? duration : windowTo;
    }

    /** The second at horizontal pixel {@code x} of the chart, or NaN before it is laid out with a run. */
    public double secondAt(double x) {
        return plot == null ? Double.NaN : plot.second(x);
    }

    /** Simulated seconds per horizontal pixel of the plot, or NaN before it is laid out with a run. */
    public double secondsPerPixel() {
        return plot == null || plot.width() <= 0 ? Double.NaN : (visibleTo() - visibleFrom()) / plot.width();
    }

    /** No run: the title and a line of text where the data would be. */
    public void clear(String text) {
        duration = Double.NaN;
        left = null;
        right = null;
        keys = List.of();
        layers = List.of();
        emptyText = text;
        markDirty();
    }

    /**
     * Draws axes without data when false: the same chart "with nothing in it", which the playback benchmark compares
     * against.
     */
    public void setDataVisible(boolean visible) {
        dataVisible = visible;
        markDirty();
    }

    /** Moves the cursor to {@code second}; what lies after it stays under the veil. Never redraws the canvas. */
    public void setCursor(double second) {
        cursorSecond = second;
        placeCursor();
    }

    /**
     * Draws what is due at once when the chart already has a size and a window, instead of at the next pulse's
     * layout: a new run's axes are laid out and its data starts painting in the FX-thread callback that handed the
     * run over, not a pulse later. Otherwise (no size yet, off screen) it is drawn when it is laid out, as always.
     */
    public void drawNow() {
        if (contentDue() && getScene() != null && getScene().getWindow() != null && getWidth() >= 1 && getHeight() >= 1) {
            layout();
        }
    }

    /** How often the canvas has been drawn (tests check that playback does not redraw it). */
    int redrawCount() {
        return redrawCount;
    }

    private void markDirty() {
        // A paint under way is for what the chart showed before: it must not land on the new axes.
        paintGeneration++;
        paintPending = false;
        requestContent();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 220;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 90;
    }

    @Override
    void drawContent(double w, double h) {
        if (w <= 0 || h <= 0) {
            return;
        }
        draw(w, h);
    }

    @Override
    void placeOverlay() {
        placeCursor();
    }

    @Override
    PlotArea plotArea() {
        return plot == null ? null : plot.area;
    }

    /** The time at x as the heading, and the lines {@link #setHoverLines} gives for it. */
    @Override
    Readout readoutAt(double second) {
        if (plot == null || !Double.isFinite(duration) || !Double.isFinite(second)) {
            return null;
        }
        return new Readout(second, AxisTicks.clockText(second), hoverLines.apply(second));
    }

    private void placeCursor() {
        boolean show = plot != null && Double.isFinite(duration);
        veil.setVisible(show);
        cursor.setVisible(show);
        if (!show) {
            return;
        }
        double at = plot.x(cursorSecond);
        // Off the time range shown: no cursor line; the veil covers the plot when the moment lies before it.
        cursor.setVisible(at >= plot.left - 0.5 && at <= plot.right + 0.5);
        double px = Math.rint(Math.max(plot.left - 1, Math.min(plot.right, at)));
        placeVeil(px + 1);
        cursor.setStartX(px + 0.5);
        cursor.setEndX(px + 0.5);
        cursor.setStartY(plot.top);
        cursor.setEndY(plot.bottom);
    }

    /**
     * Covers the plot from {@code from} (a whole pixel) to its right edge. Only the columns between the edge's last
     * place and this one change. Each column overlaps the next by a pixel, so that at a fractional screen scale two
     * columns' anti-aliased edges never meet over the plot (a seam the data would show through).
     */
    private void placeVeil(double from) {
        var columns = veil.getChildren();
        if (plot.left != veilPlot[0] || plot.top != veilPlot[1] || plot.right != veilPlot[2] || plot.bottom != veilPlot[3]) {
            veilPlot[0] = plot.left;
            veilPlot[1] = plot.top;
            veilPlot[2] = plot.right;
            veilPlot[3] = plot.bottom;
            int count = Math.max(0, (int) Math.ceil((plot.right - plot.left) / VEIL_COLUMN));
            while (columns.size() > count) {
                columns.removeLast();
            }
            while (columns.size() < count) {
                Rectangle column = new Rectangle();
                column.setFill(veilFill);
                columns.add(column);
            }
            for (var node : columns) {
                Rectangle column = (Rectangle) node;
                column.setY(plot.top);
                column.setHeight(plot.height());
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Rectangle column = (Rectangle) columns.get(i);
            double start = plot.left + (double) i * VEIL_COLUMN;
            double end = Math.min(start + VEIL_COLUMN + 1, plot.right);
            double x = Math.max(start, from);
            boolean shown = end > x;
            column.setVisible(shown);
            if (shown) {
                column.setX(x);
                column.setWidth(end - x);
            }
        }
    }

    private void setVeilFill(Color fill) {
        if (!fill.equals(veilFill)) {
            veilFill = fill;
            for (var column : veil.getChildren()) {
                ((Rectangle) column).setFill(fill);
            }
        }
    }

    private void draw(double w, double h) {
        redrawCount++;
        long generation = ++paintGeneration;
        paintPending = false;
        boolean paintData = dataVisible && !layers.isEmpty();
        // With data to paint, the canvas keeps what it shows until the data is ready, and then takes axes and data in
        // one go: one canvas update for the renderer, not two. The axes are laid out now (on a scratch context) so
        // the cursor and scrubbing use the new plot at once; the text measured here is remembered for that second go.
        drawAxes(paintData ? new Canvas().getGraphicsContext2D() : canvas.getGraphicsContext2D(), w, h);
        if (paintData && plot != null) {
            // The data is painted into an image on the painting thread: drawn as canvas paths, a million-position
            // run's charts kept the software renderer busy for 25-70 ms each, and the next pulse (the FX thread)
            // waited for it.
            paintPending = true;
            List<Layer> toPaint = layers;
            Plot painted = plot;
            // At the screen's scale (a HiDPI screen draws the canvas at 2x), so the lines stay as sharp as the text.
            double pixelScale = getScene() == null || getScene().getWindow() == null ? 1
                    : Math.ceil(Math.max(getScene().getWindow().getRenderScaleX(), getScene().getWindow().getRenderScaleY()));
            painting.execute(() -> paintData(generation, toPaint, painted, w, h, Math.max(1, pixelScale)));
        } else {
            if (paintData) {
                drawAxes(canvas.getGraphicsContext2D(), w, h);
            }
            drawFrame();
        }
    }

    /** Background, title, legend, axes and grid; lays out {@link #plot} (null when there is no room or no run). */
    private void drawAxes(GraphicsContext gc, double w, double h) {
        clearLabels();
        ChartTheme t = theme();
        double s = t.fontScale();
        Font titleFont = font(13, true);
        Font tickFont = font(11, false);
        Font keyFont = font(11.5, false);
        gc.setFill(t.background());
        gc.fillRect(0, 0, w, h);
        double tickH = textHeight(tickFont);
        double titleH = textHeight(titleFont);
        double pad = 6 * s;

        // Title and legend on one line.
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(titleFont);
        gc.setFill(t.text());
        gc.fillText(title, pad, pad);
        double kx = pad + textWidth(title, titleFont) + 14 * s;
        gc.setFont(keyFont);
        double keyY = pad + (titleH - textHeight(keyFont)) / 2;
        double rowH = Math.max(titleH, textHeight(keyFont));
        double legendBottom = pad + rowH;
        for (Key k : keys) {
            double kw = 16 * s + 4 * s + textWidth(k.name(), keyFont);
            if (kx + kw > w - pad) {
                kx = pad;
                keyY += rowH + 2;
                legendBottom += rowH + 2;
            }
            drawKey(gc, k.color() == null ? new Key(k.name(), t.text(), k.shape()) : k, kx, keyY + textHeight(keyFont) / 2, s);
            gc.setFill(t.text());
            gc.fillText(k.name(), kx + 20 * s, keyY);
            kx += kw + 12 * s;
        }

        if (left == null) {
            plot = null;
            gc.setFill(t.axis());
            gc.setFont(keyFont);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(emptyText, w / 2, (legendBottom + h) / 2);
            return;
        }

        AxisTicks yTicks = AxisTicks.linear(left.min(), left.max(), Math.max(2, (int) ((h - legendBottom) / (45 * s))));
        String[] yLabels = yTicks.labels(left.format());
        AxisTicks y2Ticks = right == null ? null
                : AxisTicks.linear(right.min(), right.max(), Math.max(2, (int) ((h - legendBottom) / (45 * s))));
        String[] y2Labels = right == null ? null : y2Ticks.labels(right.format());
        double leftW = Math.max(maxWidth(yLabels, tickFont), textWidth(left.title(), tickFont) * 0.6) + 10 * s;
        double rightW = right == null ? pad * 2 : maxWidth(y2Labels, tickFont) + 10 * s;
        double plotLeft = Math.ceil(pad + leftW);
        double plotRight = Math.floor(w - rightW);
        double plotTop = Math.ceil(legendBottom + tickH * 1.3 + 4);
        double plotBottom = Math.floor(h - tickH - pad - 2);
        if (plotRight - plotLeft < 20 || plotBottom - plotTop < 20) {
            plot = null;
            return;
        }
        // The last second sits a line width inside the frame, so line ends never poke out of the plot.
        double from = visibleFrom();
        double to = visibleTo();
        AxisScale x = new AxisScale(from, to, false, plotLeft + 1, plotRight - 2 * s);
        AxisScale y = new AxisScale(left.min(), left.max(), false, plotBottom, plotTop);
        AxisScale y2 = right == null ? null : new AxisScale(right.min(), right.max(), false, plotBottom, plotTop);
        PlotArea area = new PlotArea(plotLeft, plotTop, plotRight, plotBottom, x, y, y2);
        plot = new Plot(area, t, reducer);

        gc.setFill(t.plotBackground());
        gc.fillRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        setVeilFill(t.plotBackground());
        cursor.setStroke(t.text());
        cursor.setStrokeWidth(1.5 * s);

        // Grid and tick labels, as every chart draws them; the time axis ticks on the clock.
        AxisTicks xTicks = AxisTicks.clock(from, to, Math.max(2, (int) ((plotRight - plotLeft) / (70 * s))));
        Axes.grid(gc, area, xTicks, y, yTicks, t);
        // Every label is drawn: the axes' ticks are spaced for them, and the corner labels ("0" and "0:00") sit close
        // without touching.
        double tickH2 = Math.ceil(tickH);
        Axes.yLabels(gc, this, y, yTicks, yLabels, plotLeft - 5 * s, false, tickFont, tickH2, t.axis(), false);
        if (right != null) {
            Axes.yLabels(gc, this, y2, y2Ticks, y2Labels, plotRight + 5 * s, true, tickFont, tickH2, t.axis(), false);
        }
        Axes.xLabels(gc, this, x, xTicks, xTicks.labels(AxisTicks::clockText), plotBottom + 3, w - pad / 2, tickFont,
                tickH2, t.axis(), false);
        // Axis titles above the plot, at each side.
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(left.title(), pad, plotTop - 3);
        if (right != null) {
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(right.title(), w - pad, plotTop - 3);
        }
    }

    /** On the painting thread: the layers into an image, handed to the FX thread unless the chart has moved on. */
    private void paintData(long generation, List<Layer> toPaint, Plot painted, double w, double h, double pixelScale) {
        if (generation != paintGeneration) {
            return; // redrawn since (resized, new run): that paint is queued behind this one
        }
        ImagePainter.Result result;
        try {
            ImagePainter painter = new ImagePainter((int) painted.width(), (int) painted.height(), painted.left, painted.top,
                    pixelScale);
            for (Layer layer : toPaint) {
                painter.save();
                layer.draw(painter, painted);
                painter.restore();
            }
            result = painter.finish();
        } catch (Throwable e) { // whatever it is, the FX thread hears back, so nothing waits for this paint
            System.getLogger(TimeChart.class.getName()).log(System.Logger.Level.WARNING, "chart data not drawn", e);
            result = null;
        }
        ImagePainter.Result done = result;
        handOver.execute(() -> {
            if (generation == paintGeneration) {
                showData(done, painted, w, h);
            }
        });
    }

    private void showData(ImagePainter.Result result, Plot painted, double w, double h) {
        paintPending = false;
        drawAxes(canvas.getGraphicsContext2D(), w, h);
        if (result == null) {
            drawFrame();
            return;
        }
        // The painted pixels become the image as they are (each paint has pixels of its own, never written again):
        // copying them into an image converted every pixel on the FX thread, 2-3 ms per new run.
        javafx.scene.image.Image dataImage = new javafx.scene.image.WritableImage(new javafx.scene.image.PixelBuffer<>(result.width(), result.height(),
                java.nio.IntBuffer.wrap(result.argbPre()), javafx.scene.image.PixelFormat.getIntArgbPreInstance()));
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.drawImage(dataImage, painted.left, painted.top, painted.width(), painted.height());
        String family = Font.getDefault().getFamily();
        for (ImagePainter.TextItem text : result.texts()) {
            gc.setFont(Font.font(family, text.bold() ? FontWeight.BOLD : FontWeight.NORMAL, text.size()));
            gc.setFill(text.color());
            gc.setTextAlign(text.align());
            gc.setTextBaseline(text.baseline());
            gc.fillText(text.text(), text.x(), text.y());
        }
        drawFrame();
        dataPaintCount++;
    }

    private void drawFrame() {
        if (plot != null) {
            Axes.frame(canvas.getGraphicsContext2D(), plot.area, theme());
        }
    }

    /**
     * Whether the chart shows what it was last given: laid out and, if it has data, the data painted. A chart with
     * no size yet counts as drawn (it draws when it gets one).
     */
    public boolean isDrawn() {
        return !paintPending && !(contentDue() && getWidth() >= 1 && getHeight() >= 1);
    }

    /** Whether the data of the last drawing is still being painted (it shows when done). */
    boolean dataPending() {
        return paintPending;
    }

    /** The plot as last laid out (tests place their checks with it). */
    Plot plotForTest() {
        return plot;
    }

    /** How often painted data has been put on the canvas (tests wait for it). */
    int dataPaintCount() {
        return dataPaintCount;
    }

    private static void drawKey(GraphicsContext gc, Key k, double x, double cy, double s) {
        gc.setStroke(k.color());
        gc.setFill(k.color());
        gc.setLineWidth(2.5 * s);
        double r = 5 * s;
        switch (k.shape()) {
            case LINE -> gc.strokeLine(x, cy, x + 16 * s, cy);
            case DASHED -> {
                gc.setLineDashes(4 * s, 3 * s);
                gc.strokeLine(x, cy, x + 16 * s, cy);
                gc.setLineDashes((double[]) null);
            }
            case BAR -> gc.fillRect(x + 3 * s, cy - r, 10 * s, 2 * r);
            case TRIANGLE_DOWN -> Markers.triangle(gc, x + 8 * s, cy, r * 1.2, false);
            case TRIANGLE_UP -> Markers.triangle(gc, x + 8 * s, cy, r * 1.2, true);
            case DIAMOND -> Markers.diamond(gc, x + 8 * s, cy, r);
            case SQUARE -> gc.fillRect(x + 8 * s - r * 0.8, cy - r * 0.8, r * 1.6, r * 1.6);
        }
    }

    /** The legend's marker shapes. */
    private static final class Markers {
        private static final double[] XS = new double[4];
        private static final double[] YS = new double[4];

        private Markers() {
        }

        /** A triangle centred on (cx, cy) with circumradius r, pointing up or down. */
        public static void triangle(GraphicsContext gc, double cx, double cy, double r, boolean up) {
            double d = up ? -1 : 1;
            XS[0] = cx;
            YS[0] = cy + d * r;
            XS[1] = cx - r * 0.87;
            YS[1] = cy - d * r * 0.5;
            XS[2] = cx + r * 0.87;
            YS[2] = cy - d * r * 0.5;
            gc.fillPolygon(XS, YS, 3);
        }

        public static void diamond(GraphicsContext gc, double cx, double cy, double r) {
            XS[0] = cx;
            YS[0] = cy - r;
            XS[1] = cx + r;
            YS[1] = cy;
            XS[2] = cx;
            YS[2] = cy + r;
            XS[3] = cx - r;
            YS[3] = cy;
            gc.fillPolygon(XS, YS, 4);
        }
    }
}
