package io.liqlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A window remembered larger than the screen, on the Compare tab: the next start fits the screen and opens on Position. */
class WindowFitTest extends AppWindowTest {
    @BeforeAll
    static void aLargerWindowWasRemembered() throws Exception {
        Files.writeString(home.resolve("workspace.json"), """
                {"x": 400, "y": 300, "width": 3000, "height": 2000, "maximized": false, "theme": "LIGHT",
                 "presentation": false, "tab": 1}
                """);
    }

    @Test
    void theWindowLiesWhollyOnTheScreen(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D window = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        assertTrue(window.getWidth() <= screen.getWidth() && window.getHeight() <= screen.getHeight(), window + " within " + screen);
        assertTrue(window.getMinX() >= screen.getMinX() && window.getMaxX() <= screen.getMaxX()
                && window.getMinY() >= screen.getMinY() && window.getMaxY() <= screen.getMaxY(), window + " within " + screen);
    }

    @Test
    void itOpensOnThePositionTabWhateverTabWasLast(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("tab-position", tabs.getSelectionModel().getSelectedItem().getId());
    }
}
