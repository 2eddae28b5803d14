package io.liqlab.ui.cascade;

import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.PhaseMap;
import io.liqlab.sim.Scenario;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Text;
import io.liqlab.ui.task.BackgroundTask;
import io.liqlab.ui.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Cascade tab's phase map: which two what-if inputs to vary and over what range, the map as it fills in
 * (coarse first), hover figures, and a click that loads a cell's run into playback by setting the cascade's
 * inputs to the cell's values (so the run played is the cell's run). The map computes on the injected worker
 * executor; workers only write into an array, and {@link #pulse(long)} (called every screen frame by the view's
 * timer) takes what is new onto the FX thread in one step, at most every {@link #SHOW_EVERY_NANOS}: every change
 * shown costs a repaint of the map and, on the software pipeline, an upload of the whole window, which kept the FX
 * thread busy frame after frame while both cores computed (README "A phase map"). No nodes.
 */
public final class PhaseMapViewModel {

    /** The parameters the tab offers: the ones a what-if input can play back. */
    public static final List<PhaseMap.Parameter> PARAMETERS = List.of(PhaseMap.Parameter.SHOCK, PhaseMap.Parameter.DEPTH,
            PhaseMap.Parameter.LONG_SHARE);
    /** Most cells per axis the tab computes (the CLI allows more). */
    public static final int MAX_STEPS = 64;
    /**
     * How often a computing map's new cells and progress reach the screen: four times a second still shows it fill
     * in, coarse first, and leaves the FX thread and the renderer idle in between.
     */
    public static final long SHOW_EVERY_NANOS = 250_000_000L;
    /**
     * Screen frames a new map waits before its workers start: its first frame (the empty map, the progress bar and the
     * status, with the map's first draw, class loading and layout on the FX thread) is drawn while the cores are
     * free. Started at once, two CPU-bound workers on two cores made that first frame the FX thread's longest stall
     * of the whole map (README "A phase map").
     */
    static final int FRAMES_BEFORE_WORKERS = 1;

    private final CascadeViewModel cascade;
    private final TaskExecutor tasks;
    private final Executor workers;
    private final int parallelism;

    private final ObjectProperty<PhaseMap.Parameter> xParameter = new SimpleObjectProperty<>(this, "xParameter", PhaseMap.Parameter.SHOCK);
    private final ObjectProperty<PhaseMap.Parameter> yParameter = new SimpleObjectProperty<>(this, "yParameter", PhaseMap.Parameter.DEPTH);
    private final DoubleProperty xFrom = new SimpleDoubleProperty(this, "xFrom", -2);
    private final DoubleProperty xTo = new SimpleDoubleProperty(this, "xTo", -12);
    private final DoubleProperty yFrom = new SimpleDoubleProperty(this, "yFrom", 0.25);
    private final DoubleProperty yTo = new SimpleDoubleProperty(this, "yTo", 4);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 16);

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanBinding canCompute;

    private PhaseMap.Request request;
    private PhaseMap.Cell[] shown = new PhaseMap.Cell[0];
    private Computation inFlight;
    /** The frame time from which {@link #pulse(long)} takes cells onto the screen again; any, for a new map. */
    private long nextShowAt = Long.MIN_VALUE;

    /**
     * @param tasks       where a map runs as one task the user sees (progress, cancel) and whose outcome comes back
     *                    on the FX thread; it waits there while {@code workers} compute the cells
     * @param workers     where the map's cells compute: the app's pool of one thread per core (same-thread in tests)
     * @param parallelism how many of the pool's threads the map uses at once
     */
    public PhaseMapViewModel(CascadeViewModel cascade, TaskExecutor tasks, Executor workers, int parallelism) {
        this.cascade = Objects.requireNonNull(cascade, "cascade");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.parallelism = Math.max(1, parallelism);
        for (var input : List.of(xParameter, yParameter, xFrom, xTo, yFrom, yTo, steps)) {
            input.subscribe((Object ignored) -> validate());
        }
        canCompute = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !running.get(), problem, running);
        validate();
    }

    public ObjectProperty<PhaseMap.Parameter> xParameterProperty() {
        return xParameter;
    }

    public ObjectProperty<PhaseMap.Parameter> yParameterProperty() {
        return yParameter;
    }

    public DoubleProperty xFromProperty() {
        return xFrom;
    }

    public DoubleProperty xToProperty() {
        return xTo;
    }

    public DoubleProperty yFromProperty() {
        return yFrom;
    }

    public DoubleProperty yToProperty() {
        return yTo;
    }

    /** Cells per axis. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** Why the inputs cannot be mapped (naming the input and its range), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canComputeProperty() {
        return canCompute;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Cells done / cells, as of the last time cells were taken onto the screen. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Bumped whenever the cells shown change: the view redraws once per change. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The map on screen (null before the first), its axes and seeds. */
    public PhaseMap.Request request() {
        return request;
    }

    /** Cell {@code (ix, iy)} of the map on screen, or null while it is not computed yet. */
    public PhaseMap.Cell cell(int ix, int iy) {
        if (request == null || ix < 0 || iy < 0 || ix >= request.x().steps() || iy >= request.y().steps()) {
            return null;
        }
        return shown[ix * request.y().steps() + iy];
    }

    /**
     * The cell drawn at {@code (ix, iy)} while the map fills in: the cell itself, else the nearest computed cell of
     * the coarser passes (the one at the start of its 2x2, then of its 4x4 block), else null.
     */
    public PhaseMap.Cell cellOrCoarser(int ix, int iy) {
        PhaseMap.Cell c = cell(ix, iy);
        for (int stride = 2; c == null && stride <= 4; stride *= 2) {
            c = cell(ix - ix % stride, iy - iy % stride);
        }
        return c;
    }

    private void validate() {
        problem.set(check());
    }

    private String check() {
        if (xParameter.get() == null || yParameter.get() == null) {
            return Text.get("cascade.map.problem.parameter");
        }
        if (xParameter.get() == yParameter.get()) {
            return Text.format("cascade.map.problem.same", xParameter.get().label());
        }
        if (steps.get() < 2 || steps.get() > MAX_STEPS) {
            return Text.format("cascade.map.problem.steps", MAX_STEPS);
        }
        for (Object[] axis : new Object[][] {{xParameter.get(), xFrom.get(), xTo.get()}, {yParameter.get(), yFrom.get(), yTo.get()}}) {
            PhaseMap.Parameter p = (PhaseMap.Parameter) axis[0];
            double from = (double) axis[1];
            double to = (double) axis[2];
            double[] range = range(p);
            if (!(from >= range[0] && from <= range[1] && to >= range[0] && to <= range[1])) {
                return Text.format("cascade.map.problem.range", p.label(), LocalNumbers.fixed(range[0], 2), LocalNumbers.fixed(range[1], 2));
            }
            if (from == to) {
                return Text.format("cascade.map.problem.equal", p.label());
            }
        }
        return "";
    }

    /** What the tab's what-if inputs can play back, in the map's units (percent for shock and long share). */
    public static double[] range(PhaseMap.Parameter p) {
        return switch (p) {
            case SHOCK -> new double[] {-CascadeViewModel.MAX_SHOCK_PERCENT, CascadeViewModel.MAX_SHOCK_PERCENT};
            case DEPTH -> new double[] {CascadeViewModel.MIN_DEPTH_MULTIPLIER, CascadeViewModel.MAX_DEPTH_MULTIPLIER};
            case LONG_SHARE -> new double[] {1, 99};
            case LEVERAGE -> new double[] {1, 1}; // not offered: no what-if input plays it back
        };
    }

    /**
     * Starts a map of the cascade's current scenario, venue and what-if inputs; a map in progress is cancelled. The map
     * is shown at once (empty, with its progress); its task is submitted by {@link #pulse(long)} once that first frame
     * is drawn ({@link #FRAMES_BEFORE_WORKERS}).
     */
    public void compute() {
        if (!problem.get().isEmpty() || cascade.scenarioProperty().get() == null || cascade.venueProperty().get() == null) {
            return;
        }
        cancel();
        VenueProfile venue = cascade.venueProperty().get();
        Scenario base = cascade.whatIf(venue);
        PhaseMap.Request r = new PhaseMap.Request(base, venue.rules(),
                new PhaseMap.Axis(xParameter.get(), xFrom.get(), xTo.get(), steps.get()),
                new PhaseMap.Axis(yParameter.get(), yFrom.get(), yTo.get(), steps.get()));
        request = r;
        shown = new PhaseMap.Cell[r.cellCount()];
        Computation c = new Computation(r.cellCount());
        inFlight = c;
        nextShowAt = Long.MIN_VALUE;
        running.set(true);
        progress.set(0);
        status.set(Text.format("cascade.map.status.running", r.cellCount(), LocalNumbers.fixed(base.population().positions(), 0)));
        version.set(version.get() + 1);
        c.start = () -> tasks.submit(BackgroundTask.<PhaseMap.Result>of(Text.format("cascade.map.task", r.cellCount()), p ->
                startMap(r, c, p))
                .onSuccess(result -> finished(c, result, null))
                .onFailure(failure -> finished(c, null, failure)));
    }

    /**
     * The map's cells on the workers. The task's progress (the task list's bar) is told on the FX thread when cells
     * are taken, not by each cell: a progress change per cell was a repaint per frame.
     */
    private PhaseMap.Result startMap(PhaseMap.Request r, Computation c, BackgroundTask.Progress p) {
        c.task = p;
        return PhaseMap.start(r, workers, parallelism, (cell, done, total) -> {
            c.cells.set(cell.ix() * r.y().steps() + cell.iy(), cell);
            c.done = done;
        }, () -> c.cancelled || p.cancelled()).join();
    }

    /** Stops the map in progress (one whose workers have not started yet ends at once); computed cells stay on screen. */
    public void cancel() {
        Computation c = inFlight;
        if (c != null) {
            c.cancelled = true;
            if (c.start != null) {
                c.start = null; // its workers never started: nothing to wait for
                finished(c, null, new CancellationException());
            }
        }
    }

    /**
     * Every screen frame (FX thread), with the frame's time in nanoseconds: starts a new map's workers at its second
     * frame, and takes the cells computed since they were last taken onto the screen, at the first frame of a map and
     * then at most every {@link #SHOW_EVERY_NANOS}.
     */
    public void pulse(long now) {
        Computation c = inFlight;
        if (c == null) {
            return;
        }
        if (c.start != null && c.frames++ == FRAMES_BEFORE_WORKERS) {
            Runnable start = c.start;
            c.start = null;
            start.run();
        }
        if (now < nextShowAt) {
            return;
        }
        nextShowAt = now + SHOW_EVERY_NANOS;
        take(c);
    }

    private void take(Computation c) {
        boolean changed = false;
        for (int i = 0; i < shown.length && i < c.cells.length(); i++) {
            PhaseMap.Cell cell = c.cells.get(i);
            if (cell != null && shown[i] != cell) {
                shown[i] = cell;
                changed = true;
            }
        }
        progress.set((double) c.done / c.total);
        BackgroundTask.Progress task = c.task;
        if (task != null) {
            task.progress((double) c.done / c.total);
        }
        if (changed) {
            version.set(version.get() + 1);
        }
    }

    private void finished(Computation c, PhaseMap.Result result, Throwable failure) {
        if (c != inFlight) {
            return; // a newer map replaced it
        }
        take(c);
        inFlight = null;
        running.set(false);
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            status.set(Text.format("cascade.map.status.cancelled", c.done, c.total));
        } else if (cause != null) {
            status.set(Text.format("cascade.map.status.failed", BackgroundTask.messageOf(cause)));
        } else {
            long cascades = result.cells().stream().filter(PhaseMap.Cell::cascade).count();
            status.set(Text.format("cascade.map.status.done", result.cells().size(), cascades,
                    LocalNumbers.fixed(result.elapsedMillis() / 1000.0, 1), result.threads()));
        }
    }

    /** The hover text of cell {@code (ix, iy)}: its values and figures, or empty when it is not computed yet. */
    public String describe(int ix, int iy) {
        PhaseMap.Cell c = cell(ix, iy);
        if (c == null) {
            return "";
        }
        return Text.format("cascade.map.cell", value(request.x().parameter(), c.x()), value(request.y().parameter(), c.y()),
                LocalNumbers.fixed(c.liquidatedNotional() / 1e6, 1),
                Double.isNaN(c.amplification()) ? Text.get("cascade.map.undefined") : LocalNumbers.fixed(c.amplification(), 2),
                LocalNumbers.fixed(c.maxR(), 2),
                Text.get(c.cascade() ? "cascade.map.cascade" : "cascade.map.absorbed"));
    }

    /** A parameter's value as the what-if form shows it: "-5.5%", "1.25x", "71%". */
    public static String value(PhaseMap.Parameter p, double v) {
        return p.label() + " " + switch (p) {
            case SHOCK -> (v > 0 ? "+" : "") + LocalNumbers.percent(v, 2);
            case LONG_SHARE -> LocalNumbers.percent(v, 1);
            case DEPTH, LEVERAGE -> LocalNumbers.fixed(v, 2) + "x";
        };
    }

    /**
     * Loads cell {@code (ix, iy)}'s run into playback: the cascade's inputs for the two parameters take the cell's
     * values (one run follows). Does nothing while the cell is not computed.
     *
     * @return whether a run was asked for
     */
    public boolean load(int ix, int iy) {
        PhaseMap.Cell c = cell(ix, iy);
        if (c == null) {
            return false;
        }
        cascade.applyInputs(() -> {
            set(request.x().parameter(), c.x());
            set(request.y().parameter(), c.y());
        });
        return true;
    }

    private void set(PhaseMap.Parameter p, double v) {
        switch (p) {
            case SHOCK -> cascade.shockPercentProperty().set(v);
            case DEPTH -> cascade.depthMultiplierProperty().set(v);
            case LONG_SHARE -> cascade.longShareProperty().set(v / 100);
            case LEVERAGE -> throw new IllegalStateException("the tab does not map leverage");
        }
    }

    private static final class Computation {
        final AtomicReferenceArray<PhaseMap.Cell> cells;
        final int total;
        volatile int done;
        volatile boolean cancelled;
        /** The task's progress, once its work has started. */
        volatile BackgroundTask.Progress task;
        /** Submits the map's task; null once submitted (FX thread). */
        Runnable start;
        /** Screen frames since the map was asked for (FX thread). */
        int frames;

        Computation(int total) {
            this.total = total;
            this.cells = new AtomicReferenceArray<>(total);
        }
    }
}
