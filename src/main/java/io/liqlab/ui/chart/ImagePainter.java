package io.liqlab.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Paints layers into an image with Java2D, on any thread: the shapes are rasterised here, the text is kept as a
 * list for the FX thread to draw over the image in the UI's own font ({@link Result#texts()}). Coordinates are the
 * chart's; the image covers the rectangle (originX, originY, width, height) of it, and whatever falls outside is
 * clipped by the image's edges.
 */
public final class ImagePainter implements Painter {

    /** A text to draw in chart coordinates, in the default family. */
    public record TextItem(String text, double x, double y, double size, boolean bold, TextAlignment align,
                           VPos baseline, Color color) {
    }

    /** The painted pixels (premultiplied ARGB, row by row, in image pixels) and the texts to draw over them. */
    public record Result(int[] argbPre, int width, int height, List<TextItem> texts) {
    }

    private record State(Color fill, Color stroke, double lineWidth, double[] dashes, StrokeLineJoin join, double alpha,
                         double fontSize, boolean bold, TextAlignment align, VPos baseline) {
    }

    private final BufferedImage image;
    private final Graphics2D g;
    private final int width;
    private final int height;
    private final List<TextItem> texts = new ArrayList<>();
    private final Deque<State> saved = new ArrayDeque<>();
    private Path2D.Double path = new Path2D.Double();

    private Color fill = Color.BLACK;
    private Color stroke = Color.BLACK;
    private double lineWidth = 1;
    private double[] dashes;
    private StrokeLineJoin join = StrokeLineJoin.MITER;
    private double alpha = 1;
    private double fontSize = 12;
    private boolean bold;
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;

    /**
     * @param width       the covered width in chart units
     * @param pixelScale  image pixels per chart unit (the screen's output scale: 2 on a HiDPI screen); the image
     *                    is {@code width * pixelScale} pixels wide
     */
    public ImagePainter(int width, int height, double originX, double originY, double pixelScale) {
        double scale = pixelScale > 0 ? pixelScale : 1;
        this.width = Math.max(1, (int) Math.ceil(width * scale));
        this.height = Math.max(1, (int) Math.ceil(height * scale));
        image = new BufferedImage(this.width, this.height, BufferedImage.TYPE_INT_ARGB_PRE);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // Geometry as given (as the FX canvas draws it), not nudged to pixel centres.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(scale, scale);
        g.translate(-originX, -originY);
    }

    /** Ends painting and hands over the pixels; the painter is not used after this. */
    public Result finish() {
        g.dispose();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return new Result(pixels, width, height, List.copyOf(texts));
    }

    @Override
    public void setFill(Color color) {
        fill = color;
    }

    @Override
    public void setStroke(Color color) {
        stroke = color;
    }

    @Override
    public void setLineWidth(double width) {
        lineWidth = width;
    }

    @Override
    public void setLineDashes(double... dashes) {
        this.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }

    @Override
    public void setLineJoin(StrokeLineJoin join) {
        this.join = join;
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        this.alpha = Math.max(0, Math.min(1, alpha));
    }

    @Override
    public void setFont(double size, boolean bold) {
        fontSize = size;
        this.bold = bold;
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        this.align = align;
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        this.baseline = baseline;
    }

    @Override
    public void fillText(String text, double x, double y) {
        Color c = alpha < 1 ? Color.color(fill.getRed(), fill.getGreen(), fill.getBlue(), fill.getOpacity() * alpha) : fill;
        texts.add(new TextItem(text, x, y, fontSize, bold, align, baseline, c));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        Path2D.Double line = new Path2D.Double();
        line.moveTo(x1, y1);
        line.lineTo(x2, y2);
        draw(line);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        fillShape(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n < 2) {
            return;
        }
        Path2D.Double line = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        line.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            line.lineTo(xs[i], ys[i]);
        }
        draw(line);
    }

    @Override
    public void beginPath() {
        path = new Path2D.Double();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    @Override
    public void closePath() {
        if (path.getCurrentPoint() != null) {
            path.closePath();
        }
    }

    @Override
    public void rect(double x, double y, double w, double h) {
        path.append(new Rectangle2D.Double(x, y, w, h), false);
    }

    @Override
    public void fill() {
        fillShape(path);
    }

    @Override
    public void drawImage(int[] argb, int w, int h, double x, double y) {
        if (w <= 0 || h <= 0) {
            return;
        }
        BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        // The image's own pixels are ARGB ints, as given: copied as they are (setRGB converted each pixel through
        // the colour model, about a millisecond per heatmap).
        System.arraycopy(argb, 0, ((DataBufferInt) picture.getRaster().getDataBuffer()).getData(), 0, w * h);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
        g.drawImage(picture, (int) Math.round(x), (int) Math.round(y), null);
        g.setComposite(AlphaComposite.SrcOver);
    }

    @Override
    public void save() {
        saved.push(new State(fill, stroke, lineWidth, dashes, join, alpha, fontSize, bold, align, baseline));
    }

    @Override
    public void restore() {
        State s = saved.poll();
        if (s != null) {
            fill = s.fill();
            stroke = s.stroke();
            lineWidth = s.lineWidth();
            dashes = s.dashes();
            join = s.join();
            alpha = s.alpha();
            fontSize = s.fontSize();
            bold = s.bold();
            align = s.align();
            baseline = s.baseline();
        }
    }

    private void draw(java.awt.Shape shape) {
        int j = switch (join) {
            case ROUND -> BasicStroke.JOIN_ROUND;
            case BEVEL -> BasicStroke.JOIN_BEVEL;
            case MITER -> BasicStroke.JOIN_MITER;
        };
        float[] dash = null;
        if (dashes != null) {
            dash = new float[dashes.length];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = (float) Math.max(0.01, dashes[i]);
            }
        }
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_SQUARE, j, 10f, dash, 0f));
        g.setColor(awt(stroke));
        g.draw(shape);
    }

    private void fillShape(java.awt.Shape shape) {
        g.setColor(awt(fill));
        g.fill(shape);
    }

    private java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) (c.getOpacity() * alpha));
    }
}
