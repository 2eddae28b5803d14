package io.liqlab.ui.chart;

import javafx.scene.paint.Color;

import java.util.Objects;

/**
 * Colours and text size of a {@link CurveChart}. The chart draws on a canvas, so it cannot pick these up from CSS;
 * the view passes the theme that matches the app's light or dark stylesheet.
 *
 * @param fontScale multiplies every font size, tick length and line width; presentation mode uses about 1.6
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

    public static ChartTheme light() {
        return new ChartTheme(Color.web("#ffffff"), Color.web("#fafbfc"), Color.web("#57606a"), Color.web("#e4e8ec"),
                Color.web("#24292f"), 1.0);
    }

    public static ChartTheme dark() {
        return new ChartTheme(Color.web("#161b22"), Color.web("#0d1117"), Color.web("#8b949e"), Color.web("#2a3038"),
                Color.web("#e6edf3"), 1.0);
    }

    public ChartTheme withFontScale(double scale) {
        return new ChartTheme(background, plotBackground, axis, grid, text, scale);
    }
}
