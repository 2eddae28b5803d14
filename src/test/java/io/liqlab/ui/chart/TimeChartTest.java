package io.liqlab.ui.chart;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The playback chart paints its data on another thread and shows it when ready: what a user sees is the data, in
 * the right place, from the run last given, never a stale one; layers never run on the FX thread.
 */
class TimeChartTest {
    /** The app paints on a serial lane of its task executor; here, a thread of the test's own. */
    private static final java.util.concurrent.Executor PAINTING = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("test-chart-paint").factory());


    private static final Color RED = Color.rgb(220, 20, 20);
    private static final Color BLUE = Color.rgb(20, 40, 220);

    private TimeChart chart;
    private Stage window;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() throws Exception {
        onFx(() -> {
            chart = new TimeChart("Price", PAINTING);
            chart.setCursor(1000); // past the end: no veil over what is still to come
            window = new Stage();
            window.setScene(new Scene(chart, 600, 300));
            window.show();
            return null;
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        onFx(() -> {
            window.hide();
            return null;
        });
    }

    @Test
    void dataIsPaintedOffTheFxThreadAndThenShownInThePlot() throws Exception {
        AtomicReference<Boolean> onFxThread = new AtomicReference<>();
        int before = onFx(chart::dataPaintCount);
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> {
                onFxThread.set(Platform.isFxApplicationThread());
                g.setFill(RED);
                g.fillRect(p.x(0), p.y(10), p.x(50) - p.x(0), p.y(0) - p.y(10)); // the left half of the plot, full height
            }));
            return null;
        });
        awaitPainted(before);
        assertFalse(onFxThread.get(), "layers run on the painting thread");
        Image shot = onFx(() -> chart.snapshot(null, null));
        double[] xy = onFx(() -> new double[] {chart.plotForTest().x(25), chart.plotForTest().x(75), chart.plotForTest().y(5)});
        assertColor(RED, pixel(shot, xy[0], xy[2]), "the painted data sits where the plot puts second 25");
        assertNotEquals(RED, pixel(shot, xy[1], xy[2]), "nothing painted at second 75");
    }

    @Test
    void textsDrawnByLayersAreDrawnInTheUisFontOverTheData() throws Exception {
        int before = onFx(chart::dataPaintCount);
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> p.reference(g, 5, false, "R = 1", BLUE)));
            return null;
        });
        awaitPainted(before);
        Image shot = onFx(() -> chart.snapshot(null, null));
        double[] at = onFx(() -> new double[] {chart.plotForTest().left(), chart.plotForTest().y(5)});
        int blue = 0;
        for (int x = (int) at[0] + 4; x < at[0] + 40; x++) {
            for (int y = (int) at[1] - 14; y < at[1] - 2; y++) {
                if (close(BLUE, pixel(shot, x, y))) {
                    blue++;
                }
            }
        }
        assertTrue(blue > 10, "the label's glyphs above the line, in its colour: " + blue + " pixels");
    }

    @Test
    void aPaintOvertakenByNewContentIsNeverShown() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int before = onFx(chart::dataPaintCount);
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS); // still painting the old run when the new one arrives
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                g.setFill(RED);
                g.fillRect(p.left(), p.top(), p.width(), p.height());
            }));
            chart.layout();
            return null;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS), "the first paint is under way");
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> {
                g.setFill(BLUE);
                g.fillRect(p.left(), p.top(), p.width(), p.height());
            }));
            chart.layout();
            return null;
        });
        release.countDown();
        awaitPainted(before);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, onFx(chart::dataPaintCount), "only the newer content reaches the canvas");
        Image shot = onFx(() -> chart.snapshot(null, null));
        double[] xy = onFx(() -> new double[] {chart.plotForTest().x(50), chart.plotForTest().y(5)});
        assertColor(BLUE, pixel(shot, xy[0], xy[1]), "the newer run is the one on screen");
    }

    @Test
    void aPaintThatFinishesBeforeTheNewContentIsLaidOutIsNotShownEither() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        int before = onFx(chart::dataPaintCount);
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                g.setFill(RED);
                g.fillRect(p.left(), p.top(), p.width(), p.height());
                finished.countDown();
            }));
            chart.layout();
            return null;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        onFx(() -> {
            // New content, not laid out yet, while the old paint completes and posts its result.
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> {
                g.setFill(BLUE);
                g.fillRect(p.left(), p.top(), p.width(), p.height());
            }));
            release.countDown();
            finished.await(5, TimeUnit.SECONDS);
            Thread.sleep(50); // the old result is handed over before the next pulse lays the new content out
            return null;
        });
        awaitPainted(before);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, onFx(chart::dataPaintCount), "the old run's picture never reached the new axes");
        Image shot = onFx(() -> chart.snapshot(null, null));
        double[] xy = onFx(() -> new double[] {chart.plotForTest().x(50), chart.plotForTest().y(5)});
        assertColor(BLUE, pixel(shot, xy[0], xy[1]), "the newer run is the one on screen");
    }

    @Test
    void drawNowStartsANewRunsPaintInTheSameCallbackAndNotAtTheNextLayout() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> chart.getWidth() > 0 && chart.isDrawn()));
        boolean[] pending = onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> g.fillRect(p.left(), p.top(), 1, 1)));
            boolean waiting = chart.dataPending();
            chart.drawNow();
            return new boolean[] {waiting, chart.dataPending(), chart.plotForTest() != null};
        });
        assertFalse(pending[0], "given content alone, the chart waits for its next layout");
        assertTrue(pending[1], "asked to draw now, its data is on the painting lane before the callback ends");
        assertTrue(pending[2], "and its plot is laid out for the cursor and scrubbing");
    }

    @Test
    void drawNowLeavesAChartWithNoSizeToItsFirstLayout() throws Exception {
        boolean[] state = onFx(() -> {
            TimeChart loose = new TimeChart("Depth", PAINTING);
            loose.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> g.fillRect(0, 0, 1, 1)));
            loose.drawNow();
            return new boolean[] {loose.dataPending(), ChartProbe.redrawCount(loose) == 0};
        });
        assertFalse(state[0], "nothing to paint into before the chart has a size");
        assertTrue(state[1]);
    }

    @Test
    void onAHiDpiScreenTheDataIsPaintedAtTheScreensScale() {
        ImagePainter painter = new ImagePainter(10, 5, 100, 50, 2);
        painter.setFill(RED);
        painter.fillRect(100, 50, 5, 5); // the left half, in chart units
        ImagePainter.Result result = painter.finish();
        assertEquals(20, result.width());
        assertEquals(10, result.height());
        int left = result.argbPre()[9 * 20 + 9];
        int right = result.argbPre()[9 * 20 + 10];
        assertEquals(0xFF, left >>> 24, "covered to image pixel 9 of 20");
        assertEquals(0, right >>> 24, "and not beyond");
    }

    @Test
    void withoutDataTheChartIsDrawnAtOnce() throws Exception {
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> g.fillRect(0, 0, 1, 1)));
            chart.setDataVisible(false);
            chart.layout();
            return null;
        });
        assertTrue(onFx(chart::isDrawn), "axes only: nothing left to paint");
        assertFalse(onFx(chart::dataPending));
    }

    /** The chart core's hover on the playback chart: the time under the pointer and each series' value there. */
    @Test
    void hoveringThePlotReadsTheTimeAndTheValuesAndLeavesWithThePointer() throws Exception {
        int before = onFx(chart::dataPaintCount);
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> g.fillRect(0, 0, 1, 1)));
            chart.setHoverLines(second -> List.of(new Readout.Line("Price: " + Math.round(second / 10), RED, second,
                    second / 10, false)));
            return null;
        });
        awaitPainted(before);
        assertEquals("1:10\nPrice: 7", onFx(() -> chart.hoverText(70)));
        Image plain = onFx(() -> chart.snapshot(null, null));
        double[] at = onFx(() -> new double[] {chart.plotForTest().x(50), chart.plotForTest().y(9), chart.plotForTest().y(5)});
        onFx(() -> {
            // High above the line's value at 0:50: the crosshair still sits on the value, 5.
            javafx.event.Event.fireEvent(chart, mouse(javafx.scene.input.MouseEvent.MOUSE_MOVED, at[0], at[1]));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(at[2], onFx(chart::crosshairYForTest), 1.0, "the horizontal line reads the value, not the mouse");
        Image hovered = onFx(() -> chart.snapshot(null, null));
        assertFalse(samePixels(plain, hovered), "crosshair and readout drawn");
        assertTrue(samePixels(plain, onFx(chart::snapshotImage)), "an exported image leaves the readout out");
        onFx(() -> {
            javafx.event.Event.fireEvent(chart, mouse(javafx.scene.input.MouseEvent.MOUSE_EXITED, at[0], at[1]));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(onFx(chart::crosshairYForTest)), "no crosshair once the pointer has left");
        assertTrue(samePixels(plain, onFx(() -> chart.snapshot(null, null))), "cleared on exit");
    }

    /** The time chart's ticks are spaced for their labels: all are drawn, the corner ones ("0", "0:00") too. */
    @Test
    void everyTickOfBothAxesIsLabelled() throws Exception {
        List<String> labels = onFx(() -> {
            chart.setContent(100, axis(0, 10), new TimeChart.Axis("R", 0, 1, v -> String.format(java.util.Locale.ROOT, "%.1f", v)),
                    List.of(), List.of());
            chart.layout();
            return chart.drawnLabelsForTest();
        });
        assertTrue(labels.containsAll(List.of("0", "10", "0:00", "1:30", "0.0", "1.0")), "labels drawn: " + labels);
        assertEquals(labels.size(), new java.util.HashSet<>(labels).size(), "no label twice: " + labels);
    }

    @Test
    void withoutARunThereIsNothingToRead() throws Exception {
        onFx(() -> {
            chart.clear("No run yet");
            chart.layout();
            return null;
        });
        assertEquals("", onFx(() -> chart.hoverText(10)));
    }

    /**
     * A frame of playback repaints a strip where the cursor passed, not the rest of the plot: the renderer paints a
     * changed node again at its old and its new bounds, and the veil over what is still to come used to be one
     * rectangle that shrank with every move (its old bounds: everything still to come, on every chart, every frame).
     */
    @Test
    void aFrameOfPlaybackRepaintsAStripWhereTheCursorMovedNotWhatIsStillToCome() throws Exception {
        showRedPlot();
        for (double[] move : new double[][] {{30, 31}, {31, 33.5}, {47, 47.2}, {0, 1}, {98, 100}}) {
            double[] strip = onFx(() -> {
                chart.setCursor(move[0]);
                chart.layout();
                var before = io.liqlab.ui.RepaintProbe.capture(chart);
                chart.setCursor(move[1]);
                chart.layout();
                var repainted = io.liqlab.ui.RepaintProbe.repainted(before, io.liqlab.ui.RepaintProbe.capture(chart));
                javafx.geometry.Bounds box = io.liqlab.ui.RepaintProbe.unionWithin(repainted, chart.localToScene(chart.getBoundsInLocal()));
                TimeChart.Plot p = chart.plotForTest();
                return box == null ? new double[] {0, 0, 0, p.x(move[0]), p.x(move[1]), p.height()}
                        : new double[] {box.getMinX(), box.getMaxX(), box.getHeight(), p.x(move[0]), p.x(move[1]), p.height()};
            });
            double width = strip[1] - strip[0];
            double moved = strip[4] - strip[3];
            assertTrue(width <= moved + TimeChart.VEIL_COLUMN + 4, "from " + move[0] + " s to " + move[1] + " s the cursor moved "
                    + moved + " px; repainted " + width + " px wide, from x " + strip[0] + " to " + strip[1]);
            assertTrue(strip[0] >= strip[3] - 3, "nothing repainted before where the cursor was: " + strip[0] + " < " + strip[3]);
            assertTrue(strip[2] <= strip[5] + 2, "no taller than the plot");
        }
    }

    /**
     * Whatever the cursor did before (played on, jumped back, the time range zoomed), the plot shows the data up to
     * the cursor and nothing after it: no column of what is still to come peeks through the veil, and no column of
     * the past stays under it.
     */
    @Test
    void theVeilHidesWhatIsStillToComeAndNothingBefore() throws Exception {
        showRedPlot();
        Color plotColour = onFx(() -> chart.themeProperty().get().plotBackground());
        for (double second : new double[] {0, 30, 30.4, 31, 47.5, 80, 99.9, 100, 10, 55}) {
            checkVeil(second, plotColour);
        }
        onFx(() -> {
            chart.setTimeWindow(40, 60);
            return null;
        });
        for (double second : new double[] {30, 41, 50.5, 59, 65, 45}) {
            checkVeil(second, plotColour);
        }
    }

    private void checkVeil(double second, Color plotColour) throws Exception {
        Image shot = onFx(() -> {
            chart.setCursor(second);
            chart.layout();
            return chart.snapshot(null, null);
        });
        TimeChart.Plot p = onFx(chart::plotForTest);
        double at = Math.rint(Math.max(p.left() - 1, Math.min(p.right(), p.x(second))));
        for (double y : new double[] {p.top() + 1, (p.top() + p.bottom()) / 2, p.bottom() - 2}) {
            for (int x = (int) p.left() + 1; x < p.right() - 1; x++) {
                if (x < at - 1) {
                    assertColor(RED, pixel(shot, x, y), "at " + second + " s, x " + x + " (cursor at " + at + ") shows the data");
                } else if (x > at + 1) {
                    assertEquals(plotColour, pixel(shot, x, y), "at " + second + " s, x " + x + " (cursor at " + at + ") is veiled");
                }
            }
        }
    }

    /** A run of 100 s whose data paints the whole plot red. */
    private void showRedPlot() throws Exception {
        int before = onFx(chart::dataPaintCount);
        onFx(() -> {
            chart.setContent(100, axis(0, 10), null, List.of(), List.of((g, p) -> {
                g.setFill(RED);
                g.fillRect(p.left(), p.top(), p.width(), p.height());
            }));
            return null;
        });
        awaitPainted(before);
    }

    private static javafx.scene.input.MouseEvent mouse(javafx.event.EventType<javafx.scene.input.MouseEvent> type,
                                                       double x, double y) {
        return new javafx.scene.input.MouseEvent(type, x, y, x, y, javafx.scene.input.MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null);
    }

    private static boolean samePixels(Image a, Image b) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        if (w != (int) b.getWidth() || h != (int) b.getHeight()) {
            return false;
        }
        int[] pa = new int[w * h];
        int[] pb = new int[w * h];
        a.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pa, 0, w);
        b.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pb, 0, w);
        return java.util.Arrays.equals(pa, pb);
    }

    private void awaitPainted(int before) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> chart.dataPaintCount() > before && chart.isDrawn()));
    }

    private static TimeChart.Axis axis(double min, double max) {
        return new TimeChart.Axis("Price", min, max, v -> String.valueOf((int) v));
    }

    private static Color pixel(Image image, double x, double y) {
        int[] one = new int[1];
        image.getPixelReader().getPixels((int) x, (int) y, 1, 1, PixelFormat.getIntArgbInstance(), one, 0, 1);
        int argb = one[0];
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
    }

    private static boolean close(Color want, Color got) {
        return Math.abs(want.getRed() - got.getRed()) < 0.12 && Math.abs(want.getGreen() - got.getGreen()) < 0.12
                && Math.abs(want.getBlue() - got.getBlue()) < 0.12;
    }

    private static void assertColor(Color want, Color got, String what) {
        assertTrue(close(want, got), what + ": expected " + want + ", got " + got);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}
