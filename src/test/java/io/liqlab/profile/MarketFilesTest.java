package io.liqlab.profile;

import io.liqlab.TestProfiles;
import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Venue rules written once per venue, market files with their own schedule, composed into profiles; format-1
 * files (all fields in one file) still read; every shipped file validates against the shipped schema.
 */
class MarketFilesTest {
    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final Path SHIPPED = Path.of("venue-profiles");
    private final ProfileReader reader = new ProfileReader();

    private static List<Path> json(Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            s.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    @Test
    void everyShippedFileValidatesAgainstTheShippedSchema() throws Exception {
        ShippedSchema schema = new ShippedSchema(SHIPPED.resolve("schema"));
        List<Path> markets = json(SHIPPED);
        List<Path> venues = json(SHIPPED.resolve("venues"));
        List<Path> snapshot = json(SHIPPED.resolve("markets"));
        assertTrue(markets.size() >= 7 && venues.size() >= 7 && snapshot.size() >= 10, markets + " " + venues + " " + snapshot);
        for (Path f : markets) {
            JsonNode node = MAPPER.readTree(f.toFile());
            assertEquals(List.of(), schema.validate("venue-profile.schema.json", node), f.toString());
            assertEquals("schema/venue-profile.schema.json", node.get("$schema").stringValue(), f.toString());
        }
        for (Path f : snapshot) {
            JsonNode node = MAPPER.readTree(f.toFile());
            assertEquals(List.of(), schema.validate("venue-profile.schema.json", node), f.toString());
            assertEquals("../schema/venue-profile.schema.json", node.get("$schema").stringValue(), f.toString());
        }
        for (Path f : venues) {
            JsonNode node = MAPPER.readTree(f.toFile());
            assertEquals(List.of(), schema.validate("venue-rules.schema.json", node), f.toString());
            assertEquals("../schema/venue-rules.schema.json", node.get("$schema").stringValue(), f.toString());
            assertEquals(f.getFileName().toString(), node.get("venueRules").stringValue() + ".json", "a venue file is named by its id");
        }
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
        ShippedSchema schema = new ShippedSchema(SHIPPED.resolve("schema"));
        ObjectNode market = (ObjectNode) MAPPER.readTree(SHIPPED.resolve("binance-usdm-btc.json").toFile());
        market.put("ruleFamily", "maintenance-at-liquidation-notional");
        assertFalse(schema.validate("venue-profile.schema.json", market).isEmpty(), "a rule field in a market file");
        ObjectNode format1 = (ObjectNode) MAPPER.readTree(ProfileValidationTest.FORMAT1.resolve("okx-swap-btc.json").toFile());
        assertEquals(List.of(), schema.validate("venue-profile.schema.json", format1), "a format-1 file still validates");
        format1.remove("contractValue");
        assertFalse(schema.validate("venue-profile.schema.json", format1).isEmpty(), "OKX without a contract value");
    }

    @Test
    void everyShippedMarketNamesShippedRulesAndItsIdStartsWithTheVenue() throws Exception {
        List<Path> all = new ArrayList<>(json(SHIPPED));
        all.addAll(json(SHIPPED.resolve("markets")));
        for (Path f : all) {
            VenueProfile p = reader.read(f, VenueProfile.Origin.Kind.FILE);
            String venue = p.listing().venueRules();
            assertFalse(venue.isEmpty(), f + " names its venue rules");
            assertTrue(p.id().equals(venue) || p.id().startsWith(venue + "-"), p.id() + " starts with " + venue);
            if (!p.listing().base().isEmpty()) {
                String expected = venue + "-" + p.listing().base().toLowerCase(java.util.Locale.ROOT);
                assertTrue(p.id().equals(expected) || p.id().startsWith(expected + "-"), p.id() + " is venue + base");
            }
        }
    }

    /**
     * A format-1 profile (rules and tiers in one file, as LiqLab wrote them before market files) opens, is never
     * rewritten, and has the same venue rules as the shipped market of the same id composed from its venue file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc", "okx-swap-btc", "bybit-linear-btc", "gte-btc"})
    void aFormat1FileOpensUnchangedWithTheSameVenueRules(String id, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path old = tmp.resolve(id + ".json");
        Files.copy(ProfileValidationTest.FORMAT1.resolve(id + ".json"), old);
        byte[] before = Files.readAllBytes(old);
        long modified = Files.getLastModifiedTime(old).toMillis();
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), tmp);
        assertEquals(List.of(), catalog.problems());
        VenueProfile migrated = catalog.find(id).orElseThrow();
        assertEquals(VenueProfile.Origin.Kind.USER, migrated.origin().kind());
        assertEquals(VenueProfile.Listing.NONE, migrated.listing());
        VenueProfile shipped = TestProfiles.get(id);
        VenueRules a = migrated.rules();
        VenueRules b = shipped.rules();
        assertEquals(b.family(), a.family(), id);
        assertEquals(b.liquidationFeeRate(), a.liquidationFeeRate(), id);
        assertEquals(b.partialLiquidation(), a.partialLiquidation(), id);
        // Format-1 files predate the vault's capital (Hyperliquid's liquidator, issue 19): the hand-over is the same.
        assertEquals(b.backstop() == null, a.backstop() == null, id);
        if (b.backstop() != null) {
            assertEquals(b.backstop().equityFraction(), a.backstop().equityFraction(), id);
            assertEquals(b.backstop().taker(), a.backstop().taker(), id);
        }
        assertEquals(b.adl(), a.adl(), id);
        assertEquals(shipped.text().maintenanceMargin(), migrated.text().maintenanceMargin(), id);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(old)), "never rewritten on reading");
        assertEquals(modified, Files.getLastModifiedTime(old).toMillis());
    }

    @Test
    void aFormat1FileComputesWhatItComputedBefore() throws Exception {
        // The 2024 Binance brackets in the old file: 120,000 USDT long at 50x from 60,000 liquidates near 59,070
        // (venue-responses README, "Newer Binance BTCUSDT brackets").
        VenueProfile old = reader.read(ProfileValidationTest.FORMAT1.resolve("binance-usdm-btc.json"), VenueProfile.Origin.Kind.FILE);
        Position p = Position.builder().side(Side.LONG).mode(MarginMode.ISOLATED).entryPrice(60_000).notional(120_000).leverage(50).build();
        double liq = new LiquidationEngine().calculate(old.rules(), p).outcome().priceOrNaN();
        assertEquals(59_070, liq, 1);
    }

    @Test
    void aMarketFileMayNotRepeatTheVenueRules() throws Exception {
        ObjectNode market = (ObjectNode) MAPPER.readTree(SHIPPED.resolve("okx-swap-btc.json").toFile());
        market.putObject("adl").put("ranking", "none").put("closePrice", "mark");
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read("m.json", MAPPER.writeValueAsBytes(market), null));
        assertEquals("m.json: $.adl: comes from the venue rules 'okx-swap'; leave it out of a market file", e.problems().getFirst().toString());
    }

    @Test
    void aMarketFileNamingUnknownRulesSaysWhichAreKnown() throws Exception {
        ObjectNode market = (ObjectNode) MAPPER.readTree(SHIPPED.resolve("okx-swap-btc.json").toFile());
        market.put("venueRules", "kraken-futures");
        ProfileException e = assertThrows(ProfileException.class, () -> reader.read("m.json", MAPPER.writeValueAsBytes(market), null));
        ProfileProblem p = e.problems().getFirst();
        assertEquals("$.venueRules", p.path());
        assertTrue(p.message().contains("binance-usdm") && p.message().contains("got 'kraken-futures'"), p.message());
    }

    @Test
    void venueRulesAreWrittenOnceAndSharedByTheirMarkets() throws Exception {
        ObjectNode rules = (ObjectNode) MAPPER.readTree(SHIPPED.resolve("venues/okx-swap.json").toFile());
        rules.put("takerFeeInTrigger", 0.0007);
        ProfileReader custom = new ProfileReader(VenueRulesLibrary.of(java.util.Map.of("okx-swap", rules)));
        VenueProfile p = custom.read(SHIPPED.resolve("okx-swap-btc.json"), VenueProfile.Origin.Kind.FILE);
        assertEquals(0.0007, ((io.liqlab.core.RuleFamily.FeeInTrigger) p.rules().family()).takerFee());
        assertEquals("okx-swap", p.listing().venueRules());
        assertEquals("BTC", p.listing().base());
        assertEquals("USDT", p.listing().quote());
    }

    @Test
    void aPartialScheduleRefusesSizesBeyondItsLastRecordedTier() {
        VenueRules full = TestProfiles.get("binance-usdm-btc").rules();
        List<Tier> firstTwo = full.tiers().tiers().subList(0, 2);
        VenueRules partial = full.withTiers(new TierSchedule(TierSchedule.Basis.NOTIONAL, firstTwo, "tiers 1-2 of 12 recorded"));
        double lastCap = firstTwo.getLast().cap();
        LiquidationEngine engine = new LiquidationEngine();
        Position inside = Position.builder().side(Side.LONG).mode(MarginMode.ISOLATED).entryPrice(60_000).notional(lastCap).leverage(20).build();
        assertEquals(engine.calculate(full, inside).outcome().priceOrNaN(), engine.calculate(partial, inside).outcome().priceOrNaN(),
                "within the recorded tiers nothing changes");
        Position beyond = Position.builder().side(Side.LONG).mode(MarginMode.ISOLATED).entryPrice(60_000).notional(lastCap * 1.01).leverage(20).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(partial, beyond));
        assertEquals("quantity", e.field());
        assertTrue(e.problem().contains("beyond the last recorded tier") && e.problem().contains("tiers 1-2 of 12 recorded"), e.problem());
        // a short whose notional at the liquidation price passes the last recorded cap is refused too
        Position shortNearCap = Position.builder().side(Side.SHORT).mode(MarginMode.ISOLATED).entryPrice(60_000).notional(lastCap * 0.999).leverage(20).build();
        assertThrows(InvalidInputException.class, () -> engine.calculate(partial, shortNearCap));
        assertTrue(Double.isFinite(engine.calculate(full, shortNearCap).outcome().priceOrNaN()));
    }

    /**
     * The offline snapshot: every linear perpetual of the recorded responses (../shared/reference/venue-responses)
     * that can be imported, each with its recorded date and source; the window's lists keep the seven BTC profiles.
     */
    @Test
    void theSnapshotHoldsEveryRecordedMarketWithItsDateAndSource() {
        ProfileCatalog catalog = TestProfiles.catalog();
        java.util.Map<String, String> recorded = java.util.Map.ofEntries(
                java.util.Map.entry("binance-usdm-eth", "2024-10-24"), java.util.Map.entry("binance-usdm-sol", "2024-10-24"),
                java.util.Map.entry("bybit-linear-eth", "2025-12-29"), java.util.Map.entry("okx-swap-eth", "2026-05-28"),
                java.util.Map.entry("hyperliquid-eth", "2026-09-25"), java.util.Map.entry("hyperliquid-sol", "2026-09-25"),
                java.util.Map.entry("hyperliquid-atom", "2026-09-25"), java.util.Map.entry("hyperliquid-dydx", "2026-09-25"),
                java.util.Map.entry("dydx-v4-eth", "2025-12-08"), java.util.Map.entry("dydx-v4-sol", "2025-12-08"));
        for (var e : recorded.entrySet()) {
            VenueProfile p = catalog.find(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey() + " not shipped"));
            assertEquals(e.getValue(), p.provenance().asOf(), e.getKey());
            assertTrue(p.provenance().sources().getFirst().startsWith("venue-responses/"), e.getKey() + " " + p.provenance().sources());
            assertEquals(VenueProfile.Origin.Kind.SHIPPED, p.origin().kind());
            assertTrue(catalog.allProfiles().contains(p), e.getKey());
            assertFalse(catalog.profiles().contains(p), "the window lists only the seven until it can choose markets: " + e.getKey());
        }
        assertEquals(7, catalog.profiles().size());
        assertEquals(23, catalog.allProfiles().size()); // and the six coin-margined markets (InverseContractTest)
        assertEquals("tiers 1-10 of 35 recorded", catalog.find("bybit-linear-eth").orElseThrow().rules().tiers().partialNote());
        assertEquals("tiers 1-10 of 37 recorded", catalog.find("okx-swap-eth").orElseThrow().rules().tiers().partialNote());
        assertEquals(0.1, ((io.liqlab.core.RuleFamily.FeeInTrigger) catalog.find("okx-swap-eth").orElseThrow().rules().family()).contractValue());
    }

    @Test
    void aUserImportReplacesASnapshotMarketById(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String mine = Files.readString(SHIPPED.resolve("markets/hyperliquid-eth.json")).replace("\"asOf\": \"2026-09-25\"", "\"asOf\": \"2026-12-01\"");
        Files.writeString(tmp.resolve("hyperliquid-eth.json"), mine);
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), tmp);
        assertEquals("2026-12-01", catalog.find("hyperliquid-eth").orElseThrow().provenance().asOf());
        assertEquals(1, catalog.allProfiles().stream().filter(p -> p.id().equals("hyperliquid-eth")).count());
        assertEquals(List.of(), catalog.problems());
    }
}
