package io.liqlab.sim;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs two pieces of work side by side: the second on a short-lived platform thread, the first on the caller.
 * The population's chunks and the two sides' sorts are independent, so a run uses two cores where it has them
 * and gives the same result on one.
 */
final class Parallel {

    private Parallel() {
    }

    static void run(Runnable first, Runnable second) {
        if (Runtime.getRuntime().availableProcessors() < 2 || Integer.getInteger("liqlab.sim.threads", 2) < 2) {
            first.run();
            second.run();
            return;
        }
        CompletableFuture<Void> other = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().daemon().name("liqlab-sim-worker").start(() -> {
            try {
                second.run();
                other.complete(null);
            } catch (Throwable t) {
                other.completeExceptionally(t);
            }
        });
        try {
            first.run();
        } finally {
            try {
                other.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        assert !thread.isAlive() || other.isDone();
    }
}
