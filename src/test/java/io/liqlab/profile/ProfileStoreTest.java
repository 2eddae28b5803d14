package io.liqlab.profile;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving user profiles safely: atomic writes, imports that change nothing when broken, drafts that survive a kill. */
class ProfileStoreTest {

    @Test
    void aFailureMidWriteLeavesTheOldFileByteIdentical(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "the old content");
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new con".getBytes());
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void saveThenLoadGivesTheSameProfileAndNoticesOutsideEdits(@TempDir Path dir) throws Exception {
        ProfileStore store = new ProfileStore(dir, new ProfileReader());
        VenueProfile binance = TestProfiles.get("binance-usdm-btc");
        store.save(binance);
        assertEquals(binance.rules().tiers().tiers(), store.load("binance-usdm-btc").rules().tiers().tiers());
        assertEquals(false, store.changedOnDisk("binance-usdm-btc").orElseThrow());
        Files.writeString(store.fileFor("binance-usdm-btc"), Files.readString(store.fileFor("binance-usdm-btc")).replace("Binance USD-M BTCUSDT", "Edited"));
        assertTrue(store.changedOnDisk("binance-usdm-btc").orElseThrow());
    }

    @Test
    void importingABrokenFileReportsEveryProblemAndChangesNothing(@TempDir Path dir) throws Exception {
        Path user = dir.resolve("user");
        ProfileStore store = new ProfileStore(user, new ProfileReader());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(Path.of("venue-profiles", "gte-btc.json"))
                .replace("\"maintenanceMarginRate\": 0.01", "\"maintenanceMarginRate\": 3")
                .replace("\"confidence\": \"medium\"", "\"confidence\": \"sure\""));
        ProfileException e = assertThrows(ProfileException.class, () -> store.importFile(broken));
        assertTrue(e.problems().size() >= 2, e.problems().toString());
        assertFalse(Files.exists(user), "nothing written");
        Files.writeString(broken, Files.readString(Path.of("venue-profiles", "gte-btc.json")).replace("\"id\": \"gte-btc\"", "\"id\": \"gte-copy\""));
        assertEquals("gte-copy", store.importFile(broken).id());
        assertTrue(Files.exists(store.fileFor("gte-copy")));
    }

    @Test
    void renameWritesTheNewFileAndRemovesTheOld(@TempDir Path dir) throws Exception {
        ProfileStore store = new ProfileStore(dir, new ProfileReader());
        VenueProfile p = store.save(TestProfiles.get("textbook"));
        VenueProfile renamed = new VenueProfile("classroom", p.name(), p.venue(), p.market(), p.rules(), p.amountSources(),
                p.launchParameters(), p.text(), p.provenance(), p.origin());
        store.rename("textbook", renamed);
        assertFalse(Files.exists(store.fileFor("textbook")));
        assertEquals("classroom", store.load("classroom").id());
        assertTrue(store.delete("classroom"));
    }

    @Test
    void draftsSurviveAFreshStoreAndGoAwayWhenDiscarded(@TempDir Path dir) throws Exception {
        try (DraftStore before = new DraftStore(dir)) { // the app that wrote it has ended
            before.save("binance-usdm-btc", "{\"what\": \"was on screen\"}");
        }
        DraftStore afterRestart = new DraftStore(dir);
        assertEquals(List.of("binance-usdm-btc"), afterRestart.pending());
        assertEquals("{\"what\": \"was on screen\"}", afterRestart.load("binance-usdm-btc").orElseThrow());
        afterRestart.discard("binance-usdm-btc");
        assertTrue(afterRestart.pending().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> afterRestart.save("../escape", "x"));
    }
}
