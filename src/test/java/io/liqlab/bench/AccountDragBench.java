package io.liqlab.bench;

import io.liqlab.profile.VenueProfile;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 18's drag goal, measured as {@link SliderBench} measures the leverage slider: the real window at 1600x1000 on
 * the Account tab with a 50-position Binance USD-M cross account, one drag step per frame from an
 * {@code AnimationTimer}, and per step the FX-thread work (from the change through the recompute, the table's 50 rows,
 * the chart, CSS and layout, to the post-layout pulse listener) and the frame interval.
 *
 * <ul>
 *   <li>{@code move}: the "Move every mark" slider swept over the chart's whole range and back (every row's mark and
 *   uPnL at the move, the account's figures there and the chart's marker change each step);</li>
 *   <li>{@code mark}: one position's mark slider swept over its range and back (its mark field changes each step, so
 *   the whole account recomputes: 50 liquidation prices, the account's move, the 241-point curve, the table).</li>
 * </ul>
 * The account's 50 markets are Binance USD-M markets as {@code profiles update} would add them (user profiles with
 * ETHUSDT's recorded tiers under 50 symbols), so every position is its own market, as in {@code AccountBenchmark}.
 *
 * <pre>java -cp TEST_CLASSPATH io.liqlab.bench.AccountDragBench [move|mark] [steps] [warmup]</pre>
 * under Xvfb with the GTK glass (see README, "Benchmarks").
 */
public final class AccountDragBench {
    static final int POSITIONS = 50;
    private static String mode = "move";
    private static int steps = 600;
    private static int warmup = 200;

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

    /** 50 Binance USD-M markets in the user profile folder, as an update of the venue's data would leave them. */
    private static void writeMarkets(Path home) throws Exception {
        Path dir = home.resolve("venue-profiles");
        Files.createDirectories(dir);
        String eth;
        try (var in = AccountDragBench.class.getResourceAsStream("/venue-profiles/markets/binance-usdm-eth.json")) {
            eth = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        eth = eth.replaceFirst("\\s*\"\\$schema\"[^\\n]*\\n", "\n");
        for (int i = 0; i < POSITIONS; i++) {
            String base = "BENCH" + i;
            String market = eth.replace("\"binance-usdm-eth\"", "\"binance-usdm-" + base.toLowerCase(Locale.ROOT) + "\"")
                    .replace("ETHUSDT", base + "USDT").replace("\"base\": \"ETH\"", "\"base\": \"" + base + "\"");
            Files.writeString(dir.resolve("binance-usdm-" + base.toLowerCase(Locale.ROOT) + ".json"), market);
        }
    }

    @SuppressWarnings("unchecked")
    private static void run(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("liqlab-bench");
        writeMarkets(home);
        Scene scene = Benches.openApp(stage, home);
        TabPane tabs = (TabPane) scene.lookup(".tab-pane");
        tabs.getTabs().stream().filter(t -> "tab-account".equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        scene.getRoot().applyCss();
        scene.getRoot().layout();

        // The account, typed in through the tab's own controls: wallet 200,000 and 50 positions, longs and shorts.
        ((TextField) scene.lookup("#account-wallet")).setText("200000");
        Button add = (Button) scene.lookup("#account-add");
        javafx.scene.layout.GridPane table = (javafx.scene.layout.GridPane) scene.lookup("#account-positions");
        while (table.getChildren().stream().filter(n -> n.getId() != null && n.getId().startsWith("account-remove-")).count() < POSITIONS) {
            add.fire();
        }
        Random rnd = new Random(18);
        for (int i = 0; i < POSITIONS; i++) {
            String id = "binance-usdm-bench" + i;
            ComboBox<VenueProfile> market = (ComboBox<VenueProfile>) scene.lookup("#account-market-" + i);
            market.getItems().stream().filter(p -> p.id().equals(id)).findFirst().ifPresentOrElse(market::setValue,
                    () -> { throw new IllegalStateException(id + " not offered: " + market.getItems().size() + " markets"); });
            // Long or short: the row's two-way choice (its buttons are in the scene once the skin is made, so through the control).
            ((org.controlsfx.control.SegmentedButton) scene.lookup("#account-side-" + i)).getButtons().get(rnd.nextBoolean() ? 0 : 1).fire();
            double entry = 100 + rnd.nextDouble() * 60_000;
            double mark = entry * (0.95 + 0.1 * rnd.nextDouble());
            text(scene, "#account-entry-" + i, entry);
            text(scene, "#account-qty-" + i, (2_000 + rnd.nextDouble() * 20_000) / entry);
            text(scene, "#account-leverage-" + i, 5 + rnd.nextInt(20));
            text(scene, "#account-mark-" + i, mark);
        }
        if (scene.lookup(".stale") != null && scene.lookup(".stale").isVisible()) {
            throw new IllegalStateException("the bench account has an error: see the window");
        }
        Slider moveSlider = (Slider) scene.lookup("#account-move-slider");
        // The mark drag moves position 7's mark (a row in the middle of the first screenful).
        ((RadioButton) scene.lookup("#account-pick-7")).setSelected(true);
        Slider markSlider = (Slider) scene.lookup("#account-mark-slider");
        Slider dragged = mode.equals("mark") ? markSlider : moveSlider;
        double lo = dragged.getMin();
        double hi = dragged.getMax();

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
                workMillis[index] = (System.nanoTime() - began) / 1e6;
                Platform.runLater(() -> fxMillis[index] = (System.nanoTime() - began) / 1e6);
            }
        });
        dragged.setValueChanging(true); // a mouse drag: the slider's range stays where the drag began
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
                    dragged.setValueChanging(false);
                    Platform.runLater(() -> report(workMillis, fxMillis, frameMillis));
                    return;
                }
                start[0] = System.nanoTime();
                // Across the whole range and back in 240 steps: every step moves every figure the drag changes.
                double phase = (i[0] % 240) / 120.0;
                dragged.setValue(lo + (hi - lo) * (phase <= 1 ? phase : 2 - phase));
            }
        }.start();
    }

    private static void text(Scene scene, String id, double value) {
        ((TextField) scene.lookup(id)).setText(io.liqlab.ui.LocalNumbers.plain(io.liqlab.core.Numbers.significant(value, 8).doubleValue()));
    }

    private static void report(double[] work, double[] fx, double[] frame) {
        double[] w = Arrays.copyOfRange(work, warmup, work.length);
        double[] f = Arrays.copyOfRange(fx, warmup, fx.length);
        double[] fr = Arrays.copyOfRange(frame, warmup + 1, frame.length);
        System.out.printf(Locale.ROOT, "mode=%s positions=%d steps=%d updateWork p50=%.2f p95=%.2f max=%.2f ms; fxThreadInclWaitForRender p50=%.2f"
                        + " p95=%.2f ms; frame p50=%.2f p95=%.2f ms%n", mode, POSITIONS, w.length, Benches.percentile(w, 50), Benches.percentile(w, 95),
                Arrays.stream(w).max().orElse(0), Benches.percentile(f, 50), Benches.percentile(f, 95), Benches.percentile(fr, 50), Benches.percentile(fr, 95));
        Platform.exit();
    }

}
