package io.liqlab.ui.chart;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The core every canvas chart stands on ({@link CurveChart}, {@link TimeChart}): colours from the app's stylesheet,
 * the text size, text measuring and fitting, labels that never overlap, the painting pipeline (layers sized to the
 * chart, content drawn at most once per pulse however often it changes, an overlay placed without redrawing), the
 * hover layer (crosshair and readout, {@link Hover}) and the chart as an image (which ui/export writes as PNG). The
 * axes are drawn by {@link Axes} over a {@link PlotArea}. A chart kind supplies only its series and marks: what it
 * draws as content, its plot, and its readout at an x.
 *
 * <p>The colours are CSS properties of the chart ({@code -liq-chart-background-color}, {@code -liq-chart-plot-color},
 * {@code -liq-chart-axis-color}, {@code -liq-chart-grid-color}, {@code -liq-chart-text-color}), which the stylesheet
 * sets from its looked-up colours ({@code -liq-chart-background}, {@code -liq-chart-plot}, {@code -liq-chart-line},
 * {@code -liq-chart-grid}, {@code -liq-chart-text}, redefined under {@code .root.dark}); so a theme switch is a CSS
 * change like any other, and the chart repaints when its colours change. Their initial values are the light theme's,
 * what a chart shows outside a styled scene. {@link #themeProperty()} is the snapshot of colours and text size that
 * painting uses, also off the FX thread.
 */
public abstract sealed class ChartRegion extends Region permits CurveChart, TimeChart {

    /** Style class of every chart: the stylesheet sets the chart colours on it. */
    public static final String STYLE_CLASS = "liq-chart";

    private static final List<CssMetaData<? extends Styleable, ?>> CSS;
    private static final CssMetaData<ChartRegion, Color> BACKGROUND = colour("-liq-chart-background-color", "#ffffff", c -> c.background);
    private static final CssMetaData<ChartRegion, Color> PLOT = colour("-liq-chart-plot-color", "#fafbfc", c -> c.plot);
    private static final CssMetaData<ChartRegion, Color> AXIS = colour("-liq-chart-axis-color", "#57606a", c -> c.axis);
    private static final CssMetaData<ChartRegion, Color> GRID = colour("-liq-chart-grid-color", "#e4e8ec", c -> c.grid);
    private static final CssMetaData<ChartRegion, Color> TEXT = colour("-liq-chart-text-color", "#24292f", c -> c.text);

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(List.of(BACKGROUND, PLOT, AXIS, GRID, TEXT));
        CSS = Collections.unmodifiableList(all);
    }

    private final StyleableObjectProperty<Color> background = styleable(BACKGROUND, "background");
    private final StyleableObjectProperty<Color> plot = styleable(PLOT, "plotBackground");
    private final StyleableObjectProperty<Color> axis = styleable(AXIS, "axis");
    private final StyleableObjectProperty<Color> grid = styleable(GRID, "grid");
    private final StyleableObjectProperty<Color> text = styleable(TEXT, "text");
    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale", 1);
    private final ReadOnlyObjectWrapper<ChartTheme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final TextMeasure measure = new TextMeasure();

    /** The canvases among the layers, sized to the content box together. */
    private final List<Canvas> canvases = new ArrayList<>();
    /** The top layer: crosshair and readout, redrawn on a mouse move without touching the layers under it. */
    private final Canvas hoverCanvas = new Canvas();
    private final LabelBoxes labels = new LabelBoxes();
    private final List<String> drawnLabels = new ArrayList<>();
    private boolean contentDirty = true;
    private boolean overlayDirty;
    private boolean hoverDirty;
    /** Pointer position in layer pixels; NaN when the pointer is not over the chart. */
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    /** Where the crosshair's horizontal line was last drawn, in layer pixels; NaN when none (tests). */
    private double crosshairY = Double.NaN;

    ChartRegion(String styleClass) {
        getStyleClass().addAll(STYLE_CLASS, styleClass);
        theme.set(currentTheme());
        for (javafx.beans.value.ObservableValue<?> input : List.of(background, plot, axis, grid, text, fontScale)) {
            input.subscribe((Object ignored) -> theme.set(currentTheme()));
        }
        hoverCanvas.setManaged(false);
        hoverCanvas.setMouseTransparent(true);
        hoverCanvas.setVisible(false);
        canvases.add(hoverCanvas);
        getChildren().add(hoverCanvas);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::pointerMoved);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::pointerMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointerAt(Double.NaN, Double.NaN));
    }

    private void pointerMoved(MouseEvent event) {
        pointerAt(event.getX() - hoverCanvas.getLayoutX(), event.getY() - hoverCanvas.getLayoutY());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** The colours (from the stylesheet) and text size the chart paints with; changes repaint the chart. */
    public final ReadOnlyObjectProperty<ChartTheme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** Multiplies every font size, tick length and line width; presentation mode uses 2. */
    public final DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    final ChartTheme theme() {
        return theme.get();
    }

    private ChartTheme currentTheme() {
        double scale = fontScale.get();
        return new ChartTheme(background.get(), plot.get(), axis.get(), grid.get(), text.get(),
                scale > 0 && Double.isFinite(scale) ? scale : 1);
    }

    // ---- the painting pipeline --------------------------------------------------------------------------------

    /**
     * Adds the chart kind's layers, bottom first, under the hover layer. Canvases among them are sized to the chart's
     * content box in every layout; other nodes (markers, cursors) are placed by {@link #placeOverlay}.
     */
    final void addLayers(Node... nodes) {
        for (Node node : nodes) {
            node.setManaged(false);
            if (node instanceof Canvas canvas) {
                canvases.add(canvas);
            }
        }
        getChildren().addAll(getChildren().indexOf(hoverCanvas), List.of(nodes));
    }

    /**
     * Marks the chart's content (axes and data) as due, and this region, not its ancestors, as needing layout: the
     * next pulse draws it once, however many changes came before. requestLayout() would also re-run the layout of
     * every parent up to the scene root on each slider step.
     */
    final void requestContent() {
        contentDirty = true;
        setNeedsLayout(true);
    }

    /** Marks the overlay nodes (a marker, a playback cursor) as due to be placed again, without redrawing content. */
    final void requestOverlay() {
        overlayDirty = true;
        setNeedsLayout(true);
    }

    /** Whether content is due and will be drawn on the next layout of a chart with a size. */
    final boolean contentDue() {
        return contentDirty;
    }

    /**
     * Draws the chart's content (axes and data) for a content box of {@code width} by {@code height}; the canvases
     * already have that size. Lays out the plot that {@link #plotArea()} returns.
     */
    abstract void drawContent(double width, double height);

    /** Places the overlay nodes for the plot last drawn. */
    void placeOverlay() {
    }

    /** The plot last laid out, in the layers' pixels; null when there is none (no data, no room). */
    abstract PlotArea plotArea();

    /** The hover readout at x, or null when there is nothing to read there. */
    abstract Readout readoutAt(double x);

    /**
     * One pass per pulse at most: size the layers to the content box, draw the content if it is due (or the size
     * changed), place the overlay and draw the hover layer if either is due.
     */
    @Override
    protected final void layoutChildren() {
        Insets insets = getInsets();
        double width = Math.max(0, snapSizeX(getWidth()) - snapSpaceX(insets.getLeft()) - snapSpaceX(insets.getRight()));
        double height = Math.max(0, snapSizeY(getHeight()) - snapSpaceY(insets.getTop()) - snapSpaceY(insets.getBottom()));
        double x = snapPositionX(insets.getLeft());
        double y = snapPositionY(insets.getTop());
        for (Canvas canvas : canvases) {
            canvas.relocate(x, y);
            if (canvas.getWidth() != width || canvas.getHeight() != height) {
                canvas.setWidth(width);
                canvas.setHeight(height);
                contentDirty = true;
            }
        }
        if (contentDirty) {
            contentDirty = false;
            drawContent(width, height);
            // The readout shows values under the pointer, and those just changed; the scales may have too.
            hoverDirty = true;
            overlayDirty = true;
        }
        if (overlayDirty) {
            overlayDirty = false;
            placeOverlay();
        }
        if (hoverDirty) {
            hoverDirty = false;
            drawHover();
        }
    }

    /** Where the layers' top left corner sits in the chart, for mapping layer pixels to the chart's (tests). */
    final double layerX() {
        return hoverCanvas.getLayoutX();
    }

    final double layerY() {
        return hoverCanvas.getLayoutY();
    }

    // ---- hover ------------------------------------------------------------------------------------------------

    private void pointerAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        hoverDirty = true;
        setNeedsLayout(true);
    }

    /** Crosshair and readout on their own layer, so a mouse move repaints them and not the chart under them. */
    private void drawHover() {
        GraphicsContext gc = hoverCanvas.getGraphicsContext2D();
        gc.clearRect(0, 0, hoverCanvas.getWidth(), hoverCanvas.getHeight());
        // Hidden while empty: a visible canvas, even a clear one, is composited on every frame that repaints the
        // chart (each frame of playback).
        hoverCanvas.setVisible(false);
        crosshairY = Double.NaN;
        PlotArea plot = plotArea();
        if (plot == null || !plot.contains(pointerX, pointerY)) {
            return;
        }
        Readout readout = readoutAt(plot.x().toValue(pointerX));
        if (readout == null) {
            return;
        }
        hoverCanvas.setVisible(true);
        Font font = font(11, false);
        crosshairY = Hover.draw(gc, this, plot, readout, pointerY, font, Math.ceil(textHeight(font)));
    }

    /** The crosshair's horizontal line in the last hover frame, in the chart's pixels; NaN when not drawn (tests). */
    final double crosshairYForTest() {
        return Double.isNaN(crosshairY) ? Double.NaN : crosshairY + layerY();
    }

    /** The hover readout's text at x, heading first, one series per line; "" when there is nothing to read. */
    final String hoverText(double x) {
        Readout readout = readoutAt(x);
        return readout == null ? "" : readout.text();
    }

    // ---- export -----------------------------------------------------------------------------------------------

    /**
     * The chart as an image, on the chart's background, without what only the pointer shows (the hover readout). A
     * chart not yet laid out in a window is drawn at its preferred size; data painted off the FX thread shows once it
     * is done. FX thread. ui/export writes it as PNG.
     */
    public final WritableImage snapshotImage() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            resize(prefWidth(-1), prefHeight(-1));
        }
        layoutChildren();
        boolean hoverShown = hoverCanvas.isVisible();
        hoverCanvas.setVisible(false);
        try {
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(theme().background());
            return snapshot(parameters, null);
        } finally {
            hoverCanvas.setVisible(hoverShown);
        }
    }

    // ---- labels -----------------------------------------------------------------------------------------------

    /** Forgets the labels of the last frame: call before drawing a new one. */
    final void clearLabels() {
        labels.clear();
        drawnLabels.clear();
    }

    /** Draws a text with its top left at (x, y) (top baseline, left aligned) and keeps its box free of later labels. */
    final void placeText(GraphicsContext gc, String text, double x, double y, double width, double height) {
        gc.fillText(text, x, y);
        drawnLabels.add(text);
        labels.add(x, y, width, height);
    }

    /** Keeps a box free of later labels without drawing (a text drawn rotated). */
    final void reserveLabel(String text, double x, double y, double width, double height) {
        drawnLabels.add(text);
        labels.add(x, y, width, height);
    }

    /** {@link #placeText} if the box, widened by the gaps, touches no label of this frame; whether it was drawn. */
    final boolean placeTextIfFree(GraphicsContext gc, String text, double x, double y, double width, double height,
                                  double gapX, double gapY) {
        if (labels.isFree(x, y, width, height, gapX, gapY)) {
            placeText(gc, text, x, y, width, height);
            return true;
        }
        return false;
    }

    /** Every label of the last frame, for checking that none overlap (tests). */
    final LabelBoxes labelBoxes() {
        return labels;
    }

    /** The texts of the last frame's labels, in drawing order (tests). */
    final List<String> drawnLabelsForTest() {
        return List.copyOf(drawnLabels);
    }

    // ---- text -------------------------------------------------------------------------------------------------

    /** The default family at {@code size} times the text size, bold or not. */
    final Font font(double size, boolean bold) {
        return Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size * theme().fontScale());
    }

    final double textWidth(String s, Font font) {
        return measure.width(s, font);
    }

    /** The height of a line of text in {@code font}, as measured (not rounded). */
    final double textHeight(Font font) {
        return measure.lineHeight(font);
    }

    /** The widest of {@code texts} in {@code font}. */
    final double maxWidth(String[] texts, Font font) {
        double max = 0;
        for (String s : texts) {
            max = Math.max(max, textWidth(s, font));
        }
        return max;
    }

    /** The text, shortened with an ellipsis if needed to fit {@code maxWidth}; "" when not even that fits. */
    final String fit(String text, Font font, double maxWidth) {
        if (text == null || text.isEmpty() || textWidth(text, font) <= maxWidth) {
            return text == null ? "" : text;
        }
        // Binary search for the longest prefix that fits: a narrowing window measures a few times, not once per char.
        int fits = 0;
        int tooLong = text.length();
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) >>> 1;
            if (textWidth(shortened(text, middle), font) <= maxWidth) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        return fits == 0 ? "" : shortened(text, fits);
    }

    private static String shortened(String text, int length) {
        return text.substring(0, length).stripTrailing() + "\u2026";
    }

    /** Centres a one-pixel line on a pixel so it is drawn sharp instead of smeared over two. */
    static double crisp(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }

    // ---- CSS plumbing -----------------------------------------------------------------------------------------

    private StyleableObjectProperty<Color> styleable(CssMetaData<ChartRegion, Color> meta, String name) {
        return new SimpleStyleableObjectProperty<>(meta, this, name, meta.getInitialValue(this));
    }

    private static CssMetaData<ChartRegion, Color> colour(String property, String initial,
                                                          Function<ChartRegion, StyleableObjectProperty<Color>> field) {
        return new CssMetaData<>(property, StyleConverter.getColorConverter(), Color.web(initial)) {
            @Override
            public boolean isSettable(ChartRegion chart) {
                return !field.apply(chart).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(ChartRegion chart) {
                return field.apply(chart);
            }
        };
    }
}
