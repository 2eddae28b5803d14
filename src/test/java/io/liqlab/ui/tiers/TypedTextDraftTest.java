package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileStore;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import io.liqlab.ui.tiers.TierEditorViewModel.ProfileField;
import io.liqlab.ui.tiers.TierEditorViewModel.Typing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import io.liqlab.ui.task.TaskExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text typed and not yet entered is on screen, so it is in the draft, and a restored draft shows it again. */
public class TypedTextDraftTest {
    private static final String EDITED = "binance-usdm-btc-edited";

    /** @param draftLane the serial lane the app's task executor gives drafts (null: written at once) */
    private static TierWorkbenchViewModel window(Path home, DraftStore drafts, ExecutorService draftLane) {
        return new TierWorkbenchViewModel(TestProfiles.catalog().profiles(), new ProfileStore(home.resolve("profiles"), new ProfileReader()),
                drafts, draftLane == null ? null : TaskExecutor.using(draftLane, Runnable::run), TierEditorPrompts.KEEP_EDITING, Runnable::run);
    }

    /** Every draft file under the drafts folder, read. */
    public static List<String> draftsOnDisk(Path drafts) {
        if (!Files.isDirectory(drafts)) {
            return List.of();
        }
        try (var files = Files.walk(drafts)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".draft.json")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly one draft on disk, and it holds {@code text} as typed. */
    private static void assertOneDraftTyping(Path drafts, String text) {
        List<String> onDisk = draftsOnDisk(drafts);
        assertEquals(1, onDisk.size());
        assertTrue(onDisk.getFirst().contains("\"text\" : \"" + text + "\""), onDisk.getFirst());
    }

    @Test
    void aCellBeingTypedInComesBackAsTypedAfterTheAppEnded(@TempDir Path home) throws Exception {
        DraftStore drafts = new DraftStore(home.resolve("drafts"));
        TierWorkbenchViewModel before = window(home, drafts, null);
        before.open(TestProfiles.get("binance-usdm-btc"));
        before.editorProperty().get().setCell(0, Column.MMR, "0.0045");
        before.editorProperty().get().typing(2, Column.MAX_LEVERAGE, "99"); // no Enter
        drafts.close(); // the app ends here

        TierWorkbenchViewModel after = window(home, new DraftStore(home.resolve("drafts")), null);
        assertTrue(after.restoreDraft(EDITED));
        TierEditorViewModel ed = after.editorProperty().get();
        assertEquals("0.0045", ed.rows().get(0).cell(Column.MMR));
        assertEquals(new Typing(2, Column.MAX_LEVERAGE, null, "99"), ed.typingProperty().get());
        assertEquals("75", ed.rows().get(2).cell(Column.MAX_LEVERAGE), "typed, not entered: the cell's value is unchanged");
        assertTrue(after.statusProperty().get().contains("\"99\"") && after.statusProperty().get().contains("Tier 3"),
                after.statusProperty().get());
    }

    @Test
    void theNameFieldBeingTypedInComesBackToo(@TempDir Path home) throws Exception {
        DraftStore drafts = new DraftStore(home.resolve("drafts"));
        TierWorkbenchViewModel before = window(home, drafts, null);
        before.open(TestProfiles.get("binance-usdm-btc"));
        before.editorProperty().get().typingField(ProfileField.NAME, "Binance for class 3");
        drafts.close();

        TierWorkbenchViewModel after = window(home, new DraftStore(home.resolve("drafts")), null);
        assertTrue(after.restoreDraft(EDITED));
        assertEquals(new Typing(-1, null, ProfileField.NAME, "Binance for class 3"), after.editorProperty().get().typingProperty().get());
        assertTrue(after.statusProperty().get().contains("Binance for class 3"), after.statusProperty().get());
    }

    @Test
    void enterTurnsTheTypedTextIntoAnEdit(@TempDir Path home) {
        TierWorkbenchViewModel wb = window(home, new DraftStore(home.resolve("drafts")), null);
        wb.open(TestProfiles.get("binance-usdm-btc"));
        TierEditorViewModel ed = wb.editorProperty().get();
        ed.typing(2, Column.MAX_LEVERAGE, "99");
        ed.setCell(2, Column.MAX_LEVERAGE, "99");
        assertNull(ed.typingProperty().get());
        String draft = draftsOnDisk(home.resolve("drafts")).getFirst();
        assertTrue(draft.contains("\"99\"") && !draft.contains("typing"), draft);
    }

    @Test
    void typedTextReachesTheDiskWithinAboutThreeHundredMillisecondsOffTheCallingThread(@TempDir Path home) throws Exception {
        ExecutorService draftThread = Executors.newSingleThreadExecutor();
        try {
            TierWorkbenchViewModel wb = window(home, new DraftStore(home.resolve("drafts")), draftThread);
            wb.open(TestProfiles.get("binance-usdm-btc"));
            TierEditorViewModel ed = wb.editorProperty().get();
            long start = System.nanoTime();
            for (String text : List.of("9", "99")) {
                ed.typing(2, Column.MAX_LEVERAGE, text);
            }
            long typed = System.nanoTime() - start;
            assertTrue(draftsOnDisk(home.resolve("drafts")).isEmpty(), "nothing written on the typing thread");
            long deadline = start + 2_000_000_000L;
            while (draftsOnDisk(home.resolve("drafts")).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long written = System.nanoTime() - start;
            assertOneDraftTyping(home.resolve("drafts"), "99");
            assertTrue(written < 1_000_000_000L, "on disk after " + written / 1_000_000 + " ms");
            assertTrue(typed < written, "typing did not wait for the disk");
        } finally {
            draftThread.shutdownNow();
        }
    }

    @Test
    void aSaveRightAfterTypingLeavesNoDraftBehind(@TempDir Path home) throws Exception {
        // A write still waiting when the profile is saved must not bring the draft back after the save removed it.
        ExecutorService draftThread = Executors.newSingleThreadExecutor();
        try {
            TierWorkbenchViewModel wb = window(home, new DraftStore(home.resolve("drafts")), draftThread);
            wb.open(TestProfiles.get("binance-usdm-btc"));
            wb.editorProperty().get().setCell(2, Column.MAX_LEVERAGE, "70");
            assertTrue(wb.save());
            Thread.sleep(3 * TierWorkbenchViewModel.DRAFT_DELAY.toMillis());
            wb.flushDrafts();
            assertEquals(List.of(), draftsOnDisk(home.resolve("drafts")));
        } finally {
            draftThread.shutdownNow();
        }
    }

    @Test
    void closingTheAppWritesWhatWasTypedAMomentAgo(@TempDir Path home) throws Exception {
        ExecutorService draftThread = Executors.newSingleThreadExecutor();
        try {
            TierWorkbenchViewModel wb = window(home, new DraftStore(home.resolve("drafts")), draftThread);
            wb.open(TestProfiles.get("binance-usdm-btc"));
            wb.editorProperty().get().typing(2, Column.MAX_LEVERAGE, "99");
            wb.flushDrafts(); // the window closes now, before the 300 ms are up
            assertOneDraftTyping(home.resolve("drafts"), "99");
        } finally {
            draftThread.shutdownNow();
        }
    }

    @Test
    void typedTextSurvivesAKilledProcess(@TempDir Path home) throws Exception {
        // A second JVM, writing drafts as the app does (one thread, 300 ms), types 99 without Enter and is killed.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TypeThenHang.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            assertEquals("typed", out.readLine());
            Thread.sleep(3 * TierWorkbenchViewModel.DRAFT_DELAY.toMillis());
        } finally {
            p.destroyForcibly().waitFor();
        }
        TierWorkbenchViewModel afterKill = window(home, new DraftStore(home.resolve("drafts")), null);
        assertEquals(List.of(EDITED), afterKill.pendingDrafts());
        assertTrue(afterKill.restoreDraft(EDITED));
        assertEquals(new Typing(2, Column.MAX_LEVERAGE, null, "99"), afterKill.editorProperty().get().typingProperty().get());
    }

    /** The process that is killed: types, says so, and waits to be killed. */
    public static final class TypeThenHang {
        public static void main(String[] args) throws Exception {
            Path home = Path.of(args[0]);
            TierWorkbenchViewModel wb = window(home, new DraftStore(home.resolve("drafts")),
                    Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r)));
            wb.open(TestProfiles.get("binance-usdm-btc"));
            wb.editorProperty().get().typing(2, Column.MAX_LEVERAGE, "9");
            wb.editorProperty().get().typing(2, Column.MAX_LEVERAGE, "99");
            System.out.println("typed");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
