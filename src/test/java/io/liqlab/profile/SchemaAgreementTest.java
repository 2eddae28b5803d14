package io.liqlab.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped JSON Schema and the reader say the same about files: every shipped file (the top-level profiles,
 * {@code markets/}, {@code venues/}) validates against the schema AND the reader accepts it; every file of a corpus of
 * bad files ({@code src/test/resources/profiles/bad}, each with the field it breaks in {@code expected.tsv}) is
 * refused by both, and the reader's problem names that field.
 */
class SchemaAgreementTest {
    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final Path SHIPPED = Path.of("venue-profiles");
    private static final Path BAD = Path.of("src", "test", "resources", "profiles", "bad");
    private static final ShippedSchema SCHEMA = new ShippedSchema(SHIPPED.resolve("schema"));

    private final ProfileReader reader = new ProfileReader();

    static Stream<Path> shippedProfiles() throws IOException {
        List<Path> all = new ArrayList<>(json(SHIPPED));
        all.addAll(json(SHIPPED.resolve("markets")));
        return all.stream();
    }

    static Stream<Path> shippedVenueRules() throws IOException {
        return json(SHIPPED.resolve("venues")).stream();
    }

    @ParameterizedTest
    @MethodSource("shippedProfiles")
    void everyShippedProfileValidatesAgainstTheSchemaAndTheReaderAcceptsIt(Path file) throws Exception {
        assertEquals(List.of(), SCHEMA.validate(ShippedSchema.PROFILE, MAPPER.readTree(file.toFile())), file.toString());
        VenueProfile p = reader.read(file, VenueProfile.Origin.Kind.SHIPPED);
        assertEquals(file.getFileName().toString(), p.id() + ".json");
    }

    @ParameterizedTest
    @MethodSource("shippedVenueRules")
    void everyShippedVenueRulesFileValidatesAgainstTheSchemaAndTheReaderAcceptsIt(Path file) throws Exception {
        JsonNode node = MAPPER.readTree(file.toFile());
        assertEquals(List.of(), SCHEMA.validate(ShippedSchema.RULES, node), file.toString());
        List<ProfileProblem> problems = new ArrayList<>();
        String id = VenueRulesLibrary.check(file.toString(), node, problems);
        assertEquals(List.of(), problems);
        assertTrue(VenueRulesLibrary.shipped().find(id).isPresent(), id + " is loaded");
        assertEquals(List.of(), VenueRulesLibrary.shipped().problems());
    }

    @Test
    void theCorpusCoversEnoughCases() throws IOException {
        assertTrue(badFiles().count() >= 20, "the bad-file corpus has at least 20 files");
        assertEquals(json(BAD).size(), badFiles().count(), "every file of the corpus is listed in expected.tsv");
    }

    static Stream<Arguments> badFiles() throws IOException {
        return Files.readAllLines(BAD.resolve("expected.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badFiles")
    void theSchemaAndTheReaderBothRefuseABadFileAndTheReaderNamesTheField(String file, String path, String what) throws Exception {
        Path f = BAD.resolve(file);
        List<String> schemaSays = SCHEMA.validate(ShippedSchema.PROFILE, MAPPER.readTree(f.toFile()));
        assertFalse(schemaSays.isEmpty(), file + " (" + what + ") passes the schema");
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read(f, VenueProfile.Origin.Kind.FILE), file);
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals(path) && p.toString().contains(path)),
                file + ": the reader should name " + path + ", said " + e.problems());
    }

    @Test
    void validatingATreeLocatesEachProblemByTierAndFieldWithoutWritingTheFile() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(SHIPPED.resolve("hyperliquid-btc.json").toFile());
        ProfileReader.Validated fine = reader.validate("hyperliquid-btc.json", tree, null);
        assertTrue(fine.isValid(), fine.problems().toString());
        assertEquals("hyperliquid-btc", fine.profile().id());

        ((ObjectNode) tree.get("tiers").get(1)).put("maxLeverage", 50);
        ((ObjectNode) tree.get("tiers").get(0)).put("floor", "zero");
        tree.put("name", "");
        ProfileReader.Validated bad = reader.validate("hyperliquid-btc.json", tree, null);
        assertFalse(bad.isValid());
        assertNull(bad.profile());
        ProfileProblem leverage = bad.at(1, "maxLeverage").getFirst();
        assertEquals("$.tiers[1].maxLeverage", leverage.path());
        assertTrue(leverage.message().contains("must not increase"), leverage.message());
        assertEquals("$.tiers[0].floor", bad.at(0, "floor").getFirst().path());
        ProfileProblem name = bad.problems().stream().filter(p -> p.tier() < 0 && p.field().equals("name")).findFirst().orElseThrow();
        assertEquals("$.name", name.path());
        assertFalse(name.isTierField());
        assertEquals(List.of(), bad.at(1, "floor"), "no problem where there is none");
    }

    private static List<Path> json(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            s.forEach(files::add);
        }
        files.sort(null);
        return files;
    }
}
