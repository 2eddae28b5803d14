package io.liqlab.ui.cascade;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cascade pane's view-model without a toolkit: same-thread executors and a fake clock. */
class CascadeViewModelTest {
    private static final List<Scenario> SCENARIOS = ScenarioCatalog.loadShipped(new ScenarioReader()).scenarios();
    private final ObservableList<VenueProfile> venues = FXCollections.observableArrayList(TestProfiles.catalog().profiles());
    private long now;

    private CascadeViewModel sameThread() {
        return new CascadeViewModel(SCENARIOS, venues, Runnable::run, Runnable::run, () -> now);
    }

    @BeforeEach
    void start() {
        now = 5_000_000_000L;
    }

    @Test
    void opensOnTheClassroomScenarioAndRunsIt() {
        CascadeViewModel vm = sameThread();
        assertEquals("classroom-small", vm.scenarioProperty().get().id());
        assertEquals("textbook", vm.venueProperty().get().id());
        assertEquals(1, vm.runCountProperty().get());
        assertNotNull(vm.runsProperty().get());
        assertEquals(600, vm.lastFrameProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("Textbook: $"), vm.summaryProperty().get());
        assertFalse(vm.log().isEmpty());
        assertEquals("", vm.differenceProperty().get(), "no comparison unless asked");
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void eventLogSpeaksPlainWordsAndPointsAtFrames() {
        CascadeViewModel vm = sameThread();
        EventLog.Entry shock = vm.log().stream().filter(e -> e.kind() == EventLog.Kind.SHOCK).findFirst().orElseThrow();
        assertEquals("00:05 - shock: the mid jumps -3.0% and makers pull their quotes", shock.text());
        EventLog.Entry liquidations = vm.log().stream().filter(e -> e.kind() == EventLog.Kind.LIQUIDATIONS && e.frame() >= 5)
                .findFirst().orElseThrow();
        assertTrue(liquidations.text().matches("\\d\\d:\\d\\d - (since \\d\\d:\\d\\d: )?[\\d,]+ longs? liquidated, \\$[\\d.]+k?; .*price -?[\\d.]+% .*"
                + "insurance fund \\$[\\d.]+k left"), liquidations.text());
        for (int i = 1; i < vm.log().size(); i++) {
            assertTrue(vm.log().get(i).frame() >= vm.log().get(i - 1).frame(), "in time order");
        }
    }

    @Test
    void playbackFollowsTheFakeClockThroughPauseStepScrubAndSpeed() {
        CascadeViewModel vm = sameThread();
        vm.speedProperty().set(2);
        vm.play();
        assertTrue(vm.playingProperty().get());
        now += 10_000_000_000L;
        vm.pulse();
        assertEquals(20, vm.frameProperty().get());
        assertTrue(vm.timeProperty().get().startsWith("00:20 / 10:00"), vm.timeProperty().get());
        vm.pause();
        now += 10_000_000_000L;
        vm.pulse();
        assertEquals(20, vm.frameProperty().get(), "paused");
        vm.step(1);
        assertEquals(21, vm.frameProperty().get());
        vm.step(-1);
        vm.step(-1);
        assertEquals(19, vm.frameProperty().get());
        vm.scrub(300);
        assertEquals(300, vm.frameProperty().get());
        assertTrue(vm.readoutProperty().get().startsWith("Mid "), vm.readoutProperty().get());
        vm.nudgeSpeed(1);
        assertEquals(4, vm.speedProperty().get());
        vm.nudgeSpeed(-1);
        vm.nudgeSpeed(-1);
        assertEquals(1, vm.speedProperty().get());
    }

    @Test
    void aWhatIfChangeRerunsAndUpdatesTheSummary() {
        CascadeViewModel vm = sameThread();
        String before = vm.summaryProperty().get();
        double liquidatedBefore = vm.runsProperty().get().main().summary().liquidatedNotional();
        vm.shockPercentProperty().set(-10);
        assertEquals(2, vm.runCountProperty().get());
        assertNotEquals(before, vm.summaryProperty().get());
        assertTrue(vm.runsProperty().get().main().summary().liquidatedNotional() > liquidatedBefore,
                "a bigger shock liquidates more");
        assertEquals(-10, vm.runsProperty().get().main().scenario().driver().shock().percent());
        vm.adlProperty().set(Scenario.AdlMode.OFF);
        vm.backstopProperty().set(false);
        vm.positionsProperty().set(2_000);
        assertEquals(5, vm.runCountProperty().get());
        Scenario ran = vm.runsProperty().get().main().scenario();
        assertEquals(Scenario.AdlMode.OFF, ran.rules().adl());
        assertFalse(ran.rules().backstop());
        assertEquals(2_000, ran.population().positions());
    }

    /** Issue 16: the engine starts no warm-up thread of its own in the window; the warm-up is a task of the executor. */
    @Test
    void theFirstLargeRunWarmsTheEngineUpAsATaskOfItsOwnBesideTheRun() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a warm-up needs a second core");
        io.liqlab.sim.WarmUps.forget();
        List<String> titles = new java.util.ArrayList<>();
        io.liqlab.ui.task.TaskExecutor recording =
                io.liqlab.ui.task.TitleRecorder.around(io.liqlab.ui.task.TaskExecutor.callingThread(), titles);
        Thread[] before = threads();
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues, recording, Runnable::run, () -> now);
        assertEquals(1, titles.size(), "a small run needs no warm-up: " + titles);
        assertTrue(titles.getFirst().startsWith("Cascade run: "), titles.getFirst());

        vm.positionsProperty().set(200_000);
        assertEquals(List.of("Warming up the cascade engine (first large run)"), titles.subList(1, 2), "a task, before the run: " + titles);
        assertTrue(titles.get(2).startsWith("Cascade run: ") && titles.get(2).endsWith("200,000 positions"), titles.get(2));
        assertEquals(200_000, vm.runsProperty().get().main().scenario().population().positions(), "the run itself is the one asked for");
        assertFalse(io.liqlab.sim.Simulator.warmUpWanted(vm.runsProperty().get().main().scenario()), "once per JVM");

        vm.positionsProperty().set(250_000);
        assertEquals(4, titles.size(), "the next large run has the warm engine: " + titles);
        List<String> warmUpThreads = java.util.Arrays.stream(threads()).filter(t -> !List.of(before).contains(t))
                .map(Thread::getName).filter(n -> n.contains("warm")).toList();
        assertEquals(List.of(), warmUpThreads, "no thread of the engine's own");
    }

    private static Thread[] threads() {
        return Thread.getAllStackTraces().keySet().toArray(Thread[]::new);
    }

    @Test
    void changingTheScenarioLoadsItsInputsAndRunsOnce() {
        CascadeViewModel vm = sameThread();
        Scenario thin = SCENARIOS.stream().filter(s -> s.id().equals("thin-book-runaway")).findFirst().orElseThrow();
        vm.scenarioProperty().set(thin.withPositions(2_000));
        assertEquals(2, vm.runCountProperty().get(), "one run for the new scenario, not one per input it sets");
        assertEquals(2_000, vm.positionsProperty().get());
        assertEquals(thin.venue(), vm.venueProperty().get().id());
    }

    @Test
    void sideBySideRunsBothVenuesAndSummarisesTheDifference() {
        CascadeViewModel vm = sameThread();
        vm.compareVenueProperty().set(TestProfiles.get("binance-usdm-btc"));
        vm.sideBySideProperty().set(true);
        CascadeViewModel.Runs runs = vm.runsProperty().get();
        assertNotNull(runs.other());
        assertEquals("binance-usdm-btc", runs.other().scenario().venue());
        assertEquals("textbook", runs.main().scenario().venue());
        assertEquals(runs.main().frames().size(), runs.other().frames().size(), "the same clock");
        assertTrue(vm.differenceProperty().get().startsWith("Binance USD-M BTCUSDT vs Textbook: liquidated $"),
                vm.differenceProperty().get());
        vm.sideBySideProperty().set(false);
        assertNull(vm.runsProperty().get().other());
        assertEquals("", vm.differenceProperty().get());
    }

    @Test
    void changesWhileARunComputesCancelItAndOnlyTheNewestInputsRun() {
        Deque<Runnable> background = new ArrayDeque<>();
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues, background::add, Runnable::run, () -> now);
        assertTrue(vm.runningProperty().get());
        assertEquals(1, background.size());
        vm.shockPercentProperty().set(-5);
        vm.shockPercentProperty().set(-6);
        vm.shockPercentProperty().set(-7);
        assertEquals(1, background.size(), "nothing queued behind the run in flight");
        background.poll().run(); // the first run sees its cancel flag and hands over nothing; the newest starts
        assertEquals(0, vm.runCountProperty().get());
        assertEquals(1, background.size());
        vm.pulse();
        assertTrue(vm.runningProperty().get());
        background.poll().run();
        assertEquals(1, vm.runCountProperty().get());
        assertEquals(-7, vm.runsProperty().get().main().scenario().driver().shock().percent());
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
    }

    @Test
    void aQuickRunShowsNoProgressAndALongOneShowsItOnceTheExecutorListsIt() {
        Deque<Runnable> background = new ArrayDeque<>();
        // Each task's listing, which the app's executor runs after half a second: running one here is that moment.
        Deque<Runnable> listing = new ArrayDeque<>();
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues,
                io.liqlab.ui.task.TaskExecutor.using(background::add, Runnable::run, listing::add), Runnable::run, () -> now);
        background.poll().run();
        listing.poll().run();
        // A what-if re-run that is over within half a second: no bar, no "Running" line, at any frame.
        List<String> seen = new java.util.ArrayList<>();
        vm.progressShownProperty().subscribe(shown -> seen.add("shown " + shown));
        vm.statusProperty().subscribe(text -> seen.add("status '" + text + "'"));
        seen.clear();
        vm.shockPercentProperty().set(-5);
        vm.pulse();
        vm.pulse();
        background.poll().run();
        listing.poll().run(); // half a second on: the run is over, so it is not listed
        vm.pulse();
        assertEquals(List.of(), seen);
        assertEquals(-5, vm.runsProperty().get().main().scenario().driver().shock().percent());
        // One that takes longer shows both from the first frame past half a second, and takes them away when done.
        vm.shockPercentProperty().set(-6);
        vm.pulse();
        assertFalse(vm.progressShownProperty().get());
        assertEquals("", vm.statusProperty().get());
        listing.poll().run(); // half a second on, still computing: the executor lists it, and the pane shows it too
        assertTrue(vm.progressShownProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Running"), vm.statusProperty().get());
        background.poll().run();
        assertFalse(vm.progressShownProperty().get());
        assertEquals("", vm.statusProperty().get());
        assertEquals(-6, vm.runsProperty().get().main().scenario().driver().shock().percent());
    }

    @Test
    void aNewRunKeepsTheMomentOnScreen() {
        CascadeViewModel vm = sameThread();
        vm.scrub(120);
        vm.depthMultiplierProperty().set(2);
        assertEquals(120, vm.frameProperty().get());
    }

    @Test
    void assumptionsAreOneClickAwayAndSayItIsAModel() {
        CascadeViewModel vm = sameThread();
        String text = vm.assumptionsText();
        assertTrue(text.contains("Illustrative numbers for teaching"), text);
        assertTrue(text.contains("teaching model"), text);
    }
}
