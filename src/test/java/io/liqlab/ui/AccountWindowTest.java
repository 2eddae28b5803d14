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
}
