package io.liqlab.ui.chart;

import javafx.scene.paint.Color;

import java.util.Objects;

/**
 * The colours and text size a chart paints with, as one value: what {@link ChartRegion} read from the stylesheet's
 * chart colours ({@code -liq-chart-*}) and its text size at one moment. Immutable, so painting off the FX thread
 * ({@link ImagePainter}) sees one consistent set.
 *
 * @param fontScale multiplies every font size, tick length and line width; presentation mode uses 2
 */
public record ChartTheme(Color background, Color plotBackground, Color axis, Color grid, Color text, double fontScale) {

    public ChartTheme {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(plotBackground, "plotBackground");
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(text, "text");
        if (!(fontScale > 0) || Double.isInfinite(fontScale)) {
            throw new IllegalArgumentException("fontScale must be a positive finite number, was " + fontScale);
        }
    }
}
