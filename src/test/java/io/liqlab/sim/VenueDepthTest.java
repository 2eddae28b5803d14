package io.liqlab.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario's book stands for the whole market's depth; a venue whose own book is only a share of it
 * ({@code book.venueDepth}, Hyperliquid on 10 October) meets that share, and so does the external flow reaching it,
 * while the crowd stays the scenario's.
 */
class VenueDepthTest {

    private static Scenario october;

    @BeforeAll
    static void load() {
        october = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow();
    }

    @Test
    void theShipped10OctoberGivesHyperliquidItsOwnShareWithItsSource() {
        Scenario.VenueDepth d = october.book().venueDepth().stream()
                .filter(v -> v.venue().equals("hyperliquid-btc")).findFirst().orElseThrow();
        assertTrue(d.share() > 0 && d.share() < 1, "a share of the market's book: " + d.share());
        assertTrue(d.source().contains("followin.io") && d.source().contains("binance.bh"),
                "the share names the figures it comes from: " + d.source());
        assertEquals(1, october.book().depthShareAt("binance-usdm-btc"), "Binance meets the market's book");
    }

    @Test
    void atTheVenuesDepthTheBookAndTheFlowsAreItsShareAndTheShockAndNoiseStay() {
        Scenario hl = october.withVenue("hyperliquid-btc");
        double share = hl.book().depthShareAt("hyperliquid-btc");
        Scenario own = hl.atVenueDepth();
        assertEquals(hl.book().bidDepthPerPercent() * share, own.book().bidDepthPerPercent(), 1e-6);
        assertEquals(hl.book().askDepthPerPercent() * share, own.book().askDepthPerPercent(), 1e-6);
        List<Scenario.Flow> given = hl.driver().flows();
        for (int i = 0; i < given.size(); i++) {
            assertEquals(given.get(i).notionalPerSecond() * share, own.driver().flows().get(i).notionalPerSecond(), 1e-9);
            assertEquals(given.get(i).fromSecond(), own.driver().flows().get(i).fromSecond());
        }
        assertEquals(hl.driver().shock(), own.driver().shock());
        assertEquals(hl.driver().noisePercentPerSqrtSecond(), own.driver().noisePercentPerSqrtSecond());
        assertEquals(hl.population(), own.population(), "the crowd stays the scenario's");
        assertEquals(1, own.book().depthShareAt("hyperliquid-btc"), "applied once: the venue's book is now the whole book");
        assertSame(october, october.atVenueDepth(), "Binance (the scenario's venue) meets the book as it is");
    }

    /**
     * Under Hyperliquid the run trades into its own, thinner book: the depth within 1% at the start is the share of
     * the market's, more of the liquidations fail the book before 2/3 of maintenance margin and go to the vault and
     * ADL, money stays conserved, and the result carries the scenario as given.
     */
    @Test
    void underTheVenueTheRunMeetsItsOwnBookAndMoreLiquidationsFailIt() {
        Scenario own = october.withVenue("hyperliquid-btc").withPositions(20_000).withSeed(3);
        Scenario market = own.withBook(new Scenario.Book(own.book().bidDepthPerPercent(), own.book().askDepthPerPercent(),
                own.book().shape(), own.book().thinningMaxPercent(), own.book().thinningMovePercent(),
                own.book().thinningWindowSeconds(), own.book().refillSeconds(), own.book().pullSeconds()));
        SimulationResult thin = Simulator.run(own, SimFixtures.rules(own));
        SimulationResult deep = Simulator.run(market, SimFixtures.rules(market));
        double share = own.book().depthShareAt("hyperliquid-btc");

        assertEquals(share * deep.frames().get(FrameColumn.BID_DEPTH_1PCT, 0), thin.frames().get(FrameColumn.BID_DEPTH_1PCT, 0),
                1e-6 * deep.frames().get(FrameColumn.BID_DEPTH_1PCT, 0));
        double failedThin = thin.summary().backstopNotional() + thin.summary().adlNotional();
        double failedDeep = deep.summary().backstopNotional() + deep.summary().adlNotional();
        assertTrue(failedThin > failedDeep, "backstop + ADL notional, own book " + failedThin + " against the market's " + failedDeep);
        double opening = thin.frames().get(FrameColumn.OPEN_INTEREST_LONG, 0) + thin.frames().get(FrameColumn.OPEN_INTEREST_SHORT, 0);
        assertTrue(thin.maxMoneyImbalance() <= 1e-9 * opening + 0.01, "money conserved in every frame: " + thin.maxMoneyImbalance());
        assertSame(own, thin.scenario(), "the result carries the scenario as given, not the venue's share of it");
    }
}
