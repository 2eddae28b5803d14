package io.liqlab.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {

    @Test
    void aNewFileIsReadableByOthersLikeAnyExport(@TempDir Path dir) throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "no POSIX permissions here");
        Path file = dir.resolve("frames.csv");
        AtomicFiles.writeString(file, "time\n0\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("time\n0\n", Files.readString(file));
    }

    @Test
    void aReplacedFileKeepsItsPermissions(@TempDir Path dir) throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "no POSIX permissions here");
        Path file = dir.resolve("session.liqlab.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.writeString(file, "new");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void filesWrittenTogetherAreAllReplacedOrNoneIs(@TempDir Path dir) throws Exception {
        Path frames = dir.resolve("run.csv");
        Path heatmap = dir.resolve("run.heatmap.csv");
        Files.writeString(frames, "old frames");
        Files.writeString(heatmap, "old heatmap");
        // The heatmap's move fails after the frames file has been replaced: a folder with a file in it takes its place.
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> AtomicFiles.writeAll(
                java.util.List.of(frames, heatmap),
                java.util.List.of(out -> out.write("new frames".getBytes()), out -> {
                    out.write("new heatmap".getBytes());
                    Files.delete(heatmap);
                    Files.createDirectory(heatmap);
                    Files.writeString(heatmap.resolve("inside"), "x");
                })));
        assertEquals(heatmap.toString(), ((java.nio.file.FileSystemException) e).getFile(), "names the file that failed");
        assertEquals("old frames", Files.readString(frames), "the frames file is put back");
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of("run.csv", "run.heatmap.csv"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary or backup file is left");
        }
    }

    @Test
    void aNewPairIsRemovedWhenItsSecondFileFails(@TempDir Path dir) throws Exception {
        Path frames = dir.resolve("run.csv");
        Path heatmap = dir.resolve("run.heatmap.csv");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> AtomicFiles.writeAll(
                java.util.List.of(frames, heatmap),
                java.util.List.of(out -> out.write("new frames".getBytes()), out -> {
                    Files.createDirectory(heatmap);
                    Files.writeString(heatmap.resolve("inside"), "x");
                })));
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(frames), "a frames file without its heatmap is not left behind");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("real.csv");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target.getFileName());
        AtomicFiles.writeString(link, "new");
        org.junit.jupiter.api.Assertions.assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aDeviceIsRefusedRatherThanReplaced() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device) && !Files.isRegularFile(device), "no /dev/null here");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> AtomicFiles.writeString(device, "x"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(Files.isRegularFile(device));
    }

    @Test
    void aRelativeLinkIsFollowedFromItsRealFolder(@TempDir Path dir) throws Exception {
        // s -> real/sub, and real/sub/out.csv -> ../data/out.csv: the target is real/data/out.csv, not dir/data/out.csv.
        Files.createDirectories(dir.resolve("real/sub"));
        Files.createDirectories(dir.resolve("real/data"));
        Files.writeString(dir.resolve("real/data/out.csv"), "old");
        Files.createSymbolicLink(dir.resolve("s"), dir.resolve("real/sub"));
        Files.createSymbolicLink(dir.resolve("real/sub/out.csv"), Path.of("../data/out.csv"));
        AtomicFiles.writeString(dir.resolve("s/out.csv"), "new");
        assertEquals("new", Files.readString(dir.resolve("real/data/out.csv")));
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(dir.resolve("data")), "no folder made beside the link");
    }
}
