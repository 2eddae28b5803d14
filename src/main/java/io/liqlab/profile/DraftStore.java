package io.liqlab.profile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unsaved editor state, kept on disk as it changes so that a killed app loses nothing: one file per profile being
 * edited, written atomically, holding exactly what was on screen (which may be invalid).
 *
 * <p>Drafts belong to one running instance of the app. Each instance writes into a folder of its own under
 * {@code drafts/} and holds a lock on the {@code instance.lock} file in it for as long as it runs; the operating
 * system lets go of that lock when the process ends, however it ends. Another instance never lists, restores or
 * removes the drafts of a folder whose lock is held; the drafts of an ended instance (lock free) are offered at the
 * next start, and restoring one moves it into the restoring instance's folder, so that it has one owner again.
 * Drafts at the top of {@code drafts/} (from versions before instance folders) count as left behind.
 */
public final class DraftStore implements AutoCloseable {
    private static final String SUFFIX = ".draft.json";
    private static final String LOCK = "instance.lock";
    private static final String INSTANCE_PREFIX = "instance-";
    /**
     * Lock files this JVM holds. A second channel on a locked file in the same JVM cannot ask the OS (it throws,
     * and on Linux closing that channel would drop the holder's lock), so the JVM's own locks are looked up here.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private Path own;
    private FileChannel lockChannel;
    private FileLock lock;

    public DraftStore(Path dir) {
        this.dir = dir;
    }

    /** Keeps the draft of {@code profileId} in this instance's folder, replacing the previous one. */
    public synchronized void save(String profileId, String editorState) throws IOException {
        AtomicFiles.write(ownFolder().resolve(fileName(profileId)), editorState.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The draft of {@code profileId} to restore: the newest one an ended instance left behind, which then becomes this
     * instance's (moved into its folder, replacing its own, so no other instance offers it again); or else this
     * instance's own.
     */
    public synchronized Optional<String> load(String profileId) throws IOException {
        String name = fileName(profileId);
        Optional<Path> left = leftBehind(name);
        if (left.isPresent()) {
            try {
                Files.move(left.get(), ownFolder().resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                // another instance restored it a moment ago: it is that one's now
            }
        }
        Path mine = own == null ? null : own.resolve(name);
        return mine != null && Files.isRegularFile(mine) ? Optional.of(Files.readString(mine, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Removes this instance's draft of {@code profileId}; drafts of other instances are not touched. */
    public synchronized void discard(String profileId) throws IOException {
        if (own != null) {
            Files.deleteIfExists(own.resolve(fileName(profileId)));
        }
    }

    /** Removes the drafts of {@code profileId} that ended instances left behind (the user turned the offer down). */
    public synchronized void discardLeftBehind(String profileId) throws IOException {
        String name = fileName(profileId);
        for (Optional<Path> left = leftBehind(name); left.isPresent(); left = leftBehind(name)) {
            Files.deleteIfExists(left.get());
        }
    }

    /** Ids of the profiles with a draft left on disk by an instance that is no longer running. */
    public synchronized List<String> pending() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path f : leftBehindFiles()) {
            String name = f.getFileName().toString();
            ids.add(name.substring(0, name.length() - SUFFIX.length()));
        }
        return new ArrayList<>(ids);
    }

    /** Lets go of this instance's drafts: from now on they count as left behind (a closed or ended app). */
    @Override
    public synchronized void close() throws IOException {
        if (lock != null) {
            HELD_HERE.remove(own.resolve(LOCK).toAbsolutePath().normalize());
            try {
                lock.release();
            } finally {
                lockChannel.close();
                lock = null;
                lockChannel = null;
                own = null;
            }
        }
    }

    /** The folder of this instance, made and locked on first use (a fresh one if a stale name is taken). */
    private Path ownFolder() throws IOException {
        if (own != null) {
            return own;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Path folder = dir.resolve(INSTANCE_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
            try {
                AtomicFiles.createPrivateDirectories(folder); // rwx------: the drafts are the user's own
                FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = channel.tryLock();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                // Held, or removed meanwhile, by an instance tidying up ended instances' folders: take another name.
                if (l == null || !Files.exists(folder.resolve(LOCK))) {
                    channel.close();
                    continue;
                }
                lockChannel = channel;
                lock = l;
                own = folder;
                HELD_HERE.add(folder.resolve(LOCK).toAbsolutePath().normalize());
                return own;
            } catch (NoSuchFileException e) { // removed as an empty left-behind folder while being made: try again
                last = e;
            }
        }
        throw last != null ? last : new IOException("cannot lock a draft folder in " + dir);
    }

    /** The newest draft named {@code name} that an ended instance left behind. */
    private Optional<Path> leftBehind(String name) throws IOException {
        return leftBehindFiles().stream().filter(f -> f.getFileName().toString().equals(name))
                .max(Comparator.comparing(DraftStore::modified));
    }

    private List<Path> leftBehindFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        drafts(dir, files);
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, INSTANCE_PREFIX + "*")) {
            entries.forEach(folders::add);
        }
        for (Path folder : folders) {
            if (folder.equals(own) || !Files.isDirectory(folder) || running(folder.resolve(LOCK))) {
                continue;
            }
            int before = files.size();
            drafts(folder, files);
            if (files.size() == before) {
                removeEnded(folder);
            }
        }
        return files;
    }

    /** Removes the folder of an ended instance that holds no draft any more, holding its lock meanwhile. */
    private static void removeEnded(Path folder) {
        Path lockFile = folder.resolve(LOCK);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = channel.tryLock();
            if (l == null) {
                return;
            }
            List<Path> left = new ArrayList<>();
            drafts(folder, left);
            if (left.isEmpty()) {
                Files.delete(lockFile);
                Files.delete(folder); // fails, harmlessly, if anything else is in it
            }
        } catch (IOException | RuntimeException e) {
            // an empty folder left for later is harmless
        }
    }

    private static void drafts(Path folder, List<Path> into) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    into.add(f);
                }
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile: nothing in it
        }
    }

    /** Whether the instance that owns {@code lockFile} still runs (holds the lock). */
    private static boolean running(Path lockFile) {
        if (HELD_HERE.contains(lockFile.toAbsolutePath().normalize())) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = channel.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (NoSuchFileException e) {
            return false; // no lock file: nobody can hold it
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: leave its drafts alone
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String fileName(String profileId) {
        if (!ProfileReader.ID.matcher(profileId).matches()) {
            throw new IllegalArgumentException("not a profile id: '" + profileId + "'");
        }
        return profileId + SUFFIX;
    }
}
