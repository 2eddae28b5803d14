package io.liqlab.ui.workspace;

import io.liqlab.profile.AtomicFiles;
import io.liqlab.profile.StrictJson;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.ui.cascade.CascadeState;
import io.liqlab.ui.cascade.CascadeViewModel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
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
        return openChecked(file).state();
    }

    /** Reads a session, with what had to be adjusted in it, and adds it to the recent list. */
    public Opened openChecked(Path file) throws SessionException {
        Opened opened = readChecked(file);
        remember(file);
        return opened;
    }

    /** Reads a session without remembering it (checks before opening the window). */
    public static WorkspaceState read(Path file) throws SessionException {
        return readChecked(file).state();
    }

    /**
     * A session as read, and each value that was outside its range and was brought into it or left out, as
     * "$.session.cascade.positions: ..." lines for the status line or stderr.
     */
    public record Opened(WorkspaceState state, List<String> adjusted) {
        public Opened {
            adjusted = List.copyOf(adjusted);
        }
    }

    /** Sessions larger than this are refused before parsing; a real one is a few kilobytes. */
    public static final long MAX_FILE_BYTES = StrictJson.MAX_FILE_BYTES;

    /**
     * Reads a session as profiles are read ({@link StrictJson}): a regular file only, at most 1 MiB, UTF-8 (a
     * byte-order mark is fine), no duplicate keys; then the fields' types, and the cascade's values against the
     * ranges the Cascade tab offers (positions: a scenario file's).
     */
    public static Opened readChecked(Path file) throws SessionException {
        JsonNode root;
        try {
            root = SESSION_JSON.parse(file.toString(), StrictJson.readFile(file, "session", MAX_FILE_BYTES));
        } catch (StrictJson.Failure f) {
            throw new SessionException(f.file() + ": " + (f.path().equals("$") ? "" : f.path() + ": ") + f.getMessage());
        }
        if (!root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw new SessionException(file + ": not a LiqLab session file (it has no \"format\": \"" + FORMAT + "\")");
        }
        JsonNode versionNode = root.path("formatVersion");
        double version = versionNode.isNumber() ? StrictJson.toDouble(versionNode) : Double.NaN;
        if (Double.isFinite(version) && version == Math.rint(version) && version > FORMAT_VERSION) {
            throw new SessionException(file + ": written by a newer LiqLab (" + root.path("savedBy").asString("unknown")
                    + ", session format " + StrictJson.fmt(version) + "); this version reads format " + FORMAT_VERSION
                    + ". Update LiqLab to open it.");
        }
        if (version != FORMAT_VERSION) {
            throw new SessionException(file + ": $.formatVersion: must be the whole number " + FORMAT_VERSION + ", got "
                    + StrictJson.kind(versionNode, n -> StrictJson.fmt(StrictJson.toDouble(n))));
        }
        JsonNode session = root.get("session");
        if (session == null || session.isNull()) {
            throw new SessionException(file + ": $.session: is missing; a session file holds the workspace there");
        }
        WorkspaceState state;
        try {
            state = MAPPER.treeToValue(session, WorkspaceState.class);
        } catch (JacksonException e) {
            throw new SessionException(file + ": " + typeError(e, session));
        }
        if (state == null) {
            throw new SessionException(file + ": $.session: is missing; a session file holds the workspace there");
        }
        List<String> adjusted = new ArrayList<>();
        return new Opened(checkRanges(state, "$.session", adjusted), adjusted);
    }

    private static final StrictJson SESSION_JSON = new StrictJson("session");

    /**
     * A type error as someone editing the file reads it: the field's JSON path and what it allows, never the Java
     * type ("$.session.tab: must be a whole number, got the string \"x\"").
     */
    static String typeError(JacksonException e, JsonNode session) {
        StringBuilder path = new StringBuilder("$.session");
        JsonNode found = session;
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append('.').append(r.getPropertyName());
                found = found == null ? null : found.get(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
                found = found == null ? null : found.get(r.getIndex());
            }
        }
        Class<?> target = e instanceof tools.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
        return path + ": must be " + allowed(target)
                + (found == null ? "" : ", got " + StrictJson.kind(found, n -> StrictJson.fmt(StrictJson.toDouble(n))));
    }

    private static String allowed(Class<?> type) {
        if (type == null) {
            return "of the kind LiqLab writes there (see a saved session)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object of field names and strings";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list of strings";
        }
        return "an object";
    }

    /**
     * The state with every cascade value outside the range the Cascade tab offers brought to the nearest allowed
     * value (or, when it is not a number at all, left to the scenario's own), each change noted in {@code adjusted}.
     * A session is edited by hand sometimes; a value out of range must not reach the engine.
     */
    public static WorkspaceState checkRanges(WorkspaceState state, String path, List<String> adjusted) {
        CascadeState c = state.cascade();
        if (c == null) {
            return state;
        }
        String p = path + ".cascade.";
        // The Cascade tab's ranges, not a scenario file's wider ones (shock +-90): a value the tab cannot show would run
        // unseen, and the status line would name a value the slider does not.
        double shock = clamp(c.shockPercent(), -CascadeViewModel.MAX_SHOCK_PERCENT, CascadeViewModel.MAX_SHOCK_PERCENT, p + "shockPercent", adjusted);
        double depth = clamp(c.depthMultiplier(), MIN_DEPTH_MULTIPLIER, MAX_DEPTH_MULTIPLIER, p + "depthMultiplier", adjusted);
        double longShare = clamp(c.longShare(), 0, 1, p + "longShare", adjusted);
        int positions = c.positions();
        if (positions < 1 || positions > ScenarioReader.MAX_POSITIONS) {
            int to = positions < 1 ? 0 : ScenarioReader.MAX_POSITIONS;
            adjusted.add(p + "positions: " + positions + " is outside 1 to " + ScenarioReader.MAX_POSITIONS + "; "
                    + (to == 0 ? "the scenario's own count is used" : "used " + to));
            positions = to;
        }
        double second = c.second();
        if (!(second >= 0) || Double.isInfinite(second)) {
            adjusted.add(p + "second: " + StrictJson.fmt(second) + " is not a moment of the run (0 or more); the run starts at 0");
            second = 0;
        }
        return state.withCascade(new CascadeState(c.scenarioId(), c.venueId(), shock, depth, c.leverageMix(), longShare,
                positions, c.partialLiquidation(), c.backstop(), c.adl(), c.sideBySide(), c.compareVenueId(), second));
    }

    /** The what-if book depth multiplier's range, as the Cascade tab's slider offers it. */
    public static final double MIN_DEPTH_MULTIPLIER = CascadeViewModel.MIN_DEPTH_MULTIPLIER;
    public static final double MAX_DEPTH_MULTIPLIER = CascadeViewModel.MAX_DEPTH_MULTIPLIER;

    /** {@code v} within [lo, hi]; NaN means "not given", left for the scenario's own value. */
    private static double clamp(double v, double lo, double hi, String path, List<String> adjusted) {
        if (Double.isNaN(v)) {
            adjusted.add(path + ": is not a number; the scenario's own value is used");
            return Double.NaN;
        }
        if (v < lo || v > hi) {
            double to = Math.max(lo, Math.min(hi, v));
            adjusted.add(path + ": " + StrictJson.fmt(v) + " is outside " + StrictJson.fmt(lo) + " to " + StrictJson.fmt(hi)
                    + " (what the Cascade tab offers); used " + StrictJson.fmt(to));
            return to;
        }
        return v;
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
