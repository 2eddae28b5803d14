package io.liqlab.profile;

import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.profile.VenueImport.Format;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The importers over the recorded venue responses (copied from ../shared/reference/venue-responses; the README
 * there gives each field's meaning and the values checked here).
 */
class VenueImportTest {
    static final Path RESPONSES = Path.of("src", "test", "resources", "venue-responses");
    private final VenueImport importer = new VenueImport(new ProfileReader());

    private VenueImport.Result read(Format f, String file, String instruments) throws Exception {
        byte[] inst = instruments == null ? null : Files.readAllBytes(RESPONSES.resolve(instruments));
        return importer.read(f, Path.of(file).getFileName().toString(), Files.readAllBytes(RESPONSES.resolve(file)), inst, "2000-01-01");
    }

    private static Map<String, VenueProfile> byId(VenueImport.Result r) {
        return r.markets().stream().collect(Collectors.toMap(VenueImport.Market::id, VenueImport.Market::profile));
    }

    @Test
    void binanceCcxtCacheGivesEveryLinearPerpetualWithItsCum() throws Exception {
        VenueImport.Result r = read(Format.BINANCE_LEVERAGE_BRACKET, "binance-usdm/leverageBracket.json", null);
        Map<String, VenueProfile> m = byId(r);
        assertEquals(List.of("binance-usdm-btc", "binance-usdm-eth", "binance-usdm-sol"), m.keySet().stream().sorted().toList());
        Tier t2 = m.get("binance-usdm-btc").rules().tiers().tier(1);
        assertEquals(50_000, t2.floor());
        assertEquals(600_000, t2.cap());
        assertEquals(100, t2.maxLeverage());
        assertEquals(0.005, t2.maintenanceMarginRate());
        assertEquals(50, t2.maintenanceAmount());
        Tier sol1 = m.get("binance-usdm-sol").rules().tiers().tier(0);
        assertEquals(20_000, sol1.cap());
        assertEquals(100, sol1.maxLeverage());
        assertEquals(0.005, sol1.maintenanceMarginRate());
        VenueProfile btc = m.get("binance-usdm-btc");
        assertEquals("binance-usdm", btc.listing().venueRules());
        assertEquals("USDT", btc.listing().quote());
        assertInstanceOf(RuleFamily.MaintenanceAtLiquidationNotional.class, btc.rules().family(), "the venue's rules come with the market");
        // every cum equals the continuity rule, so no amount is marked as an override
        assertTrue(btc.amountSources().stream().allMatch(s -> s == VenueProfile.AmountSource.GIVEN), btc.amountSources().toString());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void binanceRawBodyWithNumbersOrStringsReadsTheSame() throws Exception {
        String raw = """
                [{"symbol":"BTCUSDT","brackets":[
                  {"bracket":1,"initialLeverage":125,"notionalCap":50000,"notionalFloor":0,"maintMarginRatio":0.004,"cum":0.0},
                  {"bracket":2,"initialLeverage":"100","notionalCap":"600000","notionalFloor":"50000","maintMarginRatio":"0.005","cum":"50.0"}]},
                 {"symbol":"BTCUSDT_260327","brackets":[{"bracket":1,"initialLeverage":125,"notionalCap":50000,"notionalFloor":0,"maintMarginRatio":0.004,"cum":0}]}]
                """;
        VenueImport.Result r = importer.read(Format.BINANCE_LEVERAGE_BRACKET, "raw.json", raw.getBytes(), null, "2026-12-01");
        assertEquals(List.of("binance-usdm-btc"), r.markets().stream().map(VenueImport.Market::id).toList(), "the dated contract is not a perpetual");
        assertEquals(50, r.markets().getFirst().profile().rules().tiers().tier(1).maintenanceAmount());
        assertEquals("2026-12-01", r.markets().getFirst().profile().provenance().asOf(), "no date in the body: the file's date");
    }

    @Test
    void bybitFloorIsThePreviousRiskLimitValueAndAnEmptyDeductionIsZero() throws Exception {
        VenueImport.Result r = read(Format.BYBIT_RISK_LIMIT, "bybit-linear/risk-limit.json", null);
        Map<String, VenueProfile> m = byId(r);
        assertEquals(List.of("bybit-linear-btc", "bybit-linear-eth"), m.keySet().stream().sorted().toList());
        VenueProfile btc = m.get("bybit-linear-btc");
        Tier t1 = btc.rules().tiers().tier(0);
        Tier t2 = btc.rules().tiers().tier(1);
        assertEquals(0, t1.floor());
        assertEquals(2_000_000, t1.cap());
        assertEquals(100, t1.maxLeverage());
        assertEquals(0.005, t1.maintenanceMarginRate());
        assertEquals(0.01, t1.initialMarginRate());
        assertEquals(0, t1.maintenanceAmount());
        assertEquals(2_000_000, t2.floor());
        assertEquals(1_200, t2.maintenanceAmount(), 1e-9, "2,000,000 x (0.0056 - 0.005)");
        assertEquals("2025-12-29", btc.provenance().asOf(), "freqtrade's \"updated\"");
        assertEquals(900_000, m.get("bybit-linear-eth").rules().tiers().tier(0).cap());
    }

    @Test
    void bybitRawEnvelopeReadsTheSameRows() throws Exception {
        String raw = """
                {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[
                 {"id":2,"symbol":"BTCUSDT","riskLimitValue":"2000000","maintenanceMargin":"0.005","initialMargin":"0.01","isLowestRisk":0,"maxLeverage":"100.00","mmDeduction":"510"},
                 {"id":1,"symbol":"BTCUSDT","riskLimitValue":"300000","maintenanceMargin":"0.0033","initialMargin":"0.0066","isLowestRisk":1,"maxLeverage":"150.00","mmDeduction":""}],
                 "nextPageCursor":""},"retExtInfo":{},"time":1790000000000}
                """;
        VenueImport.Result r = importer.read(Format.BYBIT_RISK_LIMIT, "raw.json", raw.getBytes(), null, "x");
        VenueProfile btc = r.markets().getFirst().profile();
        assertEquals(300_000, btc.rules().tiers().tier(0).cap(), "sorted by riskLimitValue");
        assertEquals(150, btc.rules().tiers().tier(0).maxLeverage());
        assertEquals(300_000, btc.rules().tiers().tier(1).floor());
        assertEquals(510, btc.rules().tiers().tier(1).maintenanceAmount(), 1e-9);
        assertEquals("2026-09-21", btc.provenance().asOf(), "the envelope's time (1790000000000 ms = 2026-09-21T14:13Z)");
    }

    @Test
    void okxTiersAreContractsAndNeedTheContractValue() throws Exception {
        VenueImport.Result r = read(Format.OKX_POSITION_TIERS, "okx-swap/position-tiers.json", "okx-swap/instruments.json");
        Map<String, VenueProfile> m = byId(r);
        assertEquals(List.of("okx-swap-btc", "okx-swap-eth"), m.keySet().stream().sorted().toList());
        VenueProfile btc = m.get("okx-swap-btc");
        assertEquals(0.01, ((RuleFamily.FeeInTrigger) btc.rules().family()).contractValue());
        assertEquals(10, btc.rules().tiers().size());
        Tier t1 = btc.rules().tiers().tier(0);
        assertEquals(1_000, t1.cap(), "tier 1: 0-1,000 contracts (= 10 BTC)");
        assertEquals(0.004, t1.maintenanceMarginRate());
        assertEquals(0.01, t1.initialMarginRate());
        Tier t2 = btc.rules().tiers().tier(1);
        assertEquals(1_000, t2.floor(), "OKX's 1000.01 floor is the previous cap");
        assertEquals(5_000, t2.cap());
        assertEquals(66.66, t2.maxLeverage());
        assertEquals(0.1, ((RuleFamily.FeeInTrigger) m.get("okx-swap-eth").rules().family()).contractValue());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().getFirst().startsWith("SOL-USDT-SWAP: left out, its contract value (ctVal) is not known"), r.problems().getFirst());
    }

    @Test
    void okxWithoutInstrumentsImportsNothingAndSaysWhy() throws Exception {
        VenueImport.Result r = read(Format.OKX_POSITION_TIERS, "okx-swap/position-tiers.tier1-2026-09-25.json", null);
        assertEquals(List.of(), r.markets());
        assertEquals(2, r.problems().size());
        assertTrue(r.problems().stream().allMatch(p -> p.contains("--instruments")), r.problems().toString());
    }

    @Test
    void hyperliquidMaintenanceIsHalfTheInitialRateAtTheTiersMaximum() throws Exception {
        VenueImport.Result r = read(Format.HYPERLIQUID_META, "hyperliquid/meta.json", null);
        Map<String, VenueProfile> m = byId(r);
        assertFalse(m.containsKey("hyperliquid-matic"), "delisted");
        VenueProfile btc = m.get("hyperliquid-btc");
        assertEquals(2, btc.rules().tiers().size());
        assertEquals(150_000_000, btc.rules().tiers().tier(0).cap());
        assertEquals(0.0125, btc.rules().tiers().tier(0).maintenanceMarginRate());
        assertEquals(0.025, btc.rules().tiers().tier(1).maintenanceMarginRate());
        assertEquals(1_875_000, btc.rules().tiers().tier(1).maintenanceAmount(), 1e-6, "150,000,000 x (0.025 - 0.0125)");
        assertTrue(btc.rules().tiers().tier(1).isUnbounded());
        assertEquals(100_000_000, m.get("hyperliquid-eth").rules().tiers().tier(1).floor());
        assertEquals(70_000_000, m.get("hyperliquid-sol").rules().tiers().tier(1).floor());
        VenueProfile atom = m.get("hyperliquid-atom");
        assertEquals(1, atom.rules().tiers().size(), "no table listed: one tier at the asset's maximum");
        assertEquals(5, atom.rules().tiers().tier(0).maxLeverage());
        assertEquals("USDC", btc.listing().quote());
    }

    @Test
    void hyperliquidCaptureWithSortedKeysAndNullsReads() throws Exception {
        VenueImport.Result r = read(Format.HYPERLIQUID_META, "hyperliquid/meta.nautilus-capture.json", null);
        assertFalse(r.markets().isEmpty());
        assertTrue(r.markets().stream().allMatch(mk -> mk.id().startsWith("hyperliquid-")));
    }

    @Test
    void dydxOneTierWithTheOpenInterestCaps() throws Exception {
        VenueImport.Result r = read(Format.DYDX_PERPETUAL_MARKETS, "dydx-v4/perpetualMarkets.json", null);
        Map<String, VenueProfile> m = byId(r);
        assertEquals(List.of("dydx-v4-btc", "dydx-v4-eth", "dydx-v4-sol"), m.keySet().stream().sorted().toList());
        Tier btc = m.get("dydx-v4-btc").rules().tiers().tier(0);
        assertEquals(50, btc.maxLeverage(), 1e-9);
        assertEquals(0.012, btc.maintenanceMarginRate());
        assertEquals(0.02, btc.initialMarginRate());
        RuleFamily.FixedMaintenanceFraction sol = (RuleFamily.FixedMaintenanceFraction) m.get("dydx-v4-sol").rules().family();
        assertEquals(40_000_000, sol.openInterestLowerCap());
        assertEquals(100_000_000, sol.openInterestUpperCap());
        assertEquals(20, m.get("dydx-v4-sol").rules().tiers().tier(0).maxLeverage(), 1e-9);
        assertEquals("2025-12-08", m.get("dydx-v4-sol").provenance().asOf(), "the capture's isoTimestamp");
    }

    @Test
    void aBadRowIsReportedByMarketAndTierAndTheOtherMarketsStillImport() throws Exception {
        String raw = """
                [{"symbol":"BTCUSDT","brackets":[
                  {"bracket":1,"initialLeverage":125,"notionalCap":50000,"notionalFloor":0,"maintMarginRatio":0.004,"cum":0},
                  {"bracket":2,"initialLeverage":100,"notionalCap":600000,"notionalFloor":50000,"maintMarginRatio":1.5,"cum":50}]},
                 {"symbol":"ETHUSDT","brackets":[{"bracket":1,"initialLeverage":100,"notionalCap":20000,"notionalFloor":0,"maintMarginRatio":0.005,"cum":0}]}]
                """;
        VenueImport.Result r = importer.read(Format.BINANCE_LEVERAGE_BRACKET, "raw.json", raw.getBytes(), null, "2026-12-01");
        assertEquals(List.of("binance-usdm-eth"), r.markets().stream().map(VenueImport.Market::id).toList());
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("BTCUSDT tier 2 maintenanceMarginRate: must be a number in (0, 1)")), r.problems().toString());
    }

    @Test
    void aFileOfAnotherFormatIsRefusedInOneLine() {
        VenueImport.NotThisFormat e = assertThrows(VenueImport.NotThisFormat.class,
                () -> read(Format.DYDX_PERPETUAL_MARKETS, "hyperliquid/meta.json", null));
        assertTrue(e.getMessage().startsWith("not a dydx-perpetual-markets response"), e.getMessage());
        assertThrows(VenueImport.NotThisFormat.class, () -> importer.read(Format.BYBIT_RISK_LIMIT, "t.json", "{\"retCode\":".getBytes(), null, "x"));
    }

    @Test
    void aNonDefaultQuoteIsAppendedToTheId() throws Exception {
        String raw = "[{\"symbol\":\"BTCUSDC\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":50,\"notionalCap\":100000,\"notionalFloor\":0,\"maintMarginRatio\":0.01,\"cum\":0}]}]";
        VenueImport.Result r = importer.read(Format.BINANCE_LEVERAGE_BRACKET, "raw.json", raw.getBytes(), null, "2026-12-01");
        assertEquals("binance-usdm-btc-usdc", r.markets().getFirst().id());
    }
}
