package io.liqlab.ui.task;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The app's {@link TaskExecutor}: every task on a thread of its own (a cascade run, an export and a data refresh
 * never queue behind each other), each as a JavaFX {@link Task} in {@link #running()}, which the status bar's
 * progress and the task list (ControlsFX {@code TaskProgressView}, with a cancel button per task) show.
 * Callbacks run on the FX thread once the work has stopped, cancelled work included. A task is listed only once it
 * has run for {@link #LIST_AFTER} (as IDEs do): a what-if re-run of a fraction of a second showed a row, a progress
 * bar and a count in the status bar and took them away again, two re-layouts of the window per run.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    /** How long a task runs before the status bar lists it. */
    public static final java.time.Duration LIST_AFTER = java.time.Duration.ofMillis(500);

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("liqlab-task-", 1).factory());
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Task<?>> latest = new ReadOnlyObjectWrapper<>(this, "latest");

    /** Every task not finished yet, listed or not (closing the executor cancels them all). */
    private final java.util.Set<Work<?>> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Where a task's listing goes once it has run for {@link #LIST_AFTER}; null: listed at once. */
    private final java.util.concurrent.Executor listLater;

    public FxTaskExecutor() {
        this(LIST_AFTER);
    }

    /** @param listAfter how long a task runs before it is listed in {@link #running()} (zero: at once) */
    public FxTaskExecutor(java.time.Duration listAfter) {
        running.subscribe(() -> latest.set(running.isEmpty() ? null : running.getLast()));
        listLater = listAfter.isZero() || listAfter.isNegative() ? null
                : java.util.concurrent.CompletableFuture.delayedExecutor(listAfter.toNanos(),
                        java.util.concurrent.TimeUnit.NANOSECONDS, Platform::runLater);
    }

    /** The tasks under way for {@link #LIST_AFTER} or longer, oldest first (FX thread). */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** The newest task under way, or null: what the status bar shows. */
    public ReadOnlyObjectProperty<Task<?>> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        Work<T> fx = new Work<>(task);
        live.add(fx);
        if (listLater != null) {
            listLater.execute(() -> list(fx));
        } else if (Platform.isFxApplicationThread()) {
            list(fx);
        } else {
            Platform.runLater(() -> list(fx));
        }
        threads.execute(fx);
        return new TaskHandle() {
            @Override
            public void cancel() {
                fx.cancel(false); // the work stops at its next check; its callback runs once it has
            }

            @Override
            public boolean isCancelled() {
                return fx.isCancelled();
            }

            @Override
            public boolean isDone() {
                return fx.finished;
            }
        };
    }

    /** One daemon thread per lane, so it never keeps the app alive; shut down with the executor. */
    @Override
    public java.util.concurrent.Executor serial(String name) {
        ExecutorService lane = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name).factory());
        lanes.add(lane);
        return lane;
    }

    private final java.util.List<ExecutorService> lanes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** FX thread: lists a task still under way, and tells the task so. */
    private void list(Work<?> work) {
        if (!work.finished) {
            running.add(work);
            work.task.listed();
        }
    }

    private void finish(Work<?> work, Runnable callback) {
        Platform.runLater(() -> {
            live.remove(work);
            running.remove(work);
            work.finished = true;
            callback.run();
        });
    }

    /** Stops accepting tasks; the ones under way are asked to stop. */
    @Override
    public void close() {
        for (Task<?> t : java.util.List.copyOf(live)) {
            t.cancel();
        }
        threads.shutdown();
        lanes.forEach(ExecutorService::shutdown);
    }

    /** One task as JavaFX's task list sees it. */
    private final class Work<T> extends Task<T> {
        private final BackgroundTask<T> task;
        private volatile boolean finished;

        Work(BackgroundTask<T> task) {
            this.task = task;
            updateTitle(task.title());
            updateProgress(-1, 1);
        }

        @Override
        protected T call() {
            BackgroundTask.Progress progress = new BackgroundTask.Progress() {
                @Override
                public void progress(double done) {
                    if (done < 0) {
                        updateProgress(-1, 1);
                    } else {
                        updateProgress(Math.min(1, done), 1);
                    }
                }

                @Override
                public void message(String message) {
                    updateMessage(message);
                }

                @Override
                public boolean cancelled() {
                    return Work.this.isCancelled();
                }
            };
            T value;
            try {
                value = task.call(progress);
                if (isCancelled()) {
                    throw new CancellationException();
                }
            } catch (Throwable e) {
                // Whatever a cancelled task ends with (an interrupted write, say), the user asked it to stop.
                Throwable outcome = isCancelled() && !(e instanceof CancellationException) ? new CancellationException() : e;
                finish(this, () -> task.failed(outcome));
                return null;
            }
            finish(this, () -> task.succeeded(value));
            return value;
        }

        /** Never interrupts: a write interrupted halfway leaves its temporary file; the work stops at its next check. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return super.cancel(false);
        }
    }
}
