package io.liqlab.ui.position;

import io.liqlab.core.LeverageSweep;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.VenueRules;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The three live charts: liquidation distance against leverage (one curve per compared profile, 1x to the
 * highest maximum in 0.1x steps), against position size at the current leverage, and the liquidation price
 * against holding time under the funding rate. Recomputed from the engine's allocation-free static path.
 */
public final class ChartsViewModel {

    /** One curve; {@code allowed[i]} is false where the venue does not allow that point (drawn dashed). */
    public record Curve(String profileId, String name, int paletteIndex, double[] x, double[] y, boolean[] allowed, int length) {
    }

    /** The three charts' curves and the values the views call out. */
    public record Charts(List<Curve> byLeverage, List<Curve> bySize, List<Curve> byTime, double leverage, double notional,
                         double holdingHours, double markPrice, boolean cross, double hoursToLiquidation) {
    }

    /** The holding-time chart spans at least 30 days, and up to a year to include the time to liquidation. */
    public static final double MIN_TIME_HOURS = 24 * 30;
    public static final double MAX_TIME_HOURS = 24 * 365;

    public static final double LEVERAGE_STEP = 0.1;
    public static final int SIZE_POINTS = 200;
    public static final int TIME_POINTS = 100;
    public static final double MIN_NOTIONAL = 1_000;
    public static final double MAX_NOTIONAL = 2e9;

    private final PositionViewModel position;
    private final ObservableList<VenueProfile> compared = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyStringWrapper timeToLiquidation = new ReadOnlyStringWrapper(this, "timeToLiquidation", "");
    /** What the leverage curves depend on; the current leverage is not part of it, so dragging the slider reuses them. */
    private record LeverageKey(Object side, Object mode, double entry, double quantity, double mark,
                               double crossMargin, double funding, double fee, double openInterest) {
    }
    private LeverageKey leverageKey;
    private List<Curve> leverageCurves = List.of();
    private List<VenueProfile> leverageProfiles = List.of();

    /**
     * The same profiles, by identity: a saved new version of a profile is a new object, and deep record equality
     * would cost work on every slider step.
     */
    private static boolean sameObjects(List<VenueProfile> a, List<VenueProfile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    public ChartsViewModel(PositionViewModel position, List<String> initiallyCompared) {
        this.position = position;
        for (String id : initiallyCompared) {
            position.profiles().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(compared::add);
        }
        position.resultProperty().addListener(o -> recompute());
        compared.addListener((javafx.collections.ListChangeListener<VenueProfile>) c -> {
            // Ticked again by the user or a restored session: it stays when the form's venue changes.
            while (!selecting && c.next()) {
                if (c.wasAdded() && c.getAddedSubList().contains(addedForSelection)) {
                    addedForSelection = null;
                }
            }
            recompute();
        });
        // The venue chosen in the form is always drawn (and ticked); one ticked only for that reason goes with it.
        position.profileProperty().subscribe(this::drawSelected);
        recompute();
    }

    private VenueProfile addedForSelection;

    private boolean selecting;

    /** Draws the form's venue if a restored list of curves left it out (its box ticked with it). */
    public void drawSelectedProfile() {
        drawSelected(position.profileProperty().get());
    }

    private void drawSelected(VenueProfile selected) {
        selecting = true;
        try {
            tick(selected);
        } finally {
            selecting = false;
        }
    }

    private void tick(VenueProfile selected) {
        if (addedForSelection != null && addedForSelection != selected) {
            compared.remove(addedForSelection);
            addedForSelection = null;
        }
        if (selected != null && !compared.contains(selected)) {
            addedForSelection = selected;
            compared.add(selected);
        }
    }

    /** The profiles drawn; the view toggles them. */
    public ObservableList<VenueProfile> comparedProfiles() {
        return compared;
    }

    public ReadOnlyObjectProperty<Charts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    /** "Time to liquidation at 0.01% per 8 h: 41 d 6 h" for the selected profile. */
    public ReadOnlyStringProperty timeToLiquidationProperty() {
        return timeToLiquidation.getReadOnlyProperty();
    }

    private void recompute() {
        Position p = position.positionProperty().get();
        LiquidationResult r = position.resultProperty().get();
        if (p == null || r == null) {
            return;
        }
        double perHour = position.fundingPerHour();
        double baseMargin = p.marginFor(1) + p.fundingPaid(); // before the funding already paid
        double fundingSoFar = p.fundingPaid();
        List<VenueProfile> drawn = new ArrayList<>(compared);
        double maxX = 1;
        for (VenueProfile v : drawn) {
            maxX = Math.max(maxX, LiquidationEngine.maxLeverage(v.rules(), p.entryPrice(), p.quantity(), p.openInterest()));
        }
        maxX = Math.min(Math.max(maxX, Math.ceil(r.leverage())), Position.MAX_INPUT_LEVERAGE);
        int levPoints = (int) LeverageSweep.points(1, maxX, LEVERAGE_STEP);
        double currentLeverage = r.leverage();
        double untilLiquidation = hoursToLiquidation(p, r, perHour);
        double hours = Math.max(MIN_TIME_HOURS, 2 * holdingHours());
        if (Double.isFinite(untilLiquidation) && untilLiquidation > hours) {
            // Room to see the line cross: the stated time to liquidation lies on the chart, up to a year.
            hours = Math.min(MAX_TIME_HOURS, Math.ceil(untilLiquidation * 1.15 / 24) * 24);
        }

        LeverageKey key = new LeverageKey(p.side(), p.mode(), p.entryPrice(), p.quantity(), p.markPrice(),
                p.mode() == MarginMode.CROSS ? p.marginFor(1) : 0, fundingSoFar, p.openingFee(), p.openInterest());
        boolean reuseLeverage = key.equals(leverageKey) && sameObjects(drawn, leverageProfiles)
                && (leverageCurves.isEmpty() || leverageCurves.getFirst().length() == levPoints);
        List<Curve> byLeverage = new ArrayList<>(drawn.size());
        List<Curve> bySize = new ArrayList<>(drawn.size());
        List<Curve> byTime = new ArrayList<>(drawn.size());
        for (VenueProfile v : drawn) {
            int palette = position.sameMarketProfiles().indexOf(v);
            VenueRules rules = v.rules();
            double max = LiquidationEngine.maxLeverage(rules, p.entryPrice(), p.quantity(), p.openInterest());
            // A coin-margined curve beside a linear form (or the reverse): the same USD trade, amounts converted at
            // the entry price, as the comparison does.
            Position pv = p.asTradeOn(rules);
            double toCurve = pv == p ? 1 : p.inverse() ? p.entryPrice() : 1 / p.entryPrice();

            if (!reuseLeverage) {
                double[] lx = new double[levPoints];
                double[] ly = new double[levPoints];
                boolean[] la = new boolean[levPoints];
                int[] i = {0};
                // Cross too: the leverage there is notional / cross margin, so each point is the cross margin that
                // leverage implies (the margin of this position would draw a flat line that says nothing).
                LeverageSweep.sweep(v.id(), rules, p.mode(), p.side(), p.entryPrice(), p.quantity(), pv.fundingPaid() + pv.openingFee(),
                        1, LEVERAGE_STEP, levPoints, max, row -> {
                            lx[i[0]] = row.leverage();
                            ly[i[0]] = distance(p, row.liquidationPrice());
                            la[i[0]] = row.leverageAllowed();
                            i[0]++;
                        });
                byLeverage.add(new Curve(v.id(), v.name(), palette, lx, ly, la, levPoints));
            }

            double[] sx = new double[SIZE_POINTS];
            double[] sy = new double[SIZE_POINTS];
            boolean[] sa = new boolean[SIZE_POINTS];
            double logMin = Math.log10(MIN_NOTIONAL);
            double logStep = (Math.log10(MAX_NOTIONAL) - logMin) / (SIZE_POINTS - 1);
            double marginShare = (pv.marginFor(1)) / pv.notional(); // margin per unit of notional at the current leverage
            for (int i = 0; i < SIZE_POINTS; i++) {
                double notional = Math.pow(10, logMin + i * logStep);
                double q = notional / p.entryPrice();
                sx[i] = notional;
                // A partly recorded schedule refuses sizes beyond its last tier rather than extrapolating: a gap there.
                boolean unrecorded = rules.tiers().isPartial() && rules.tiers().beyondLastCap(rules.tierBasisAtEntry(q, p.entryPrice()));
                sy[i] = unrecorded ? Double.NaN
                        : distance(p, LiquidationEngine.liquidationPrice(rules, MarginMode.ISOLATED, p.side(), p.entryPrice(), q, notional * marginShare));
                sa[i] = currentLeverage <= LiquidationEngine.maxLeverage(rules, p.entryPrice(), q, p.openInterest()) * (1 + 1e-9);
            }
            bySize.add(new Curve(v.id(), v.name(), palette, sx, sy, sa, SIZE_POINTS));

            double[] tx = new double[TIME_POINTS];
            double[] ty = new double[TIME_POINTS];
            for (int i = 0; i < TIME_POINTS; i++) {
                double t = hours * i / (TIME_POINTS - 1);
                double paid = Double.isNaN(perHour) ? 0 : perHour * toCurve * t;
                tx[i] = t;
                ty[i] = LiquidationEngine.liquidationPrice(rules, p.mode(), p.side(), p.entryPrice(), p.quantity(), baseMargin * toCurve - paid);
            }
            byTime.add(new Curve(v.id(), v.name(), palette, tx, ty, null, TIME_POINTS));
        }
        if (!reuseLeverage) {
            leverageCurves = List.copyOf(byLeverage);
            leverageKey = key;
            leverageProfiles = List.copyOf(drawn);
        }
        charts.set(new Charts(leverageCurves, List.copyOf(bySize), List.copyOf(byTime), currentLeverage, p.notional(),
                holdingHours(), p.markPrice(), p.mode() == MarginMode.CROSS, untilLiquidation));
        String currency = PositionViewModel.marginCurrency(position.profileProperty().get());
        String text = timeToLiquidationText(p, r, perHour, currency);
        if (Double.isFinite(untilLiquidation) && untilLiquidation > hours) {
            text += Text.format("charts.time.beyond", LocalNumbers.fixed(hours / 24, 0));
        }
        timeToLiquidation.set(text);
    }

    private double holdingHours() {
        return NumberText.parse(position.textProperty(InputField.HOLDING_HOURS).get()).orElse(0);
    }

    private static double distance(Position p, double liquidationPrice) {
        return Double.isNaN(liquidationPrice) ? Double.NaN : p.side().sign() * (p.markPrice() - liquidationPrice) / p.markPrice() * 100;
    }

    /** Hours until funding alone brings equity at the current mark down to maintenance there. */
    static double hoursToLiquidation(Position p, LiquidationResult r, double fundingPerHour) {
        double equityNow = p.marginFor(1) + p.side().sign() * p.quantity() * (p.markPrice() - p.entryPrice());
        double excess = equityNow - r.maintenanceMarginNow();
        if (excess <= 0) {
            return 0;
        }
        if (Double.isNaN(fundingPerHour) || fundingPerHour <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return excess / fundingPerHour;
    }

    static String timeToLiquidationText(Position p, LiquidationResult r, double perHour, String currency) {
        double h = hoursToLiquidation(p, r, perHour);
        if (h == 0) {
            return Text.get("charts.time.liquidatableNow");
        }
        if (Double.isInfinite(h)) {
            return Text.get(Double.isNaN(perHour) || perHour == 0 ? "charts.time.neverNothingPaid" : "charts.time.neverReceived");
        }
        long totalHours = (long) Math.floor(h);
        long days = totalHours / 24;
        String duration = days > 0 ? Text.format("charts.time.daysHours", LocalNumbers.fixed(days, 0), totalHours % 24)
                : Text.format("charts.time.hours", totalHours % 24);
        return Text.format(p.side() == Side.LONG ? "charts.time.toLiquidationLongsPay" : "charts.time.toLiquidationShortsPay",
                (p.inverse() ? io.liqlab.core.Numbers.coin(Math.abs(perHour) * 8, LocalNumbers.locale()) : LocalNumbers.money(Math.abs(perHour) * 8))
                        + " " + currency, duration);
    }
}
