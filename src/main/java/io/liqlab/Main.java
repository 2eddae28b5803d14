package io.liqlab;

import io.liqlab.cli.Cli;

/**
 * Entry point of {@code liqlab.jar}. With no arguments it opens the app; with a subcommand it runs headless and
 * never touches JavaFX, so it needs no display. Not an {@code Application} subclass: that lets JavaFX load from
 * the class path of a single jar.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            io.liqlab.app.LiqLabApp.launchApp(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
