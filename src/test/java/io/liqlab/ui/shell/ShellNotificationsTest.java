package io.liqlab.ui.shell;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors and offers reach the user one way: the status line, and the bar over the window (ControlsFX NotificationPane). */
@ExtendWith(ApplicationExtension.class)
class ShellNotificationsTest {

    private ShellNotifications notifications;

    @Start
    void start(Stage stage) {
        notifications = new ShellNotifications(new Label("the tabs"));
        stage.setScene(new Scene(notifications.pane(), 800, 500));
        stage.show();
    }

    @Test
    void anErrorIsSaidInTheStatusLineAndOnTheBarUntilClosed(FxRobot robot) throws Exception {
        robot.interact(() -> notifications.error("Could not save /x.csv: disk full"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> notifications.pane().isShowing());
        assertEquals("Could not save /x.csv: disk full", notifications.statusProperty().get());
        assertEquals("Could not save /x.csv: disk full", notifications.pane().getText());
        assertTrue(notifications.pane().getPseudoClassStates().contains(ShellNotifications.ERROR));
        assertTrue(notifications.pane().getActions().isEmpty(), "an error offers nothing to press");
        robot.interact(notifications::dismiss);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !notifications.pane().isShowing());
    }

    @Test
    void anOffersButtonRunsItOnceAndClosesTheBar(FxRobot robot) throws Exception {
        List<String> taken = new ArrayList<>();
        robot.interact(() -> notifications.offer("Unsaved tier edits of binance-usdm-btc were kept.", "Restore", () -> taken.add("restore")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> notifications.pane().isShowing());
        assertFalse(notifications.pane().getPseudoClassStates().contains(ShellNotifications.ERROR));
        Button restore = robot.lookup(".notification-bar .button").match((Button b) -> "Restore".equals(b.getText())).queryButton();
        // The bar slides in: click once the button has arrived inside the scene, as a user would.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            javafx.geometry.Bounds b = restore.localToScene(restore.getBoundsInLocal());
            return b != null && b.getMinY() >= 0 && b.getHeight() > 0 && restore.getScene() != null
                    && b.getMaxY() <= restore.getScene().getHeight();
        });
        robot.clickOn(restore);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !notifications.pane().isShowing());
        assertEquals(List.of("restore"), taken);
    }

    @Test
    void aNewerMessageReplacesTheOneOnShow(FxRobot robot) throws Exception {
        robot.interact(() -> notifications.offer("Restore the draft?", "Restore", () -> { }));
        robot.interact(() -> notifications.error("Could not open lesson.liqlab.json: not a session file"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> notifications.pane().isShowing());
        assertEquals("Could not open lesson.liqlab.json: not a session file", notifications.pane().getText());
        assertTrue(notifications.pane().getActions().isEmpty(), "the offer's button went with it");
    }

    @Test
    void aStatusNoteDoesNotOpenTheBar(FxRobot robot) {
        robot.interact(() -> notifications.status("Session saved"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Session saved", notifications.statusProperty().get());
        assertFalse(notifications.pane().isShowing());
    }

    @Test
    void theBarLeavesTheTopOfTheTabsUncovered(FxRobot robot) throws Exception {
        // The tab headers are at the top of what the bar slides over: while an offer waits, every tab stays reachable.
        robot.interact(() -> notifications.offer("Unsaved tier edits of binance-usdm-btc were kept.", "Restore", () -> { }));
        Button restore = robot.lookup(".notification-bar .button").match((Button b) -> "Restore".equals(b.getText())).queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            javafx.geometry.Bounds b = restore.localToScene(restore.getBoundsInLocal());
            return b != null && b.getHeight() > 0 && b.getMinY() >= 0 && b.getMaxY() <= restore.getScene().getHeight();
        });
        javafx.scene.Node bar = robot.lookup(".notification-bar").query();
        javafx.geometry.Bounds shown = bar.localToScene(bar.getBoundsInLocal());
        assertTrue(shown.getMinY() > notifications.pane().getHeight() / 2,
                "the bar should sit at the foot of the tabs, not over their headers: top at " + shown.getMinY());
    }
}
