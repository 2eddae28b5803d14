package io.liqlab.ui.reconcile;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Position;
import io.liqlab.core.VenueRules;
import io.liqlab.core.reconcile.Reconciler;
import io.liqlab.core.reconcile.Reconciliation;
import io.liqlab.core.reconcile.VenueDisplay;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.OptionalDouble;

/**
 * "Doesn't match the exchange?" for one position: the user types the liquidation price the exchange shows; the
 * answer is the ranked candidates, the steps and the most likely cause ({@link Reconciler}), and every price also as
 * the venue displays it. The position comes from the caller ({@link #setPosition}): the Position tab's form, or a row
 * of the Account tab. A bad price is an error message on the field (the typed text stays); no nodes, no threads.
 */
public final class ReconcileViewModel {

    /** What a reconcile is asked about: the rules, the position, the venue-rules id (display rule) and the tick. */
    public record Subject(VenueRules rules, Position position, String venueRulesId, double tick) {
    }

    private final Reconciler reconciler;
    private final LiquidationEngine engine;
    private Subject subject;

    private final StringProperty shown = new SimpleStringProperty(this, "shown", "");
    private final ReadOnlyStringWrapper shownError = new ReadOnlyStringWrapper(this, "shownError", "");
    private final ReadOnlyStringWrapper exact = new ReadOnlyStringWrapper(this, "exact", "");
    private final ReadOnlyStringWrapper exactDisplayed = new ReadOnlyStringWrapper(this, "exactDisplayed", "");
    private final ReadOnlyStringWrapper venueShows = new ReadOnlyStringWrapper(this, "venueShows", "");
    private final ReadOnlyStringWrapper bankruptcy = new ReadOnlyStringWrapper(this, "bankruptcy", "");
    private final ReadOnlyStringWrapper bankruptcyDisplayed = new ReadOnlyStringWrapper(this, "bankruptcyDisplayed", "");
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper(this, "difference", "");
    private final ReadOnlyStringWrapper mostLikely = new ReadOnlyStringWrapper(this, "mostLikely", "");
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(this, "answered", false);
    private final ObservableList<ReconcileRows.CandidateRow> candidates = FXCollections.observableArrayList();
    private final ObservableList<ReconcileRows.StepRow> steps = FXCollections.observableArrayList();
    // kept: an unmodifiable view made per call forwards changes only while something holds it
    private final ObservableList<ReconcileRows.CandidateRow> candidatesView = FXCollections.unmodifiableObservableList(candidates);
    private final ObservableList<ReconcileRows.StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);

    public ReconcileViewModel(LiquidationEngine engine) {
        this.engine = engine;
        this.reconciler = new Reconciler(engine);
        shown.subscribe(this::recompute);
    }

    /**
     * A view-model that follows the Position tab's form: its profile's rules, display rule and tick, and its position
     * (the last valid one; while the form is invalid the last answer stays).
     */
    public static ReconcileViewModel followingForm(LiquidationEngine engine, io.liqlab.ui.position.PositionViewModel form) {
        ReconcileViewModel vm = new ReconcileViewModel(engine);
        Runnable update = () -> {
            io.liqlab.profile.VenueProfile profile = form.profileProperty().get();
            Position p = form.positionProperty().get();
            vm.setPosition(profile == null || p == null ? null
                    : new Subject(profile.rules(), p, profile.listing().venueRules(), profile.listing().tickSize()));
        };
        form.resultProperty().subscribe(r -> update.run());
        form.profileProperty().subscribe(p -> update.run());
        return vm;
    }

    /**
     * The position to reconcile (null: none, the answer is cleared). Recomputes when it differs from the one held:
     * the form reports a new profile and then its new result, both the same subject, and a reconcile is a few hundred
     * engine runs on the FX thread.
     */
    public void setPosition(Subject subject) {
        if (java.util.Objects.equals(subject, this.subject) && subject != null) {
            return;
        }
        this.subject = subject;
        recompute();
    }

    /** The liquidation price the exchange shows, as typed. */
    public StringProperty shownProperty() {
        return shown;
    }

    /** Why the typed price cannot be used ("" when it can, or nothing is typed). */
    public ReadOnlyStringProperty shownErrorProperty() {
        return shownError.getReadOnlyProperty();
    }

    /** LiqLab's exact liquidation price for the position ("" when there is no position). */
    public ReadOnlyStringProperty exactProperty() {
        return exact.getReadOnlyProperty();
    }

    /** "the exchange will show 57,889.5 (...)" beside the exact price, or why it shows the exact figure. */
    public ReadOnlyStringProperty exactDisplayedProperty() {
        return exactDisplayed.getReadOnlyProperty();
    }

    /**
     * "the exchange will show 57,860.4 (...)" only where the venue has a display rule and the tick is known, else ""
     * (the results card's line: a venue that shows the exact figure needs no second price there).
     */
    public ReadOnlyStringProperty venueShowsProperty() {
        return venueShows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bankruptcyProperty() {
        return bankruptcy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bankruptcyDisplayedProperty() {
        return bankruptcyDisplayed.getReadOnlyProperty();
    }

    /** The exchange's figure against LiqLab's ("+1,878.35 further from the mark"), "" until a price is typed. */
    public ReadOnlyStringProperty differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    /** The most likely cause in plain words, "" until a usable price is typed. */
    public ReadOnlyStringProperty mostLikelyProperty() {
        return mostLikely.getReadOnlyProperty();
    }

    /** True while the candidates and steps answer a typed price. */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /** The unknowns solved for, most likely first. */
    public ObservableList<ReconcileRows.CandidateRow> candidates() {
        return candidatesView;
    }

    /** The steps, in the order they were worked. */
    public ObservableList<ReconcileRows.StepRow> steps() {
        return stepsView;
    }

    private void recompute() {
        shownError.set("");
        Subject s = subject;
        if (s == null) {
            clearAnswer();
            exact.set("");
            exactDisplayed.set("");
            venueShows.set("");
            bankruptcy.set("");
            bankruptcyDisplayed.set("");
            return;
        }
        VenueDisplay.Rule rule = VenueDisplay.ruleFor(s.venueRulesId());
        LiquidationResult r;
        try {
            r = engine.calculate(s.rules(), s.position());
        } catch (InvalidInputException e) {
            clearAnswer();
            exact.set("");
            return;
        }
        double l = r.liquidationPrice();
        exact.set(Double.isNaN(l) ? Text.get("position.reconcile.none") : LocalNumbers.price(l));
        exactDisplayed.set(ReconcileRows.displayLine(rule, l, s.position().side(), s.tick()));
        venueShows.set(ReconcileRows.displayed(rule, l, s.position().side(), s.tick()).isEmpty() ? "" : exactDisplayed.get());
        double b = r.bankruptcyPrice();
        bankruptcy.set(Double.isNaN(b) ? Text.get("position.reconcile.none") : LocalNumbers.price(b));
        bankruptcyDisplayed.set(ReconcileRows.displayLine(rule, b, s.position().side(), s.tick()));

        String text = shown.get() == null ? "" : shown.get().strip();
        if (text.isEmpty()) {
            clearAnswer();
            return;
        }
        OptionalDouble v = NumberText.parse(text);
        if (v.isEmpty()) {
            shownError.set(Text.get("position.reconcile.error.number"));
            clearAnswer();
            return;
        }
        Reconciliation rec;
        try {
            rec = reconciler.reconcile(s.rules(), s.position(), v.getAsDouble(), s.venueRulesId(), s.tick());
        } catch (InvalidInputException e) {
            shownError.set(e.field().equals("shown") ? Text.format("position.reconcile.error.side",
                    Text.get(s.position().side() == io.liqlab.core.Side.LONG ? "position.reconcile.error.below" : "position.reconcile.error.above"),
                    LocalNumbers.price(s.position().markPrice()), LocalNumbers.price(s.position().entryPrice())) : e.problem());
            clearAnswer();
            return;
        }
        difference.set(Double.isNaN(l) ? "" : Text.format("position.reconcile.difference", LocalNumbers.price(v.getAsDouble()),
                (v.getAsDouble() >= l ? "+" : "-") + LocalNumbers.priceDifference(Math.abs(v.getAsDouble() - l), l),
                LocalNumbers.percentOf(Math.abs(v.getAsDouble() - l) / l)));
        candidates.setAll(ReconcileRows.candidates(rec));
        steps.setAll(ReconcileRows.steps(rec));
        mostLikely.set(rec.mostLikely());
        answered.set(true);
    }

    private void clearAnswer() {
        candidates.clear();
        steps.clear();
        mostLikely.set("");
        difference.set("");
        answered.set(false);
    }
}
