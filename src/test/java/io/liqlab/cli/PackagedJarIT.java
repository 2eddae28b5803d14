package io.liqlab.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, run as a separate process with no display: what scripts and classrooms run. */
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "liqlab.jar");
    private static String java;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void findJava() {
        assertTrue(Files.isRegularFile(JAR), "package the jar first: " + JAR.toAbsolutePath());
        java = ProcessHandle.current().info().command().orElse("java");
    }

    private static Result run(List<String> command, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("LIQLAB_HOME", Files.createTempDirectory("liqlab-it").toString());
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Result liqlab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    @Test
    void calcRunsHeadlessFromTheJar() throws Exception {
        Result r = liqlab("calc", "--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500",
                "--leverage", "25", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode d = JsonMapper.shared().readTree(r.out());
        assertEquals(57_900, d.get("liquidationPrice").doubleValue(), 0.005);
        assertEquals("", r.err().strip(), "nothing on stderr for a good run");
    }

    @Test
    void badInputFromTheJarIsOneLineWithExitTwo() throws Exception {
        Result r = liqlab("calc", "--venue", "textbook", "--side", "long", "--entry", "abc", "--qty", "1", "--leverage", "10");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void openingAMissingSessionIsOneLineWithExitTwo() throws Exception {
        Result r = liqlab("open", "no-such-session.liqlab.json");
        assertEquals(2, r.code());
        assertTrue(r.err().strip().endsWith("no such file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void theAppWithoutADisplaySaysSoInsteadOfAStackTrace() throws Exception {
        Result r = liqlab();
        assertEquals(1, r.code());
        assertTrue(r.err().contains("needs a display"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void sharedContractCheckerPasses() throws Exception {
        Path checker = Path.of("..", "shared", "tools", "check-cli-contract");
        Assumptions.assumeTrue(Files.isRegularFile(checker), "the shared contract checker is not beside the project");
        Assumptions.assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 is not installed");
        String javaBin = Path.of(java).getParent().toString();
        Result r = run(List.of("python3", checker.toString(), JAR.toString()),
                Map.of("PATH", javaBin + File.pathSeparator + System.getenv("PATH")));
        System.out.println(r.out());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith("0 failed"), r.out());
    }
}
