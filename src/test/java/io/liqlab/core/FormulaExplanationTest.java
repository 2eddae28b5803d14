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
}
