package io.liqlab.sim;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What must hold for any run, whatever the scenario: money is conserved, nothing goes negative that cannot,
 * running totals only grow, the frames add up to the summary, and a run is a pure function of scenario and seed.
 * Checked over every shipped scenario (new ones are picked up automatically) and over seeded random scenarios
 * that reach every venue and every what-if switch.
 */
class SimulationInvariantsTest {

    /** Shipped scenarios are sampled more coarsely to keep this fast; the cascade is the same (sizeScale). */
    private static final int MAX_POSITIONS = 20_000;
    private static final int RANDOM_SCENARIOS = 21; // venue x ADL mode: every pair once (SimFixtures.random)

    static Stream<Arguments> scenarios() {
        List<Arguments> out = new ArrayList<>();
        ScenarioCatalog catalog = ScenarioCatalog.loadShipped(new ScenarioReader());
        assertEquals(List.of(), catalog.problems(), "shipped scenarios load");
        for (Scenario s : catalog.scenarios()) {
            Scenario small = s.withPositions(Math.min(s.population().positions(), MAX_POSITIONS));
            out.add(Arguments.of(Named.of("shipped " + s.id(), small)));
        }
        // Hyperliquid's liquidator vault runs out on the 10 October night and auto-deleveraging takes over (issue 19).
        Scenario october = catalog.byId("2025-10-10").orElseThrow().withPositions(MAX_POSITIONS).withVenue("hyperliquid-btc");
        out.add(Arguments.of(Named.of("shipped 2025-10-10 under hyperliquid-btc", october)));
        LongStream.rangeClosed(1, RANDOM_SCENARIOS).forEach(seed -> {
            Scenario s = SimFixtures.random(seed);
            out.add(Arguments.of(Named.of(s.id() + " (" + s.venue() + ", " + s.population().positions()
                    + " positions, adl " + s.rules().adl().id() + ")", s)));
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRunKeepsTheBooksStraight(Scenario scenario) {
        // The engine checks money after every tick and throws if it is off, and throws if a position is closed
        // twice or open interest goes negative: that the run completes is itself the first check.
        SimulationResult result = Simulator.run(scenario, SimFixtures.rules(scenario));
        Frames f = result.frames();
        SimulationSummary sum = result.summary();
        int n = f.size();

        assertEquals(scenario.ticks() + 1, n, "one frame per tick plus the opening frame");
        assertEquals(scenario.ticks(), sum.ticks());
        for (int i = 0; i < n; i++) {
            assertEquals(i * scenario.clock().tickSeconds(), f.get(FrameColumn.TIME, i), 1e-9, "time of frame " + i);
        }

        double gross = f.get(FrameColumn.OPEN_INTEREST_LONG, 0) + f.get(FrameColumn.OPEN_INTEREST_SHORT, 0);
        assertTrue(gross > 0, "the population holds open interest");
        assertTrue(result.maxMoneyImbalance() < 1e-6 * gross,
                "money conserved: max imbalance " + result.maxMoneyImbalance() + " against gross notional " + gross);

        double previousCumulative = 0;
        double previousBadDebt = 0;
        double runningNotional = 0;
        double priceLow = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            String at = " at frame " + i;
            assertTrue(Math.abs(f.get(FrameColumn.MONEY_IMBALANCE, i)) <= result.maxMoneyImbalance(), "imbalance" + at);
            assertTrue(f.get(FrameColumn.OPEN_INTEREST_LONG, i) >= 0, "long open interest" + at);
            assertTrue(f.get(FrameColumn.OPEN_INTEREST_SHORT, i) >= 0, "short open interest" + at);
            assertTrue(f.get(FrameColumn.INSURANCE_FUND, i) >= -1e-6,
                    "insurance fund " + f.get(FrameColumn.INSURANCE_FUND, i) + at);

            double cumulative = f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, i);
            assertTrue(cumulative >= previousCumulative, "cumulative liquidated notional never falls" + at);
            previousCumulative = cumulative;
            double badDebt = f.get(FrameColumn.CUMULATIVE_BAD_DEBT, i);
            assertTrue(badDebt >= previousBadDebt, "cumulative bad debt never falls" + at);
            previousBadDebt = badDebt;

            for (FrameColumn c : List.of(FrameColumn.FORCED_SELL_NOTIONAL, FrameColumn.FORCED_BUY_NOTIONAL,
                    FrameColumn.LIQUIDATIONS_LONG, FrameColumn.LIQUIDATIONS_SHORT,
                    FrameColumn.LIQUIDATED_NOTIONAL_LONG, FrameColumn.LIQUIDATED_NOTIONAL_SHORT,
                    FrameColumn.PARTIAL_LIQUIDATIONS, FrameColumn.PARTIAL_NOTIONAL, FrameColumn.FULL_LIQUIDATIONS,
                    FrameColumn.FULL_NOTIONAL, FrameColumn.BACKSTOP_LIQUIDATIONS,
                    FrameColumn.BACKSTOP_NOTIONAL, FrameColumn.ADL_COUNT, FrameColumn.ADL_NOTIONAL,
                    FrameColumn.BID_DEPTH_1PCT, FrameColumn.ASK_DEPTH_1PCT, FrameColumn.R_DOWN, FrameColumn.R_UP,
                    FrameColumn.R)) {
                double v = f.get(c, i);
                assertTrue(v >= 0 && Double.isFinite(v), c.header() + " = " + v + at);
            }
            assertTrue(f.get(FrameColumn.MID, i) > 0 && f.get(FrameColumn.MARK, i) > 0, "prices positive" + at);

            runningNotional += f.get(FrameColumn.LIQUIDATED_NOTIONAL_LONG, i) + f.get(FrameColumn.LIQUIDATED_NOTIONAL_SHORT, i);
            assertEquals(runningNotional, cumulative, 1e-9 * Math.max(1, cumulative), "cumulative = sum of per-tick" + at);
            priceLow = Math.min(priceLow, f.get(FrameColumn.MID, i));

            for (int b = 0; b < f.heatBuckets(); b++) {
                double h = f.heat(i, b);
                assertTrue(h >= 0 && Double.isFinite(h), "heat " + h + at + ", bucket " + b);
            }
        }

        // The summary is the frames' totals and extremes.
        assertEquals(f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, n - 1), sum.liquidatedNotional(),
                1e-9 * Math.max(1, sum.liquidatedNotional()));
        assertEquals(f.get(FrameColumn.CUMULATIVE_BAD_DEBT, n - 1), sum.badDebt(), 0);
        assertEquals(f.get(FrameColumn.INSURANCE_FUND, n - 1), sum.insuranceFundEnd(), 0);
        assertTrue(sum.insuranceFundMin() >= -1e-6, "fund minimum " + sum.insuranceFundMin());
        assertTrue(sum.insuranceFundMin() <= sum.insuranceFundEnd() && sum.insuranceFundMin() <= scenario.insuranceFund());
        assertEquals(priceLow, sum.priceLow(), 0);
        assertEquals(f.get(FrameColumn.MID, n - 1), sum.priceEnd(), 0);
        assertEquals(scenario.market().startPrice(), sum.priceStart(), 0);
        assertEquals(columnSum(f, FrameColumn.ADL_COUNT), sum.adlCount(), 0);
        assertEquals(columnSum(f, FrameColumn.ADL_NOTIONAL), sum.adlNotional(), 1e-9 * Math.max(1, sum.adlNotional()));
        assertEquals(columnSum(f, FrameColumn.PARTIAL_LIQUIDATIONS), sum.partialLiquidations(), 0);
        assertEquals(columnSum(f, FrameColumn.BACKSTOP_NOTIONAL), sum.backstopNotional(),
                1e-9 * Math.max(1, sum.backstopNotional()));
        assertEquals(scenario.population().positions(), sum.positions());

        // What the switches turn off stays off.
        if (!scenario.rules().partialLiquidation()) {
            assertEquals(0, sum.partialLiquidations(), "partial liquidation switched off");
        }
        if (!scenario.rules().backstop() || !SimFixtures.rules(scenario).hasBackstop()) {
            assertEquals(0, sum.backstopNotional(), "no backstop");
        }
        boolean adlPossible = scenario.rules().adl() == Scenario.AdlMode.PRO_RATA
                || scenario.rules().adl() == Scenario.AdlMode.VENUE
                && SimFixtures.rules(scenario).adl().ranking() != io.liqlab.core.AdlRule.Ranking.NONE;
        if (!adlPossible) {
            assertEquals(0, sum.adlCount(), "ADL switched off (or the venue has none)");
        }
        // ADL only once the insurance fund could not pay: the fund touched empty at some point of the run.
        if (sum.adlCount() > 0) {
            assertTrue(sum.insuranceFundMin() < 1, "ADL happened with the fund never below " + sum.insuranceFundMin());
        }
        // Bad debt needs an empty fund too.
        if (sum.badDebt() > 0) {
            assertTrue(sum.insuranceFundMin() < 1, "bad debt with the fund never below " + sum.insuranceFundMin());
        }
    }

    /**
     * Hyperliquid's path, ADL included: the liquidator vault takes positions over, runs out of capital, its holdings
     * and the positions it can no longer take are auto-deleveraged, and money is conserved in every frame of it.
     */
    @Test
    void hyperliquidsVaultAndItsAutoDeleveragingKeepMoneyConservedInEveryFrame() {
        ScenarioCatalog catalog = ScenarioCatalog.loadShipped(new ScenarioReader());
        Scenario s = catalog.byId("2025-10-10").orElseThrow().withPositions(MAX_POSITIONS).withVenue("hyperliquid-btc");
        SimulationResult r = Simulator.run(s, SimFixtures.rules(s));
        Frames f = r.frames();
        assertTrue(r.summary().backstopNotional() > 0, "the vault took positions over");
        assertTrue(r.summary().adlCount() > 0, "and ADL took over from it");
        double gross = f.get(FrameColumn.OPEN_INTEREST_LONG, 0) + f.get(FrameColumn.OPEN_INTEREST_SHORT, 0);
        int adlFrames = 0;
        for (int i = 0; i < f.size(); i++) {
            assertTrue(Math.abs(f.get(FrameColumn.MONEY_IMBALANCE, i)) < 1e-6 * gross,
                    "money imbalance " + f.get(FrameColumn.MONEY_IMBALANCE, i) + " at frame " + i);
            assertEquals(0, f.get(FrameColumn.INSURANCE_FUND, i), 0, "Hyperliquid has no separate fund, frame " + i);
            if (f.get(FrameColumn.ADL_COUNT, i) > 0) {
                adlFrames++;
            }
        }
        assertTrue(adlFrames > 1, "ADL in more than one frame: " + adlFrames);
        assertEquals(0, r.summary().insuranceFundEnd(), 0);
    }

    /**
     * The per-tick liquidation counts a user exports add up to the summary's count, and each frame's long + short
     * count and notional to its partial + full + backstop count and notional; one liquidation the fund pays for in part and ADL takes over
     * for the rest counts once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void frameLiquidationCountsAddUpToTheSummary(Scenario scenario) {
        SimulationResult result = Simulator.run(scenario, SimFixtures.rules(scenario));
        Frames f = result.frames();
        double frames = columnSum(f, FrameColumn.LIQUIDATIONS_LONG) + columnSum(f, FrameColumn.LIQUIDATIONS_SHORT);
        assertEquals(result.summary().liquidations(), frames, 0);
        for (int i = 0; i < f.size(); i++) {
            assertEquals(f.get(FrameColumn.LIQUIDATIONS_LONG, i) + f.get(FrameColumn.LIQUIDATIONS_SHORT, i),
                    f.get(FrameColumn.PARTIAL_LIQUIDATIONS, i) + f.get(FrameColumn.FULL_LIQUIDATIONS, i)
                            + f.get(FrameColumn.BACKSTOP_LIQUIDATIONS, i), 0, "long + short = partial + full + backstop at frame " + i);
            double notional = f.get(FrameColumn.LIQUIDATED_NOTIONAL_LONG, i) + f.get(FrameColumn.LIQUIDATED_NOTIONAL_SHORT, i);
            assertEquals(notional, f.get(FrameColumn.PARTIAL_NOTIONAL, i) + f.get(FrameColumn.FULL_NOTIONAL, i)
                            + f.get(FrameColumn.BACKSTOP_NOTIONAL, i), 1e-9 * Math.max(1, notional),
                    "long + short notional = partial + full + backstop notional at frame " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aRunIsAPureFunctionOfScenarioAndSeed(Scenario scenario) {
        var rules = SimFixtures.rules(scenario);
        SimulationResult a = Simulator.run(scenario, rules);
        SimulationResult b = Simulator.run(scenario, rules);
        assertSameFrames(a.frames(), b.frames());
        assertEquals(withoutElapsed(a.summary()), withoutElapsed(b.summary()));
        assertEquals(a.maxMoneyImbalance(), b.maxMoneyImbalance(), 0);

        SimulationResult other = Simulator.run(scenario.withSeed(scenario.seed() + 1), rules);
        assertFalse(sameFrames(a.frames(), other.frames()), "another seed draws another crowd");
    }

    static double columnSum(Frames f, FrameColumn c) {
        double sum = 0;
        for (double v : f.column(c)) {
            sum += v;
        }
        return sum;
    }

    static SimulationSummary withoutElapsed(SimulationSummary s) {
        return new SimulationSummary(s.ticks(), s.positions(), s.liquidations(), s.liquidatedNotionalLong(),
                s.liquidatedNotionalShort(), s.partialLiquidations(), s.backstopNotional(), s.adlCount(),
                s.adlNotional(), s.insuranceFundMin(), s.insuranceFundEnd(), s.badDebt(), s.priceStart(),
                s.priceLow(), s.priceEnd(), s.maxR(), 0, s.bookRanOutSecond(), s.adlNotionalInProfit());
    }

    private static void assertSameFrames(Frames a, Frames b) {
        assertEquals(a.size(), b.size());
        for (FrameColumn c : FrameColumn.values()) {
            // Exact: bit for bit, not within a tolerance.
            assertArrayEquals(a.column(c), b.column(c), c.header());
        }
        assertEquals(a.heatBuckets(), b.heatBuckets());
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < a.heatBuckets(); k++) {
                if (Double.doubleToLongBits(a.heat(i, k)) != Double.doubleToLongBits(b.heat(i, k))) {
                    fail("heat differs at frame " + i + ", bucket " + k + ": " + a.heat(i, k) + " vs " + b.heat(i, k));
                }
            }
        }
    }

    private static boolean sameFrames(Frames a, Frames b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (FrameColumn c : FrameColumn.values()) {
            if (!java.util.Arrays.equals(a.column(c), b.column(c))) {
                return false;
            }
        }
        return true;
    }
}
