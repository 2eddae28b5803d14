package io.liqlab.ui.tiers;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the tier editor asks the user. The view answers them with dialogs; a view-model test answers them
 * itself, without a toolkit.
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
}
