package io.liqlab.ui;

import io.liqlab.ui.chart.ChartProbe;
import io.liqlab.ui.chart.CurveChart;
import io.liqlab.ui.workspace.WorkspaceView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presentation mode (F11) as a slide: full-screen, large type, the result and a chart together on a 1280x720 screen. */
class PresentationTest extends AppWindowTest {

    private WorkspaceView view(FxRobot robot) {
        return robot.lookup(".workspace").queryAs(WorkspaceView.class);
    }

    /** Whether all of {@code n} lies inside the window's scene. */
    private boolean wholeInScene(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return n.isVisible() && b.getWidth() > 0 && b.getMinX() >= 0 && b.getMinY() >= 0
                && b.getMaxX() <= stage.getScene().getWidth() + 0.5 && b.getMaxY() <= stage.getScene().getHeight() + 0.5;
    }

    @Test
    void f11MakesAFullScreenSlideWithTheResultAndAChartInViewAt1280x720(FxRobot robot) {
        CurveChart chart = robot.lookup("#chart-leverage").queryAs(CurveChart.class);
        Parent home = chart.getParent();
        double normalFont = Font.getDefault().getSize();
        robot.clickOn("#entry");
        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view(robot).viewModel().presentationProperty().get(), "F11 turns presentation on");
        assertTrue(stage.isFullScreen(), "and the window full-screen");

        // A 1280x720 screen: the slide must hold the result and the chart at once, without scrolling.
        robot.interact(() -> {
            stage.setFullScreen(false);
            view(robot).viewModel().presentationProperty().set(true); // leaving full screen left presentation
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        Label price = robot.lookup("#liquidation-price").queryAs(Label.class);
        assertTrue(wholeInScene(price), "the liquidation price in view: " + price.localToScene(price.getBoundsInLocal()));
        assertTrue(wholeInScene(chart), "the chart in view: " + chart.localToScene(chart.getBoundsInLocal()));
        assertTrue(chart.getHeight() >= 250 && chart.getWidth() >= 600, "a large chart: " + chart.getWidth() + "x" + chart.getHeight());
        assertTrue(ChartProbe.drawnLabels(chart).contains(chart.yLabelProperty().get()),
                "the y-axis title reads whole on the slide: " + ChartProbe.drawnLabels(chart));
        assertTrue(price.getFont().getSize() >= 1.8 * normalFont * 1.5, "the price in large type: " + price.getFont().getSize());
        Label title = robot.lookup("#liquidation-title").queryAs(Label.class);
        assertTrue(title.getFont().getSize() >= 1.8 * normalFont, "text about twice as large: " + title.getFont().getSize() + " vs " + normalFont);
        assertFalse(robot.lookup("#entry").tryQuery().map(this::wholeInScene).orElse(false), "the form makes room for the slide");
        Label formulaTitle = robot.lookup("#formula .label").queryAs(Label.class);
        assertFalse(formulaTitle.isTextTruncated(), "the formula's title is whole");

        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view(robot).viewModel().presentationProperty().get());
        assertSame(home, chart.getParent(), "the chart is back in the charts grid");
        assertTrue(wholeInScene(robot.lookup("#entry").query()), "and the form is back");
    }

    @Test
    void aGuidedStepAboutTheHoldingTimeChartShowsThatChartOnTheSlide(FxRobot robot) {
        CurveChart leverage = robot.lookup("#chart-leverage").queryAs(CurveChart.class);
        CurveChart time = robot.lookup("#chart-time").queryAs(CurveChart.class);
        Parent leverageHome = leverage.getParent();
        Parent timeHome = time.getParent();
        robot.interact(() -> {
            view(robot).viewModel().presentationProperty().set(true);
            stage.setFullScreen(false);
            view(robot).viewModel().presentationProperty().set(true);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(leverage, view(robot).slide().chart(), "the slide opens on the leverage chart");
        robot.clickOn("#learn");
        robot.clickOn("#example-funding-eats-margin");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "example-explanation").contains("holding-time chart"));
        assertSame(time, view(robot).slide().chart(), "the step talks about the holding-time chart, so the slide shows it");
        assertTrue(wholeInScene(time), "the holding-time chart in view: " + time.localToScene(time.getBoundsInLocal()));
        assertTrue(time.getHeight() >= 200, "with the guided strip open the chart keeps room for its curve: " + time.getHeight());
        assertTrue(ChartProbe.drawnLabels(time).contains(time.yLabelProperty().get()), "its y-axis title whole: " + ChartProbe.drawnLabels(time));
        assertSame(leverageHome, leverage.getParent(), "the leverage chart went back to the charts grid");

        robot.clickOn("#learn");
        robot.clickOn("#example-textbook-leverage");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(leverage, view(robot).slide().chart(), "the textbook steps are about the leverage chart");
        assertSame(timeHome, time.getParent(), "and the holding-time chart is back in the grid");

        robot.interact(() -> view(robot).viewModel().presentationProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(leverageHome, leverage.getParent());
        assertSame(timeHome, time.getParent());
    }

    @Test
    void leavingFullScreenLeavesPresentationMode(FxRobot robot) {
        robot.interact(() -> view(robot).viewModel().presentationProperty().set(true));
        assertTrue(stage.isFullScreen());
        robot.interact(() -> stage.setFullScreen(false)); // what Esc does
        assertFalse(view(robot).viewModel().presentationProperty().get());
        assertEquals(false, stage.isFullScreen());
    }

    @Test
    void altRTogglesPresentationAsTheButtonDoes(FxRobot robot) {
        robot.clickOn("#entry");
        robot.press(KeyCode.ALT).press(KeyCode.R).release(KeyCode.R).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view(robot).viewModel().presentationProperty().get(), "Alt+R turns it on");
        robot.clickOn("#presentation");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view(robot).viewModel().presentationProperty().get(), "a click turns it off, once");
    }
}
