package io.liqlab.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.time.Duration;
import java.time.Instant;

/**
 * For measuring start-up ({@code -Dliqlab.startupProbe=true}): prints the milliseconds from the process's start to
 * the first frame of {@code scene}, then exits. The frame counts as shown once its first pulse is over.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void reportFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                System.out.println("first-frame-ms " + Duration.between(start, Instant.now()).toMillis());
                System.out.flush();
                Platform.exit();
                System.exit(0);
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
