package io.liqlab.core;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teaching panel's numbers: the formula with the position's values, and textbook vs exact. */
class FormulaExplanationTest {
    private final LiquidationEngine engine = new LiquidationEngine();

    @Test
    void textbookVersusExactForTheArticlesCaseIs57900Versus57889Point4() {
        VenueRules rules = TestProfiles.get("textbook").rules();
        LiquidationResult r = engine.calculate(rules, Position.builder().side(Side.LONG).entryPrice(60_000).notional(12_500).leverage(25).build());
        FormulaExplanation f = FormulaExplanation.of(rules, r);
        assertEquals(57_900, f.textbook(), 1e-6);
        assertEquals(57_889.4, Math.round(f.exact() * 10) / 10.0, 1e-9);
        assertTrue(f.steps().stream().anyMatch(s -> s.contains("= 57,900.00")), f.steps().toString());
        assertTrue(f.whyDifferent().contains("smaller for a long"));
    }

    @Test
    void tierRowIsNamedWhereTheVenueHasTiers() {
        VenueRules rules = TestProfiles.get("binance-usdm-btc").rules();
        LiquidationResult r = engine.calculate(rules, Position.builder().side(Side.LONG).entryPrice(60_000).notional(820_000).leverage(20).build());
        FormulaExplanation f = FormulaExplanation.of(rules, r);
        assertTrue(f.tierUsed().startsWith("Tier 2: 300,000 < notional at L"), f.tierUsed());
        assertTrue(f.tierUsed().contains("entry was tier 3"), f.tierUsed());
        assertTrue(f.steps().stream().anyMatch(s -> s.startsWith("check: equity at L")), f.steps().toString());
    }

    @Test
    void okxShowsTheFeeInsideTheRate() {
        VenueRules rules = TestProfiles.get("okx-swap-btc").rules();
        LiquidationResult r = engine.calculate(rules, Position.builder().side(Side.SHORT).entryPrice(60_000).quantity(1).leverage(20).build());
        FormulaExplanation f = FormulaExplanation.of(rules, r);
        assertTrue(f.formula().contains("(mmr + fee)"));
        assertTrue(f.steps().stream().anyMatch(s -> s.startsWith("mmr + fee = 0.4% + 0.05% = 0.45%")), f.steps().toString());
    }

    @Test
    void bybitNamesTheFeeToCloseItsOrderCostIncludesAndItsLiquidationPriceLeavesOut() {
        VenueRules rules = TestProfiles.get("bybit-linear-btc").rules();
        LiquidationResult r = engine.calculate(rules, Position.builder().side(Side.LONG).entryPrice(20_000).quantity(1).leverage(50)
                .maintenanceOverride(0.005, 0).build());
        // The window passes the profile's venue-rules id: the shipped Bybit profile must carry it.
        String id = TestProfiles.get("bybit-linear-btc").listing().venueRules();
        assertEquals(FormulaExplanation.BYBIT_LINEAR, id);
        FormulaExplanation f = FormulaExplanation.of(rules, r, java.util.Locale.ROOT, id);
        // Bybit's own example: 19,700, with no fee to close in it.
        assertEquals(19_700, r.liquidationPrice(), 1e-6);
        // Fee to close = 1 x 20,000 x (1 - 1/50) x 0.055% = 19,600 x 0.00055 = 10.78.
        assertTrue(f.steps().stream().anyMatch(s -> s.startsWith("Bybit's liquidation price leaves the estimated fee to close out; its order cost includes it")
                && s.contains("(1 - 1/50) x 0.055% = 10.78 (not in L)")), f.steps().toString());

        LiquidationResult shortR = engine.calculate(rules, Position.builder().side(Side.SHORT).entryPrice(50_000).quantity(1).leverage(10).build());
        FormulaExplanation shortF = FormulaExplanation.of(rules, shortR, java.util.Locale.ROOT, "bybit-linear");
        // Short: 1 x 50,000 x (1 + 1/10) x 0.055% = 30.25.
        assertTrue(shortF.steps().stream().anyMatch(s -> s.contains("(1 + 1/10) x 0.055% = 30.25 (not in L)")), shortF.steps().toString());

        // Other venues, and the call without a venue-rules id, have no such line.
        assertTrue(FormulaExplanation.of(rules, r).steps().stream().noneMatch(s -> s.contains("fee to close")));
        VenueRules textbook = TestProfiles.get("textbook").rules();
        LiquidationResult t = engine.calculate(textbook, Position.builder().side(Side.LONG).entryPrice(20_000).quantity(1).leverage(50).build());
        assertTrue(FormulaExplanation.of(textbook, t, java.util.Locale.ROOT, "textbook").steps().stream().noneMatch(s -> s.contains("fee to close")));
    }
}
