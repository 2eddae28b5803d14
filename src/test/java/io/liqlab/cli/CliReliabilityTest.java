package io.liqlab.cli;

import io.liqlab.TestProfiles;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 15: full disks, devices, pipes, @files, thin books and huge sweeps end cleanly, with one clear line. */
class CliReliabilityTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return run(TestProfiles::catalog, args);
    }

    static Run run(Supplier<ProfileCatalog> catalog, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out), new PrintWriter(err), catalog).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Like /dev/full: every write fails. */
    private static final class FullDisk extends OutputStream {
        long attempts;

        @Override
        public void write(int b) throws IOException {
            attempts++;
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            attempts++;
            throw new IOException("No space left on device");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "calc --venue textbook --side long --entry 60000 --notional 12500 --leverage 25",
            "calc --venue textbook --side long --entry 60000 --notional 12500 --leverage 25 --format json",
            "sweep --venue textbook --side long --entry 60000 --notional 12500",
            "sweep --venue textbook --side long --entry 60000 --notional 12500 --format json",
            "simulate --scenario classroom-small",
            "profiles show textbook",
            "profiles list"})
    void outputThatCannotBeWrittenExitsOneSayingSo(String args) {
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(new FullDisk(), false, StandardCharsets.UTF_8), new PrintWriter(err), TestProfiles::catalog)
                .execute(args.split(" "));
        assertEquals(Cli.EXIT_INTERNAL, code, err::toString);
        assertEquals("error: " + Cli.CANNOT_WRITE, err.toString().strip());
    }

    @Test
    void aSweepStopsSoonAfterItsOutputFails() {
        FullDisk disk = new FullDisk();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = new Cli(new PrintWriter(disk, false, StandardCharsets.UTF_8), new PrintWriter(err), TestProfiles::catalog)
                .execute("sweep --venue textbook --side long --entry 60000 --notional 12500 --from 1 --to 1000 --step 0.001".split(" "));
        assertEquals(Cli.EXIT_INTERNAL, code, err::toString);
        // One line, once: the streaming sweep's early stop and the final check both saw the failure (it was said twice).
        assertEquals("error: " + Cli.CANNOT_WRITE, err.toString().strip());
        assertTrue(disk.attempts < 1000, "stopped early, after " + disk.attempts + " failed writes");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "did not compute the whole million rows first");
    }

    @Test
    void aMillionRowSweepRunsInASmallHeap(@TempDir Path dir) throws Exception {
        // The issue's sweep (999,001 rows) needed 1-3 GB for JSON; streamed, 48 MB is plenty.
        for (String format : List.of("json", "csv")) {
            Path out = dir.resolve("sweep." + format);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                    "-cp", System.getProperty("java.class.path"), "io.liqlab.Main", "sweep", "--venue", "textbook",
                    "--side", "long", "--entry", "60000", "--notional", "100000", "--from", "1", "--to", "1000",
                    "--step", "0.001", "--format", format)
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
            assertEquals(0, p.waitFor(), () -> format + ": " + read(dir.resolve("err.txt")));
            try (var lines = Files.lines(out)) {
                long rows = format.equals("csv") ? lines.count() - 1 : lines.filter(l -> l.contains("\"profile\" :")).count();
                assertEquals(999_001, rows, format);
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void runningOutOfMemoryIsWordedForTheCommandThatRan() {
        Supplier<ProfileCatalog> exhausted = () -> {
            throw new OutOfMemoryError("Java heap space");
        };
        Run sweep = run(exhausted, "sweep", "--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "1000");
        assertEquals(Cli.EXIT_INTERNAL, sweep.code());
        assertTrue(sweep.err().contains("--step") && !sweep.err().contains("positions"), sweep.err());
        Run calc = run(exhausted, "calc", "--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "1000", "--leverage", "10");
        assertFalse(calc.err().contains("positions"), calc.err());
    }

    @Test
    void anArgumentStartingWithAtIsNotReadAsAFile(@TempDir Path dir) throws Exception {
        Path args = dir.resolve("args.txt");
        Files.writeString(args, "--venue textbook --side long --entry 60000 --notional 12500 --leverage 25\n");
        Run r = run("calc", "@" + args);
        assertEquals(Cli.EXIT_BAD_INPUT, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void atDevZeroEndsAtOnce() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run("calc", "@/dev/zero"));
        assertEquals(Cli.EXIT_BAD_INPUT, r.code());
    }

    @Test
    void pricesHaveASaneRangeNamedInTheMessage() {
        Run high = run("calc", "--venue", "textbook", "--side", "long", "--entry", "1e300", "--qty", "1", "--leverage", "10");
        assertEquals(Cli.EXIT_BAD_INPUT, high.code(), high.out());
        assertTrue(high.err().startsWith("error: --entry: must be a price from 1e-12 to 1e12"), high.err());
        Run tiny = run("calc", "--venue", "textbook", "--side", "long", "--entry", "1e-320", "--notional", "610000", "--leverage", "10");
        assertEquals(Cli.EXIT_BAD_INPUT, tiny.code(), tiny.out());
        assertTrue(tiny.err().startsWith("error: --entry: "), "blames the entry, not the notional: " + tiny.err());
        Run mark = run("calc", "--venue", "textbook", "--side", "long", "--entry", "60000", "--mark", "2e12", "--qty", "1", "--leverage", "10");
        assertTrue(mark.err().startsWith("error: --mark: must be a price from 1e-12 to 1e12"), mark.err());
        Run sweep = run("sweep", "--venue", "textbook", "--side", "long", "--entry", "1e300", "--qty", "1");
        assertTrue(sweep.err().startsWith("error: --entry: "), sweep.err());
    }

    @Test
    void framesEndingWithASeparatorAreAFolderNotAFileName(@TempDir Path dir) {
        String folder = dir.resolve("no-such-dir") + "/";
        Run r = run("simulate", "--scenario", "classroom-small", "--frames", folder);
        assertEquals(Cli.EXIT_BAD_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("--frames") && r.err().contains("names a folder"), r.err());
        assertFalse(Files.exists(dir.resolve("no-such-dir")), "nothing written");
        assertFalse(Files.exists(dir.resolve("no-such-dir.heatmap.csv")), "nothing written");
    }

    @Test
    void devNullAsAVenueIsNamedInFull() {
        assumeTrue(Files.exists(Path.of("/dev/null")));
        Run r = run("calc", "--venue", "/dev/null", "--side", "long", "--entry", "60000", "--qty", "1", "--leverage", "10");
        assertEquals(Cli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("/dev/null:") && !r.err().contains(" null: $"), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }

    @Test
    void devicesAreRefusedWithoutReadingThem() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Run venue = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> run("calc", "--venue", "/dev/zero", "--side", "long", "--entry", "60000", "--qty", "1", "--leverage", "10"));
        assertEquals(Cli.EXIT_BAD_INPUT, venue.code(), venue.err());
        assertTrue(venue.err().contains("/dev/zero: $: is not a regular file"), venue.err());
        Run show = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run("profiles", "show", "/dev/zero"));
        assertEquals(Cli.EXIT_BAD_INPUT, show.code(), show.err());
        assertTrue(show.err().contains("not a regular file"), show.err());
    }

    static Path fifo(Path dir, String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return null;
        }
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        return fifo;
    }

    @Test
    void aPipeAsAVenueIsRefusedNotWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir, "venue.json");
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> run("calc", "--venue", fifo.toString(), "--side", "long", "--entry", "60000", "--qty", "1", "--leverage", "10"));
        assertEquals(Cli.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }

    @Test
    void aPipeToImportIsRefusedNotWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir, "binance.json");
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> run("profiles", "import", "--format", "binance-leverage-bracket", "--into", dir.resolve("out").toString(), fifo.toString()));
        assertEquals(Cli.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }

    @Test
    void aPipeOrAHugeNumberInTheUserFolderStopsNothing(@TempDir Path dir) throws Exception {
        fifo(dir, "x.json");
        String shipped = new String(getClass().getResourceAsStream("/venue-profiles/textbook.json").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("huge.json"), hugeCap(shipped.replaceFirst("\"id\"\\s*:\\s*\"textbook\"", "\"id\": \"huge\"")));
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(() -> ProfileCatalog.load(new ProfileReader(), dir),
                "calc", "--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500", "--leverage", "25"));
        assertEquals(0, r.code(), r.err());
        Run list = run(() -> ProfileCatalog.load(new ProfileReader(), dir), "profiles", "list");
        assertTrue(list.err().contains("x.json") && list.err().contains("not a regular file"), list.err());
        assertTrue(list.err().contains("huge.json") && list.err().contains("a number too large to represent"), list.err());
    }

    /** The profile with its first tier's cap set to 1 followed by 400 zeros. */
    static String hugeCap(String profile) {
        String cap = "1" + "0".repeat(400);
        String out = profile.replaceFirst("\"cap\"\\s*:\\s*(null|[0-9.eE+]+)", "\"cap\": " + cap);
        assertTrue(out.contains(cap), "the test profile has a cap to replace");
        return out;
    }

    @Test
    void profilesValidateReportsAnIntegerBeyondDoubleRangeAtItsPath(@TempDir Path dir) throws Exception {
        String shipped = new String(getClass().getResourceAsStream("/venue-profiles/textbook.json").readAllBytes(), StandardCharsets.UTF_8);
        Path file = dir.resolve("huge.json");
        Files.writeString(file, hugeCap(shipped));
        Run r = run("profiles", "validate", file.toString());
        assertEquals(Cli.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("$.tiers[0].cap") && r.err().contains("a number too large to represent"), r.err());
        assertFalse(r.err().contains("BigInteger") || r.err().contains("internal error"), r.err());
    }

    @Test
    void aBookThatRunsOutStopsThePriceAtItsFloorAndSaysWhen(@TempDir Path dir) throws Exception {
        String shipped = new String(getClass().getResourceAsStream("/scenarios/classroom-small.json").readAllBytes(), StandardCharsets.UTF_8);
        Path thin = dir.resolve("thin.json");
        Files.writeString(thin, shipped.replaceAll("\"(bid|ask)DepthPerPercent\"\\s*:\\s*[0-9]+", "\"$1DepthPerPercent\": 1000"));
        Run json = run("simulate", "--scenario", thin.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode d = JsonMapper.shared().readTree(json.out());
        assertTrue(d.get("bookRanOutAtSecond").isNumber(), json.out());
        assertTrue(d.get("priceLow").doubleValue() > 0, json.out());
        Run text = run("simulate", "--scenario", thin.toString());
        assertTrue(text.out().contains("Book ran out"), text.out());
        Run calm = run("simulate", "--scenario", "classroom-small", "--format", "json");
        assertFalse(JsonMapper.shared().readTree(calm.out()).has("bookRanOutAtSecond"), calm.out());
    }
}
