package io.liqlab.ui;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the renderer paints again for a change of the scene, worked out the way JavaFX works it out: every node that
 * paints something (a shape, a text, an image, a region with a background or border) and changed, at its old bounds
 * and at its new ones. A group paints nothing itself, so a group's bounds changing repaints nothing. Observed through
 * public API only, so tests can check it headless; a canvas drawn again is not seen here (tests count its redraws).
 * Use from the FX thread.
 */
public final class RepaintProbe {

    /** How a painting node looked: where (in the scene), whether shown, and what it paints with. */
    public record Look(Bounds bounds, boolean visible, Object paint) {
    }

    private RepaintProbe() {
    }

    /** How every painting node under {@code root} looks now. */
    public static Map<Node, Look> capture(Node root) {
        Map<Node, Look> looks = new IdentityHashMap<>();
        collect(root, true, looks);
        return looks;
    }

    private static void collect(Node node, boolean ancestorsVisible, Map<Node, Look> looks) {
        boolean visible = ancestorsVisible && node.isVisible() && node.getOpacity() > 0;
        if (paints(node)) {
            looks.put(node, new Look(node.localToScene(node.getBoundsInLocal()), visible, paint(node)));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, visible, looks);
            }
        }
    }

    private static boolean paints(Node node) {
        if (node instanceof Region region) {
            return region.getBackground() != null && !region.getBackground().isEmpty()
                    || region.getBorder() != null && !region.getBorder().isEmpty();
        }
        return !(node instanceof Parent);
    }

    private static Object paint(Node node) {
        return switch (node) {
            case Text text -> List.of(text.getText(), String.valueOf(text.getFill()), String.valueOf(text.getFont()));
            case Shape shape -> java.util.Arrays.asList(shape.getFill(), shape.getStroke(), shape.getStrokeWidth());
            case ImageView image -> java.util.Arrays.asList(image.getImage(), image.getViewport());
            case Region region -> java.util.Arrays.asList(region.getBackground(), region.getBorder());
            default -> null;
        };
    }

    /** The areas painted again between two captures: the old and the new bounds of each node that changed. */
    public static List<Bounds> repainted(Map<Node, Look> before, Map<Node, Look> after) {
        List<Bounds> areas = new ArrayList<>();
        for (var entry : before.entrySet()) {
            Look now = after.get(entry.getKey());
            Look then = entry.getValue();
            if (!then.equals(now)) {
                if (then.visible()) {
                    areas.add(then.bounds());
                }
                if (now != null && now.visible()) {
                    areas.add(now.bounds());
                }
            }
        }
        for (var entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey()) && entry.getValue().visible()) {
                areas.add(entry.getValue().bounds());
            }
        }
        return areas;
    }

    /** The smallest box around the parts of {@code areas} inside {@code within}; null when none is. */
    public static Bounds unionWithin(List<Bounds> areas, Bounds within) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Bounds b : areas) {
            double x0 = Math.max(b.getMinX(), within.getMinX());
            double y0 = Math.max(b.getMinY(), within.getMinY());
            double x1 = Math.min(b.getMaxX(), within.getMaxX());
            double y1 = Math.min(b.getMaxY(), within.getMaxY());
            if (x1 > x0 && y1 > y0) {
                minX = Math.min(minX, x0);
                minY = Math.min(minY, y0);
                maxX = Math.max(maxX, x1);
                maxY = Math.max(maxY, y1);
            }
        }
        return minX > maxX ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The area covered by {@code areas} (overlaps counted once), to within a pixel. */
    public static double area(List<Bounds> areas) {
        Objects.requireNonNull(areas);
        if (areas.isEmpty()) {
            return 0;
        }
        double minX = areas.stream().mapToDouble(Bounds::getMinX).min().orElseThrow();
        double maxX = areas.stream().mapToDouble(Bounds::getMaxX).max().orElseThrow();
        double total = 0;
        // Column by column of whole pixels: the union of the areas' spans in each.
        for (int x = (int) Math.floor(minX); x < Math.ceil(maxX); x++) {
            List<double[]> spans = new ArrayList<>();
            for (Bounds b : areas) {
                if (b.getMinX() < x + 1 && b.getMaxX() > x) {
                    spans.add(new double[] {b.getMinY(), b.getMaxY()});
                }
            }
            spans.sort((a, b) -> Double.compare(a[0], b[0]));
            double end = Double.NEGATIVE_INFINITY;
            for (double[] s : spans) {
                if (s[1] > end) {
                    total += s[1] - Math.max(s[0], end);
                    end = s[1];
                }
            }
        }
        return total;
    }
}
