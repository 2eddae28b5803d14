package io.liqlab.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CASCADE.md's R is "liquidation notional triggered per 1% move" over "book depth per 1% move": taken in the direction
 * the price is moving (the mid against the mark that follows it), not on the side of the start price. After the 10
 * October squeeze a -2% shock drops the price while it is still above the start; R measured upward then divided the
 * few shorts waiting there by the asks the drop had just emptied (floored at 1 USD), and the phase map's whole -2%
 * column read "cascade" with a maxR of 10^3 to 10^6.
 */
class CascadeRatioDirectionTest {

    private static SimulationResult twoPercentShock() {
        Scenario october = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow();
        Scenario s = october.withPositions(50_000).withDriver(october.driver().withShockPercent(-2));
        return Simulator.run(s, SimFixtures.rules(s));
    }

    @Test
    void aTwoPercentShockAfterTheSqueezeIsReadInTheDirectionOfTheFall() {
        SimulationResult r = twoPercentShock();
        Frames f = r.frames();
        int shock = (int) Math.round(r.scenario().driver().shock().atSecond() / r.scenario().clock().tickSeconds());
        assertTrue(f.get(FrameColumn.MID, shock) < f.get(FrameColumn.MARK, shock), "the shock drops the mid below the lagging mark");
        assertTrue(f.get(FrameColumn.MARK, shock) > r.scenario().market().startPrice(), "still above the start after the squeeze");
        assertEquals(f.get(FrameColumn.R_DOWN, shock), f.get(FrameColumn.R, shock), "R is taken downward, where the price goes");
        assertTrue(r.summary().maxR() < 10, "maxR a ratio of depth and liquidations, not of near-zeros: " + r.summary().maxR());
    }

    @Test
    void everyFramesRIsTheOneOnTheSideThePriceIsMovingTo() {
        SimulationResult r = twoPercentShock();
        Frames f = r.frames();
        for (int k = 1; k < f.size(); k++) {
            double mid = f.get(FrameColumn.MID, k);
            double mark = f.get(FrameColumn.MARK, k);
            if (mid != mark) {
                FrameColumn side = mid < mark ? FrameColumn.R_DOWN : FrameColumn.R_UP;
                assertEquals(f.get(side, k), f.get(FrameColumn.R, k), "frame " + k + ": mid " + mid + ", mark " + mark);
            }
        }
    }
}
