package io.liqlab.ui.cascade;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.PhaseMap;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SeedBand;
import io.liqlab.sim.SimulationSummary;
import io.liqlab.ui.task.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cascade tab's phase map and seed band without a toolkit: same-thread executors, or a queue run by hand. */
class PhaseMapViewModelTest {
    private static final List<Scenario> SCENARIOS = ScenarioCatalog.loadShipped(new ScenarioReader()).scenarios();
    private final ObservableList<VenueProfile> venues = FXCollections.observableArrayList(TestProfiles.catalog().profiles());
    /** Tasks (the cascade's runs, the map's task) queued here; the map's cells queued in {@link #cells}. */
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final LinkedBlockingQueue<Runnable> cells = new LinkedBlockingQueue<>();

    private CascadeViewModel sameThread() {
        return new CascadeViewModel(SCENARIOS, venues, TaskExecutor.callingThread(), Runnable::run, () -> 0L, Runnable::run, 2);
    }

    private CascadeViewModel queued() {
        return new CascadeViewModel(SCENARIOS, venues, TaskExecutor.using(tasks::add, Runnable::run), Runnable::run, () -> 0L,
                cells::add, 2);
    }

    /** Runs the newest queued task (the map's) on its own thread: it waits there for the cells the test runs. */
    private Thread startNewestTask() {
        Thread t = new Thread(tasks.pollLast(), "map-task");
        t.start();
        return t;
    }

    private void runCell() throws InterruptedException {
        Runnable cell = cells.poll(20, TimeUnit.SECONDS);
        assertNotNull(cell, "the map's task handed its work to the workers");
        cell.run();
    }

    /** The screen's first two frames after Compute: the map is drawn empty, then its workers start. */
    private static void firstFrames(PhaseMapViewModel map, long firstFrameNanos) {
        map.pulse(firstFrameNanos);
        map.pulse(firstFrameNanos + 16_000_000L);
    }

    private static PhaseMapViewModel threeByThree(CascadeViewModel vm) {
        PhaseMapViewModel map = vm.phaseMap();
        map.stepsProperty().set(3);
        map.xFromProperty().set(-2);
        map.xToProperty().set(-8);
        map.yFromProperty().set(0.5);
        map.yToProperty().set(2);
        return map;
    }

    @Test
    void clickingACellPlaysExactlyThatCellsRun() {
        CascadeViewModel vm = sameThread();
        PhaseMapViewModel map = threeByThree(vm);
        map.compute();
        firstFrames(map, 0);
        assertFalse(map.runningProperty().get());
        assertEquals(1.0, map.progressProperty().get());
        PhaseMap.Cell cell = map.cell(2, 1);
        assertNotNull(cell);
        int runsBefore = vm.runCountProperty().get();

        assertTrue(map.load(2, 1));

        assertEquals(runsBefore + 1, vm.runCountProperty().get(), "one run for the two inputs, not one per input");
        assertEquals(-8, vm.shockPercentProperty().get());
        assertEquals(1.25, vm.depthMultiplierProperty().get());
        SimulationSummary played = vm.runsProperty().get().main().summary();
        assertEquals(cell.liquidatedNotional(), played.liquidatedNotional(), "the run played is the cell's run");
        assertEquals(cell.maxR(), played.maxR());
    }

    @Test
    void hoverDescribesTheCellsFiguresAndNothingBeforeItIsComputed() {
        CascadeViewModel vm = sameThread();
        PhaseMapViewModel map = threeByThree(vm);
        assertEquals("", map.describe(0, 0), "no map yet");
        assertFalse(map.load(0, 0));
        map.compute();
        firstFrames(map, 0);
        PhaseMap.Cell c = map.cell(0, 2);
        String text = map.describe(0, 2);
        assertTrue(text.startsWith("Initial shock -2.00%, Book depth 2.00x: liquidated "), text);
        assertTrue(text.contains("max R " + io.liqlab.ui.LocalNumbers.fixed(c.maxR(), 2)), text);
        assertTrue(text.endsWith(c.cascade() ? "(cascade)" : "(absorbed)"), text);
        assertTrue(map.statusProperty().get().startsWith("9 cells, "), map.statusProperty().get());
    }

    @Test
    void cellsReachTheScreenOnlyAtAPulse() throws Exception {
        CascadeViewModel vm = queued();
        PhaseMapViewModel map = vm.phaseMap();
        map.stepsProperty().set(5);
        map.compute();
        assertTrue(map.runningProperty().get());
        firstFrames(map, 0);
        int version = map.versionProperty().get();
        Thread task = startNewestTask();
        // The first of the two workers computes every cell; the screen sees none of them until the next time it takes.
        runCell();
        assertNull(map.cell(0, 0));
        assertEquals(version, map.versionProperty().get());
        map.pulse(PhaseMapViewModel.SHOW_EVERY_NANOS);
        assertEquals(version + 1, map.versionProperty().get(), "one change for 25 cells");
        assertNotNull(map.cell(3, 3));
        runCell();
        task.join(20_000);
        assertFalse(map.runningProperty().get());
        assertTrue(map.statusProperty().get().startsWith("25 cells, "), map.statusProperty().get());
    }

    @Test
    void aComputingMapReachesTheScreenAtMostFourTimesASecond() throws Exception {
        CascadeViewModel vm = queued();
        PhaseMapViewModel map = vm.phaseMap();
        map.stepsProperty().set(4);
        map.compute();
        long second = 1_000_000_000L;
        firstFrames(map, 10 * second); // the map's first frames: nothing computed yet
        Thread task = startNewestTask();
        int version = map.versionProperty().get();
        assertEquals(0.0, map.progressProperty().get());
        runCell(); // one worker computes all 16 cells

        map.pulse(10 * second + second / 60);
        map.pulse(10 * second + second / 5);
        assertNull(map.cell(0, 0), "a fifth of a second after the last change shown, the new cells wait");
        assertEquals(version, map.versionProperty().get());
        assertEquals(0.0, map.progressProperty().get(), "and so does the progress");
        map.pulse(10 * second + second / 4);
        assertNotNull(map.cell(0, 0), "a quarter of a second after, they are shown");
        assertEquals(version + 1, map.versionProperty().get(), "in one change");
        assertEquals(1.0, map.progressProperty().get());
        runCell();
        task.join(20_000);
        assertFalse(map.runningProperty().get());
    }

    @Test
    void cancelStopsTheMapAndSaysHowFarItGot() throws Exception {
        CascadeViewModel vm = queued();
        PhaseMapViewModel map = vm.phaseMap();
        map.stepsProperty().set(4);
        map.compute();
        firstFrames(map, 0);
        Thread task = startNewestTask();
        map.cancel();
        runCell();
        runCell();
        task.join(20_000);
        assertFalse(map.runningProperty().get());
        assertEquals("Cancelled after 0 of 16 cells", map.statusProperty().get());
        assertNull(map.cell(0, 0));
    }

    /** The map's task as the executor saw it submitted, by title: the app's task list shows the same. */
    private TaskExecutor recording(List<String> submitted) {
        return io.liqlab.ui.task.TitleRecorder.around(TaskExecutor.using(tasks::add, Runnable::run), submitted);
    }

    @Test
    void theMapIsDrawnEmptyBeforeItsWorkersStart() throws Exception {
        List<String> submitted = new java.util.ArrayList<>();
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues, recording(submitted), Runnable::run, () -> 0L, cells::add, 2);
        PhaseMapViewModel map = vm.phaseMap();
        map.stepsProperty().set(4);
        String mapTask = "Phase map: 16 cells";

        map.compute();
        assertTrue(map.runningProperty().get(), "the map shows as computing at once");
        assertTrue(map.statusProperty().get().startsWith("Computing 16 cells "), map.statusProperty().get());
        assertNotNull(map.request(), "its axes are there to draw");
        assertFalse(submitted.contains(mapTask), "no worker competes with the map's first frame: " + submitted);
        assertTrue(cells.isEmpty());
        map.pulse(0); // the first frame: the empty map, its progress bar and status
        assertFalse(submitted.contains(mapTask), "nor while that frame is drawn");
        map.pulse(16_000_000L); // the next frame: the first one is on screen
        assertEquals(1, java.util.Collections.frequency(submitted, mapTask), "the map's task starts once, after its first frame");
        map.pulse(32_000_000L);
        assertEquals(1, java.util.Collections.frequency(submitted, mapTask));

        Thread task = startNewestTask();
        runCell();
        runCell();
        task.join(20_000);
        assertFalse(map.runningProperty().get());
        assertTrue(map.statusProperty().get().startsWith("16 cells, "), map.statusProperty().get());
    }

    @Test
    void aMapCancelledBeforeItsWorkersStartEndsAtOnceAndNeverStarts() {
        List<String> submitted = new java.util.ArrayList<>();
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues, recording(submitted), Runnable::run, () -> 0L, cells::add, 2);
        PhaseMapViewModel map = vm.phaseMap();
        map.stepsProperty().set(4);
        map.compute();
        map.pulse(0);

        map.cancel();

        assertFalse(map.runningProperty().get());
        assertEquals("Cancelled after 0 of 16 cells", map.statusProperty().get());
        assertTrue(map.canComputeProperty().get(), "a new map can be asked for");
        firstFrames(map, 16_000_000L);
        assertFalse(submitted.contains("Phase map: 16 cells"), "the cancelled map's workers never start: " + submitted);
        assertTrue(cells.isEmpty());
    }

    @Test
    void inputsOutsideWhatTheTabCanPlayAreNamedAndNotComputed() {
        CascadeViewModel vm = sameThread();
        PhaseMapViewModel map = vm.phaseMap();
        map.xFromProperty().set(-40);
        assertEquals("Initial shock: from and to must be within -30.00 to 30.00", map.problemProperty().get());
        assertFalse(map.canComputeProperty().get());
        map.compute();
        assertNull(map.request());
        map.xFromProperty().set(-2);
        map.yParameterProperty().set(PhaseMap.Parameter.SHOCK);
        assertEquals("Map two different inputs (Initial shock twice)", map.problemProperty().get());
        map.yParameterProperty().set(PhaseMap.Parameter.DEPTH);
        map.yToProperty().set(0.25);
        assertEquals("Book depth: from and to must differ", map.problemProperty().get());
        map.yToProperty().set(4);
        assertTrue(map.canComputeProperty().get());
    }

    @Test
    void theSeedBandSpansTheTenthToNinetiethPercentileOfThePlayedScenarioAndGoesWhenSwitchedOff() {
        CascadeViewModel vm = sameThread();
        assertNull(vm.bandProperty().get());
        vm.bandShownProperty().set(true);
        SeedBand band = vm.bandProperty().get();
        assertNotNull(band);
        assertEquals(vm.runsProperty().get().main().frames().size(), band.size());
        assertEquals(20, band.seeds());
        boolean spread = false;
        for (int k = 0; k < band.size(); k++) {
            assertTrue(band.p10()[k] <= band.median()[k] && band.median()[k] <= band.p90()[k], "frame " + k);
            spread |= band.p90()[k] > band.p10()[k];
        }
        assertTrue(spread, "20 seeds do not all take the same path");
        assertEquals("10-90% over seeds 1..20", vm.bandStatusProperty().get());
        vm.shockPercentProperty().set(-6);
        assertNotNull(vm.bandProperty().get());
        assertTrue(vm.bandProperty().get() != band, "a new scenario gets its own band");
        vm.bandShownProperty().set(false);
        assertNull(vm.bandProperty().get());
    }
}
