package io.liqlab.cli;

import io.liqlab.sim.FrameColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code liqlab simulate} as scripts use it: the summary's fields, the frame files, determinism and bad input. */
class SimulateCommandTest {

    static final Path CLASSROOM_FILE = Path.of("assets/scenarios/classroom-small.json");

    static final List<String> FIELDS = List.of("scenario", "venue", "seed", "ticks", "positions", "liquidations",
            "liquidatedNotionalLong", "liquidatedNotionalShort", "partialLiquidations", "backstopNotional", "adlCount",
            "adlNotional", "insuranceFundMin", "insuranceFundEnd", "badDebt", "priceStart", "priceLow", "priceEnd", "maxR",
            "elapsedMillis");

    @TempDir
    static Path dir;

    /** The CLI run in-process, as the contract tests run it. */
    static CliContractTest.Run run(String... args) {
        return CliContractTest.run(args);
    }

    /** {@code simulate ARGS --format json}, which must succeed. */
    static JsonNode simulate(String... args) {
        List<String> all = new ArrayList<>(List.of("simulate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliContractTest.Run r = run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return r.json();
    }

    /** The summary without what legitimately differs between two identical runs (wall-clock time, output path). */
    static JsonNode comparable(JsonNode summary) {
        ObjectNode copy = ((ObjectNode) summary).deepCopy();
        copy.remove("elapsedMillis");
        copy.remove("frames");
        return copy;
    }

    private static JsonNode classroom;

    @BeforeAll
    static void runClassroomOnce() {
        classroom = simulate("--scenario", "classroom-small");
    }

    @Test
    void jsonHasEveryFieldInOrderAsNumbers() {
        assertEquals(FIELDS, List.copyOf(classroom.propertyNames()));
        assertEquals("classroom-small", classroom.get("scenario").stringValue());
        assertEquals("textbook", classroom.get("venue").stringValue());
        assertEquals(42, classroom.get("seed").longValue());
        assertEquals(600, classroom.get("ticks").intValue());
        assertEquals(200, classroom.get("positions").intValue());
        for (String f : FIELDS.subList(3, FIELDS.size())) {
            assertTrue(classroom.get(f).isNumber(), () -> f + " should be a JSON number: " + classroom.get(f));
        }
        for (String f : List.of("ticks", "positions", "liquidations", "partialLiquidations", "adlCount", "elapsedMillis")) {
            assertTrue(classroom.get(f).isIntegralNumber(), () -> f + " is a count: " + classroom.get(f));
        }
        assertEquals(60_000, classroom.get("priceStart").doubleValue());
        assertTrue(classroom.get("priceLow").doubleValue() <= classroom.get("priceStart").doubleValue());
        JsonNode money = classroom.get("insuranceFundEnd");
        assertEquals(money.decimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN), money.decimalValue(), "money to the cent");
    }

    /**
     * Where ADL happened, the JSON says when it started, when the first liquidation was, and how much of the ADL'd
     * notional was in profit, right after adlNotional; the text block says the same. A run without ADL keeps its
     * fields (jsonHasEveryFieldInOrderAsNumbers).
     */
    @Test
    void hyperliquidsAdlIsReportedWithItsFirstSecondAndItsShareInProfit() {
        String[] args = {"--scenario", "2025-10-10", "--venue", "hyperliquid-btc", "--positions", "20000", "--seed", "1"};
        JsonNode json = simulate(args);
        List<String> names = List.copyOf(json.propertyNames());
        int at = names.indexOf("adlNotional");
        assertEquals(List.of("firstAdlAtSecond", "firstLiquidationAtSecond", "adlNotionalInProfit"), names.subList(at + 1, at + 4));
        assertTrue(json.get("adlCount").longValue() > 0, json.toString());
        double delay = json.get("firstAdlAtSecond").doubleValue() - json.get("firstLiquidationAtSecond").doubleValue();
        assertTrue(delay > 0, json.toString());
        assertTrue(json.get("adlNotionalInProfit").doubleValue() <= json.get("adlNotional").doubleValue());

        List<String> all = new ArrayList<>(List.of("simulate"));
        all.addAll(List.of(args));
        String out = run(all.toArray(String[]::new)).out();
        String first = String.format(java.util.Locale.ROOT, "t=%s s", io.liqlab.core.Numbers.quantity(json.get("firstAdlAtSecond").doubleValue()));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  First ADL") && l.contains(first)
                && l.contains("(" + io.liqlab.core.Numbers.quantity(delay) + " s after the first liquidation)")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  ADL'd in profit")), out);
    }

    @Test
    void aShippedNameAndItsFileGiveTheSameRun() {
        JsonNode byFile = simulate("--scenario", CLASSROOM_FILE.toString());
        assertEquals(comparable(classroom), comparable(byFile));
        assertEquals("classroom-small", byFile.get("scenario").stringValue());
    }

    @Test
    void positionsAndSeedChangeTheRun() {
        JsonNode more = simulate("--scenario", "classroom-small", "--positions", "400");
        assertEquals(400, more.get("positions").intValue());
        assertNotEquals(comparable(classroom), comparable(more));

        JsonNode reseeded = simulate("--scenario", "classroom-small", "--seed", "-7");
        assertEquals(-7, reseeded.get("seed").longValue());
        assertEquals(200, reseeded.get("positions").intValue());
        ObjectNode a = (ObjectNode) comparable(classroom);
        ObjectNode b = (ObjectNode) comparable(reseeded);
        a.remove("seed");
        b.remove("seed");
        assertNotEquals(a, b, "another seed draws another crowd and another noise path");
    }

    @Test
    void theSameSeedGivesByteIdenticalFramesAndTheSameSummary() throws Exception {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        JsonNode a = simulate("--scenario", "classroom-small", "--seed", "123456789", "--frames", first.toString());
        JsonNode b = simulate("--scenario", "classroom-small", "--seed", "123456789", "--frames", second.toString());
        assertEquals(first.toString(), a.get("frames").stringValue());
        assertEquals(second.toString(), b.get("frames").stringValue());
        assertEquals("frames", List.copyOf(a.propertyNames()).getLast());
        assertEquals(comparable(a), comparable(b));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertArrayEquals(Files.readAllBytes(dir.resolve("first.heatmap.csv")), Files.readAllBytes(dir.resolve("second.heatmap.csv")));
    }

    @Test
    void framesCsvHasTheFrameColumnsAndOneRowPerFrame() throws Exception {
        Path csv = dir.resolve("frames.csv");
        JsonNode d = simulate("--scenario", "classroom-small", "--frames", csv.toString());
        List<String> lines = Files.readAllLines(csv);
        String header = Arrays.stream(FrameColumn.values()).map(FrameColumn::header).collect(Collectors.joining(","));
        assertEquals(header, lines.getFirst());
        int ticks = d.get("ticks").intValue();
        assertEquals(ticks + 1, lines.size() - 1, "one row per frame: time zero and every tick");
        int columns = FrameColumn.values().length;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(columns, cells.length, line);
            for (String cell : cells) {
                assertTrue(cell.matches("-?\\d+(\\.\\d+)?"), () -> "plain number expected, got '" + cell + "' in " + line);
            }
        }
        String[] firstRow = lines.get(1).split(",");
        assertEquals("0", firstRow[FrameColumn.TIME.ordinal()]);
        assertEquals("60000", firstRow[FrameColumn.MID.ordinal()]);
        String[] lastRow = lines.getLast().split(",");
        assertEquals(Integer.toString(ticks), lastRow[FrameColumn.TIME.ordinal()], "1 s ticks");
        assertEquals(d.get("insuranceFundEnd").decimalValue().stripTrailingZeros(),
                new java.math.BigDecimal(lastRow[FrameColumn.INSURANCE_FUND.ordinal()]).stripTrailingZeros());
        for (FrameColumn c : List.of(FrameColumn.LIQUIDATIONS_LONG, FrameColumn.ADL_COUNT)) {
            for (String line : lines.subList(1, lines.size())) {
                assertTrue(line.split(",")[c.ordinal()].matches("\\d+"), () -> c + " is a count: " + line);
            }
        }
        long liquidations = lines.subList(1, lines.size()).stream()
                .mapToLong(l -> Long.parseLong(l.split(",")[FrameColumn.LIQUIDATIONS_LONG.ordinal()])
                        + Long.parseLong(l.split(",")[FrameColumn.LIQUIDATIONS_SHORT.ordinal()]))
                .sum();
        assertEquals(d.get("liquidations").longValue(), liquidations, "the frames add up to the summary");

        Path heatmap = dir.resolve("frames.heatmap.csv");
        assertTrue(Files.isRegularFile(heatmap));
        List<String> heat = Files.readAllLines(heatmap);
        String[] heatHeader = heat.getFirst().split(",");
        assertEquals(101, heatHeader.length, "time and 100 buckets (classroom-small)");
        assertEquals("time", heatHeader[0]);
        assertEquals("p45000.00", heatHeader[1], "start price 60,000 - 25%");
        assertEquals("p45300.00", heatHeader[2]);
        assertEquals(ticks + 2, heat.size());
        for (String line : heat.subList(1, heat.size())) {
            assertEquals(101, line.split(",", -1).length, line);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void anExistingFramesFileIsReplaced() throws Exception {
        Path csv = dir.resolve("again.csv");
        Files.writeString(csv, "old content that is longer than nothing\n".repeat(10_000));
        simulate("--scenario", "classroom-small", "--frames", csv.toString());
        assertTrue(Files.readString(csv).startsWith("time,mid,"));
    }

    @ParameterizedTest(name = "--venue {0}")
    @CsvSource({"hyperliquid-btc", "binance-usdm-btc"})
    void venueOverridesTheScenariosVenue(String venue) {
        JsonNode d = simulate("--scenario", "classroom-small", "--venue", venue);
        assertEquals(venue, d.get("venue").stringValue());
        assertEquals("classroom-small", d.get("scenario").stringValue());
        ObjectNode a = (ObjectNode) comparable(classroom);
        ObjectNode b = (ObjectNode) comparable(d);
        a.remove("venue");
        b.remove("venue");
        assertNotEquals(a, b, "other venue rules liquidate differently");
    }

    @Test
    void textIsAReadableBlockWithTheSameFigures() {
        Path csv = dir.resolve("text.csv");
        CliContractTest.Run r = run("simulate", "--scenario", "classroom-small", "--frames", csv.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("Classroom: 200 positions (classroom-small)"), out);
        assertTrue(out.contains("venue Textbook (textbook)   seed 42"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  Price start +60,000\\.00")), out);
        String low = String.format(java.util.Locale.ROOT, "(%+.2f%%)",
                (classroom.get("priceLow").doubleValue() / 60_000 - 1) * 100);
        assertTrue(out.lines().anyMatch(l -> l.contains("Price low") && l.endsWith(low)), () -> low + " in\n" + out);
        String fund = io.liqlab.core.Numbers.money(classroom.get("insuranceFundEnd").doubleValue());
        assertTrue(out.lines().anyMatch(l -> l.contains("Insurance fund end") && l.contains(fund)), () -> fund + " in\n" + out);
        assertTrue(out.contains(SimulateCommand.TEACHING_NOTE), out);
        assertTrue(out.contains(csv.toString()) && out.contains(dir.resolve("text.heatmap.csv").toString()), out);
        // Values line up: every figure ends in the same column.
        List<Integer> ends = out.lines().filter(l -> l.startsWith("  ") && l.length() > 22 && Character.isLetter(l.charAt(2))
                        && !l.contains(SimulateCommand.TEACHING_NOTE) && !l.contains("Frames written") && !l.contains("venue "))
                .map(l -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^  .{20} *\\S+").matcher(l);
                    assertTrue(m.find(), l);
                    return m.end();
                }).distinct().toList();
        assertEquals(1, ends.size(), () -> "aligned values expected:\n" + out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--scenario nope|--scenario: no scenario file or shipped scenario named 'nope' (shipped: 2025-10-10, classroom-small, deep-book-absorbs",
            "--scenario BROKEN|$.population.longShare: must be between 0 and 1, was 1.5",
            "--scenario NOWHERE|--scenario: its venue 'nowhere' is not a known profile; known ids: textbook, ",
            "--scenario classroom-small --venue nope|--venue: no such profile 'nope'; known ids: textbook, ",
            "--scenario classroom-small --positions 0|--positions: must be a whole number from 1 to 10,000,000, got 0",
            "--scenario classroom-small --positions 10000001|--positions: must be a whole number from 1 to 10,000,000",
            "--scenario classroom-small --positions 1.5|'1.5' is not a whole number",
            "--scenario classroom-small --positions abc|--positions",
            "--scenario classroom-small --seed 99999999999999999999|--seed",
            "--scenario classroom-small --seed 0x10|'0x10' is not a whole number",
            "--scenario classroom-small --frames DIR|is a folder",
            "--scenario classroom-small --frames DIR/missing/run.csv|does not exist",
            "--scenario classroom-small --frames FILE/run.csv|is a file, not a folder",
            "--scenario classroom-small --format xml|--format: must be text or json, got 'xml'",
            "--scenario classroom-small --seeds 1001|--seeds: more than 1,000 seeds; must be N from 1 to 1,000",
            "--scenario classroom-small --seeds 5..1005|--seeds: more than 1,000 seeds",
            "--scenario classroom-small --seeds 9..3|--seeds: the first seed is above the last",
            "--scenario classroom-small --seeds 0|--seeds: seeds are whole numbers from 1",
            "--scenario classroom-small --seeds -4|--seeds: seeds are whole numbers from 1",
            "--scenario classroom-small --seeds 0..5|--seeds: seeds are whole numbers from 1",
            "--scenario classroom-small --seeds many|--seeds: must be N from 1 to 1,000 (seeds 1..N) or A..B",
            "--scenario classroom-small --seeds 3 --seed 4|--seeds: cannot be combined with --seed",
            "--scenario classroom-small --seeds 3 --frames DIR/s.csv|--frames: cannot be combined with --seeds",
            "--venue textbook|--scenario"})
    void badInputExitsTwoWithOneLineNamingTheOption(String args, String expected) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(CLASSROOM_FILE).replace("\"longShare\": 0.7", "\"longShare\": 1.5"));
        Path nowhere = dir.resolve("nowhere.json");
        Files.writeString(nowhere, Files.readString(CLASSROOM_FILE).replace("\"venue\": \"textbook\"", "\"venue\": \"nowhere\""));
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        List<String> all = new ArrayList<>(List.of("simulate"));
        for (String a : args.split(" ")) {
            all.add(a.replace("BROKEN", broken.toString()).replace("NOWHERE", nowhere.toString())
                    .replace("DIR", dir.toString()).replace("FILE", file.toString()));
        }
        CliContractTest.Run r = run(all.toArray(String[]::new));
        assertEquals(2, r.code(), () -> "exit code for " + all + ": " + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), () -> "one line on stderr: " + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(expected), () -> "stderr should say " + expected + ": " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        if (args.contains("BROKEN")) {
            assertTrue(r.err().contains("--scenario: " + broken), r.err());
        }
    }

    @Test
    void aBrokenFileReportsItsFirstProblemAndHowManyMore() throws Exception {
        Path broken = dir.resolve("two-problems.json");
        Files.writeString(broken, Files.readString(CLASSROOM_FILE).replace("\"longShare\": 0.7", "\"longShare\": 1.5")
                .replace("\"tickSeconds\": 1", "\"tickSeconds\": -1"));
        CliContractTest.Run r = run("simulate", "--scenario", broken.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("(and 1 more)"), r.err());
    }

    @Test
    void framesNeverReplaceADevice() {
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device) && !Files.isRegularFile(device), "no /dev/null here");
        CliContractTest.Run r = run("simulate", "--scenario", "classroom-small", "--frames", device.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is not a regular file"), r.err());
        assertFalse(Files.isRegularFile(device));
    }

    @Test
    void aFramesLinkIsWrittenThrough() throws Exception {
        Path target = dir.resolve("real.csv");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target.getFileName());
        CliContractTest.Run r = run("simulate", "--scenario", "classroom-small", "--frames", link.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(target).startsWith("time,mid,mark,"), "the frames went to the link's target");
    }

    @Test
    void aRefusedFramesPathWritesNothing() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        CliContractTest.Run r = run("simulate", "--scenario", "classroom-small", "--frames", missing.resolve("run.csv").toString());
        assertEquals(2, r.code());
        assertFalse(Files.exists(missing), "the folder is not created behind the user's back");
    }

    @Test
    void seedsReportEachHeadlineFigureAsMedianAndTenthToNinetiethPercentile() {
        JsonNode spread = simulate("--scenario", "classroom-small", "--seeds", "3..7");
        assertEquals(3, spread.get("firstSeed").longValue());
        assertEquals(7, spread.get("lastSeed").longValue());
        assertEquals(5, spread.get("seeds").intValue());
        assertEquals(List.of("liquidatedNotional", "longShare", "troughPercent", "adlNotional", "badDebt", "insuranceFundMin"),
                List.copyOf(spread.get("figures").propertyNames()));
        JsonNode perSeed = spread.get("perSeed");
        assertEquals(5, perSeed.size());
        // Each seed's figures are the single run's, and the median of five is the third of them in order.
        for (int i = 0; i < 5; i++) {
            JsonNode one = simulate("--scenario", "classroom-small", "--seed", String.valueOf(3 + i));
            assertEquals(3 + i, perSeed.get(i).get("seed").longValue());
            double liquidated = one.get("liquidatedNotionalLong").doubleValue() + one.get("liquidatedNotionalShort").doubleValue();
            assertEquals(liquidated, perSeed.get(i).get("liquidatedNotional").doubleValue(), 0.011);
            assertEquals(one.get("badDebt").doubleValue(), perSeed.get(i).get("badDebt").doubleValue(), 0.011);
        }
        double[] liquidated = new double[5];
        for (int i = 0; i < 5; i++) {
            liquidated[i] = perSeed.get(i).get("liquidatedNotional").doubleValue();
        }
        Arrays.sort(liquidated);
        JsonNode band = spread.get("figures").get("liquidatedNotional");
        assertEquals(liquidated[2], band.get("median").doubleValue(), 0.011);
        // 10th percentile of five, interpolated: rank 0.4 between the smallest and the second.
        assertEquals(liquidated[0] + 0.4 * (liquidated[1] - liquidated[0]), band.get("p10").doubleValue(), 0.011);
        assertEquals(liquidated[3] + 0.6 * (liquidated[4] - liquidated[3]), band.get("p90").doubleValue(), 0.011);

        CliContractTest.Run text = run("simulate", "--scenario", "classroom-small", "--seeds", "4");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("seeds 1..4 (4 runs of 200 positions"), text.out());
        for (String label : List.of("Liquidated notional", "Long share of liquidated", "Trough", "ADL notional", "Bad debt",
                "Insurance fund min")) {
            assertTrue(text.out().lines().anyMatch(l -> l.strip().startsWith(label)), () -> label + " in\n" + text.out());
        }
        assertTrue(text.out().contains("median") && text.out().contains("10th pct") && text.out().contains("90th pct"), text.out());
    }
}
