package io.liqlab.ui.cascade;

import io.liqlab.profile.ProfileIds;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Frames;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.SeedBand;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.Simulator;
import io.liqlab.ui.Text;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The cascade playback pane's state: the scenario and its what-if inputs, the current run (and the run it is
 * compared with), the run in progress, and where playback stands. Runs go through the one background executor;
 * a finished run comes back through the FX executor in one hand-over, and progress is read by {@link #pulse()}
 * once per screen frame rather than posted per update. No nodes: the view binds to this and calls it.
 */
public final class CascadeViewModel {

    /** The scenario the pane opens on: small and quick. */
    public static final String DEFAULT_SCENARIO = "classroom-small";
    /** The shock slider's steps: half a percent. */
    public static final double SHOCK_STEPS_PER_PERCENT = 2;

    /**
     * The what-if ranges the tab's sliders offer. A session's values are brought into these when it is read, so
     * what the status line says was used, what the slider shows and what runs are one value.
     */
    public static final double MAX_SHOCK_PERCENT = 30;
    public static final double MIN_DEPTH_MULTIPLIER = 0.25;
    public static final double MAX_DEPTH_MULTIPLIER = 4;
    /** The book-depth slider's steps: 0.05x. */
    public static final double DEPTH_STEPS_PER_UNIT = 20;
    /** The long-share slider's steps: one percent. */
    public static final double LONG_SHARE_STEPS_PER_UNIT = 100;
    /** Population sizes offered besides the scenario's own. */
    public static final List<Integer> POPULATIONS = List.of(200, 2_000, 20_000, 200_000, 1_000_000);

    /** Leverage mixes a teacher can swap in: who is in the crowd. */
    public enum LeverageMix {
        SCENARIO("cascade.mix.scenario", null),
        CAUTIOUS("cascade.mix.cautious", List.of(new Scenario.LeverageWeight(2, 0.5), new Scenario.LeverageWeight(3, 0.3),
                new Scenario.LeverageWeight(5, 0.2))),
        TYPICAL("cascade.mix.typical", List.of(new Scenario.LeverageWeight(5, 0.3), new Scenario.LeverageWeight(10, 0.4),
                new Scenario.LeverageWeight(25, 0.3))),
        DEGEN("cascade.mix.high", List.of(new Scenario.LeverageWeight(25, 0.4), new Scenario.LeverageWeight(50, 0.4),
                new Scenario.LeverageWeight(100, 0.2)));

        /** The Messages key of its name. */
        private final String labelKey;
        private final List<Scenario.LeverageWeight> weights;

        LeverageMix(String labelKey, List<Scenario.LeverageWeight> weights) {
            this.labelKey = labelKey;
            this.weights = weights;
        }

        public List<Scenario.LeverageWeight> weights() {
            return weights;
        }

        @Override
        public String toString() {
            return Text.get(labelKey);
        }
    }

    /** A finished run (with its comparison, or null) and everything said about it, handed to the FX thread at once. */
    public record Runs(SimulationResult main, VenueProfile mainVenue, SimulationResult other, VenueProfile otherVenue,
                       List<EventLog.Entry> log, String summary, String difference) {
    }

    private final ObservableList<Scenario> scenarios;
    private final ObservableList<VenueProfile> venues;
    private final io.liqlab.ui.task.TaskExecutor tasks;
    private final Executor fx;
    private final PlaybackClock clock;

    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final ObjectProperty<VenueProfile> venue = new SimpleObjectProperty<>(this, "venue");
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(this, "sideBySide");
    private final ObjectProperty<VenueProfile> compareVenue = new SimpleObjectProperty<>(this, "compareVenue");
    private final DoubleProperty shockPercent = new SimpleDoubleProperty(this, "shockPercent");
    private final DoubleProperty depthMultiplier = new SimpleDoubleProperty(this, "depthMultiplier", 1);
    private final ObjectProperty<LeverageMix> leverageMix = new SimpleObjectProperty<>(this, "leverageMix", LeverageMix.SCENARIO);
    private final DoubleProperty longShare = new SimpleDoubleProperty(this, "longShare");
    private final IntegerProperty positions = new SimpleIntegerProperty(this, "positions");
    private final BooleanProperty partialLiquidation = new SimpleBooleanProperty(this, "partialLiquidation");
    private final BooleanProperty backstop = new SimpleBooleanProperty(this, "backstop");
    private final ObjectProperty<Scenario.AdlMode> adl = new SimpleObjectProperty<>(this, "adl", Scenario.AdlMode.VENUE);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);

    private final ReadOnlyObjectWrapper<Runs> runs = new ReadOnlyObjectWrapper<>(this, "runs");
    private final ObservableList<EventLog.Entry> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper(this, "difference", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper progressShown = new ReadOnlyBooleanWrapper(this, "progressShown");
    private final ReadOnlyIntegerWrapper runCount = new ReadOnlyIntegerWrapper(this, "runCount");
    private final Executor workers;
    private final int parallelism;
    private final PhaseMapViewModel phaseMap;
    private final BooleanProperty bandShown = new SimpleBooleanProperty(this, "bandShown");
    private final ReadOnlyObjectWrapper<SeedBand> band = new ReadOnlyObjectWrapper<>(this, "band");
    private final ReadOnlyStringWrapper bandStatus = new ReadOnlyStringWrapper(this, "bandStatus", "");
    /** The scenario (seed aside) the band on screen or in progress is for. */
    private Scenario bandFor;
    private BandJob bandJob;

    private final ReadOnlyIntegerWrapper frame = new ReadOnlyIntegerWrapper(this, "frame");
    private final ReadOnlyIntegerWrapper lastFrame = new ReadOnlyIntegerWrapper(this, "lastFrame");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private final ReadOnlyDoubleWrapper viewFrom = new ReadOnlyDoubleWrapper(this, "viewFrom");
    private final ReadOnlyDoubleWrapper viewTo = new ReadOnlyDoubleWrapper(this, "viewTo", 1);
    /** The time range follows each run's action until the user zooms or pans (or asks for the whole run). */
    private boolean followAction = true;
    /** A scenario was chosen and its first run has not arrived: it opens at its action, at a speed to match. */
    private boolean freshScenario;

    /** Inputs are being set from a scenario: one run afterwards, not one per input. */
    private boolean loadingInputs;
    private Job inFlight;
    private boolean runWanted;
    /**
     * The ordered populations of recent runs, for the what-if re-runs (a sixth of the heap: at 1,000,000 positions a
     * population is 33 MB, so several venues' fit).
     */
    private final io.liqlab.sim.PopulationCache populations =
            new io.liqlab.sim.PopulationCache(Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 6), true);

    /**
     * @param background where runs compute (the app's one background executor; same-thread in tests)
     * @param fx         where finished runs are handed over ({@code Platform::runLater}; same-thread in tests)
     * @param nanos      the playback clock's time source ({@code System::nanoTime}; a fake in tests)
     */
    public CascadeViewModel(List<Scenario> scenarios, ObservableList<VenueProfile> venues, Executor background, Executor fx,
                            LongSupplier nanos) {
        // The map's and the band's runs go inline on their task's thread: handing them to the same single thread
        // the task waits on would never finish.
        this(scenarios, venues, io.liqlab.ui.task.TaskExecutor.using(Objects.requireNonNull(background, "background"), fx), fx, nanos,
                Runnable::run, 1);
    }

    /**
     * @param tasks where runs compute, each a task the user sees in the task list and may cancel (the app's one
     *              task executor)
     * @param fx    where finished runs are handed over ({@code Platform::runLater}; same-thread in tests)
     * @param nanos the playback clock's time source ({@code System::nanoTime}; a fake in tests)
     */
    public CascadeViewModel(List<Scenario> scenarios, ObservableList<VenueProfile> venues, io.liqlab.ui.task.TaskExecutor tasks,
                            Executor fx, LongSupplier nanos) {
        this(scenarios, venues, tasks, fx, nanos, Runnable::run, 1);
    }

    /**
     * @param workers     where the phase map's cells and the seed band's seeds compute, many runs at once (the
     *                    app's pool of one thread per core; same-thread in tests); each map or band is also a task
     *                    on {@code tasks}, which shows its progress and can cancel it
     * @param parallelism how many of the workers' threads they use
     */
    public CascadeViewModel(List<Scenario> scenarios, ObservableList<VenueProfile> venues, io.liqlab.ui.task.TaskExecutor tasks,
                            Executor fx, LongSupplier nanos, Executor workers, int parallelism) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.parallelism = Math.max(1, parallelism);
        this.scenarios = FXCollections.observableArrayList(scenarios);
        this.venues = venues;
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.clock = new PlaybackClock(nanos);

        speed.subscribe(s -> clock.setSpeed(s.doubleValue()));
        loop.subscribe(l -> clock.setLoop(l));
        scenario.subscribe(this::loadInputs);
        for (ObservableValue<?> input : List.<ObservableValue<?>>of(venue, sideBySide, compareVenue, shockPercent,
                depthMultiplier, leverageMix, longShare, positions, partialLiquidation, backstop, adl)) {
            input.subscribe((Object ignored) -> requestRun());
        }
        frame.subscribe(f -> describeFrame());
        bandShown.subscribe(shown -> refreshBand());
        phaseMap = new PhaseMapViewModel(this, tasks, workers, this.parallelism);
        Scenario first = scenarios.stream().filter(s -> s.id().equals(DEFAULT_SCENARIO)).findFirst()
                .orElse(scenarios.isEmpty() ? null : scenarios.getFirst());
        compareVenue.set(venues.stream().filter(v -> v.id().equals(ProfileIds.HYPERLIQUID_BTC)).findFirst()
                .orElse(venues.isEmpty() ? null : venues.getLast()));
        scenario.set(first);
    }

    // ---- inputs ----------------------------------------------------------------------------------------------

    public ObservableList<Scenario> scenarios() {
        return scenarios;
    }

    public ObservableList<VenueProfile> venues() {
        return venues;
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public ObjectProperty<VenueProfile> venueProperty() {
        return venue;
    }

    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    public ObjectProperty<VenueProfile> compareVenueProperty() {
        return compareVenue;
    }

    /** The shock's size in percent of the mid (negative: down). */
    public DoubleProperty shockPercentProperty() {
        return shockPercent;
    }

    /** Book depth as a multiple of the scenario's. */
    public DoubleProperty depthMultiplierProperty() {
        return depthMultiplier;
    }

    public ObjectProperty<LeverageMix> leverageMixProperty() {
        return leverageMix;
    }

    /** Share of positions that are long, 0..1. */
    public DoubleProperty longShareProperty() {
        return longShare;
    }

    public IntegerProperty positionsProperty() {
        return positions;
    }

    public BooleanProperty partialLiquidationProperty() {
        return partialLiquidation;
    }

    public BooleanProperty backstopProperty() {
        return backstop;
    }

    public ObjectProperty<Scenario.AdlMode> adlProperty() {
        return adl;
    }

    /** Whether the pane is on screen; the view stops its frame timer while it is not. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /**
     * The scenario's assumptions for the "Assumptions" button: the scenario with every what-if setting applied (what
     * the run uses), written from its values, then the scenario file's notes.
     */
    public String assumptionsText() {
        Scenario s = scenario.get();
        if (s == null) {
            return "";
        }
        VenueProfile on = venue.get();
        return on == null ? ScenarioAssumptions.text(s, s.venue()) : ScenarioAssumptions.text(whatIf(on), on.name());
    }

    // ---- runs --------------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Runs> runsProperty() {
        return runs.getReadOnlyProperty();
    }

    public ObservableList<EventLog.Entry> log() {
        return FXCollections.unmodifiableObservableList(log);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    /** What the last run request came to: running, failed and why, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The run in progress, 0..1, as of the last {@link #pulse()} (followed once {@link #progressShownProperty()}). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * A run shows its progress and says it is running once the task executor lists it among the tasks under way
     * (after half a second, {@code FxTaskExecutor.LIST_AFTER}): a what-if re-run of a fraction of a second changes
     * nothing but the charts, the summary and the log, instead of a bar and a line that come and go with it. The
     * status bar and this pane show a run's progress from the same moment.
     */
    public ReadOnlyBooleanProperty progressShownProperty() {
        return progressShown.getReadOnlyProperty();
    }

    /** How many runs have been shown (tests wait on it). */
    public ReadOnlyIntegerProperty runCountProperty() {
        return runCount.getReadOnlyProperty();
    }

    private void loadInputs(Scenario s) {
        if (s == null) {
            return;
        }
        boolean outer = loadingInputs; // a restore sets the scenario and then its own inputs: one run, at the end
        loadingInputs = true;
        freshScenario = true;
        followAction = true;
        try {
            venue.set(venues.stream().filter(v -> v.id().equals(s.venue())).findFirst()
                    .orElse(venue.get() != null ? venue.get() : venues.isEmpty() ? null : venues.getFirst()));
            shockPercent.set(s.driver().shock() == null ? 0 : s.driver().shock().percent());
            depthMultiplier.set(1);
            leverageMix.set(LeverageMix.SCENARIO);
            longShare.set(s.population().longShare());
            positions.set(s.population().positions());
            partialLiquidation.set(s.rules().partialLiquidation());
            backstop.set(s.rules().backstop());
            adl.set(s.rules().adl());
        } finally {
            loadingInputs = outer;
        }
        if (!outer) {
            requestRun();
        }
    }

    /** The scenario, what-if settings and moment on screen, for a session file. */
    public CascadeState capture() {
        Scenario s = scenario.get();
        int frame = frameProperty().get();
        Runs runs = runsProperty().get();
        double second = runs == null || runs.main().frames().size() == 0 ? 0
                : runs.main().frames().get(io.liqlab.sim.FrameColumn.TIME,
                        Math.min(frame, runs.main().frames().size() - 1));
        return new CascadeState(s == null ? null : s.id(), venue.get() == null ? null : venue.get().id(),
                shockPercent.get(), depthMultiplier.get(), leverageMix.get() == null ? null : leverageMix.get().name(),
                longShare.get(), positions.get(), partialLiquidation.get(), backstop.get(),
                adl.get() == null ? null : adl.get().name(), sideBySide.get(),
                compareVenue.get() == null ? null : compareVenue.get().id(), second);
    }

    /**
     * Opens a session's cascade: its scenario with its what-if settings (one run), then the moment it showed.
     * Parts that no longer exist (a scenario or profile since removed, an unknown name) keep their current value.
     */
    public void restore(CascadeState state) {
        if (state == null) {
            return;
        }
        Scenario target = scenarios.stream().filter(x -> x.id().equals(state.scenarioId())).findFirst().orElse(null);
        loadingInputs = true;
        try {
            if (target != null && !target.equals(scenario.get())) {
                scenario.set(target); // loads the scenario's own inputs, overridden below
            }
            venues.stream().filter(v -> v.id().equals(state.venueId())).findFirst().ifPresent(venue::set);
            if (Double.isFinite(state.shockPercent())) { // NaN: a value the session reader left out (out of range)
                shockPercent.set(state.shockPercent());
            }
            depthMultiplier.set(state.depthMultiplier() > 0 && Double.isFinite(state.depthMultiplier()) ? state.depthMultiplier() : 1);
            leverageMix.set(parse(LeverageMix.class, state.leverageMix(), LeverageMix.SCENARIO));
            if (Double.isFinite(state.longShare())) {
                longShare.set(state.longShare());
            }
            if (state.positions() > 0) {
                positions.set(state.positions());
            }
            partialLiquidation.set(state.partialLiquidation());
            backstop.set(state.backstop());
            adl.set(parse(Scenario.AdlMode.class, state.adl(), Scenario.AdlMode.VENUE));
            venues.stream().filter(v -> v.id().equals(state.compareVenueId())).findFirst().ifPresent(compareVenue::set);
            sideBySide.set(state.sideBySide());
        } finally {
            loadingInputs = false;
        }
        pendingSecond = state.second();
        freshScenario = false; // a session opens at its own moment and speed
        followAction = true;
        requestRun();
    }

    /** A second to show once the next run arrives (a restored session's moment), or NaN. */
    private double pendingSecond = Double.NaN;

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * {@code value} on the nearest step of {@code 1 / stepsPerUnit}, as the decimal a person would type: -12.894...
     * becomes -13.0 with two steps per unit, 0.7600000001 becomes 0.76 with a hundred.
     */
    public static double snap(double value, double stepsPerUnit) {
        return Math.rint(value * stepsPerUnit) / stepsPerUnit;
    }

    /** The scenario with every what-if input applied. */
    Scenario whatIf(VenueProfile on) {
        Scenario s = scenario.get();
        Scenario.Shock shock = s.driver().shock();
        double baseShock = shock == null ? 0 : shock.percent();
        if (shockPercent.get() != baseShock) {
            s = s.withDriver(s.driver().withShockPercent(shockPercent.get()));
        }
        if (depthMultiplier.get() != 1) {
            s = s.withBook(s.book().withDepthMultiplier(depthMultiplier.get()));
        }
        if (leverageMix.get() != null && leverageMix.get().weights() != null) {
            s = s.withLeverage(leverageMix.get().weights());
        }
        if (longShare.get() != s.population().longShare()) {
            s = s.withLongShare(longShare.get());
        }
        if (positions.get() != s.population().positions()) {
            s = s.withPositions(positions.get());
        }
        s = s.withRules(new Scenario.Rules(partialLiquidation.get(), backstop.get(), adl.get()));
        return s.withVenue(on.id());
    }

    /** Sets several inputs at once (a phase-map cell's values): one run afterwards, not one per input. */
    void applyInputs(Runnable set) {
        boolean outer = loadingInputs;
        loadingInputs = true;
        try {
            set.run();
        } finally {
            loadingInputs = outer;
        }
        if (!outer) {
            requestRun();
        }
    }

    // ---- phase map and seed band -----------------------------------------------------------------------------

    /** The tab's phase map over two of these what-if inputs. */
    public PhaseMapViewModel phaseMap() {
        return phaseMap;
    }

    /** Whether the price chart shows the 10th-90th percentile of the mid over seeds behind the played run. */
    public BooleanProperty bandShownProperty() {
        return bandShown;
    }

    /** The band for the played run's scenario (seeds 1..20), or null while it is off or not computed yet. */
    public ReadOnlyObjectProperty<SeedBand> bandProperty() {
        return band.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bandStatusProperty() {
        return bandStatus.getReadOnlyProperty();
    }

    /** Computes the band for the played run's scenario when it is wanted and not there yet. */
    private void refreshBand() {
        Runs r = runs.get();
        if (!bandShown.get() || r == null) {
            if (bandJob != null) {
                bandJob.cancelled = true;
                bandJob = null;
            }
            bandFor = null;
            band.set(null);
            bandStatus.set("");
            return;
        }
        Scenario s = r.main().scenario().withSeed(1);
        if (s.equals(bandFor)) {
            return;
        }
        if (bandJob != null) {
            bandJob.cancelled = true;
        }
        bandFor = s;
        band.set(null);
        BandJob job = new BandJob();
        bandJob = job;
        bandStatus.set(Text.format("cascade.band.status.running", 0));
        tasks.submit(io.liqlab.ui.task.BackgroundTask.<SeedBand>of(Text.get("cascade.band.task"), p ->
                SeedBand.start(s, r.mainVenue().rules(), 1, SeedBand.DEFAULT_SEEDS, workers, parallelism,
                        () -> job.cancelled || p.cancelled(), f -> {
                            p.progress(f);
                            job.done = (int) Math.round(f * SeedBand.DEFAULT_SEEDS);
                            if (!job.progressPosted) { // one pending hand-over at a time, however fast seeds finish
                                job.progressPosted = true;
                                fx.execute(() -> {
                                    job.progressPosted = false;
                                    if (job == bandJob) {
                                        bandStatus.set(Text.format("cascade.band.status.running", job.done));
                                    }
                                });
                            }
                        }).join())
                .onSuccess(b -> {
                    if (job == bandJob) {
                        bandJob = null;
                        band.set(b);
                        bandStatus.set(Text.format("cascade.band.status.done", b.firstSeed(), b.firstSeed() + b.seeds() - 1));
                    }
                })
                .onFailure(failure -> {
                    if (job == bandJob) {
                        bandJob = null;
                        bandFor = null;
                        bandStatus.set(job.cancelled || failure instanceof CancellationException
                                || failure.getCause() instanceof CancellationException ? ""
                                : Text.format("cascade.band.status.failed", io.liqlab.ui.task.BackgroundTask.messageOf(failure)));
                    }
                }));
    }

    private static final class BandJob {
        volatile boolean cancelled;
        volatile int done;
        volatile boolean progressPosted;
    }

    /** Asks for a run with the current inputs; while one computes, it is cancelled and the newest inputs run next. */
    public void requestRun() {
        if (loadingInputs || scenario.get() == null || venue.get() == null) {
            return;
        }
        runWanted = true;
        if (inFlight != null) {
            inFlight.cancelled = true;
            return;
        }
        startRun();
    }

    private void startRun() {
        runWanted = false;
        VenueProfile mainVenue = venue.get();
        VenueProfile otherVenue = sideBySide.get() ? compareVenue.get() : null;
        Scenario main = whatIf(mainVenue);
        Scenario other = otherVenue == null ? null : whatIf(otherVenue);
        Job job = new Job(other == null ? 1 : 2, Text.format(other == null ? "cascade.status.running"
                : "cascade.status.runningTwoVenues", io.liqlab.ui.LocalNumbers.fixed(main.population().positions(), 0)));
        inFlight = job;
        running.set(true);
        if (progressShown.get()) { // the run it replaces was showing its progress: this one goes on from there
            progress.set(0);
            status.set(job.statusText);
        } else if (!status.get().isEmpty()) {
            status.set(""); // the last run's failure is not this run's
        }
        String title = Text.format("cascade.task.run", main.name(), mainVenue.name(), io.liqlab.ui.LocalNumbers.fixed(main.population().positions(), 0));
        warmUpBeside(main, mainVenue);
        tasks.submit(io.liqlab.ui.task.BackgroundTask.<Runs>of(title, p -> {
            // Cancelled by newer inputs (job) or by the user in the task list (p): either way the run stops.
            java.util.function.BooleanSupplier stop = () -> job.cancelled || p.cancelled();
            // A change of shock or depth (or back to a venue run before) starts from the same ordered population: it
            // is taken from the cache instead of drawn, priced and sorted again (at 1,000,000 positions about 90 of
            // the warm run's 140 ms). The run is the same as a fresh one (PopulationCacheTest).
            SimulationResult a = populations.call(() -> Simulator.run(main, mainVenue.rules(), f -> {
                job.progress = f / job.parts;
                p.progress(job.progress);
            }, stop));
            SimulationResult b = other == null ? null : populations.call(() -> Simulator.run(other, otherVenue.rules(), f -> {
                job.progress = 0.5 + f / 2;
                p.progress(job.progress);
            }, stop));
            return new Runs(a, mainVenue, b, otherVenue, EventLog.of(a), EventLog.summary(a, mainVenue.name()),
                    b == null ? "" : EventLog.difference(a, mainVenue.name(), b, otherVenue.name()));
        }).onListed(() -> {
            if (job == inFlight && !progressShown.get()) { // listed: it is no quick re-run; a replaced run's bar goes on
                progressShown.set(true);
                status.set(job.statusText);
            }
        }).onSuccess(result -> finished(job, result, null)).onFailure(e -> finished(job, null,
                e instanceof CancellationException ? null // newer inputs are waiting, or the user stopped it
                        : e instanceof OutOfMemoryError ? Text.get("cascade.status.outOfMemory") : String.valueOf(e.getMessage()))));
    }

    /**
     * The first large run in this JVM gets the engine's warm-up copy beside it, as a task of its own on the one
     * executor (the engine starts no thread for it): the JIT has compiled the cascade by the time the run reaches
     * it. Its result is thrown away; cancelling it in the task list only stops it.
     */
    private void warmUpBeside(Scenario main, VenueProfile mainVenue) {
        if (!Simulator.warmUpWanted(main)) {
            return;
        }
        tasks.submit(io.liqlab.ui.task.BackgroundTask.<Boolean>of(Text.get("cascade.task.warmUp"),
                p -> Simulator.warmUp(main, mainVenue.rules(), p::cancelled)));
    }

    private void finished(Job job, Runs result, String error) {
        inFlight = null;
        if (runWanted) {
            startRun();
            return;
        }
        running.set(false);
        progressShown.set(false);
        progress.set(1);
        if (error != null) {
            status.set(Text.format("cascade.status.failed", error));
            return;
        }
        if (result == null) {
            status.set("");
            return;
        }
        status.set("");
        show(result);
    }

    private void show(Runs r) {
        Frames f = r.main().frames();
        clock.reset(f.size(), r.main().scenario().clock().tickSeconds());
        lastFrame.set(f.size() - 1);
        log.setAll(r.log());
        summary.set(r.summary());
        difference.set(r.difference());
        // The time range, speed and moment are settled before the run is handed out: whoever waits for it (a guided
        // example) then moves on from there.
        double[] range = followAction ? actionRange(r.main()) : new double[] {viewFrom.get(), viewTo.get()};
        applyView(r, range[0], range[1]);
        if (freshScenario) {
            freshScenario = false;
            speed.set(speedFor(viewTo.get() - viewFrom.get()));
            clock.pause();
            clock.scrub(frameAtSecond(r, viewFrom.get()));
        }
        if (!Double.isNaN(pendingSecond)) {
            clock.pause();
            clock.scrub(frameAtSecond(r, pendingSecond));
            reveal(r, pendingSecond);
            pendingSecond = Double.NaN;
        }
        runs.set(r);
        refreshBand();
        runCount.set(runCount.get() + 1);
        syncFrame();
        describeFrame();
    }

    // ---- the time range on screen --------------------------------------------------------------------------

    /** The shortest time range the charts zoom in to, in ticks. */
    static final int MIN_VIEW_TICKS = 10;
    /** Playback opens at a speed that plays the action in less than this many real seconds. */
    static final double ACTION_PLAY_SECONDS = 60;

    /**
     * Where something happens in {@code r}, in seconds: from shortly before the shock or the first liquidation,
     * whichever comes first, to shortly after 99% of the liquidated and deleveraged notional, the fund running dry
     * and the first bad debt. The whole run when nothing is liquidated.
     */
    public static double[] actionRange(SimulationResult r) {
        Frames f = r.frames();
        int n = f.size();
        double tick = r.scenario().clock().tickSeconds();
        double duration = f.get(FrameColumn.TIME, n - 1);
        int first = -1;
        for (int i = 0; i < n && first < 0; i++) {
            if (f.get(FrameColumn.LIQUIDATIONS_LONG, i) + f.get(FrameColumn.LIQUIDATIONS_SHORT, i) > 0) {
                first = i;
            }
        }
        if (first < 0) {
            return new double[] {0, duration};
        }
        double start = f.get(FrameColumn.TIME, first);
        Scenario.Shock shock = r.scenario().driver().shock();
        if (shock != null && shock.percent() != 0) {
            start = Math.min(start, shock.atSecond());
        }
        double liquidated = f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, n - 1);
        double adlTotal = 0;
        for (int i = 0; i < n; i++) {
            adlTotal += f.get(FrameColumn.ADL_NOTIONAL, i);
        }
        double end = start;
        double adl = 0;
        boolean liquidatedDone = false;
        boolean adlDone = adlTotal <= 0;
        boolean dry = false;
        boolean badDebt = false;
        for (int i = 0; i < n; i++) {
            double t = f.get(FrameColumn.TIME, i);
            adl += f.get(FrameColumn.ADL_NOTIONAL, i);
            if (!liquidatedDone && f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, i) >= 0.99 * liquidated) {
                liquidatedDone = true;
                end = Math.max(end, t);
            }
            if (!adlDone && adl >= 0.99 * adlTotal) {
                adlDone = true;
                end = Math.max(end, t);
            }
            if (!dry && f.get(FrameColumn.INSURANCE_FUND, i) < 1) {
                dry = true;
                end = Math.max(end, t);
            }
            if (!badDebt && f.get(FrameColumn.CUMULATIVE_BAD_DEBT, i) >= 1) {
                badDebt = true;
                end = Math.max(end, t);
            }
        }
        double pad = Math.max(5 * tick, (end - start) * 0.1);
        double from = Math.max(0, start - pad);
        double to = Math.min(duration, end + pad);
        double shortest = Math.min(duration, Math.max(MIN_VIEW_TICKS * tick, 30));
        if (to - from < shortest) {
            to = Math.min(duration, from + shortest);
            from = Math.max(0, to - shortest);
        }
        return new double[] {from, to};
    }

    /** The slowest offered speed, at least 1x, that plays {@code seconds} of the run in under a minute. */
    static double speedFor(double seconds) {
        for (double s : PlaybackClock.SPEEDS) {
            if (s >= 1 && seconds / s < ACTION_PLAY_SECONDS) {
                return s;
            }
        }
        return PlaybackClock.SPEEDS[PlaybackClock.SPEEDS.length - 1];
    }

    /** First second of the time range the charts show (and playback plays through). */
    public ReadOnlyDoubleProperty viewFromProperty() {
        return viewFrom.getReadOnlyProperty();
    }

    /** Last second of the time range the charts show. */
    public ReadOnlyDoubleProperty viewToProperty() {
        return viewTo.getReadOnlyProperty();
    }

    /** Back to the run's action (the range each new scenario opens on), and following it through what-if runs. */
    public void showAction() {
        Runs r = runs.get();
        if (r != null) {
            followAction = true;
            double[] range = actionRange(r.main());
            applyView(r, range[0], range[1]);
        }
    }

    /** The whole run, from its first second to its last. */
    public void showWholeRun() {
        setView(0, duration());
    }

    /** Zooms by {@code factor} (below 1: in) keeping {@code aroundSecond} where it is on screen. */
    public void zoom(double factor, double aroundSecond) {
        double from = viewFrom.get();
        double to = viewTo.get();
        double at = Math.max(from, Math.min(to, aroundSecond));
        setView(at - (at - from) * factor, at + (to - at) * factor);
    }

    /** Zooms by {@code factor} around the moment on screen (the keys). */
    public void zoomAtCursor(double factor) {
        Runs r = runs.get();
        if (r != null) {
            Frames f = r.main().frames();
            zoom(factor, f.get(FrameColumn.TIME, Math.min(frame.get(), f.size() - 1)));
        }
    }

    /** Moves the time range by {@code fraction} of its length (negative: earlier). */
    public void pan(double fraction) {
        double span = viewTo.get() - viewFrom.get();
        setView(viewFrom.get() + span * fraction, viewTo.get() + span * fraction);
    }

    /** Shows {@code from..to} (clamped to the run, at least {@link #MIN_VIEW_TICKS} ticks); stops following the action. */
    public void setView(double from, double to) {
        if (runs.get() == null) {
            return;
        }
        followAction = false;
        applyView(runs.get(), from, to);
    }

    private double duration() {
        return duration(runs.get());
    }

    private static double duration(Runs r) {
        return r == null ? 1 : r.main().frames().get(FrameColumn.TIME, r.main().frames().size() - 1);
    }

    private void applyView(Runs r, double from, double to) {
        if (r == null) {
            return;
        }
        double duration = duration(r);
        double shortest = Math.min(duration, MIN_VIEW_TICKS * r.main().scenario().clock().tickSeconds());
        double span = Math.max(shortest, Math.min(duration, to - from));
        // Keep the span, slid back inside the run if it went past either end.
        double start = Math.max(0, Math.min(duration - span, span == to - from ? from : (from + to - span) / 2));
        viewFrom.set(start);
        viewTo.set(start + span);
        clock.setRange(frameAtSecond(r, start), frameAtSecond(r, start + span));
        syncFrame();
    }

    /** Slides the time range (keeping its length) so {@code second} is on screen. */
    private void reveal(Runs r, double second) {
        double from = viewFrom.get();
        double to = viewTo.get();
        if (second < from || second > to) {
            double span = to - from;
            followAction = false;
            applyView(r, second - span / 2, second + span / 2);
        }
    }

    /** Called once per screen frame: moves playback on and reads the run's progress. */
    public void pulse() {
        Job job = inFlight;
        if (job != null && progressShown.get()) {
            progress.set(job.progress);
        }
        syncFrame();
    }

    private void syncFrame() {
        frame.set(clock.frame());
        playing.set(clock.isPlaying());
    }

    private static final class Job {
        final int parts;
        /** What the status line says once its progress shows. */
        final String statusText;
        volatile double progress;
        volatile boolean cancelled;

        Job(int parts, String statusText) {
            this.parts = parts;
            this.statusText = statusText;
        }
    }

    // ---- playback ------------------------------------------------------------------------------------------

    public ReadOnlyIntegerProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lastFrameProperty() {
        return lastFrame.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Simulated seconds per real second (one of {@link PlaybackClock#SPEEDS}). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    /** "00:41 / 10:00". */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** The current frame's figures in one line. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    public void play() {
        clock.play();
        syncFrame();
    }

    public void pause() {
        clock.pause();
        syncFrame();
    }

    public void togglePlay() {
        if (clock.isPlaying()) {
            pause();
        } else {
            play();
        }
    }

    /** One tick forward (+1) or back (-1); pauses. */
    public void step(int delta) {
        clock.step(delta);
        syncFrame();
        revealFrame();
    }

    /** Jumps to {@code toFrame}, sliding the time range to it when it lies outside. */
    public void scrub(int toFrame) {
        clock.scrub(toFrame);
        syncFrame();
        revealFrame();
    }

    private void revealFrame() {
        Runs r = runs.get();
        if (r != null) {
            Frames f = r.main().frames();
            reveal(r, f.get(FrameColumn.TIME, Math.min(frame.get(), f.size() - 1)));
        }
    }

    /** The next speed up (+1) or down (-1) in {@link PlaybackClock#SPEEDS}. */
    public void nudgeSpeed(int direction) {
        double[] speeds = PlaybackClock.SPEEDS;
        int i = 0;
        while (i < speeds.length - 1 && speeds[i] < speed.get()) {
            i++;
        }
        speed.set(speeds[Math.max(0, Math.min(speeds.length - 1, i + direction))]);
    }

    /** The frame shown at simulated second {@code second} of the current run. */
    public int frameAtSecond(double second) {
        return frameAtSecond(runs.get(), second);
    }

    private static int frameAtSecond(Runs r, double second) {
        if (r == null) {
            return 0;
        }
        double tick = r.main().scenario().clock().tickSeconds();
        return (int) Math.max(0, Math.min(r.main().frames().size() - 1, Math.round(second / tick)));
    }

    /** ADL fills up to frame {@code i}, from a running sum kept per run so each frame costs one lookup. */
    private long adlFills(Frames f, int i) {
        if (adlRunning == null || adlRunningFor != f) {
            adlRunningFor = f;
            adlRunning = new long[f.size()];
            long sum = 0;
            for (int k = 0; k < f.size(); k++) {
                sum += (long) f.get(FrameColumn.ADL_COUNT, k);
                adlRunning[k] = sum;
            }
        }
        return adlRunning[i];
    }

    private Frames adlRunningFor;
    private long[] adlRunning;

    private void describeFrame() {
        Runs r = runs.get();
        if (r == null) {
            time.set("");
            readout.set("");
            return;
        }
        Frames f = r.main().frames();
        int i = Math.min(frame.get(), f.size() - 1);
        double start = f.get(FrameColumn.MID, 0);
        double mid = f.get(FrameColumn.MID, i);
        time.set(EventLog.clock(f.get(FrameColumn.TIME, i)) + " / " + EventLog.clock(f.get(FrameColumn.TIME, f.size() - 1)));
        readout.set(Text.format("cascade.readout", io.liqlab.ui.LocalNumbers.price(mid),
                EventLog.signedPercent((mid / start - 1) * 100),
                EventLog.usd(f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, i)),
                EventLog.usd(Math.max(0, f.get(FrameColumn.INSURANCE_FUND, i))),
                io.liqlab.ui.LocalNumbers.fixed(adlFills(f, i), 0),
                EventLog.usd(f.get(FrameColumn.CUMULATIVE_BAD_DEBT, i)),
                io.liqlab.ui.LocalNumbers.fixed(f.get(FrameColumn.R, i), 2)));
    }
}
