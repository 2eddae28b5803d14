package io.liqlab.cli;

import io.liqlab.TestProfiles;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SimulationSummary;
import io.liqlab.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simulate --map}: one CSV row per cell with the documented header, and refused maps. */
class SimulateMapTest {

    @Test
    void csvHasTheHeaderAndOneRowPerCellInAxisOrder() {
        CliContractTest.Run r = CliContractTest.run("simulate", "--scenario", "classroom-small", "--map",
                "shock=-2:-8:4,depth=0.5:2:3");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("shock,depth,liquidatedNotional,amplification,maxR,cascade", lines.get(0));
        assertEquals(1 + 4 * 3, lines.size(), r.out());
        String[] first = lines.get(1).split(",", -1);
        String[] second = lines.get(2).split(",", -1);
        String[] last = lines.get(12).split(",", -1);
        assertEquals(List.of("-2", "0.5"), List.of(first[0], first[1]));
        assertEquals(List.of("-2", "1.25"), List.of(second[0], second[1]));
        assertEquals(List.of("-8", "2"), List.of(last[0], last[1]));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(6, f.length, line);
            assertTrue(new BigDecimal(f[2]).signum() >= 0, line);
            assertEquals(Boolean.toString(new BigDecimal(f[4]).compareTo(BigDecimal.ONE) > 0), f[5], line);
        }
    }

    @Test
    void aCellIsTheStandaloneRunWithTheSameShockDepthAndSeed() {
        CliContractTest.Run r = CliContractTest.run("simulate", "--scenario", "classroom-small", "--map",
                "depth=0.5:2:2,shock=-3:-9:3", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("depth,shock,liquidatedNotional,amplification,maxR,cascade", lines.get(0));
        // The last cell: depth 2, shock -9, seed 7, run on its own through the shipped scenario.
        String[] f = lines.get(6).split(",", -1);
        Scenario s = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("classroom-small").orElseThrow()
                .withSeed(7).withBook(shipped().book().withDepthMultiplier(2))
                .withDriver(shipped().driver().withShockPercent(-9));
        SimulationSummary m = Simulator.run(s, TestProfiles.get(s.venue()).rules()).summary();
        assertEquals(List.of("2", "-9"), List.of(f[0], f[1]));
        assertEquals(BigDecimal.valueOf(m.liquidatedNotional()).setScale(2, RoundingMode.HALF_EVEN).toPlainString(), f[2]);
        assertEquals(JsonNumbers.decimal(m.maxR()).toPlainString(), f[4]);
    }

    private static Scenario shipped() {
        return ScenarioCatalog.loadShipped(new ScenarioReader()).byId("classroom-small").orElseThrow();
    }

    @Test
    void jsonGivesTheAxesSeedsAndEveryCell() {
        CliContractTest.Run r = CliContractTest.run("simulate", "--scenario", "classroom-small", "--map",
                "shock=-2:-6:2,leverage=0.5:2:3", "--seeds", "3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = r.json();
        assertEquals(3, o.get("seeds").intValue());
        assertEquals(1, o.get("firstSeed").intValue());
        assertEquals("leverage", o.get("y").get("parameter").stringValue());
        assertEquals(6, o.get("cells").size());
        JsonNode cell = o.get("cells").get(5);
        assertEquals(List.of("shock", "leverage", "liquidatedNotional", "shockAloneNotional", "amplification", "maxR", "cascade"),
                List.copyOf(cell.propertyNames()));
        assertEquals(-6, cell.get("shock").intValue());
        assertEquals(2, cell.get("leverage").intValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "shock=-2:-12:101,depth=0.25:4:100|--map: 101 x 100 = 10,100 cells; at most 10,000 cells",
            "shock=-2:-95:4,depth=0.25:4:4|--map: shock: must be within -90 to 90 (percent), got -95",
            "shock=-2:-12:4,depth=0:4:4|--map: depth: must be within 0.05 to 20 (a multiple of the scenario's), got 0",
            "shock=-2:-12:4,depth=2:2:4|--map: depth: the two ends are equal (2); give two different values within 0.05 to 20",
            "shock=-2:-12:0,depth=0.25:4:4|--map: shock steps must be a whole number from 1 to 10,000, got '0'",
            "shock=-2:-12:-3,depth=0.25:4:4|--map: shock steps must be a whole number from 1 to 10,000, got '-3'",
            "shock=-2:-12:2.5,depth=0.25:4:4|--map: shock steps must be a whole number from 1 to 10,000, got '2.5'",
            "shock=-2:-12:4|--map: must be P=A:B:N,Q=C:D:M with two of shock, depth, leverage, longshare",
            "shock=-2:-12:4,depth=1:2|--map: 'depth=1:2' must be NAME=FROM:TO:STEPS",
            "shock=-2:-12:4,wind=1:2:3|--map: unknown parameter 'wind'; must be one of shock, depth, leverage, longshare",
            "shock=-2:-12:4,shock=1:2:3|--map: the two axes must be different parameters, both are shock",
            "shock=x:-12:4,depth=1:2:3|--map: shock must be a number within -90 to 90 (percent), got 'x'",
            "leverage=0.1:2:3,depth=1:2:3|--map: leverage: must be within 0.25 to 4",
            "longshare=0:50:3,depth=1:2:3|--map: longshare: must be within 1 to 99 (percent), got 0"})
    void badMapExitsTwoWithOneLineNamingTheOptionAndItsRange(String map, String expected) {
        assertBad(expected, "simulate", "--scenario", "classroom-small", "--map", map);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--seeds 1001|--seeds: more than 1,000 seeds; must be N from 1 to 1,000",
            "--seeds 3 --seed 4|--seeds: cannot be combined with --seed",
            "--frames x.csv|--frames: cannot be combined with --map",
            "--format text|--format: must be csv or json, got 'text'",
            "--positions 0|--positions: must be a whole number from 1 to 10,000,000, got 0"})
    void badCompanionOptionsExitTwo(String args, String expected) {
        List<String> all = new ArrayList<>(List.of("simulate", "--scenario", "classroom-small", "--map", "shock=-2:-8:2,depth=1:2:2"));
        all.addAll(List.of(args.split(" ")));
        assertBad(expected, all.toArray(String[]::new));
    }

    private static void assertBad(String expected, String... args) {
        CliContractTest.Run r = CliContractTest.run(args);
        assertEquals(2, r.code(), () -> "exit code for " + List.of(args) + ": " + r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), () -> "one line on stderr: " + r.err());
        assertTrue(r.err().contains(expected), () -> "stderr should say " + expected + ": " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
}
