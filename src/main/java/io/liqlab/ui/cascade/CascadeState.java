package io.liqlab.ui.cascade;

/**
 * The cascade pane's part of a session: the open scenario, its what-if settings and the moment shown. Names and
 * ids, so a session still opens when a scenario or profile has gone (that part is then skipped).
 *
 * @param leverageMix a {@link CascadeViewModel.LeverageMix} name
 * @param adl         a {@link io.liqlab.sim.Scenario.AdlMode} name
 * @param second      the simulated second on screen
 */
public record CascadeState(String scenarioId, String venueId, double shockPercent, double depthMultiplier,
                           String leverageMix, double longShare, int positions, boolean partialLiquidation,
                           boolean backstop, String adl, boolean sideBySide, String compareVenueId, double second) {
}
