package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileStore;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.tiers.TierEditorPrompts.OnConflict;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two app windows (two running instances) on one user folder: each is a workbench with its own stores over the same
 * folders on disk, as two processes have.
 */
class TwoWindowsTest {
    private static final String EDITED = "binance-usdm-btc-edited";

    /** A window as the app starts it: the shipped profiles plus what the user folder holds now. */
    private static TierWorkbenchViewModel window(Path home, DraftStore drafts, TierEditorPrompts prompts) {
        Path profiles = home.resolve("profiles");
        return new TierWorkbenchViewModel(ProfileCatalog.load(new ProfileReader(), profiles).profiles(),
                new ProfileStore(profiles, new ProfileReader()), drafts, null, prompts, Runnable::run);
    }

    private static TierWorkbenchViewModel window(Path home) {
        return new TierWorkbenchViewModel(ProfileCatalog.load(new ProfileReader(), home.resolve("profiles")).profiles(),
                new ProfileStore(home.resolve("profiles"), new ProfileReader()), new DraftStore(home.resolve("drafts")));
    }

    private static VenueProfile listed(TierWorkbenchViewModel w, String id) {
        return w.profiles().stream().filter(p -> p.id().equals(id)).reduce((first, second) -> second).orElseThrow();
    }

    /** The maximum leverage of tier {@code tier} (1-based) in the user file of {@link #EDITED}. */
    private static double leverageOnDisk(Path home, int tier) {
        return ProfileCatalog.load(new ProfileReader(), home.resolve("profiles")).find(EDITED).orElseThrow()
                .rules().tiers().tier(tier - 1).maxLeverage();
    }

    /** Both windows open the user's copy that is on disk when they start. */
    private static void savedCopy(Path home) {
        TierWorkbenchViewModel earlier = window(home);
        earlier.open(TestProfiles.get("binance-usdm-btc"));
        assertTrue(earlier.save(), earlier.statusProperty().get());
    }

    @Test
    void aSaveDoesNotReplaceWhatTheOtherWindowSavedMeanwhile(@TempDir Path home) {
        savedCopy(home);
        TierWorkbenchViewModel a = window(home);
        TierWorkbenchViewModel b = window(home);
        a.open(listed(a, EDITED));
        b.open(listed(b, EDITED));

        b.editorProperty().get().setCell(1, Column.MAX_LEVERAGE, "90");
        assertTrue(b.save(), b.statusProperty().get());
        a.editorProperty().get().setCell(2, Column.MAX_LEVERAGE, "70");

        assertFalse(a.save(), "A has not seen B's version: " + a.statusProperty().get());
        assertTrue(a.statusProperty().get().startsWith("Not saved") && a.statusProperty().get().contains("another window"),
                a.statusProperty().get());
        assertEquals(90, leverageOnDisk(home, 2), "B's tier 2 stays");
        assertEquals(75, leverageOnDisk(home, 3), "nothing of A's written");
        assertEquals("70", a.editorProperty().get().rows().get(2).cell(Column.MAX_LEVERAGE), "A's edit is still on screen");
    }

    @Test
    void aCopyTheOtherWindowMadeFirstIsNotReplacedEither(@TempDir Path home) {
        // Both windows edit the shipped profile; B saves the user copy first, which A never saw.
        TierWorkbenchViewModel a = window(home);
        TierWorkbenchViewModel b = window(home);
        a.open(TestProfiles.get("binance-usdm-btc"));
        b.open(TestProfiles.get("binance-usdm-btc"));
        b.editorProperty().get().setCell(1, Column.MAX_LEVERAGE, "90");
        assertTrue(b.save());
        a.editorProperty().get().setCell(2, Column.MAX_LEVERAGE, "70");
        assertFalse(a.save(), a.statusProperty().get());
        assertEquals(90, leverageOnDisk(home, 2));
        assertEquals(75, leverageOnDisk(home, 3));
    }

    /** Answers the conflict question as scripted and remembers what it was asked. */
    private static final class Answers implements TierEditorPrompts {
        OnConflict choice;
        String copyId;
        final List<String> asked = new ArrayList<>();

        Answers(OnConflict choice, String copyId) {
            this.choice = choice;
            this.copyId = copyId;
        }

        @Override
        public OnConflict fileChanged(String profileId, Path file) {
            asked.add(profileId + " " + file.getFileName());
            return choice;
        }

        @Override
        public Optional<String> idForCopy(String suggested) {
            asked.add("id for a copy of " + suggested);
            return Optional.ofNullable(copyId);
        }
    }

    /** A and B over one folder, B has saved tier 2 = 90, A has typed tier 3 = 70 and saves with {@code answers}. */
    private static TierWorkbenchViewModel conflict(Path home, Answers answers) {
        savedCopy(home);
        TierWorkbenchViewModel a = window(home, new DraftStore(home.resolve("drafts")), answers);
        TierWorkbenchViewModel b = window(home);
        a.open(listed(a, EDITED));
        b.open(listed(b, EDITED));
        b.editorProperty().get().setCell(1, Column.MAX_LEVERAGE, "90");
        assertTrue(b.save());
        a.editorProperty().get().setCell(2, Column.MAX_LEVERAGE, "70");
        return a;
    }

    @Test
    void reloadShowsTheOtherWindowsVersion(@TempDir Path home) {
        Answers answers = new Answers(OnConflict.RELOAD, null);
        TierWorkbenchViewModel a = conflict(home, answers);
        a.save();
        assertEquals(List.of(EDITED + " " + EDITED + ".json"), answers.asked);
        TierEditorViewModel shown = a.editorProperty().get();
        assertEquals("90", shown.rows().get(1).cell(Column.MAX_LEVERAGE));
        assertEquals("75", shown.rows().get(2).cell(Column.MAX_LEVERAGE));
        assertEquals(90, leverageOnDisk(home, 2));
        assertTrue(a.statusProperty().get().startsWith("Reloaded"), a.statusProperty().get());
        // Now A works from B's version: its next save goes through without asking.
        shown.setCell(2, Column.MAX_LEVERAGE, "70");
        assertTrue(a.save(), a.statusProperty().get());
        assertEquals(1, answers.asked.size());
        assertEquals(90, leverageOnDisk(home, 2));
        assertEquals(70, leverageOnDisk(home, 3));
    }

    @Test
    void overwriteReplacesTheOtherVersionOnlyWhenChosen(@TempDir Path home) {
        Answers answers = new Answers(OnConflict.OVERWRITE, null);
        TierWorkbenchViewModel a = conflict(home, answers);
        assertTrue(a.save(), a.statusProperty().get());
        assertEquals(1, answers.asked.size());
        assertEquals(100, leverageOnDisk(home, 2), "A's version, as chosen");
        assertEquals(70, leverageOnDisk(home, 3));
        assertTrue(a.statusProperty().get().startsWith("Saved"), a.statusProperty().get());
    }

    @Test
    void saveAsKeepsBoth(@TempDir Path home) throws Exception {
        Answers answers = new Answers(OnConflict.SAVE_AS, "binance-mine");
        TierWorkbenchViewModel a = conflict(home, answers);
        assertTrue(a.save(), a.statusProperty().get());
        assertEquals(List.of(EDITED + " " + EDITED + ".json", "id for a copy of " + EDITED + "-copy"), answers.asked);
        assertEquals(90, leverageOnDisk(home, 2), "B's file untouched");
        assertEquals(75, leverageOnDisk(home, 3));
        VenueProfile mine = ProfileCatalog.load(new ProfileReader(), home.resolve("profiles")).find("binance-mine").orElseThrow();
        assertEquals(100, mine.rules().tiers().tier(1).maxLeverage());
        assertEquals(70, mine.rules().tiers().tier(2).maxLeverage());
        assertEquals("binance-mine", a.editorProperty().get().idProperty().get());
    }

    @Test
    void saveAsNeverReplacesAnotherProfile(@TempDir Path home) throws Exception {
        Answers answers = new Answers(OnConflict.SAVE_AS, "binance-usdm-btc-edited");
        TierWorkbenchViewModel a = conflict(home, answers);
        Path other = Files.writeString(home.resolve("profiles").resolve("mine.json"), "{}");
        assertFalse(a.saveAs("mine", "Mine"), a.statusProperty().get());
        assertTrue(a.statusProperty().get().contains("already exists"), a.statusProperty().get());
        assertEquals("{}", Files.readString(other));
        assertFalse(a.save(), "a copy under the changed file's own id is no way around the question");
        assertEquals(90, leverageOnDisk(home, 2));
        assertEquals(75, leverageOnDisk(home, 3));
    }

    @Test
    void keepEditingWritesNothingAndAsksAgainNextTime(@TempDir Path home) throws Exception {
        Answers answers = new Answers(OnConflict.KEEP_EDITING, null);
        TierWorkbenchViewModel a = conflict(home, answers);
        byte[] before = Files.readAllBytes(home.resolve("profiles").resolve(EDITED + ".json"));
        assertFalse(a.save());
        assertFalse(a.save());
        assertEquals(2, answers.asked.size());
        assertEquals(new String(before), Files.readString(home.resolve("profiles").resolve(EDITED + ".json")));
    }

    @Test
    void aRunningWindowsDraftIsNeitherOfferedToTheOtherNorDeletedByItsSave(@TempDir Path home) throws Exception {
        DraftStore draftsOfA = new DraftStore(home.resolve("drafts"));
        TierWorkbenchViewModel a = new TierWorkbenchViewModel(TestProfiles.catalog().profiles(),
                new ProfileStore(home.resolve("profiles"), new ProfileReader()), draftsOfA);
        a.open(TestProfiles.get("binance-usdm-btc"));
        a.editorProperty().get().setCell(0, Column.MMR, "0.0045");
        String onScreenInA = a.editorProperty().get().toDraft();

        TierWorkbenchViewModel b = window(home);
        assertEquals(List.of(), b.pendingDrafts(), "A still runs: its draft is A's");
        b.open(TestProfiles.get("binance-usdm-btc"));
        b.editorProperty().get().setCell(1, Column.MMR, "0.0055");
        assertTrue(b.save(), b.statusProperty().get());
        a.editorProperty().get().setCell(0, Column.MAX_LEVERAGE, "120"); // A goes on editing: its draft is still its own
        onScreenInA = a.editorProperty().get().toDraft();

        // A ends (closed without saving, or killed): the next start offers A's draft, exactly as it was.
        draftsOfA.close();
        TierWorkbenchViewModel next = window(home);
        assertEquals(List.of(EDITED), next.pendingDrafts());
        assertTrue(next.restoreDraft(EDITED), next.statusProperty().get());
        assertEquals(onScreenInA, next.editorProperty().get().toDraft());
        // Restored, it belongs to the window that restored it: a third one does not offer it again.
        assertEquals(List.of(), window(home).pendingDrafts());
    }

    @Test
    void editsRestoredFromADraftDoNotReplaceASaveMadeSinceWithoutAsking(@TempDir Path home) throws Exception {
        savedCopy(home);
        DraftStore draftsOfA = new DraftStore(home.resolve("drafts"));
        TierWorkbenchViewModel a = window(home, draftsOfA, TierEditorPrompts.KEEP_EDITING);
        a.open(listed(a, EDITED));
        a.editorProperty().get().setCell(2, Column.MAX_LEVERAGE, "70");
        draftsOfA.close(); // A is killed with its edit unsaved
        TierWorkbenchViewModel b = window(home);
        b.open(listed(b, EDITED));
        b.editorProperty().get().setCell(1, Column.MAX_LEVERAGE, "90");
        assertTrue(b.save());

        TierWorkbenchViewModel next = window(home);
        assertTrue(next.restoreDraft(EDITED), next.statusProperty().get());
        assertEquals("100", next.editorProperty().get().rows().get(1).cell(Column.MAX_LEVERAGE), "the draft as it was on screen");
        assertFalse(next.save(), "the draft was made from the file before B's save: " + next.statusProperty().get());
        assertEquals(90, leverageOnDisk(home, 2));
    }

    @Test
    void aSaveInOneWindowLeavesTheOtherWindowsDraftOnDisk(@TempDir Path home) throws Exception {
        TierWorkbenchViewModel a = window(home);
        TierWorkbenchViewModel b = window(home);
        a.open(TestProfiles.get("binance-usdm-btc"));
        b.open(TestProfiles.get("binance-usdm-btc"));
        a.editorProperty().get().setCell(0, Column.MMR, "0.0045");
        b.editorProperty().get().setCell(1, Column.MMR, "0.0055");
        assertTrue(b.save());
        List<String> drafts;
        try (var files = Files.walk(home.resolve("drafts"))) {
            drafts = files.filter(f -> f.getFileName().toString().endsWith(".draft.json")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(1, drafts.size(), "A's draft, and only A's");
        assertTrue(drafts.getFirst().contains("0.0045"), drafts.getFirst());
    }
}
