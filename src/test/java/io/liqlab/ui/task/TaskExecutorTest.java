package io.liqlab.ui.task;

import javafx.application.Platform;
import javafx.concurrent.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's one executor: tasks run side by side, can be cancelled, and say how far they are. */
class TaskExecutorTest {

    private final FxTaskExecutor executor = new FxTaskExecutor();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    /** Submits a task that runs until it is cancelled, once it has started; its failure completes the future returned. */
    private CompletableFuture<Throwable> runUntilCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        onFx(() -> executor.submit(BackgroundTask.of("Long run", p -> {
            started.countDown();
            while (true) {
                p.checkCancelled();
                Thread.onSpinWait();
            }
        }).onFailure(outcome::complete)));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        return outcome;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS); // on the FX thread, its exception rethrown
    }

    @Test
    void anExportDoesNotWaitBehindACascadeRun() throws Exception {
        CountDownLatch exportDone = new CountDownLatch(1);
        CompletableFuture<String> cascade = new CompletableFuture<>();
        CompletableFuture<String> export = new CompletableFuture<>();
        onFx(() -> executor.submit(BackgroundTask.of("Cascade run", p -> {
            // The run only ends once the export has finished: on one shared thread the export would never start.
            return exportDone.await(20, TimeUnit.SECONDS) ? "run" : "timed out";
        }).onSuccess(cascade::complete).onFailure(cascade::completeExceptionally)));
        onFx(() -> executor.submit(BackgroundTask.of("Export", p -> {
            exportDone.countDown();
            return "written";
        }).onSuccess(export::complete).onFailure(export::completeExceptionally)));
        assertEquals("written", export.get(20, TimeUnit.SECONDS));
        assertEquals("run", cascade.get(20, TimeUnit.SECONDS), "the run saw the export finish while it was still running");
    }

    @Test
    void cancelStopsTheWorkAndEndsInCancellation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        List<Boolean> onFxThread = new ArrayList<>();
        TaskHandle handle = onFx(() -> executor.submit(BackgroundTask.of("Long run", p -> {
            started.countDown();
            while (true) {
                p.checkCancelled();
                Thread.onSpinWait();
            }
        }).onSuccess(v -> outcome.complete(null)).onFailure(e -> {
            onFxThread.add(Platform.isFxApplicationThread());
            outcome.complete(e);
        })));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        // Listed once it has run for half a second.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> executor.running().size()) == 1);
        assertFalse(handle.isDone());
        handle.cancel();
        assertInstanceOf(CancellationException.class, outcome.get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(handle.isDone());
        assertTrue(handle.isCancelled());
        assertEquals(List.of(true), onFxThread, "the callback ran once, on the FX thread");
        assertEquals(0, onFx(() -> executor.running().size()), "gone from the task list");
    }

    @Test
    void cancelFromTheTaskListStopsTheWorkToo() throws Exception {
        CompletableFuture<Throwable> outcome = runUntilCancelled();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> executor.running().size()) == 1);
        onFx(() -> executor.running().getFirst().cancel()); // what TaskProgressView's cancel button does
        assertInstanceOf(CancellationException.class, outcome.get(10, TimeUnit.SECONDS));
    }

    @Test
    void progressAndMessageShowOnTheListedTask() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> done = new CompletableFuture<>();
        onFx(() -> executor.submit(BackgroundTask.of("Export frames", p -> {
            p.progress(0.25);
            p.message("frame 250 of 1000");
            reported.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "ok";
        }).onSuccess(done::complete)));
        assertTrue(reported.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Task<?> t = onFx(() -> executor.latestProperty().get());
            return t != null && onFx(t::getProgress) == 0.25;
        });
        Task<?> task = onFx(() -> executor.latestProperty().get());
        assertEquals("Export frames", onFx(task::getTitle));
        assertEquals("frame 250 of 1000", onFx(task::getMessage));
        release.countDown();
        assertEquals("ok", done.get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, onFx(() -> executor.latestProperty().get()), "nothing listed once it is over");
    }

    @Test
    void aTaskThatEndsWithinHalfASecondIsNeverListed() throws Exception {
        // A what-if re-run takes a fraction of a second: a row, a count and a progress bar in the status bar that come
        // and go with it cost two re-layouts of the window per run and tell the user nothing.
        List<String> changes = new ArrayList<>();
        onFx(() -> {
            executor.running().addListener((javafx.collections.ListChangeListener<Task<?>>) c -> changes.add(c.toString()));
            return null;
        });
        CompletableFuture<String> done = new CompletableFuture<>();
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFx(() -> executor.submit(BackgroundTask.of("Cascade run", p -> "run").onSuccess(done::complete)
                .onListed(() -> told.add("listed"))));
        assertEquals("run", done.get(10, TimeUnit.SECONDS));
        // Past the moment it would have been listed, and through the FX events queued by then.
        Thread.sleep(FxTaskExecutor.LIST_AFTER.toMillis() + 300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), changes, "the task list never changed");
        assertEquals(List.of(), told, "and the task was never told it was listed");
        assertEquals(null, onFx(() -> executor.latestProperty().get()));
    }

    @Test
    void aTaskThatRunsLongerIsListedAfterHalfASecondAndGoneWhenItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> done = new CompletableFuture<>();
        long[] listedAt = {0};
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFx(() -> {
            executor.running().addListener((javafx.collections.ListChangeListener<Task<?>>) c -> {
                if (!executor.running().isEmpty() && listedAt[0] == 0) {
                    listedAt[0] = System.nanoTime();
                }
            });
            return null;
        });
        long submitted = onFx(() -> {
            long at = System.nanoTime();
            executor.submit(BackgroundTask.of("Cascade run, 1,000,000 positions", p -> {
                release.await(20, TimeUnit.SECONDS);
                return "run";
            }).onSuccess(done::complete).onListed(() -> told.add("listed " + (executor.running().size() == 1)
                    + " on the FX thread " + javafx.application.Platform.isFxApplicationThread())));
            return at;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> executor.running().size()) == 1);
        assertEquals("Cascade run, 1,000,000 positions", onFx(() -> executor.latestProperty().get().getTitle()));
        // Whoever shows the task's progress itself (the Cascade tab's bar) hears of it at that moment.
        assertEquals(List.of("listed true on the FX thread true"), told);
        assertTrue(listedAt[0] - submitted >= FxTaskExecutor.LIST_AFTER.toNanos(),
                "listed " + (listedAt[0] - submitted) / 1e6 + " ms after it started");
        release.countDown();
        assertEquals("run", done.get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, onFx(() -> executor.running().size()), "gone from the task list");
    }

    @Test
    void closingCancelsATaskNotListedYet() throws Exception {
        CompletableFuture<Throwable> outcome = runUntilCancelled();
        executor.close();
        assertInstanceOf(CancellationException.class, outcome.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFailureReachesOnFailureWithItsMessage() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        onFx(() -> executor.submit(BackgroundTask.of("Export", p -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
        }).onFailure(outcome::complete)));
        assertEquals("disk full", BackgroundTask.messageOf(outcome.get(10, TimeUnit.SECONDS)));
    }

    @Test
    void theTestExecutorRunsEverythingBeforeSubmitReturns() {
        List<String> order = new ArrayList<>();
        Thread caller = Thread.currentThread();
        TaskHandle h = TaskExecutor.callingThread().submit(BackgroundTask.of("t", p -> {
            order.add(Thread.currentThread() == caller ? "work here" : "work elsewhere");
            return 1;
        }).onSuccess(v -> order.add("success " + v)));
        order.add("returned");
        assertEquals(List.of("work here", "success 1", "returned"), order);
        assertTrue(h.isDone());
    }
}
