package io.liqlab.bench;

import io.liqlab.app.LiqLabApp;
import io.liqlab.sim.Scenario;
import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import io.liqlab.ui.cascade.PhaseMapViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Cascade tab with the seed band behind the 2025-10-10 run, then with its phase map (shock against depth),
 * written as PNGs at the window size given: what a person sees, for the README's screens and for checking the
 * layout at 1600x1000 and 1280x720.
 *
 * <pre>xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp CP io.liqlab.bench.PhaseMapScreens OUT_DIR 1600 1000 [positions] [steps]</pre>
 */
public final class PhaseMapScreens {
    private static Path out;
    private static int width;
    private static int height;
    private static int positions = 50_000;
    private static int steps = 16;

    public static void main(String[] args) {
        out = Path.of(args[0]);
        width = Integer.parseInt(args[1]);
        height = Integer.parseInt(args[2]);
        if (args.length > 3) {
            positions = Integer.parseInt(args[3]);
        }
        if (args.length > 4) {
            steps = Integer.parseInt(args[4]);
        }
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private boolean bandAsked;
        private boolean mapAsked;

        @Override
        public void start(Stage stage) throws Exception {
            Files.createDirectories(out);
            System.setProperty("liqlab.home", Files.createTempDirectory("liqlab-shots").toString());
            new LiqLabApp().start(stage);
            stage.setWidth(width);
            stage.setHeight(height);
            Scene scene = stage.getScene();
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(4);
            CascadeView view = (CascadeView) scene.lookup("#cascade");
            CascadeViewModel vm = view.viewModel();
            Scenario october = vm.scenarios().stream().filter(s -> s.id().equals("2025-10-10")).findFirst().orElseThrow();
            vm.scenarioProperty().set(october);
            vm.positionsProperty().set(positions);
            vm.runsProperty().subscribe(r -> {
                if (r != null && r.main().summary().positions() == positions && !bandAsked) {
                    bandAsked = true;
                    vm.bandShownProperty().set(true);
                }
            });
            vm.bandProperty().subscribe(b -> {
                if (b != null && !mapAsked) {
                    mapAsked = true;
                    vm.scrub(vm.frameAtSecond(vm.viewToProperty().get())); // the whole path in sight, not the veil
                    later(1500, () -> {
                        shoot(scene, "cascade-band-" + width + "x" + height + ".png");
                        ((org.controlsfx.control.ToggleSwitch) scene.lookup("#cascade-phase-map")).setSelected(true);
                        PhaseMapViewModel map = vm.phaseMap();
                        map.stepsProperty().set(steps);
                        // While the map computes: the longest a runLater posted every 2 ms waited for the FX thread.
                        java.util.concurrent.atomic.AtomicLong maxDelay = new java.util.concurrent.atomic.AtomicLong();
                        Thread probe = Thread.ofPlatform().daemon().name("fx-probe").start(() -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                long posted = System.nanoTime();
                                Platform.runLater(() -> maxDelay.accumulateAndGet(System.nanoTime() - posted, Math::max));
                                try {
                                    Thread.sleep(2);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
                        long mapStarted = System.nanoTime();
                        map.runningProperty().subscribe(running -> {
                            if (!running && map.request() != null) {
                                probe.interrupt();
                                System.out.printf(java.util.Locale.ROOT, "map %dx%d at %,d positions: %.1f s; longest FX-thread "
                                                + "delay while computing (runLater probe every 2 ms) %.1f ms%n", steps, steps, positions,
                                        (System.nanoTime() - mapStarted) / 1e9, maxDelay.get() / 1e6);
                                later(800, () -> {
                                    shoot(scene, "cascade-phase-map-" + width + "x" + height + ".png");
                                    Platform.exit();
                                });
                            }
                        });
                        map.compute();
                        later(2500, () -> shoot(scene, "cascade-phase-map-filling-" + width + "x" + height + ".png"));
                    });
                }
            });
        }
    }

    private static void later(long millis, Runnable r) {
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(millis));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    private static void shoot(Scene scene, String name) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.resolve(name).toFile());
            System.out.println("wrote " + out.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
