package io.liqlab.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every broken profile shape gets a message naming the file, the JSON path and what is allowed. */
class ProfileValidationTest {

    private static final JsonMapper MAPPER = JsonMapper.shared();
    private final ProfileReader reader = new ProfileReader();
    /** Self-contained profiles in format 1 (every field in one file), as LiqLab wrote them before market files. */
    static final Path FORMAT1 = Path.of("src", "test", "resources", "profiles", "format1");

    private static ObjectNode binance() {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readString(FORMAT1.resolve("binance-usdm-btc.json")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode okx() {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readString(FORMAT1.resolve("okx-swap-btc.json")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode tier(ObjectNode root, int i) {
        return (ObjectNode) root.get("tiers").get(i);
    }

    static Stream<Arguments> brokenProfiles() {
        return Stream.of(
                broken("$.tiers[1].maintenanceMarginRate", "(0, 1)", r -> tier(r, 1).put("maintenanceMarginRate", 1.5)),
                broken("$.tiers[1].maintenanceMarginRate", "(0, 1)", r -> tier(r, 1).put("maintenanceMarginRate", 0)),
                broken("$.tiers[1].maintenanceMarginRate", "must be a number", r -> tier(r, 1).put("maintenanceMarginRate", "0.5%")),
                broken("$.tiers[0].floor", "must start at 0", r -> tier(r, 0).put("floor", 10)),
                broken("$.tiers[2].floor", "leaves a gap", r -> tier(r, 2).put("floor", 900_000)),
                broken("$.tiers[2].floor", "overlaps", r -> tier(r, 2).put("floor", 500_000)),
                broken("$.tiers[1].cap", "greater than the floor", r -> tier(r, 1).put("cap", 40_000)),
                broken("$.tiers[1].cap", "only on the last tier", r -> tier(r, 1).putNull("cap")),
                broken("$.tiers[0].maintenanceMarginRate", "below 1/maxLeverage", r -> tier(r, 0).put("maintenanceMarginRate", 0.008)),
                broken("$.tiers[1].maxLeverage", "must not increase", r -> tier(r, 1).put("maxLeverage", 200)),
                broken("$.tiers[0].maxLeverage", "[1, 1000]", r -> tier(r, 0).put("maxLeverage", 0.5)),
                broken("$.tiers[2].maintenanceAmount", "continuity rule", r -> tier(r, 2).put("maintenanceAmount", 900)),
                broken("$.tiers[2].maintenanceAmount", "at least 0", r -> tier(r, 2).put("maintenanceAmount", -1)),
                broken("$.tiers[1].maxLeverage", "too large to represent", r -> tier(r, 1).put("maxLeverage", new java.math.BigDecimal("1e400"))),
                broken("$.tiers[1].tier", "must be 2", r -> tier(r, 1).put("tier", 5)),
                broken("$.tiers[1].notionalCap", "not a field", r -> tier(r, 1).put("notionalCap", 1)),
                broken("$.tiers", "1 to 100 tiers", r -> r.putArray("tiers")),
                broken("$.tiers", "is required", r -> r.remove("tiers")),
                broken("$.id", "lowercase letters", r -> r.put("id", "Binance USD")),
                broken("$.name", "is required", r -> r.remove("name")),
                broken("$.ruleFamily", "must be one of", r -> r.put("ruleFamily", "magic")),
                broken("$.formatVersion", "newer LiqLab", r -> r.put("formatVersion", 3)),
                broken("$.liquidationFee.rate", "[0, 1)", r -> ((ObjectNode) r.get("liquidationFee")).put("rate", 1)),
                broken("$.partialLiquidation.rule", "must be one of", r -> ((ObjectNode) r.get("partialLiquidation")).put("rule", "some")),
                broken("$.partialLiquidation.fraction", "does not apply", r -> ((ObjectNode) r.get("partialLiquidation")).put("fraction", 0.2)),
                broken("$.backstop.equityFraction", "(0, 1)", r -> r.putObject("backstop").put("equityFraction", 1.5)),
                broken("$.adl.ranking", "must be one of", r -> ((ObjectNode) r.get("adl")).put("ranking", "vibes")),
                broken("$.provenance.sources", "at least one source", r -> ((ObjectNode) r.get("provenance")).putArray("sources")),
                broken("$.provenance.confidence", "exact, high, medium, low", r -> ((ObjectNode) r.get("provenance")).put("confidence", "sure")),
                broken("$.contractValue", "fee-in-trigger-contract-tiers family only", r -> r.put("contractValue", 0.01)),
                broken("$.tierBasis", "must be notional or contracts", r -> r.put("tierBasis", "lots")),
                broken("$.surprise", "not a field", r -> r.put("surprise", true)));
    }

    private static Arguments broken(String path, String says, Consumer<ObjectNode> edit) {
        return Arguments.of(path, says, edit);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenProfiles")
    void brokenShapeIsReportedAtItsPath(String path, String says, Consumer<ObjectNode> edit) {
        ObjectNode root = binance();
        edit.accept(root);
        ProfileException e = assertThrows(ProfileException.class,
                () -> reader.read("broken.json", MAPPER.writeValueAsBytes(root), null));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("broken.json") && p.path().equals(path) && p.message().contains(says)),
                () -> "expected a problem at " + path + " saying '" + says + "', got " + e.problems());
    }

    @Test
    void everyProblemInAFileIsReportedNotJustTheFirst() {
        ObjectNode root = binance();
        tier(root, 1).put("maintenanceMarginRate", 2);
        tier(root, 3).put("maxLeverage", 500);
        root.put("id", "NO");
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read("many.json", MAPPER.writeValueAsBytes(root), null));
        assertTrue(e.problems().size() >= 3, e.problems().toString());
    }

    @Test
    void omittedMaintenanceAmountsAreDerivedByTheContinuityRule() throws Exception {
        ObjectNode root = binance();
        for (JsonNode t : root.get("tiers")) {
            ((ObjectNode) t).remove("maintenanceAmount");
        }
        VenueProfile p = reader.read("derived.json", MAPPER.writeValueAsBytes(root), null);
        assertEquals(50, p.rules().tiers().tier(1).maintenanceAmount(), 1e-9);
        assertEquals(421_481_450, p.rules().tiers().tier(11).maintenanceAmount(), 1e-6);
        assertEquals(VenueProfile.AmountSource.DERIVED, p.amountSources().get(5));
    }

    @Test
    void aPublishedAmountThatBreaksContinuityNeedsAnExplicitOverride() throws Exception {
        ObjectNode root = binance();
        tier(root, 2).put("maintenanceAmount", 900).put("maintenanceAmountOverride", true);
        ArrayNode tiers = (ArrayNode) root.get("tiers");
        for (int i = 3; i < tiers.size(); i++) {
            ((ObjectNode) tiers.get(i)).remove("maintenanceAmount"); // re-derived from the overridden tier
        }
        VenueProfile p = reader.read("override.json", MAPPER.writeValueAsBytes(root), null);
        assertEquals(900, p.rules().tiers().tier(2).maintenanceAmount());
        assertEquals(VenueProfile.AmountSource.OVERRIDE, p.amountSources().get(2));
        assertEquals(900 + 3_000_000 * (0.01 - 0.0065), p.rules().tiers().tier(3).maintenanceAmount(), 1e-6);
    }

    @Test
    void contractTieredFamilyHasNoMaintenanceAmount() {
        ObjectNode root = okx();
        tier(root, 1).put("maintenanceAmount", 5);
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read("okx.json", MAPPER.writeValueAsBytes(root), null));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals("$.tiers[1].maintenanceAmount") && p.message().contains("no maintenance amount")));
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        byte[] json = "{\n  \"id\": \"x\",\n  \"name\": oops\n}".getBytes(StandardCharsets.UTF_8);
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read("syntax.json", json, null));
        ProfileProblem p = e.problems().getFirst();
        assertEquals("syntax.json", p.file());
        assertTrue(p.path().startsWith("line 3"), p.toString());
        assertTrue(p.message().startsWith("not valid JSON"), p.toString());
    }

    @Test
    void nanIsNotANumberAndTheMessageHasNoParserAdvice() {
        String json = binance().toString().replace("\"formatVersion\":1", "\"formatVersion\":NaN");
        ProfileException e = assertThrows(ProfileException.class,
                () -> reader.read("nan.json", json.getBytes(StandardCharsets.UTF_8), null));
        assertEquals("not valid JSON: Non-standard token 'NaN'", e.problems().getFirst().message());
    }

    @Test
    void duplicateKeysAreRefused() {
        byte[] json = "{\"id\": \"a\", \"id\": \"b\"}".getBytes(StandardCharsets.UTF_8);
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read("dup.json", json, null));
        assertTrue(e.problems().getFirst().message().contains("Duplicate"), e.problems().toString());
    }

    @Test
    void filesOverOneMebibyteAreRefusedBeforeParsing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"notes\": \"" + "x".repeat(1 << 20) + "\"}");
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read(big, VenueProfile.Origin.Kind.FILE));
        assertTrue(e.problems().getFirst().message().contains("at most 1 MiB"), e.problems().toString());
    }

    @Test
    void absurdlyDeepNestingIsRefused() {
        byte[] json = ("{\"notes\": " + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read("deep.json", json, null));
        assertTrue(e.problems().getFirst().message().contains("nested more than"), e.problems().toString());
    }

    @Test
    void emptyAndNonObjectFilesAreRefused() {
        assertTrue(assertThrows(ProfileException.class, () -> reader.read("e.json", new byte[0], null)).getMessage().contains("empty"));
        assertTrue(assertThrows(ProfileException.class, () -> reader.read("a.json", "[1,2]".getBytes(StandardCharsets.UTF_8), null))
                .getMessage().contains("must be a JSON object"));
    }

    @Test
    void missingFileIsAProblemNotACrash() {
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read(Path.of("nope", "missing.json"), VenueProfile.Origin.Kind.FILE));
        assertEquals(List.of("no such file"), e.problems().stream().map(ProfileProblem::message).toList());
    }

    @Test
    void writtenProfilesReadBackIdentically() throws Exception {
        ProfileWriter writer = new ProfileWriter();
        for (VenueProfile p : io.liqlab.TestProfiles.catalog().profiles()) {
            VenueProfile back = reader.read(p.id() + ".json", writer.toJson(p).getBytes(StandardCharsets.UTF_8), p.origin());
            assertEquals(p.rules().tiers().tiers(), back.rules().tiers().tiers(), p.id());
            assertEquals(p.rules().family(), back.rules().family(), p.id());
            assertEquals(p.rules().partialLiquidation(), back.rules().partialLiquidation(), p.id());
            assertEquals(p.rules().backstop(), back.rules().backstop(), p.id());
            assertEquals(p.rules().adl(), back.rules().adl(), p.id());
            assertEquals(p.rules().liquidationFeeRate(), back.rules().liquidationFeeRate(), p.id());
            assertEquals(p.provenance(), back.provenance(), p.id());
            assertEquals(p.amountSources(), back.amountSources(), p.id());
            assertEquals(p.launchParameters(), back.launchParameters(), p.id());
        }
    }
}
