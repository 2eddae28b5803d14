package io.liqlab.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

import java.util.List;

/**
 * Where the main window opens: the size it asks for (the default, or the one remembered from the last run),
 * shrunk to the screen's usable area and moved so that all of it, toolbar included, is on that screen.
 */
public final class WindowBounds {
    /** The size LiqLab asks for on a first start; a smaller screen gets all of its usable area instead. */
    public static final double DEFAULT_WIDTH = 1600;
    public static final double DEFAULT_HEIGHT = 1000;
    /** The smallest window LiqLab makes on its own (a smaller screen still wins). */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;

    private WindowBounds() {
    }

    /** A first start: the default size fitted to {@code visual}, centred on it. */
    public static Rectangle2D initial(Rectangle2D visual) {
        double w = Math.min(DEFAULT_WIDTH, visual.getWidth());
        double h = Math.min(DEFAULT_HEIGHT, visual.getHeight());
        return new Rectangle2D(visual.getMinX() + (visual.getWidth() - w) / 2, visual.getMinY() + (visual.getHeight() - h) / 2, w, h);
    }

    /**
     * {@code wanted} (a remembered window) fitted into {@code visual}: no wider or taller than it, and moved the
     * least needed to lie wholly inside it.
     */
    public static Rectangle2D fit(Rectangle2D wanted, Rectangle2D visual) {
        double w = Math.min(Math.max(MIN_WIDTH, wanted.getWidth()), visual.getWidth());
        double h = Math.min(Math.max(MIN_HEIGHT, wanted.getHeight()), visual.getHeight());
        double x = Math.clamp(wanted.getMinX(), visual.getMinX(), visual.getMaxX() - w);
        double y = Math.clamp(wanted.getMinY(), visual.getMinY(), visual.getMaxY() - h);
        return new Rectangle2D(x, y, w, h);
    }

    /** The usable area of the screen {@code wanted} overlaps most, or of the primary screen when it overlaps none. */
    static Rectangle2D screenFor(Rectangle2D wanted, List<Rectangle2D> screens, Rectangle2D primary) {
        Rectangle2D best = primary;
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double a = overlap(s, wanted);
            if (a > bestArea) {
                bestArea = a;
                best = s;
            }
        }
        return best;
    }

    /** Where the window goes: {@code remembered} (width 0 when there is none) fitted to the screens there are. */
    public static Rectangle2D forStart(Rectangle2D remembered) {
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        if (remembered == null || remembered.getWidth() <= 0 || remembered.getHeight() <= 0) {
            return initial(primary);
        }
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        return fit(remembered, screenFor(remembered, screens, primary));
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
