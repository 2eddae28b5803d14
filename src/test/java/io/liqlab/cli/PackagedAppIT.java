package io.liqlab.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** packaging/build.sh makes an app-image whose launcher runs the headless subcommands. */
class PackagedAppIT {

    @Test
    void theAppImageLauncherRunsCalc() throws Exception {
        Path jpackage = Path.of(System.getProperty("java.home"), "bin", "jpackage");
        if (!Files.isExecutable(jpackage)) {
            System.out.println("SKIPPED: no jpackage in " + jpackage.getParent() + "; the app-image test needs a full JDK 25");
            Assumptions.abort("no jpackage in this JDK");
        }
        ProcessBuilder build = new ProcessBuilder("bash", "packaging/build.sh", "--no-build").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "jpackage-build.log").toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process b = build.start();
        assertTrue(b.waitFor(300, TimeUnit.SECONDS), "jpackage timed out");
        assertEquals(0, b.exitValue(), Files.readString(Path.of("target", "jpackage-build.log")));

        Path launcher = Path.of("target", "jpackage", "out", "LiqLab", "bin", "LiqLab");
        assertTrue(Files.isExecutable(launcher));
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "calc", "--venue", "binance-usdm-btc", "--side", "long",
                "--entry", "60000", "--notional", "610000", "--leverage", "20", "--format", "json");
        pb.environment().remove("DISPLAY");
        pb.environment().put("LIQLAB_HOME", Files.createTempDirectory("liqlab-pkg").toString());
        Path out = Files.createTempFile("calc", ".json");
        Process p = pb.redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        JsonNode d = JsonMapper.shared().readTree(Files.readString(out));
        assertEquals(57_281.49, Math.round(d.get("liquidationPrice").doubleValue() * 100) / 100.0, 1e-9);
        assertEquals(2, d.get("tierAtLiquidation").intValue());
    }
}
