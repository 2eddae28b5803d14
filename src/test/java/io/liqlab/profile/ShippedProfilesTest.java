package io.liqlab.profile;

import io.liqlab.TestProfiles;
import io.liqlab.core.PartialLiquidation;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seven shipped profiles load, carry the reference values, and label their stand-ins. */
class ShippedProfilesTest {

    static final List<String> IDS = List.of("textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc", "okx-swap-btc",
            "bybit-linear-btc", "gte-btc");

    @Test
    void okxBtcCarriesTheTickOfTheRecordedInstruments() {
        // venue-responses/okx-swap/instruments.json: BTC-USDT-SWAP tickSz "0.1"; reconcile shows prices on that tick
        org.junit.jupiter.api.Assertions.assertEquals(0.1, TestProfiles.get("okx-swap-btc").listing().tickSize());
    }

    @Test
    void allSevenShippedProfilesLoadWithoutProblems() {
        ProfileCatalog catalog = TestProfiles.catalog();
        assertEquals(List.of(), catalog.problems());
        assertEquals(IDS.stream().sorted().toList(), catalog.profiles().stream().map(VenueProfile::id).sorted().toList());
        assertEquals("textbook", catalog.profiles().getFirst().id(), "the classroom baseline comes first");
        catalog.profiles().forEach(p -> assertEquals(VenueProfile.Origin.Kind.SHIPPED, p.origin().kind()));
    }

    @Test
    void notesComposedFromVenueRulesAndAMarketFileSayEachThingOnce() {
        // Binance's and Bybit's market files repeat their venue rules' notes; joined, every sentence came twice (on
        // the Venue profiles tab, in the tier editor's Notes field, and in every copy saved from it).
        for (VenueProfile p : TestProfiles.catalog().profiles()) {
            String notes = p.text().notes();
            if (notes == null || notes.isBlank()) {
                continue;
            }
            List<String> sentences = java.util.Arrays.stream(notes.split("(?<=\\.)\\s+")).map(String::strip)
                    .filter(x -> x.length() > 20).toList();
            assertEquals(sentences.stream().distinct().toList(), sentences, p.id() + ": " + notes);
        }
        ObjectNode rules = JsonNodeFactory.instance.objectNode().put("notes", "Rule note.");
        assertEquals("Rule note.", VenueRulesLibrary.compose(rules, JsonNodeFactory.instance.objectNode().put("notes", "Rule note."))
                .get("notes").stringValue(), "a market note equal to the rules' note is said once");
        assertEquals("Rule note. Market note.", VenueRulesLibrary.compose(rules,
                JsonNodeFactory.instance.objectNode().put("notes", "Market note.")).get("notes").stringValue(), "different notes are joined");
    }

    @Test
    void profileFilesInTheProjectFolderAreNamedByTheirId() throws Exception {
        Path folder = Path.of("venue-profiles");
        for (String id : IDS) {
            VenueProfile p = new ProfileReader().read(folder.resolve(id + ".json"), VenueProfile.Origin.Kind.FILE);
            assertEquals(id, p.id());
        }
    }

    @Test
    void recordedDataReplacedTheStandInsAndPartialRecordingsSaySo() {
        // OKX's and Bybit's tier stand-ins gave way to the 2026 recordings (../shared/reference/venues); OKX's taker
        // fee in the trigger is still an assumed rate and stays labelled.
        for (String id : IDS) {
            assertTrue(TestProfiles.get(id).provenance().standIns().stream().noneMatch(s -> s.values().startsWith("tiers")), id);
        }
        assertEquals(List.of("takerFeeInTrigger"), TestProfiles.get("okx-swap-btc").provenance().standIns().stream()
                .map(io.liqlab.profile.Provenance.StandIn::values).toList());
        VenueProfile okx = TestProfiles.get("okx-swap-btc");
        assertTrue(okx.provenance().asOfNote().contains("tiers 1-10 of 43 recorded"), okx.provenance().asOfNote());
        assertEquals("tiers 1-10 of 43 recorded", okx.rules().tiers().partialNote());
        assertEquals(160_000, okx.rules().tiers().tier(okx.rules().tiers().size() - 1).cap());
        assertEquals(300_000, TestProfiles.get("bybit-linear-btc").rules().tiers().tier(0).cap());
        assertEquals(150, TestProfiles.get("bybit-linear-btc").rules().tiers().tier(0).maxLeverage());
        // Bybit's assembled table is partial too: the 2025-12-29 cache kept BTCUSDT ids 1-10 of at least 18
        // (venue-responses README), and 2026 added a first tier.
        VenueProfile bybit = TestProfiles.get("bybit-linear-btc");
        assertEquals("tiers 1-11 of at least 19 recorded", bybit.rules().tiers().partialNote());
        assertEquals(14_000_000, bybit.rules().tiers().tier(bybit.rules().tiers().size() - 1).cap());
        for (String id : List.of("textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc", "gte-btc")) {
            assertFalse(TestProfiles.get(id).isPartial(), id);
        }
        io.liqlab.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(io.liqlab.core.InvalidInputException.class,
                () -> new io.liqlab.core.LiquidationEngine().calculate(bybit.rules(), io.liqlab.core.Position.builder()
                        .side(io.liqlab.core.Side.LONG).entryPrice(60_000).notional(20_000_000).leverage(10).build()));
        assertTrue(e.problem().contains("tiers 1-11 of at least 19 recorded"), e.problem());
    }

    @Test
    void ruleFamiliesAreExplicit() {
        assertInstanceOf(RuleFamily.MaintenanceOnEntryNotional.class, TestProfiles.get("textbook").rules().family());
        assertInstanceOf(RuleFamily.MaintenanceAtLiquidationNotional.class, TestProfiles.get("binance-usdm-btc").rules().family());
        assertInstanceOf(RuleFamily.MaintenanceAtLiquidationNotional.class, TestProfiles.get("hyperliquid-btc").rules().family());
        assertInstanceOf(RuleFamily.MaintenanceAtLiquidationNotional.class, TestProfiles.get("gte-btc").rules().family());
        assertInstanceOf(RuleFamily.MaintenanceOnEntryNotional.class, TestProfiles.get("bybit-linear-btc").rules().family());
        RuleFamily.FeeInTrigger okx = assertInstanceOf(RuleFamily.FeeInTrigger.class, TestProfiles.get("okx-swap-btc").rules().family());
        assertEquals(0.0005, okx.takerFee());
        assertEquals(0.01, okx.contractValue());
        assertInstanceOf(RuleFamily.FixedMaintenanceFraction.class, TestProfiles.get("dydx-v4-btc").rules().family());
        assertEquals(0.05, TestProfiles.get("dydx-v4-btc").launchParameters().initialMarginFraction());
    }

    @Test
    void partialLiquidationAndBackstopRules() {
        PartialLiquidation.Fraction hl = assertInstanceOf(PartialLiquidation.Fraction.class, TestProfiles.get("hyperliquid-btc").rules().partialLiquidation());
        assertEquals(100_000, hl.thresholdNotional());
        assertEquals(30, hl.cooldownSeconds());
        assertEquals(2.0 / 3, TestProfiles.get("hyperliquid-btc").rules().backstop().equityFraction(), 1e-15);
        assertEquals(1.0 / 3, TestProfiles.get("gte-btc").rules().backstop().equityFraction(), 1e-15);
        PartialLiquidation.TierStepDown okx = assertInstanceOf(PartialLiquidation.TierStepDown.class, TestProfiles.get("okx-swap-btc").rules().partialLiquidation());
        assertEquals(3, okx.fromTier());
        assertEquals(2, okx.tiersPerStep());
    }

    /** Compares each shipped profile with ../shared/reference/venues, where that folder is present (it is in CI). */
    @ParameterizedTest
    @ValueSource(strings = {"textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc", "okx-swap-btc", "bybit-linear-btc", "gte-btc"})
    void valuesMatchTheReferenceData(String id) throws Exception {
        Path ref = Path.of("..", "shared", "reference", "venues", id + ".json");
        Assumptions.assumeTrue(Files.isRegularFile(ref), "reference data not beside the project: " + ref.toAbsolutePath());
        JsonNode r = JsonMapper.shared().readTree(ref.toFile());
        VenueProfile p = TestProfiles.get(id);
        JsonNode tiers = r.get("tiers");
        assertEquals(tiers.size(), p.rules().tiers().size(), "tier count");
        boolean contracts = r.has("contractValue");
        for (int i = 0; i < tiers.size(); i++) {
            JsonNode t = tiers.get(i);
            Tier mine = p.rules().tiers().tier(i);
            String where = id + " tier " + (i + 1);
            assertEquals(t.get(contracts ? "contractsFloor" : "notionalFloor").asDouble(), mine.floor(), where);
            JsonNode cap = t.get(contracts ? "contractsCap" : "notionalCap");
            assertEquals(cap.isNull() ? Double.POSITIVE_INFINITY : cap.asDouble(), mine.cap(), where);
            assertEquals(t.get("maxLeverage").asDouble(), mine.maxLeverage(), where);
            assertEquals(t.get("maintenanceMarginRate").asDouble(), mine.maintenanceMarginRate(), where);
            if (t.has("maintenanceAmount")) {
                assertEquals(t.get("maintenanceAmount").asDouble(), mine.maintenanceAmount(), 1e-9, where);
            }
            String imr = t.has("initialMarginRate") ? "initialMarginRate" : t.has("initialMarginFraction") ? "initialMarginFraction" : null;
            if (imr != null) {
                assertEquals(t.get(imr).asDouble(), mine.initialMarginRate(), where);
            }
        }
        assertEquals(r.get("liquidationFee").get("rate").asDouble(), p.rules().liquidationFeeRate(), id + " liquidation fee");
        if (r.has("takerFee")) {
            assertEquals(r.get("takerFee").asDouble(), ((RuleFamily.FeeInTrigger) p.rules().family()).takerFee());
        }
        JsonNode partial = r.get("partialLiquidation");
        if (partial != null && partial.isObject()) {
            PartialLiquidation.Fraction f = (PartialLiquidation.Fraction) p.rules().partialLiquidation();
            assertEquals(partial.get("thresholdNotional").asDouble(), f.thresholdNotional());
            JsonNode fraction = partial.has("fraction") ? partial.get("fraction") : partial.get("fractionPerOrder");
            assertEquals(fraction.asDouble(), f.fraction());
        }
        assertEquals(r.has("backstop"), p.rules().hasBackstop(), id + " backstop");
        boolean tiersStandIn = r.get("asOf").asString().startsWith("STAND-IN");
        assertEquals(tiersStandIn, p.provenance().standIns().stream().anyMatch(s -> s.values().startsWith("tiers")), id + " tier stand-in label");
        if (r.has("takerFeeNote") && r.get("takerFeeNote").asString().contains("assumed")) {
            assertTrue(p.provenance().standIns().stream().anyMatch(s -> s.values().equals("takerFeeInTrigger")), id + " assumed taker fee labelled");
        }
        for (JsonNode s : r.get("sources")) {
            assertTrue(p.provenance().sources().contains(s.asString()), id + " source " + s);
        }
    }
}
