package io.liqlab.cli;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as scripts use it: fields, nulls, exit codes and the official examples. */
class CliContractTest {

    record Run(int code, String out, String err) {
        JsonNode json() {
            return JsonMapper.shared().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out), new PrintWriter(err), TestProfiles::catalog).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode calc(String... args) {
        List<String> all = new ArrayList<>(List.of("calc"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        Run r = run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    private static void assertCents(double expected, JsonNode value) {
        assertTrue(value.isNumber(), () -> "expected a number, got " + value);
        assertEquals(expected, Math.round(value.doubleValue() * 100) / 100.0, 1e-9);
    }

    private static final String[] FIELDS = {"profile", "side", "marginMode", "entryPrice", "markPrice", "quantity", "notional",
            "leverage", "margin", "liquidationPrice", "bankruptcyPrice", "backstopPrice", "distancePercent", "tierAtEntry",
            "tierAtLiquidation", "maintenanceMarginRate", "maintenanceAmount", "maintenanceMarginAtLiquidation", "maxLeverage",
            "leverageAllowed", "firstLiquidation", "notes"};

    @Test
    void calcJsonHasEveryContractField() {
        JsonNode d = calc("--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500", "--leverage", "25");
        for (String f : FIELDS) {
            assertTrue(d.has(f), "missing " + f);
        }
        assertCents(57_900, d.get("liquidationPrice"));
        assertEquals(3.5, d.get("distancePercent").doubleValue(), 1e-9);
        assertTrue(d.get("backstopPrice").isNull(), "textbook has no backstop: null, not a number");
        assertEquals("whole", d.get("firstLiquidation").get("type").stringValue());
    }

    @ParameterizedTest(name = "textbook {0}x -> {1}")
    @CsvSource({"25, 57900", "50, 59100", "10, 54300"})
    void textbookThroughTheCli(String leverage, double expected) {
        assertCents(expected, calc("--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500",
                "--leverage", leverage).get("liquidationPrice"));
    }

    @Test
    void binanceFaqThroughTheCli() {
        String[] b = {"--venue", "binance-usdm-btc", "--side", "long"};
        assertCents(1_114.78, calc(concat(b, "--entry", "1456.84", "--qty", "3683.979", "--margin", "1535443.01", "--mmr", "0.10",
                "--maintenance-amount", "135365")).get("liquidationPrice"));
        assertCents(18_778.73, calc(concat(b, "--entry", "32481.98", "--qty", "109.488", "--margin", "1535443.01", "--mmr", "0.025",
                "--maintenance-amount", "16300")).get("liquidationPrice"));
        assertCents(1_153.26, calc(concat(b, "--entry", "1456.84", "--qty", "3683.979", "--mode", "cross", "--wallet", "1535443.01",
                "--other-maintenance", "71200.81144", "--other-upnl", "-56354.57", "--mmr", "0.10", "--maintenance-amount", "135365"))
                .get("liquidationPrice"));
        assertCents(26_316.89, calc(concat(b, "--entry", "32481.98", "--qty", "109.488", "--mode", "cross", "--wallet", "1535443.01",
                "--other-maintenance", "356512.403666", "--other-upnl", "-448192.88", "--mmr", "0.025", "--maintenance-amount", "16300"))
                .get("liquidationPrice"));
    }

    @Test
    void bybitAndDydxThroughTheCli() {
        // The help centre's examples state mmr 0.5% (tier 1 when written; today's tier 1 charges 0.33%).
        String[] y = {"--venue", "bybit-linear-btc", "--entry", "20000", "--qty", "1", "--mmr", "0.005", "--maintenance-amount", "0"};
        assertCents(19_666, calc("--venue", "bybit-linear-btc", "--entry", "20000", "--qty", "1", "--side", "long", "--leverage", "50")
                .get("liquidationPrice"));
        assertCents(19_700, calc(concat(y, "--side", "long", "--leverage", "50")).get("liquidationPrice"));
        assertCents(23_300, calc(concat(y, "--side", "short", "--margin", "3400")).get("liquidationPrice"));
        assertCents(23_300, calc(concat(y, "--side", "short", "--leverage", "50", "--extra-margin", "3000")).get("liquidationPrice"));
        assertCents(19_900, calc(concat(y, "--side", "long", "--leverage", "50", "--funding-paid", "200")).get("liquidationPrice"));
        assertCents(9_800, calc("--venue", "bybit-linear-btc", "--entry", "10000", "--qty", "1", "--side", "long", "--leverage", "50")
                .get("bankruptcyPrice"));
        assertCents(3_174.60, calc("--venue", "dydx-v4-btc", "--side", "short", "--entry", "3000", "--qty", "3", "--margin", "1000",
                "--mmr", "0.05", "--maintenance-amount", "0").get("liquidationPrice"));
        assertCents(3_380.95, calc("--venue", "dydx-v4-btc", "--side", "short", "--entry", "3000", "--qty", "1.5", "--mode", "cross",
                "--wallet", "1000", "--other-maintenance", "175", "--mmr", "0.05").get("liquidationPrice"));
        assertEquals(1.2, calc("--venue", "dydx-v4-btc", "--side", "short", "--entry", "1", "--qty", "500", "--margin", "100")
                .get("bankruptcyPrice").doubleValue(), 1e-12);
    }

    @Test
    void aPriceThatDoesNotExistIsNull() {
        JsonNode d = calc("--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--qty", "1", "--leverage", "1");
        assertTrue(d.get("liquidationPrice").isNull());
        assertTrue(d.get("distancePercent").isNull());
        assertTrue(d.get("tierAtLiquidation").isNull());
        assertTrue(d.get("bankruptcyPrice").isNull());
        assertTrue(d.get("maintenanceMarginAtLiquidation").isNull());
        assertTrue(d.get("firstLiquidation").isNull());
        assertEquals("never-liquidated", d.get("status").stringValue());
        assertFalse(d.get("notes").isEmpty());
    }

    @Test
    void liquidatableAtEntryIsSaidNotPrinted() {
        JsonNode d = calc("--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500", "--leverage", "300");
        assertTrue(d.get("liquidationPrice").isNull());
        assertEquals("liquidatable-at-entry", d.get("status").stringValue());
        assertFalse(d.get("leverageAllowed").booleanValue());
    }

    @Test
    void hyperliquidReportsItsBackstopAndPartialLiquidation() {
        JsonNode d = calc("--venue", "hyperliquid-btc", "--side", "long", "--entry", "60000", "--notional", "1000000", "--leverage", "20");
        double l = d.get("liquidationPrice").doubleValue();
        double k = d.get("backstopPrice").doubleValue();
        double b = d.get("bankruptcyPrice").doubleValue();
        assertTrue(b < k && k < l, d.toString());
        assertEquals("partial", d.get("firstLiquidation").get("type").stringValue());
        assertEquals(30, d.get("firstLiquidation").get("cooldownSeconds").doubleValue());
    }

    @Test
    void standInProfilesSayStandInInTheirNotes() {
        JsonNode d = calc("--venue", "okx-swap-btc", "--side", "long", "--entry", "60000", "--qty", "1", "--leverage", "20");
        assertTrue(d.get("standInData").booleanValue());
        assertTrue(d.get("notes").toString().contains("Stand-in"), d.get("notes").toString());
        assertTrue(run("calc", "--venue", "okx-swap-btc", "--side", "long", "--entry", "60000", "--qty", "1", "--leverage", "20")
                .out().contains("STAND-IN"));
    }

    @Test
    void textOutputIsReadable() {
        Run r = run("calc", "--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500", "--leverage", "25");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Liquidation price    57,900.00"), r.out());
        assertTrue(r.out().contains("3.50% below the mark"), r.out());
    }

    @Test
    void sweepCsvHasTheContractHeaderAndOneRowPerProfileAndLeverage() {
        Run r = run("sweep", "--venue", "textbook,binance-usdm-btc", "--side", "long", "--entry", "60000", "--notional", "12500",
                "--from", "1", "--to", "5", "--step", "1", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(SweepCommand.HEADER, lines.getFirst());
        assertEquals(11, lines.size());
        assertEquals("textbook,1,300,99.5,1,true", lines.get(1));
        assertEquals("binance-usdm-btc,1,,,,true", lines.get(6), "1x long at Binance: no price, no tier at liquidation");
        assertTrue(lines.get(7).startsWith("binance-usdm-btc,2,30120.4819277,"), lines.get(7));
    }

    @Test
    void sweepDefaultsRunToEachProfilesMaximumAndJsonMatchesCsv() {
        Run csv = run("sweep", "--venue", "hyperliquid-btc,gte-btc", "--side", "short", "--entry", "60000", "--notional", "50000",
                "--step", "0.5");
        List<String> lines = csv.out().lines().toList();
        assertEquals(1 + 79 + 99, lines.size(), "1..40 and 1..50 in 0.5 steps");
        Run json = run("sweep", "--venue", "hyperliquid-btc,gte-btc", "--side", "short", "--entry", "60000", "--notional", "50000",
                "--step", "0.5", "--format", "json");
        JsonNode rows = json.json();
        assertEquals(lines.size() - 1, rows.size());
        assertEquals(lines.get(1).split(",")[2], io.liqlab.core.Numbers.plain(rows.get(0).get("liquidationPrice").doubleValue()));
    }

    @Test
    void profilesListShowsAllSevenAndTheirDataDates() {
        Run r = run("profiles", "list");
        assertEquals(0, r.code());
        for (String id : List.of("textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc", "okx-swap-btc", "bybit-linear-btc", "gte-btc")) {
            assertTrue(r.out().contains(id), id);
        }
        for (String asOf : List.of("2026-01", "2026-05-28", "2026-09-25")) {
            assertTrue(r.out().contains(asOf), asOf);
        }
        assertTrue(r.out().contains("stand-in data"), "OKX's assumed taker fee: " + r.out());
        assertEquals(23, run("profiles", "list", "--format", "json").json().size()); // the seven, the ten markets of the snapshot and six coin-margined markets
    }

    @Test
    void profilesShowPrintsTiersAndProvenance() {
        Run r = run("profiles", "show", "okx-swap-btc");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("STAND-IN"));
        assertTrue(r.out().contains("tiers 1-10 of 43 recorded"), r.out());
        assertTrue(r.out().contains("   20,000  "), r.out());
        Run json = run("profiles", "show", "binance-usdm-btc", "--format", "json");
        assertEquals(12, json.json().get("tiers").size());
    }

    @Test
    void profilesValidateAcceptsGoodFilesAndListsEveryProblemOfBadOnes(@TempDir Path dir) throws Exception {
        assertEquals(0, run("profiles", "validate", "venue-profiles/binance-usdm-btc.json", "venue-profiles/okx-swap-btc.json").code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("venue-profiles/gte-btc.json"))
                .replace("\"maintenanceMarginRate\": 0.01", "\"maintenanceMarginRate\": 1.01")
                .replace("\"confidence\": \"medium\"", "\"confidence\": \"meh\""));
        Run r = run("profiles", "validate", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.json: $.tiers[0].maintenanceMarginRate: must be a number in (0, 1), got 1.01"), r.err());
        assertTrue(r.err().contains("$.provenance.confidence"), r.err());
    }

    @Test
    void calcAcceptsAProfileFile() {
        assertCents(57_900, calc("--venue", "venue-profiles/textbook.json", "--side", "long", "--entry", "60000", "--notional", "12500",
                "--leverage", "25").get("liquidationPrice"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "calc --venue textbook --side long --entry abc --qty 1 --leverage 10|--entry",
            "calc --venue nope --side long --entry 60000 --qty 1 --leverage 10|--venue",
            "calc --venue textbook --side up --entry 60000 --qty 1 --leverage 10|--side",
            "calc --venue textbook --side long --entry -1 --qty 1 --leverage 10|--entry",
            "calc --venue textbook --side long --entry 60000 --leverage 10|--qty",
            "calc --venue textbook --side long --entry 60000 --qty 1 --notional 5 --leverage 10|--notional",
            "calc --venue textbook --side long --entry 60000 --qty 1 --leverage 0|--leverage",
            "calc --venue textbook --side long --entry 60000 --qty 1 --leverage 10 --mode portfolio|--mode",
            "calc --venue textbook --side long --entry 60000 --qty 1 --mode cross|--wallet",
            "calc --venue textbook --side long --entry 60000 --qty 1 --leverage 10 --mmr 2|--mmr",
            "calc --venue textbook --side long --entry 60000 --qty 1 --leverage 10 --format xml|--format",
            "calc --venue textbook --side long --entry 60,000 --qty 1 --leverage 10|--entry",
            "calc --venue textbook --side long --entry 60000 --qty 1 --leverage 10 --funding-rate 0.001|--funding-intervals",
            "calc --venue textbook --side long --entry 60000 --qty 1 --leverage 10 --wallet 5|--wallet",
            "calc --side long --entry 60000 --qty 1 --leverage 10|--venue",
            "sweep --venue textbook --side long --entry 60000 --notional 100 --step 0|--step",
            "sweep --venue textbook --side long --entry 60000 --notional 100 --from 5 --to 2|--to",
            "sweep --venue textbook --side long --entry 60000 --notional 100 --step 0.000001|--step",
            "sweep --venue textbook --side long --entry 60000 --notional 100 --step 1e-300|--step",
            "sweep --venue textbook --side long --entry 60000|--notional",
            "calc --venue textbook --side long --entry 1e12 --qty 1e300 --leverage 2|--qty",
            "profiles validate does-not-exist.json|does-not-exist.json",
            "profiles show nope|ID|FILE: nope",
            "calc --venue textbook --side long --entry 1 --notional 1.7e308 --leverage 1 --extra-margin 1e308|--extra-margin: gives a sum too large",
            "calc --venue textbook --side long --entry 60000 --notional 1000 --margin 400 --extra-margin 300|--extra-margin: goes with the leverage only",
            "calc --venue textbook --side long --entry 60000 --notional 1e10 --leverage 1e-300|--leverage: gives a sum too large",
            "calc --venue textbook --side short --entry 1 --notional 1.5e308 --leverage 1 --funding-rate 0.2 --funding-intervals 1|--funding",
            "calc --venue textbook --side long --entry 60000 --notional 1000 --mode cross --wallet 1e308 --other-upnl 1e308|--other-upnl: gives a sum too large",
            "calc --venue textbook --side long --entry 60000 --notional 1000 --leverage 10 --mmr 0.01 --maintenance-amount 1e308|--maintenance-amount: must be from 0 to notional x rate (10)",
            "calc --venue textbook --side long --entry 60000 --notional 1000|above 0, at most 1000",
            "sweep --venue , --side long --entry 60000 --notional 100|--venue: name at least one profile id",
            "sweep --venue textbook --side long --entry 60000 --notional 100 --from 200|--from: 200 is above the highest leverage this venue allows for this size (125)",
            "simulate --scenario classroom-small --positions 1.5|allowed: 1 to 10,000,000",
            "simulate --scenario classroom-small --positions 99999999999999999999|allowed: 1 to 10,000,000",
            "simulate --scenario classroom-small --bench-runs 3|--bench-runs: applies only with --bench",
            "frobnicate|frobnicate"})
    void badInputExitsTwoWithOneLineNamingTheOption(String spec) {
        String[] parts = spec.split("\\|");
        Run r = run(parts[0].split(" "));
        assertEquals(2, r.code(), () -> "exit code for " + parts[0] + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), () -> "one line on stderr: " + r.err());
        assertTrue(r.err().contains(parts[1]), () -> "stderr should name " + parts[1] + ": " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void runningOutOfMemoryIsOneLineNotAStackTrace() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out), new PrintWriter(err), () -> {
            throw new OutOfMemoryError("Java heap space");
        }).execute(new String[] {"calc", "--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "1000", "--leverage", "10"});
        assertEquals(Cli.EXIT_INTERNAL, code);
        assertEquals(1, err.toString().strip().lines().count(), err::toString);
        assertTrue(err.toString().startsWith("error: not enough memory"), err::toString);
        assertTrue(err.toString().contains("-Xmx"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void aVenueIdWithSpacesAroundItIsTheSameVenue() {
        assertCents(57_900, calc("--venue", " textbook ", "--side", "long", "--entry", "60000", "--notional", "12500",
                "--leverage", "25").get("liquidationPrice"));
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    // ---- profiles import ---------------------------------------------------------------------------------------

    @Test
    void profilesImportWritesOneProfilePerMarketThatListAndCalcThenUse(@TempDir Path dir) throws Exception {
        Path responses = Path.of("src", "test", "resources", "venue-responses");
        Run r = run("profiles", "import", "--format", "okx-position-tiers", responses.resolve("okx-swap/position-tiers.json").toString(),
                "--instruments", responses.resolve("okx-swap/instruments.json").toString(), "--into", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("okx-swap-btc\\s+BTC-USDT-SWAP\\s+10 tiers\\s+max 100x\\s+as of 2026-05-28"), lines.get(0));
        assertTrue(lines.get(1).startsWith("okx-swap-eth "), lines.get(1));
        assertTrue(r.err().contains("SOL-USDT-SWAP: left out"), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("okx-swap-eth.json")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("okx-swap-btc.json", "okx-swap-eth.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
        // calc --venue FILE with an imported file; tier 1 of ETH: 0.8 ETH = 8 contracts at 0.4% + 0.05% fee
        JsonNode eth = calc("--venue", dir.resolve("okx-swap-eth.json").toString(), "--side", "long", "--entry", "3400", "--qty", "0.8", "--leverage", "20");
        double expected = 3400 * (1 - 1.0 / 20) / (1 - 0.004 - 0.0005);
        assertEquals(expected, eth.get("liquidationPrice").asDouble(), 0.005);
        // and list / calc --venue ID through a catalog holding the user folder
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), dir);
        StringWriter out = new StringWriter();
        assertEquals(0, new Cli(new PrintWriter(out), new PrintWriter(new StringWriter()), () -> catalog).execute(new String[]{"profiles", "list"}));
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("okx-swap-eth ") && l.contains("2026-05-28") && l.contains("user profile")), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, new Cli(new PrintWriter(out), new PrintWriter(new StringWriter()), () -> catalog).execute(new String[]{"calc", "--venue", "okx-swap-eth",
                "--side", "long", "--entry", "3400", "--qty", "0.8", "--leverage", "20", "--format", "json"}));
        assertEquals(expected, JsonMapper.shared().readTree(out.toString()).get("liquidationPrice").asDouble(), 0.005);
    }

    @Test
    void profilesImportBadInputExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path responses = Path.of("src", "test", "resources", "venue-responses");
        Run badFormat = run("profiles", "import", "--format", "kraken", "x.json");
        assertEquals(2, badFormat.code());
        assertEquals("error: --format: must be one of binance-leverage-bracket|bybit-risk-limit|okx-position-tiers|hyperliquid-meta|dydx-perpetual-markets, got 'kraken'",
                badFormat.err().strip());
        Run missing = run("profiles", "import", "--format", "bybit-risk-limit", dir.resolve("none.json").toString(), "--into", dir.toString());
        assertEquals(2, missing.code());
        assertEquals("error: " + dir.resolve("none.json") + ": no such file", missing.err().strip());
        Run wrong = run("profiles", "import", "--format", "dydx-perpetual-markets", responses.resolve("hyperliquid/meta.json").toString(), "--into", dir.toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().strip().startsWith("error: " + responses.resolve("hyperliquid/meta.json") + ": not a dydx-perpetual-markets response"), wrong.err());
        assertEquals(1, wrong.err().strip().lines().count());
        Run inst = run("profiles", "import", "--format", "bybit-risk-limit", responses.resolve("bybit-linear/risk-limit.json").toString(),
                "--instruments", responses.resolve("okx-swap/instruments.json").toString(), "--into", dir.toString());
        assertEquals(2, inst.code());
        assertEquals("error: --instruments: applies to --format okx-position-tiers only", inst.err().strip());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written on bad input");
        }
    }

    @Test
    void aPartialTableIsSaidInListAndShow() {
        Run list = run("profiles", "list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("okx-swap-btc ") && l.contains("tiers 1-10 of 43 recorded")), list.out());
        JsonNode okx = null;
        for (JsonNode p : run("profiles", "list", "--format", "json").json()) {
            okx = p.get("id").stringValue().equals("okx-swap-btc") ? p : okx;
        }
        assertEquals("tiers 1-10 of 43 recorded", okx.get("partialSchedule").stringValue());
        Run show = run("profiles", "show", "okx-swap-btc");
        assertTrue(show.out().contains("Partial table    tiers 1-10 of 43 recorded: sizes beyond the last tier shown are refused"), show.out());
        assertFalse(run("profiles", "show", "binance-usdm-btc").out().contains("Partial table"));
    }

    @Test
    void snapshotMarketsAreListedAndComputedById() {
        Run list = run("profiles", "list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("okx-swap-eth ") && l.contains("2026-05-28") && l.contains("tiers 1-10 of 37 recorded")), list.out());
        assertEquals(23, run("profiles", "list", "--format", "json").json().size());
        // "Long 0.8 ETH on Bybit at 3,400, 20x isolated": tier 1 (0-900,000 USDT at 0.5%) of the 2025-12-29 recording
        JsonNode eth = calc("--venue", "bybit-linear-eth", "--side", "long", "--entry", "3400", "--qty", "0.8", "--leverage", "20");
        assertEquals(3400 * (1 - 1.0 / 20 + 0.005), eth.get("liquidationPrice").asDouble(), 1e-6);
        // beyond the recorded tiers: refused with the reason, exit 2
        Run beyond = run("calc", "--venue", "bybit-linear-eth", "--side", "long", "--entry", "3400", "--notional", "20000000", "--leverage", "10");
        assertEquals(2, beyond.code());
        assertTrue(beyond.err().startsWith("error: --notional: is beyond the last recorded tier") && beyond.err().contains("tiers 1-10 of 35 recorded"), beyond.err());
        assertEquals(1, beyond.err().strip().lines().count());
    }
}
