package io.liqlab.ui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link TaskExecutor} over two plain executors, with no UI of its own: progress and messages are dropped. */
final class SimpleTaskExecutor implements TaskExecutor {
    private final Executor work;
    private final Executor callbacks;

    SimpleTaskExecutor(Executor work, Executor callbacks) {
        this.work = work;
        this.callbacks = callbacks;
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
        work.execute(() -> {
            T value;
            try {
                value = task.call(progress);
                if (cancelled.get()) {
                    throw new CancellationException();
                }
            } catch (Throwable e) {
                callbacks.execute(() -> {
                    try {
                        task.failed(e);
                    } finally {
                        done.set(true);
                    }
                });
                return;
            }
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
