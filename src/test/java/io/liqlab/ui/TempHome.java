package io.liqlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh user folder for a window test, so the real one is never read or written. */
final class TempHome {
    private TempHome() {
    }

    static Path use(String prefix) throws IOException {
        Path home = Files.createTempDirectory(prefix);
        System.setProperty("liqlab.home", home.toString());
        return home;
    }

    static void clear() {
        System.clearProperty("liqlab.home");
    }
}
