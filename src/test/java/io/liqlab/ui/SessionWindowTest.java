package io.liqlab.ui;

import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import io.liqlab.ui.tiers.TierEditorView;
import io.liqlab.ui.tiers.TierEditorViewModel;
import io.liqlab.ui.workspace.SessionFiles;
import io.liqlab.ui.workspace.WorkspaceView;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions as a document: Save (Ctrl+S) to the open file, its name in the title, the playback speed kept, and Quit. */
class SessionWindowTest extends AppWindowTest {

    /** Quit closes TestFX's own stage: show it again and give it the keyboard, for the tests after this one. */
    @org.junit.jupiter.api.AfterEach
    void showTheStageAgain(FxRobot robot) {
        robot.interact(() -> {
            stage.show();
            stage.toFront();
            stage.requestFocus();
        });
    }

    private WorkspaceView view(FxRobot robot) {
        return robot.lookup(".workspace").queryAs(WorkspaceView.class);
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTitleNamesTheSessionMarksAChangeAndCtrlSSavesToTheSameFile(FxRobot robot) throws Exception {
        assertEquals("LiqLab", stage.getTitle(), "no session yet");
        Path file = home.resolve("lesson-1.liqlab.json");
        robot.interact(() -> view(robot).saveSession(file));
        assertEquals("lesson-1.liqlab.json \u2013 LiqLab", stage.getTitle());

        robot.interact(() -> robot.lookup("#entry").queryAs(TextField.class).setText("71000"));
        assertEquals("*lesson-1.liqlab.json \u2013 LiqLab", stage.getTitle(), "changed since saved");
        robot.clickOn("#holding-hours");
        ctrl(robot, KeyCode.S);
        assertEquals("71000", SessionFiles.read(file).inputs().get("ENTRY"), "Ctrl+S wrote the open session's file");
        assertEquals("lesson-1.liqlab.json \u2013 LiqLab", stage.getTitle(), "saved again");
    }

    @Test
    void thePlaybackSpeedIsSavedInTheSessionAndComesBackWithIt(FxRobot robot) throws Exception {
        robot.clickOn("#tab-cascade .tab-label");
        CascadeViewModel cascade = robot.lookup("#cascade").queryAs(CascadeView.class).viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cascade.runCountProperty().get() >= 1 && !cascade.runningProperty().get());
        robot.interact(() -> cascade.speedProperty().set(8));
        Path file = home.resolve("speed.liqlab.json");
        robot.interact(() -> view(robot).saveSession(file));
        assertEquals(8.0, SessionFiles.read(file).playbackSpeed());

        robot.interact(() -> cascade.speedProperty().set(2));
        robot.interact(() -> view(robot).openSession(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !cascade.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8.0, cascade.speedProperty().get());
    }

    @Test
    void aSessionShockBeyondTheSliderIsUsedShownAndSaidAsTheSliderOffersIt(FxRobot robot) throws Exception {
        robot.clickOn("#tab-cascade .tab-label");
        CascadeViewModel cascade = robot.lookup("#cascade").queryAs(CascadeView.class).viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cascade.runCountProperty().get() >= 1 && !cascade.runningProperty().get());
        Path file = home.resolve("shock.liqlab.json");
        robot.interact(() -> view(robot).saveSession(file));
        String saved = java.nio.file.Files.readString(file);
        String edited = saved.replaceFirst("\"shockPercent\" : [^,]+,", "\"shockPercent\" : 50,");
        assertFalse(saved.equals(edited), "the saved session has a shockPercent to edit");
        java.nio.file.Files.writeString(file, edited);

        robot.interact(() -> view(robot).openSession(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !cascade.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Slider slider = robot.lookup("#cascade-shock").queryAs(javafx.scene.control.Slider.class);
        String status = robot.lookup("#status").queryAs(javafx.scene.control.Label.class).getText();
        // The status line, the slider and the run agree (it said "used 90" while the slider showed 30).
        assertEquals(slider.getMax(), cascade.shockPercentProperty().get(), 0, "used = the slider's end");
        assertEquals(slider.getValue(), cascade.shockPercentProperty().get(), 0, "shown = used");
        assertTrue(status.contains("shockPercent: 50 is outside -30 to 30") && status.contains("used 30"), status);
        assertEquals(30, cascade.capture().shockPercent(), 0, "saved again as used");
    }

    private Window dialog(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).findFirst().orElse(null);
    }

    @Test
    void ctrlQWithUnsavedTierEditsAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#tab-tiers .tab-label");
        TierEditorView tiers = robot.lookup(n -> n instanceof TierEditorView).queryAs(TierEditorView.class);
        robot.interact(() -> tiers.open("binance-usdm-btc"));
        robot.interact(() -> tiers.workbench().editorProperty().get().setCell(0, TierEditorViewModel.Column.MMR, "0.0041"));

        robot.interact(() -> Platform.runLater(() -> view(robot).quit())); // later: the question waits for an answer
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog(robot) != null);
        DialogPane pane = (DialogPane) dialog(robot).getScene().getRoot();
        assertTrue(pane.getContentText().contains("binance-usdm-btc"), pane.getContentText());
        robot.clickOn((Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Cancel keeps the window");

        robot.interact(() -> Platform.runLater(() -> view(robot).quit()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog(robot) != null);
        pane = (DialogPane) dialog(robot).getScene().getRoot();
        Button quit = pane.getButtonTypes().stream().filter(b -> b != javafx.scene.control.ButtonType.CANCEL)
                .map(b -> (Button) ((DialogPane) dialog(robot).getScene().getRoot()).lookupButton(b)).findFirst().orElseThrow();
        robot.clickOn(quit);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "Quit anyway closes it");
        java.nio.file.Path drafts = home.resolve("drafts");
        try (var files = java.nio.file.Files.walk(drafts)) {
            List<Path> kept = files.filter(java.nio.file.Files::isRegularFile).filter(f -> f.toString().contains("binance-usdm-btc")).toList();
            assertFalse(kept.isEmpty(), "the edits stay as a draft for the next start");
            for (Path f : kept) {
                java.nio.file.Files.delete(f); // the other tests start without a draft to offer
            }
        }
    }

    @Test
    void ctrlQWithNothingUnsavedQuitsAtOnce(FxRobot robot) {
        robot.clickOn("#entry");
        ctrl(robot, KeyCode.Q);
        assertFalse(stage.isShowing());
        assertTrue(dialog(robot) == null, "nothing asked");
    }
}
