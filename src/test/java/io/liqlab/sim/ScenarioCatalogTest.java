package io.liqlab.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped scenarios load from the class path by id; a name on the command line is a file or a shipped id. */
class ScenarioCatalogTest {

    private static String classroom() throws Exception {
        return Files.readString(ScenarioReaderTest.CLASSROOM);
    }

    private static String withId(String json, String id) {
        return json.replace("\"id\": \"classroom-small\"", "\"id\": \"" + id + "\"");
    }

    @Test
    void shippedScenariosLoadFromTheClassPathWithoutProblems() {
        ScenarioCatalog catalog = ScenarioCatalog.loadShipped(new ScenarioReader());
        assertEquals(List.of(), catalog.problems());
        assertTrue(catalog.byId("classroom-small").isPresent());
        List<String> ids = catalog.scenarios().stream().map(Scenario::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertTrue(catalog.byId("nope").isEmpty());
    }

    @Test
    void resolveFindsAShippedIdOrReadsAFile(@TempDir Path dir) throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.loadShipped(new ScenarioReader());
        assertSame(catalog.byId("classroom-small").orElseThrow(), catalog.resolve("classroom-small"));

        Path file = dir.resolve("mine.json");
        Files.writeString(file, withId(classroom(), "my-crowd"));
        assertEquals("my-crowd", catalog.resolve(file.toString()).id());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, classroom().replace("\"longShare\": 0.7", "\"longShare\": 1.5"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> catalog.resolve(broken.toString()));
        assertEquals(broken + ": $.population.longShare: must be between 0 and 1, was 1.5", e.getMessage());
    }

    @Test
    void anUnknownNameListsTheShippedScenarios() {
        ScenarioCatalog catalog = ScenarioCatalog.loadShipped(new ScenarioReader());
        ScenarioException e = assertThrows(ScenarioException.class, () -> catalog.resolve("x"));
        String shipped = String.join(", ", catalog.scenarios().stream().map(Scenario::id).toList());
        assertEquals("no scenario file or shipped scenario named 'x' (shipped: " + shipped + ")", e.getMessage());
        assertTrue(shipped.contains("classroom-small"), shipped);
        assertEquals(1, e.problems().size());
    }

    @Test
    void aBrokenFileIsReportedAndTheRestLoadInIdOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.json"), withId(classroom(), "zeta"));
        Files.writeString(dir.resolve("b.json"), withId(classroom(), "alpha"));
        Files.writeString(dir.resolve("c.json"), "{ not json");
        Files.writeString(dir.resolve("d.json"), withId(classroom(), "alpha"));
        Files.createDirectories(dir.resolve("schema"));
        Files.writeString(dir.resolve("schema").resolve("scenario.schema.json"), "{\"type\": \"object\"}");
        ScenarioCatalog catalog = ScenarioCatalog.loadFolder(new ScenarioReader(), dir);
        assertEquals(List.of("alpha", "zeta"), catalog.scenarios().stream().map(Scenario::id).toList());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.file().equals("scenarios/c.json") && p.message().startsWith("not valid JSON")),
                catalog.problems().toString());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.file().equals("scenarios/d.json")
                && p.message().equals("'alpha' is already used by scenarios/b.json; ids must be unique")), catalog.problems().toString());
        assertEquals(2, catalog.problems().size(), catalog.problems().toString());
    }
}
