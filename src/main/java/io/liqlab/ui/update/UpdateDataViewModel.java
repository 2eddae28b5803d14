package io.liqlab.ui.update;

import io.liqlab.ui.Text;
import io.liqlab.ui.shell.Notifier;
import io.liqlab.ui.task.BackgroundTask;
import io.liqlab.ui.task.TaskExecutor;
import io.liqlab.ui.task.TaskHandle;
import io.liqlab.update.VenueFetch;
import io.liqlab.update.VenueUpdate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * "Update venue data": the venues the user picks are fetched, each as its own background task (listed with its
 * progress and a cancel button in the status bar's task list, and here), validated and written into the user's
 * profile folder; then the summary of what changed (markets added, tiers changed) with each market's tier diff, and
 * a way back to the previous files. The only place in the window that opens a connection, and only on
 * {@link #start()}; a failure is one line naming the venue and the cause, and the data in use stays as it was.
 */
public final class UpdateDataViewModel {

    /** What one venue's row shows. */
    public enum State { IDLE, RUNNING, DONE, FAILED, CANCELLED }

    /** One venue: picked or not, and how its update went. */
    public static final class VenueRow {
        private final VenueFetch.Venue venue;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", true);
        private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
        private final StringProperty status = new SimpleStringProperty(this, "status", "");
        private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
        private final ObjectProperty<VenueUpdate.Outcome> outcome = new SimpleObjectProperty<>(this, "outcome");
        private TaskHandle handle;
        private BooleanBinding revertable;

        VenueRow(VenueFetch.Venue venue) {
            this.venue = venue;
        }

        public VenueFetch.Venue venue() {
            return venue;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        public ObjectProperty<State> stateProperty() {
            return state;
        }

        /** "Waiting", "request 3 of 41", the summary line, or the failure's one line. */
        public StringProperty statusProperty() {
            return status;
        }

        /** 0 to 1, or -1 while the amount is unknown. */
        public DoubleProperty progressProperty() {
            return progress;
        }

        public ObjectProperty<VenueUpdate.Outcome> outcomeProperty() {
            return outcome;
        }

        /** Whether its update can be taken back now: it wrote something, and nothing is under way. */
        public BooleanBinding revertableProperty() {
            return revertable;
        }
    }

    private final Supplier<VenueUpdate> updaterFactory;
    private VenueUpdate updater;
    private final Path dir;
    private final TaskExecutor tasks;
    private final Notifier notifier;
    private final Supplier<Runnable> reload;
    private final List<VenueRow> rows = new ArrayList<>();
    private final IntegerProperty running = new SimpleIntegerProperty(this, "running", 0);
    private final ObservableList<VenueUpdate.Change> changes = FXCollections.observableArrayList();
    private final ObjectProperty<VenueUpdate.Change> selectedChange = new SimpleObjectProperty<>(this, "selectedChange");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper(this, "diff", "");
    private final BooleanBinding canStart;
    private final BooleanBinding canCancel;

    /**
     * @param updater  fetches, validates and writes a venue
     * @param dir      the user's profile folder
     * @param reload   called off the UI thread after a venue was written: reads the profiles again, and returns
     *                 what puts them in use, run on the UI thread (so every tab's list shows the new markets)
     */
    public UpdateDataViewModel(VenueUpdate updater, Path dir, TaskExecutor tasks, Notifier notifier, Supplier<Runnable> reload) {
        this(() -> updater, dir, tasks, notifier, reload);
    }

    /**
     * As the app builds it: the HTTP client is made on the first update, not at start-up (it starts a thread of its
     * own), from the base URLs in the environment ({@code LIQLAB_BASE_URL_<VENUE>}, a mirror), else the venues' hosts.
     */
    public static UpdateDataViewModel forUser(io.liqlab.profile.ProfileReader reader, Path dir, TaskExecutor tasks, Notifier notifier,
                                              Supplier<Runnable> reload) {
        return new UpdateDataViewModel(() -> {
            java.util.Map<VenueFetch.Venue, String> mirrors;
            try {
                mirrors = VenueFetch.baseUrlsFromEnvironment();
            } catch (IllegalArgumentException e) {
                notifier.error(Text.format("profiles.update.mirrorIgnored", e.getMessage()));
                mirrors = java.util.Map.of();
            }
            return new VenueUpdate(VenueFetch.withDefaults(mirrors), new io.liqlab.profile.VenueImport(reader));
        }, dir, tasks, notifier, reload);
    }

    private UpdateDataViewModel(Supplier<VenueUpdate> updaterFactory, Path dir, TaskExecutor tasks, Notifier notifier, Supplier<Runnable> reload) {
        this.updaterFactory = updaterFactory;
        this.dir = dir;
        this.tasks = tasks;
        this.notifier = notifier;
        this.reload = reload;
        for (VenueFetch.Venue v : VenueFetch.Venue.values()) {
            VenueRow row = new VenueRow(v);
            row.revertable = Bindings.createBooleanBinding(() -> canRevert(row), row.state, row.outcome, running);
            rows.add(row);
        }
        BooleanBinding anySelected = Bindings.createBooleanBinding(() -> rows.stream().anyMatch(r -> r.selected.get()),
                rows.stream().map(r -> (ObservableValue<?>) r.selected).toArray(javafx.beans.Observable[]::new));
        canStart = anySelected.and(running.isEqualTo(0));
        canCancel = running.greaterThan(0);
        selectedChange.subscribe(c -> diff.set(c == null ? "" : String.join("\n", c.diff())));
    }

    /** Where updated profiles are written. */
    public Path folder() {
        return dir;
    }

    public List<VenueRow> rows() {
        return rows;
    }

    public VenueRow row(VenueFetch.Venue v) {
        return rows.stream().filter(r -> r.venue == v).findFirst().orElseThrow();
    }

    /** "Update" is possible with at least one venue picked and nothing under way. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    /** Every market the updates wrote, added and changed first. */
    public ObservableList<VenueUpdate.Change> changes() {
        return changes;
    }

    public ObjectProperty<VenueUpdate.Change> selectedChangeProperty() {
        return selectedChange;
    }

    /** The selected market's tiers before and after, one row per line ("- " before, "+ " after). */
    public javafx.beans.property.ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** The venue as the list names it: what it fetches, and its id. */
    public static String venueName(VenueFetch.Venue v) {
        return switch (v) {
            case OKX_SWAP -> Text.get("profiles.update.venue.okx");
            case BYBIT_LINEAR -> Text.get("profiles.update.venue.bybit");
            case HYPERLIQUID -> Text.get("profiles.update.venue.hyperliquid");
            case DYDX_V4 -> Text.get("profiles.update.venue.dydx");
        };
    }

    /** Binance's bracket endpoint needs a signed request: said beside the list, with what to do instead. */
    public static String binanceNote() {
        return Text.get("profiles.update.binance");
    }

    /** One list line for a change: "bybit-linear-eth  ETHUSDT  tiers changed". */
    public static String changeLabel(VenueUpdate.Change c) {
        return Text.format("profiles.update.change", c.id(), c.market().symbol(), c.kind().words);
    }

    /** Starts one task per picked venue; each says how it went in its row. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        if (updater == null) {
            updater = updaterFactory.get();
        }
        VenueUpdate updater = this.updater;
        changes.clear();
        selectedChange.set(null);
        for (VenueRow row : rows) {
            if (!row.selected.get()) {
                continue;
            }
            row.outcome.set(null);
            row.state.set(State.RUNNING);
            row.status.set(Text.get("profiles.update.waiting"));
            row.progress.set(-1);
            running.set(running.get() + 1);
            BackgroundTask<Result> task = BackgroundTask.<Result>of(Text.format("profiles.update.task", row.venue.id), p -> {
                VenueUpdate.Outcome o = updater.update(row.venue, dir, new VenueFetch.Progress() {
                    @Override
                    public void request(int n, int expected, String url) {
                        p.progress(expected > 0 ? (n - 1.0) / expected : -1);
                        p.message(expected > 0 ? Text.format("profiles.update.requestOf", n, expected) : Text.format("profiles.update.request", n));
                    }

                    @Override
                    public boolean cancelled() {
                        return p.cancelled();
                    }
                });
                return new Result(o, reload.get());
            }).onSuccess(r -> finished(row, r)).onFailure(e -> failed(row, e));
            row.handle = tasks.submit(task);
        }
    }

    private record Result(VenueUpdate.Outcome outcome, Runnable putInUse) {
    }

    private void finished(VenueRow row, Result r) {
        running.set(running.get() - 1);
        r.putInUse().run();
        VenueUpdate.Outcome o = r.outcome();
        row.outcome.set(o);
        row.state.set(State.DONE);
        row.progress.set(1);
        row.status.set(o.problems().isEmpty() ? o.summary() : Text.format("profiles.update.refused", o.summary(), o.problems().size(), o.problems().getFirst()));
        // Over every venue updated so far: changed tiers first (what the user most needs to see), then the markets
        // added, then the unchanged.
        changes.addAll(o.changes());
        FXCollections.sort(changes, java.util.Comparator.comparingInt((VenueUpdate.Change c) -> c.kind() == VenueUpdate.Kind.CHANGED ? 0
                : c.kind() == VenueUpdate.Kind.ADDED ? 1 : 2).thenComparing(VenueUpdate.Change::id));
        notifier.status(Text.format("profiles.update.done", o.summary()));
    }

    private void failed(VenueRow row, Throwable e) {
        running.set(running.get() - 1);
        row.progress.set(0);
        if (e instanceof CancellationException) {
            row.state.set(State.CANCELLED);
            row.status.set(Text.format("profiles.update.cancelled", row.venue.id));
            return;
        }
        row.state.set(State.FAILED);
        String line = BackgroundTask.messageOf(e);
        row.status.set(line);
        notifier.error(line);
    }

    /** Stops every update under way between two requests; what a venue had not finished is not written. */
    public void cancel() {
        for (VenueRow row : rows) {
            if (row.handle != null && row.state.get() == State.RUNNING) {
                row.handle.cancel();
            }
        }
    }

    /** Whether {@code row}'s update can be taken back (it wrote something). */
    public boolean canRevert(VenueRow row) {
        return row.state.get() == State.DONE && row.outcome.get() != null && running.get() == 0;
    }

    /** Puts back the files the venue's update replaced and removes the markets it added. */
    public void revert(VenueRow row) {
        VenueUpdate.Outcome o = row.outcome.get();
        if (!canRevert(row)) {
            return;
        }
        running.set(running.get() + 1);
        row.status.set(Text.get("profiles.update.goingBack"));
        row.handle = tasks.submit(BackgroundTask.<Runnable>of(Text.format("profiles.update.undoTask", row.venue.id), p -> {
            VenueUpdate.revert(o);
            return reload.get();
        }).onSuccess(putInUse -> {
            running.set(running.get() - 1);
            putInUse.run();
            row.outcome.set(null);
            row.state.set(State.IDLE);
            row.status.set(Text.format("profiles.update.wentBack", row.venue.id));
            changes.removeIf(c -> o.changes().contains(c));
            notifier.status(Text.format("profiles.update.wentBack", row.venue.id));
        }).onFailure(e -> {
            running.set(running.get() - 1);
            String line = Text.format("profiles.update.couldNotGoBack", row.venue.id, BackgroundTask.messageOf(e));
            row.status.set(line);
            notifier.error(line);
        }));
    }
}
