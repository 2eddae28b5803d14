package io.liqlab.bench;

import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.Scenario;
import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import io.liqlab.ui.chart.TimeChart;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 19's what-if goal, measured the way {@link CascadePlaybackBench} measures: the real window (1600x1000,
 * Cascade tab), the 2025-10-10 scenario at {@code positions}, playing at 8x, and a what-if change every time the
 * previous one is on screen, cycling shock (-0.5 point), book depth (+0.25x, back at 2x) and venue (Binance,
 * Hyperliquid, OKX). Per change: from setting the input to every chart showing the new run's data (the run, the
 * hand-over and the off-thread chart paint included). The first {@code warmup} changes are not counted. While it
 * runs, each screen frame's FX-thread work is recorded too (first animation timer of the pulse to the post-layout
 * pulse listener), as in the playback bench.
 *
 * <pre>java -cp TEST_CLASSPATH io.liqlab.bench.WhatIfLatencyBench [positions] [changes] [warmup]</pre>
 */
public final class WhatIfLatencyBench {
    private static int positions = 1_000_000;
    private static int changes = 50;
    private static int warmup = 5;

    public static void main(String[] args) {
        if (args.length > 0) {
            positions = Integer.parseInt(args[0]);
        }
        if (args.length > 1) {
            changes = Integer.parseInt(args[1]);
        }
        if (args.length > 2) {
            warmup = Integer.parseInt(args[2]);
        }
        io.liqlab.app.LiqLabApp.rendererSettings(); // as the app starts its window
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private boolean started;

        @Override
        public void start(Stage stage) throws Exception {
            Scene scene = Benches.openApp(stage);
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(4);
            CascadeView view = (CascadeView) scene.lookup("#cascade");
            CascadeViewModel vm = view.viewModel();
            Scenario october = vm.scenarios().stream().filter(s -> s.id().equals("2025-10-10")).findFirst().orElseThrow();
            vm.scenarioProperty().set(october);
            vm.positionsProperty().set(positions);
            vm.runsProperty().subscribe(r -> {
                if (r != null && r.main().summary().positions() == positions && !started) {
                    started = true;
                    Platform.runLater(() -> measure(scene, vm));
                }
            });
        }
    }

    private static void measure(Scene scene, CascadeViewModel vm) {
        List<Double> work = new ArrayList<>();
        long[] start = {0};
        scene.addPostLayoutPulseListener(() -> {
            if (start[0] != 0) {
                work.add((System.nanoTime() - start[0]) / 1e6);
                start[0] = 0;
            }
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                start[0] = System.nanoTime();
            }
        }.start();
        vm.showWholeRun();
        vm.scrub(0);
        vm.speedProperty().set(8);
        vm.loopProperty().set(true);
        vm.play();
        List<VenueProfile> venues = vm.venues().stream()
                .filter(v -> List.of("binance-usdm-btc", "hyperliquid-btc", "okx-swap-btc").contains(v.id())).toList();
        double[] latencies = new double[warmup + changes];
        switchedIn = new double[warmup + changes];
        engine = new double[warmup + changes];
        change(scene, vm, venues, latencies, work, 0);
    }

    private static void change(Scene scene, CascadeViewModel vm, List<VenueProfile> venues, double[] latencies,
                               List<Double> work, int k) {
        if (k == warmup) {
            redrawsBefore = charts == null ? 0 : charts.stream().mapToInt(io.liqlab.ui.chart.ChartProbe::redrawCount).sum();
            dataPaintsBefore = charts == null ? 0 : charts.stream().mapToInt(io.liqlab.ui.chart.ChartProbe::dataPaintCount).sum();
            cpuBefore = Benches.threadCpu();
            gcBefore = Benches.gc();
            measuredFrom = System.nanoTime();
        }
        if (k == latencies.length) {
            report(latencies, work);
            Platform.exit();
            return;
        }
        if (charts == null) {
            // Looked up once: a lookup over the whole scene in every frame's timer was counted as the frame's work.
            charts = scene.getRoot().lookupAll(".time-chart").stream().map(n -> (TimeChart) n).toList();
        }
        Map<TimeChart, Integer> paintsBefore = new HashMap<>();
        charts.forEach(c -> paintsBefore.put(c, io.liqlab.ui.chart.ChartProbe.dataPaintCount(c)));
        int runsBefore = vm.runCountProperty().get();
        long changed = System.nanoTime();
        switch (k % 3) {
            case 0 -> vm.shockPercentProperty().set(vm.shockPercentProperty().get() <= -8 ? -5 : vm.shockPercentProperty().get() - 0.5);
            case 1 -> vm.depthMultiplierProperty().set(vm.depthMultiplierProperty().get() >= 2 ? 1 : vm.depthMultiplierProperty().get() + 0.25);
            default -> vm.venueProperty().set(venues.get((venues.indexOf(vm.venueProperty().get()) + 1) % venues.size()));
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (switchedIn[k] == 0 && vm.runCountProperty().get() > runsBefore) {
                    switchedIn[k] = (System.nanoTime() - changed) / 1e6;
                    engine[k] = vm.runsProperty().get().main().summary().elapsedMillis();
                }
                // Every chart has put painted data on its canvas since the change, and shows what it was last given (the
                // new run): a paint count alone was met by the old run painted again after a resize.
                boolean drawn = vm.runCountProperty().get() > runsBefore && !vm.runningProperty().get()
                        && charts.stream().allMatch(c -> io.liqlab.ui.chart.ChartProbe.dataPaintCount(c) > paintsBefore.getOrDefault(c, 0)
                        && !io.liqlab.ui.chart.ChartProbe.dataPending(c) && c.isDrawn());
                if (drawn) {
                    stop();
                    latencies[k] = (System.nanoTime() - changed) / 1e6;
                    Platform.runLater(() -> change(scene, vm, venues, latencies, work, k + 1));
                }
            }
        }.start();
    }

    private static List<TimeChart> charts;
    /** The charts' drawings and data paints before the measured changes: five of each per change, none twice. */
    private static int redrawsBefore;
    private static int dataPaintsBefore;
    private static double[] switchedIn;
    private static double[] engine;
    private static Map<String, Long> cpuBefore;
    private static long[] gcBefore;
    private static long measuredFrom;



    private static void report(double[] latencies, List<Double> work) {
        double[] measured = Arrays.copyOfRange(latencies, warmup, latencies.length);
        double[] in = Arrays.copyOfRange(switchedIn, warmup, latencies.length);
        double[] eng = Arrays.copyOfRange(engine, warmup, latencies.length);
        double[] drawing = new double[measured.length];
        for (int i = 0; i < measured.length; i++) {
            drawing[i] = measured[i] - in[i];
        }
        long wall = System.nanoTime() - measuredFrom;
        Map<String, Long> cpuAfter = Benches.threadCpu();
        long[] gcAfter = Benches.gc();
        System.out.printf(Locale.ROOT, "whatif phases p50/p95 ms: engine %.0f/%.0f, change to switched in %.0f/%.0f, "
                        + "switched in to drawn %.0f/%.0f; GC %d collections, %d ms over %.1f s%n", Benches.percentile(eng, 50), Benches.percentile(eng, 95),
                Benches.percentile(in, 50), Benches.percentile(in, 95), Benches.percentile(drawing, 50), Benches.percentile(drawing, 95), gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1], wall / 1e9);
        StringBuilder cpu = new StringBuilder("whatif CPU ms per change by thread:");
        cpuAfter.forEach((name, ns) -> {
            double per = (ns - cpuBefore.getOrDefault(name, 0L)) / 1e6 / measured.length;
            if (per >= 0.5) {
                cpu.append(String.format(Locale.ROOT, " %s=%.1f", name, per));
            }
        });
        System.out.println(cpu);
        System.out.printf(Locale.ROOT, "whatif per change, over the five charts: %.1f drawings, %.1f data paints shown%n",
                (charts.stream().mapToInt(io.liqlab.ui.chart.ChartProbe::redrawCount).sum() - redrawsBefore) / (double) measured.length,
                (charts.stream().mapToInt(io.liqlab.ui.chart.ChartProbe::dataPaintCount).sum() - dataPaintsBefore) / (double) measured.length);
        double[] w = work.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "whatif positions=%d changes=%d (after %d warm-up) change-to-redrawn p50=%.0f p95=%.0f "
                        + "max=%.0f ms; FX-thread work per frame over %d frames p50=%.2f p95=%.2f ms%n", positions, measured.length,
                warmup, Benches.percentile(measured, 50), Benches.percentile(measured, 95), Arrays.stream(measured).max().orElse(0), w.length, Benches.percentile(w, 50), Benches.percentile(w, 95));
        System.out.println("whatif latencies ms: " + Arrays.toString(Arrays.stream(measured).map(Math::rint).toArray()));
    }

}
