package io.liqlab.ui.workspace;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Side;
import io.liqlab.ui.compare.ComparisonViewModel;
import io.liqlab.ui.position.ChartsViewModel;
import io.liqlab.ui.position.InputField;
import io.liqlab.ui.position.PositionViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session files: a round trip, versions, and the recent list. */
class SessionFilesTest {

    private static WorkspaceViewModel workspace() {
        LiquidationEngine engine = new LiquidationEngine();
        PositionViewModel p = new PositionViewModel(engine, TestProfiles.catalog().profiles());
        return new WorkspaceViewModel(p, new ChartsViewModel(p, List.of("textbook")),
                new ComparisonViewModel(engine, TestProfiles.catalog().profiles(), p.positionProperty()));
    }

    @Test
    void aSavedSessionOpensToTheSamePositionsAndProfiles(@TempDir Path dir) throws Exception {
        SessionFiles files = new SessionFiles(dir.resolve("recent.json"));
        WorkspaceViewModel first = workspace();
        first.position().profileProperty().set(TestProfiles.get("okx-swap-btc"));
        first.position().sideProperty().set(Side.SHORT);
        first.position().textProperty(InputField.SIZE).set("250000");
        first.charts().comparedProfiles().add(TestProfiles.get("gte-btc"));
        Path file = dir.resolve("lesson" + SessionFiles.EXTENSION);
        files.save(file, first.capture(0, 0, 1600, 1000, false, 0), "LiqLab test");

        WorkspaceViewModel second = workspace();
        second.restore(files.open(file));
        assertEquals("okx-swap-btc", second.position().profileProperty().get().id());
        assertEquals(Side.SHORT, second.position().sideProperty().get());
        assertEquals("250000", second.position().textProperty(InputField.SIZE).get());
        // OKX is drawn as the form's venue (issue 14 item 4).
        assertEquals(List.of("textbook", "gte-btc", "okx-swap-btc"), second.charts().comparedProfiles().stream().map(p -> p.id()).toList());
        assertEquals(first.position().resultProperty().get().liquidationPrice(), second.position().resultProperty().get().liquidationPrice());
        assertEquals(List.of(file.toAbsolutePath().normalize()), files.recent());
    }

    @Test
    void aFileFromANewerVersionSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("future.liqlab.json"),
                "{\"format\": \"liqlab-session\", \"formatVersion\": 7, \"savedBy\": \"LiqLab 9.0\", \"session\": {}}");
        SessionFiles.SessionException e = assertThrows(SessionFiles.SessionException.class, () -> new SessionFiles(dir.resolve("r.json")).open(file));
        assertTrue(e.getMessage().contains("written by a newer LiqLab (LiqLab 9.0, session format 7)"), e.getMessage());
        assertTrue(e.getMessage().contains("this version reads format 1"), e.getMessage());
    }

    @Test
    void otherFilesAreRefusedWithAReason(@TempDir Path dir) throws Exception {
        SessionFiles files = new SessionFiles(dir.resolve("r.json"));
        assertTrue(assertThrows(SessionFiles.SessionException.class, () -> files.open(dir.resolve("missing.liqlab.json")))
                .getMessage().endsWith("no such file"));
        Path profile = Path.of("venue-profiles", "textbook.json");
        assertTrue(assertThrows(SessionFiles.SessionException.class, () -> files.open(profile)).getMessage().contains("not a LiqLab session file"));
        Path junk = Files.writeString(dir.resolve("junk.liqlab.json"), "{ not json");
        assertTrue(assertThrows(SessionFiles.SessionException.class, () -> files.open(junk)).getMessage().contains("not valid JSON"));
        // A file cut short says where, as a profile or scenario does, without Jackson's internal source description.
        Path cut = Files.writeString(dir.resolve("cut.liqlab.json"), "{\n  \"format\": \"liqlab-session\",\n  \"session\": {");
        String message = assertThrows(SessionFiles.SessionException.class, () -> files.open(cut)).getMessage();
        assertTrue(message.contains("line 3, column"), message);
        assertTrue(!message.contains("Source") && !message.contains("REDACTED") && !message.contains("StreamReadFeature"), message);
    }
}
