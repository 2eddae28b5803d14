package io.liqlab.ui.tiers;

import io.liqlab.profile.DraftStore;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Puts editor drafts on disk off the FX thread: the editor hands over the state as it changes (every keystroke), and
 * the newest state is written (atomically, fsynced: {@link DraftStore#save}) at most {@code delay} after the first
 * change not yet on disk, on a serial lane of the app's task executor ({@code TaskExecutor.serial}), so a burst of
 * typing costs one write, the newest state wins, and a kill loses at most that much. Writes and removals run in the
 * order asked on that one lane, so a removal after a save is never undone by an older write. Without a lane
 * everything is written at once on the calling thread (tests, and the kill test's child process).
 */
public final class DraftWriter {
    private final DraftStore store;
    private final Executor lane;
    private final Duration delay;
    private final Consumer<IOException> failed;
    /** The newest state of each draft not yet on disk (guarded by this). */
    private final Map<String, String> pending = new LinkedHashMap<>();
    /** Whether a write is queued on the lane and has not taken {@link #pending} yet (guarded by this). */
    private boolean queued;
    /** When the first change not yet on disk came (guarded by this). */
    private long firstChange;
    /** The app is closing: a queued write stops waiting (guarded by this). */
    private boolean now;

    /**
     * @param lane   the serial lane that writes, off the FX thread (null: write at once on the caller's thread)
     * @param failed hears a write that failed, on the lane
     */
    public DraftWriter(DraftStore store, Executor lane, Duration delay, Consumer<IOException> failed) {
        this.store = store;
        this.lane = lane;
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

    /** Keeps {@code state} as the draft of {@code profileId}, soon; a newer state given before it is written replaces it. */
    public void keep(String profileId, String state) {
        if (lane == null) {
            write(profileId, state);
            return;
        }
        synchronized (this) {
            pending.put(profileId, state);
            if (queued) {
                return; // the queued write takes the newest state when it runs
            }
            queued = true;
            firstChange = System.nanoTime();
        }
        lane.execute(() -> writePending(true));
    }

    /** Removes this instance's draft of {@code profileId} (saved, renamed, deleted), after any write already under way. */
    public void discard(String profileId) {
        if (lane == null) {
            remove(profileId);
            return;
        }
        synchronized (this) {
            pending.remove(profileId);
        }
        lane.execute(() -> remove(profileId));
    }

    /** Writes what is waiting now and waits for it, at most {@code timeout} (the app is closing). */
    public void flush(Duration timeout) {
        if (lane == null) {
            return;
        }
        synchronized (this) {
            now = true;
            notifyAll(); // a queued write waiting out the delay goes at once
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            lane.execute(() -> {
                writePending(false);
                written.complete(null);
            });
            written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            // the draft written last stays on disk
        }
    }

    /** On the lane: waits out the delay since the first change (unless closing), then writes the newest states. */
    private void writePending(boolean waitForMore) {
        Map<String, String> batch;
        synchronized (this) {
            long due = firstChange + delay.toNanos();
            for (long left = due - System.nanoTime(); waitForMore && queued && !now && left > 0; left = due - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            queued = false;
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
