package io.liqlab.ui.chart;

import io.liqlab.ui.Styles;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Both chart kinds take their colours from the app's stylesheet (the looked-up {@code -liq-chart-*} colours of
 * {@code liqlab.css}): switching the root to dark repaints them dark, and back, with no code passing colours.
 */
class ChartColoursTest {
    private static final Color LIGHT_BACKGROUND = Color.web("#ffffff");
    private static final Color DARK_BACKGROUND = Color.web("#161b22");
    private static final Color DARK_TEXT = Color.web("#e6edf3");

    private CurveChart curve;
    private TimeChart time;
    private HBox root;
    private Stage window;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() throws Exception {
        onFx(() -> {
            curve = new CurveChart("Distance", "Leverage", "Distance (%)");
            curve.setSeries(List.of(new CurveChart.Series("a", Color.RED, new double[] {1, 2, 3}, new double[] {3, 2, 1})));
            time = new TimeChart("Price", Runnable::run);
            time.clear("no run");
            root = new HBox(curve, time);
            Scene scene = new Scene(root, 900, 400);
            scene.getStylesheets().add(Objects.requireNonNull(Styles.class.getResource("/io/liqlab/ui/liqlab.css")).toExternalForm());
            window = new Stage();
            window.setScene(scene);
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
    void theDarkClassOnTheRootRepaintsBothChartKindsFromTheStylesheet() throws Exception {
        assertEquals(LIGHT_BACKGROUND, onFx(() -> curve.themeProperty().get().background()));
        assertEquals(LIGHT_BACKGROUND, onFx(() -> time.themeProperty().get().background()));
        Color lightCorner = onFx(() -> corner(curve.snapshotImage()));

        onFx(() -> {
            root.getStyleClass().add(Styles.DARK);
            root.applyCss();
            return null;
        });
        for (ChartRegion chart : List.of(curve, time)) {
            ChartTheme dark = onFx(() -> chart.themeProperty().get());
            assertEquals(DARK_BACKGROUND, dark.background(), chart.getClass().getSimpleName());
            assertEquals(DARK_TEXT, dark.text(), chart.getClass().getSimpleName());
        }
        Color darkCorner = onFx(() -> corner(curve.snapshotImage()));
        assertNotEquals(lightCorner, darkCorner, "the image is repainted dark");
        assertEquals(DARK_BACKGROUND.getBrightness(), darkCorner.getBrightness(), 0.02);

        onFx(() -> {
            root.getStyleClass().remove(Styles.DARK);
            root.applyCss();
            return null;
        });
        assertEquals(LIGHT_BACKGROUND, onFx(() -> time.themeProperty().get().background()));
    }

    @Test
    void theTextSizeIsSetInCodeAndKeepsTheStylesheetColours() throws Exception {
        onFx(() -> {
            root.getStyleClass().add(Styles.DARK);
            root.applyCss();
            curve.fontScaleProperty().set(2);
            return null;
        });
        ChartTheme t = onFx(() -> curve.themeProperty().get());
        assertEquals(2, t.fontScale());
        assertEquals(DARK_BACKGROUND, t.background());
    }

    private static Color corner(Image image) {
        return image.getPixelReader().getColor(2, 2);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}
