package io.liqlab.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The what-if re-runs take their ordered population from a cache: a run that reuses one must be the run a fresh
 * JVM would make, frame for frame, whatever ran on that population before.
 */
class PopulationCacheTest {

    private static Scenario small;

    @BeforeAll
    static void load() {
        small = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow()
                .withPositions(5_000).withDuration(300);
    }

    @Test
    void shockAndDepthChangesReuseThePopulationAndGiveTheStandaloneRun() {
        PopulationCache cache = new PopulationCache(64L << 20);
        Scenario deeper = small.withBook(small.book().withDepthMultiplier(0.5));
        Scenario harder = deeper.withDriver(small.driver().withShockPercent(-9));
        for (Scenario s : new Scenario[] {small, deeper, harder, small}) {
            SimulationResult cached = cache.call(() -> Simulator.run(s, SimFixtures.rules(s)));
            assertSameFrames(Simulator.run(s, SimFixtures.rules(s)), cached);
        }
        assertEquals(1, cache.misses(), "one population drawn");
        assertEquals(3, cache.hits(), "shock and depth changes reuse it");
    }

    @Test
    void anotherVenueOrCrowdDrawsItsOwnAndComingBackReusesIt() {
        PopulationCache cache = new PopulationCache(64L << 20);
        Scenario hyperliquid = small.withVenue("hyperliquid-btc");
        Scenario moreShorts = small.withLongShare(0.5);
        for (Scenario s : new Scenario[] {small, hyperliquid, moreShorts, small, hyperliquid}) {
            SimulationResult cached = cache.call(() -> Simulator.run(s, SimFixtures.rules(s)));
            assertSameFrames(Simulator.run(s, SimFixtures.rules(s)), cached);
        }
        assertEquals(3, cache.misses());
        assertEquals(2, cache.hits());
    }

    @Test
    void aWhatIfCacheStartsAnotherVenueFromTheKeptDrawAndGivesTheStandaloneRun() {
        PopulationCache cache = new PopulationCache(64L << 20, true);
        Scenario hyperliquid = small.withVenue("hyperliquid-btc");
        Scenario okx = small.withVenue("okx-swap-btc");
        Scenario moreShorts = small.withLongShare(0.5);
        for (Scenario s : new Scenario[] {small, hyperliquid, okx, moreShorts, okx.withDriver(small.driver().withShockPercent(-9))}) {
            SimulationResult cached = cache.call(() -> Simulator.run(s, SimFixtures.rules(s)));
            assertSameFrames(Simulator.run(s, SimFixtures.rules(s)), cached);
        }
        assertEquals(4, cache.misses(), "each venue's population, and another crowd's, ordered once");
        assertEquals(2, cache.drawsReused(), "Hyperliquid and OKX priced Binance's draw; another crowd is drawn anew");
        assertEquals(1, cache.hits());
    }

    @Test
    void eachRunStartsFromAnUntouchedCopyAndTheWorkingCopyIsLentToOneRunAtATime() {
        PopulationCache cache = new PopulationCache(64L << 20);
        Scenario s = small.withVenue("hyperliquid-btc");
        Positions ordered = cache.call(() -> PopulationGenerator.sharedOrdered(s, SimFixtures.rules(s), () -> false));
        Positions first = cache.lendCopy(ordered);
        // A run changes its copy: positions closed, cut, re-triggered.
        first.state[0] = Positions.CLOSED;
        first.quantity[1] /= 2;
        first.trigger[first.size - 1] = 1;
        Positions second = cache.lendCopy(ordered);
        assertNotSame(first, second, "lent out: a second run gets a copy of its own");
        assertSameColumns(ordered, second);
        cache.giveBack(first);
        Positions third = cache.lendCopy(ordered);
        assertSame(first, third, "given back: the next run reuses its arrays");
        assertSameColumns(ordered, third);
        assertArrayEquals(new byte[ordered.size], third.state, "every position open and in its sorted slot");
    }

    private static void assertSameColumns(Positions expected, Positions actual) {
        assertEquals(expected.longCount, actual.longCount);
        assertArrayEquals(expected.entry, actual.entry);
        assertArrayEquals(expected.quantity, actual.quantity);
        assertArrayEquals(expected.margin, actual.margin);
        assertArrayEquals(expected.trigger, actual.trigger);
    }

    private static String withoutTime(SimulationSummary s) {
        return s.toString().replaceAll("elapsedMillis=[0-9]+", "");
    }

    private static void assertSameFrames(SimulationResult expected, SimulationResult actual) {
        assertEquals(withoutTime(expected.summary()), withoutTime(actual.summary()));
        Frames e = expected.frames();
        Frames a = actual.frames();
        assertEquals(e.size(), a.size());
        for (FrameColumn c : FrameColumn.values()) {
            assertArrayEquals(e.column(c), a.column(c), c.name());
        }
        for (int f = 0; f < e.size(); f++) {
            for (int b = 0; b < e.heatBuckets(); b++) {
                assertEquals(e.heat(f, b), a.heat(f, b), "heat at frame " + f + ", bucket " + b);
            }
        }
    }
}
