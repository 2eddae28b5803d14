package io.liqlab.profile;

import io.liqlab.profile.VenueProfile.Origin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own profiles on disk ({@code <id>.json} in the user profile folder). Every write goes to a temporary
 * file that is then moved into place, so a crash mid-write leaves the old file as it was. Remembers what each
 * file held when it was last read or written, to notice edits made outside the app.
 */
public final class ProfileStore {
    private final Path dir;
    private final ProfileReader reader;
    private final ProfileWriter writer = new ProfileWriter();
    /** What each file held when this store last saw it (SHA-256), or {@link #ABSENT}. */
    private final Map<String, String> knownDigests = new HashMap<>();
    private static final String ABSENT = "absent";

    public ProfileStore(Path dir, ProfileReader reader) {
        this.dir = dir;
        this.reader = reader;
    }

    public Path dir() {
        return dir;
    }

    public Path fileFor(String id) {
        return dir.resolve(id + ".json");
    }

    /** Writes {@code profile} under its id, replacing an earlier version atomically. */
    public VenueProfile save(VenueProfile profile) throws IOException {
        Path file = fileFor(profile.id());
        byte[] bytes = writer.toJson(profile).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
        knownDigests.put(profile.id(), digest(bytes));
        return profile.withOrigin(new Origin(Origin.Kind.USER, file.toString()));
    }

    /**
     * Writes {@code profile} unless its file changed on disk since this store last read, wrote or {@link #track}ed it
     * (another window or program saved it meanwhile): then nothing is written and {@link ChangedOnDiskException} says
     * so, for the caller to offer reload, overwrite or save as.
     */
    public VenueProfile saveUnlessChanged(VenueProfile profile) throws IOException {
        if (changedOnDisk(profile.id()).orElse(false)) {
            throw new ChangedOnDiskException(fileFor(profile.id()));
        }
        return save(profile);
    }

    /** Remembers what the file of {@code id} holds now, or that there is none: the version an editor starts from. */
    public void track(String id) {
        Path file = fileFor(id);
        try {
            knownDigests.put(id, Files.exists(file) ? digest(Files.readAllBytes(file)) : ABSENT);
        } catch (IOException e) {
            knownDigests.remove(id); // unreadable: nothing known to compare with
        }
    }

    /**
     * The version of the file of {@code id} this store last saw (a SHA-256, or "absent"), to keep with unsaved edits
     * made from it; empty when it has not seen the file.
     */
    public Optional<String> seenVersion(String id) {
        return Optional.ofNullable(knownDigests.get(id));
    }

    /** Takes {@code version} (from {@link #seenVersion}) as the version the edits of {@code id} start from. */
    public void assumeSeen(String id, String version) {
        knownDigests.put(id, version);
    }

    /** Reads a user profile by id. */
    public VenueProfile load(String id) throws ProfileException {
        Path file = fileFor(id);
        byte[] bytes;
        try {
            // One bounded read: the digest is of the very bytes parsed, so a change on disk after it makes a later
            // save refused rather than replacing a version nobody has seen.
            bytes = StrictJson.readFile(file, "profile", StrictJson.MAX_FILE_BYTES);
        } catch (StrictJson.Failure f) {
            throw new ProfileException(ProfileProblem.of(f));
        }
        VenueProfile p = reader.read(file.getFileName().toString(), bytes, new Origin(Origin.Kind.USER, file.toString()));
        knownDigests.put(id, digest(bytes));
        return p;
    }

    /** Renames a user profile: the new file is written first, then the old one removed. */
    public void rename(String oldId, VenueProfile renamed) throws IOException {
        if (!ProfileReader.ID.matcher(renamed.id()).matches()) {
            throw new IllegalArgumentException("id must be 1 to 64 lowercase letters, digits or '-', got '" + renamed.id() + "'");
        }
        if (!oldId.equals(renamed.id()) && Files.exists(fileFor(renamed.id()))) {
            throw new IOException("a profile with the id '" + renamed.id() + "' already exists");
        }
        save(renamed);
        if (!oldId.equals(renamed.id())) {
            Files.deleteIfExists(fileFor(oldId));
            knownDigests.remove(oldId);
        }
    }

    public boolean delete(String id) throws IOException {
        knownDigests.remove(id);
        return Files.deleteIfExists(fileFor(id));
    }

    /**
     * Imports a profile file: validated first, and only a valid one is copied into the user folder. A malformed or
     * invalid file throws with every problem and changes nothing.
     */
    public VenueProfile importFile(Path source) throws ProfileException, IOException {
        VenueProfile p = reader.read(source, Origin.Kind.FILE);
        return save(p);
    }

    /** Writes {@code profile} to any file the user chose (export), atomically. */
    public void export(VenueProfile profile, Path target) throws IOException {
        AtomicFiles.writeString(target, writer.toJson(profile));
    }

    /**
     * Whether the file of {@code id} changed on disk since this store last read or wrote it (edited outside the
     * app, or deleted, or made where there was none). Empty when this store has not seen the file.
     */
    public Optional<Boolean> changedOnDisk(String id) {
        String known = knownDigests.get(id);
        if (known == null) {
            return Optional.empty();
        }
        Path file = fileFor(id);
        try {
            if (known.equals(ABSENT)) {
                return Optional.of(Files.exists(file));
            }
            return Optional.of(!Files.exists(file) || !known.equals(digest(Files.readAllBytes(file))));
        } catch (IOException e) {
            return Optional.of(true);
        }
    }

    /** A save refused because the file changed on disk since this store last saw it. */
    public static final class ChangedOnDiskException extends IOException {
        private final transient Path file;

        public ChangedOnDiskException(Path file) {
            super(file + " changed on disk since it was opened");
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
