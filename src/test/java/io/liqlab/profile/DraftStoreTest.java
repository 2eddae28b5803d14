package io.liqlab.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drafts belong to the running instance that wrote them; an ended instance's are offered to the next one. */
class DraftStoreTest {

    private static long draftFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".draft.json")).count();
        }
    }

    @Test
    void aRunningInstancesDraftsAreNeitherListedNorRemovedByAnother(@TempDir Path dir) throws Exception {
        DraftStore a = new DraftStore(dir);
        DraftStore b = new DraftStore(dir);
        a.save("textbook", "A's");
        b.save("textbook", "B's");
        assertEquals(List.of(), b.pending());
        assertEquals(List.of(), a.pending());
        b.discard("textbook");
        b.discardLeftBehind("textbook");
        assertEquals(1, draftFiles(dir), "A's draft stays");
        a.close();
        assertEquals(List.of("textbook"), b.pending(), "A ended: its draft is left behind");
    }

    @Test
    void restoringTakesTheLeftBehindDraftOverOnesOwnAndNobodyElseIsOfferedItAgain(@TempDir Path dir) throws Exception {
        try (DraftStore ended = new DraftStore(dir)) {
            ended.save("textbook", "left behind");
        }
        DraftStore next = new DraftStore(dir);
        next.save("textbook", "typed since the start"); // opened the profile before answering the offer
        assertEquals(List.of("textbook"), next.pending());
        assertEquals("left behind", next.load("textbook").orElseThrow());
        assertEquals(List.of(), next.pending());
        assertEquals(List.of(), new DraftStore(dir).pending(), "it is the restoring instance's now");
        assertEquals(1, draftFiles(dir));
    }

    @Test
    void anEndedInstancesEmptyFolderIsTidiedAway(@TempDir Path dir) throws Exception {
        try (DraftStore ended = new DraftStore(dir)) {
            ended.save("textbook", "x");
            ended.discard("textbook");
        }
        assertEquals(List.of(), new DraftStore(dir).pending());
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.findAny().isPresent(), "no folder left behind");
        }
    }

    @Test
    void draftsFromBeforeInstanceFoldersCountAsLeftBehind(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("textbook.draft.json"), "old format");
        DraftStore store = new DraftStore(dir);
        assertEquals(List.of("textbook"), store.pending());
        assertEquals("old format", store.load("textbook").orElseThrow());
        assertTrue(store.pending().isEmpty());
    }
}
