package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileStore;
import io.liqlab.ui.shell.Command;
import io.liqlab.ui.shell.RecordingNotifier;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each tier-editor command acts exactly in the states it can act in, without a toolkit. */
class TierEditorCommandsTest {

    /** The user's answers to the editor's questions. */
    private static final class Answers implements TierEditorPrompts {
        String splitAt = "";
        boolean delete;
        final List<String> asked = new ArrayList<>();

        @Override
        public OnConflict fileChanged(String profileId, Path file) {
            return OnConflict.KEEP_EDITING;
        }

        @Override
        public Optional<String> idForCopy(String suggested) {
            return Optional.empty();
        }

        @Override
        public Optional<String> splitAt(int tierNumber) {
            asked.add("split tier " + tierNumber);
            return Optional.of(splitAt);
        }

        @Override
        public boolean confirmDelete(String id) {
            asked.add("delete " + id);
            return delete;
        }
    }

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final Answers answers = new Answers();

    private TierWorkbenchViewModel workbench(Path home) {
        return new TierWorkbenchViewModel(TestProfiles.catalog().profiles(), new ProfileStore(home.resolve("profiles"), new ProfileReader()),
                new DraftStore(home.resolve("drafts")), null, answers, notifier, Runnable::run, Clock.systemDefaultZone());
    }

    @Test
    void withNothingOpenOnlyImportCanAct(@TempDir Path home) {
        TierEditorCommands c = workbench(home).commands();
        for (Command command : c.all()) {
            assertEquals(command == c.importProfile, command.isExecutable(), command.id());
        }
    }

    @Test
    void removeSplitAndMergeNeedASelectedTierAndMergeANextOne(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("binance-usdm-btc")); // 12 tiers
        TierEditorCommands c = wb.commands();
        assertFalse(c.remove.isExecutable() || c.split.isExecutable() || c.merge.isExecutable(), "no tier selected");
        assertTrue(c.add.isExecutable(), "adding needs no selection");
        c.selectedRowProperty().set(0);
        assertTrue(c.remove.isExecutable() && c.split.isExecutable() && c.merge.isExecutable());
        c.selectedRowProperty().set(11);
        assertTrue(c.remove.isExecutable() && c.split.isExecutable());
        assertFalse(c.merge.isExecutable(), "the last tier has no next one");
        c.selectedRowProperty().set(-1);
        assertFalse(c.remove.isExecutable() || c.split.isExecutable() || c.merge.isExecutable(), "selection cleared");
    }

    @Test
    void theOnlyTierCannotBeRemoved(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("gte-btc")); // one tier
        TierEditorCommands c = wb.commands();
        c.selectedRowProperty().set(0);
        assertFalse(c.remove.isExecutable());
        assertFalse(c.merge.isExecutable());
        assertTrue(c.split.isExecutable());
        c.add.execute();
        assertTrue(c.remove.isExecutable(), "two tiers now");
        assertTrue(c.merge.isExecutable());
    }

    @Test
    void undoAndRedoFollowTheStack(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("binance-usdm-btc"));
        TierEditorCommands c = wb.commands();
        assertFalse(c.undo.isExecutable() || c.redo.isExecutable());
        wb.editorProperty().get().setCell(0, Column.MMR, "0.45");
        assertTrue(c.undo.isExecutable());
        assertFalse(c.redo.isExecutable());
        assertTrue(c.undoTextProperty().get().contains("0.45"), c.undoTextProperty().get());
        c.undo.execute();
        assertFalse(c.undo.isExecutable());
        assertTrue(c.redo.isExecutable());
        c.redo.execute();
        assertEquals("0.45", wb.editorProperty().get().rows().get(0).cell(Column.MMR));
        // Another profile opened: its own, empty stack.
        wb.open(TestProfiles.get("textbook"));
        assertFalse(c.undo.isExecutable() || c.redo.isExecutable());
    }

    @Test
    void saveActsOnlyOnUnsavedEditsOfAValidSchedule(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("binance-usdm-btc"));
        TierEditorCommands c = wb.commands();
        assertFalse(c.save.isExecutable(), "nothing edited");
        assertTrue(c.saveAs.isExecutable() && c.export.isExecutable(), "a valid profile can be copied and exported");
        wb.editorProperty().get().setCell(0, Column.MMR, "0.45");
        assertTrue(c.save.isExecutable());
        wb.editorProperty().get().setCell(0, Column.MMR, "50"); // at or above 1/maxLeverage
        assertFalse(c.save.isExecutable(), "an invalid schedule is not saved");
        assertFalse(c.saveAs.isExecutable() || c.export.isExecutable());
        assertTrue(c.saveTextProperty().get().contains("problems"), c.saveTextProperty().get());
        c.undo.execute();
        assertTrue(c.save.isExecutable());
        c.save.execute();
        assertTrue(Files.exists(home.resolve("profiles").resolve("binance-usdm-btc-edited.json")));
        assertFalse(c.save.isExecutable(), "saved: nothing left to save");
    }

    @Test
    void revertActsOnlyWhereSomethingChanged(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("binance-usdm-btc"));
        TierEditorCommands c = wb.commands();
        assertFalse(c.revertAll.isExecutable());
        c.selectedRowProperty().set(0);
        c.selectedColumnProperty().set(Column.MMR);
        assertFalse(c.revertCell.isExecutable(), "the cell is as opened");
        wb.editorProperty().get().setCell(0, Column.MMR, "0.45");
        assertTrue(c.revertCell.isExecutable());
        assertTrue(c.revertAll.isExecutable());
        c.selectedRowProperty().set(1);
        assertFalse(c.revertCell.isExecutable(), "tier 2's rate is as opened");
        c.selectedRowProperty().set(0);
        c.revertCell.execute();
        assertEquals("0.4", wb.editorProperty().get().rows().get(0).cell(Column.MMR));
        assertFalse(c.revertCell.isExecutable());
        assertFalse(c.revertAll.isExecutable(), "back as opened");
    }

    @Test
    void renameAndDeleteActOnlyOnAProfileInTheUserFolder(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("textbook"));
        TierEditorCommands c = wb.commands();
        assertFalse(c.rename.isExecutable() || c.delete.isExecutable(), "a shipped profile's copy is not saved yet");
        wb.editorProperty().get().setCell(0, Column.MAX_LEVERAGE, "90");
        c.save.execute();
        assertTrue(c.rename.isExecutable() && c.delete.isExecutable());
        answers.delete = false;
        c.delete.execute();
        assertEquals(List.of("delete textbook-edited"), answers.asked);
        assertTrue(Files.exists(home.resolve("profiles").resolve("textbook-edited.json")), "Cancel deletes nothing");
        answers.delete = true;
        c.delete.execute();
        assertFalse(Files.exists(home.resolve("profiles").resolve("textbook-edited.json")));
        assertFalse(c.delete.isExecutable() || c.rename.isExecutable());
    }

    @Test
    void aSplitThatCannotBeDoneIsSaidOnTheBarAndChangesNothing(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("binance-usdm-btc"));
        TierEditorCommands c = wb.commands();
        c.selectedRowProperty().set(0);
        answers.splitAt = "lots";
        c.split.execute();
        assertEquals(List.of("split tier 1"), answers.asked);
        assertTrue(notifier.last("error").contains("'lots' is not a number"), notifier.last("error"));
        answers.splitAt = "5,000,000"; // beyond tier 1's cap
        c.split.execute();
        assertTrue(notifier.last("error").startsWith("Not done"), notifier.last("error"));
        assertEquals(12, wb.editorProperty().get().rows().size());
        answers.splitAt = "100,000";
        c.split.execute();
        assertEquals(13, wb.editorProperty().get().rows().size());
    }

    @Test
    void draftsLeftByAnEarlierRunAreOfferedOnTheBarOneAfterAnother(@TempDir Path home) throws Exception {
        try (DraftStore ended = new DraftStore(home.resolve("drafts"))) {
            for (String id : List.of("gte-btc", "textbook")) {
                TierEditorViewModel before = new TierEditorViewModel(TestProfiles.get(id));
                before.setCell(0, Column.MAX_LEVERAGE, "20");
                ended.save(before.idProperty().get(), before.toDraft());
            }
        }
        TierWorkbenchViewModel wb = workbench(home);
        List<String> shown = new ArrayList<>();
        wb.offerDrafts(() -> shown.add("tier editor"));
        assertTrue(notifier.last("offer").contains("gte-btc-edited"), notifier.last("offer"));
        assertTrue(notifier.declineOffer(), "Discard");
        assertTrue(notifier.last("offer").contains("textbook-edited"), "then the next: " + notifier.last("offer"));
        assertTrue(notifier.takeOffer(), "Restore");
        assertEquals(List.of("tier editor"), shown, "restoring shows the tier editor first");
        assertNotNull(wb.editorProperty().get());
        assertEquals("20", wb.editorProperty().get().rows().get(0).cell(Column.MAX_LEVERAGE));
        assertEquals(List.of(), wb.pendingDrafts(), "discarded and restored: nothing left to offer");
    }

    @Test
    void aDraftThatCannotBeRestoredStaysSaidOnTheBar(@TempDir Path home) throws Exception {
        try (DraftStore ended = new DraftStore(home.resolve("drafts"))) {
            ended.save("gte-btc-edited", "{\"profileId\": \"gte-btc\", \"rows\": [");
            TierEditorViewModel other = new TierEditorViewModel(TestProfiles.get("textbook"));
            ended.save(other.idProperty().get(), other.toDraft());
        }
        TierWorkbenchViewModel wb = workbench(home);
        wb.offerDrafts(() -> { });
        assertTrue(notifier.takeOffer());
        RecordingNotifier.Said last = notifier.said().getLast();
        assertEquals("error", last.kind(), "the reason, not the next offer over it: " + notifier.said());
        assertTrue(last.message().contains("gte-btc-edited"), last.message());
    }
}
