package io.liqlab.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a file so that a crash mid-write leaves the old file intact: temporary file, fsync, atomic move. Files that
 * belong together are replaced together or not at all ({@link #writeAll}).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the content into a stream; may fail half-way, which must leave the target untouched. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static void write(Path target, Content content) throws IOException {
        writeAll(List.of(target), List.of(content));
    }

    /**
     * Writes several files that belong together (a frames file and its heatmap): every temporary file is written
     * first, then each is moved into place; if one cannot be, the ones already replaced get their old content
     * back (or are removed if they are new), so a failure leaves all of them as they were.
     *
     * <p>A symbolic link is written through: its target gets the new content and the link stays. A path that
     * names something other than a regular file (a device, a pipe, a folder) is refused.
     *
     * @throws IOException naming the target that could not be written ({@link FileSystemException#getFile()})
     */
    public static void writeAll(List<Path> targets, List<Content> contents) throws IOException {
        int n = targets.size();
        Path[] destinations = new Path[n];
        Path[] temporary = new Path[n];
        Path[] backups = new Path[n];
        int moved = 0;
        try {
            for (int k = 0; k < n; k++) {
                destinations[k] = destination(targets.get(k));
                try {
                    temporary[k] = writeTemporary(destinations[k], contents.get(k));
                } catch (IOException e) {
                    throw naming(targets.get(k), e);
                }
            }
            for (int k = 0; k < n; k++) {
                try {
                    if (n > 1 && Files.exists(destinations[k], LinkOption.NOFOLLOW_LINKS)) {
                        backups[k] = keepCopy(destinations[k]);
                    }
                    move(temporary[k], destinations[k]);
                } catch (IOException e) {
                    throw naming(targets.get(k), e);
                }
                moved++;
            }
        } catch (IOException | RuntimeException | Error e) {
            for (int k = moved - 1; k >= 0; k--) {
                try {
                    if (backups[k] != null) {
                        move(backups[k], destinations[k]);
                    } else {
                        Files.deleteIfExists(destinations[k]);
                    }
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        } finally {
            for (int k = 0; k < n; k++) {
                deleteQuietly(temporary[k]);
                deleteQuietly(backups[k]);
            }
        }
    }

    /** The file a write to {@code target} replaces: the end of its chain of symbolic links, or itself. */
    public static Path destination(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            }
            // Relative to the link's real folder, not lexically: ".." must follow a linked parent folder.
            p = p.getParent().toRealPath().resolve(Files.readSymbolicLink(p));
            if (!Files.isDirectory(p.getParent())) {
                throw new FileSystemException(target.toString(), null, "is a link into a folder that does not exist ("
                        + p.getParent() + ")");
            }
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(target.toString(), null, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    ? "is a folder, not a file" : "is not a regular file (a device or a pipe); choose a file name");
        }
        return p;
    }

    private static Path writeTemporary(Path destination, Content content) throws IOException {
        Path dir = destination.getParent();
        createPrivateDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + destination.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            matchPermissions(tmp, destination);
            return tmp;
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Creates {@code dir} and its missing parents readable by their owner only (rwx------ where the file system
     * has POSIX permissions): the folders LiqLab creates hold the user's profiles, drafts and sessions.
     */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.getFileStore(existing).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.createDirectories(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Temporary and backup files of {@link #writeAll}: "." + the target's name + "." + digits + ".tmp" or ".old". */
    private static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile("\\..+\\.-?\\d+\\.(tmp|old)");

    /**
     * Removes the temporary files that writes killed half-way left in {@code dir} (a write removes its own when it
     * ends, even when it fails). Only files older than {@code minAge} go, so a write in progress in another
     * window keeps its file. Never fails: what cannot be removed stays.
     *
     * @return how many files were removed
     */
    public static int removeLeftovers(Path dir, java.time.Duration minAge) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        java.time.Instant before = java.time.Instant.now().minus(minAge);
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*")) {
            for (Path f : files) {
                try {
                    if (LEFTOVER.matcher(f.getFileName().toString()).matches()
                            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                        Files.delete(f);
                        removed++;
                    }
                } catch (IOException e) {
                    // left for the next start
                }
            }
        } catch (IOException e) {
            // an unreadable folder has nothing we could remove
        }
        return removed;
    }

    /** A copy of {@code file} beside it, to put back if a later file of the same write fails: a hard link, or a copy. */
    private static Path keepCopy(Path file) throws IOException {
        Path backup = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".old");
        Files.delete(backup);
        try {
            Files.createLink(backup, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return backup;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temporary file is harmless; the write's own outcome is what the caller hears
            }
        }
    }

    /** The same failure, naming the file the user asked for rather than a temporary one. */
    private static IOException naming(Path target, IOException e) {
        // Only the file system's own failures name a (temporary) file; what the content's writer threw stays as it is.
        if (!(e instanceof FileSystemException f) || target.toString().equals(f.getFile())) {
            return e;
        }
        String reason = f.getReason();
        FileSystemException named = e instanceof AccessDeniedException
                ? new AccessDeniedException(target.toString(), null, reason)
                : e instanceof NoSuchFileException ? new NoSuchFileException(target.toString(), null, reason)
                : new FileSystemException(target.toString(), null, reason);
        named.initCause(e);
        return named;
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes keeps the permissions of the
     * file it replaces, or gets the usual rw-r--r-- of a new file (an export another program opens).
     */
    private static void matchPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }
}
