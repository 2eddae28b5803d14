package io.liqlab.bench;

import io.liqlab.sim.Scenario;
import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the 2025-10-10 scenario at 1,000,000 positions at 8x in the real window (1600x1000, Cascade tab) and
 * measures per frame: the FX-thread work (from the first animation timer of the pulse, through the pane's playback
 * timer, CSS and layout, to the post-layout pulse listener), the same up to the first runnable after the pulse
 * (adds the scene sync), and the frame interval (pulse to pulse, including waiting for the renderer). {@code empty}
 * plays the same run with the charts drawn without data: the floor.
 *
 * <p>{@code full} then changes the shock while playing, which re-runs the million positions in the background, and
 * records the longest the FX thread was unavailable: the largest delay of a probe posted every 2 ms with
 * {@code Platform.runLater}, and the longest frame interval, from the change until one second after the new run is
 * on screen (so the switch-over is included).
 *
 * <p>{@code play}: as {@code full} without the re-run.
 *
 * <pre>java -cp TEST_CLASSPATH io.liqlab.bench.CascadePlaybackBench [full|empty|play] [frames] [warmup] [whole|action] [positions]</pre>
 */
public final class CascadePlaybackBench {
    private static String mode = "full";
    private static int frames = 1200;
    private static int warmup = 180;
    /**
     * {@code action} as the fourth argument: the frames are measured over the action the tab opens on (0:00-2:47,
     * looping), where every tick moves the cursor by pixels, instead of over the whole run (a pixel every few ticks).
     */
    private static boolean action;
    private static int positions = 1_000_000;

    public static void main(String[] args) {
        if (args.length > 0) {
            mode = args[0];
        }
        if (args.length > 1) {
            frames = Integer.parseInt(args[1]);
        }
        if (args.length > 2) {
            warmup = Integer.parseInt(args[2]);
        }
        action = args.length > 3 && args[3].equals("action");
        if (args.length > 4) {
            positions = Integer.parseInt(args[4]);
        }
        io.liqlab.app.LiqLabApp.rendererSettings(); // as the app starts its window
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            Scene scene = Benches.openApp(stage);
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(4);
            CascadeView view = (CascadeView) scene.lookup("#cascade");
            CascadeViewModel vm = view.viewModel();
            Scenario october = vm.scenarios().stream().filter(s -> s.id().equals("2025-10-10")).findFirst().orElseThrow();
            vm.scenarioProperty().set(october);
            vm.positionsProperty().set(positions);
            long began = System.nanoTime();
            vm.runsProperty().subscribe(r -> {
                if (r != null && r.main().summary().positions() == positions && !measuring) {
                    measuring = true;
                    System.out.printf(Locale.ROOT, "mode=%s 1M-position run ready after %.0f ms (engine %d ms)%n", mode,
                            (System.nanoTime() - began) / 1e6, r.main().summary().elapsedMillis());
                    Platform.runLater(() -> play(scene, view, vm));
                }
            });
        }
    }

    private static boolean measuring;

    private static void play(Scene scene, CascadeView view, CascadeViewModel vm) {
        if (mode.equals("empty")) {
            view.setDataVisible(false);
        }
        int total = warmup + frames;
        double[] work = new double[total];
        double[] fx = new double[total];
        double[] interval = new double[total];
        long[] start = new long[1];
        long[] last = new long[1];
        int[] i = {-1};
        scene.addPostLayoutPulseListener(() -> {
            if (i[0] >= 0 && i[0] < total && start[0] != 0) {
                int index = i[0];
                long t0 = start[0];
                start[0] = 0;
                work[index] = (System.nanoTime() - t0) / 1e6;
                Platform.runLater(() -> fx[index] = (System.nanoTime() - t0) / 1e6);
            }
        });
        // Started before the pane's own timer is woken by play(), so it runs first in every pulse.
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (i[0] >= 0 && i[0] < total) {
                    interval[i[0]] = (t - last[0]) / 1e6;
                }
                last[0] = t;
                i[0]++;
                if (i[0] == warmup) {
                    cpuBefore = Benches.threadCpu();
                }
                if (i[0] >= total) {
                    stop();
                    vm.pause();
                    int frame = vm.frameProperty().get();
                    java.util.Map<String, Long> cpuAfter = Benches.threadCpu();
                    Platform.runLater(() -> {
                        report(work, fx, interval, frame);
                        reportCpu(cpuAfter);
                        if (mode.equals("full")) {
                            rerun(vm, scene);
                        } else {
                            Platform.exit();
                        }
                    });
                    return;
                }
                start[0] = t;
            }
        }.start();
        // The whole run, as measured before the time axis opened on the action: playback must not stop at the
        // action's end while frames are still being measured. Or the action, looping.
        if (action) {
            vm.showAction();
            vm.loopProperty().set(true);
        } else {
            vm.showWholeRun();
        }
        vm.scrub(0);
        vm.speedProperty().set(8);
        vm.play();
    }

    /** Changes the shock while playing and records how long the FX thread was ever unavailable until the switch. */
    private static void rerun(CascadeViewModel vm, Scene scene) {
        vm.loopProperty().set(false);
        vm.showWholeRun();
        vm.scrub(0);
        vm.play();
        AtomicLong maxProbe = new AtomicLong();
        AtomicLong maxProbeComputing = new AtomicLong();
        boolean[] computing = {true};
        long[] maxInterval = {0};
        long[] last = {System.nanoTime()};
        boolean[] done = {false};
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                maxInterval[0] = Math.max(maxInterval[0], t - last[0]);
                last[0] = t;
            }
        };
        frames.start();
        Thread probe = Thread.ofPlatform().daemon().name("fx-probe").start(() -> {
            while (!done[0]) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long delay = System.nanoTime() - posted;
                    maxProbe.accumulateAndGet(delay, Math::max);
                    if (computing[0]) {
                        maxProbeComputing.accumulateAndGet(delay, Math::max);
                    }
                });
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        java.util.Map<io.liqlab.ui.chart.TimeChart, Integer> paintsBefore = new java.util.HashMap<>();
        scene.getRoot().lookupAll(".time-chart").forEach(n -> paintsBefore.put((io.liqlab.ui.chart.TimeChart) n,
                io.liqlab.ui.chart.ChartProbe.dataPaintCount((io.liqlab.ui.chart.TimeChart) n)));
        long changed = System.nanoTime();
        int before = vm.runCountProperty().get();
        vm.shockPercentProperty().set(vm.shockPercentProperty().get() - 1);
        vm.runCountProperty().subscribe(n -> {
            if (n.intValue() > before) {
                computing[0] = false;
                double ready = (System.nanoTime() - changed) / 1e6;
                double[] painted = {Double.NaN};
                new AnimationTimer() { // until every chart shows the new run's data
                    @Override
                    public void handle(long now) {
                        if (scene.getRoot().lookupAll(".time-chart").stream().allMatch(n -> {
                            io.liqlab.ui.chart.TimeChart c = (io.liqlab.ui.chart.TimeChart) n;
                            return io.liqlab.ui.chart.ChartProbe.dataPaintCount(c) > paintsBefore.getOrDefault(c, 0) && !io.liqlab.ui.chart.ChartProbe.dataPending(c);
                        })) {
                            painted[0] = (System.nanoTime() - changed) / 1e6;
                            stop();
                        }
                    }
                }.start();
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
                settle.setOnFinished(e -> {
                    done[0] = true;
                    frames.stop();
                    System.out.printf(Locale.ROOT, "rerun: new 1M run switched in after %.0f ms, all charts drawn "
                            + "after %.0f ms%n", ready, painted[0]);
                    System.out.printf(Locale.ROOT, "rerun: new 1M run on screen after %.0f ms; longest FX-thread delay "
                                    + "(runLater probe every 2 ms) %.1f ms while computing, %.1f ms in all (to 1 s after "
                                    + "the switch); longest frame interval %.1f ms%n", ready,
                            maxProbeComputing.get() / 1e6, maxProbe.get() / 1e6, maxInterval[0] / 1e6);
                    Platform.exit();
                });
                settle.play();
            }
        });
    }

    private static java.util.Map<String, Long> cpuBefore;

    /** CPU time per thread per measured frame: the FX thread's and the Prism renderer's share of each frame. */
    private static void reportCpu(java.util.Map<String, Long> cpuAfter) {
        StringBuilder cpu = new StringBuilder("CPU ms per frame by thread:");
        cpuAfter.forEach((name, ns) -> {
            double per = (ns - cpuBefore.getOrDefault(name, 0L)) / 1e6 / frames;
            if (per >= 0.05) {
                cpu.append(String.format(Locale.ROOT, " %s=%.2f", name, per));
            }
        });
        System.out.println(cpu);
    }

    private static void report(double[] work, double[] fx, double[] interval, int frame) {
        double[] w = Arrays.copyOfRange(work, warmup, work.length);
        double[] f = Arrays.copyOfRange(fx, warmup, fx.length);
        double[] fr = Arrays.copyOfRange(interval, warmup + 1, interval.length);
        System.out.printf(Locale.ROOT, "mode=%s frames=%d (playback reached frame %d) frameWork p50=%.2f p95=%.2f max=%.2f ms;"
                        + " fxThreadInclSync p50=%.2f p95=%.2f ms; frameInterval p50=%.2f p95=%.2f ms%n", mode, w.length, frame,
                Benches.percentile(w, 50), Benches.percentile(w, 95), Arrays.stream(w).max().orElse(0), Benches.percentile(f, 50), Benches.percentile(f, 95), Benches.percentile(fr, 50), Benches.percentile(fr, 95));
    }

}
