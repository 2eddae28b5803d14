package io.liqlab.ui.tiers;

import io.liqlab.profile.DraftStore;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Puts editor drafts on disk off the FX thread: the editor hands over the state as it changes (every keystroke),
 * and the newest state is written (fsynced) at most {@code delay} after the first change not yet on disk, on one
 * writer thread, so a burst of typing costs one write and a kill loses at most that much. Writes and removals run in
 * the order asked on that one thread, so a removal after a save is never undone by an older write. Without an
 * executor everything is written at once on the calling thread (tests, and the kill test's child process).
 */
public final class DraftWriter {
    private final DraftStore store;
    private final ScheduledExecutorService writer;
    private final Duration delay;
    private final Consumer<IOException> failed;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private ScheduledFuture<?> due;

    /**
     * @param writer the one thread that writes (null: write at once on the caller's thread)
     * @param failed hears a write that failed, on the writer thread
     */
    public DraftWriter(DraftStore store, ScheduledExecutorService writer, Duration delay, Consumer<IOException> failed) {
        this.store = store;
        this.writer = writer;
        this.delay = delay;
        this.failed = failed;
    }

    /** Writes at once on the calling thread. */
    public static DraftWriter immediate(DraftStore store, Consumer<IOException> failed) {
        return new DraftWriter(store, null, Duration.ZERO, failed);
    }

    public DraftStore store() {
        return store;
    }

    /** Keeps {@code state} as the draft of {@code profileId}, soon. */
    public void keep(String profileId, String state) {
        if (writer == null) {
            write(profileId, state);
            return;
        }
        synchronized (this) {
            pending.put(profileId, state);
            if (due == null) {
                due = writer.schedule(this::writePending, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Removes this instance's draft of {@code profileId} (saved, renamed, deleted), after any write already under way. */
    public void discard(String profileId) {
        if (writer == null) {
            remove(profileId);
            return;
        }
        synchronized (this) {
            pending.remove(profileId);
        }
        writer.execute(() -> remove(profileId));
    }

    /** Writes what is waiting now and waits for it, at most {@code timeout} (the app is closing). */
    public void flush(Duration timeout) {
        if (writer == null) {
            return;
        }
        try {
            writer.submit(this::writePending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            // the draft written last stays on disk
        }
    }

    private void writePending() {
        Map<String, String> batch;
        synchronized (this) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            due = null;
        }
        batch.forEach(this::write);
    }

    private void write(String profileId, String state) {
        try {
            store.save(profileId, state);
        } catch (IOException e) {
            failed.accept(e);
        }
    }

    private void remove(String profileId) {
        try {
            store.discard(profileId);
        } catch (IOException e) {
            failed.accept(e);
        }
    }
}
