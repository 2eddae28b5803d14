package io.liqlab.ui.workspace;

import io.liqlab.profile.AtomicFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Session files ({@code *.liqlab.json}): the positions, selected profiles and chart settings of a workspace, so a
 * lesson or an analysis can be saved and opened again. Files carry a format version; this version reads format 1
 * and says clearly when a file comes from a newer LiqLab.
 */
public final class SessionFiles {
    public static final String FORMAT = "liqlab-session";
    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = ".liqlab.json";
    private static final int MAX_RECENT = 8;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final JsonMapper mapper = MAPPER;
    private final Path recentFile;

    /** @param recentFile where the list of recently used sessions is kept */
    public SessionFiles(Path recentFile) {
        this.recentFile = recentFile;
    }

    /**
     * A session file that cannot be opened, with a message for people. The messages stay in English here, not in
     * the UI's bundle: {@code liqlab open FILE} prints them on stderr, and the command line's output is a contract.
     */
    public static final class SessionException extends Exception {
        public SessionException(String message) {
            super(message);
        }
    }

    public void save(Path file, WorkspaceState state, String savedBy) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("savedBy", savedBy);
        root.set("session", mapper.valueToTree(state));
        AtomicFiles.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        remember(file);
    }

    /** Reads a session and adds it to the recent list. */
    public WorkspaceState open(Path file) throws SessionException {
        WorkspaceState state = read(file);
        remember(file);
        return state;
    }

    /** Reads a session without remembering it (checks before opening the window). */
    public static WorkspaceState read(Path file) throws SessionException {
        JsonMapper mapper = MAPPER;
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SessionException(file + ": no such file");
        } catch (IOException e) {
            throw new SessionException(file + ": cannot be read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new SessionException(file + ": not a LiqLab session (" + io.liqlab.profile.StrictJson.syntaxError(e) + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asString(""))) {
            throw new SessionException(file + ": not a LiqLab session file (it has no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new SessionException(file + ": written by a newer LiqLab (" + root.path("savedBy").asString("unknown")
                    + ", session format " + version + "); this version reads format " + FORMAT_VERSION + ". Update LiqLab to open it.");
        }
        if (version < 1) {
            throw new SessionException(file + ": $.formatVersion must be a whole number from 1, got " + root.path("formatVersion"));
        }
        try {
            WorkspaceState state = mapper.treeToValue(root.path("session"), WorkspaceState.class);
            if (state == null) {
                throw new SessionException(file + ": $.session is missing");
            }
            return state;
        } catch (JacksonException e) {
            throw new SessionException(file + ": $.session: " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    /** Recently saved or opened sessions, newest first; files that no longer exist are left out. */
    public List<Path> recent() {
        List<Path> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(recentFile)) {
                for (JsonNode n : mapper.readTree(Files.readString(recentFile))) {
                    Path p = Path.of(n.asString(""));
                    if (Files.isRegularFile(p)) {
                        out.add(p);
                    }
                }
            }
        } catch (IOException | JacksonException e) {
            // an unreadable list is an empty one
        }
        return out;
    }

    private void remember(Path file) {
        List<Path> list = new ArrayList<>(recent());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.addFirst(abs);
        while (list.size() > MAX_RECENT) {
            list.removeLast();
        }
        try {
            AtomicFiles.writeString(recentFile, mapper.writeValueAsString(list.stream().map(Path::toString).toList()));
        } catch (IOException e) {
            // not remembering a recent file is no reason to fail the save
        }
    }
}
