package io.liqlab.sim;

import io.liqlab.core.VenueRules;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A run off the calling thread, for the UI: progress to poll (0..1, written by the worker, read from any thread),
 * cancellation, and the result as a future. The caller chooses the executor (the UI's one background executor,
 * or a same-thread one in tests).
 */
public final class SimulationJob {

    private final CompletableFuture<SimulationResult> result = new CompletableFuture<>();
    private volatile double progress;
    private volatile boolean cancelled;

    private SimulationJob() {
    }

    public static SimulationJob start(Scenario scenario, VenueRules rules, Executor executor) {
        SimulationJob job = new SimulationJob();
        executor.execute(() -> {
            try {
                job.result.complete(Simulator.run(scenario, rules, f -> job.progress = f, () -> job.cancelled));
            } catch (CancellationException e) {
                job.result.cancel(false);
            } catch (RuntimeException | Error e) {
                job.result.completeExceptionally(e);
            }
        });
        return job;
    }

    /** Fraction done, 0..1. */
    public double progress() {
        return progress;
    }

    /** Asks the run to stop at its next check (between ticks, or every 65,536 positions while drawing). */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public CompletableFuture<SimulationResult> result() {
        return result;
    }
}
