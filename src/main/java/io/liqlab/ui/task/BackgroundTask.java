package io.liqlab.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One piece of background work as the user sees it: a title (shown in the task list), the work itself, which may
 * report progress and a message and should stop when asked, and what to do with its outcome. Exactly one of the
 * two callbacks runs, on the UI thread, once the work has really stopped; a cancelled task ends in
 * {@code onFailure} with a {@link java.util.concurrent.CancellationException}. No JavaFX here: view-models build
 * tasks and hand them to a {@link TaskExecutor}.
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    /** The work: runs off the UI thread; throws {@link java.util.concurrent.CancellationException} when told to stop. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What the work may tell the user while it runs, and whether it should stop. Safe to call from any thread. */
    public interface Progress {
        /** @param done from 0 to 1; negative for "under way, amount unknown" */
        void progress(double done);

        void message(String message);

        /** Whether the user (or a newer request) cancelled this task. */
        boolean cancelled();

        /** Throws {@link java.util.concurrent.CancellationException} when {@link #cancelled()}. */
        default void checkCancelled() {
            if (cancelled()) {
                throw new java.util.concurrent.CancellationException();
            }
        }
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<? super Throwable> onFailure = e -> { };
    private Runnable onListed = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Runs on the UI thread with the work's result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> then) {
        this.onSuccess = Objects.requireNonNull(then);
        return this;
    }

    /** Runs on the UI thread with what the work threw (a {@link java.util.concurrent.CancellationException} when cancelled). */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> then) {
        this.onFailure = Objects.requireNonNull(then);
        return this;
    }

    /**
     * Runs on the UI thread when the executor lists the task among those under way, which it does once the task has
     * run for a while ({@link FxTaskExecutor#LIST_AFTER}); never for a task over before then. A view that shows the
     * task's progress itself waits for this moment too, so a quick task shows progress nowhere.
     */
    public BackgroundTask<T> onListed(Runnable then) {
        this.onListed = Objects.requireNonNull(then);
        return this;
    }

    public String title() {
        return title;
    }

    T call(Progress progress) throws Exception {
        return work.call(progress);
    }

    void listed() {
        onListed.run();
    }

    void succeeded(T value) {
        onSuccess.accept(value);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    /** The message a failure shows: the cause's own message, unwrapped from the wrappers executors add. */
    public static String messageOf(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
