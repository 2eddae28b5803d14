package io.liqlab.ui;

import io.liqlab.app.LiqLabApp;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The whole app in a TestFX window, as a user starts it, on a user folder of the test class's own (made before its
 * tests, forgotten after), so the real one is never read or written. A subclass's own {@code @BeforeAll} runs after
 * the folder exists (to leave a draft in it, say).
 */
@ExtendWith(ApplicationExtension.class)
abstract class AppWindowTest {
    /** The test class's user folder. */
    protected static Path home;
    protected Stage stage;

    @BeforeAll
    static void emptyUserFolder(TestInfo test) throws IOException {
        home = TempHome.use("liqlab-" + test.getTestClass().map(Class::getSimpleName).orElse("window"));
    }

    @AfterAll
    static void forgetUserFolder() {
        TempHome.clear();
    }

    /**
     * Before every test, the app in TestFX's stage, before the subclass's own {@code @BeforeEach}. (TestFX finds
     * {@code @Start} methods only on the test class itself, not on a superclass.)
     */
    @BeforeEach
    void startTheApp() throws Exception {
        FxToolkit.setupStage(s -> {
            stage = s;
            new LiqLabApp().start(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label with id {@code id}. */
    protected static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    /**
     * Presses the button {@code text} of the offer on the bar over the tabs (the shell's NotificationPane), once the
     * sliding bar has brought it inside the scene, as a user would.
     */
    protected static void pressOnTheBar(FxRobot robot, String text) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(".notification-bar .button")
                .match((javafx.scene.control.Button b) -> text.equals(b.getText())).tryQuery().isPresent());
        javafx.scene.control.Button button = robot.lookup(".notification-bar .button")
                .match((javafx.scene.control.Button b) -> text.equals(b.getText())).queryButton();
        // The bar slides up from below the tabs: wait until the button is inside the pane it slides over.
        javafx.scene.Node pane = robot.lookup("#notifications").query();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
            javafx.geometry.Bounds b = button.localToScene(button.getBoundsInLocal());
            javafx.geometry.Bounds over = pane.localToScene(pane.getBoundsInLocal());
            return b != null && b.getHeight() > 0 && b.getMinY() >= over.getMinY() && b.getMaxY() <= over.getMaxY();
        });
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // the rest of the slide
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
