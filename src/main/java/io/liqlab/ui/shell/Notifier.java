package io.liqlab.ui.shell;

/**
 * How view-models tell the user something: one way for every screen (JabRef's {@code DialogService}, reduced to
 * what LiqLab needs). No JavaFX in the interface, so view-model tests record what was said
 * ({@link RecordingNotifier}); the window's implementation is {@link ShellNotifications}.
 */
public interface Notifier {

    /** A passing note in the status line ("Session saved to ..."). */
    void status(String message);

    /** Something the user asked for failed: said in the status line and in the bar over the window until closed. */
    void error(String message);

    /**
     * An offer the user may take or leave (restore a draft, undo a replacement): the bar over the window with one
     * button; {@code action} runs when it is pressed, and the bar closes.
     */
    void offer(String message, String actionText, Runnable action);

    /**
     * An offer with two answers (restore a draft, or discard it): either button runs its action and closes the bar;
     * closing the bar answers neither. Without a second button of its own, only the first is offered.
     */
    default void offer(String message, String actionText, Runnable action, String otherText, Runnable other) {
        offer(message, actionText, action);
    }

    /** Withdraws the offer or error on show, if any (the offer no longer applies). */
    void dismiss();
}
