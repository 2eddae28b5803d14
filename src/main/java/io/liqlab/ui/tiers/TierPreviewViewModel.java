package io.liqlab.ui.tiers;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Position;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.core.VenueRules;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Text;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

import java.util.List;

/**
 * What the edited schedule does, next to the original: maintenance margin against notional (continuous where
 * maintenance amounts exist, jumping where they do not), maximum leverage against notional (a step chart), and the
 * current position's liquidation price under both.
 */
public final class TierPreviewViewModel {

    /** One line of a preview chart. */
    public record Line(String name, boolean edited, double[] x, double[] y, int length) {
    }

    public static final int POINTS = 400;

    private final TierEditorViewModel editor;
    private final ObservableValue<Position> position;
    private final LiquidationEngine engine;
    private final ReadOnlyObjectWrapper<List<Line>> maintenance = new ReadOnlyObjectWrapper<>(this, "maintenance", List.of());
    private final ReadOnlyObjectWrapper<List<Line>> maxLeverage = new ReadOnlyObjectWrapper<>(this, "maxLeverage", List.of());
    private final ReadOnlyStringWrapper liquidation = new ReadOnlyStringWrapper(this, "liquidation", "");
    /** What this preview listens to; cancelled by {@link #close()} so a preview of a profile no longer open stops recomputing. */
    private final Subscription subscriptions;
    private int recomputations;

    public TierPreviewViewModel(TierEditorViewModel editor, ObservableValue<Position> position, LiquidationEngine engine) {
        this.editor = editor;
        this.position = position;
        this.engine = engine;
        this.subscriptions = editor.editedProperty().subscribe(p -> recompute())
                .and(position.subscribe(p -> recompute()));
    }

    /** Stops following the editor and the position (the tier editor calls this when another profile opens). */
    public void close() {
        subscriptions.unsubscribe();
    }

    /** How many times the preview has been computed (for tests: one edit must recompute one preview). */
    int recomputations() {
        return recomputations;
    }

    public ReadOnlyObjectProperty<List<Line>> maintenanceProperty() {
        return maintenance.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Line>> maxLeverageProperty() {
        return maxLeverage.getReadOnlyProperty();
    }

    /** "Liquidation price: original 57,281.49 (4.53%), edited 57,350.12 (4.42%)". */
    public ReadOnlyStringProperty liquidationProperty() {
        return liquidation.getReadOnlyProperty();
    }

    private void recompute() {
        recomputations++;
        VenueProfile original = editor.original();
        VenueProfile edited = editor.editedProperty().get();
        double top = topOf(original.rules().tiers());
        if (edited != null) {
            top = Math.max(top, topOf(edited.rules().tiers()));
        }
        Line mmOriginal = maintenanceLine(original.name(), false, original.rules(), top);
        Line levOriginal = leverageLine(original.name(), false, original.rules(), top);
        if (edited == null) {
            maintenance.set(List.of(mmOriginal));
            maxLeverage.set(List.of(levOriginal));
        } else {
            maintenance.set(List.of(mmOriginal, maintenanceLine(Text.get("tiers.preview.edited"), true, edited.rules(), top)));
            maxLeverage.set(List.of(levOriginal, leverageLine(Text.get("tiers.preview.edited"), true, edited.rules(), top)));
        }
        Position p = position.getValue();
        if (p == null) {
            liquidation.set("");
            return;
        }
        String before = describe(original.rules(), p);
        String side = Text.get(p.side() == io.liqlab.core.Side.LONG ? "tiers.preview.long" : "tiers.preview.short");
        liquidation.set(edited == null
                ? Text.format("tiers.preview.liquidationInvalid", side, LocalNumbers.money(p.notional()), LocalNumbers.leverage(p.effectiveLeverage()), before)
                : Text.format("tiers.preview.liquidation", side, LocalNumbers.money(p.notional()), LocalNumbers.leverage(p.effectiveLeverage()), before,
                        describe(edited.rules(), p)));
    }

    /** The liquidation of {@code p} under {@code rules}, or why a partial schedule refuses its size. */
    private String describe(io.liqlab.core.VenueRules rules, Position p) {
        try {
            return describe(engine.calculate(rules, p.asTradeOn(rules)));
        } catch (io.liqlab.core.InvalidInputException e) {
            return e.problem();
        }
    }

    private static String describe(LiquidationResult r) {
        return r.hasLiquidationPrice()
                ? Text.format("tiers.preview.price", LocalNumbers.price(r.liquidationPrice()), LocalNumbers.percent(r.distancePercent(), 2),
                        r.tierAtLiquidation().number())
                : Text.get("tiers.none");
    }

    /** The x axis runs in the schedule's own unit up to twice the last finite cap. */
    private static double topOf(TierSchedule tiers) {
        double top = 0;
        for (Tier t : tiers.tiers()) {
            top = Math.max(top, t.isUnbounded() ? t.floor() : t.cap());
        }
        return Math.max(top * 2, 1_000);
    }

    private static Line maintenanceLine(String name, boolean edited, VenueRules rules, double top) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        double fee = rules.family() instanceof io.liqlab.core.RuleFamily.FeeInTrigger f ? f.takerFee() : 0;
        for (int i = 0; i < POINTS; i++) {
            double v = sample(top, i);
            Tier t = rules.tiers().tierAt(v);
            x[i] = v;
            // For contract tiers the line shows maintenance per contract-count unit at a price of 1: the jumps are what matter.
            y[i] = v * (t.maintenanceMarginRate() + fee) - t.maintenanceAmount();
        }
        return new Line(name, edited, x, y, POINTS);
    }

    /** Log-spaced from 1/100,000 of the top to the top, so both small and large tiers show. */
    private static double sample(double top, int i) {
        double lo = Math.log10(top) - 5;
        return Math.pow(10, lo + 5.0 * i / (POINTS - 1));
    }

    private static Line leverageLine(String name, boolean edited, VenueRules rules, double top) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double v = sample(top, i);
            x[i] = v;
            y[i] = rules.tiers().tierAt(v).maxLeverage();
        }
        return new Line(name, edited, x, y, POINTS);
    }
}
