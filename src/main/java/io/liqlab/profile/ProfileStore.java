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
    private final Map<String, String> knownDigests = new HashMap<>();

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

    /** Reads a user profile by id. */
    public VenueProfile load(String id) throws ProfileException {
        Path file = fileFor(id);
        VenueProfile p = reader.read(file, Origin.Kind.USER);
        try {
            knownDigests.put(id, digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(file.toString(), "$", "cannot be read: " + e.getMessage()));
        }
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
     * app, or deleted). Empty when this store has not seen the file.
     */
    public Optional<Boolean> changedOnDisk(String id) {
        String known = knownDigests.get(id);
        if (known == null) {
            return Optional.empty();
        }
        Path file = fileFor(id);
        try {
            return Optional.of(!Files.exists(file) || !known.equals(digest(Files.readAllBytes(file))));
        } catch (IOException e) {
            return Optional.of(true);
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
