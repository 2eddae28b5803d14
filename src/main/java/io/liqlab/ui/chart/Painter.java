package io.liqlab.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * The drawing calls a {@link TimeChart.Layer} makes: the part of {@code GraphicsContext} the cascade charts use,
 * with the same meaning and defaults (square caps, mitre joins, non-zero winding), so that the layers can be painted
 * into an image on another thread ({@link ImagePainter}) instead of on the FX thread and the render thread.
 */
public interface Painter {

    void setFill(Color color);

    void setStroke(Color color);

    void setLineWidth(double width);

    /** Dash lengths, or none (null or empty) for a solid line. */
    void setLineDashes(double... dashes);

    void setLineJoin(StrokeLineJoin join);

    /** Multiplies the alpha of what is drawn next. */
    void setGlobalAlpha(double alpha);

    /** The font of {@link #fillText}: the default family at {@code size}, bold or not. */
    void setFont(double size, boolean bold);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillText(String text, double x, double y);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillRect(double x, double y, double w, double h);

    void strokePolyline(double[] xs, double[] ys, int n);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void closePath();

    void rect(double x, double y, double w, double h);

    /** Fills the current path. */
    void fill();

    /** Draws {@code argb} (non-premultiplied, row by row, {@code w} by {@code h}) with its top left at (x, y). */
    void drawImage(int[] argb, int w, int h, double x, double y);

    void save();

    void restore();
}
