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
            return Optional.ofNullable(mapper.readValue(file.toFile(), WorkspaceState.class));
        } catch (RuntimeException e) {
            System.err.println("LiqLab: ignoring unreadable " + file + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
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
