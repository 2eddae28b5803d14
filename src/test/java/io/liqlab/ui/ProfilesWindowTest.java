package io.liqlab.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The venue-profile list as a newcomer reads it in the smallest window: every entry whole, no sideways scrolling. */
class ProfilesWindowTest extends AppWindowTest {

    @Test
    void at1280x720EveryEntryWrapsToTheListInsteadOfScrollingSideways(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        robot.clickOn("#tab-profiles .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#profile-list").queryListView();
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                assertFalse(bar.isVisible(), "no sideways scrolling in the profile list");
            }
        }
        int checked = 0;
        for (int i = 0; i < list.getItems().size(); i++) {
            int index = i;
            robot.interact(() -> list.scrollTo(index));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : list.lookupAll(".list-cell")) {
                ListCell<?> cell = (ListCell<?>) n;
                if (cell.getIndex() == index && cell.getText() != null) {
                    // The text drawn, line by line, is the whole text: no entry is cut short with an ellipsis.
                    String drawn = ((Text) cell.lookup(".text")).getText();
                    assertEquals(cell.getText().replaceAll("\\s+", " "), drawn.replaceAll("\\s+", " "), "entry " + index + " cut");
                    assertTrue(cell.getWidth() <= list.getWidth(), "entry " + index + " wider than the list");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 10, "every profile looked at: " + checked);
    }
}
