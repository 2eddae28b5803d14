package io.liqlab.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scenarios shipped with LiqLab ({@code assets/scenarios/*.json} in the project, bundled under
 * {@code scenarios/} in the jar), ordered by id. A broken file is reported in {@link #problems()} and never stops
 * the others from loading. Subfolders (the schema) are not scenarios.
 */
public final class ScenarioCatalog {

    /** The folder on the class path holding the shipped scenarios. */
    public static final String SHIPPED_FOLDER = "scenarios";

    private final ScenarioReader reader;
    private final Map<String, Scenario> byId;
    private final List<ScenarioProblem> problems;

    private ScenarioCatalog(ScenarioReader reader, Map<String, Scenario> byId, List<ScenarioProblem> problems) {
        this.reader = reader;
        this.byId = byId;
        this.problems = List.copyOf(problems);
    }

    /** Reads the shipped scenarios from the class path (a folder in development, the jar when installed). */
    public static ScenarioCatalog loadShipped(ScenarioReader reader) {
        Map<String, Scenario> byId = new TreeMap<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        try {
            if (!io.liqlab.profile.BundledFolder.read(ScenarioCatalog.class, SHIPPED_FOLDER,
                    folder -> loadFolder(reader, folder, byId, problems))) {
                problems.add(new ScenarioProblem(SHIPPED_FOLDER, "$", "the shipped scenarios are missing from the application (broken install?)"));
            }
        } catch (IOException e) {
            problems.add(new ScenarioProblem(SHIPPED_FOLDER, "$", "cannot list the shipped scenarios: " + e.getMessage()));
        }
        return new ScenarioCatalog(reader, byId, problems);
    }

    /** The scenarios in {@code dir} as if shipped (tests, and checking a folder of candidate files). */
    static ScenarioCatalog loadFolder(ScenarioReader reader, Path dir) {
        Map<String, Scenario> byId = new TreeMap<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        loadFolder(reader, dir, byId, problems);
        return new ScenarioCatalog(reader, byId, problems);
    }

    /** The shipped scenarios, by id. */
    public List<Scenario> scenarios() {
        return List.copyOf(byId.values());
    }

    public Optional<Scenario> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Shipped files that could not be loaded, each with its problems. */
    public List<ScenarioProblem> problems() {
        return problems;
    }

    public ScenarioReader reader() {
        return reader;
    }

    /**
     * The scenario in the file {@code fileOrName} when such a file exists, else the shipped scenario with that id.
     *
     * @throws ScenarioException the file's problems, or one problem naming the shipped ids when neither exists
     */
    public Scenario resolve(String fileOrName) throws ScenarioException {
        Path file = null;
        try {
            file = Path.of(fileOrName);
        } catch (InvalidPathException e) {
            // not a usable path on this system: can only be a name
        }
        if (file != null && Files.isRegularFile(file)) {
            return reader.read(file);
        }
        Scenario shipped = byId.get(fileOrName);
        if (shipped != null) {
            return shipped;
        }
        throw new ScenarioException(new ScenarioProblem("", "", "no scenario file or shipped scenario named '" + fileOrName
                + "' (shipped: " + (byId.isEmpty() ? "none" : String.join(", ", byId.keySet())) + ")"));
    }

    private static void loadFolder(ScenarioReader reader, Path dir, Map<String, Scenario> out, List<ScenarioProblem> problems) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.add(new ScenarioProblem(SHIPPED_FOLDER, "$", "cannot list the folder: " + e.getMessage()));
            return;
        }
        files.sort(Comparator.comparing(Path::toString));
        Map<String, String> seen = new TreeMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String name = SHIPPED_FOLDER + "/" + file.getFileName();
            try (InputStream in = Files.newInputStream(file)) {
                Scenario s = reader.read(name, in);
                String earlier = seen.putIfAbsent(s.id(), name);
                if (earlier != null) {
                    problems.add(new ScenarioProblem(name, "$.id", "'" + s.id() + "' is already used by " + earlier
                            + "; ids must be unique"));
                    continue;
                }
                out.put(s.id(), s);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(new ScenarioProblem(name, "$", "cannot be read: " + e.getMessage()));
            }
        }
    }
}
