package io.liqlab.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.Locale;

/**
 * Drags the leverage slider one step per frame with every chart visible and measures, per update:
 * the FX-thread time (from the change through recompute, chart data, CSS, layout and the pulse's scene sync, up
 * to the first runnable after the pulse) and the frame interval (pulse to pulse, which includes waiting for the
 * render thread). Run with {@code empty} to measure the floor: the same window repainting with no curves.
 *
 * <pre>java -cp TEST_CLASSPATH io.liqlab.bench.SliderBench [full|empty] [steps] [warmup]</pre>
 * under Xvfb at 1600x1000 with the GTK glass (see README, "Benchmarks").
 */
public final class SliderBench {
    private static String mode = "full";
    private static int steps = 600;
    private static int warmup = 150;

    public static void main(String[] args) {
        if (args.length > 0) {
            mode = args[0];
        }
        if (args.length > 1) {
            steps = Integer.parseInt(args[1]);
        }
        if (args.length > 2) {
            warmup = Integer.parseInt(args[2]);
        }
        io.liqlab.app.LiqLabApp.rendererSettings(); // as the app starts its window
        Application.launch(App.class, args);
    }

    /** The measured application; a nested class so the launcher runs from the class path. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            run(stage);
        }
    }

    private static void run(Stage stage) throws Exception {
        Scene scene = Benches.openApp(stage);
        Slider slider = (Slider) scene.lookup("#leverage-slider");
        // Seven curves, as the workload: every profile on.
        for (String id : new String[] {"textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc", "okx-swap-btc", "bybit-linear-btc", "gte-btc"}) {
            CheckBox box = (CheckBox) scene.lookup("#curve-" + id);
            box.setSelected(!mode.equals("empty"));
        }
        int total = warmup + steps;
        double[] fxMillis = new double[total];
        double[] frameMillis = new double[total];
        double[] workMillis = new double[total];
        long[] start = new long[1];
        long[] lastFrame = new long[1];
        int[] i = {-1};
        scene.addPostLayoutPulseListener(() -> {
            if (i[0] >= 0 && i[0] < total && start[0] != 0) {
                int index = i[0];
                long began = start[0];
                start[0] = 0;
                // The update's own work: the change, recompute, chart data, CSS and layout (the sync that follows is
                // reported by the pulse logger as "Copy state to render graph").
                workMillis[index] = (System.nanoTime() - began) / 1e6;
                // Runs once the pulse (with its scene sync) is over.
                Platform.runLater(() -> fxMillis[index] = (System.nanoTime() - began) / 1e6);
            }
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (i[0] >= 0 && i[0] < total) {
                    frameMillis[i[0]] = (now - lastFrame[0]) / 1e6;
                }
                lastFrame[0] = now;
                i[0]++;
                if (i[0] >= total) {
                    stop();
                    Platform.runLater(() -> report(workMillis, fxMillis, frameMillis));
                    return;
                }
                start[0] = System.nanoTime();
                // Sweep 5x..120x and back, 1x a step (the slider snaps to whole leverages): every step changes every chart.
                double phase = (i[0] % 230) / 115.0;
                slider.setValue(5 + 115 * (phase <= 1 ? phase : 2 - phase));
            }
        }.start();
    }

    private static void report(double[] work, double[] fx, double[] frame) {
        double[] w = Arrays.copyOfRange(work, warmup, work.length);
        double[] f = Arrays.copyOfRange(fx, warmup, fx.length);
        double[] fr = Arrays.copyOfRange(frame, warmup + 1, frame.length);
        System.out.printf(Locale.ROOT, "mode=%s steps=%d updateWork p50=%.2f p95=%.2f max=%.2f ms; fxThreadInclWaitForRender p50=%.2f p95=%.2f ms;"
                        + " frame p50=%.2f p95=%.2f ms%n", mode, w.length, Benches.percentile(w, 50), Benches.percentile(w, 95), Arrays.stream(w).max().orElse(0),
                Benches.percentile(f, 50), Benches.percentile(f, 95), Benches.percentile(fr, 50), Benches.percentile(fr, 95));
        Platform.exit();
    }

}
