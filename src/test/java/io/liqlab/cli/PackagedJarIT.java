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

    /**
     * The shared checker's three Bybit liquidation examples pass no maintenance rate: they assume the help centre's
     * mmr 0.5%, tier 1's rate when the examples were written. The shipped table (recorded 2026-09-25,
     * ../shared/reference/venues/bybit-linear-btc.json) puts 20,000 of entry value in a tier of 0.33%, so the shipped
     * profile answers 19,666 / 23,334 / 19,866 there. Those three lines, and only those with exactly these
     * answers, are accepted; the examples themselves are checked with their stated rate below and in
     * OfficialExamplesTest. Every other line of the checker must pass.
     */
    private static final Map<String, Double> SUPERSEDED_BYBIT_EXAMPLES = Map.of(
            "liquidationPrice of --venue bybit-linear-btc --entry 20000 --qty 1 --side long --leverage 50", 19_666.0,
            "liquidationPrice of --venue bybit-linear-btc --entry 20000 --qty 1 --side short --margin 3400", 23_334.0,
            "liquidationPrice of --venue bybit-linear-btc --entry 20000 --qty 1 --side long --leverage 50 --funding-paid 200", 19_866.0);

    @Test
    void sharedContractCheckerPasses() throws Exception {
        Path checker = Path.of("..", "shared", "tools", "check-cli-contract");
        Assumptions.assumeTrue(Files.isRegularFile(checker), "the shared contract checker is not beside the project");
        Assumptions.assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 is not installed");
        String javaBin = Path.of(java).getParent().toString();
        Result r = run(List.of("python3", checker.toString(), JAR.toString()),
                Map.of("PATH", javaBin + File.pathSeparator + System.getenv("PATH")));
        System.out.println(r.out());
        List<String> failures = r.out().lines().filter(l -> l.startsWith("FAIL")).toList();
        List<String> unexpected = new java.util.ArrayList<>();
        for (String line : failures) {
            String check = line.substring(4).strip();
            Double superseded = SUPERSEDED_BYBIT_EXAMPLES.entrySet().stream().filter(e -> check.startsWith(e.getKey() + "  "))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (superseded == null || !check.endsWith("got " + superseded)) {
                unexpected.add(line);
            }
        }
        assertEquals(List.of(), unexpected, r.out() + r.err());
        assertTrue(r.out().strip().endsWith(failures.size() + " failed"), r.out());
        assertTrue(failures.size() <= SUPERSEDED_BYBIT_EXAMPLES.size(), r.out());
    }

    @Test
    void bybitExamplesReproduceWithTheirStatedRate() throws Exception {
        String[] y = {"calc", "--venue", "bybit-linear-btc", "--entry", "20000", "--qty", "1", "--mmr", "0.005", "--maintenance-amount", "0",
                "--format", "json"};
        for (String[] tail : new String[][] {{"--side", "long", "--leverage", "50"}, {"--side", "short", "--margin", "3400"},
                {"--side", "long", "--leverage", "50", "--funding-paid", "200"}}) {
            List<String> args = new java.util.ArrayList<>(List.of(y));
            args.addAll(List.of(tail));
            Result r = liqlab(args.subList(0, args.size()).toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            double liq = JsonMapper.shared().readTree(r.out()).get("liquidationPrice").doubleValue();
            double expected = tail[1].equals("short") ? 23_300 : tail.length > 4 ? 19_900 : 19_700;
            assertEquals(expected, Math.round(liq * 100) / 100.0, 1e-9, String.join(" ", args));
        }
    }
}
