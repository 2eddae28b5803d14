package io.liqlab.sim;

import io.liqlab.sim.Scenario.AdlMode;
import io.liqlab.sim.Scenario.Book;
import io.liqlab.sim.Scenario.VenueDepth;
import io.liqlab.sim.Scenario.Clock;
import io.liqlab.sim.Scenario.Driver;
import io.liqlab.sim.Scenario.Entry;
import io.liqlab.sim.Scenario.Flow;
import io.liqlab.sim.Scenario.Heatmap;
import io.liqlab.sim.Scenario.LeverageWeight;
import io.liqlab.sim.Scenario.Market;
import io.liqlab.sim.Scenario.Population;
import io.liqlab.sim.Scenario.Rules;
import io.liqlab.sim.Scenario.Shock;
import io.liqlab.sim.Scenario.Size;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.StrictJson;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static io.liqlab.profile.StrictJson.fmt;

/**
 * Reads a cascade scenario file (format 1, see {@code assets/scenarios/schema/scenario.schema.json}) and checks
 * every rule of the format, collecting all problems rather than stopping at the first, each with the file, the
 * JSON path and what is allowed. The venue id is only checked for its shape here, not against the profiles.
 */
public final class ScenarioReader {

    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = StrictJson.MAX_FILE_BYTES;
    /** JSON nested deeper than this is refused; a scenario needs four levels. */
    public static final int MAX_NESTING_DEPTH = StrictJson.MAX_NESTING_DEPTH;
    /** Longest run, in ticks, a scenario may ask for. */
    public static final int MAX_TICKS = 100_000;
    public static final int MAX_POSITIONS = 10_000_000;
    public static final int MAX_LEVERAGE_ENTRIES = 50;
    public static final int MAX_FLOWS = 100;
    /** Venues a book may give their own share of depth. */
    public static final int MAX_VENUE_DEPTHS = 50;
    public static final int MAX_ASSUMPTIONS = 50;
    public static final int MAX_NAME_CHARS = 200;
    /** A price shock may move the price at most this many percent either way. */
    public static final double MAX_SHOCK_PERCENT = 90;
    public static final int MAX_TEXT_CHARS = 2000;

    private final StrictJson json = new StrictJson("scenario");

    /** Reads and validates {@code file}; problems name the file as given. */
    public Scenario read(Path file) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = json.readFile(file);
        } catch (StrictJson.Failure f) {
            throw problem(f);
        }
        return read(file.toString(), bytes);
    }

    /** Reads and validates a scenario from a stream (a bundled resource), refusing more than 1 MiB. */
    public Scenario read(String sourceName, InputStream in) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = json.readStream(sourceName, in);
        } catch (StrictJson.Failure f) {
            throw problem(f);
        }
        return read(sourceName, bytes);
    }

    /** Parses and validates {@code bytes}; {@code sourceName} appears in every problem. */
    public Scenario read(String sourceName, byte[] bytes) throws ScenarioException {
        JsonNode root;
        try {
            root = json.parse(sourceName, bytes);
        } catch (StrictJson.Failure f) {
            throw problem(f);
        }
        Validation v = new Validation(sourceName);
        Scenario scenario = parseScenario(v, root);
        if (!v.problems.isEmpty() || scenario == null) {
            throw new ScenarioException(v.problems);
        }
        return scenario;
    }

    private static ScenarioException problem(StrictJson.Failure f) {
        return new ScenarioException(new ScenarioProblem(f.file(), f.path(), f.getMessage()));
    }

    // ---- the format ------------------------------------------------------------------------------------------

    private static final List<String> ROOT_FIELDS = List.of("$schema", "formatVersion", "id", "name", "description",
            "assumptions", "venue", "seed", "clock", "market", "population", "book", "driver", "insuranceFund", "rules",
            "heatmap");

    private Scenario parseScenario(Validation v, JsonNode node) {
        if (!node.isObject()) {
            v.add("$", "must be a JSON object with the scenario's fields, got " + kind(node));
            return null;
        }
        Obj root = new Obj(v, node, "$");
        if (!checkFormatVersion(v, root)) {
            return null; // a newer format: its other fields would only add noise
        }
        root.allowOnly(ROOT_FIELDS);
        String id = root.id("id");
        String name = root.string("name", true, MAX_NAME_CHARS);
        String description = root.text("description", MAX_TEXT_CHARS);
        List<String> assumptions = parseAssumptions(v, root);
        String venue = root.id("venue");
        Long seed = root.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Clock clock = parseClock(root.object("clock", true));
        Market market = parseMarket(root.object("market", true));
        Population population = parsePopulation(v, root.object("population", true));
        Book book = parseBook(root.object("book", true));
        Driver driver = parseDriver(v, root.object("driver", true), clock);
        Double insuranceFund = null;
        Obj fund = root.object("insuranceFund", true);
        if (fund != null) {
            fund.allowOnly(List.of("initial"));
            insuranceFund = fund.number("initial", true, Range.closed(0, 1e13));
        }
        Rules rules = parseRules(root.object("rules", true));
        Heatmap heatmap = parseHeatmap(root.object("heatmap", true));

        if (!v.problems.isEmpty() || id == null || name == null || venue == null || seed == null || clock == null
                || market == null || population == null || book == null || driver == null || insuranceFund == null
                || rules == null || heatmap == null) {
            return null;
        }
        return new Scenario(id, name, description, assumptions, venue, seed, clock, market, population, book, driver,
                insuranceFund, rules, heatmap);
    }

    /** False when the file is from a newer format (reported), so nothing else is checked. */
    private static boolean checkFormatVersion(Validation v, Obj root) {
        JsonNode n = root.node.get("formatVersion");
        String path = "$.formatVersion";
        if (n == null) {
            v.add(path, "is required: the whole number " + Scenario.FORMAT_VERSION);
            return true;
        }
        if (!n.isNumber()) {
            v.add(path, "must be the whole number " + Scenario.FORMAT_VERSION + ", was " + kind(n));
            return true;
        }
        double version = StrictJson.toDouble(n);
        if (n.isIntegralNumber() && version > Scenario.FORMAT_VERSION) {
            v.add(path, "written by a newer LiqLab (format " + n.asString() + "); this version reads format "
                    + Scenario.FORMAT_VERSION);
            return false;
        }
        if (!n.isIntegralNumber() || version != Scenario.FORMAT_VERSION) {
            v.add(path, "must be the whole number " + Scenario.FORMAT_VERSION + ", was " + literal(n));
        }
        return true;
    }

    private static List<String> parseAssumptions(Validation v, Obj root) {
        JsonNode array = root.node.get("assumptions");
        List<String> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        String path = "$.assumptions";
        if (!array.isArray() || array.size() > MAX_ASSUMPTIONS) {
            v.add(path, "must be a list of at most " + MAX_ASSUMPTIONS + " strings, was "
                    + (array.isArray() ? "a list of " + array.size() : kind(array)));
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            String p = path + "[" + i + "]";
            if (!n.isString() || n.stringValue().isBlank()) {
                v.add(p, "must be a non-empty string, was " + kind(n));
            } else if (n.stringValue().length() > MAX_TEXT_CHARS) {
                v.add(p, "must be at most " + MAX_TEXT_CHARS + " characters, was " + n.stringValue().length());
            } else {
                out.add(n.stringValue());
            }
        }
        return out;
    }

    private static Clock parseClock(Obj clock) {
        if (clock == null) {
            return null;
        }
        clock.allowOnly(List.of("tickSeconds", "durationSeconds"));
        Double tick = clock.number("tickSeconds", true, Range.closed(0.01, 3600));
        Double duration = clock.number("durationSeconds", true, Range.above(0));
        if (tick == null || duration == null) {
            return null;
        }
        if (duration < tick) {
            clock.v.add(clock.path + ".durationSeconds", "must be at least the tick length (" + fmt(tick) + " s), was " + fmt(duration));
            return null;
        }
        Clock c = new Clock(tick, duration);
        if (c.ticks() > MAX_TICKS) {
            clock.v.add(clock.path + ".durationSeconds", "gives " + c.ticks() + " ticks of " + fmt(tick)
                    + " s; a run may have at most " + MAX_TICKS + " ticks (longer ticks or a shorter run), was " + fmt(duration));
            return null;
        }
        return c;
    }

    private static Market parseMarket(Obj market) {
        if (market == null) {
            return null;
        }
        market.allowOnly(List.of("startPrice", "markEmaSeconds"));
        Double start = market.number("startPrice", true, Range.openClosed(0, 1e9));
        Double ema = market.number("markEmaSeconds", true, Range.closed(0, 3600));
        return start == null || ema == null ? null : new Market(start, ema);
    }

    private static Population parsePopulation(Validation v, Obj pop) {
        if (pop == null) {
            return null;
        }
        pop.allowOnly(List.of("positions", "longShare", "leverage", "size", "entry"));
        Long positions = pop.integer("positions", 1, MAX_POSITIONS);
        Double longShare = pop.number("longShare", true, Range.closed(0, 1));
        List<LeverageWeight> leverage = parseLeverage(v, pop);

        Size size = null;
        Obj s = pop.object("size", true);
        if (s != null) {
            s.allowOnly(List.of("distribution", "minNotional", "tailAlpha", "maxNotional"));
            String dist = s.choice("distribution", List.of("pareto"), Function.identity());
            Double min = s.number("minNotional", true, Range.above(0));
            Double alpha = s.number("tailAlpha", true, Range.closed(0.5, 10));
            Double max = s.number("maxNotional", true, Range.openClosed(0, 1e10));
            if (min != null && max != null && max < min) {
                v.add(s.path + ".maxNotional", "must be at least minNotional (" + fmt(min) + ") and at most "
                        + fmtLimit(1e10) + ", was " + fmt(max));
            } else if (dist != null && min != null && alpha != null && max != null) {
                size = new Size(min, alpha, max);
            }
        }

        Entry entry = null;
        Obj e = pop.object("entry", true);
        if (e != null) {
            e.allowOnly(List.of("distribution", "spreadPercent", "longShiftPercent", "shortShiftPercent"));
            String dist = e.choice("distribution", List.of("normal"), Function.identity());
            Double spread = e.number("spreadPercent", true, Range.closed(0, 50));
            Double longShift = e.number("longShiftPercent", true, Range.closed(-50, 50));
            Double shortShift = e.number("shortShiftPercent", true, Range.closed(-50, 50));
            if (dist != null && spread != null && longShift != null && shortShift != null) {
                entry = new Entry(spread, longShift, shortShift);
            }
        }
        if (positions == null || longShare == null || leverage == null || size == null || entry == null) {
            return null;
        }
        return new Population(positions.intValue(), longShare, leverage, size, entry);
    }

    private static List<LeverageWeight> parseLeverage(Validation v, Obj pop) {
        String path = pop.path + ".leverage";
        JsonNode array = pop.node.get("leverage");
        if (array == null) {
            v.add(path, "is required: a list of 1 to " + MAX_LEVERAGE_ENTRIES + " {leverage, weight} entries");
            return null;
        }
        if (!array.isArray() || array.isEmpty() || array.size() > MAX_LEVERAGE_ENTRIES) {
            v.add(path, "must be a list of 1 to " + MAX_LEVERAGE_ENTRIES + " {leverage, weight} entries, was "
                    + (array.isArray() ? "a list of " + array.size() : kind(array)));
            return null;
        }
        int before = v.problems.size();
        List<LeverageWeight> out = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < array.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode n = array.get(i);
            if (!n.isObject()) {
                v.add(p, "must be an object {leverage, weight}, was " + kind(n));
                continue;
            }
            Obj o = new Obj(v, n, p);
            o.allowOnly(List.of("leverage", "weight"));
            Double lev = o.number("leverage", true, Range.closed(1, 1000));
            Double weight = o.number("weight", true, Range.atLeast(0));
            if (lev != null && weight != null) {
                out.add(new LeverageWeight(lev, weight));
                total += weight;
            }
        }
        if (v.problems.size() != before) {
            return null;
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            v.add(path, "the weights must add up to more than 0 (a finite number), was " + fmt(total));
            return null;
        }
        return out;
    }

    private static Book parseBook(Obj book) {
        if (book == null) {
            return null;
        }
        book.allowOnly(List.of("bidDepthPerPercent", "askDepthPerPercent", "shape", "thinning", "refillSeconds", "pullSeconds",
                "venueDepth"));
        Double bid = book.number("bidDepthPerPercent", true, Range.openClosed(0, 1e13));
        Double ask = book.number("askDepthPerPercent", true, Range.openClosed(0, 1e13));
        Book.Shape shape = book.choice("shape", Arrays.asList(Book.Shape.values()), Book.Shape::id);
        Double maxPercent = null;
        Double movePercent = null;
        Double window = null;
        Obj thinning = book.object("thinning", true);
        if (thinning != null) {
            thinning.allowOnly(List.of("maxPercent", "movePercent", "windowSeconds"));
            maxPercent = thinning.number("maxPercent", true, Range.closed(0, 99));
            movePercent = thinning.number("movePercent", true, Range.openClosed(0, 100));
            window = thinning.number("windowSeconds", true, Range.closed(1, 3600));
        }
        Double refill = book.number("refillSeconds", true, Range.closed(0.1, 86400));
        Double pull = book.number("pullSeconds", true, Range.closed(0.1, 86400));
        List<VenueDepth> venueDepth = parseVenueDepth(book);
        if (bid == null || ask == null || shape == null || maxPercent == null || movePercent == null || window == null
                || refill == null || pull == null || venueDepth == null) {
            return null;
        }
        return new Book(bid, ask, shape, maxPercent, movePercent, window, refill, pull, venueDepth);
    }

    /** {@code book.venueDepth}: optional, each venue at most once; null when an entry is wrong (reported). */
    private static List<VenueDepth> parseVenueDepth(Obj book) {
        JsonNode array = book.node.get("venueDepth");
        String path = book.path + ".venueDepth";
        List<VenueDepth> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray() || array.size() > MAX_VENUE_DEPTHS) {
            book.v.add(path, "must be a list of at most " + MAX_VENUE_DEPTHS + " {venue, share, source} entries, was "
                    + (array.isArray() ? "a list of " + array.size() : kind(array)));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode n = array.get(i);
            if (!n.isObject()) {
                book.v.add(p, "must be an object {venue, share, source}, was " + kind(n));
                ok = false;
                continue;
            }
            Obj o = new Obj(book.v, n, p);
            o.allowOnly(List.of("venue", "share", "source"));
            String venue = o.id("venue");
            Double share = o.number("share", true, Range.openClosed(0, 1));
            String source = o.string("source", true, MAX_TEXT_CHARS);
            if (venue != null && out.stream().anyMatch(d -> d.venue().equals(venue))) {
                book.v.add(p + ".venue", "names '" + venue + "' twice; each venue at most once");
                ok = false;
                continue;
            }
            if (venue == null || share == null || source == null) {
                ok = false;
                continue;
            }
            out.add(new VenueDepth(venue, share, source));
        }
        return ok ? out : null;
    }

    private static Driver parseDriver(Validation v, Obj driver, Clock clock) {
        if (driver == null) {
            return null;
        }
        driver.allowOnly(List.of("shock", "flows", "noise"));
        int before = v.problems.size();
        // Times are checked against the duration when the clock is valid, else only against their own bounds.
        double duration = clock == null ? Double.POSITIVE_INFINITY : clock.durationSeconds();
        String within = clock == null ? "" : " (the run's duration)";

        Shock shock = null;
        Obj s = driver.object("shock", false);
        if (s != null) {
            s.allowOnly(List.of("atSecond", "percent"));
            Double at = s.number("atSecond", true, new Range(0, duration, true, true,
                    clock == null ? "at least 0" : "between 0 and " + fmt(duration) + within));
            Double percent = s.number("percent", true, Range.closed(-MAX_SHOCK_PERCENT, MAX_SHOCK_PERCENT));
            if (at != null && percent != null) {
                shock = new Shock(at, percent);
            }
        }

        List<Flow> flows = new ArrayList<>();
        JsonNode array = driver.node.get("flows");
        String flowsPath = driver.path + ".flows";
        if (array != null && !array.isNull()) {
            if (!array.isArray() || array.size() > MAX_FLOWS) {
                v.add(flowsPath, "must be a list of at most " + MAX_FLOWS + " {fromSecond, toSecond, notionalPerSecond} entries, was "
                        + (array.isArray() ? "a list of " + array.size() : kind(array)));
            } else {
                for (int i = 0; i < array.size(); i++) {
                    String p = flowsPath + "[" + i + "]";
                    JsonNode n = array.get(i);
                    if (!n.isObject()) {
                        v.add(p, "must be an object {fromSecond, toSecond, notionalPerSecond}, was " + kind(n));
                        continue;
                    }
                    Obj o = new Obj(v, n, p);
                    o.allowOnly(List.of("fromSecond", "toSecond", "notionalPerSecond"));
                    Double from = o.number("fromSecond", true, new Range(0, duration, true, false,
                            clock == null ? "at least 0" : "at least 0 and less than " + fmt(duration) + within));
                    Double to = o.number("toSecond", true, new Range(0, duration, false, true,
                            clock == null ? "greater than 0" : "greater than 0 and at most " + fmt(duration) + within));
                    Double rate = o.number("notionalPerSecond", true, Range.closed(-1e12, 1e12));
                    if (from != null && to != null && to <= from) {
                        v.add(p + ".toSecond", "must be greater than fromSecond (" + fmt(from) + ") and at most "
                                + (clock == null ? "the duration" : fmt(duration) + within) + ", was " + fmt(to));
                    } else if (from != null && to != null && rate != null) {
                        flows.add(new Flow(from, to, rate));
                    }
                }
            }
        }

        double noise = 0;
        Obj noiseNode = driver.object("noise", false);
        if (noiseNode != null) {
            noiseNode.allowOnly(List.of("percentPerSqrtSecond"));
            Double n = noiseNode.number("percentPerSqrtSecond", true, Range.closed(0, 10));
            noise = n == null ? 0 : n;
        }
        return v.problems.size() == before ? new Driver(shock, flows, noise) : null;
    }

    private static Rules parseRules(Obj rules) {
        if (rules == null) {
            return null;
        }
        rules.allowOnly(List.of("partialLiquidation", "backstop", "adl"));
        Boolean partial = rules.bool("partialLiquidation");
        Boolean backstop = rules.bool("backstop");
        AdlMode adl = rules.choice("adl", Arrays.asList(AdlMode.values()), AdlMode::id);
        return partial == null || backstop == null || adl == null ? null : new Rules(partial, backstop, adl);
    }

    private static Heatmap parseHeatmap(Obj heatmap) {
        if (heatmap == null) {
            return null;
        }
        heatmap.allowOnly(List.of("rangePercent", "buckets"));
        Double range = heatmap.number("rangePercent", true, Range.closed(1, 90));
        Long buckets = heatmap.integer("buckets", 10, 1000);
        return range == null || buckets == null ? null : new Heatmap(range, buckets.intValue());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** How a value reads in a message: {@code the string "x"}, {@code the number 2.0}, {@code true}, {@code a list}... */
    static String kind(JsonNode node) {
        return StrictJson.kind(node, ScenarioReader::literal);
    }

    /** A number as the file wrote it, near enough: integers exactly, decimals as decimals (2.0 stays 2.0). */
    private static String literal(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.asString();
        }
        double x = StrictJson.toDouble(n);
        if (!Double.isFinite(x)) {
            return "a number too large to represent";
        }
        if (x == Math.rint(x)) {
            return Math.abs(x) >= 1e7 ? fmtLimit(x) : fmt(x) + ".0";
        }
        return fmt(x);
    }

    /** A limit in a message: large round limits as {@code 1e13} (which a file may also write), others plainly. */
    static String fmtLimit(double v) {
        double a = Math.abs(v);
        if (a >= 1e7 && Double.isFinite(a)) {
            int exp = (int) Math.floor(Math.log10(a));
            double mantissa = v / Math.pow(10, exp);
            if (Math.abs(mantissa - Math.rint(mantissa)) < 1e-9) {
                return (long) Math.rint(mantissa) + "e" + exp;
            }
        }
        return fmt(v);
    }

    private static final class Validation {
        final String file;
        final List<ScenarioProblem> problems = new ArrayList<>();

        Validation(String file) {
            this.file = file;
        }

        void add(String path, String message) {
            problems.add(new ScenarioProblem(file, path, message));
        }
    }

    /** An allowed range for a number, with the words that describe it ("between 0 and 1"). */
    private record Range(double lo, double hi, boolean loIncl, boolean hiIncl, String words) {
        static Range closed(double lo, double hi) {
            return new Range(lo, hi, true, true, "between " + fmtLimit(lo) + " and " + fmtLimit(hi));
        }

        static Range openClosed(double lo, double hi) {
            return new Range(lo, hi, false, true, "greater than " + fmtLimit(lo) + " and at most " + fmtLimit(hi));
        }

        static Range above(double lo) {
            return new Range(lo, Double.POSITIVE_INFINITY, false, false, "greater than " + fmtLimit(lo));
        }

        static Range atLeast(double lo) {
            return new Range(lo, Double.POSITIVE_INFINITY, true, false, "at least " + fmtLimit(lo));
        }

        boolean contains(double x) {
            return Double.isFinite(x) && (loIncl ? x >= lo : x > lo) && (hiIncl ? x <= hi : x < hi);
        }
    }

    /** A JSON object at a path, with typed, checked field access; every check adds its own problem. */
    private static final class Obj {
        final Validation v;
        final JsonNode node;
        final String path;

        Obj(Validation v, JsonNode node, String path) {
            this.v = v;
            this.node = node;
            this.path = path;
        }

        void allowOnly(List<String> allowed) {
            StrictJson.allowOnly(node, path, allowed, v::add);
        }

        /** A string; {@code null} when missing (reported if required) or wrong. */
        String string(String name, boolean required, int maxChars) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            if (n == null || (n.isNull() && !required)) {
                if (required) {
                    v.add(p, "is required: a non-empty string of at most " + maxChars + " characters");
                }
                return null;
            }
            if (!n.isString() || n.stringValue().isBlank()) {
                v.add(p, "must be a non-empty string of at most " + maxChars + " characters, was " + kind(n));
                return null;
            }
            if (n.stringValue().length() > maxChars) {
                v.add(p, "must be at most " + maxChars + " characters, was " + n.stringValue().length());
                return null;
            }
            return n.stringValue();
        }

        /** Optional free text, which may be empty. */
        String text(String name, int maxChars) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            if (n == null || n.isNull()) {
                return "";
            }
            if (!n.isString()) {
                v.add(p, "must be a string of at most " + maxChars + " characters, was " + kind(n));
                return "";
            }
            if (n.stringValue().length() > maxChars) {
                v.add(p, "must be at most " + maxChars + " characters, was " + n.stringValue().length());
                return "";
            }
            return n.stringValue();
        }

        /** A required id: 1 to 64 lowercase letters, digits or '-'. */
        String id(String name) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            String words = "1 to 64 lowercase letters, digits or '-', starting with a letter or digit";
            if (n == null) {
                v.add(p, "is required: " + words);
                return null;
            }
            if (!n.isString() || !ProfileReader.isValidId(n.stringValue())) {
                v.add(p, "must be " + words + ", was " + (n.isString() ? "'" + n.stringValue() + "'" : kind(n)));
                return null;
            }
            return n.stringValue();
        }

        /** A finite JSON number within {@code range}. */
        Double number(String name, boolean required, Range range) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            if (n == null || (n.isNull() && !required)) {
                if (required) {
                    v.add(p, "is required: a number " + range.words());
                }
                return null;
            }
            if (!n.isNumber()) {
                v.add(p, "must be a number " + range.words() + ", was " + kind(n));
                return null;
            }
            double x = StrictJson.toDouble(n);
            if (!range.contains(x)) {
                v.add(p, "must be " + range.words() + ", was " + literal(n));
                return null;
            }
            return x;
        }

        /** A required JSON integer (no decimal point or exponent) in {@code [lo, hi]}. */
        Long integer(String name, long lo, long hi) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            boolean anyLong = lo == Long.MIN_VALUE && hi == Long.MAX_VALUE;
            String words = anyLong ? "a whole number (64-bit)" : "a whole number between " + lo + " and " + hi;
            if (n == null) {
                v.add(p, "is required: " + words);
                return null;
            }
            if (!n.isNumber() || !n.isIntegralNumber()) {
                v.add(p, "must be " + words + ", was " + kind(n));
                return null;
            }
            if (!n.canConvertToLong() || n.longValue() < lo || n.longValue() > hi) {
                v.add(p, (anyLong ? "must be " + words + " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                        : "must be between " + lo + " and " + hi) + ", was " + n.asString());
                return null;
            }
            return n.longValue();
        }

        /** A required true or false. */
        Boolean bool(String name) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            if (n == null) {
                v.add(p, "is required: true or false");
                return null;
            }
            if (!n.isBoolean()) {
                v.add(p, "must be true or false, was " + kind(n));
                return null;
            }
            return n.booleanValue();
        }

        /** An object; an optional one may be absent or null. */
        Obj object(String name, boolean required) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            if (n == null || (n.isNull() && !required)) {
                if (required) {
                    v.add(p, "is required: an object");
                }
                return null;
            }
            if (!n.isObject()) {
                v.add(p, "must be an object, was " + kind(n));
                return null;
            }
            return new Obj(v, n, p);
        }

        /** A required string naming one of {@code values}. */
        <E> E choice(String name, List<E> values, Function<E, String> id) {
            JsonNode n = node.get(name);
            String p = path + "." + name;
            List<String> ids = values.stream().map(id).toList();
            String words = ids.size() == 1 ? "\"" + ids.getFirst() + "\"" : "one of " + String.join(", ", ids);
            if (n == null) {
                v.add(p, "is required: " + words);
                return null;
            }
            if (n.isString()) {
                for (E e : values) {
                    if (id.apply(e).equals(n.stringValue())) {
                        return e;
                    }
                }
            }
            v.add(p, "must be " + words + ", was " + kind(n));
            return null;
        }
    }
}
