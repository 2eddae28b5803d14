package io.liqlab.ui.task;

import java.util.concurrent.Executor;

/**
 * The one way background work runs (JabRef's {@code TaskExecutor}): built once in the composition root and
 * handed to whoever needs it. Each task runs on its own, so an export never waits behind a cascade run; the
 * app's implementation ({@link FxTaskExecutor}) lists running tasks with their progress and a cancel button,
 * tests use {@link #callingThread()}, which runs each task at once on the caller's thread.
 */
public interface TaskExecutor {

    <T> TaskHandle submit(BackgroundTask<T> task);

    /**
     * A lane for small jobs that are not the user's tasks and must run one after another, in order, off the UI thread
     * (the Cascade tab's charts paint their data on one: a chart's point reducer is shared by its paints). Not
     * listed, not cancellable; a job that is overtaken checks that itself.
     *
     * @param name the thread's name, for profilers and thread dumps
     */
    Executor serial(String name);

    /** Runs every task on the calling thread, callbacks included, before {@code submit} returns (tests). */
    static TaskExecutor callingThread() {
        return new SimpleTaskExecutor(Runnable::run, Runnable::run, null);
    }

    /** Work on {@code work}, callbacks on {@code callbacks}; no task list (tests, and code with its own threads). */
    static TaskExecutor using(Executor work, Executor callbacks) {
        return new SimpleTaskExecutor(work, callbacks, null);
    }

    /**
     * As {@link #using(Executor, Executor)}, and each task's listing is handed to {@code listing} when it is
     * submitted: run later (on the callbacks' thread) it lists the task if it is still under way, as the app's
     * executor does after {@link FxTaskExecutor#LIST_AFTER}. Tests run it to say "half a second has passed".
     */
    static TaskExecutor using(Executor work, Executor callbacks, Executor listing) {
        return new SimpleTaskExecutor(work, callbacks, java.util.Objects.requireNonNull(listing, "listing"));
    }
}
