package io.liqlab.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 15: reading only regular files, bounded; per-file isolation; name limits; leftovers; private folders. */
class FileReliabilityTest {

    private static String textbook() throws IOException {
        try (var in = FileReliabilityTest.class.getResourceAsStream("/venue-profiles/textbook.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyRegularFilesAreRead() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        StrictJson.Failure f = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(StrictJson.Failure.class, () -> StrictJson.readFile(Path.of("/dev/zero"), "profile", 1 << 20)));
        assertEquals("/dev/zero", f.file());
        assertTrue(f.getMessage().contains("not a regular file"), f.getMessage());
    }

    @Test
    void aFileOverTheLimitIsRefusedNamingTheLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.liqlab.json");
        Files.write(big, new byte[2000]);
        StrictJson.Failure f = assertThrows(StrictJson.Failure.class, () -> StrictJson.readFile(big, "session", 1000));
        assertTrue(f.getMessage().contains("at most 1000 bytes"), f.getMessage());
        Path exact = dir.resolve("exact");
        Files.write(exact, new byte[1000]);
        assertEquals(1000, StrictJson.readFile(exact, "x", 1000).length, "a file at the limit is read");
    }

    @Test
    void theLimitHoldsWhateverTheFileSystemSaysTheSizeIs() throws Exception {
        // A /proc file is regular and says its size is 0, yet holds more: the read stops at the limit plus one byte.
        Path proc = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(proc) && Files.size(proc) == 0);
        StrictJson.Failure f = assertThrows(StrictJson.Failure.class, () -> StrictJson.readFile(proc, "profile", 16));
        assertTrue(f.getMessage().contains("larger than 16 bytes"), f.getMessage());
    }

    @Test
    void aHugeIntegerIsTooLargeToRepresentAtItsPath() throws Exception {
        String json = textbook().replaceFirst("\"cap\"\\s*:\\s*null", "\"cap\": 1" + "0".repeat(400));
        ProfileException e = assertThrows(ProfileException.class,
                () -> new ProfileReader().read("huge.json", json.getBytes(StandardCharsets.UTF_8), null));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals("$.tiers[0].cap")
                && p.message().contains("a number too large to represent")), e.problems().toString());
    }

    @Test
    void aProfileNameIsAtMost200Characters() throws Exception {
        String json = textbook().replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": \"" + "n".repeat(500_000) + "\"");
        ProfileException e = assertThrows(ProfileException.class,
                () -> new ProfileReader().read("long.json", json.getBytes(StandardCharsets.UTF_8), null));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals("$.name") && p.message().contains("at most 200 characters")),
                e.problems().toString());
    }

    @Test
    void aBrokenFileNeverStopsTheOthers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("huge.json"), textbook().replaceFirst("\"id\"\\s*:\\s*\"textbook\"", "\"id\": \"huge\"")
                .replaceFirst("\"cap\"\\s*:\\s*null", "\"cap\": 1" + "0".repeat(400)));
        Files.writeString(dir.resolve("mine.json"), textbook().replaceFirst("\"id\"\\s*:\\s*\"textbook\"", "\"id\": \"mine\""));
        Path fifo = dir.resolve("x.json");
        boolean piped = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        ProfileCatalog catalog = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ProfileCatalog.load(new ProfileReader(), dir));
        assertTrue(catalog.find("mine").isPresent());
        assertTrue(catalog.find("textbook").isPresent());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.file().endsWith("huge.json")), catalog.problems().toString());
        if (piped) {
            assertTrue(catalog.problems().stream().anyMatch(p -> p.file().endsWith("x.json") && p.message().contains("not a regular file")),
                    catalog.problems().toString());
        }
    }

    @Test
    void leftoversOfKilledSavesAreRemovedAndNothingElse(@TempDir Path dir) throws Exception {
        Path profiles = dir.resolve("venue-profiles");
        Files.createDirectories(profiles);
        Path stale = Files.writeString(profiles.resolve(".mine.json.8123456789012345678.tmp"), "half");
        Path staleDraft = Files.createDirectories(dir.resolve("drafts")).resolve(".x.draft.json.42.tmp");
        Files.writeString(staleDraft, "half");
        Path staleInstance = Files.createDirectories(dir.resolve("drafts").resolve("instance-abc")).resolve(".y.draft.json.7.tmp");
        Files.writeString(staleInstance, "half");
        Path fresh = Files.writeString(profiles.resolve(".other.json.77.tmp"), "being written now");
        Path profile = Files.writeString(profiles.resolve("mine.json"), "{}");
        Path hidden = Files.writeString(profiles.resolve(".notes.tmp"), "not ours");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (Path p : new Path[] {stale, staleDraft, staleInstance, profile, hidden}) {
            Files.setLastModifiedTime(p, old);
        }
        assertEquals(3, UserDirectories.removeLeftovers(dir));
        assertFalse(Files.exists(staleInstance));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleDraft));
        assertTrue(Files.exists(fresh), "a save in progress elsewhere keeps its file");
        assertTrue(Files.exists(profile));
        assertTrue(Files.exists(hidden));
    }

    @Test
    void foldersForTheUsersFilesAreCreatedPrivate(@TempDir Path dir) throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path home = dir.resolve("home");
        new ProfileStore(home.resolve("venue-profiles"), new ProfileReader())
                .save(new ProfileReader().read("t.json", textbook().getBytes(StandardCharsets.UTF_8),
                        new VenueProfile.Origin(VenueProfile.Origin.Kind.FILE, "t.json")));
        new DraftStore(home.resolve("drafts")).save("textbook", "{}");
        for (Path p : new Path[] {home, home.resolve("venue-profiles"), home.resolve("drafts")}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }
}
