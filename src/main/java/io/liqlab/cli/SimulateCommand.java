package io.liqlab.cli;

import io.liqlab.core.Numbers;
import io.liqlab.profile.VenueProfile;
import io.liqlab.report.FramesCsv;
import io.liqlab.sim.PhaseMap;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioException;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SeedSpread;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.SimulationSummary;
import io.liqlab.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Runs a liquidation-cascade scenario and prints its summary. A teaching model, not a forecast.")
final class SimulateCommand implements Callable<Integer> {
    static final String TEACHING_NOTE = "A teaching model with illustrative numbers, not a forecast of any market.";

    @Option(names = "--scenario", required = true, paramLabel = "FILE|NAME", description = "A scenario .json file or the id of a shipped scenario (e.g. classroom-small).")
    String scenario;
    @Option(names = "--venue", paramLabel = "ID", description = "Venue profile id replacing the scenario's venue (see 'profiles list').")
    String venue;
    @Option(names = "--positions", paramLabel = "N", converter = WholeNumberConverter.class, description = "Number of positions replacing the scenario's (1 to 10,000,000).")
    Long positions;
    @Option(names = "--seed", paramLabel = "S", converter = WholeNumberConverter.class, description = "Random seed replacing the scenario's (any 64-bit whole number).")
    Long seed;
    @Option(names = "--seeds", paramLabel = "N|A..B", description = "Run seeds 1..N (or A..B) instead of one seed and print each headline "
            + "figure as median and 10th-90th percentile over them (1 to 1,000 seeds, on every core).")
    String seeds;
    @Option(names = "--map", paramLabel = "P=A:B:N,Q=C:D:M", description = "A phase map instead of one run: P from A to B in N steps "
            + "against Q from C to D in M steps (parameters shock, depth, leverage, longshare; at most 10,000 cells), one CSV row per cell.")
    String map;
    @Option(names = "--frames", paramLabel = "OUT.csv", description = "Write every frame to this CSV file, and the heatmap beside it (OUT.heatmap.csv).")
    String frames;
    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text", description = "text or json; with --map csv (the default) or json.")
    String format;
    @Option(names = "--bench", description = "Time the engine against sorting 1,000,000 doubles, cold (fresh JVMs, -Xmx128m) and warm, instead of printing the summary.")
    boolean bench;
    @Option(names = "--bench-runs", paramLabel = "K", defaultValue = "5", converter = WholeNumberConverter.class, description = "Measurements per figure for --bench (1 to 50, default 5); the median is reported.")
    Long benchRuns;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Cli cli;

    SimulateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (map != null) {
            return callMap();
        }
        boolean json = Cli.format(format, "text", "json").equals("json");
        if (positions != null && (positions < 1 || positions > ScenarioReader.MAX_POSITIONS)) {
            throw new BadInputException("--positions: must be a whole number from 1 to "
                    + String.format(Locale.ROOT, "%,d", ScenarioReader.MAX_POSITIONS) + ", got " + positions);
        }
        if (venue != null && venue.isBlank()) {
            throw new BadInputException("--venue: must be a profile id; known ids: " + knownIds());
        }
        long[] seedRange = seeds == null ? null : parseSeeds(seeds);
        if (seedRange != null && seed != null) {
            throw new BadInputException("--seeds: cannot be combined with --seed (give one seed or a range)");
        }
        if (seedRange != null && bench) {
            throw new BadInputException("--seeds: cannot be combined with --bench");
        }
        Path framesPath = frames == null ? null : checkFramesPath(frames);

        Scenario s = scenarioAsAsked();
        VenueProfile profile = profileFor(s);
        if (!bench && benchRunsGiven()) {
            throw new BadInputException("--bench-runs: applies only with --bench");
        }
        if (bench) {
            if (benchRuns < 1 || benchRuns > 50) {
                throw new BadInputException("--bench-runs: must be a whole number from 1 to 50, got " + benchRuns);
            }
            if (framesPath != null) {
                throw new BadInputException("--frames: cannot be combined with --bench");
            }
            SimulationBench.Report report = SimulationBench.run(s, scenario, profile.rules(), benchRuns.intValue());
            PrintWriter out = cli.out();
            out.print(json ? cli.json(benchJson(report)) : benchText(report));
            out.flush();
            return 0;
        }

        if (seedRange != null) {
            if (framesPath != null) {
                throw new BadInputException("--frames: cannot be combined with --seeds (frames are written for one seed; use --seed)");
            }
            SeedSpread.Result spread = SeedSpread.run(s, profile.rules(), seedRange[0], seedRange[1]);
            PrintWriter out = cli.out();
            out.print(json ? cli.json(spreadJson(spread)) : spreadText(spread, profile));
            out.flush();
            return 0;
        }

        SimulationResult result = Simulator.runWarmingUp(s, profile.rules());

        Path heatmapPath = null;
        if (framesPath != null) {
            heatmapPath = writeFrames(result, framesPath);
        }
        PrintWriter out = cli.out();
        if (json) {
            out.print(cli.json(toJson(result, framesPath)));
        } else {
            out.print(text(result, profile, framesPath, heatmapPath));
        }
        out.flush();
        return 0;
    }

    private Integer callMap() {
        boolean formatGiven = spec != null && spec.commandLine().getParseResult().hasMatchedOption("--format");
        boolean json = formatGiven && Cli.format(format, "csv", "json").equals("json");
        if (positions != null && (positions < 1 || positions > ScenarioReader.MAX_POSITIONS)) {
            throw new BadInputException("--positions: must be a whole number from 1 to "
                    + String.format(Locale.ROOT, "%,d", ScenarioReader.MAX_POSITIONS) + ", got " + positions);
        }
        if (venue != null && venue.isBlank()) {
            throw new BadInputException("--venue: must be a profile id; known ids: " + knownIds());
        }
        PhaseMap.Axis[] axes = MapOption.parse(map);
        long[] seedRange = seeds == null ? null : parseSeeds(seeds);
        if (seedRange != null && seed != null) {
            throw new BadInputException("--seeds: cannot be combined with --seed (give one seed or a range)");
        }
        if (frames != null) {
            throw new BadInputException("--frames: cannot be combined with --map (frames are written for one run)");
        }
        if (bench || benchRunsGiven()) {
            throw new BadInputException("--bench: cannot be combined with --map");
        }
        Scenario s = scenarioAsAsked();
        VenueProfile profile = profileFor(s);
        PhaseMap.Request request = seedRange == null
                ? new PhaseMap.Request(s, profile.rules(), axes[0], axes[1])
                : new PhaseMap.Request(s, profile.rules(), axes[0], axes[1], seedRange[0], (int) (seedRange[1] - seedRange[0] + 1));
        PhaseMap.Result result = PhaseMap.run(request, (cell, done, total) -> { }, () -> false);
        PrintWriter out = cli.out();
        out.print(json ? cli.json(MapOption.json(result)) : MapOption.csv(result));
        out.flush();
        return 0;
    }

    private static final String SEEDS_RANGE = "N from 1 to 1,000 (seeds 1..N) or A..B with 1 <= A <= B and at most 1,000 seeds";

    /** {@code N} as 1..N, or {@code A..B}; seeds are positive whole numbers, at most {@link SeedSpread#MAX_SEEDS}. */
    static long[] parseSeeds(String value) {
        String v = value.strip();
        int dots = v.indexOf("..");
        long first;
        long last;
        try {
            if (dots < 0) {
                first = 1;
                last = Long.parseLong(v.replace("_", "").replace(",", ""));
            } else {
                first = Long.parseLong(v.substring(0, dots).strip());
                last = Long.parseLong(v.substring(dots + 2).strip());
            }
        } catch (NumberFormatException e) {
            throw new BadInputException("--seeds: must be " + SEEDS_RANGE + ", got '" + value + "'");
        }
        if (first < 1 || last < 1) {
            throw new BadInputException("--seeds: seeds are whole numbers from 1; must be " + SEEDS_RANGE + ", got '" + value + "'");
        }
        if (first > last) {
            throw new BadInputException("--seeds: the first seed is above the last; must be " + SEEDS_RANGE + ", got '" + value + "'");
        }
        if (last - first >= SeedSpread.MAX_SEEDS) {
            throw new BadInputException("--seeds: more than 1,000 seeds; must be " + SEEDS_RANGE + ", got '" + value + "'");
        }
        return new long[] {first, last};
    }

    static ObjectNode spreadJson(SeedSpread.Result r) {
        Scenario s = r.scenario();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("scenario", s.id());
        o.put("venue", s.venue());
        o.put("firstSeed", r.firstSeed());
        o.put("lastSeed", r.lastSeed());
        o.put("seeds", r.summaries().size());
        o.put("positions", s.population().positions());
        o.put("threads", r.threads());
        ObjectNode figures = o.putObject("figures");
        for (SeedSpread.Figure f : SeedSpread.Figure.values()) {
            SeedSpread.Band b = r.band(f);
            ObjectNode fo = figures.putObject(f.key());
            boolean money = f != SeedSpread.Figure.LONG_SHARE && f != SeedSpread.Figure.TROUGH_PERCENT;
            for (String q : List.of("median", "p10", "p90")) {
                double v = q.equals("median") ? b.median() : q.equals("p10") ? b.p10() : b.p90();
                if (money) {
                    money(fo, q, v);
                } else {
                    decimal(fo, q, v);
                }
            }
            fo.put("seedsDefined", b.defined());
        }
        tools.jackson.databind.node.ArrayNode per = o.putArray("perSeed");
        for (int i = 0; i < r.summaries().size(); i++) {
            SimulationSummary m = r.summaries().get(i);
            ObjectNode so = per.addObject();
            so.put("seed", r.firstSeed() + i);
            money(so, "liquidatedNotional", m.liquidatedNotional());
            decimal(so, "longShare", m.longShareOfLiquidated());
            decimal(so, "troughPercent", m.troughPercent());
            money(so, "adlNotional", m.adlNotional());
            money(so, "badDebt", m.badDebt());
            money(so, "insuranceFundMin", m.insuranceFundMin());
        }
        o.put("elapsedMillis", r.elapsedMillis());
        return o;
    }

    static String spreadText(SeedSpread.Result r, VenueProfile profile) {
        Scenario s = r.scenario();
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(s.name()).append(" (").append(s.id()).append(")").append(nl);
        sb.append("  venue ").append(profile.name()).append(" (").append(profile.id()).append(")   seeds ")
                .append(r.firstSeed()).append("..").append(r.lastSeed()).append(" (").append(count(r.summaries().size()))
                .append(" runs of ").append(count(s.population().positions())).append(" positions on ")
                .append(r.threads()).append(r.threads() == 1 ? " thread)" : " threads)").append(nl).append(nl);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "median", "10th pct", "90th pct", ""});
        for (SeedSpread.Figure f : SeedSpread.Figure.values()) {
            SeedSpread.Band b = r.band(f);
            String unit = switch (f) {
                case LONG_SHARE, TROUGH_PERCENT -> "%";
                default -> "USD";
            };
            if (b.defined() < r.summaries().size()) {
                unit += "   (over the " + b.defined() + " seeds with a liquidation)";
            }
            rows.add(new String[] {f.label(), spreadValue(f, b.median()), spreadValue(f, b.p10()), spreadValue(f, b.p90()), unit});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < 4; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            sb.append(String.format(Locale.ROOT, "  %-" + width[0] + "s   %" + width[1] + "s   %" + width[2] + "s   %"
                    + width[3] + "s", row[0], row[1], row[2], row[3]));
            if (!row[4].isEmpty()) {
                sb.append("   ").append(row[4]);
            }
            sb.append(nl);
        }
        sb.append(nl).append("  Run time ").append(count(r.elapsedMillis())).append(" ms").append(nl);
        if (profile.hasStandIns()) {
            sb.append("  The venue profile contains stand-in values (see 'liqlab profiles show ").append(profile.id())
                    .append("').").append(nl);
        }
        sb.append("  ").append(TEACHING_NOTE).append(nl);
        return sb.toString();
    }

    private static String spreadValue(SeedSpread.Figure f, double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return switch (f) {
            case LONG_SHARE -> String.format(Locale.ROOT, "%.1f", v * 100);
            case TROUGH_PERCENT -> String.format(Locale.ROOT, "%+.2f", v);
            default -> Numbers.money(v);
        };
    }

    private boolean benchRunsGiven() {
        return spec != null && spec.commandLine().getParseResult().hasMatchedOption("--bench-runs");
    }

    private static ObjectNode benchJson(SimulationBench.Report r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("positions", r.positions());
        o.put("runs", r.runs());
        o.put("sortSize", SimulationBench.SORT_SIZE);
        o.put("coldHeap", SimulationBench.HEAP);
        o.put("bytesPerPosition", io.liqlab.sim.Simulator.BYTES_PER_POSITION);
        o.put("peakBytesPerPosition", io.liqlab.sim.Simulator.PEAK_BYTES_PER_POSITION);
        putMeasurement(o, "cold", r.cold());
        putMeasurement(o, "warm", r.warm());
        if (r.coldNote() != null) {
            o.put("coldNote", r.coldNote());
        }
        return o;
    }

    private static void putMeasurement(ObjectNode o, String prefix, SimulationBench.Measurement m) {
        if (m == null) {
            for (String f : List.of("EngineMillis", "SortMillis", "Ratio", "PopulationMillis", "OrderingMillis", "CascadeMillis")) {
                o.putNull(prefix + f);
            }
            return;
        }
        decimal(o, prefix + "EngineMillis", m.engineMillis());
        decimal(o, prefix + "SortMillis", m.sortMillis());
        decimal(o, prefix + "Ratio", m.ratio());
        decimal(o, prefix + "PopulationMillis", m.populationMillis());
        decimal(o, prefix + "OrderingMillis", m.orderingMillis());
        decimal(o, prefix + "CascadeMillis", m.cascadeMillis());
    }

    private static String benchText(SimulationBench.Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Engine (whole run, %,d positions) against Arrays.sort of %,d random doubles;%n",
                r.positions(), SimulationBench.SORT_SIZE));
        b.append(String.format(Locale.ROOT, "median of %d, milliseconds.%n%n", r.runs()));
        b.append(String.format(Locale.ROOT, "  %-34s %10s %10s %8s%n", "", "engine", "sort", "ratio"));
        line(b, "cold (fresh JVM each, " + SimulationBench.HEAP + ")", r.cold());
        line(b, "warm (this JVM, after 5 warm-ups)", r.warm());
        if (r.coldNote() != null) {
            b.append("  cold: ").append(r.coldNote()).append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "  memory: %d bytes per position for the run, %d at the peak while ordering; "
                + "every cold run above fits in %s%n", io.liqlab.sim.Simulator.BYTES_PER_POSITION,
                io.liqlab.sim.Simulator.PEAK_BYTES_PER_POSITION, SimulationBench.HEAP));
        b.append(System.lineSeparator()).append("  engine time by phase: population / ordering / cascade").append(System.lineSeparator());
        phases(b, "cold", r.cold());
        phases(b, "warm", r.warm());
        return b.toString();
    }

    private static void line(StringBuilder b, String label, SimulationBench.Measurement m) {
        if (m == null) {
            b.append(String.format(Locale.ROOT, "  %-34s %10s %10s %8s%n", label, "-", "-", "-"));
            return;
        }
        b.append(String.format(Locale.ROOT, "  %-34s %10.1f %10.1f %8.2f%n", label, m.engineMillis(), m.sortMillis(), m.ratio()));
    }

    private static void phases(StringBuilder b, String label, SimulationBench.Measurement m) {
        if (m != null) {
            b.append(String.format(Locale.ROOT, "  %-6s %8.1f / %.1f / %.1f%n", label, m.populationMillis(),
                    m.orderingMillis(), m.cascadeMillis()));
        }
    }

    /** The scenario named by --scenario with --venue, --positions and --seed applied: one run and a map start from it. */
    private Scenario scenarioAsAsked() {
        Scenario s;
        try {
            s = cli.scenarios().resolve(scenario);
        } catch (ScenarioException e) {
            throw new BadInputException("--scenario: " + e.getMessage());
        }
        if (venue != null) {
            s = s.withVenue(venue.trim());
        }
        if (positions != null) {
            s = s.withPositions(positions.intValue());
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        return s;
    }

    private VenueProfile profileFor(Scenario s) {
        return cli.catalog().find(s.venue()).orElseThrow(() -> {
            if (venue != null) {
                return new BadInputException("--venue: no such profile '" + s.venue() + "'; known ids: " + knownIds());
            }
            return new BadInputException("--scenario: its venue '" + s.venue() + "' is not a known profile; known ids: "
                    + knownIds() + " (choose one with --venue)");
        });
    }

    private String knownIds() {
        return cli.catalog().profiles().stream().map(VenueProfile::id).collect(Collectors.joining(", "));
    }

    /** Refuses a frames path that cannot be written before the run, so a long run is not wasted on a typo. */
    static Path checkFramesPath(String value) {
        if (value.isBlank()) {
            throw new BadInputException("--frames: must be a file name such as run.csv");
        }
        Path p;
        try {
            p = Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadInputException("--frames: '" + value + "' is not a usable file name (" + e.getReason() + ")");
        }
        // Path.of drops a trailing separator: "out/" would become a file named "out".
        if (value.endsWith("/") || value.endsWith(java.io.File.separator)) {
            throw new BadInputException("--frames: '" + value + "' names a folder (it ends with a separator); give a file name such as "
                    + p.resolve("run.csv"));
        }
        if (Files.isDirectory(p)) {
            throw new BadInputException("--frames: '" + value + "' is a folder; give a file name such as "
                    + p.resolve("run.csv"));
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent == null || !Files.exists(parent)) {
            throw new BadInputException("--frames: the folder " + (parent == null ? "of '" + value + "'" : "'" + parent + "'")
                    + " does not exist; create it first or choose another file");
        }
        if (!Files.isDirectory(parent)) {
            throw new BadInputException("--frames: '" + parent + "' is a file, not a folder; choose another file");
        }
        Path heatmap = FramesCsv.heatmapPath(p);
        if (Files.isDirectory(heatmap)) {
            throw new BadInputException("--frames: the heatmap file beside it, '" + heatmap + "', is a folder; choose another file");
        }
        for (Path file : List.of(p, heatmap)) {
            // A device or a pipe would be replaced by a plain file (the write goes through a temporary file).
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new BadInputException("--frames: '" + file + "' is not a regular file (a device or a pipe); "
                        + "choose a file name such as run.csv");
            }
        }
        for (Path file : List.of(p, heatmap)) {
            // The files are written through a temporary file in the folder they end up in (a link's target's):
            // try making one there now, rather than after the run.
            Path folder = parent;
            try {
                folder = io.liqlab.profile.AtomicFiles.destination(file).getParent();
                Files.delete(Files.createTempFile(folder, ".liqlab-probe.", ".tmp"));
            } catch (IOException e) {
                throw new BadInputException("--frames: cannot write in the folder '" + folder + "': " + reason(e));
            }
        }
        return p;
    }

    private static Path writeFrames(SimulationResult result, Path framesPath) {
        try {
            return FramesCsv.writeFiles(result.frames(), framesPath);
        } catch (IOException e) {
            // The failure names the file it was about: the frames file or the heatmap beside it.
            String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : framesPath.toString();
            throw new BadInputException("--frames: cannot write '" + file + "': " + reason(e)
                    + (e.getSuppressed().length == 0 ? "; nothing was written" : "; putting back the files already replaced failed too"));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist or does not take new files";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "the file system refused (" + e.getClass().getSimpleName() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    static ObjectNode toJson(SimulationResult r, Path framesPath) {
        Scenario s = r.scenario();
        SimulationSummary m = r.summary();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("scenario", s.id());
        o.put("venue", s.venue());
        o.put("seed", s.seed());
        o.put("ticks", m.ticks());
        o.put("positions", m.positions());
        o.put("liquidations", m.liquidations());
        money(o, "liquidatedNotionalLong", m.liquidatedNotionalLong());
        money(o, "liquidatedNotionalShort", m.liquidatedNotionalShort());
        o.put("partialLiquidations", m.partialLiquidations());
        money(o, "backstopNotional", m.backstopNotional());
        o.put("adlCount", m.adlCount());
        money(o, "adlNotional", m.adlNotional());
        if (m.adlCount() > 0) {
            // Only then, as bookRanOutAtSecond: a run without ADL keeps its fields.
            decimal(o, "firstAdlAtSecond", r.firstAdlSecond());
            decimal(o, "firstLiquidationAtSecond", r.firstLiquidationSecond());
            money(o, "adlNotionalInProfit", m.adlNotionalInProfit());
        }
        money(o, "insuranceFundMin", m.insuranceFundMin());
        money(o, "insuranceFundEnd", m.insuranceFundEnd());
        money(o, "badDebt", m.badDebt());
        decimal(o, "priceStart", m.priceStart());
        decimal(o, "priceLow", m.priceLow());
        decimal(o, "priceEnd", m.priceEnd());
        decimal(o, "maxR", m.maxR());
        if (m.bookRanOut()) {
            // Only then: the usual summary keeps its fields, all numbers.
            decimal(o, "bookRanOutAtSecond", m.bookRanOutSecond());
        }
        o.put("elapsedMillis", m.elapsedMillis());
        if (framesPath != null) {
            o.put("frames", framesPath.toString());
        }
        return o;
    }

    private static void money(ObjectNode o, String name, double v) {
        put(o, name, JsonNumbers.cents(v));
    }

    private static void decimal(ObjectNode o, String name, double v) {
        put(o, name, JsonNumbers.decimal(v));
    }

    private static void put(ObjectNode o, String name, BigDecimal v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    /** One labelled figure of the text block: the value right-aligned with the others, then an optional remark. */
    private record Row(String label, String value, String remark) {
    }

    static String text(SimulationResult r, VenueProfile profile, Path framesPath, Path heatmapPath) {
        Scenario s = r.scenario();
        SimulationSummary m = r.summary();
        String nl = System.lineSeparator();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Ticks", count(m.ticks()), "(" + Numbers.quantity(s.clock().tickSeconds()) + " s each)"));
        rows.add(new Row("Positions", count(m.positions()), ""));
        rows.add(new Row("Liquidations", count(m.liquidations()), "(" + count(m.partialLiquidations()) + " partial)"));
        rows.add(new Row("Liquidated long", Numbers.money(m.liquidatedNotionalLong()), "USD"));
        rows.add(new Row("Liquidated short", Numbers.money(m.liquidatedNotionalShort()), "USD"));
        rows.add(new Row("To the backstop", Numbers.money(m.backstopNotional()), "USD"));
        rows.add(new Row("ADL fills", count(m.adlCount()), "(" + Numbers.money(m.adlNotional()) + " USD closed)"));
        if (m.adlCount() > 0) {
            rows.add(new Row("First ADL", "t=" + Numbers.quantity(r.firstAdlSecond()) + " s",
                    "(" + Numbers.quantity(r.firstAdlSecond() - r.firstLiquidationSecond()) + " s after the first liquidation)"));
            rows.add(new Row("ADL'd in profit", String.format(Locale.ROOT, "%.1f", 100 * m.adlShareInProfit()),
                    "% of the ADL notional (closed at a gain against entry)"));
        }
        rows.add(new Row("Insurance fund min", Numbers.money(m.insuranceFundMin()), "USD"));
        rows.add(new Row("Insurance fund end", Numbers.money(m.insuranceFundEnd()), "USD"));
        rows.add(new Row("Bad debt", Numbers.money(m.badDebt()), "USD"));
        rows.add(new Row("Price start", Numbers.price(m.priceStart()), ""));
        rows.add(new Row("Price low", Numbers.price(m.priceLow()), percent(m.troughPercent())));
        rows.add(new Row("Price end", Numbers.price(m.priceEnd()), percent((m.priceEnd() / m.priceStart() - 1) * 100)));
        rows.add(new Row("Max cascade ratio R", Double.isFinite(m.maxR()) ? String.format(Locale.ROOT, "%,.3f", m.maxR()) : "n/a",
                m.maxR() > 1 ? "above 1: liquidations outran the book" : ""));
        if (m.bookRanOut()) {
            rows.add(new Row("Book ran out", "t=" + Numbers.quantity(m.bookRanOutSecond()) + " s",
                    "an order took all the depth on one side; the price stopped at the book's edge (the depth is too thin)"));
        }
        rows.add(new Row("Run time", count(m.elapsedMillis()), "ms"));
        int width = rows.stream().mapToInt(row -> row.value().length()).max().orElse(0);

        StringBuilder sb = new StringBuilder();
        sb.append(s.name()).append(" (").append(s.id()).append(")").append(nl);
        sb.append("  venue ").append(profile.name()).append(" (").append(profile.id()).append(")   seed ").append(s.seed())
                .append(nl).append(nl);
        for (Row row : rows) {
            sb.append(String.format(Locale.ROOT, "  %-20s %" + width + "s", row.label(), row.value()));
            if (!row.remark().isEmpty()) {
                sb.append("   ").append(row.remark());
            }
            sb.append(nl);
        }
        sb.append(nl);
        if (profile.hasStandIns()) {
            sb.append("  The venue profile contains stand-in values (see 'liqlab profiles show ").append(profile.id())
                    .append("').").append(nl);
        }
        if (framesPath != null) {
            sb.append("  Frames written to ").append(framesPath).append(", heatmap to ").append(heatmapPath).append(nl);
        }
        sb.append("  ").append(TEACHING_NOTE).append(nl);
        return sb.toString();
    }

    private static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "(%+.2f%%)", v) : "";
    }
}
