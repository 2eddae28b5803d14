package io.liqlab.ui;

import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One command, three ways in: its toolbar button, its menu item and its shortcut are greyed and act together. */
class ShellCommandsWindowTest extends AppWindowTest {

    private static MenuItem exportItem(FxRobot robot, String id) {
        return robot.lookup("#export").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void copyResultsIsGreyedOnTheToolbarInTheMenuAndForItsShortcutAtOnce(FxRobot robot) {
        Button button = robot.lookup("#copy-results").queryButton();
        MenuItem item = exportItem(robot, "export-copy-results");
        MenuItem csv = exportItem(robot, "export-comparison-csv");
        assertFalse(button.isDisabled());
        assertFalse(item.isDisable());

        // A half-typed entry: the results on screen are stale, so there is nothing to copy or export.
        TextField entry = robot.lookup("#entry").queryAs(TextField.class);
        robot.interact(() -> entry.setText("60000x"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(button.isDisabled(), "toolbar button greyed");
        assertTrue(item.isDisable(), "menu item greyed");
        assertTrue(csv.isDisable(), "the exports too");

        robot.interact(() -> robot.lookup("#venue").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(text(robot, "status").startsWith("Results copied"), "the shortcut did nothing: " + text(robot, "status"));

        robot.interact(() -> entry.setText("60000"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(button.isDisabled());
        assertFalse(item.isDisable());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Results copied to the clipboard.", text(robot, "status"));
    }

    @Test
    void saveSessionIsGreyedUntilSomethingChanges(FxRobot robot) {
        MenuItem save = robot.lookup("#session").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> "session-save".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(save.isDisable(), "nothing to save at start");
        robot.interact(() -> robot.lookup("#entry").queryAs(TextField.class).setText("61000"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(save.isDisable());
    }
}
