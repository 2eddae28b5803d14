package io.liqlab.ui.learn;

import io.liqlab.ui.position.PositionViewModel;

/** What a guided example can set up: the position workspace, the tab shown, and the cascade pane. */
public interface LearningTargets {

    PositionViewModel position();

    /** Shows the tab with this id ({@code tab-position}, {@code tab-cascade}, ...). */
    void showTab(String tabId);

    /**
     * Opens {@code scenarioId} in the cascade pane; plays it from the start, or, with {@code atSecond} not NaN,
     * jumps there and pauses.
     */
    void openCascade(String scenarioId, double atSecond, boolean play);

    /**
     * The Position chart a step talks about ({@code chart-leverage}, {@code chart-size}, {@code chart-time}): the
     * presentation slide, which has room for one chart, shows that one. Nothing to do where all charts are shown.
     */
    default void showChart(String chartId) {
    }

    /**
     * The profile {@code id}, made available in the form's list (and every tab's) when it is a market of the shipped
     * snapshot not listed yet; empty where none is known.
     */
    default java.util.Optional<io.liqlab.profile.VenueProfile> bringProfile(String id) {
        return position().profiles().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
