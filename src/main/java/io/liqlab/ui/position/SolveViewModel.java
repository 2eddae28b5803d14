package io.liqlab.ui.position;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Tier;
import io.liqlab.core.solve.Calculators;
import io.liqlab.core.solve.Impossible;
import io.liqlab.core.solve.OrderCost;
import io.liqlab.core.solve.PositionEdits;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * "What if…" beside the position's result: the calculators exchanges offer and the before/after of an edit, asked
 * of the position in the form and answered through the engine ({@link Calculators}, {@link PositionEdits}).
 * Each question keeps what was typed for it; "margin for liq" and "leverage for liq" share their target price, so
 * switching between them answers the same target the other way. No nodes, no threads: the answers are computed on
 * the caller's thread (a few hundred engine calls at most).
 */
public final class SolveViewModel {

    /** The questions, in the order the chooser lists them. */
    public enum Question {
        PNL("position.solve.q.pnl", "position.solve.input.exit", null),
        EXIT_FOR_ROE("position.solve.q.exitForRoe", "position.solve.input.roe", null),
        MAX_SIZE("position.solve.q.maxSize", "position.solve.input.wallet", null),
        MARGIN_FOR_LIQ("position.solve.q.marginForLiq", "position.solve.input.target", null),
        LEVERAGE_FOR_LIQ("position.solve.q.leverageForLiq", "position.solve.input.target", null),
        SIZE_FOR_DISTANCE("position.solve.q.sizeForDistance", "position.solve.input.distance", null),
        ADD_MARGIN("position.solve.q.addMargin", "position.solve.input.amount", null),
        ADD_SIZE("position.solve.q.addSize", "position.solve.input.addQuantity", "position.solve.input.price"),
        CLOSE("position.solve.q.close", "position.solve.input.closePercent", "position.solve.input.price"),
        FLIP("position.solve.q.flip", "position.solve.input.price", null),
        STOP("position.solve.q.stop", "position.solve.input.stop", "position.solve.input.spread");

        private final String key;
        private final String inputKey;
        private final String secondKey;

        Question(String key, String inputKey, String secondKey) {
            this.key = key;
            this.inputKey = inputKey;
            this.secondKey = secondKey;
        }

        /** The question in words (the chooser's line). */
        public String text() {
            return Text.get(key);
        }

        public boolean beforeAfter() {
            return this == ADD_MARGIN || this == ADD_SIZE || this == CLOSE || this == FLIP;
        }

        /** Questions that share what was typed: the two liquidation-target questions. */
        Question slot() {
            return this == LEVERAGE_FOR_LIQ ? MARGIN_FOR_LIQ : this;
        }
    }

    /**
     * One line of the answer: a label and a value; for before/after, both values and whether they differ.
     */
    public record Row(String label, String value, String after, boolean changed) {
    }

    private final Calculators calculators;
    private final PositionEdits edits;
    private final PositionViewModel position;

    private final ObjectProperty<Question> question = new SimpleObjectProperty<>(this, "question", Question.MARGIN_FOR_LIQ);
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final StringProperty second = new SimpleStringProperty(this, "second", "");
    private final ReadOnlyStringWrapper inputLabel = new ReadOnlyStringWrapper(this, "inputLabel", "");
    private final ReadOnlyStringWrapper secondLabel = new ReadOnlyStringWrapper(this, "secondLabel", "");
    private final ReadOnlyBooleanWrapper hasSecond = new ReadOnlyBooleanWrapper(this, "hasSecond", false);
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper(this, "inputError", "");
    private final ReadOnlyStringWrapper secondError = new ReadOnlyStringWrapper(this, "secondError", "");
    private final ReadOnlyStringWrapper impossible = new ReadOnlyStringWrapper(this, "impossible", "");
    private final ReadOnlyBooleanWrapper showsBeforeAfter = new ReadOnlyBooleanWrapper(this, "showsBeforeAfter", false);
    private final ReadOnlyDoubleWrapper answerValue = new ReadOnlyDoubleWrapper(this, "answerValue", Double.NaN);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);

    private final Map<Question, String[]> typed = new EnumMap<>(Question.class);
    private boolean switching;

    public SolveViewModel(LiquidationEngine engine, PositionViewModel position) {
        this.calculators = new Calculators(engine);
        this.edits = new PositionEdits(engine);
        this.position = position;
        question.subscribe((before, now) -> switchQuestion(before, now));
        switchQuestion(null, question.get());
        input.subscribe(this::recompute);
        second.subscribe(this::recompute);
        position.resultProperty().subscribe(this::recompute);
    }

    public ObjectProperty<Question> questionProperty() {
        return question;
    }

    /** The question's number: an exit price, an ROE, a target liquidation price, ... (the label says which). */
    public StringProperty inputProperty() {
        return input;
    }

    /** The second number where a question has one (the price of an added order, the mark-to-last spread). */
    public StringProperty secondProperty() {
        return second;
    }

    public ReadOnlyStringProperty inputLabelProperty() {
        return inputLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secondLabelProperty() {
        return secondLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSecondProperty() {
        return hasSecond.getReadOnlyProperty();
    }

    /** Why the input is refused, with what is allowed; empty when it is fine. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secondErrorProperty() {
        return secondError.getReadOnlyProperty();
    }

    /** Why the question has no answer for this position; empty when it has one. */
    public ReadOnlyStringProperty impossibleProperty() {
        return impossible.getReadOnlyProperty();
    }

    /** The answer, line by line (before and after side by side for the edits). */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty showsBeforeAfterProperty() {
        return showsBeforeAfter.getReadOnlyProperty();
    }

    /**
     * The answer's main number, unformatted (the margin, leverage, size, exit price, suggested stop, the liquidation
     * after an edit); NaN when there is none.
     */
    public ReadOnlyDoubleProperty answerValueProperty() {
        return answerValue.getReadOnlyProperty();
    }

    private void switchQuestion(Question before, Question now) {
        switching = true;
        try {
            if (before != null) {
                typed.put(before.slot(), new String[] {input.get(), second.get()});
            }
            String[] kept = typed.get(now.slot());
            if (kept == null) {
                kept = defaults(now);
            }
            inputLabel.set(Text.get(now.inputKey));
            hasSecond.set(now.secondKey != null);
            secondLabel.set(now.secondKey == null ? "" : Text.get(now.secondKey));
            showsBeforeAfter.set(now.beforeAfter());
            input.set(kept[0]);
            second.set(kept[1]);
        } finally {
            switching = false;
        }
        recompute();
    }

    /** What a question starts with, from the position in the form: numbers a trader would try first. */
    private String[] defaults(Question q) {
        Position p = position.positionProperty().get();
        LiquidationResult r = position.resultProperty().get();
        if (p == null || r == null) {
            return new String[] {"", ""};
        }
        int s = p.side().sign();
        double mark = p.markPrice();
        double liq = r.liquidationPrice();
        double further = Double.isNaN(liq) ? mark * (1 - s * 0.1) : mark + 1.5 * (liq - mark);
        String markText = number(mark);
        return switch (q) {
            case PNL -> new String[] {number(mark * (1 + s * 0.05)), ""};
            case EXIT_FOR_ROE -> new String[] {"100", ""};
            case MAX_SIZE -> new String[] {number(Math.max(r.margin(), 1)), ""};
            case MARGIN_FOR_LIQ, LEVERAGE_FOR_LIQ -> new String[] {number(further), ""};
            case SIZE_FOR_DISTANCE -> new String[] {"5", ""};
            case ADD_MARGIN -> new String[] {number(Math.max(r.margin() * 0.1, 1)), ""};
            case ADD_SIZE -> new String[] {number(p.quantity() / 2), markText};
            case CLOSE -> new String[] {"50", markText};
            case FLIP -> new String[] {markText, ""};
            case STOP -> new String[] {Double.isNaN(liq) ? number(mark * (1 - s * 0.05)) : number(mark + 0.5 * (liq - mark)), "0.1"};
        };
    }

    private static String number(double v) {
        return LocalNumbers.plain(Math.abs(v) >= 100 ? Math.round(v * 100) / 100.0 : v);
    }

    private void recompute() {
        if (switching) {
            return;
        }
        rows.clear();
        impossible.set("");
        inputError.set("");
        secondError.set("");
        answerValue.set(Double.NaN);
        Position p = position.positionProperty().get();
        LiquidationResult now = position.resultProperty().get();
        VenueProfile profile = position.profileProperty().get();
        if (p == null || now == null || profile == null) {
            return;
        }
        Question q = question.get();
        OptionalDouble main = NumberText.parse(input.get());
        if (main.isEmpty()) {
            inputError.set(Text.get("position.solve.error.number"));
            return;
        }
        double x = main.getAsDouble();
        double y = Double.NaN;
        if (q.secondKey != null) {
            OptionalDouble s = NumberText.parse(second.get());
            if (s.isEmpty()) {
                secondError.set(Text.get("position.solve.error.number"));
                return;
            }
            y = s.getAsDouble();
        }
        try {
            answer(q, profile, p, now, x, y);
        } catch (Impossible e) {
            rows.clear();
            impossible.set(Text.format("position.solve.impossible", e.reason()));
        } catch (InvalidInputException e) {
            rows.clear();
            boolean onSecond = q.secondKey != null && List.of("price", "spreadPercent").contains(e.field());
            (onSecond ? secondError : inputError).set(e.problem());
        }
    }

    private void answer(Question q, VenueProfile profile, Position p, LiquidationResult now, double x, double y) {
        var rules = profile.rules();
        List<Row> out = new ArrayList<>();
        switch (q) {
            case PNL, EXIT_FOR_ROE -> {
                Calculators.PnlAtExit a = q == Question.PNL ? calculators.pnlAt(rules, p, x) : calculators.exitForRoe(rules, p, x);
                out.add(row("position.solve.row.exit", LocalNumbers.price(a.exitPrice())));
                out.add(row("position.solve.row.pnl", amount(a.pnl())));
                out.add(row("position.solve.row.roe", LocalNumbers.percent(a.roePercent(), 2)));
                out.add(row("position.solve.row.initialMargin", amount(a.initialMargin())));
                if (a.liquidatedFirst()) {
                    out.add(row("position.solve.row.liquidatedFirst", LocalNumbers.price(a.liquidationPrice())));
                }
                answerValue.set(q == Question.PNL ? a.pnl() : a.exitPrice());
            }
            case MAX_SIZE -> {
                String venueRules = profile.listing().venueRules();
                Calculators.MaxSize a = calculators.maxSize(rules, p.side(), p.entryPrice(), p.markPrice(), now.leverage(), x,
                        OrderCost.forVenue(venueRules.isEmpty() ? profile.id() : venueRules, rules, Double.NaN), p.openInterest());
                out.add(row("position.solve.row.quantity", LocalNumbers.quantity(a.quantity())));
                out.add(row("position.solve.row.notional", LocalNumbers.money(a.notional())));
                out.add(row("position.solve.row.cost", amount(a.cost())));
                out.add(row("position.solve.row.limitedBy", limit(a.limitedBy())));
                out.add(row("position.solve.row.tier", tier(a.tier())));
                out.add(row("position.solve.row.liquidation", price(a.result().liquidationPrice())));
                answerValue.set(a.quantity());
            }
            case MARGIN_FOR_LIQ, LEVERAGE_FOR_LIQ -> {
                Calculators.LiquidationTarget a = q == Question.MARGIN_FOR_LIQ ? calculators.collateralForLiquidation(rules, p, x)
                        : calculators.leverageForLiquidation(rules, p, x);
                boolean cross = p.mode() == MarginMode.CROSS;
                if (q == Question.MARGIN_FOR_LIQ) {
                    out.add(row(cross ? "position.solve.row.wallet" : "position.solve.row.margin", amount(a.collateral())));
                    out.add(row("position.solve.row.change", (a.change() >= 0 ? "+" : "") + amount(a.change())));
                    answerValue.set(a.collateral());
                } else {
                    out.add(row("position.solve.row.leverage", LocalNumbers.fixed(a.leverage(), 4) + "x"));
                    out.add(row("position.solve.row.margin", amount(a.collateral())));
                    answerValue.set(a.leverage());
                }
                out.add(row("position.solve.row.liquidation", price(a.result().liquidationPrice())));
                out.add(row("position.solve.row.tierAtLiquidation", tier(a.result().tierAtLiquidation())));
            }
            case SIZE_FOR_DISTANCE -> {
                boolean keepLeverage = p.mode() == MarginMode.ISOLATED && p.leverageGiven();
                Calculators.SizeForDistance a = calculators.sizeForDistance(rules, p, x, keepLeverage);
                if (a.unbounded()) {
                    out.add(row("position.solve.row.quantity", Text.get("position.solve.anySize")));
                } else {
                    out.add(row("position.solve.row.quantity", LocalNumbers.quantity(a.quantity())));
                    out.add(row("position.solve.row.notional", LocalNumbers.money(a.notional())));
                    out.add(row("position.solve.row.liquidation", price(a.result().liquidationPrice())));
                    out.add(row("position.solve.row.limitedBy", limit(a.limitedBy())));
                    answerValue.set(a.quantity());
                }
            }
            case ADD_MARGIN -> out.addAll(beforeAfter(edits.addMargin(rules, p, x)));
            case ADD_SIZE -> out.addAll(beforeAfter(edits.addSize(rules, p, x, y, now.leverage())));
            case CLOSE -> {
                if (!(x > 0 && x < 100)) {
                    throw new InvalidInputException("closePercent", Text.get("position.solve.error.closePercent"));
                }
                out.addAll(beforeAfter(edits.close(rules, p, p.quantity() * x / 100, y)));
            }
            case FLIP -> out.addAll(beforeAfter(edits.flip(rules, p, p.inverse() ? p.notional() / x : p.quantity(), x, now.leverage())));
            case STOP -> {
                PositionEdits.StopCheck a = edits.stopCheck(rules, p, x, y, 50);
                out.add(row("position.solve.row.verdict", verdict(a.verdict())));
                out.add(row("position.solve.row.liquidation", price(a.liquidationPrice())));
                if (!Double.isNaN(a.worstLastAtLiq())) {
                    out.add(row("position.solve.row.safeFrom", LocalNumbers.price(a.worstLastAtLiq())));
                }
                out.add(row("position.solve.row.pnlAtStop", amount(a.pnlAtStop())));
                if (!Double.isNaN(a.suggestedStop())) {
                    out.add(row("position.solve.row.suggested", LocalNumbers.price(a.suggestedStop())));
                }
                answerValue.set(a.suggestedStop());
            }
        }
        rows.setAll(out);
    }

    /** An amount in the margin currency: money on a linear market, the coin to 8 decimals with its name on a coin-margined one. */
    private String amount(double v) {
        VenueProfile profile = position.profileProperty().get();
        if (profile != null && profile.rules().inverse()) {
            return io.liqlab.core.Numbers.coin(v, LocalNumbers.locale()) + " " + io.liqlab.report.ResultReport.coinOf(profile);
        }
        return LocalNumbers.money(v);
    }

    private List<Row> beforeAfter(PositionEdits.BeforeAfter a) {
        LiquidationResult b = a.before();
        LiquidationResult f = a.after();
        List<Row> out = new ArrayList<>();
        out.add(pair("position.solve.row.entry", LocalNumbers.price(b.position().entryPrice()), LocalNumbers.price(f.position().entryPrice())));
        out.add(pair("position.solve.row.quantity", LocalNumbers.quantity(b.position().quantity()), LocalNumbers.quantity(f.position().quantity())));
        out.add(pair("position.solve.row.margin", amount(b.margin()), amount(f.margin())));
        out.add(pair("position.solve.row.leverage", LocalNumbers.leverage(b.leverage()), LocalNumbers.leverage(f.leverage())));
        out.add(pair("position.solve.row.liquidation", price(b.liquidationPrice()), price(f.liquidationPrice())));
        out.add(pair("position.solve.row.tierAtEntry", tier(b.tierAtEntry()), tier(f.tierAtEntry())));
        out.add(pair("position.solve.row.tierAtLiquidation", tier(b.tierAtLiquidation()), tier(f.tierAtLiquidation())));
        if (a.realizedPnl() != 0) {
            out.add(row("position.solve.row.realized", amount(a.realizedPnl())));
        }
        answerValue.set(f.liquidationPrice());
        return out;
    }

    private static Row row(String key, String value) {
        return new Row(Text.get(key), value, null, false);
    }

    private static Row pair(String key, String before, String after) {
        return new Row(Text.get(key), before, after, !before.equals(after));
    }

    private static String price(double v) {
        return Double.isNaN(v) ? Text.get("position.results.noneLower") : LocalNumbers.price(v);
    }

    private static String tier(Tier t) {
        return t == null ? Text.get("position.results.noneLower") : Text.format("position.solve.tier", t.number(),
                LocalNumbers.percentOf(t.maintenanceMarginRate()), LocalNumbers.leverage(t.maxLeverage()));
    }

    private static String limit(Calculators.Limit limit) {
        return Text.get(switch (limit) {
            case WALLET -> "position.solve.limit.wallet";
            case TIER -> "position.solve.limit.tier";
            case RECORDED_TIERS -> "position.solve.limit.recorded";
            case DISTANCE -> "position.solve.limit.distance";
            case NONE -> "position.solve.limit.none";
        });
    }

    private static String verdict(PositionEdits.Verdict verdict) {
        return Text.get(switch (verdict) {
            case TRIGGERS_FIRST -> "position.solve.verdict.first";
            case AT_RISK -> "position.solve.verdict.atRisk";
            case LIQUIDATED_FIRST -> "position.solve.verdict.liquidatedFirst";
            case TRIGGERS_NOW -> "position.solve.verdict.now";
            case NO_LIQUIDATION -> "position.solve.verdict.noLiquidation";
        });
    }
}
