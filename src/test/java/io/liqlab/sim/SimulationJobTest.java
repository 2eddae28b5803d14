package io.liqlab.sim;

import io.liqlab.core.VenueRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run off the calling thread, as the UI starts it: progress to poll, a result future, and cancellation. */
class SimulationJobTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulation-job-test");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() throws InterruptedException {
        worker.shutdownNow();
        assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS), "the worker finished");
    }

    private static Scenario october() {
        return ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow();
    }

    private static VenueRules rules(Scenario s) {
        return SimFixtures.rules(s);
    }

    @Test
    void aJobOnAWorkerThreadReportsRisingProgressAndCompletes() throws Exception {
        Scenario s = october();
        SimulationJob job = SimulationJob.start(s, rules(s), worker);
        List<Double> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!job.result().isDone() && System.nanoTime() < deadline) {
            seen.add(job.progress());
            Thread.sleep(1);
        }
        SimulationResult result = job.result().get(1, TimeUnit.SECONDS);
        assertEquals(s.ticks() + 1, result.frames().size());
        assertEquals(1.0, job.progress(), "progress ends at 1");
        assertFalse(job.isCancelled());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen.get(i - 1) + " then " + seen.get(i));
        }
        assertTrue(seen.stream().allMatch(p -> p >= 0 && p <= 1), "progress within 0..1");
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "progress seen between 0 and 1: " + seen.size() + " samples");
    }

    @Test
    void cancelStopsALongRunWhileItDrawsPositions() throws Exception {
        Scenario s = october().withPositions(1_000_000);
        SimulationJob job = SimulationJob.start(s, rules(s), worker);
        long cancelledAt = System.nanoTime();
        job.cancel();
        assertCancelledQuickly(job, cancelledAt);
    }

    @Test
    void cancelStopsALongRunBetweenTicks() throws Exception {
        Scenario s = october().withPositions(1_000_000);
        SimulationJob job = SimulationJob.start(s, rules(s), worker);
        // Wait for the cascade: progress passes 0.5 once positions are drawn and ordered.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (job.progress() <= 0.5 && !job.result().isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(job.result().isDone(), "setup: the run is still going when the cascade starts");
        long cancelledAt = System.nanoTime();
        job.cancel();
        assertCancelledQuickly(job, cancelledAt);
        assertTrue(job.progress() < 1, "stopped before the end: " + job.progress());
    }

    private static void assertCancelledQuickly(SimulationJob job, long cancelledAt) throws Exception {
        assertTrue(job.isCancelled());
        try {
            job.result().get(10, TimeUnit.SECONDS);
        } catch (CancellationException expected) {
            // the future is cancelled, as it should be
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
        assertTrue(job.result().isCancelled(), "the future says cancelled");
        assertThrows(CancellationException.class, () -> job.result().join());
        assertTrue(millis < 1_000, "stopped " + millis + " ms after cancel");
    }

    @Test
    void aSameThreadExecutorRunsTheJobBeforeStartReturns() {
        Scenario s = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("classroom-small").orElseThrow();
        SimulationJob job = SimulationJob.start(s, rules(s), Runnable::run);
        assertTrue(job.result().isDone());
        assertEquals(1.0, job.progress());
        SimulationResult direct = Simulator.run(s, rules(s));
        assertEquals(SimulationInvariantsTest.withoutElapsed(direct.summary()),
                SimulationInvariantsTest.withoutElapsed(job.result().join().summary()), "the same run as Simulator.run");
    }

    @Test
    void aFailingRunCompletesTheFutureExceptionally() {
        Scenario s = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("classroom-small").orElseThrow();
        SimulationJob job = SimulationJob.start(s, null, Runnable::run);
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get());
        assertInstanceOf(NullPointerException.class, e.getCause());
        assertFalse(job.result().isCancelled());
    }
}
