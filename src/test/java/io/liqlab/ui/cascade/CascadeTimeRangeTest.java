package io.liqlab.ui.cascade;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Frames;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SimulationResult;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time range the cascade charts show and playback plays through: the action first, zoom, pan, whole run. */
class CascadeTimeRangeTest {
    private static final List<Scenario> SCENARIOS = ScenarioCatalog.loadShipped(new ScenarioReader()).scenarios();
    private final ObservableList<VenueProfile> venues = FXCollections.observableArrayList(TestProfiles.catalog().profiles());
    private long now;

    @BeforeEach
    void start() {
        now = 1_000_000_000L;
    }

    static List<String> shipped() {
        return SCENARIOS.stream().map(Scenario::id).toList();
    }

    private CascadeViewModel on(String id) {
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues, Runnable::run, Runnable::run, () -> now);
        vm.scenarioProperty().set(SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow());
        return vm;
    }

    private static double second(SimulationResult r, int frame) {
        return r.frames().get(FrameColumn.TIME, frame);
    }

    @Test
    void october10thOpensOnItsFirstMinutesNotTheWholeHour() {
        CascadeViewModel vm = on("2025-10-10");
        SimulationResult r = vm.runsProperty().get().main();
        double from = vm.viewFromProperty().get();
        double to = vm.viewToProperty().get();
        assertEquals(3600, second(r, r.frames().size() - 1));
        assertTrue(to - from <= 600, "at most ten minutes of the hour: " + from + ".." + to);
        double dry = r.fundEmptySecond();
        assertTrue(from < dry && dry < to, "the fund running dry is on screen: " + dry);
        int firstAdl = 0;
        while (r.frames().get(FrameColumn.ADL_COUNT, firstAdl) == 0) {
            firstAdl++;
        }
        assertTrue(second(r, firstAdl) < to, "and the first ADL");
        assertTrue((to - from) / vm.speedProperty().get() < 60,
                "playback opens at a speed that plays the action in under a minute: " + vm.speedProperty().get() + "x");
        assertEquals(vm.frameAtSecond(from), vm.frameProperty().get(), "and opens at its start");
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyScenarioOpensOnItsShockAndNearlyAllOfItsLiquidations(String id) {
        CascadeViewModel vm = on(id);
        SimulationResult r = vm.runsProperty().get().main();
        Frames f = r.frames();
        double from = vm.viewFromProperty().get();
        double to = vm.viewToProperty().get();
        double shock = r.scenario().driver().shock().atSecond();
        assertTrue(from <= shock && shock <= to, id + ": " + from + ".." + to);
        double total = f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, f.size() - 1);
        assertTrue(f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, vm.frameAtSecond(to)) >= 0.99 * total, id);
        assertTrue((to - from) / vm.speedProperty().get() < 60, id + " at " + vm.speedProperty().get() + "x");
    }

    @Test
    void zoomPanAndTheWholeRun() {
        CascadeViewModel vm = on("2025-10-10");
        double[] action = {vm.viewFromProperty().get(), vm.viewToProperty().get()};
        vm.setView(100, 300);
        vm.zoom(0.5, 150);
        assertEquals(125, vm.viewFromProperty().get(), 1e-9, "the second under the pointer stays put");
        assertEquals(225, vm.viewToProperty().get(), 1e-9);
        vm.pan(0.25);
        assertEquals(150, vm.viewFromProperty().get(), 1e-9);
        assertEquals(250, vm.viewToProperty().get(), 1e-9);
        vm.pan(-10);
        assertEquals(0, vm.viewFromProperty().get(), 1e-9, "stops at the start, keeping its length");
        assertEquals(100, vm.viewToProperty().get(), 1e-9);
        vm.zoom(1e-6, 50);
        assertEquals(CascadeViewModel.MIN_VIEW_TICKS, vm.viewToProperty().get() - vm.viewFromProperty().get(), 1e-9,
                "zooming in stops at ten ticks");
        vm.showWholeRun();
        assertEquals(0, vm.viewFromProperty().get());
        assertEquals(3600, vm.viewToProperty().get());
        vm.zoom(4, 1800);
        assertEquals(3600, vm.viewToProperty().get() - vm.viewFromProperty().get(), 1e-9, "never past the whole run");
        vm.showAction();
        assertEquals(action[0], vm.viewFromProperty().get());
        assertEquals(action[1], vm.viewToProperty().get());
    }

    @Test
    void playbackPlaysThroughTheRangeOnScreenAndLoopsInsideIt() {
        CascadeViewModel vm = on("2025-10-10");
        vm.setView(100, 200);
        vm.speedProperty().set(4);
        vm.scrub(vm.frameAtSecond(100));
        vm.play();
        now += 20_000_000_000L;
        vm.pulse();
        assertEquals(vm.frameAtSecond(180), vm.frameProperty().get());
        now += 20_000_000_000L;
        vm.pulse();
        assertEquals(vm.frameAtSecond(200), vm.frameProperty().get(), "stops at the end of the range");
        assertFalse(vm.playingProperty().get());
        vm.play();
        assertEquals(vm.frameAtSecond(100), vm.frameProperty().get(), "Play at the end starts the range over");
        vm.loopProperty().set(true);
        now += 26_000_000_000L; // 104 s at 4x: past the end by 3 ticks
        vm.pulse();
        assertEquals(vm.frameAtSecond(103), vm.frameProperty().get(), "a loop starts over inside the range");
        vm.pause();
    }

    @Test
    void jumpingOutsideTheRangeSlidesItThere() {
        CascadeViewModel vm = on("2025-10-10");
        vm.setView(100, 200);
        vm.scrub(vm.frameAtSecond(2000));
        assertEquals(1950, vm.viewFromProperty().get(), 1e-9);
        assertEquals(2050, vm.viewToProperty().get(), 1e-9);
        assertEquals(vm.frameAtSecond(2000), vm.frameProperty().get());
    }

    @Test
    void aWhatIfRunKeepsARangeTheUserChose() {
        CascadeViewModel vm = on("2025-10-10");
        vm.setView(100, 200);
        vm.scrub(vm.frameAtSecond(150));
        vm.depthMultiplierProperty().set(2);
        assertEquals(100, vm.viewFromProperty().get(), 1e-9);
        assertEquals(200, vm.viewToProperty().get(), 1e-9);
        assertEquals(vm.frameAtSecond(150), vm.frameProperty().get());
    }
}
