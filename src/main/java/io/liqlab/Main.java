package io.liqlab;

import io.liqlab.cli.Cli;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of {@code liqlab.jar}. With no arguments it opens the app; with a subcommand it runs headless and
 * never touches JavaFX, so it needs no display. Not an {@code Application} subclass: that lets JavaFX load from
 * the class path of a single jar.
 */
public final class Main {
    /** Held so the level set on it is not collected away. */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private Main() {
    }

    /** The session file the arguments ask to open: {@code open FILE}, or a lone {@code *.liqlab.json} (the desktop). */
    static String sessionToOpen(String[] args) {
        if (args.length == 2 && args[0].equals("open")) {
            return args[1];
        }
        if (args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(io.liqlab.ui.workspace.SessionFiles.EXTENSION)) {
            return args[0];
        }
        return null;
    }

    public static void main(String[] args) {
        io.liqlab.app.StartupProbe.mark("Main.main");
        String session = sessionToOpen(args);
        if (args.length > 0 && session == null) {
            System.exit(Cli.run(args));
        }
        if (session != null) {
            // Check the session first, so a bad file is one line on stderr, not a window.
            try {
                io.liqlab.ui.workspace.SessionFiles.read(java.nio.file.Path.of(session));
            } catch (io.liqlab.ui.workspace.SessionFiles.SessionException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(Cli.EXIT_BAD_INPUT);
            }
            System.setProperty(io.liqlab.app.LiqLabApp.OPEN_PROPERTY, java.nio.file.Path.of(session).toAbsolutePath().toString());
        }
        if (!displayAvailable()) {
            System.err.println("LiqLab needs a display to open its window, and none was found (DISPLAY is not set). "
                    + "For headless use run a subcommand: calc, sweep, simulate or profiles (java -jar liqlab.jar --help).");
            System.exit(Cli.EXIT_INTERNAL);
        }
        // Java2D paints the cascade charts' data off the FX thread, into images: it needs no AWT display connection.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // JavaFX warns that it was loaded from the class path; that is how a single runnable jar works (README).
        JAVAFX_LOGGER.setLevel(Level.SEVERE);
        try {
            io.liqlab.app.LiqLabApp.launchApp(new String[0]);
        } catch (RuntimeException e) {
            System.err.println("LiqLab could not start its window: " + e.getMessage());
            System.exit(Cli.EXIT_INTERNAL);
        }
    }

    private static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
