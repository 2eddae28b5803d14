package io.liqlab.ui.shell;

import io.liqlab.profile.AtomicFiles;
import io.liqlab.ui.Text;
import io.liqlab.ui.cascade.CascadeState;
import io.liqlab.ui.cascade.CascadeViewModel;
import io.liqlab.ui.cascade.PlaybackClock;
import io.liqlab.ui.task.BackgroundTask;
import io.liqlab.ui.task.TaskExecutor;
import io.liqlab.ui.tiers.TierEditorViewModel;
import io.liqlab.ui.tiers.TierWorkbenchViewModel;
import io.liqlab.ui.workspace.SessionFiles;
import io.liqlab.ui.workspace.WorkspaceState;
import io.liqlab.ui.workspace.WorkspaceViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The shell: what spans the screens. It owns the open session and whether anything in any tab changed since it was
 * saved, which tab is shown, the status line (through the {@link Notifier}), exports (through the
 * {@link TaskExecutor}, so they never hold up the window), guided examples' trips to the Cascade tab, and every
 * command of the toolbar, menus and shortcuts as a {@link Command} with its enabled state. The window
 * ({@code WorkspaceView}) only lays these out; it answers the questions only a window can through
 * {@link ShellWindow}. No nodes here, so the commands' states are tested without a toolkit.
 */
public final class ShellViewModel {

    /** The tab shown at start (and the one the Position tab's commands need). */
    public static final String POSITION_TAB = "tab-position";
    public static final String TIERS_TAB = "tab-tiers";
    public static final String CASCADE_TAB = "tab-cascade";

    private final WorkspaceViewModel workspace;
    private final TierWorkbenchViewModel tiers;
    private final SessionFiles sessions;
    private final TaskExecutor tasks;
    private final Notifier notifier;
    private ShellWindow window;

    private final StringProperty selectedTab = new SimpleStringProperty(this, "selectedTab", POSITION_TAB);
    private final ReadOnlyObjectWrapper<CascadeViewModel> cascade = new ReadOnlyObjectWrapper<>(this, "cascade");
    /** A session's cascade part (and playback speed) waiting for the Cascade tab to be built. */
    private CascadeState pendingCascade;
    private Double pendingSpeed;
    /** Exports under way, by file: a second export to the same file waits for the first to be over. */
    private final java.util.Set<Path> writing = new java.util.HashSet<>();

    private final BooleanBinding dirty;

    public final Command classicExample;
    public final Command undoReplace;
    public final Command openSession;
    public final Command saveSession;
    public final Command saveSessionAs;
    public final Command quit;
    public final Command exportLeveragePng;
    public final Command exportSizePng;
    public final Command exportTimePng;
    public final Command exportComparisonCsv;
    public final Command exportSweepCsv;
    public final Command copyResults;
    public final Command togglePresentation;
    public final Command toggleTheme;
    public final Command about;
    public final Command leverageUp;
    public final Command leverageDown;

    public ShellViewModel(WorkspaceViewModel workspace, TierWorkbenchViewModel tiers, SessionFiles sessions, TaskExecutor tasks,
                          Notifier notifier) {
        this.workspace = Objects.requireNonNull(workspace);
        this.tiers = Objects.requireNonNull(tiers);
        this.sessions = Objects.requireNonNull(sessions);
        this.tasks = Objects.requireNonNull(tasks);
        this.notifier = Objects.requireNonNull(notifier);
        // Anything changed since saved, in any tab: what a session keeps (position, curves, cascade) or the tier
        // editor's edits of a profile (saved to a profile, not to the session, but lost on quit all the same).
        dirty = workspace.sessionModifiedProperty().or(tiers.dirtyProperty());

        var position = workspace.position();
        // While an input is invalid the screen keeps the last valid numbers, greyed as stale: nothing is exported or
        // copied from them (a file would not say they are stale).
        BooleanBinding current = position.staleProperty().not();
        BooleanBinding hasPosition = position.positionProperty().isNotNull().and(current);
        BooleanBinding hasResult = position.resultProperty().isNotNull().and(position.profileProperty().isNotNull()).and(current);
        BooleanBinding hasCharts = workspace.charts().chartsProperty().isNotNull().and(current);
        BooleanBinding hasComparison = hasPosition.and(Bindings.isNotEmpty(workspace.comparison().rows()));
        BooleanBinding onPosition = selectedTab.isEqualTo(POSITION_TAB);

        classicExample = Command.always("reset", Text.get("workspace.reset"),
                Text.format("workspace.resetTip", io.liqlab.ui.LocalNumbers.bound(60000), io.liqlab.ui.LocalNumbers.bound(500)),
                "F5", this::loadClassicExample);
        undoReplace = new Command("undo-replace", Text.get("workspace.undoReplace"), Text.get("workspace.undoReplaceTip"),
                "Shortcut+Z", workspace.canUndoReplaceProperty().and(onPosition), this::undoClassicExample);
        openSession = Command.always("session-open", Text.get("workspace.menu.session.open"), null, null, this::openSession);
        // Save has nothing to do while nothing changed since the session was saved or opened; Save as always can.
        saveSession = new Command("session-save", Text.get("workspace.menu.session.save"), null, "Shortcut+S",
                workspace.sessionModifiedProperty(), this::saveSession);
        saveSessionAs = Command.always("session-save-as", Text.get("workspace.menu.session.saveAs"), null, null, this::saveSessionAs);
        quit = Command.always("quit", Text.get("workspace.menu.session.quit"), null, "Shortcut+Q", this::quit);
        exportLeveragePng = new Command("export-leverage-png", Text.get("workspace.menu.export.leveragePng"), null, null,
                hasCharts, () -> exportChart("chart-leverage", "liqlab-leverage.png"));
        exportSizePng = new Command("export-size-png", Text.get("workspace.menu.export.sizePng"), null, null,
                hasCharts, () -> exportChart("chart-size", "liqlab-size.png"));
        exportTimePng = new Command("export-time-png", Text.get("workspace.menu.export.timePng"), null, null,
                hasCharts, () -> exportChart("chart-time", "liqlab-time.png"));
        exportComparisonCsv = new Command("export-comparison-csv", Text.get("workspace.menu.export.comparisonCsv"), null, null,
                hasComparison, () -> exportCsv("liqlab-comparison.csv", () -> workspace.comparison().toCsv()));
        exportSweepCsv = new Command("export-sweep-csv", Text.get("workspace.menu.export.sweepCsv"), null, null,
                hasCharts.and(hasPosition), () -> exportCsv("liqlab-leverage-sweep.csv", workspace::leverageSweepCsv));
        copyResults = new Command("copy-results", Text.get("workspace.copy"), Text.get("workspace.copyTip"), "Shortcut+Shift+C",
                hasResult, this::copyResults);
        togglePresentation = Command.always("presentation", Text.get("workspace.presentation"), Text.get("workspace.presentationTip"),
                "F11", () -> workspace.presentationProperty().set(!workspace.presentationProperty().get()));
        toggleTheme = Command.always("toggle-theme", Text.get("workspace.theme"), Text.get("workspace.themeTip"), "Shortcut+D",
                this::toggleTheme);
        about = Command.always("about", Text.get("workspace.about"), Text.get("workspace.aboutTip"), null, this::showAbout);
        BooleanBinding byLeverage = position.marginInputProperty().isEqualTo(io.liqlab.ui.position.PositionViewModel.MarginInput.LEVERAGE)
                .and(position.marginModeProperty().isEqualTo(io.liqlab.core.MarginMode.ISOLATED));
        leverageUp = new Command("leverage-up", Text.get("shell.leverageUp"), null, "Shortcut+Up", byLeverage, () -> nudgeLeverage(1));
        leverageDown = new Command("leverage-down", Text.get("shell.leverageDown"), null, "Shortcut+Down", byLeverage, () -> nudgeLeverage(-1));
    }

    /** The window this shell runs in; set once by the window when it is built. */
    public void attach(ShellWindow window) {
        this.window = Objects.requireNonNull(window);
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public TierWorkbenchViewModel tiers() {
        return tiers;
    }

    public Notifier notifier() {
        return notifier;
    }

    /** Every command of the toolbar, menus and shortcuts, in toolbar order. */
    public List<Command> commands() {
        return List.of(classicExample, undoReplace, openSession, saveSession, saveSessionAs, quit, exportLeveragePng, exportSizePng,
                exportTimePng, exportComparisonCsv, exportSweepCsv, copyResults, togglePresentation, toggleTheme, about, leverageUp,
                leverageDown);
    }

    /** The id of the tab shown ({@code tab-position}, ...): the window follows it and sets it. */
    public StringProperty selectedTabProperty() {
        return selectedTab;
    }

    /** Whether anything changed, in any tab, since the session was saved or opened (tier edits included). */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** The Cascade tab's view-model once the tab has been built, else null. */
    public ReadOnlyObjectProperty<CascadeViewModel> cascadeProperty() {
        return cascade.getReadOnlyProperty();
    }

    /** The Cascade tab was built with this model: a session opened before gets its cascade part now. */
    public void cascadeBuilt(CascadeViewModel model) {
        cascade.set(model);
        if (pendingCascade != null) {
            model.restore(pendingCascade);
            pendingCascade = null;
        }
        if (pendingSpeed != null) {
            model.speedProperty().set(pendingSpeed);
            pendingSpeed = null;
        }
        // What a session keeps of the cascade: a change marks the session modified.
        model.speedProperty().addListener(x -> workspace.sessionModifiedProperty().set(true));
        model.scenarioProperty().addListener(x -> workspace.sessionModifiedProperty().set(true));
    }

    // ---- the Position tab ----------------------------------------------------------------------------------------

    /** The classic example in place of the user's inputs, with an offer to put theirs back. */
    public void loadClassicExample() {
        if (workspace.loadClassicExample()) {
            notifier.status(Text.get("workspace.status.classicLoaded"));
        }
    }

    private void undoClassicExample() {
        if (workspace.undoReplace()) {
            notifier.status(Text.get("workspace.status.inputsRestored"));
        }
    }

    private void copyResults() {
        String text = workspace.resultsText();
        if (!text.isEmpty()) {
            window().copyToClipboard(text);
            notifier.status(Text.get("workspace.status.copied"));
        }
    }

    /** Light to dark and back; from the System theme, to the other of what the system shows now. */
    private void toggleTheme() {
        boolean dark = switch (workspace.themeProperty().get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> window().systemIsDark();
        };
        workspace.themeProperty().set(dark ? WorkspaceViewModel.Theme.LIGHT : WorkspaceViewModel.Theme.DARK);
    }

    /** The leverage in whole steps, within 1x and the venue's maximum for this size. */
    private void nudgeLeverage(double by) {
        var position = workspace.position();
        var lev = position.leverageProperty();
        double max = Math.max(2, position.maxLeverageProperty().get()); // the slider's range
        lev.set(Math.max(1, Math.min(max, Math.rint(lev.get() + by))));
    }

    // ---- the session ---------------------------------------------------------------------------------------------

    /** Save: to the session file open now, or as a new one when there is none. */
    public void saveSession() {
        Path file = workspace.sessionFileProperty().get();
        if (file == null) {
            saveSessionAs();
        } else {
            saveSession(file);
        }
    }

    public void saveSessionAs() {
        Path current = workspace.sessionFileProperty().get();
        window().chooseSaveFile(current == null ? "lesson" + SessionFiles.EXTENSION : current.getFileName().toString(),
                Text.get("workspace.file.session"), "*" + SessionFiles.EXTENSION).ifPresent(this::saveSession);
    }

    public void openSession() {
        window().chooseOpenFile(Text.get("workspace.file.session"), "*" + SessionFiles.EXTENSION).ifPresent(this::openSession);
    }

    /** The sessions opened or saved lately, newest first. */
    public List<Path> recentSessions() {
        return sessions.recent();
    }

    /** Saves the workspace as a session file; the status line says what happened. */
    public void saveSession(Path file) {
        try {
            double[] b = window == null ? new double[4] : window.bounds();
            WorkspaceState state = workspace.capture(b[0], b[1], b[2], b[3], false, tabIndex());
            CascadeViewModel c = cascade.get();
            if (c != null) {
                state = state.withCascade(c.capture());
            } else if (pendingCascade != null) {
                state = state.withCascade(pendingCascade); // opened from a session, tab not shown since
            }
            state = state.withPlaybackSpeed(c != null ? Double.valueOf(c.speedProperty().get()) : pendingSpeed);
            sessions.save(file, state, "LiqLab " + version());
            workspace.sessionSaved(file);
            notifier.status(Text.format("workspace.status.sessionSaved", file));
        } catch (IOException | RuntimeException ex) {
            notifier.error(Text.format("workspace.status.sessionNotSaved", ex.getMessage()));
        }
    }

    /** Opens a session file into the workspace; a file that cannot be opened changes nothing and says why. */
    public void openSession(Path file) {
        try {
            SessionFiles.Opened opened = sessions.openChecked(file);
            WorkspaceState state = opened.state();
            workspace.restore(state);
            CascadeViewModel c = cascade.get();
            if (state.cascade() != null) {
                if (c != null) {
                    c.restore(state.cascade());
                } else {
                    pendingCascade = state.cascade(); // applied when the Cascade tab is first built
                }
            }
            if (state.playbackSpeed() != null && state.playbackSpeed() > 0 && Double.isFinite(state.playbackSpeed())) {
                double speed = nearestSpeed(state.playbackSpeed()); // a hand-edited file: one of the speeds offered
                if (c != null) {
                    c.speedProperty().set(speed);
                } else {
                    pendingSpeed = speed;
                }
            }
            selectedTab.set(tabIds.get(Math.max(0, Math.min(state.tab(), tabIds.size() - 1))));
            workspace.sessionSaved(file);
            notifier.status(Text.format("workspace.status.sessionOpened", file)
                    + (opened.adjusted().isEmpty() ? "" : Text.format("workspace.status.sessionAdjusted", String.join("; ", opened.adjusted()))));
        } catch (SessionFiles.SessionException ex) {
            notifier.error(Text.format("workspace.status.sessionNotOpened", ex.getMessage()));
        }
    }

    private final List<String> tabIds = new ArrayList<>(List.of(POSITION_TAB));

    /** The tabs' ids in order (the window registers them), for the tab a session remembers by position. */
    public void setTabIds(List<String> ids) {
        tabIds.clear();
        tabIds.addAll(ids);
    }

    public List<String> tabIds() {
        return Collections.unmodifiableList(tabIds);
    }

    /** The index of the tab shown (what sessions and workspace.json keep). */
    public int tabIndex() {
        return Math.max(0, tabIds.indexOf(selectedTab.get()));
    }

    private static double nearestSpeed(double wanted) {
        double best = PlaybackClock.SPEEDS[0];
        for (double s : PlaybackClock.SPEEDS) {
            if (Math.abs(Math.log(s / wanted)) < Math.abs(Math.log(best / wanted))) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Drafts an earlier run left (closed or killed with unsaved tier edits): the window opens on the tier editor and
     * the bar over the tabs offers each back (Restore shows the tier editor first, from whichever tab is shown).
     */
    public void offerTierDrafts() {
        if (!tiers.pendingDrafts().isEmpty()) {
            selectedTab.set(TIERS_TAB);
            tiers.offerDrafts(() -> selectedTab.set(TIERS_TAB));
        }
    }

    /** Quit (Ctrl+Q): asks first when tier edits are unsaved, as closing the window does. */
    public void quit() {
        if (confirmClose()) {
            window().close();
        }
    }

    /**
     * Whether the window may close: yes, unless the tier editor holds unsaved edits and the user, asked, keeps the
     * window open. (Those edits stay as a draft either way, offered back at the next start.)
     */
    public boolean confirmClose() {
        TierEditorViewModel editor = tiers.editorProperty().get();
        if (!tiers.isDirty() || editor == null || !editor.differsFromOriginal()) {
            return true;
        }
        return window().confirmQuitWithUnsavedTiers(editor.idProperty().get());
    }

    // ---- exports ---------------------------------------------------------------------------------------------------

    /** Something written to a file the user chose. */
    @FunctionalInterface
    public interface FileWriter {
        void to(Path path) throws IOException;
    }

    private void exportChart(String chartId, String suggestedName) {
        window().chooseSaveFile(suggestedName, Text.get("workspace.file.pngType"), "*.png").ifPresent(path -> {
            ShellWindow.Picture picture = window().chartPicture(chartId); // taken now, on the UI thread
            export(picture::writePng, path);
        });
    }

    private void exportCsv(String suggestedName, java.util.function.Supplier<String> csv) {
        window().chooseSaveFile(suggestedName, Text.get("workspace.file.csvType"), "*.csv").ifPresent(path -> {
            String text = csv.get(); // what is on screen now; written off the UI thread
            export(file -> AtomicFiles.writeString(file, text), path);
        });
    }

    /**
     * Writes a file as a background task; the status line says when it is written, a failure is an error naming the
     * file and why, never a stack trace.
     */
    public TaskHandleAndFile export(FileWriter writer, Path path) {
        Path key = path.toAbsolutePath().normalize();
        if (!writing.add(key)) {
            notifier.error(Text.format("shell.status.stillWriting", path));
            return new TaskHandleAndFile(null, path);
        }
        var handle = tasks.submit(BackgroundTask.of(Text.format("shell.task.writing", path.getFileName()), p -> {
            writer.to(path);
            return path;
        }).onSuccess(written -> {
            writing.remove(key);
            notifier.status(Text.format("workspace.status.saved", written));
        }).onFailure(e -> {
            writing.remove(key);
            notifier.error(e instanceof java.util.concurrent.CancellationException
                    ? Text.format("shell.status.cancelled", path)
                    : Text.format("workspace.status.notSaved", path, BackgroundTask.messageOf(e)));
        }));
        return new TaskHandleAndFile(handle, path);
    }

    /** An export under way: its task (null when refused) and its file. */
    public record TaskHandleAndFile(io.liqlab.ui.task.TaskHandle handle, Path file) {
    }

    // ---- about -----------------------------------------------------------------------------------------------------

    private void showAbout() {
        window().showAbout(Text.format("workspace.about.header", version()), aboutText());
    }

    /** The About box's text: what LiqLab is, and the data date and confidence of every loaded profile. */
    public String aboutText() {
        StringBuilder sb = new StringBuilder(Text.get("workspace.about.text")).append('\n');
        // The chosen market's venues; the other markets (hundreds after an update) are counted, each dated in the chooser.
        for (io.liqlab.profile.VenueProfile p : workspace.position().sameMarketProfiles()) {
            sb.append('\n').append(Text.format(p.hasStandIns() ? "workspace.about.profileStandIn" : "workspace.about.profile", p.name(),
                    p.provenance().asOf(), p.provenance().confidence()));
        }
        int more = workspace.position().profiles().size() - workspace.position().sameMarketProfiles().size();
        if (more > 0) {
            sb.append('\n').append(Text.format("workspace.about.moreMarkets", more));
        }
        return sb.toString();
    }

    public static String version() {
        String v = ShellViewModel.class.getPackage().getImplementationVersion();
        return v == null ? Text.get("workspace.about.developmentBuild") : v;
    }

    // ---- guided examples -------------------------------------------------------------------------------------------

    /**
     * Opens {@code scenarioId} on the Cascade tab (building it on first use) and, once its run is there, plays it from
     * the start or, with {@code atSecond} not NaN, jumps there and pauses. {@code focus} then gives the playback keys
     * to the charts.
     */
    public void openCascade(String scenarioId, double atSecond, boolean play, Runnable focus) {
        selectedTab.set(CASCADE_TAB); // the window builds the pane and its model on first view
        CascadeViewModel m = cascade.get();
        if (m == null) {
            return;
        }
        io.liqlab.sim.Scenario target = m.scenarios().stream().filter(x -> x.id().equals(scenarioId)).findFirst().orElse(null);
        if (target == null) {
            return;
        }
        Runnable then = () -> {
            focus.run();
            var runs = m.runsProperty().get();
            if (atSecond == io.liqlab.ui.learn.GuidedExamples.FUND_EMPTY && runs != null) {
                double t = runs.main().fundEmptySecond();
                m.scrub(m.frameAtSecond(Double.isNaN(t) ? 0 : t));
                m.pause();
            } else if (!Double.isNaN(atSecond)) {
                m.scrub(m.frameAtSecond(atSecond));
                m.pause();
            } else {
                m.scrub(0);
                if (play) {
                    m.play();
                }
            }
        };
        if (target.equals(m.scenarioProperty().get()) && m.runsProperty().get() != null && !m.runningProperty().get()) {
            then.run();
            return;
        }
        // Act on the run of this scenario when it arrives (runs compute in the background).
        javafx.util.Subscription[] once = new javafx.util.Subscription[1];
        once[0] = m.runsProperty().subscribe(runs -> {
            if (runs != null && !m.runningProperty().get() && target.id().equals(m.scenarioProperty().get().id())) {
                once[0].unsubscribe();
                then.run();
            }
        });
        m.scenarioProperty().set(target);
    }

    private ShellWindow window() {
        if (window == null) {
            throw new IllegalStateException("no window attached");
        }
        return window;
    }
}
