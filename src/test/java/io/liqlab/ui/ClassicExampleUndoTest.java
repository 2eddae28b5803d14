package io.liqlab.ui;

import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classic example (button, Alt+L, F5) replaces the user's position: it can be undone, and at start-up the
 * keyboard focus is on the form, not on that button.
 */
class ClassicExampleUndoTest extends AppWindowTest {

    private TextField field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class);
    }

    private void typeEntry(FxRobot robot, String text) {
        robot.interact(() -> field(robot, "entry").setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void atStartUpTheFocusIsOnTheFormsFirstFieldSoSpaceAndEnterKeepTheInputs(FxRobot robot) {
        Node owner = stage.getScene().getFocusOwner();
        assertEquals("venue", owner == null ? null : owner.getId());
        typeEntry(robot, "70000");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("70000", field(robot, "entry").getText());
    }

    @Test
    void altLReplacesTheInputsAndCtrlZPutsThemBack(FxRobot robot) {
        // The tier editor registers its own Ctrl+Z: build it first, so the two must live together.
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        robot.interact(() -> tabs.getSelectionModel().select(0));
        typeEntry(robot, "70000");
        robot.interact(() -> field(robot, "leverage").setText("10"));
        robot.interact(() -> field(robot, "entry").requestFocus());

        robot.press(KeyCode.ALT).press(KeyCode.L).release(KeyCode.L).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("60000", field(robot, "entry").getText(), "the classic example");
        Hyperlink undo = robot.lookup("#undo-replace").queryAs(Hyperlink.class);
        assertTrue(undo.isVisible(), "an offer to undo is on screen");

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("70000", field(robot, "entry").getText(), "the user's entry is back");
        assertEquals("10", field(robot, "leverage").getText(), "and their leverage");
        assertFalse(undo.isVisible(), "nothing more to undo");
    }

    @Test
    void theUndoLinkPutsTheInputsBackAndAnEditAfterwardsWithdrawsTheOffer(FxRobot robot) {
        typeEntry(robot, "70000");
        robot.clickOn("#reset");
        WaitForAsyncUtils.waitForFxEvents();
        Hyperlink undo = robot.lookup("#undo-replace").queryAs(Hyperlink.class);
        robot.clickOn(undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("70000", field(robot, "entry").getText());

        robot.clickOn("#reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(undo.isVisible());
        typeEntry(robot, "65000");
        assertFalse(undo.isVisible(), "the user's own edit is newer than what the offer would restore");
    }
}
