package io.liqlab.ui.task;

/** A task handed to a {@link TaskExecutor}: it can be cancelled, and says when it is over. */
public interface TaskHandle {
    /** Asks the work to stop; its {@code onFailure} then gets a {@link java.util.concurrent.CancellationException}. */
    void cancel();

    boolean isCancelled();

    /** Whether the work has stopped and its callback has run. */
    boolean isDone();
}
