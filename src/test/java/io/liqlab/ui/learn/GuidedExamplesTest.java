package io.liqlab.ui.learn;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.ui.position.PositionViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each guided example sets the state it promises (issue 7), read back the way a user reads the screen. */
class GuidedExamplesTest {

    private PositionViewModel position;
    private final List<String> calls = new ArrayList<>();
    private LearningTargets targets;
    private List<GuidedExample> examples;

    @BeforeEach
    void setUp() {
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), null);
        javafx.collections.ObservableList<io.liqlab.profile.VenueProfile> live = javafx.collections.FXCollections.observableArrayList(catalog.profiles());
        position = new PositionViewModel(new LiquidationEngine(), live);
        targets = new LearningTargets() {
            @Override
            public java.util.Optional<io.liqlab.profile.VenueProfile> bringProfile(String id) {
                // as the window does: a snapshot market joins the live list every tab shows
                java.util.Optional<io.liqlab.profile.VenueProfile> found = catalog.find(id);
                found.filter(p -> live.stream().noneMatch(x -> x.id().equals(id))).ifPresent(live::add);
                return found;
            }

            @Override
            public PositionViewModel position() {
                return position;
            }

            @Override
            public void showTab(String tabId) {
                calls.add("tab " + tabId);
            }

            @Override
            public void openCascade(String scenarioId, double atSecond, boolean play) {
                calls.add("cascade " + scenarioId + " " + (Double.isNaN(atSecond) ? "start" : atSecond == GuidedExamples.FUND_EMPTY ? "fund-empty" : atSecond) + (play ? " play" : " pause"));
            }
        };
        examples = GuidedExamples.all(Locale.ENGLISH);
    }

    private GuidedExample example(String id) {
        return examples.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private LiquidationResult result() {
        return position.resultProperty().get();
    }

    @Test
    void theFiveExamplesOfTheIssueAreThereWithWordsForEveryStep() {
        assertEquals(List.of("textbook-leverage", "tier-at-liquidation", "inverse-vs-linear", "funding-eats-margin", "self-sustaining-cascade",
                "adl-after-fund"), examples.stream().map(GuidedExample::id).toList());
        for (GuidedExample e : examples) {
            assertFalse(e.title().isBlank());
            assertTrue(e.explanation().length() > 80, e.id());
            e.steps().forEach(s -> assertFalse(s.label().isBlank(), e.id()));
        }
    }

    @Test
    void theTextbookExampleShowsNinePointFiveThreePointFiveAndOnePointFivePercent() {
        GuidedExample e = example("textbook-leverage");
        double[] expected = {9.5, 3.5, 1.5};
        for (int i = 0; i < 3; i++) {
            e.steps().get(i).apply().accept(targets);
            assertEquals("textbook", position.profileProperty().get().id());
            assertEquals(expected[i], result().distancePercent(), 1e-9, e.steps().get(i).label());
        }
        assertEquals("tab tab-position", calls.getLast());
    }

    @Test
    void theTierExampleLiquidatesInALowerTierThanItOpensIn() {
        example("tier-at-liquidation").open(targets);
        assertEquals("binance-usdm-btc", position.profileProperty().get().id());
        assertEquals(2, result().tierAtEntry().number());
        assertEquals(1, result().tierAtLiquidation().number());
        assertEquals(57_228.92, result().liquidationPrice(), 0.01);
    }

    @Test
    void theFundingExampleIsBybitsOwnUnderTodaysTier1() {
        // Bybit's 19,700 -> 19,900 at its example's mmr 0.5%; today's tier 1 (0.33%) gives 19,666 -> 19,866.
        GuidedExample e = example("funding-eats-margin");
        e.steps().get(0).apply().accept(targets);
        assertEquals("bybit-linear-btc", position.profileProperty().get().id());
        assertEquals(19_666, result().liquidationPrice(), 0.005);
        e.steps().get(1).apply().accept(targets);
        assertEquals(19_866, result().liquidationPrice(), 0.005);
    }

    @Test
    void theCascadeExamplesOpenTheirScenarios() {
        GuidedExample runaway = example("self-sustaining-cascade");
        runaway.open(targets);
        runaway.steps().get(1).apply().accept(targets);
        example("adl-after-fund").open(targets);
        assertEquals(List.of("cascade thin-book-runaway start play", "cascade deep-book-absorbs start play",
                "cascade 2025-10-10 fund-empty pause"), calls);
    }

    @Test
    void inverseVersusLinearShowsTheCoinMarginedLongLiquidatedCloser() {
        GuidedExample e = example("inverse-vs-linear");
        e.steps().get(0).apply().accept(targets);
        assertEquals("binance-usdm-btc", position.profileProperty().get().id());
        assertEquals(57_228.92, Math.round(result().liquidationPrice() * 100) / 100.0, 1e-9);
        assertFalse(result().position().inverse());
        double linear = result().liquidationPrice();
        e.steps().get(1).apply().accept(targets);
        assertEquals("binance-coinm-btc", position.profileProperty().get().id(), "the example brings the COIN-M market into the list");
        assertTrue(result().position().inverse());
        assertEquals(0.005, result().margin(), 1e-15, "0.005 BTC");
        assertEquals(57_371.43, Math.round(result().liquidationPrice() * 100) / 100.0, 1e-9);
        assertTrue(result().liquidationPrice() > linear, "the inverse long is liquidated closer to the entry");
        assertTrue(e.explanation().contains("57,228.92") && e.explanation().contains("57,371.43"), e.explanation());
    }
}
