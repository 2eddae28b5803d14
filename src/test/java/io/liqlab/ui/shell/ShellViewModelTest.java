package io.liqlab.ui.shell;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileStore;
import io.liqlab.ui.compare.ComparisonViewModel;
import io.liqlab.ui.position.ChartsViewModel;
import io.liqlab.ui.position.InputField;
import io.liqlab.ui.position.PositionViewModel;
import io.liqlab.ui.task.TaskExecutor;
import io.liqlab.ui.tiers.TierEditorViewModel;
import io.liqlab.ui.tiers.TierWorkbenchViewModel;
import io.liqlab.ui.workspace.SessionFiles;
import io.liqlab.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's state and commands, without a toolkit: what is greyed when, the session across tabs, exports. */
class ShellViewModelTest {

    /** A window that answers file choosers with the file the test names, and remembers what it was asked. */
    private static final class FakeWindow implements ShellWindow {
        Path nextFile;
        final List<String> asked = new ArrayList<>();
        String clipboard;
        boolean closed;
        boolean quitAnswer;

        @Override
        public Optional<Path> chooseSaveFile(String suggestedName, String typeDescription, String pattern) {
            asked.add("save " + suggestedName);
            return Optional.ofNullable(nextFile);
        }

        @Override
        public Optional<Path> chooseOpenFile(String typeDescription, String pattern) {
            asked.add("open " + pattern);
            return Optional.ofNullable(nextFile);
        }

        @Override
        public double[] bounds() {
            return new double[] {10, 20, 1280, 720};
        }

        @Override
        public void copyToClipboard(String text) {
            clipboard = text;
        }

        @Override
        public boolean confirmQuitWithUnsavedTiers(String profileId) {
            asked.add("quit with unsaved " + profileId);
            return quitAnswer;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void showAbout(String header, String text) {
        }

        @Override
        public boolean systemIsDark() {
            return false;
        }

        @Override
        public Picture chartPicture(String chartId) {
            return file -> Files.writeString(file, "picture of " + chartId);
        }
    }

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final FakeWindow window = new FakeWindow();

    private ShellViewModel shell(Path home) {
        LiquidationEngine engine = new LiquidationEngine();
        PositionViewModel p = new PositionViewModel(engine, TestProfiles.catalog().profiles());
        WorkspaceViewModel workspace = new WorkspaceViewModel(p, new ChartsViewModel(p, List.of("textbook", "binance-usdm-btc")),
                new ComparisonViewModel(engine, TestProfiles.catalog().profiles(), p.positionProperty()));
        TierWorkbenchViewModel tiers = new TierWorkbenchViewModel(TestProfiles.catalog().profiles(),
                new ProfileStore(home.resolve("profiles"), new ProfileReader()), new DraftStore(home.resolve("drafts")));
        ShellViewModel shell = new ShellViewModel(workspace, tiers, new SessionFiles(home.resolve("recent.json")),
                TaskExecutor.callingThread(), notifier);
        shell.attach(window);
        shell.setTabIds(List.of("tab-position", "tab-compare", "tab-profiles", "tab-tiers", "tab-cascade"));
        return shell;
    }

    @Test
    void saveIsGreyedWhileNothingChangedActsAfterAnEditAndIsGreyedAgainOnceSaved(@TempDir Path home) throws Exception {
        ShellViewModel shell = shell(home);
        assertFalse(shell.saveSession.isExecutable(), "nothing to save at start");
        assertTrue(shell.saveSessionAs.isExecutable(), "save as always can");

        shell.workspace().position().textProperty(InputField.ENTRY).set("61000");
        assertTrue(shell.saveSession.isExecutable(), "an edit makes Save act");

        Path file = home.resolve("lesson.liqlab.json");
        window.nextFile = file;
        shell.saveSession.execute(); // no session file yet: asks where, as Save as does
        assertTrue(Files.exists(file));
        assertTrue(Files.readString(file).contains("61000"));
        assertFalse(shell.saveSession.isExecutable(), "saved: nothing to save again");
        assertTrue(notifier.last("status").startsWith("Session saved"), notifier.said().toString());
    }

    @Test
    void theSessionIsDirtyFromAnyTabTheTierEditorIncluded(@TempDir Path home) {
        ShellViewModel shell = shell(home);
        assertFalse(shell.dirtyProperty().get());
        shell.tiers().open(TestProfiles.get("binance-usdm-btc"));
        TierEditorViewModel editor = shell.tiers().editorProperty().get();
        editor.setCell(0, TierEditorViewModel.Column.MMR, "0.45");
        assertTrue(shell.dirtyProperty().get(), "an unsaved tier edit is a change the shell knows of");
        assertFalse(shell.saveSession.isExecutable(), "though not one a session file keeps");

        // Quitting with it asks first; the answer "stay" keeps the window open.
        window.quitAnswer = false;
        shell.quit.execute();
        assertEquals("quit with unsaved binance-usdm-btc-edited", window.asked.getLast());
        assertFalse(window.closed);
        window.quitAnswer = true;
        shell.quit.execute();
        assertTrue(window.closed);
    }

    @Test
    void exportsAreGreyedWhileThereIsNothingToExport(@TempDir Path home) {
        ShellViewModel shell = shell(home);
        List<Command> exports = List.of(shell.exportComparisonCsv, shell.exportSweepCsv, shell.exportLeveragePng, shell.copyResults);
        for (Command c : exports) {
            assertTrue(c.isExecutable(), c.id() + " with the classic example on screen");
        }
        shell.workspace().position().textProperty(InputField.ENTRY).set("sixty thousand");
        for (Command c : exports) {
            assertFalse(c.isExecutable(), c.id() + " while the entry is not a number");
        }
        window.nextFile = home.resolve("never.csv");
        shell.exportComparisonCsv.execute();
        assertFalse(Files.exists(home.resolve("never.csv")), "a greyed command does nothing, from a shortcut either");
        assertTrue(window.asked.isEmpty(), "not even ask where");

        shell.workspace().position().textProperty(InputField.ENTRY).set("60000");
        assertTrue(shell.exportComparisonCsv.isExecutable());
    }

    @Test
    void anExportWritesTheFileThroughTheExecutorAndSaysWhere(@TempDir Path home) throws Exception {
        ShellViewModel shell = shell(home);
        Path csv = home.resolve("comparison.csv");
        window.nextFile = csv;
        shell.exportComparisonCsv.execute();
        assertEquals(8, Files.readAllLines(csv).size(), "header and seven venues");
        assertEquals("Saved " + csv, notifier.last("status"));

        window.nextFile = home.resolve("leverage.png");
        shell.exportLeveragePng.execute();
        assertEquals("picture of chart-leverage", Files.readString(home.resolve("leverage.png")));
    }

    @Test
    void aFailedExportIsOneErrorNamingTheFile(@TempDir Path home) throws Exception {
        ShellViewModel shell = shell(home);
        Path notAFolder = Files.writeString(home.resolve("a-file"), "x");
        window.nextFile = notAFolder.resolve("x.csv");
        shell.exportSweepCsv.execute();
        String error = notifier.last("error");
        assertNotNull(error);
        assertTrue(error.startsWith("Could not save " + notAFolder.resolve("x.csv")), error);
    }

    @Test
    void aSessionThatCannotBeOpenedIsAnErrorAndChangesNothing(@TempDir Path home) throws Exception {
        ShellViewModel shell = shell(home);
        Path bad = Files.writeString(home.resolve("bad.liqlab.json"), "{\"format\":");
        shell.selectedTabProperty().set("tab-compare");
        shell.openSession(bad);
        assertTrue(notifier.last("error").startsWith("Session not opened"), notifier.said().toString());
        assertEquals("tab-compare", shell.selectedTabProperty().get());
        assertFalse(shell.dirtyProperty().get());
    }

    @Test
    void aSessionBringsBackItsTab(@TempDir Path home) {
        ShellViewModel shell = shell(home);
        shell.selectedTabProperty().set("tab-profiles");
        Path file = home.resolve("s.liqlab.json");
        shell.saveSession(file);
        shell.selectedTabProperty().set("tab-position");
        shell.openSession(file);
        assertEquals("tab-profiles", shell.selectedTabProperty().get());
    }

    @Test
    void undoingTheClassicExampleActsOnlyOnThePositionTabRightAfterIt(@TempDir Path home) {
        ShellViewModel shell = shell(home);
        shell.workspace().position().textProperty(InputField.ENTRY).set("61000");
        assertFalse(shell.undoReplace.isExecutable(), "nothing replaced yet");
        shell.classicExample.execute();
        assertEquals("60000", shell.workspace().position().textProperty(InputField.ENTRY).get());
        assertTrue(shell.undoReplace.isExecutable());
        shell.selectedTabProperty().set("tab-tiers");
        assertFalse(shell.undoReplace.isExecutable(), "Ctrl+Z is the tier editor's there");
        shell.selectedTabProperty().set("tab-position");
        shell.undoReplace.execute();
        assertEquals("61000", shell.workspace().position().textProperty(InputField.ENTRY).get());
        assertFalse(shell.undoReplace.isExecutable());
    }

    @Test
    void copyResultsPutsTheReportOnTheClipboard(@TempDir Path home) {
        ShellViewModel shell = shell(home);
        shell.copyResults.execute();
        assertTrue(window.clipboard.contains("57,900.00"), window.clipboard);
        assertEquals("Results copied to the clipboard.", notifier.last("status"));
    }

    @Test
    void leverageShortcutsActOnlyWhereTheLeverageIsTyped(@TempDir Path home) {
        ShellViewModel shell = shell(home);
        shell.leverageUp.execute();
        assertEquals(26, shell.workspace().position().leverageProperty().get());
        shell.workspace().position().marginModeProperty().set(io.liqlab.core.MarginMode.CROSS);
        assertFalse(shell.leverageUp.isExecutable(), "in cross mode the leverage follows the wallet");
    }
}
