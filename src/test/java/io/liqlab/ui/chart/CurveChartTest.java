package io.liqlab.ui.chart;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart as a user checks it: axes that fit the data, a readout that reads the curves, a real PNG, smooth redraws. */
class CurveChartTest {

    private static final Color RED = Color.rgb(220, 30, 30);
    private static final Color BLUE = Color.rgb(30, 60, 220);

    private CurveChart chart;
    private Stage window;

    /** One toolkit start for the class; a window per test is opened here and closed after it. */
    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() throws Exception {
        onFx(() -> {
            chart = new CurveChart("Liquidation distance", "Leverage", "Distance (%)");
            window = new Stage();
            window.setScene(new Scene(chart, 640, 400));
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
    void axesSpanAllSeriesAndIncludeZeroForDistances() throws Exception {
        double[] bounds = onFx(() -> {
            chart.setSeries(List.of(
                    new CurveChart.Series("A", RED, range(1, 125, 1241), fill(1241, i -> 40 - i * 0.03)),
                    new CurveChart.Series("B", BLUE, range(1, 50, 200), fill(200, i -> 3 + i * 0.01))));
            return chart.dataBoundsForTest();
        });
        assertEquals(1, bounds[0], 1e-9);
        assertEquals(125, bounds[1], 1e-9);
        assertEquals(0, bounds[2], "distances read against zero");
        assertTrue(bounds[3] >= 40, "top of the y axis above the highest point: " + bounds[3]);
    }

    @Test
    void pricesCanLeaveZeroOutSoTheCurvesKeepTheirShape() throws Exception {
        double[] bounds = onFx(() -> {
            chart.yIncludesZeroProperty().set(false);
            chart.setSeries(List.of(new CurveChart.Series("A", RED, range(0, 30, 100), fill(100, i -> 57_000 + i))));
            return chart.dataBoundsForTest();
        });
        assertTrue(bounds[2] > 56_000 && bounds[2] <= 57_000, "y from " + bounds[2]);
        assertTrue(bounds[3] >= 57_099 && bounds[3] < 58_000, "y to " + bounds[3]);
    }

    @Test
    void nanGapsDoNotBreakTheRanges() throws Exception {
        double[] y = fill(10, i -> 5 + i);
        y[0] = Double.NaN;
        y[4] = Double.NaN;
        y[9] = Double.NaN;
        double[] bounds = onFx(() -> {
            chart.setSeries(List.of(new CurveChart.Series("A", RED, range(1, 10, 10), y)));
            return chart.dataBoundsForTest();
        });
        for (double b : bounds) {
            assertTrue(Double.isFinite(b), "finite bounds " + Arrays.toString(bounds));
        }
        assertEquals(1, bounds[0], 1e-9, "x keeps the evaluated range even where y is missing");
        assertEquals(10, bounds[1], 1e-9);
        assertEquals(0, bounds[2]);
        // The axis ends on a tick just above the padded top (13.65): the next whole step, 14.
        assertTrue(bounds[3] >= 13 && bounds[3] <= 14, "highest drawn point is 13: " + bounds[3]);
    }

    @Test
    void logAxesIgnoreNonPositiveValues() throws Exception {
        double[] x = {-5, 0, 10, 100, 1_000, 10_000};
        double[] y = {0.01, 0.02, 0.5, -3, 0, 8};
        double[] bounds = onFx(() -> {
            chart.logXProperty().set(true);
            chart.logYProperty().set(true);
            chart.setSeries(List.of(new CurveChart.Series("A", RED, x, y)));
            return chart.dataBoundsForTest();
        });
        assertEquals(10, bounds[0], 1e-9);
        assertEquals(10_000, bounds[1], 1e-9);
        assertTrue(bounds[2] > 0.1 && bounds[2] <= 0.5,
                "log y starts at or a little below 0.5, the smallest positive y of a drawable point: " + bounds[2]);
        assertTrue(bounds[3] >= 8, "log y reaches the largest y: " + bounds[3]);
    }

    @Test
    void hoverReadoutListsEachSeriesAtTheNearestX() throws Exception {
        double[] x = range(1, 10, 10);
        String text = onFx(() -> {
            chart.setSeries(List.of(
                    new CurveChart.Series("Double", RED, x, fill(10, i -> 2 * (i + 1))),
                    new CurveChart.Series("Square", BLUE, x, fill(10, i -> (i + 1) * (i + 1)))));
            return chart.hoverText(3.1);
        });
        assertEquals("Leverage: 3\nDouble: 6\nSquare: 9", text);
    }

    @Test
    void defaultLabelsPrintRoundNumbersWithoutFloatingPointNoise() {
        assertEquals("0.3", CurveChart.plainNumber(3 * 0.1));
        assertEquals("57900", CurveChart.plainNumber(57_900.0));
        assertEquals("12.5", CurveChart.plainNumber(12.5));
        assertEquals("0", CurveChart.plainNumber(-0.0));
    }

    @Test
    void hoverReadoutUsesTheFormattersAndMarksGaps() throws Exception {
        double[] y = fill(10, i -> 2 * (i + 1));
        y[5] = Double.NaN;
        String text = onFx(() -> {
            chart.xFormatProperty().set(v -> String.format(Locale.ROOT, "%.0fx", v));
            chart.yFormatProperty().set(v -> String.format(Locale.ROOT, "%.2f%%", v));
            chart.setSeries(List.of(
                    new CurveChart.Series("Gappy", RED, range(1, 10, 10), y),
                    new CurveChart.Series("Short", BLUE, range(1, 3, 3), fill(3, i -> 1))));
            return chart.hoverText(6);
        });
        assertEquals("Leverage: 6x\nGappy: \u2014\nShort: \u2014", text);
        assertEquals("", onFx(() -> {
            chart.setSeries(List.of());
            return chart.hoverText(6);
        }));
    }

    @Test
    void pointerOverThePlotShowsACrosshairThatLeavesWithIt() throws Exception {
        waitForFirstFrame();
        onFx(() -> {
            chart.setSeries(List.of(new CurveChart.Series("A", RED, range(1, 10, 10), fill(10, i -> 2 * (i + 1)))));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] plain = pixelsOf(onFx(() -> chart.snapshot(null, null)));
        onFx(() -> {
            Event.fireEvent(chart, mouse(MouseEvent.MOUSE_MOVED, 320, 200));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] hovered = pixelsOf(onFx(() -> chart.snapshot(null, null)));
        onFx(() -> {
            Event.fireEvent(chart, mouse(MouseEvent.MOUSE_EXITED, 320, 200));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] left = pixelsOf(onFx(() -> chart.snapshot(null, null)));
        assertTrue(!Arrays.equals(plain, hovered), "crosshair and readout drawn");
        assertArrayEquals(plain, left, "cleared on exit");
    }

    /** Issue 14: the horizontal crosshair sat at the mouse; it must read the curve's value under the pointer. */
    @Test
    void theHorizontalCrosshairFollowsTheCurveNotTheMouse() throws Exception {
        waitForFirstFrame();
        onFx(() -> {
            chart.setSeries(List.of(new CurveChart.Series("A", RED, range(1, 10, 10), fill(10, i -> 2 * (i + 1)))));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] where = onFx(() -> new double[] {chart.xPixelForTest(5), chart.yPixelForTest(10), chart.yPixelForTest(18)});
        onFx(() -> {
            // Above the curve, near the top of the plot: the line must still sit at y = 10, the curve's value at x = 5.
            Event.fireEvent(chart, mouse(MouseEvent.MOUSE_MOVED, where[0], where[2]));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(where[1], onFx(chart::crosshairYForTest), 1.0);
    }

    @Test
    void theHoverHeadingCanNameTheValueInWordsAndUnits() throws Exception {
        String text = onFx(() -> {
            chart.xLabelProperty().set("notional (log)");
            chart.hoverXFormatProperty().set(v -> String.format(Locale.ROOT, "notional %,.0f USD", v));
            chart.setSeries(List.of(new CurveChart.Series("A", RED, range(1000, 100_000, 100), fill(100, i -> 1))));
            return chart.hoverText(79_400);
        });
        assertEquals("notional 79,000 USD", text.lines().findFirst().orElseThrow());
    }

    /** Issue 14: a flat line on a log axis showed sixteen "4.2%" labels. */
    @Test
    void aFlatCurveNeverRepeatsATickLabel() throws Exception {
        waitForFirstFrame();
        List<String> drawn = onFx(() -> {
            chart.logXProperty().set(true);
            chart.logYProperty().set(true);
            chart.yFormatProperty().set(v -> String.format(Locale.ROOT, "%.1f%%", v));
            chart.setSeries(List.of(new CurveChart.Series("Cross", RED, range(1, 125, 200), fill(200, i -> 4.2 + i * 1e-9))));
            chart.snapshotImage();
            return chart.drawnLabelsForTest();
        });
        assertEquals(new HashSet<>(drawn).size(), drawn.size(), "every label once: " + drawn);
    }

    @Test
    void aShortChartDropsItsLegendRatherThanItsPlot() throws Exception {
        List<CurveChart.Series> four = List.of(
                new CurveChart.Series("Binance USD-M BTCUSDT", RED, range(1, 10, 10), fill(10, i -> i + 1)),
                new CurveChart.Series("Hyperliquid BTC", BLUE, range(1, 10, 10), fill(10, i -> i + 2)),
                new CurveChart.Series("OKX BTC-USDT-SWAP", Color.GREEN, range(1, 10, 10), fill(10, i -> i + 3)),
                new CurveChart.Series("Textbook", Color.ORANGE, range(1, 10, 10), fill(10, i -> i + 4)));
        CurveChart detached = onFx(() -> new CurveChart("Liquidation price against holding time", "Hours held", "Liquidation price"));
        double[] tall = onFx(() -> {
            detached.resize(420, 400);
            detached.setSeries(four);
            detached.snapshotImage();
            return new double[] {detached.legendShownForTest() ? 1 : 0, detached.plotHeightForTest()};
        });
        double[] small = onFx(() -> {
            detached.resize(420, 150);
            detached.snapshotImage();
            return new double[] {detached.legendShownForTest() ? 1 : 0, detached.plotHeightForTest(), detached.getHeight()};
        });
        assertEquals(1, tall[0], "a tall chart has its legend");
        assertEquals(0, small[0], "a chart " + small[2] + " px tall leaves the legend out");
        assertTrue(small[1] >= 40, "and keeps a plot to read: " + small[1] + " px");
    }

    @Test
    void writePngWritesARealPngOfTheChart(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("distance.png");
        double[] size = onFx(() -> {
            chart.markerXProperty().set(5);
            chart.setSeries(List.of(new CurveChart.Series("Red venue", RED, range(1, 10, 10), fill(10, i -> 2 * (i + 1)))));
            io.liqlab.ui.export.Png.write(chart.snapshotImage(), file);
            return new double[] {chart.getWidth(), chart.getHeight()};
        });
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                Arrays.copyOf(bytes, 8), "PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals((int) size[0], image.getWidth());
        assertEquals((int) size[1], image.getHeight());
        Set<Integer> colours = new HashSet<>();
        boolean curveDrawn = false;
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                int rgb = image.getRGB(px, py) & 0xffffff;
                colours.add(rgb);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                curveDrawn |= r > 180 && g < 90 && b < 90;
            }
        }
        assertTrue(colours.size() > 10, "more than a blank image: " + colours.size() + " colours");
        assertTrue(curveDrawn, "the red curve is in the image");
    }

    @Test
    void writePngReplacesTheFileAndLeavesNoTemporaryBehind(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("chart.png");
        Files.writeString(file, "an older export");
        onFx(() -> {
            chart.setSeries(List.of(new CurveChart.Series("A", RED, range(1, 10, 10), fill(10, i -> i))));
            io.liqlab.ui.export.Png.write(chart.snapshotImage(), file);
            return null;
        });
        assertEquals(0x89, Files.readAllBytes(file)[0] & 0xff);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void snapshotOfAChartOutsideAnyWindowHasItsPreferredSize() throws Exception {
        double[] size = onFx(() -> {
            CurveChart detached = new CurveChart("Price", "Hours", "USD");
            detached.setSeries(List.of(new CurveChart.Series("A", RED, range(0, 30, 100), fill(100, i -> 57_000 - i))));
            var image = detached.snapshotImage();
            return new double[] {image.getWidth(), image.getHeight()};
        });
        assertArrayEquals(new double[] {640, 400}, size);
    }

    @Test
    void aThousandUpdatesInOneFrameDrawOnce() throws Exception {
        waitForFirstFrame();
        double[] x = range(1, 125, 1241);
        double[] y = new double[1241];
        int[] counts = onFx(() -> {
            int before = chart.redrawCount();
            for (int step = 0; step < 1_000; step++) {
                for (int i = 0; i < y.length; i++) {
                    y[i] = 100.0 / x[i] - step * 0.001;
                }
                chart.setSeries(List.of(new CurveChart.Series("A", RED, x, y)));
                chart.markerXProperty().set(step % 125 + 1);
            }
            return new int[] {before, chart.redrawCount()};
        });
        assertEquals(counts[0], counts[1], "no drawing inside setSeries");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> onFx(chart::redrawCount) > counts[0]);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(counts[0] + 1, onFx(chart::redrawCount), "one redraw for the frame after the updates");
    }

    @Test
    void resizingTheWindowRedrawsAtTheNewSize() throws Exception {
        waitForFirstFrame();
        int before = onFx(chart::redrawCount);
        onFx(() -> {
            chart.getScene().getWindow().setWidth(500);
            return null;
        });
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> onFx(chart::redrawCount) > before);
        assertEquals(onFx(chart::getWidth), onFx(() -> chart.snapshotImage().getWidth()));
    }

    @Test
    void labelsNeverOverlapAtAnySizeOrFontScale() throws Exception {
        double[][] sizes = {{640, 400}, {300, 220}, {200, 130}};
        for (double fontScale : new double[] {1.0, 1.6, 2.5}) {
            for (double[] size : sizes) {
                LabelBoxes boxes = onFx(() -> {
                    CurveChart small = new CurveChart("Liquidation distance against leverage, all venues",
                            "Leverage (x)", "Distance to liquidation (%)");
                    small.fontScaleProperty().set(fontScale);
                    small.resize(size[0], size[1]);
                    small.markerXProperty().set(20);
                    small.setSeries(List.of(
                            new CurveChart.Series("Binance USD-M", RED, range(1, 125, 1241), fill(1241, i -> 99.0 / (1 + i * 0.1))),
                            new CurveChart.Series("Hyperliquid", BLUE, range(1, 40, 400), fill(400, i -> 80.0 / (1 + i * 0.1))),
                            new CurveChart.Series("dYdX v4", Color.GREEN, range(1, 20, 200), fill(200, i -> 70.0 / (1 + i * 0.1)))));
                    small.snapshotImage();
                    return small.labelBoxes();
                });
                String where = " at scale " + fontScale + ", size " + size[0] + "x" + size[1];
                if (size[0] == 640) {
                    // title, 3 legend entries, 2 axis titles, marker, and at least two ticks on each axis
                    assertTrue(boxes.count() >= 11, "all labels drawn" + where + ": " + boxes.count());
                }
                for (int i = 0; i < boxes.count(); i++) {
                    for (int j = i + 1; j < boxes.count(); j++) {
                        double[] a = boxes.box(i);
                        double[] b = boxes.box(j);
                        boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                        assertTrue(!overlap, "labels " + i + " and " + j + " overlap" + where + ": "
                                + Arrays.toString(a) + " " + Arrays.toString(b));
                    }
                }
            }
        }
    }

    @Test
    void logTicksLabelDecadesOnAPositionSizeAxis() throws Exception {
        // 7 x 200 points from $100 to $10M: the position-size chart.
        LabelBoxes boxes = onFx(() -> {
            chart.logXProperty().set(true);
            chart.setSeries(List.of(new CurveChart.Series("A", RED, logRange(100, 1e7, 200), fill(200, i -> 50 - i * 0.2))));
            chart.snapshotImage();
            return chart.labelBoxes();
        });
        assertTrue(boxes.count() > 8, "decade labels drawn: " + boxes.count());
    }

    private static MouseEvent mouse(EventType<MouseEvent> type,
                                                       double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null);
    }

    private static int[] pixelsOf(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(),
                pixels, 0, width);
        return pixels;
    }

    private void waitForFirstFrame() throws Exception {
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> onFx(chart::redrawCount) > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }

    private static double[] range(double from, double to, int n) {
        return fill(n, i -> from + (to - from) * i / (n - 1));
    }

    private static double[] logRange(double from, double to, int n) {
        return fill(n, i -> from * Math.pow(to / from, (double) i / (n - 1)));
    }

    private static double[] fill(int n, IntToDoubleFunction f) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = f.applyAsDouble(i);
        }
        return values;
    }
}
