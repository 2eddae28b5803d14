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
 * <pre>xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp CP io.liqlab.bench.PhaseMapScreens OUT_DIR 1600 1000 [positions] [steps] [filling]</pre>
 *
 * <p>{@code filling} also takes a picture 2.5 s into the map. It is the bench's own work on the FX thread (a snapshot
 * and a PNG encoded there, and the first use of the image writer's classes, after which a handshake of all threads
 * took 128 ms at a load of 5), so the probes waiting through it are counted apart, and without the word no picture
 * is taken while the map computes.
 */
public final class PhaseMapScreens {
    private static Path out;
    private static int width;
    private static int height;
    private static int positions = 50_000;
    private static int steps = 16;
    private static boolean filling;

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
        filling = args.length > 5 && args[5].equals("filling");
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
                        // The map's first show (its controls' skins, CSS, first layout) is measured apart: the goal
                        // is about the FX thread while the map computes, which the user starts once the map is shown.
                        long toggled = System.nanoTime();
                        Platform.runLater(() -> System.out.printf(java.util.Locale.ROOT,
                                "phase map shown: the toggle's FX-thread work took %.1f ms%n", (System.nanoTime() - toggled) / 1e6));
                        Benches.threadCpu(); // the management beans' first use (class loading) before the measured window
                        later(1000, () -> measureMap(scene, vm));
                    });
                }
            });
        }
    }

    private static void measureMap(Scene scene, CascadeViewModel vm) {
        PhaseMapViewModel map = vm.phaseMap();
        map.stepsProperty().set(steps);
        // While the map computes: the longest a runLater posted every 2 ms waited for the FX thread,
        // and each delay over 20 ms with when it was posted (ms since the JVM started, as -Xlog's
        // uptime decoration and JFR show it), to line the delays up with GC pauses and safepoints.
        java.util.concurrent.atomic.AtomicLong maxDelay = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong shotDelay = new java.util.concurrent.atomic.AtomicLong();
        // The map's first second apart (where every quiet run had its longest stall): on a shared machine the
        // whole map's longest delay mostly measures the other sessions, its start is the map's own.
        java.util.concurrent.atomic.AtomicLong firstSecondDelay = new java.util.concurrent.atomic.AtomicLong();
        long[] mapStarted = {Long.MAX_VALUE};
        java.util.Queue<double[]> longDelays = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long uptimeBase = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long nanoBase = System.nanoTime();
        // Started just before the map is asked for, once the bench's own set-up on the FX thread (its timers, the
        // CPU and GC counters, the lambdas it spins) is done: that set-up took 30-50 ms of the first "stall".
        Thread probe = Thread.ofPlatform().daemon().name("fx-probe").unstarted(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long ran = System.nanoTime();
                    long delay = ran - posted;
                    if (posted < shotTo && ran > shotFrom) {
                        shotDelay.accumulateAndGet(delay, Math::max);
                        return;
                    }
                    maxDelay.accumulateAndGet(delay, Math::max);
                    if (posted - mapStarted[0] < 1_000_000_000L) {
                        firstSecondDelay.accumulateAndGet(delay, Math::max);
                    }
                    if (delay > 20_000_000) {
                        longDelays.add(new double[] {uptimeBase + (posted - nanoBase) / 1e6, delay / 1e6});
                    }
                });
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        // Each pulse's FX-thread work: first animation timer to the post-layout listener.
        java.util.List<Double> pulses = new java.util.concurrent.CopyOnWriteArrayList<>();
        long[] pulseStart = {0};
        javafx.animation.AnimationTimer pulseTimer = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseStart[0] = System.nanoTime();
            }
        };
        pulseTimer.start();
        scene.addPostLayoutPulseListener(() -> {
            if (pulseStart[0] != 0) {
                pulses.add((System.nanoTime() - pulseStart[0]) / 1e6);
                pulseStart[0] = 0;
            }
        });
        java.util.Map<String, Long> cpuBefore = Benches.threadCpu();
        long[] gcBefore = Benches.gc();
        mapStarted[0] = System.nanoTime();
        map.runningProperty().subscribe(running -> {
            if (!running && map.request() != null) {
                probe.interrupt();
                pulseTimer.stop();
                double seconds = (System.nanoTime() - mapStarted[0]) / 1e9;
                System.out.printf(java.util.Locale.ROOT, "map %dx%d at %,d positions: %.1f s; longest FX-thread "
                                + "delay while computing (runLater probe every 2 ms) %.1f ms%s%n", steps, steps, positions, seconds,
                        maxDelay.get() / 1e6, filling ? String.format(java.util.Locale.ROOT,
                                " (%.1f ms through the screenshot taken while it fills, not counted)", shotDelay.get() / 1e6) : "");
                System.out.printf(java.util.Locale.ROOT, "longest FX-thread delay in the map's first second (from JVM uptime %.0f ms): %.1f ms%n",
                        uptimeBase + (mapStarted[0] - nanoBase) / 1e6, firstSecondDelay.get() / 1e6);
                double[] work = pulses.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                long[] gcAfter = Benches.gc();
                System.out.printf(java.util.Locale.ROOT, "pulses while computing: %d, FX work p50 %.1f p95 %.1f max %.1f ms; "
                                + "GC %d collections, %d ms%n", work.length, Benches.percentile(work, 50), Benches.percentile(work, 95),
                        work.length == 0 ? 0 : work[work.length - 1], gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
                // Probes that waited through the same stall overlap: one stall per run of overlapping waits.
                java.util.List<double[]> stalls = new java.util.ArrayList<>();
                for (double[] d : longDelays) {
                    double[] last = stalls.isEmpty() ? null : stalls.getLast();
                    if (last != null && d[0] <= last[1]) {
                        last[1] = Math.max(last[1], d[0] + d[1]);
                        last[2] = Math.max(last[2], d[1]);
                    } else {
                        stalls.add(new double[] {d[0], d[0] + d[1], d[1]});
                    }
                }
                StringBuilder delays = new StringBuilder(String.format(java.util.Locale.ROOT,
                        "FX-thread stalls over 20 ms: %d, over 50 ms: %d; the longest (JVM uptime ms from-to, longest wait ms):",
                        stalls.size(), stalls.stream().filter(st -> st[2] > 50).count()));
                stalls.stream().sorted((a, b) -> Double.compare(b[2], a[2])).limit(12).forEach(st -> delays.append(
                        String.format(java.util.Locale.ROOT, " %.0f-%.0f:%.0f", st[0], st[1], st[2])));
                System.out.println(delays);
                System.out.printf(java.util.Locale.ROOT, "clock: JVM uptime %d ms = %d ms since the epoch (to line up with JFR)%n",
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), System.currentTimeMillis());
                StringBuilder cpu = new StringBuilder("CPU ms while computing by thread:");
                Benches.threadCpu().forEach((name, ns) -> {
                    double ms = (ns - cpuBefore.getOrDefault(name, 0L)) / 1e6;
                    if (ms >= 5) {
                        cpu.append(String.format(java.util.Locale.ROOT, " %s %.0f;", name, ms));
                    }
                });
                System.out.println(cpu);
                later(800, () -> {
                    shoot(scene, "cascade-phase-map-" + width + "x" + height + ".png");
                    Platform.exit();
                });
            }
        });
        System.out.println("compute: the map starts now");
        probe.start();
        map.compute();
        if (filling) {
            // The screenshot while it fills encodes a PNG on the FX thread: the probes waiting through it
            // are the bench's own work, counted apart.
            later(2500, () -> {
                shotFrom = System.nanoTime();
                shoot(scene, "cascade-phase-map-filling-" + width + "x" + height + ".png");
                shotTo = System.nanoTime();
            });
        }
    }

    private static volatile long shotFrom = Long.MAX_VALUE;
    private static volatile long shotTo = Long.MIN_VALUE;




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
