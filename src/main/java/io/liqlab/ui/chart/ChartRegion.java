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
import javafx.scene.SnapshotParameters;
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
 * The core both canvas charts stand on ({@link CurveChart}, {@link TimeChart}): colours from the app's stylesheet,
 * the text size, text measuring and fitting, fonts, and the chart as an image (which ui/export writes as PNG).
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

    ChartRegion(String styleClass) {
        getStyleClass().addAll(STYLE_CLASS, styleClass);
        theme.set(currentTheme());
        for (javafx.beans.value.ObservableValue<?> input : List.of(background, plot, axis, grid, text, fontScale)) {
            input.subscribe((Object ignored) -> theme.set(currentTheme()));
        }
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

    // ---- export -----------------------------------------------------------------------------------------------

    /** Draws what is due now (a chart not yet laid out in a window at its preferred size) before a snapshot. */
    abstract void drawForSnapshot();

    /** Hides or shows again what an image of the chart leaves out (the hover readout). */
    void showTransient(boolean visible) {
    }

    /**
     * The chart as an image, on the chart's background, without what only the pointer shows (the hover readout). A
     * chart not yet laid out in a window is drawn at its preferred size. FX thread.
     */
    public final WritableImage snapshotImage() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            resize(prefWidth(-1), prefHeight(-1));
        }
        drawForSnapshot();
        showTransient(false);
        try {
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(theme().background());
            return snapshot(parameters, null);
        } finally {
            showTransient(true);
        }
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
