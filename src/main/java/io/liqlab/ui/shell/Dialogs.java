package io.liqlab.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions that must be answered before going on (JabRef's {@code DialogService}, the blocking half): one
 * service for the window, built in the composition root and handed to whoever asks, so no view or view-model makes
 * its own {@code Alert}. Errors and offers that need no answer go through the {@link Notifier} instead. No JavaFX in
 * the interface: view-model tests answer for the user; the window's implementation is {@link FxDialogs}.
 */
public interface Dialogs {

    /** Asks for a line of text, offering {@code suggested}; empty when cancelled. */
    Optional<String> askText(String id, String title, String question, String suggested);

    /**
     * Asks to confirm something that throws work away; true only when {@code confirmText} is pressed (Cancel is the
     * default, so Enter keeps what would be lost).
     */
    boolean confirm(String id, String title, String question, String confirmText);

    /**
     * Asks to choose one of {@code choices}; returns its index, or {@code safe} when the dialog is closed. {@code safe}
     * is also the default button.
     */
    int choose(String id, String title, String header, String text, List<String> choices, int safe);

    /** Shows something to read (the About box, a scenario's assumptions) until closed; a long text scrolls. */
    void inform(String id, String title, String header, String text);

    /** Asks which file to open; empty when cancelled. */
    Optional<Path> chooseOpenFile(String typeDescription, String pattern);

    /** Asks where to save, offering {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseSaveFile(String suggestedName, String typeDescription, String pattern);

    /** Asks for a folder (an image sequence's, say); empty when cancelled. */
    Optional<Path> chooseFolder(String title);
}
