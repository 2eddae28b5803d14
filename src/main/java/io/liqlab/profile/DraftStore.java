package io.liqlab.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unsaved editor state, kept on disk after every change so that a killed app loses nothing: one file per profile
 * being edited, written atomically, holding exactly what was on screen (which may be invalid). Saving the profile
 * discards its draft; the next start lists the drafts left behind to offer them back.
 */
public final class DraftStore {
    private static final String SUFFIX = ".draft.json";
    private final Path dir;

    public DraftStore(Path dir) {
        this.dir = dir;
    }

    public void save(String profileId, String editorState) throws IOException {
        AtomicFiles.write(fileFor(profileId), editorState.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> load(String profileId) throws IOException {
        Path file = fileFor(profileId);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    public void discard(String profileId) throws IOException {
        Files.deleteIfExists(fileFor(profileId));
    }

    /** Ids of the profiles with a draft left on disk. */
    public List<String> pending() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                ids.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        ids.sort(String::compareTo);
        return ids;
    }

    private Path fileFor(String profileId) {
        if (!ProfileReader.ID.matcher(profileId).matches()) {
            throw new IllegalArgumentException("not a profile id: '" + profileId + "'");
        }
        return dir.resolve(profileId + SUFFIX);
    }
}
