package io.liqlab.ui.workspace;

import io.liqlab.sim.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 15: sessions are read as profiles are, and a hand-edited session cannot push bad values into the app. */
class SessionReliabilityTest {

    private static final String CASCADE = "{\"scenarioId\": \"classroom-small\", \"venueId\": \"textbook\", \"shockPercent\": %s,"
            + " \"depthMultiplier\": %s, \"leverageMix\": \"SCENARIO\", \"longShare\": %s, \"positions\": %s,"
            + " \"partialLiquidation\": true, \"backstop\": true, \"adl\": \"VENUE\", \"sideBySide\": false,"
            + " \"compareVenueId\": null, \"second\": 0}";

    private static String session(String sessionBody) {
        return "{\"format\": \"liqlab-session\", \"formatVersion\": 1, \"savedBy\": \"test\", \"session\": " + sessionBody + "}";
    }

    private static String state(String extra) {
        return "{\"x\": 0, \"y\": 0, \"width\": 1600, \"height\": 1000, \"tab\": 0" + extra + "}";
    }

    private static String refusal(Path file) {
        return assertThrows(SessionFiles.SessionException.class, () -> SessionFiles.read(file)).getMessage();
    }

    @Test
    void aByteOrderMarkIsAcceptedAsInProfiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.liqlab.json");
        Files.write(file, ("\uFEFF" + session(state(""))).getBytes(StandardCharsets.UTF_8));
        assertEquals(1600, SessionFiles.read(file).width());
    }

    @Test
    void otherEncodingsGetAClearMessage(@TempDir Path dir) throws Exception {
        Path invalid = dir.resolve("latin1.liqlab.json");
        Files.write(invalid, session(state(", \"profileId\": \"caf\u00e9\"")).getBytes(StandardCharsets.ISO_8859_1));
        String message = refusal(invalid);
        assertFalse(message.contains("Input length"), message);
        assertTrue(message.contains("line 1, column") && message.contains("UTF-8"), message);
        Path utf16 = dir.resolve("utf16.liqlab.json");
        Files.write(utf16, session(state("")).getBytes(StandardCharsets.UTF_16));
        try {
            assertEquals(1600, SessionFiles.read(utf16).width(), "read as profiles are: the encoding is detected");
        } catch (SessionFiles.SessionException e) {
            assertFalse(e.getMessage().contains("Input length"), e.getMessage());
        }
    }

    @Test
    void typeErrorsNameTheFieldAndWhatIsAllowed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.liqlab.json");
        Files.writeString(file, session("{\"tab\": \"x\"}"));
        String message = refusal(file);
        assertTrue(message.contains("$.session.tab: must be a whole number, got the string \"x\""), message);
        assertFalse(message.contains("`int`") || message.contains("Cannot deserialize"), message);
        Files.writeString(file, session(state(", \"cascade\": {\"positions\": [1]}")));
        message = refusal(file);
        assertTrue(message.contains("$.session.cascade.positions: must be a whole number"), message);
    }

    @Test
    void aFractionalFormatVersionIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v.liqlab.json");
        Files.writeString(file, session(state("")).replace("\"formatVersion\": 1", "\"formatVersion\": 1.5"));
        assertTrue(refusal(file).contains("$.formatVersion: must be the whole number 1, got the number 1.5"), refusal(file));
    }

    @Test
    void duplicateKeysAreRefusedAsInProfiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.liqlab.json");
        Files.writeString(file, session(state(", \"tab\": 2")));
        String message = refusal(file);
        assertTrue(message.contains("Duplicate") && message.contains("tab"), message);
    }

    @Test
    void largeFilesDevicesAndPipesAreRefusedWithoutReadingThem(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.liqlab.json");
        Files.writeString(big, session(state(", \"profileId\": \"" + "x".repeat(2 << 20) + "\"")));
        assertTrue(refusal(big).contains("a session file may be at most 1 MiB"), refusal(big));
        if (Files.exists(Path.of("/dev/zero"))) {
            String zero = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusal(Path.of("/dev/zero")));
            assertTrue(zero.startsWith("/dev/zero: is not a regular file"), zero);
        }
        Path fifo = dir.resolve("p.liqlab.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        String pipe = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusal(fifo));
        assertTrue(pipe.contains("not a regular file"), pipe);
    }

    @Test
    void cascadeValuesOutOfRangeAreBroughtIntoRangeAndNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.liqlab.json");
        Files.writeString(file, session(state(", \"cascade\": " + CASCADE.formatted("1e308", "-1", "5", "2147483647"))));
        SessionFiles.Opened opened = SessionFiles.readChecked(file);
        var c = opened.state().cascade();
        assertEquals(ScenarioReader.MAX_POSITIONS, c.positions());
        assertEquals(io.liqlab.ui.cascade.CascadeViewModel.MAX_SHOCK_PERCENT, c.shockPercent(), "the Cascade tab's end, not the scenario file's 90");
        assertEquals(1, c.longShare());
        assertEquals(SessionFiles.MIN_DEPTH_MULTIPLIER, c.depthMultiplier());
        String said = String.join("\n", opened.adjusted());
        for (String field : new String[] {"positions", "shockPercent", "longShare", "depthMultiplier"}) {
            assertTrue(said.contains("$.session.cascade." + field + ": "), said);
        }
        Files.writeString(file, session(state(", \"cascade\": " + CASCADE.formatted("-3", "1", "0.7", "200"))));
        assertTrue(SessionFiles.readChecked(file).adjusted().isEmpty(), "values in range stay as they are");
    }
}
