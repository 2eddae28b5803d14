package io.liqlab.ui;

import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import io.liqlab.ui.cascade.PhaseMapViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cascade tab's phase map and seed band in the real window, headless: compute, hover, click to play, band on. */
class PhaseMapWindowTest extends AppWindowTest {

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theMapFillsInShowsACellOnHoverAndPlaysItOnClick(FxRobot robot) throws Exception {
        robot.clickOn("#tab-cascade .tab-label");
        CascadeView view = robot.lookup("#cascade").queryAs(CascadeView.class);
        CascadeViewModel vm = view.viewModel();
        waitFor(() -> vm.runCountProperty().get() >= 1 && !vm.runningProperty().get());
        PhaseMapViewModel map = vm.phaseMap();

        robot.clickOn("#cascade-phase-map");
        robot.interact(() -> map.stepsProperty().set(4));
        assertEquals(4, robot.lookup("#phase-map-steps").queryAs(javafx.scene.control.Spinner.class).getValue(),
                "the spinner shows the cells per side the map will have");
        robot.clickOn("#phase-map-compute");
        waitFor(() -> !map.runningProperty().get() && map.request() != null);
        assertTrue(robot.lookup("#phase-map-status").queryAs(Label.class).getText().startsWith("16 cells, "),
                robot.lookup("#phase-map-status").queryAs(Label.class).getText());

        Canvas canvas = robot.lookup("#phase-map-plot").queryAs(javafx.scene.layout.Pane.class).getChildrenUnmodifiable().stream()
                .filter(Canvas.class::isInstance).map(Canvas.class::cast).findFirst().orElseThrow();
        Set<Integer> colours = new HashSet<>();
        robot.interact(() -> {
            WritableImage shot = canvas.snapshot(null, null);
            PixelReader px = shot.getPixelReader();
            for (int x = 0; x < shot.getWidth(); x += 7) {
                for (int y = 0; y < shot.getHeight(); y += 7) {
                    colours.add(px.getArgb(x, y));
                }
            }
        });
        assertTrue(colours.size() > 10, "a heatmap, not a blank canvas: " + colours.size() + " colours");

        // Hover over the plot's middle: a cell's figures; a click plays that run and brings the charts back.
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 64 + (b.getWidth() - 64 - 84) * 0.6,
                b.getMaxY() - 40 - (b.getHeight() - 50) * 0.3));
        WaitForAsyncUtils.waitForFxEvents();
        String hover = robot.lookup("#phase-map-hover").queryAs(Label.class).getText();
        assertTrue(hover.startsWith("Initial shock "), hover);
        int runs = vm.runCountProperty().get();
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(() -> vm.runCountProperty().get() == runs + 1 && !vm.runningProperty().get());
        assertTrue(hover.contains(io.liqlab.ui.LocalNumbers.percent(vm.shockPercentProperty().get(), 2)),
                "the played shock is the hovered cell's: " + hover + " / " + vm.shockPercentProperty().get());
        Node centre = view.getCenter();
        assertFalse(centre.getId() != null && centre.getId().equals("phase-map"), "playback is back in the centre");

        robot.clickOn("#cascade-seed-band");
        waitFor(() -> vm.bandProperty().get() != null);
        assertNotNull(vm.bandProperty().get());
        Label status = robot.lookup("#cascade-band-status").queryAs(Label.class);
        assertEquals("10-90% over seeds 1..20", status.getText());
        // In the smallest window the status stays whole beside the toggles (it was cut to "Seed ba...").
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(status.getText(), ((javafx.scene.text.Text) status.lookup(".text")).getText(), "the status drawn whole");
    }

    @Test
    void aMapStartingInTheTaskListMovesNothingAboveTheStatusBar(FxRobot robot) throws Exception {
        robot.clickOn("#tab-cascade .tab-label");
        CascadeView view = robot.lookup("#cascade").queryAs(CascadeView.class);
        CascadeViewModel vm = view.viewModel();
        waitFor(() -> vm.runCountProperty().get() >= 1 && !vm.runningProperty().get());
        robot.clickOn("#cascade-phase-map");
        Node tasks = robot.lookup("#tasks").query();
        waitFor(() -> !tasks.isVisible());
        double idle = view.getHeight();
        Node plot = robot.lookup("#phase-map-plot").query();
        double plotIdle = plot.getLayoutBounds().getHeight();

        // A map long enough to be listed: a task shows in the status bar once it has run for half a second.
        int runs = vm.runCountProperty().get();
        robot.interact(() -> vm.positionsProperty().set(20_000));
        waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get());
        robot.interact(() -> vm.phaseMap().stepsProperty().set(32));
        robot.clickOn("#phase-map-compute");
        // Measured while the task is listed (the status bar's button shows), in the same FX-thread step.
        double[] running = new double[2];
        waitFor(() -> {
            robot.interact(() -> {
                if (tasks.isVisible() && running[0] == 0) {
                    view.getScene().getRoot().layout();
                    running[0] = view.getHeight();
                    running[1] = plot.getLayoutBounds().getHeight();
                }
            });
            return running[0] != 0;
        });
        // A status bar that grew when a task started moved every tab's content: the window laid out and repainted whole.
        assertEquals(idle, running[0], "the Cascade tab keeps its height while a task runs");
        assertEquals(plotIdle, running[1], "and so does the map's plot");
        robot.clickOn("#phase-map-cancel");
        waitFor(() -> !vm.phaseMap().runningProperty().get());
    }

    @Test
    void theMapsProgressMovingLaysOutTheBarAloneNotTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#tab-cascade .tab-label");
        CascadeView view = robot.lookup("#cascade").queryAs(CascadeView.class);
        waitFor(() -> view.viewModel().runCountProperty().get() >= 1 && !view.viewModel().runningProperty().get());
        robot.clickOn("#cascade-phase-map");
        javafx.scene.control.ProgressBar bar = robot.lookup("#phase-map-progress").queryAs(javafx.scene.control.ProgressBar.class);
        Node map = robot.lookup("#phase-map").query();
        robot.interact(() -> {
            view.getScene().getRoot().layout();
            // What the screen taking new cells does to the bar (its binding to the map's progress set aside).
            bar.progressProperty().unbind();
            bar.setProgress(0.37);
            assertTrue(bar.getParent().isNeedsLayout(), "the bar is laid out again");
            assertFalse(((javafx.scene.Parent) map).isNeedsLayout(), "but not the map view around it, nor the window");
            assertFalse(view.getScene().getRoot().isNeedsLayout());
        });
    }
}
