package io.liqlab.ui.workspace;

import io.liqlab.ui.task.BackgroundTask;
import io.liqlab.ui.task.FxTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's status bar, styled as in the app: a listed task shows without moving anything else. */
class StatusBarTest {

    private final FxTaskExecutor tasks = new FxTaskExecutor(java.time.Duration.ZERO);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        tasks.close();
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS); // on the FX thread, its exception rethrown
    }

    @Test
    void listingATaskKeepsTheBarsHeightSoTheTabsAboveAreNotResized() throws Exception {
        Region content = new Region();
        List<String> resized = new ArrayList<>();
        Region bar = onFx(() -> {
            BorderPane root = new BorderPane(content);
            Region statusBar = WorkspaceView.statusBar(new Label("Ready"), tasks);
            root.setBottom(statusBar);
            Scene scene = new Scene(root, 900, 400);
            scene.getStylesheets().add(WorkspaceView.class.getResource("/io/liqlab/ui/liqlab.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return statusBar;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double before = onFx(bar::getHeight);
        onFx(() -> content.heightProperty().subscribe((a, b) -> resized.add(a + " -> " + b)));
        onFx(() -> tasks.submit(BackgroundTask.of("Phase map, 32 x 32", p -> release.await(20, TimeUnit.SECONDS))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> bar.lookup("#tasks").isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> bar.lookup(".progress-bar").isVisible()), "the task's progress shows");
        assertEquals(before, onFx(bar::getHeight), "the bar's height with a task listed");
        assertEquals(List.of(), resized, "the content above the bar");
    }
}
