package io.liqlab.ui.shell;

import java.util.ArrayList;
import java.util.List;

/** A {@link Notifier} that keeps what it was told, for view-model tests (no toolkit) and for headless use. */
public final class RecordingNotifier implements Notifier {

    /** One thing said: its kind ("status", "error", "offer") and text. */
    public record Said(String kind, String message) {
    }

    private final List<Said> said = new ArrayList<>();
    private Runnable offered;
    private Runnable declined;

    @Override
    public void status(String message) {
        said.add(new Said("status", message));
    }

    @Override
    public void error(String message) {
        said.add(new Said("error", message));
    }

    @Override
    public void offer(String message, String actionText, Runnable action) {
        said.add(new Said("offer", message));
        offered = action;
        declined = null;
    }

    @Override
    public void offer(String message, String actionText, Runnable action, String otherText, Runnable other) {
        offer(message, actionText, action);
        declined = other;
    }

    @Override
    public void dismiss() {
        offered = null;
        declined = null;
    }

    public List<Said> said() {
        return List.copyOf(said);
    }

    /** The last message of this kind, or null. */
    public String last(String kind) {
        for (int i = said.size() - 1; i >= 0; i--) {
            if (said.get(i).kind().equals(kind)) {
                return said.get(i).message();
            }
        }
        return null;
    }

    /** Takes the offer on show, as a click on its button would; false when there is none. */
    public boolean takeOffer() {
        Runnable r = offered;
        offered = null;
        declined = null;
        if (r != null) {
            r.run();
        }
        return r != null;
    }

    /** Presses the offer's second button (Discard), as a click would; false when there is none. */
    public boolean declineOffer() {
        Runnable r = declined;
        offered = null;
        declined = null;
        if (r != null) {
            r.run();
        }
        return r != null;
    }
}
