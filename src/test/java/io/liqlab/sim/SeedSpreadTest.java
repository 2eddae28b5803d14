package io.liqlab.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A scenario over a range of seeds: the same figures on any number of threads as one after the other. */
class SeedSpreadTest {

    private static ScenarioCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = ScenarioCatalog.loadShipped(new ScenarioReader());
    }

    @Test
    void threadsChangeNoFigureOfASequentialRun() {
        Scenario s = catalog.byId("2025-10-10").orElseThrow().withPositions(5_000).withDuration(600);
        List<SimulationSummary> sequential = new ArrayList<>();
        for (long seed = 11; seed <= 18; seed++) {
            sequential.add(Simulator.run(s.withSeed(seed), SimFixtures.rules(s)).summary());
        }
        var expected = SeedSpread.bands(sequential);
        for (int threads : new int[] {1, 2, 3, 8}) {
            SeedSpread.Result r = SeedSpread.run(s, SimFixtures.rules(s), 11, 18, threads);
            assertEquals(8, r.summaries().size());
            for (int i = 0; i < 8; i++) {
                // Bit for bit, apart from the wall-clock time.
                assertEquals(withoutTime(sequential.get(i)), withoutTime(r.summaries().get(i)), "seed " + (11 + i) + ", " + threads + " threads");
            }
            assertEquals(expected, r.bands(), threads + " threads");
        }
    }

    private static SimulationSummary withoutTime(SimulationSummary m) {
        return new SimulationSummary(m.ticks(), m.positions(), m.liquidations(), m.liquidatedNotionalLong(),
                m.liquidatedNotionalShort(), m.partialLiquidations(), m.backstopNotional(), m.adlCount(), m.adlNotional(),
                m.insuranceFundMin(), m.insuranceFundEnd(), m.badDebt(), m.priceStart(), m.priceLow(), m.priceEnd(), m.maxR(),
                0, m.bookRanOutSecond());
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        SeedSpread.Band b = SeedSpread.band(new double[] {4, 1, 3, 2});
        assertEquals(2.5, b.median(), 1e-12);
        assertEquals(1.3, b.p10(), 1e-12);
        assertEquals(3.7, b.p90(), 1e-12);
        assertEquals(4, b.defined());
        SeedSpread.Band one = SeedSpread.band(new double[] {7});
        assertEquals(new SeedSpread.Band(7, 7, 7, 1), one);
        assertEquals(0, SeedSpread.band(new double[0]).defined());
        assertEquals(Double.NaN, SeedSpread.band(new double[0]).median());
    }

    @Test
    void refusesAnEmptyOrTooLargeRange() {
        Scenario s = catalog.byId("classroom-small").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> SeedSpread.run(s, SimFixtures.rules(s), 5, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> SeedSpread.run(s, SimFixtures.rules(s), 1, 1001, 1));
        assertThrows(IllegalArgumentException.class, () -> SeedSpread.run(s, SimFixtures.rules(s), 1, 2, 0));
    }
}
