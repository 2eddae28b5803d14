package io.liqlab.sim;

import io.liqlab.sim.Scenario.AdlMode;
import io.liqlab.sim.Scenario.Book;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every broken scenario shape gets a message naming the file, the JSON path and what is allowed. */
class ScenarioReaderTest {

    private static final JsonMapper MAPPER = JsonMapper.shared();
    static final Path CLASSROOM = Path.of("assets", "scenarios", "classroom-small.json");

    private final ScenarioReader reader = new ScenarioReader();

    private static ObjectNode classroom() {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readString(CLASSROOM));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode at(ObjectNode root, String... names) {
        ObjectNode n = root;
        for (String name : names) {
            n = (ObjectNode) n.get(name);
        }
        return n;
    }

    private static ObjectNode leverage(ObjectNode root, int i) {
        return (ObjectNode) at(root, "population").get("leverage").get(i);
    }

    private static ObjectNode flow(ObjectNode root, int i) {
        return (ObjectNode) at(root, "driver").get("flows").get(i);
    }

    private Scenario read(ObjectNode root) throws ScenarioException {
        return reader.read("edited.json", MAPPER.writeValueAsBytes(root));
    }

    private List<ScenarioProblem> problems(ObjectNode root) {
        return assertThrows(ScenarioException.class, () -> read(root)).problems();
    }

    @Test
    void theShippedClassroomFileReadsIntoTheExpectedScenario() throws Exception {
        Scenario s = reader.read(CLASSROOM);
        Scenario expected = new Scenario("classroom-small", "Classroom: 200 positions", s.description(), s.assumptions(),
                "textbook", 42, new Scenario.Clock(1, 600), new Scenario.Market(60000, 0),
                new Scenario.Population(200, 0.7, List.of(new Scenario.LeverageWeight(5, 0.3),
                        new Scenario.LeverageWeight(10, 0.35), new Scenario.LeverageWeight(25, 0.25),
                        new Scenario.LeverageWeight(50, 0.1)),
                        new Scenario.Size(1000, 1.5, 1_000_000), new Scenario.Entry(2, 0, 0)),
                new Book(2_000_000, 2_000_000, Book.Shape.FLAT, 50, 5, 60, 30, 2),
                new Scenario.Driver(new Scenario.Shock(5, -3), List.of(new Scenario.Flow(5, 120, -5000)), 0.02),
                100_000, new Scenario.Rules(true, true, AdlMode.VENUE), new Scenario.Heatmap(25, 100));
        assertEquals(expected, s);
        assertEquals(600, s.ticks());
        assertTrue(s.description().startsWith("A small, mostly-long crowd"), s.description());
        assertEquals(3, s.assumptions().size());
    }

    @Test
    void optionalPartsMayBeLeftOut() throws Exception {
        ObjectNode root = classroom();
        root.remove(List.of("$schema", "description", "assumptions"));
        at(root, "driver").putNull("shock");
        at(root, "driver").remove(List.of("flows", "noise"));
        at(root, "rules").put("adl", "pro-rata");
        at(root, "book").put("shape", "rising");
        Scenario s = read(root);
        assertEquals("", s.description());
        assertEquals(List.of(), s.assumptions());
        assertEquals(new Scenario.Driver(null, List.of(), 0), s.driver());
        assertEquals(AdlMode.PRO_RATA, s.rules().adl());
        assertEquals(Book.Shape.RISING, s.book().shape());

        at(root, "driver").remove("shock");
        assertNull(read(root).driver().shock());
    }

    @Test
    void aNumberOutOfRangeReadsAsTheUserWouldWantIt() {
        ObjectNode root = classroom();
        at(root, "population").put("longShare", 1.5);
        assertEquals(List.of("edited.json: $.population.longShare: must be between 0 and 1, was 1.5"),
                problems(root).stream().map(ScenarioProblem::toString).toList());
    }

    static Stream<Arguments> brokenScenarios() {
        return Stream.of(
                broken("$.formatVersion", "must be the whole number 1, was 1.5", r -> r.put("formatVersion", 1.5)),
                broken("$.formatVersion", "must be the whole number 1, was 0", r -> r.put("formatVersion", 0)),
                broken("$.formatVersion", "is required: the whole number 1", r -> r.remove("formatVersion")),
                broken("$.id", "must be 1 to 64 lowercase letters, digits or '-', starting with a letter or digit, was 'Classroom Small'",
                        r -> r.put("id", "Classroom Small")),
                broken("$.id", "is required", r -> r.remove("id")),
                broken("$.name", "is required: a non-empty string of at most 200 characters", r -> r.remove("name")),
                broken("$.name", "must be a non-empty string of at most 200 characters, was the string \"\"", r -> r.put("name", "")),
                broken("$.name", "must be at most 200 characters, was 201", r -> r.put("name", "x".repeat(201))),
                broken("$.description", "must be at most 2000 characters, was 2001", r -> r.put("description", "x".repeat(2001))),
                broken("$.assumptions", "must be a list of at most 50 strings, was a list of 51", r -> {
                    ArrayNode a = r.putArray("assumptions");
                    for (int i = 0; i < 51; i++) {
                        a.add("a" + i);
                    }
                }),
                broken("$.assumptions[1]", "must be a non-empty string, was the number 3", r -> ((ArrayNode) r.get("assumptions")).set(1, MAPPER.getNodeFactory().numberNode(3))),
                broken("$.venue", "lowercase letters, digits or '-'", r -> r.put("venue", "Text Book")),
                broken("$.seed", "must be a whole number (64-bit), was the string \"42\"", r -> r.put("seed", "42")),
                broken("$.seed", "must be a whole number (64-bit), was the number 4.5", r -> r.put("seed", 4.5)),
                broken("$.seed", "from -9223372036854775808 to 9223372036854775807, was 1000000000000000000000",
                        r -> r.put("seed", BigInteger.TEN.pow(21))),
                broken("$.clock", "must be an object, was the string \"fast\"", r -> r.put("clock", "fast")),
                broken("$.clock.tickSeconds", "must be between 0.01 and 3600, was 0", r -> at(r, "clock").put("tickSeconds", 0)),
                broken("$.clock.durationSeconds", "must be at least the tick length (1 s), was 0.5", r -> at(r, "clock").put("durationSeconds", 0.5)),
                broken("$.clock.durationSeconds", "gives 200000 ticks of 1 s; a run may have at most 100000 ticks",
                        r -> at(r, "clock").put("durationSeconds", 200_000)),
                broken("$.market.startPrice", "must be greater than 0 and at most 1e9, was 0", r -> at(r, "market").put("startPrice", 0)),
                broken("$.market.startPrice", "must be a number greater than 0 and at most 1e9, was the string \"60000\"",
                        r -> at(r, "market").put("startPrice", "60000")),
                broken("$.market.startPrice", "must be a number greater than 0 and at most 1e9, was true", r -> at(r, "market").put("startPrice", true)),
                broken("$.market.startPrice", "must be a number greater than 0 and at most 1e9, was null", r -> at(r, "market").putNull("startPrice")),
                broken("$.market.startPrice", "was a number too large to represent",
                        r -> at(r, "market").put("startPrice", new BigDecimal("1e400"))),
                broken("$.market.markEmaSeconds", "must be between 0 and 3600, was -1", r -> at(r, "market").put("markEmaSeconds", -1)),
                broken("$.population.positions", "must be between 1 and 10000000, was 0", r -> at(r, "population").put("positions", 0)),
                broken("$.population.positions", "must be a whole number between 1 and 10000000, was the number 200.0",
                        r -> at(r, "population").put("positions", 200.0)),
                broken("$.population.leverage", "must be a list of 1 to 50 {leverage, weight} entries, was a list of 0",
                        r -> at(r, "population").putArray("leverage")),
                broken("$.population.leverage[2].weight", "must be at least 0, was -1", r -> leverage(r, 2).put("weight", -1)),
                broken("$.population.leverage[1].leverage", "must be between 1 and 1000, was 2000", r -> leverage(r, 1).put("leverage", 2000)),
                broken("$.population.leverage[0].lev", "is not a field of this object; allowed: leverage, weight", r -> leverage(r, 0).put("lev", 3)),
                broken("$.population.leverage", "the weights must add up to more than 0", r -> {
                    for (int i = 0; i < 4; i++) {
                        leverage(r, i).put("weight", 0);
                    }
                }),
                broken("$.population.size.distribution", "must be \"pareto\", was the string \"lognormal\"",
                        r -> at(r, "population", "size").put("distribution", "lognormal")),
                broken("$.population.size.tailAlpha", "must be between 0.5 and 10, was 0.2", r -> at(r, "population", "size").put("tailAlpha", 0.2)),
                broken("$.population.size.minNotional", "must be greater than 0, was -5", r -> at(r, "population", "size").put("minNotional", -5)),
                broken("$.population.size.maxNotional", "must be at least minNotional (1000) and at most 1e10, was 500",
                        r -> at(r, "population", "size").put("maxNotional", 500)),
                broken("$.population.size.maxNotional", "must be greater than 0 and at most 1e10, was 1e11",
                        r -> at(r, "population", "size").put("maxNotional", 1e11)),
                broken("$.population.entry.distribution", "must be \"normal\"", r -> at(r, "population", "entry").put("distribution", "uniform")),
                broken("$.population.entry.spreadPercent", "must be between 0 and 50, was 60", r -> at(r, "population", "entry").put("spreadPercent", 60)),
                broken("$.population.entry.longShiftPercent", "must be between -50 and 50, was -51",
                        r -> at(r, "population", "entry").put("longShiftPercent", -51)),
                broken("$.book.bidDepthPerPercent", "must be greater than 0 and at most 1e13, was 0", r -> at(r, "book").put("bidDepthPerPercent", 0)),
                broken("$.book.askDepthPerPercent", "must be greater than 0 and at most 1e13, was 2e13", r -> at(r, "book").put("askDepthPerPercent", 2e13)),
                broken("$.book.shape", "must be one of flat, rising, was the string \"steep\"", r -> at(r, "book").put("shape", "steep")),
                broken("$.book.thinning.maxPercent", "must be between 0 and 99, was 100", r -> at(r, "book", "thinning").put("maxPercent", 100)),
                broken("$.book.thinning.movePercent", "must be greater than 0 and at most 100, was 0", r -> at(r, "book", "thinning").put("movePercent", 0)),
                broken("$.book.thinning.windowSeconds", "must be between 1 and 3600, was 0.5", r -> at(r, "book", "thinning").put("windowSeconds", 0.5)),
                broken("$.book.refillSeconds", "must be between 0.1 and 86400, was 0", r -> at(r, "book").put("refillSeconds", 0)),
                broken("$.book.pullSeconds", "is required: a number between 0.1 and 86400", r -> at(r, "book").remove("pullSeconds")),
                broken("$.driver.shock.atSecond", "must be between 0 and 600 (the run's duration), was 700",
                        r -> at(r, "driver", "shock").put("atSecond", 700)),
                broken("$.driver.shock.percent", "must be between -90 and 90, was -95", r -> at(r, "driver", "shock").put("percent", -95)),
                broken("$.driver.flows[0].toSecond", "must be greater than 0 and at most 600 (the run's duration), was 700",
                        r -> flow(r, 0).put("toSecond", 700)),
                broken("$.driver.flows[0].fromSecond", "must be at least 0 and less than 600 (the run's duration), was -1",
                        r -> flow(r, 0).put("fromSecond", -1)),
                broken("$.driver.flows[0].toSecond", "must be greater than fromSecond (5) and at most 600 (the run's duration), was 5",
                        r -> flow(r, 0).put("toSecond", 5)),
                broken("$.driver.flows[0].notionalPerSecond", "must be between -1e12 and 1e12, was -2e12",
                        r -> flow(r, 0).put("notionalPerSecond", -2e12)),
                broken("$.driver.flows", "must be a list of at most 100 {fromSecond, toSecond, notionalPerSecond} entries, was a list of 101", r -> {
                    ArrayNode flows = (ArrayNode) at(r, "driver").get("flows");
                    for (int i = 0; i < 100; i++) {
                        flows.add(flows.get(0).deepCopy());
                    }
                }),
                broken("$.driver.noise.percentPerSqrtSecond", "must be between 0 and 10, was 11",
                        r -> at(r, "driver", "noise").put("percentPerSqrtSecond", 11)),
                broken("$.driver.wind", "is not a field of this object; allowed: shock, flows, noise", r -> at(r, "driver").put("wind", 1)),
                broken("$.insuranceFund.initial", "must be between 0 and 1e13, was -1", r -> at(r, "insuranceFund").put("initial", -1)),
                broken("$.rules.adl", "must be one of venue, pro-rata, off, was the string \"sometimes\"", r -> at(r, "rules").put("adl", "sometimes")),
                broken("$.rules.backstop", "must be true or false, was the string \"yes\"", r -> at(r, "rules").put("backstop", "yes")),
                broken("$.rules.partialLiquidation", "is required: true or false", r -> at(r, "rules").remove("partialLiquidation")),
                broken("$.heatmap.buckets", "must be between 10 and 1000, was 5", r -> at(r, "heatmap").put("buckets", 5)),
                broken("$.heatmap.rangePercent", "must be between 1 and 90, was 95", r -> at(r, "heatmap").put("rangePercent", 95)),
                broken("$.heatmap", "is required: an object", r -> r.remove("heatmap")),
                broken("$.book.venueDepth[0].share", "must be greater than 0 and at most 1, was 1.5",
                        r -> venueDepth(r, "hyperliquid-btc", 1.5)),
                broken("$.book.venueDepth[0].share", "must be greater than 0 and at most 1, was 0",
                        r -> venueDepth(r, "hyperliquid-btc", 0)),
                broken("$.book.venueDepth[0].venue", "must be 1 to 64 lowercase letters", r -> venueDepth(r, "Hyper Liquid", 0.5)),
                broken("$.book.venueDepth[1].venue", "names 'hyperliquid-btc' twice", r -> {
                    venueDepth(r, "hyperliquid-btc", 0.5);
                    venueDepth(r, "hyperliquid-btc", 0.6);
                }),
                broken("$.book.venueDepth[0].source", "is required", r -> {
                    venueDepth(r, "hyperliquid-btc", 0.5);
                    ((ObjectNode) at(r, "book").get("venueDepth").get(0)).remove("source");
                }),
                broken("$.surprise", "is not a field of this object; allowed: formatVersion, id, name", r -> r.put("surprise", true)));
    }

    /** Appends {@code {venue, share, source}} to the book's venueDepth list. */
    private static void venueDepth(ObjectNode root, String venue, double share) {
        ObjectNode book = at(root, "book");
        ArrayNode list = book.has("venueDepth") ? (ArrayNode) book.get("venueDepth") : book.putArray("venueDepth");
        list.addObject().put("venue", venue).put("share", share).put("source", "a test");
    }

    @Test
    void aVenuesOwnDepthShareIsReadAndDefaultsToTheWholeBook() throws Exception {
        ObjectNode root = classroom();
        assertEquals(1, read(root).book().depthShareAt("hyperliquid-btc"), "no venueDepth: every venue meets the whole book");
        venueDepth(root, "hyperliquid-btc", 0.4);
        Scenario s = read(root);
        assertEquals(0.4, s.book().depthShareAt("hyperliquid-btc"));
        assertEquals(1, s.book().depthShareAt("binance-usdm-btc"));
        assertEquals("a test", s.book().venueDepth().getFirst().source());
    }

    private static Arguments broken(String path, String says, Consumer<ObjectNode> edit) {
        return Arguments.of(path, says, edit);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenScenarios")
    void brokenShapeIsReportedAtItsPathWithWhatIsAllowed(String path, String says, Consumer<ObjectNode> edit) {
        ObjectNode root = classroom();
        edit.accept(root);
        List<ScenarioProblem> problems = problems(root);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("edited.json") && p.path().equals(path) && p.message().contains(says)),
                () -> "expected a problem at " + path + " saying '" + says + "', got " + problems);
    }

    @Test
    void aNewerFormatIsNamedAndNothingElseIsReported() {
        ObjectNode root = classroom();
        root.put("formatVersion", 2);
        root.put("crowdModel", "agent-based"); // a field a newer LiqLab might add
        assertEquals(List.of("edited.json: $.formatVersion: written by a newer LiqLab (format 2); this version reads format 1"),
                problems(root).stream().map(ScenarioProblem::toString).toList());
    }

    @Test
    void everyProblemInAFileIsReportedNotJustTheFirst() {
        ObjectNode root = classroom();
        root.put("id", "NO");
        at(root, "population").put("longShare", 2);
        leverage(root, 2).put("weight", -1);
        at(root, "book").put("shape", "steep");
        at(root, "heatmap").put("buckets", 10.5);
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(root));
        assertEquals(List.of("$.id", "$.population.longShare", "$.population.leverage[2].weight", "$.book.shape", "$.heatmap.buckets"),
                e.problems().stream().map(ScenarioProblem::path).toList());
        assertTrue(e.getMessage().endsWith("(and 4 more)"), e.getMessage());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        byte[] json = "{\n  \"formatVersion\": 1,\n  \"id\": oops\n}".getBytes(StandardCharsets.UTF_8);
        ScenarioProblem p = assertThrows(ScenarioException.class, () -> reader.read("syntax.json", json)).problems().getFirst();
        assertEquals("syntax.json", p.file());
        assertTrue(p.path().startsWith("line 3, column "), p.toString());
        assertTrue(p.message().startsWith("not valid JSON"), p.toString());
    }

    @Test
    void nanIsNotANumber() {
        String json = classroom().toString().replace("\"startPrice\":60000", "\"startPrice\":NaN");
        ScenarioProblem p = assertThrows(ScenarioException.class,
                () -> reader.read("nan.json", json.getBytes(StandardCharsets.UTF_8))).problems().getFirst();
        assertEquals("not valid JSON: Non-standard token 'NaN'", p.message());
    }

    @Test
    void duplicateKeysAreRefusedAtAnyDepth() {
        String json = classroom().toString().replace("\"tickSeconds\":1", "\"tickSeconds\":1,\"tickSeconds\":2");
        ScenarioProblem p = assertThrows(ScenarioException.class,
                () -> reader.read("dup.json", json.getBytes(StandardCharsets.UTF_8))).problems().getFirst();
        assertTrue(p.message().startsWith("not valid JSON") && p.message().contains("Duplicate") && p.message().contains("tickSeconds"),
                p.toString());
        assertTrue(p.path().startsWith("line 1, column "), p.toString());
    }

    @Test
    void filesOverOneMebibyteAreRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"description\": \"" + "x".repeat(1 << 20) + "\"}");
        ScenarioProblem p = assertThrows(ScenarioException.class, () -> reader.read(big)).problems().getFirst();
        assertEquals(big.toString(), p.file());
        assertTrue(p.message().contains("a scenario file may be at most 1 MiB"), p.toString());
        byte[] bytes = Files.readAllBytes(big);
        assertTrue(assertThrows(ScenarioException.class, () -> reader.read("big.json", bytes)).getMessage().contains("at most 1 MiB"));
        assertTrue(assertThrows(ScenarioException.class, () -> reader.read("big.json", new java.io.ByteArrayInputStream(bytes)))
                .getMessage().contains("at most 1 MiB"));
    }

    @Test
    void absurdlyDeepNestingIsRefused() {
        byte[] json = ("{\"assumptions\": " + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read("deep.json", json));
        assertTrue(e.problems().getFirst().message().contains("nested more than 16 levels deep"), e.problems().toString());
    }

    @Test
    void emptyAndNonObjectFilesAreRefused() {
        assertEquals("e.json: $: the file is empty; a scenario is a JSON object",
                assertThrows(ScenarioException.class, () -> reader.read("e.json", new byte[0])).getMessage());
        assertEquals("a.json: $: must be a JSON object with the scenario's fields, got a list",
                assertThrows(ScenarioException.class, () -> reader.read("a.json", "[1,2]".getBytes(StandardCharsets.UTF_8))).getMessage());
    }

    @Test
    void missingFilesAndFoldersAreProblemsNotCrashes(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": $: no such file", assertThrows(ScenarioException.class, () -> reader.read(missing)).getMessage());
        assertEquals(dir + ": $: is a folder, not a scenario file", assertThrows(ScenarioException.class, () -> reader.read(dir)).getMessage());
    }

    @Test
    void everyShippedScenarioPointsAtTheSchema() throws Exception {
        assertTrue(Files.isRegularFile(Path.of("assets", "scenarios", "schema", "scenario.schema.json")));
        try (var files = Files.list(Path.of("assets", "scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertEquals("schema/scenario.schema.json", MAPPER.readTree(f.toFile()).path("$schema").asString(), f.toString());
            }
        }
    }
}
