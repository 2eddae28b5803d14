package io.liqlab.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * packaging/build.sh makes an app-image whose launcher runs the headless subcommands, and a .deb that installs,
 * runs and goes away again with apt-get, on a machine with a desktop menu system and on one without.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {

    @Test
    @Order(1)
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
        // Every stylesheet the image ships (LiqLab's and ControlsFX's) has its binary form beside it, which JavaFX
        // loads in its place: no CSS text is parsed on the way to the first frame.
        java.util.List<String> textOnly = new java.util.ArrayList<>();
        try (var jars = Files.newDirectoryStream(launcher.getParent().resolveSibling("lib").resolve("app"), "*.jar")) {
            for (Path jar : jars) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".css"))
                            .filter(n -> zip.getEntry(n.substring(0, n.length() - 4) + ".bss") == null)
                            .forEach(n -> textOnly.add(jar.getFileName() + "!/" + n));
                }
            }
        }
        assertEquals(List.of(), textOnly, "stylesheets without their .bss");
        // The textbook profile: its answer is the formula's (57,900), whatever the venues' data say next month.
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "calc", "--venue", "textbook", "--side", "long",
                "--entry", "60000", "--notional", "12500", "--leverage", "25", "--format", "json");
        pb.environment().remove("DISPLAY");
        pb.environment().put("LIQLAB_HOME", Files.createTempDirectory("liqlab-pkg").toString());
        Path out = Files.createTempFile("calc", ".json");
        Process p = pb.redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        JsonNode d = JsonMapper.shared().readTree(Files.readString(out));
        assertEquals(57_900.00, Math.round(d.get("liquidationPrice").doubleValue() * 100) / 100.0, 1e-9);
        assertEquals(1, d.get("tierAtLiquidation").intValue());
    }

    /**
     * The .deb (built from the app-image above) in a throwaway root over this machine's own (packaging/test-deb-install.sh:
     * an overlay in a private mount namespace, so nothing here changes): apt-get install must end with the package
     * configured where xdg-desktop-menu finds no menu folders ("headless": it used to stop with exit 3 and leave the
     * package half-configured), the launcher must run calc and profiles headless, and apt-get remove must take it
     * all away; with the folders ("desktop"), the menu entry and the session file type must be registered and removed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"headless", "desktop"})
    @Order(2)
    void theDebInstallsRunsAndGoesAway(String system) throws Exception {
        Path log = Path.of("target", "jpackage-deb-" + system + ".log");
        Path deb = debPackage();
        int code = run(List.of("bash", "packaging/test-deb-install.sh", deb.toString(), system), log, 600);
        String out = Files.readString(log);
        if (code == 77) {
            System.out.println("SKIPPED: " + out.strip().lines().reduce((a, b) -> b).orElse("") + "; the .deb install test needs root, unshare and overlayfs");
            Assumptions.abort(out);
        }
        assertEquals(0, code, out);
        assertTrue(out.contains("ok: apt-get install ./liqlab.deb exits 0"), out);
    }

    private static Path debPackage() throws Exception {
        for (String tool : List.of("dpkg-deb", "fakeroot")) {
            if (run(List.of("sh", "-c", "command -v " + tool), Path.of("target", "which.log"), 10) != 0) {
                System.out.println("SKIPPED: no " + tool + "; the .deb test builds the package with jpackage, which needs it");
                Assumptions.abort("no " + tool);
            }
        }
        Path out = Path.of("target", "jpackage", "out");
        if (!debIn(out).isPresent()) {
            Path log = Path.of("target", "jpackage-deb-build.log");
            int code = run(List.of("bash", "packaging/build.sh", "--deb", "--no-build", "--reuse-image"), log, 900);
            assertEquals(0, code, Files.readString(log));
        }
        return debIn(out).orElseThrow(() -> new AssertionError("no .deb in " + out));
    }

    private static Optional<Path> debIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst();
        }
    }

    private static int run(List<String> command, Path log, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after " + seconds + " s: " + command);
        }
        return p.exitValue();
    }
}
