package io.liqlab.ui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link TaskExecutor} over two plain executors, with no UI of its own: progress and messages are dropped. */
final class SimpleTaskExecutor implements TaskExecutor {
    private final Executor work;
    private final Executor callbacks;
    /** Where a task's listing goes when it is submitted; null: tasks are never listed. */
    private final Executor listing;

    SimpleTaskExecutor(Executor work, Executor callbacks, Executor listing) {
        this.work = work;
        this.callbacks = callbacks;
        this.listing = listing;
    }

    /** In tests the work executor is the calling thread, so a lane is too. */
    @Override
    public Executor serial(String name) {
        return work;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        BackgroundTask.Progress progress = new BackgroundTask.Progress() {
            @Override
            public void progress(double fraction) {
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        TaskHandle handle = new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }

            @Override
            public boolean isDone() {
                return done.get();
            }
        };
        AtomicBoolean stopped = new AtomicBoolean();
        if (listing != null) {
            listing.execute(() -> {
                if (!stopped.get()) {
                    task.listed();
                }
            });
        }
        work.execute(() -> {
            T value;
            try {
                value = task.call(progress);
                if (cancelled.get()) {
                    throw new CancellationException();
                }
            } catch (Throwable e) {
                stopped.set(true);
                callbacks.execute(() -> {
                    try {
                        task.failed(e);
                    } finally {
                        done.set(true);
                    }
                });
                return;
            }
            stopped.set(true);
            callbacks.execute(() -> {
                try {
                    task.succeeded(value);
                } finally {
                    done.set(true);
                }
            });
        });
        return handle;
    }
}
