package io.liqlab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Account tab as a trader uses it: add a position, see the account's liquidation change; a bad field is marked. */
class AccountWindowTest extends AppWindowTest {

    private static String labelText(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void addingAPositionChangesTheAccountLiquidation(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        robot.clickOn("#tab-account .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        String moveBefore = labelText(robot, "#account-move");
        String liqBefore = labelText(robot, "#account-liquidation-0");
        assertTrue(moveBefore.contains("%"), moveBefore);

        robot.clickOn("#account-add");
        WaitForAsyncUtils.waitForFxEvents();
        int added = robot.lookup("#account-positions").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("account-remove-")).toList().size() - 1;
        // The new row is a BTC long: the first row is a BTC long too, so make it a second market's short.
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<io.liqlab.profile.VenueProfile> market =
                    robot.lookup("#account-market-" + added).queryAs(javafx.scene.control.ComboBox.class);
            market.getSelectionModel().select(market.getItems().stream().filter(p -> p.id().equals("binance-usdm-sol")).findFirst().orElseThrow());
        });
        TextField entry = robot.lookup("#account-entry-" + added).queryAs(TextField.class);
        robot.interact(() -> entry.setText(""));
        robot.clickOn(entry).write("150");
        TextField mark = robot.lookup("#account-mark-" + added).queryAs(TextField.class);
        robot.interact(() -> mark.setText(""));
        robot.clickOn(mark).write("140");
        TextField qty = robot.lookup("#account-qty-" + added).queryAs(TextField.class);
        robot.interact(() -> qty.setText(""));
        robot.clickOn(qty).write("500");
        WaitForAsyncUtils.waitForFxEvents();
        // A SOL long 5,000 in loss eats into what protects the BTC long: its liquidation and the account's move change.
        assertNotEquals(liqBefore, labelText(robot, "#account-liquidation-0"));
        assertNotEquals(moveBefore, labelText(robot, "#account-move"));

        // A bad entry: outlined with its message, the text kept, the figures marked stale.
        robot.interact(() -> entry.setText("-3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(entry.getPseudoClassStates().contains(Styles.INVALID));
        assertEquals("-3", entry.getText());
        assertTrue(robot.lookup(".stale").queryAs(Label.class).isVisible());
    }

    /** Issue 16: a row's side is the same two-way choice as the Position form's (ControlsFX segmented button). */
    @Test
    void aRowsSideSwitchesWithOneClickAndItsValuesStay(FxRobot robot) {
        robot.clickOn("#tab-account .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#account-side-0").query() instanceof org.controlsfx.control.SegmentedButton);
        javafx.scene.control.ToggleButton longSide = robot.lookup("#account-long-0").queryAs(javafx.scene.control.ToggleButton.class);
        javafx.scene.control.ToggleButton shortSide = robot.lookup("#account-short-0").queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(longSide.isSelected(), "the example's first row is a long");
        String entry = robot.lookup("#account-entry-0").queryAs(TextField.class).getText();
        String qty = robot.lookup("#account-qty-0").queryAs(TextField.class).getText();
        double longLiquidation = number(labelText(robot, "#account-liquidation-0"));
        double entryPrice = number(entry);
        assertTrue(longLiquidation < entryPrice, longLiquidation + " below " + entryPrice);

        robot.clickOn(shortSide);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shortSide.isSelected() && !longSide.isSelected());
        assertEquals(entry, robot.lookup("#account-entry-0").queryAs(TextField.class).getText());
        assertEquals(qty, robot.lookup("#account-qty-0").queryAs(TextField.class).getText());
        double shortLiquidation = number(labelText(robot, "#account-liquidation-0"));
        assertTrue(shortLiquidation > entryPrice, "a short is liquidated above its entry: " + shortLiquidation);

        robot.clickOn(shortSide); // the chosen side stays chosen
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shortSide.isSelected());
        robot.push(javafx.scene.input.KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(longSide.isSelected(), "the arrow key moves the choice back");
        assertEquals(longLiquidation, number(labelText(robot, "#account-liquidation-0")));
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replaceAll("[^0-9.]", ""));
    }

    @Test
    void draggingOnTheChartAndAMarkSliderMovesTheFiguresLive(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        robot.clickOn("#tab-account .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        String markAtMove = labelText(robot, "#account-mark-at-move-0");
        // Press on the chart's left third and drag: the move follows the pointer, below zero.
        io.liqlab.ui.chart.CurveChart chart = robot.lookup(".curve-chart").match(n -> n.isVisible() && n.getScene() != null)
                .queryAs(io.liqlab.ui.chart.CurveChart.class);
        javafx.geometry.Bounds b = chart.localToScreen(chart.getBoundsInLocal());
        robot.drag(b.getMinX() + b.getWidth() * 0.35, b.getMinY() + b.getHeight() * 0.5, javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(-60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Slider move = robot.lookup("#account-move-slider").queryAs(javafx.scene.control.Slider.class);
        assertTrue(move.getValue() < -5, "move " + move.getValue());
        assertEquals(move.getValue(), chart.markerXProperty().get(), 1e-9, "the chart's marker is the move");
        assertNotEquals(markAtMove, labelText(robot, "#account-mark-at-move-0"));
        assertTrue(labelText(robot, "#account-at-move").contains("equity"), labelText(robot, "#account-at-move"));

        // Pick the ETH short and drag its mark's slider: its field follows, the BTC long's liquidation moves.
        robot.clickOn("#account-pick-1");
        String btcLiq = labelText(robot, "#account-liquidation-0");
        TextField ethMark = robot.lookup("#account-mark-1").queryAs(TextField.class);
        String ethMarkBefore = ethMark.getText();
        javafx.scene.Node thumb = robot.lookup("#account-mark-slider .thumb").query();
        robot.drag(thumb, javafx.scene.input.MouseButton.PRIMARY).moveBy(80, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(ethMarkBefore, ethMark.getText());
        assertTrue(Double.parseDouble(ethMark.getText()) > 3_100, ethMark.getText());
        assertNotEquals(btcLiq, labelText(robot, "#account-liquidation-0"), "the ETH short's loss comes out of what protects the BTC long");
    }
}
