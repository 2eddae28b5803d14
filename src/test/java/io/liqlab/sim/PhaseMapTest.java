package io.liqlab.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phase map: each cell a standalone run, every cell once coarse first, the same on any number of threads. */
class PhaseMapTest {

    private static Scenario small;

    @BeforeAll
    static void load() {
        // The 10 October crowd, small and short enough for a unit test.
        small = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow()
                .withPositions(3_000).withDuration(240);
    }

    private static PhaseMap.Request request(int nx, int ny, long firstSeed, int seeds) {
        return new PhaseMap.Request(small, SimFixtures.rules(small), new PhaseMap.Axis(PhaseMap.Parameter.SHOCK, -2, -12, nx),
                new PhaseMap.Axis(PhaseMap.Parameter.DEPTH, 0.25, 4, ny), firstSeed, seeds);
    }

    @Test
    void eachCellIsTheMedianOfStandaloneRunsOfItsScenario() {
        PhaseMap.Request r = request(3, 2, 5, 3);
        PhaseMap.Result map = PhaseMap.run(r, 2, (c, d, t) -> { }, () -> false);
        for (PhaseMap.Cell cell : map.cells()) {
            double[] liquidated = new double[3];
            double[] maxR = new double[3];
            for (int i = 0; i < 3; i++) {
                Scenario s = small.withDriver(small.driver().withShockPercent(r.x().value(cell.ix())))
                        .withBook(small.book().withDepthMultiplier(r.y().value(cell.iy()))).withSeed(5 + i);
                SimulationSummary alone = Simulator.run(s, SimFixtures.rules(s)).summary();
                liquidated[i] = alone.liquidatedNotional();
                maxR[i] = alone.maxR();
            }
            Arrays.sort(liquidated);
            Arrays.sort(maxR);
            assertEquals(liquidated[1], cell.liquidatedNotional(), "cell " + cell);
            assertEquals(maxR[1], cell.maxR(), "cell " + cell);
            assertEquals(maxR[1] > 1, cell.cascade());
        }
        assertTrue(map.cells().stream().anyMatch(PhaseMap.Cell::cascade), "a quarter of the depth should cascade");
        assertTrue(map.cells().stream().anyMatch(c -> !c.cascade()), "four times the depth should absorb somewhere");
    }

    @Test
    void shockAloneIsWhatTheShockedPriceCrossesValuedAtThatPrice() {
        // Longs liquidated at 58,000, 57,000 and 50,000 (textbook rules: isolated, no tiers), a short at 70,000.
        Scenario s = new SimFixtures.Hand().venue("textbook").shock(0, -5).build();
        var rules = SimFixtures.rules("textbook");
        List<Simulator.PlacedPosition> placed = new ArrayList<>();
        for (double lev : new double[] {30, 20, 6}) {
            placed.add(new Simulator.PlacedPosition(1, 60_000, 1, 60_000 / lev));
        }
        placed.add(new Simulator.PlacedPosition(-1, 60_000, 2, 60_000 / 7.0));
        Positions p = PopulationGenerator.place(rules, 60_000, placed);
        // -5%: 57,000; the 30x and 20x longs' triggers (about 58,000 and 57,000) are at or above it, the 6x's not.
        double shocked = 57_000;
        double[] triggers = Arrays.copyOf(p.trigger, p.longCount);
        long crossed = Arrays.stream(triggers).filter(t -> t >= shocked).count();
        assertEquals(crossed * shocked, PhaseMap.shockAloneNotional(s, p), 1e-6);
        assertTrue(crossed >= 1 && crossed < 3, Arrays.toString(triggers));
        assertEquals(0, PhaseMap.shockAloneNotional(s.withDriver(s.driver().withShockPercent(0)), p));
        // +20%: 72,000 crosses the short (7x: about 68,500), valued at 72,000 x 2.
        assertEquals(2 * 72_000, PhaseMap.shockAloneNotional(s.withDriver(s.driver().withShockPercent(20)), p), 1e-6);
    }

    @Test
    void coarseFirstThenRefinedVisitsEveryCellOnce() {
        for (int[] size : new int[][] {{32, 32}, {1, 1}, {5, 9}, {10, 3}, {100, 100}}) {
            int nx = size[0];
            int ny = size[1];
            int[] order = PhaseMap.visitOrder(nx, ny);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                assertEquals(i, sorted[i], "every cell once, " + nx + "x" + ny);
            }
            // The strides 4, then 2, then 1: a cell's stride never grows along the order.
            int previous = 4;
            for (int c : order) {
                int stride = stride(c / ny, c % ny);
                assertTrue(stride <= previous, nx + "x" + ny + " cell " + c + " comes after a finer one");
                previous = stride;
            }
        }
        int[] order = PhaseMap.visitOrder(32, 32);
        assertEquals(64, Arrays.stream(order).limit(64).filter(c -> (c / 32) % 4 == 0 && (c % 32) % 4 == 0).count());
    }

    private static int stride(int ix, int iy) {
        return ix % 4 == 0 && iy % 4 == 0 ? 4 : ix % 2 == 0 && iy % 2 == 0 ? 2 : 1;
    }

    @Test
    void listenerHearsEachCellOnceInTheCoarseFirstOrderOnOneThread() {
        PhaseMap.Request r = request(5, 5, 1, 1);
        List<Integer> heard = new ArrayList<>();
        PhaseMap.run(r, 1, (c, done, total) -> {
            heard.add(c.ix() * 5 + c.iy());
            assertEquals(heard.size(), done);
            assertEquals(25, total);
        }, () -> false);
        assertEquals(Arrays.stream(PhaseMap.visitOrder(5, 5)).boxed().toList(), heard);
    }

    @Test
    void threadsChangeNoCell() {
        PhaseMap.Request r = request(4, 3, 2, 2);
        PhaseMap.Result one = PhaseMap.run(r, 1, (c, d, t) -> { }, () -> false);
        for (int threads : new int[] {2, 3}) {
            PhaseMap.Result many = PhaseMap.run(r, threads, (c, d, t) -> { }, () -> false);
            assertEquals(one.cells(), many.cells(), threads + " threads");
            assertEquals(threads, many.threads());
        }
    }

    @Test
    void cancelStopsTheMap() {
        PhaseMap.Request r = request(8, 8, 1, 1);
        AtomicInteger done = new AtomicInteger();
        assertThrows(CancellationException.class, () -> PhaseMap.run(r, 2, (c, d, t) -> done.incrementAndGet(), () -> done.get() >= 3));
        assertTrue(done.get() < 8, "stopped after " + done.get() + " of 64 cells");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SHOCK|-2|-95|4|shock: must be within -90 to 90 (percent), got -95",
            "DEPTH|2|2|4|depth: the two ends are equal (2)",
            "DEPTH|0.5|2|0|depth steps: must be a whole number from 1 to 10,000, got 0",
            "LEVERAGE|0.5|9|3|leverage: must be within 0.25 to 4"})
    void badAxesAreRefusedWithTheirRange(PhaseMap.Parameter p, double from, double to, int steps, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhaseMap.Axis(p, from, to, steps));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void moreThanTenThousandCellsAreRefused() {
        var x = new PhaseMap.Axis(PhaseMap.Parameter.SHOCK, -1, -10, 101);
        var y = new PhaseMap.Axis(PhaseMap.Parameter.DEPTH, 1, 2, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PhaseMap.Request(small, SimFixtures.rules(small), x, y));
        assertEquals("101 x 100 = 10,100 cells; at most 10,000", e.getMessage());
    }
}
