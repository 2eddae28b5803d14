package io.liqlab.ui.cascade;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.ui.workspace.SessionFiles;
import io.liqlab.ui.workspace.WorkspaceState;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session keeps the open cascade scenario, its what-if settings and the moment shown (issue 7). */
class CascadeSessionTest {

    private static final List<Scenario> SCENARIOS = ScenarioCatalog.loadShipped(new ScenarioReader()).scenarios();

    private static CascadeViewModel model(int[] runs) {
        ObservableList<VenueProfile> venues = FXCollections.observableArrayList(TestProfiles.catalog().profiles());
        return new CascadeViewModel(SCENARIOS, venues, r -> {
            runs[0]++;
            r.run();
        }, Runnable::run, () -> 0L);
    }

    private static WorkspaceState withCascade(CascadeState c) {
        return new WorkspaceState(0, 0, 1600, 1000, false, "LIGHT", false, "textbook", "LONG", "ISOLATED", "NOTIONAL",
                "LEVERAGE", Map.of(), List.of(), 4, c);
    }

    @Test
    void theScenarioItsWhatIfSettingsAndTheMomentComeBack(@TempDir Path dir) throws Exception {
        CascadeViewModel first = model(new int[1]);
        first.scenarioProperty().set(SCENARIOS.stream().filter(s -> s.id().equals("thin-book-runaway")).findFirst().orElseThrow());
        first.venueProperty().set(TestProfiles.get("hyperliquid-btc"));
        first.shockPercentProperty().set(-4.5);
        first.depthMultiplierProperty().set(2);
        first.leverageMixProperty().set(CascadeViewModel.LeverageMix.DEGEN);
        first.longShareProperty().set(0.6);
        first.positionsProperty().set(2_000);
        first.partialLiquidationProperty().set(false);
        first.adlProperty().set(Scenario.AdlMode.PRO_RATA);
        first.scrub(first.frameAtSecond(42));

        SessionFiles files = new SessionFiles(dir.resolve("recent.json"));
        Path file = dir.resolve("class" + SessionFiles.EXTENSION);
        files.save(file, withCascade(first.capture()), "LiqLab test");
        assertTrue(Files.readString(file).contains("\"scenarioId\" : \"thin-book-runaway\""), Files.readString(file));

        int[] runs = new int[1];
        CascadeViewModel second = model(runs);
        int before = runs[0];
        second.restore(files.open(file).cascade());
        assertEquals(1, runs[0] - before, "one run for the whole restore");
        assertEquals("thin-book-runaway", second.scenarioProperty().get().id());
        assertEquals("hyperliquid-btc", second.venueProperty().get().id());
        assertEquals(-4.5, second.shockPercentProperty().get());
        assertEquals(2, second.depthMultiplierProperty().get());
        assertEquals(CascadeViewModel.LeverageMix.DEGEN, second.leverageMixProperty().get());
        assertEquals(0.6, second.longShareProperty().get());
        assertEquals(2_000, second.positionsProperty().get());
        assertEquals(false, second.partialLiquidationProperty().get());
        assertEquals(Scenario.AdlMode.PRO_RATA, second.adlProperty().get());
        assertEquals(second.frameAtSecond(42), second.frameProperty().get(), "the moment shown");
        assertEquals(first.summaryProperty().get(), second.summaryProperty().get(), "the same run");
    }

    @Test
    void aSessionWithoutACascadeOrWithOneThatHasGoneStillOpens(@TempDir Path dir) throws Exception {
        SessionFiles files = new SessionFiles(dir.resolve("recent.json"));
        Path file = dir.resolve("old" + SessionFiles.EXTENSION);
        files.save(file, withCascade(null), "LiqLab test");
        assertNull(files.open(file).cascade());

        CascadeViewModel vm = model(new int[1]);
        String before = vm.scenarioProperty().get().id();
        vm.restore(new CascadeState("no-such-scenario", "no-such-venue", -3, 1, "NO_SUCH_MIX", 0.5, 200, true, true,
                "NO_SUCH_ADL", false, null, 0));
        assertEquals(before, vm.scenarioProperty().get().id());
        assertEquals(CascadeViewModel.LeverageMix.SCENARIO, vm.leverageMixProperty().get());
        assertEquals(Scenario.AdlMode.VENUE, vm.adlProperty().get());
    }
}
