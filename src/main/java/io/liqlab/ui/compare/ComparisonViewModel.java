package io.liqlab.ui.compare;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Numbers;
import io.liqlab.core.Outcome;
import io.liqlab.core.PartialLiquidation;
import io.liqlab.core.Position;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.profile.VenueProfile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The same position at every profile, one row each, with the biggest differences marked and explained. */
public final class ComparisonViewModel {

    /** Which end of the comparison a row is at. */
    public enum Extreme { NONE, CLOSEST, FARTHEST }

    /** One venue's answer. Numbers are NaN where there is none; texts are ready to show. */
    public record Row(String profileId, String profile, double liquidationPrice, double distancePercent, double bankruptcyPrice,
                      String tierAtLiquidation, double maintenanceAtLiquidation, double maxLeverage, boolean leverageAllowed,
                      String feeInTrigger, String partialLiquidation, String backstop, String insuranceFund, String adl,
                      String dataAsOf, boolean standIn, String explanation, Extreme extreme) {
    }

    private final LiquidationEngine engine;
    private final List<VenueProfile> profiles;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final ObservableValue<Position> position;

    public ComparisonViewModel(LiquidationEngine engine, List<VenueProfile> profiles, ObservableValue<Position> position) {
        this.engine = engine;
        this.profiles = profiles instanceof ObservableList<VenueProfile> live ? live : List.copyOf(profiles);
        this.position = position;
        if (profiles instanceof ObservableList<VenueProfile> live) {
            // A profile saved in the tier editor joins the comparison at once.
            live.addListener((javafx.collections.ListChangeListener<VenueProfile>) c -> {
                if (active.get()) {
                    recompute(position.getValue());
                }
            });
        }
        position.subscribe(p -> {
            if (active.get()) {
                recompute(p);
            }
        });
        active.subscribe(on -> {
            if (on) {
                recompute(position.getValue());
            }
        });
    }

    /**
     * Whether anyone is looking: while false (its tab hidden) the rows are not kept up to date, so dragging the
     * leverage slider does not lay out a table nobody sees; turning it on brings them up to date at once.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The rows as CSV (header first), numbers unformatted for spreadsheets. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("profile,liquidationPrice,distancePercent,bankruptcyPrice,tierAtLiquidation,"
                + "maintenanceAtLiquidation,maxLeverage,leverageAllowed,feeInTrigger,partialLiquidation,backstop,dataAsOf,standIn,explanation\n");
        for (Row r : rows) {
            sb.append(String.join(",", csv(r.profileId()), num(r.liquidationPrice()), num(r.distancePercent()), num(r.bankruptcyPrice()),
                    csv(r.tierAtLiquidation()), num(r.maintenanceAtLiquidation()), num(r.maxLeverage()), Boolean.toString(r.leverageAllowed()),
                    csv(r.feeInTrigger()), csv(r.partialLiquidation()), csv(r.backstop()), csv(r.dataAsOf()), Boolean.toString(r.standIn()),
                    csv(r.explanation()))).append('\n');
        }
        return sb.toString();
    }

    private void recompute(Position p) {
        if (p == null) {
            return;
        }
        List<LiquidationResult> results = new ArrayList<>();
        for (VenueProfile v : profiles) {
            results.add(engine.calculate(v.rules(), p));
        }
        double textbookDistance = Double.NaN;
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals("textbook")) {
                textbookDistance = results.get(i).distancePercent();
            }
        }
        int closest = -1;
        int farthest = -1;
        for (int i = 0; i < results.size(); i++) {
            double d = results.get(i).distancePercent();
            if (Double.isNaN(d)) {
                continue;
            }
            if (closest < 0 || d < results.get(closest).distancePercent()) {
                closest = i;
            }
            if (farthest < 0 || d > results.get(farthest).distancePercent()) {
                farthest = i;
            }
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            VenueProfile v = profiles.get(i);
            LiquidationResult r = results.get(i);
            Extreme extreme = closest == farthest ? Extreme.NONE : i == closest ? Extreme.CLOSEST : i == farthest ? Extreme.FARTHEST : Extreme.NONE;
            out.add(new Row(v.id(), v.name(), r.liquidationPrice(), r.distancePercent(), r.bankruptcyPrice(),
                    r.tierAtLiquidation() == null ? "none" : Integer.toString(r.tierAtLiquidation().number()),
                    r.maintenanceMarginAtLiquidation(), r.maxLeverage(), r.leverageAllowed(),
                    r.feeInTrigger() > 0 ? "yes, " + Numbers.percentOf(r.feeInTrigger()) : "no",
                    partial(v.rules().partialLiquidation()),
                    v.rules().hasBackstop() ? "below " + fraction(v.rules().backstop().equityFraction()) + " MM" : "none",
                    v.text().insuranceFund(), v.rules().adl().ranking().id().replace('-', ' ') + ", at " + v.rules().adl().closePrice().id().replace('-', ' '),
                    v.provenance().asOf() + " (" + v.provenance().confidence() + ")", v.hasStandIns(),
                    explain(v, r, textbookDistance), extreme));
        }
        rows.setAll(out);
    }

    /** One line: what in this venue's rules moves its price, and by how much against the textbook. */
    static String explain(VenueProfile v, LiquidationResult r, double textbookDistance) {
        if (r.outcome() instanceof Outcome.NeverLiquidated) {
            return "No liquidation price: maintenance shrinks with the price and the margin covers the fall to zero.";
        }
        if (r.outcome() instanceof Outcome.LiquidatableAtEntry) {
            return "Liquidatable at entry: the margin does not even cover maintenance (" + Numbers.percentOf(r.maintenanceMarginRate()) + ").";
        }
        Tier t = r.tierAtLiquidation();
        String rule = switch (v.rules().family()) {
            case RuleFamily.MaintenanceOnEntryNotional _ -> "maintenance " + Numbers.percentOf(r.maintenanceMarginRate()) + " of the entry notional";
            case RuleFamily.FeeInTrigger f -> "maintenance " + Numbers.percentOf(r.maintenanceMarginRate()) + " + taker fee "
                    + Numbers.percentOf(f.takerFee()) + " at the liquidation price (tier " + t.number() + " by contracts)";
            case RuleFamily.FixedMaintenanceFraction _ -> "a fixed " + Numbers.percentOf(r.maintenanceMarginRate()) + " maintenance fraction at the oracle price";
            case RuleFamily.MaintenanceAtLiquidationNotional _ -> "maintenance " + Numbers.percentOf(r.maintenanceMarginRate())
                    + " of the notional at the liquidation price" + (v.rules().tiers().size() > 1 ? " (tier " + t.number() + ")" : "");
        };
        String versus = "";
        if (!v.id().equals("textbook") && !Double.isNaN(textbookDistance)) {
            double diff = r.distancePercent() - textbookDistance;
            versus = Math.abs(diff) < 0.005 ? "; same distance as the textbook"
                    : String.format(Locale.ROOT, "; %.2f points %s than the textbook", Math.abs(diff), diff < 0 ? "closer" : "farther");
        }
        return Character.toUpperCase(rule.charAt(0)) + rule.substring(1) + versus + (r.leverageAllowed() ? "." : "; this leverage is above its maximum.");
    }

    private static String partial(PartialLiquidation rule) {
        return switch (rule) {
            case PartialLiquidation.Whole _ -> "whole";
            case PartialLiquidation.IocOrderFirst _ -> "one IOC order first";
            case PartialLiquidation.PerBlockLimits _ -> "per-block limits";
            case PartialLiquidation.Fraction f -> Numbers.percentOf(f.fraction()) + (f.inclusive() ? " from " : " above ")
                    + Numbers.bound(f.thresholdNotional()) + (f.cooldownSeconds() > 0 ? ", " + Numbers.quantity(f.cooldownSeconds()) + " s cooldown" : "");
            case PartialLiquidation.TierStepDown s -> "steps down " + s.tiersPerStep() + " tier" + (s.tiersPerStep() > 1 ? "s" : "")
                    + " from tier " + s.fromTier();
        };
    }

    private static String fraction(double k) {
        if (Math.abs(k - 2.0 / 3) < 1e-9) {
            return "2/3";
        }
        if (Math.abs(k - 1.0 / 3) < 1e-9) {
            return "1/3";
        }
        return Numbers.quantity(k);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
