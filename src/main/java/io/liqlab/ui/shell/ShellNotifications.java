package io.liqlab.ui.shell;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * The window's {@link Notifier}: the status line's text, and a ControlsFX {@link NotificationPane} at the foot of the tabs for
 * errors and offers (one at a time: a newer one replaces what is on show). Errors carry the {@code :error}
 * pseudo-class for the theme's colours and stay until closed; an offer's button runs it and closes the bar.
 */
public final class ShellNotifications implements Notifier {

    /** On the notification bar while it shows an error. */
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final NotificationPane pane;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /** A bar over nothing yet: the window puts its tabs under it ({@link #setContent}). */
    public ShellNotifications() {
        this(null);
    }

    /** @param content what the bar slides over (the tabs) */
    public ShellNotifications(Node content) {
        pane = new NotificationPane(content);
        pane.setId("notifications");
        // From the bottom, just above the status line: from the top it covered the tab headers while it was shown, so
        // a draft offer or an error hid the way to every other tab.
        pane.setShowFromTop(false);
        pane.setCloseButtonVisible(true);
        pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK); // readable over both themes
    }

    public void setContent(Node content) {
        pane.setContent(content);
    }

    /** The pane to put where the content was. */
    public NotificationPane pane() {
        return pane;
    }

    /** The status line's text. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void status(String message) {
        status.set(message);
    }

    @Override
    public void error(String message) {
        status.set(message);
        pane.getActions().clear();
        pane.pseudoClassStateChanged(ERROR, true);
        pane.setText(message);
        show(message);
    }

    @Override
    public void offer(String message, String actionText, Runnable action) {
        pane.pseudoClassStateChanged(ERROR, false);
        pane.getActions().setAll(closing(actionText, action));
        show(message);
    }

    @Override
    public void offer(String message, String actionText, Runnable action, String otherText, Runnable other) {
        pane.pseudoClassStateChanged(ERROR, false);
        pane.getActions().setAll(closing(actionText, action), closing(otherText, other));
        show(message);
    }

    /** An action of an offer: taking it closes the bar, then does {@code run}. */
    private Action closing(String text, Runnable run) {
        return new Action(text, e -> {
            wanted = false;
            pane.hide();
            run.run();
        });
    }

    @Override
    public void dismiss() {
        wanted = false;
        pane.hide();
    }

    /** Whether the bar should be on show (an offer made before the window was, waiting for the bar's skin). */
    private boolean wanted;
    private javafx.util.Subscription waitingForSkin;

    private void show(String message) {
        pane.setText(message);
        wanted = true;
        if (pane.getSkin() == null) {
            // Shown before the pane has its skin (an offer made while the window is built), the bar would stay hidden
            // outside the tabs: it slides in once the pane is on screen.
            if (waitingForSkin == null) {
                waitingForSkin = pane.skinProperty().subscribe(skin -> {
                    if (skin != null && waitingForSkin != null) {
                        waitingForSkin.unsubscribe();
                        waitingForSkin = null;
                        javafx.application.Platform.runLater(() -> {
                            if (wanted && !pane.isShowing()) {
                                pane.show();
                            }
                        });
                    }
                });
            }
            return;
        }
        if (!pane.isShowing()) {
            pane.show();
        }
    }
}
