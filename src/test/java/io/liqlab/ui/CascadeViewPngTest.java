package io.liqlab.ui;

import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "This view as PNG..." while a run is computing (as on the first click after opening the tab, or right after a
 * what-if change): it says so at once, and the image is of the new run, taken once the run is done.
 */
class CascadeViewPngTest extends AppWindowTest {

    @Test
    void aViewPngAskedForDuringARunSaysSoAtOnceAndWaitsForTheRun(FxRobot robot) throws Exception {
        robot.clickOn("#tab-cascade .tab-label");
        CascadeView view = robot.lookup("#cascade").queryAs(CascadeView.class);
        CascadeViewModel vm = view.viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.runCountProperty().get() >= 1 && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#cascade-export-status").queryAs(Label.class);
        List<Boolean> runningWhenTaken = new ArrayList<>();
        robot.interact(() -> status.textProperty().addListener((o, was, now) -> {
            if (now.startsWith("Writing")) {
                runningWhenTaken.add(vm.runningProperty().get());
            }
        }));

        Path file = home.resolve("view.png");
        @SuppressWarnings("unchecked")
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<Path>> export = new java.util.concurrent.atomic.AtomicReference<>();
        String[] statusAtOnce = new String[1];
        int[] runsBefore = new int[1];
        robot.interact(() -> {
            vm.shockPercentProperty().set(vm.shockPercentProperty().get() - 1); // a new run starts
            runsBefore[0] = vm.runCountProperty().get();
            export.set(view.exportPng(file));
            statusAtOnce[0] = status.getText();
        });
        assertFalse(statusAtOnce[0].isBlank(), "the click visibly did something");
        assertEquals(file, export.get().get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(file) > 1000);
        assertEquals(List.of(false), runningWhenTaken, "the picture was taken after the run, not of the one before");
        assertTrue(vm.runCountProperty().get() > runsBefore[0], "the new run finished");
        assertTrue(status.getText().startsWith("View written"), status.getText());
    }
}
