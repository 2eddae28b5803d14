package io.liqlab.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the shell's view-model asks of the window it runs in: file choosers, the clipboard, the questions that need
 * an answer before going on, and closing. The window ({@code WorkspaceView}) implements it; view-model tests use a
 * fake. Nothing here does file I/O.
 */
public interface ShellWindow {

    /** Asks where to save; empty when cancelled. */
    Optional<Path> chooseSaveFile(String suggestedName, String typeDescription, String pattern);

    /** Asks which file to open; empty when cancelled. */
    Optional<Path> chooseOpenFile(String typeDescription, String pattern);

    /** The window's place and size now, for a session file: {x, y, width, height}. */
    double[] bounds();

    void copyToClipboard(String text);

    /** Asks whether to quit although the tier editor holds unsaved edits of {@code profileId} (Cancel is the default). */
    boolean confirmQuitWithUnsavedTiers(String profileId);

    /** Closes the window (after the app remembers its state). */
    void close();

    /** Shows the About box. */
    void showAbout(String header, String text);

    /** Whether the operating system's look is dark now (the System theme follows it). */
    boolean systemIsDark();

    /** A picture of one of the Position tab's charts ({@code chart-leverage}, {@code chart-size}, {@code chart-time}), taken now. */
    Picture chartPicture(String chartId);

    /** An image taken on the UI thread, written to a file later on a worker thread. */
    interface Picture {
        void writePng(Path file) throws java.io.IOException;
    }
}
