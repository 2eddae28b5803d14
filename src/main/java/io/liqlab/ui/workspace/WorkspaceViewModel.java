package io.liqlab.ui.workspace;

import io.liqlab.core.LeverageSweep;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.profile.AtomicFiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.report.ResultReport;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.compare.ComparisonViewModel;
import io.liqlab.ui.position.ChartsViewModel;
import io.liqlab.ui.position.InputField;
import io.liqlab.ui.position.PositionViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The main window's own state: theme, presentation mode, exports, and remembering the inputs. */
public final class WorkspaceViewModel {

    /** The look; SYSTEM follows the operating system's light or dark setting. */
    public enum Theme { SYSTEM, LIGHT, DARK }

    private final PositionViewModel position;
    private final ChartsViewModel charts;
    private final ComparisonViewModel comparison;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.SYSTEM);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);

    private final java.time.Clock clock;
    private final javafx.beans.binding.StringBinding dataAge;
    private final javafx.beans.binding.BooleanBinding dataOld;

    /** The clock the data's age is told by. */
    public java.time.Clock clock() {
        return clock;
    }

    /** "Data as of 2024-10-24 (2 years old)" for the profile of the result on screen. */
    public javafx.beans.binding.StringExpression dataAgeProperty() {
        return dataAge;
    }

    /** Whether that data is older than {@link io.liqlab.ui.DataAge#OLD_AFTER_DAYS} days (shown in amber). */
    public javafx.beans.binding.BooleanExpression dataOldProperty() {
        return dataOld;
    }

    /** The inputs as they were before the classic example replaced them, while that can still be undone. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<WorkspaceState> replacedInputs =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "replacedInputs");
    private final javafx.beans.binding.BooleanBinding canUndoReplace = replacedInputs.isNotNull();
    /** True while this view-model itself rewrites the inputs (so that does not count as the user's edit). */
    private boolean replacing;
    private final io.liqlab.ui.position.SolveViewModel solve;
    private final io.liqlab.ui.reconcile.ReconcileViewModel reconcile;

    public WorkspaceViewModel(PositionViewModel position, ChartsViewModel charts, ComparisonViewModel comparison) {
        this(position, charts, comparison, java.time.Clock.systemDefaultZone());
    }

    /** @param clock today's date for the data's age (tests fix it) */
    public WorkspaceViewModel(PositionViewModel position, ChartsViewModel charts, ComparisonViewModel comparison, java.time.Clock clock) {
        this(position, charts, comparison, clock, new io.liqlab.ui.position.SolveViewModel(new io.liqlab.core.LiquidationEngine(), position));
    }

    /** @param solve the "What if…" calculators on the form's position */
    public WorkspaceViewModel(PositionViewModel position, ChartsViewModel charts, ComparisonViewModel comparison, java.time.Clock clock,
                              io.liqlab.ui.position.SolveViewModel solve) {
        this(position, charts, comparison, clock, solve,
                io.liqlab.ui.reconcile.ReconcileViewModel.followingForm(new io.liqlab.core.LiquidationEngine(), position));
    }

    /** @param reconcile "Doesn't match the exchange?" on the form's position */
    public WorkspaceViewModel(PositionViewModel position, ChartsViewModel charts, ComparisonViewModel comparison, java.time.Clock clock,
                              io.liqlab.ui.position.SolveViewModel solve, io.liqlab.ui.reconcile.ReconcileViewModel reconcile) {
        this.clock = clock;
        this.solve = solve;
        this.reconcile = reconcile;
        dataAge = javafx.beans.binding.Bindings.createStringBinding(() -> {
            VenueProfile p = position.profileProperty().get();
            // Only a real date has an age (the textbook's "n/a" is said beside the venue already).
            return p == null ? "" : io.liqlab.ui.DataAge.lineOrEmpty(p.provenance().asOf(), clock);
        }, position.profileProperty());
        dataOld = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            VenueProfile p = position.profileProperty().get();
            return p != null && io.liqlab.ui.DataAge.isOld(p.provenance().asOf(), clock);
        }, position.profileProperty());
        this.position = position;
        this.charts = charts;
        this.comparison = comparison;
        // The undo offer lasts until the user changes an input themselves: then their own edit is the newer state.
        List<javafx.beans.Observable> inputs = new java.util.ArrayList<>();
        for (InputField f : InputField.values()) {
            inputs.add(position.textProperty(f));
        }
        inputs.addAll(List.of(position.profileProperty(), position.sideProperty(), position.marginModeProperty(),
                position.sizeUnitProperty(), position.marginInputProperty()));
        inputs.add(charts.comparedProfiles());
        for (javafx.beans.Observable o : inputs) {
            o.addListener(x -> {
                sessionModified.set(true);
                if (!replacing) {
                    replacedInputs.set(null);
                }
            });
        }
    }

    // ---- the open session -----------------------------------------------------------------------------------------

    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> sessionFile =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "sessionFile");
    private final BooleanProperty sessionModified = new SimpleBooleanProperty(this, "sessionModified", false);
    private final javafx.beans.binding.StringBinding title = javafx.beans.binding.Bindings.createStringBinding(() ->
            sessionFile.get() == null ? io.liqlab.ui.Text.get("app.title")
                    : io.liqlab.ui.Text.format(sessionModified.get() ? "app.titleSessionModified" : "app.titleSession",
                    sessionFile.get().getFileName().toString()), sessionFile, sessionModified);

    /** The session file the workspace was last saved to or opened from, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> sessionFileProperty() {
        return sessionFile.getReadOnlyProperty();
    }

    /** Whether anything a session keeps changed since it was last saved or opened. */
    public BooleanProperty sessionModifiedProperty() {
        return sessionModified;
    }

    /** The window's title: the session file's name, marked with an asterisk when changed since saved. */
    public javafx.beans.binding.StringExpression titleProperty() {
        return title;
    }

    /** The workspace now matches {@code file} (just saved to it or opened from it). */
    public void sessionSaved(Path file) {
        sessionFile.set(file);
        sessionModified.set(false);
    }

    /**
     * Replaces the inputs with the classic example (the toolbar button, Alt+L, F5), keeping the user's inputs so
     * that {@link #undoReplace()} can put them back.
     *
     * @return whether anything changed (false when the inputs already were the classic example)
     */
    public boolean loadClassicExample() {
        WorkspaceState before = captureInputs();
        replacing = true;
        try {
            position.resetToClassicExample();
        } finally {
            replacing = false;
        }
        boolean changed = !before.equals(captureInputs());
        replacedInputs.set(changed ? before : null);
        return changed;
    }

    /** Whether the inputs the classic example replaced can still be put back. */
    public javafx.beans.binding.BooleanExpression canUndoReplaceProperty() {
        return canUndoReplace;
    }

    /** Puts back the inputs the classic example replaced; false when there is nothing to put back. */
    public boolean undoReplace() {
        WorkspaceState before = replacedInputs.get();
        if (before == null) {
            return false;
        }
        replacing = true;
        try {
            restoreInputs(before);
        } finally {
            replacing = false;
        }
        replacedInputs.set(null);
        return true;
    }

    private WorkspaceState captureInputs() {
        return capture(0, 0, 0, 0, false, 0);
    }

    public PositionViewModel position() {
        return position;
    }

    /** The "What if…" calculators beside the result. */
    public io.liqlab.ui.position.SolveViewModel solve() {
        return solve;
    }

    /** "Doesn't match the exchange?" on the form's position. */
    public io.liqlab.ui.reconcile.ReconcileViewModel reconcile() {
        return reconcile;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Large type for classrooms. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The results as text, for the clipboard; empty when there are none. */
    public String resultsText() {
        VenueProfile p = position.profileProperty().get();
        return p == null || position.resultProperty().get() == null ? "" : ResultReport.text(p, position.resultProperty().get());
    }

    public void exportComparisonCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, comparison.toCsv());
    }

    /**
     * The leverage chart's sweep as the CLI writes it: one row per compared profile and leverage step, 1x to the chart's
     * last leverage in its 0.1x steps; the same bytes as {@code liqlab sweep --venue IDS --side S --entry E --qty Q
     * --from 1 --to LAST --step 0.1} (isolated margin = notional / leverage, as the CLI documents).
     */
    public void exportLeverageSweepCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, leverageSweepCsv());
    }

    public String leverageSweepCsv() {
        StringBuilder sb = new StringBuilder(LeverageSweep.CSV_HEADER).append('\n');
        ChartsViewModel.Charts c = charts.chartsProperty().get();
        Position p = position.positionProperty().get();
        if (c == null || p == null) {
            return sb.toString();
        }
        for (ChartsViewModel.Curve curve : c.byLeverage()) {
            VenueProfile v = charts.comparedProfiles().stream().filter(cp -> cp.id().equals(curve.profileId())).findFirst().orElse(null);
            if (v == null) {
                continue;
            }
            double max = LiquidationEngine.maxLeverage(v.rules(), p.entryPrice(), p.quantity(), Double.NaN);
            LeverageSweep.sweep(v.id(), v.rules(), p.side(), p.entryPrice(), p.quantity(), 1, ChartsViewModel.LEVERAGE_STEP,
                    curve.length(), max, r -> LeverageSweep.appendCsv(sb, r));
        }
        return sb.toString();
    }

    /** The inputs and look to remember, with the window's bounds from the view. */
    public WorkspaceState capture(double x, double y, double width, double height, boolean maximized, int tab) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (InputField f : InputField.values()) {
            // Numbers locale-independent, so a session opens the same in any locale; anything else as typed.
            String text = position.textProperty(f).get();
            inputs.put(f.name(), text == null ? null : NumberText.canonical(text, LocalNumbers.locale()).orElse(text));
        }
        VenueProfile p = position.profileProperty().get();
        return new WorkspaceState(x, y, width, height, maximized, theme.get().name(), presentation.get(), p == null ? null : p.id(),
                position.sideProperty().get().name(), position.marginModeProperty().get().name(), position.sizeUnitProperty().get().name(),
                position.marginInputProperty().get().name(), inputs,
                charts.comparedProfiles().stream().map(VenueProfile::id).toList(), tab, null, null);
    }

    /** Puts remembered inputs back; anything unknown (a profile since removed, a renamed field) is skipped. */
    public void restore(WorkspaceState s) {
        theme.set(parse(Theme.class, s.theme(), Theme.SYSTEM));
        presentation.set(s.presentation());
        restoreInputs(s);
    }

    /** The position form's inputs and the compared curves of {@code s}, not the look. */
    private void restoreInputs(WorkspaceState s) {
        position.profiles().stream().filter(p -> p.id().equals(s.profileId())).findFirst().ifPresent(position.profileProperty()::set);
        position.sideProperty().set(parse(Side.class, s.side(), Side.LONG));
        position.marginModeProperty().set(parse(MarginMode.class, s.marginMode(), MarginMode.ISOLATED));
        position.sizeUnitProperty().set(parse(PositionViewModel.SizeUnit.class, s.sizeUnit(), PositionViewModel.SizeUnit.NOTIONAL));
        position.marginInputProperty().set(parse(PositionViewModel.MarginInput.class, s.marginInput(), PositionViewModel.MarginInput.LEVERAGE));
        Map<InputField, String> byField = new EnumMap<>(InputField.class);
        if (s.inputs() != null) {
            s.inputs().forEach((k, v) -> {
                try {
                    byField.put(InputField.valueOf(k), v);
                } catch (IllegalArgumentException ignored) {
                    // a field this version does not have
                }
            });
        }
        byField.forEach((f, v) -> position.textProperty(f).set(v == null ? "" : shown(v)));
        if (s.comparedProfiles() != null) {
            List<VenueProfile> wanted = position.profiles().stream().filter(p -> s.comparedProfiles().contains(p.id())).toList();
            charts.comparedProfiles().setAll(wanted);
            charts.drawSelectedProfile(); // a file from before the form's venue was always drawn
        }
    }

    /** A stored input as the form shows it in the user's locale (0.01 as 0,01 in German); non-numbers as stored. */
    private static String shown(String stored) {
        java.util.OptionalDouble v = NumberText.parse(stored, Locale.ROOT);
        return v.isPresent() ? LocalNumbers.plain(v.getAsDouble()) : stored;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
