package io.liqlab.ui;

import javafx.scene.Node;

/** The calculators' pop-overs (What if…, Doesn't match the exchange?) in a window of any size. */
public final class PopOvers {

    private PopOvers() {
    }

    /**
     * A button that opens {@code content} (made on the first click) in a pop-over beside it, sized to the window,
     * and closes it on a second click: What if…, Doesn't match the exchange?, Import snapshot….
     *
     * @param title    the pop-over's title
     * @param leftward open under the button toward the left (a button at the right of its row)
     */
    public static javafx.scene.control.Button opener(String id, String text, String tip, String title, boolean leftward,
                                                     java.util.function.Supplier<Node> content) {
        javafx.scene.control.Button open = new javafx.scene.control.Button(text);
        open.setId(id);
        open.setTooltip(new javafx.scene.control.Tooltip(tip));
        org.controlsfx.control.PopOver[] popOver = {null};
        open.setOnAction(e -> {
            if (popOver[0] == null) {
                popOver[0] = scrolling(content.get(), title);
            }
            if (popOver[0].isShowing()) {
                popOver[0].hide();
            } else {
                fitToWindow(popOver[0], open, leftward);
                popOver[0].show(open);
            }
        });
        return open;
    }

    /** A pop-over showing {@code content} in a scroll pane, so {@link #fitToWindow} can size it to the window. */
    public static org.controlsfx.control.PopOver scrolling(Node content, String title) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setPrefViewportWidth(660);
        org.controlsfx.control.PopOver popOver = new org.controlsfx.control.PopOver(scroll);
        popOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.LEFT_TOP);
        popOver.setDetachable(true);
        popOver.setTitle(title);
        return popOver;
    }

    /**
     * Sizes a pop-over to what the window leaves around its button, so a 1280x720 window shows all of it: beside the
     * button where there is room for it, else under it (centred, as wide as the window allows); {@code leftward}: it
     * opens under the button toward the left. Never below 420 x 240 (it scrolls inside).
     */
    public static void fitToWindow(org.controlsfx.control.PopOver popOver, Node anchor, boolean leftward) {
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) popOver.getContentNode();
        javafx.stage.Window w = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (w == null) {
            return;
        }
        javafx.geometry.Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        double right = w.getX() + w.getWidth() - b.getMaxX() - 48;
        double width;
        double height;
        if (leftward) {
            popOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.TOP_RIGHT);
            width = b.getMaxX() - w.getX() - 24;
            height = w.getY() + w.getHeight() - b.getMaxY() - 72;
        } else if (right >= 600) {
            popOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.LEFT_TOP);
            width = right;
            height = w.getY() + w.getHeight() - b.getMinY() - 72;
        } else {
            popOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.TOP_CENTER);
            width = 2 * Math.min(b.getCenterX() - w.getX(), w.getX() + w.getWidth() - b.getCenterX()) - 48;
            height = w.getY() + w.getHeight() - b.getMaxY() - 72;
        }
        scroll.setPrefViewportWidth(Math.max(420, Math.min(660, width)));
        scroll.setPrefViewportHeight(Math.max(240, Math.min(560, height)));
    }
}
