package io.liqlab.ui.tiers;

import io.liqlab.ui.Text;
import io.liqlab.ui.shell.Dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions the tier editor asks the user before going on. The window answers them through the app's one
 * {@link Dialogs} service ({@link #using}); a view-model test answers them itself, without a toolkit. A question a
 * test does not answer is cancelled.
 */
public interface TierEditorPrompts {

    /** What to do when the file changed on disk since this window read or wrote it. */
    enum OnConflict {
        /** Throw the edits away and show the file as it is now. */
        RELOAD,
        /** Save the edits over the other version. */
        OVERWRITE,
        /** Save the edits as a new profile, leaving the other version as it is. */
        SAVE_AS,
        /** Save nothing and keep editing. */
        KEEP_EDITING
    }

    /** Asks what to do with a save whose file another window or program changed meanwhile. */
    OnConflict fileChanged(String profileId, Path file);

    /** Asks for the id of a copy, suggesting {@code suggested}; empty when the user cancels. */
    Optional<String> idForCopy(String suggested);

    /** Asks for the new id of the user profile {@code id}; empty when cancelled. */
    default Optional<String> newId(String id) {
        return Optional.empty();
    }

    /** Asks where to split tier {@code tierNumber} (1-based), as typed; empty when cancelled. */
    default Optional<String> splitAt(int tierNumber) {
        return Optional.empty();
    }

    /** Asks to confirm deleting the user profile {@code id} (Cancel is the default). */
    default boolean confirmDelete(String id) {
        return false;
    }

    /** Asks which profile file to import; empty when cancelled. */
    default Optional<Path> fileToImport() {
        return Optional.empty();
    }

    /** Asks where to export the profile, offering {@code suggestedName}; empty when cancelled. */
    default Optional<Path> exportTo(String suggestedName) {
        return Optional.empty();
    }

    /** Asks nothing: saves nothing over a changed file, and says so in the status line. */
    TierEditorPrompts KEEP_EDITING = new TierEditorPrompts() {
        @Override
        public OnConflict fileChanged(String profileId, Path file) {
            return OnConflict.KEEP_EDITING;
        }

        @Override
        public Optional<String> idForCopy(String suggested) {
            return Optional.empty();
        }
    };

    /** The tier editor's questions asked through the window's dialog service, in the editor's words. */
    static TierEditorPrompts using(Dialogs dialogs) {
        return new TierEditorPrompts() {
            @Override
            public OnConflict fileChanged(String profileId, Path file) {
                // Keep editing is the safe answer (and the default): the others throw something away.
                int chosen = dialogs.choose("tier-conflict", Text.get("tiers.conflict.title"), Text.format("tiers.conflict.header", profileId),
                        Text.format("tiers.conflict.text", profileId, file), List.of(Text.get("tiers.conflict.reload"),
                                Text.get("tiers.conflict.overwrite"), Text.get("tiers.conflict.saveAs"), Text.get("tiers.conflict.keepEditing")), 3);
                return switch (chosen) {
                    case 0 -> OnConflict.RELOAD;
                    case 1 -> OnConflict.OVERWRITE;
                    case 2 -> OnConflict.SAVE_AS;
                    default -> OnConflict.KEEP_EDITING;
                };
            }

            @Override
            public Optional<String> idForCopy(String suggested) {
                return dialogs.askText("tier-save-as-dialog", Text.get("tiers.saveAs.title"), Text.get("tiers.saveAs.question"), suggested);
            }

            @Override
            public Optional<String> newId(String id) {
                return dialogs.askText("tier-rename-dialog", Text.get("tiers.rename.title"), Text.format("tiers.rename.question", id), id);
            }

            @Override
            public Optional<String> splitAt(int tierNumber) {
                return dialogs.askText("tier-split-dialog", Text.get("tiers.split.title"), Text.format("tiers.split.question", tierNumber), "");
            }

            @Override
            public boolean confirmDelete(String id) {
                return dialogs.confirm("tier-delete-dialog", Text.get("tiers.delete.title"), Text.format("tiers.delete.question", id),
                        Text.get("tiers.delete.confirm"));
            }

            @Override
            public Optional<Path> fileToImport() {
                return dialogs.chooseOpenFile(Text.get("tiers.file.profile"), "*.json");
            }

            @Override
            public Optional<Path> exportTo(String suggestedName) {
                return dialogs.chooseSaveFile(suggestedName, Text.get("tiers.file.profile"), "*.json");
            }
        };
    }
}
