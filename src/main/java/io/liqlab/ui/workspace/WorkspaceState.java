package io.liqlab.ui.workspace;

import java.util.List;
import java.util.Map;

/**
 * What LiqLab remembers between runs: the window, the look, and the last inputs.
 *
 * @param inputs  the position form's fields by name, as typed
 * @param cascade the cascade pane's scenario, what-if settings and moment, or null (not opened, or an older file)
 * @param playbackSpeed the cascade's playback speed (simulated seconds per second), or null (an older file)
 */
public record WorkspaceState(double x, double y, double width, double height, boolean maximized, String theme,
                             boolean presentation, String profileId, String side, String marginMode, String sizeUnit,
                             String marginInput, Map<String, String> inputs, List<String> comparedProfiles, int tab,
                             io.liqlab.ui.cascade.CascadeState cascade, Double playbackSpeed) {

    /** A state without a playback speed (as files from before it was kept). */
    public WorkspaceState(double x, double y, double width, double height, boolean maximized, String theme,
                          boolean presentation, String profileId, String side, String marginMode, String sizeUnit,
                          String marginInput, Map<String, String> inputs, List<String> comparedProfiles, int tab,
                          io.liqlab.ui.cascade.CascadeState cascade) {
        this(x, y, width, height, maximized, theme, presentation, profileId, side, marginMode, sizeUnit, marginInput,
                inputs, comparedProfiles, tab, cascade, null);
    }

    public WorkspaceState withCascade(io.liqlab.ui.cascade.CascadeState state) {
        return new WorkspaceState(x, y, width, height, maximized, theme, presentation, profileId, side, marginMode,
                sizeUnit, marginInput, inputs, comparedProfiles, tab, state, playbackSpeed);
    }

    public WorkspaceState withPlaybackSpeed(Double speed) {
        return new WorkspaceState(x, y, width, height, maximized, theme, presentation, profileId, side, marginMode,
                sizeUnit, marginInput, inputs, comparedProfiles, tab, cascade, speed);
    }
}
