package io.liqlab.ui;

import io.liqlab.ui.chart.CurveChart;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Position tab at the screen sizes people have (issue 14): everything readable, modes switched with values typed. */
class PositionTabTest extends AppWindowTest {

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds onScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void at1280x720EveryChartKeepsItsAxesLegendAndTitles(FxRobot robot) {
        for (double[] size : new double[][] {{1280, 720}, {1600, 1000}, {1920, 1080}}) {
            resize(robot, size[0], size[1]);
            String at = (int) size[0] + "x" + (int) size[1] + ": ";
            double sceneHeight = stage.getScene().getHeight();
            Node status = robot.lookup("#status").query();
            assertTrue(onScene(status).getMaxY() <= sceneHeight + 0.5, at + "the status line is inside the window: " + onScene(status).getMaxY() + " > " + sceneHeight);
            for (String id : List.of("chart-leverage", "chart-size", "chart-time")) {
                CurveChart chart = robot.lookup("#" + id).queryAs(CurveChart.class);
                assertTrue(onScene(chart).getMaxY() <= sceneHeight + 0.5, at + id + " ends inside the window: " + onScene(chart).getMaxY());
                assertTrue(chart.plotHeightForTest() >= 100, at + id + " has a plot to read: " + chart.plotHeightForTest());
                assertTrue(chart.legendShownForTest(), at + id + " keeps its legend");
                List<String> labels = chart.drawnLabelsForTest();
                assertTrue(labels.contains(chart.xLabelProperty().get()), at + id + " x title in full: " + labels);
                assertTrue(labels.contains(chart.yLabelProperty().get()), at + id + " y title in full: " + labels);
            }
            Label callout = robot.lookup("#time-to-liquidation").queryAs(Label.class);
            assertTrue(callout.isVisible() && onScene(callout).getMaxY() <= sceneHeight + 0.5 && callout.getHeight() > 10,
                    at + "the time to liquidation is on screen: " + onScene(callout));
        }
    }

    @Test
    void theResultsCardScrollsToFirstLiquidationRatherThanCuttingIt(FxRobot robot) {
        resize(robot, 1280, 720);
        robot.interact(() -> {
            robot.lookup("#venue").queryComboBox().getSelectionModel().select(
                    robot.lookup("#venue").queryComboBox().getItems().stream()
                            .filter(p -> ((io.liqlab.profile.VenueProfile) p).id().equals("binance-usdm-btc")).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label first = robot.lookup("#first-liquidation").queryAs(Label.class);
        ScrollPane scroll = (ScrollPane) robot.lookup("#results").query().getParent().getParent().getParent();
        double viewport = scroll.getViewportBounds().getHeight();
        double cardHeight = robot.lookup("#results").query().getLayoutBounds().getHeight();
        Bounds firstInCard = robot.lookup("#results").query().sceneToLocal(onScene(first));
        assertTrue(firstInCard.getMaxY() <= cardHeight + 0.5, "the card holds the whole text: " + firstInCard + " in " + cardHeight);
        if (cardHeight > viewport + 1) {
            ScrollBar bar = robot.lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                    .filter(b -> b.getOrientation() == Orientation.VERTICAL && b.isVisible() && isInside(b, scroll)).findFirst().orElse(null);
            assertTrue(bar != null, "a card taller than its row scrolls: " + cardHeight + " > " + viewport);
        }
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
