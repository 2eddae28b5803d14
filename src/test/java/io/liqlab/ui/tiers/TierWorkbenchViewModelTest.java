package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileStore;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving, drafts after every change, recovery in a fresh instance, imports and deletes. */
class TierWorkbenchViewModelTest {

    private static TierWorkbenchViewModel workbench(Path home) {
        return workbench(home, new DraftStore(home.resolve("drafts")));
    }

    private static TierWorkbenchViewModel workbench(Path home, DraftStore drafts) {
        return new TierWorkbenchViewModel(TestProfiles.catalog().profiles(), new ProfileStore(home.resolve("profiles"), new ProfileReader()),
                drafts);
    }

    @Test
    void everyChangeIsKeptAsADraftAndAFreshInstanceRestoresExactlyIt(@TempDir Path home) throws Exception {
        DraftStore firstDrafts = new DraftStore(home.resolve("drafts"));
        TierWorkbenchViewModel first = workbench(home, firstDrafts);
        first.open(TestProfiles.get("binance-usdm-btc"));
        first.editorProperty().get().setCell(0, Column.MMR, "0.45");
        first.editorProperty().get().setCell(3, Column.MAX_LEVERAGE, "not yet");
        String onScreen = first.editorProperty().get().toDraft();
        // The app is killed here: nothing saved. Its process ends, and with it its hold on its drafts.
        firstDrafts.close();

        TierWorkbenchViewModel second = workbench(home);
        assertEquals(List.of("binance-usdm-btc-edited"), second.pendingDrafts());
        assertTrue(second.restoreDraft("binance-usdm-btc-edited"));
        assertEquals(onScreen, second.editorProperty().get().toDraft());
        assertEquals("not yet", second.editorProperty().get().rows().get(3).cell(Column.MAX_LEVERAGE));
    }

    @Test
    void saveWritesAUserCopyDiscardsTheDraftAndReadsBack(@TempDir Path home) throws Exception {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("hyperliquid-btc"));
        wb.editorProperty().get().setCell(0, Column.MMR, "1.5");
        assertTrue(wb.save(), wb.statusProperty().get());
        assertTrue(wb.pendingDrafts().isEmpty());
        ProfileCatalog reloaded = ProfileCatalog.load(new ProfileReader(), home.resolve("profiles"));
        assertEquals(0.015, reloaded.find("hyperliquid-btc-edited").orElseThrow().rules().tiers().tier(0).maintenanceMarginRate());
        assertEquals(0.0125, reloaded.find("hyperliquid-btc").orElseThrow().rules().tiers().tier(0).maintenanceMarginRate(), "shipped untouched");
        assertTrue(wb.profiles().stream().anyMatch(p -> p.id().equals("hyperliquid-btc-edited")), "the copy can be opened at once");
    }

    @Test
    void anInvalidScheduleIsNotSaved(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("textbook"));
        wb.editorProperty().get().setCell(0, Column.MMR, "50");
        assertFalse(wb.save());
        assertTrue(wb.statusProperty().get().startsWith("Not saved"), wb.statusProperty().get());
        assertFalse(Files.exists(home.resolve("profiles").resolve("textbook-edited.json")));
    }

    @Test
    void theProblemsStatusFollowsTheEdits(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("textbook"));
        TierEditorViewModel e = wb.editorProperty().get();
        e.setCell(0, Column.MMR, "50");
        assertFalse(wb.save());
        assertTrue(wb.statusProperty().get().contains("has problems (1)"), wb.statusProperty().get());
        e.undoStack().undo();
        assertEquals("No problems left: textbook-edited can be saved.", wb.statusProperty().get());
        e.setCell(0, Column.MMR, "50");
        assertEquals("No problems left: textbook-edited can be saved.", wb.statusProperty().get(), "only a shown count is followed");
    }

    @Test
    void aUserEditIsDatedTodayWithUserEditedConfidence(@TempDir Path home) throws Exception {
        java.time.Clock today = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T12:00:00Z"), java.time.ZoneOffset.UTC);
        TierWorkbenchViewModel wb = new TierWorkbenchViewModel(TestProfiles.catalog().profiles(),
                new ProfileStore(home.resolve("profiles"), new ProfileReader()), new DraftStore(home.resolve("drafts")), today);
        wb.open(TestProfiles.get("binance-usdm-btc"));
        TierEditorViewModel e = wb.editorProperty().get();
        e.setCell(0, Column.MMR, "0.45");
        assertTrue(wb.saveAs("my-binance", e.copyName()), wb.statusProperty().get());
        VenueProfile copy = ProfileCatalog.load(new ProfileReader(), home.resolve("profiles")).find("my-binance").orElseThrow();
        assertEquals("Binance USD-M BTCUSDT (copy)", copy.name());
        assertEquals("2026-12-07", copy.provenance().asOf());
        assertEquals("low", copy.provenance().confidence());
        assertTrue(copy.provenance().asOfNote().contains("binance-usdm-btc (data as of " + TestProfiles.get("binance-usdm-btc").provenance().asOf() + ")"),
                copy.provenance().asOfNote());
        assertTrue(copy.provenance().confidenceNote().contains("User-edited"), copy.provenance().confidenceNote());
        // The copy's copy is "(copy)" once, not "(copy) (copy)".
        assertEquals("Binance USD-M BTCUSDT (copy)", wb.editorProperty().get().copyName());

        // An unchanged copy keeps the data's own date: nothing was edited.
        wb.open(TestProfiles.get("gte-btc"));
        assertTrue(wb.saveAs("gte-again", wb.editorProperty().get().copyName()));
        VenueProfile same = ProfileCatalog.load(new ProfileReader(), home.resolve("profiles")).find("gte-again").orElseThrow();
        assertEquals(TestProfiles.get("gte-btc").provenance(), same.provenance());
    }

    @Test
    void importingABrokenFileChangesNothingAndSaysEveryProblem(@TempDir Path home) throws Exception {
        TierWorkbenchViewModel wb = workbench(home);
        Path broken = Files.writeString(home.resolve("broken.json"), "{\"id\": \"x\", \"tiers\": []}");
        assertFalse(wb.importFile(broken));
        assertTrue(wb.statusProperty().get().contains("$.tiers") && wb.statusProperty().get().contains("$.name"), wb.statusProperty().get());
        assertFalse(Files.exists(home.resolve("profiles")));
    }

    @Test
    void saveAsRenameAndDelete(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("gte-btc"));
        assertTrue(wb.saveAs("gte-classroom", "GTE for class"));
        assertEquals("gte-classroom", wb.editorProperty().get().idProperty().get());
        assertTrue(Files.exists(home.resolve("profiles").resolve("gte-classroom.json")));
        assertFalse(wb.saveAs("Bad Id", "x"));
        assertTrue(wb.delete());
        assertFalse(Files.exists(home.resolve("profiles").resolve("gte-classroom.json")));
    }

    @Test
    void anOutsideEditIsNoticed(@TempDir Path home) throws Exception {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("textbook"));
        assertTrue(wb.save());
        Path file = home.resolve("profiles").resolve("textbook-edited.json");
        Files.writeString(file, Files.readString(file).replace("Textbook (edited)", "Changed elsewhere"));
        assertTrue(wb.checkOutsideEdits());
        assertTrue(wb.statusProperty().get().contains("changed outside"));
    }

    @Test
    void renameMovesTheFileAndKeepsEditing(@TempDir Path home) {
        TierWorkbenchViewModel wb = workbench(home);
        wb.open(TestProfiles.get("textbook"));
        assertTrue(wb.save());
        assertTrue(wb.rename("classroom"), wb.statusProperty().get());
        assertTrue(Files.exists(home.resolve("profiles").resolve("classroom.json")));
        assertFalse(Files.exists(home.resolve("profiles").resolve("textbook-edited.json")));
        assertEquals("classroom", wb.editorProperty().get().idProperty().get());
        assertFalse(wb.rename("NOT OK"));
    }

    @Test
    void aDraftSurvivesAKilledProcess(@TempDir Path home) throws Exception {
        // A second JVM edits a profile and is killed (SIGKILL) before saving; this one gets the edits back.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DraftThenHang.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        assertEquals("edited", line);
        p.destroyForcibly().waitFor();
        TierWorkbenchViewModel afterCrash = workbench(home);
        assertEquals(List.of("okx-swap-btc-edited"), afterCrash.pendingDrafts());
        assertTrue(afterCrash.restoreDraft("okx-swap-btc-edited"));
        assertEquals("1.2", afterCrash.editorProperty().get().rows().get(1).cell(Column.MMR));
    }

    /** The process that is killed: edits, says so, and waits to be killed. */
    public static final class DraftThenHang {
        public static void main(String[] args) throws Exception {
            TierWorkbenchViewModel wb = workbench(Path.of(args[0]));
            wb.open(TestProfiles.get("okx-swap-btc"));
            wb.editorProperty().get().setCell(1, Column.MMR, "1.2");
            System.out.println("edited");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
