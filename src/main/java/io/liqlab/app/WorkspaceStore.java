package io.liqlab.app;

import io.liqlab.profile.AtomicFiles;
import io.liqlab.ui.workspace.WorkspaceState;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Keeps {@link WorkspaceState} as JSON in the user's config folder; a missing or unreadable file means defaults. */
public final class WorkspaceStore {
    private final Path file;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public WorkspaceStore(Path file) {
        this.file = file;
    }

    public Optional<WorkspaceState> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // Read as sessions are (a regular file, at most 1 MiB), and with the cascade's values in their ranges.
            WorkspaceState state = mapper.readValue(io.liqlab.profile.StrictJson.readFile(file, "workspace",
                    io.liqlab.ui.workspace.SessionFiles.MAX_FILE_BYTES), WorkspaceState.class);
            if (state == null) {
                return Optional.empty();
            }
            java.util.List<String> adjusted = new java.util.ArrayList<>();
            state = io.liqlab.ui.workspace.SessionFiles.checkRanges(state, "$", adjusted);
            adjusted.forEach(a -> System.err.println("LiqLab: " + file + ": " + a));
            return Optional.of(state);
        } catch (io.liqlab.profile.StrictJson.Failure e) {
            System.err.println("LiqLab: ignoring " + file + " (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (RuntimeException e) {
            System.err.println("LiqLab: ignoring unreadable " + file + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            return Optional.empty();
        }
    }

    public void save(WorkspaceState state) {
        try {
            AtomicFiles.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        } catch (IOException | RuntimeException e) {
            System.err.println("LiqLab: could not save " + file + ": " + e.getMessage());
        }
    }
}
