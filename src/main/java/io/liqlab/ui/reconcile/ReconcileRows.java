package io.liqlab.ui.reconcile;

import io.liqlab.core.Side;
import io.liqlab.core.reconcile.Candidate;
import io.liqlab.core.reconcile.Reconciliation;
import io.liqlab.core.reconcile.Step;
import io.liqlab.core.reconcile.VenueDisplay;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The words and numbers of a {@link Reconciliation} as the window shows them: the ranked candidates, the steps, and
 * prices "as the venue displays them" (to the tick's decimals: 57,889.5 at tick 0.1). Shared by the Position and the
 * Account tab's "Doesn't match the exchange?".
 */
public final class ReconcileRows {

    /** One ranked candidate: the unknown, whether it reproduces the exchange's figure, the value it needs, what LiqLab used. */
    public record CandidateRow(String unknown, boolean plausible, String needed, String current, String why) {
    }

    /** One step of the trace, in the order it was worked, with how plausible its value is ("" where none applies). */
    public record StepRow(int number, String text, String plausibility) {
    }

    private ReconcileRows() {
    }

    public static List<CandidateRow> candidates(Reconciliation r) {
        List<CandidateRow> rows = new ArrayList<>();
        for (Candidate c : r.ranked()) {
            rows.add(new CandidateRow(unknown(c.unknown()), c.plausible(), value(c, c.needed()), value(c, c.current()), c.why()));
        }
        return rows;
    }

    public static List<StepRow> steps(Reconciliation r) {
        List<StepRow> rows = new ArrayList<>();
        int n = 1;
        for (Step s : r.steps()) {
            String how = plausibility(s.plausibility());
            rows.add(new StepRow(n++, s.text(), how));
        }
        return rows;
    }

    static String value(Candidate c, double v) {
        if (Double.isNaN(v)) {
            return Text.get("position.reconcile.value.none");
        }
        return switch (c.unknown()) {
            case DISPLAY -> LocalNumbers.price(v);
            case TIER -> Text.format("position.reconcile.value.tier", (int) v);
            case FEE -> LocalNumbers.percentOf(v);
            case MARGIN, WALLET, OTHER_MAINTENANCE -> LocalNumbers.money(v);
        };
    }

    /**
     * {@code price} as the venue displays it, with the tick's decimals (57,889.5 at tick 0.1), or "" when the venue
     * has no recorded display rule or no tick is known (the exact figure is all there is).
     */
    public static String displayed(VenueDisplay.Rule rule, double price, Side side, double tick) {
        if (Double.isNaN(price) || rule == VenueDisplay.Rule.EXACT || !(tick > 0)) {
            return "";
        }
        int decimals = Math.max(0, BigDecimal.valueOf(tick).stripTrailingZeros().scale());
        return LocalNumbers.fixed(VenueDisplay.shown(rule, price, side, tick), decimals);
    }

    /** "the exchange will show 57,889.5 (moved to the next tick toward the mark, tick 0.1)", or why it shows the exact figure. */
    public static String displayLine(VenueDisplay.Rule rule, double price, Side side, double tick) {
        if (Double.isNaN(price)) {
            return "";
        }
        String shown = displayed(rule, price, side, tick);
        if (shown.isEmpty()) {
            return rule == VenueDisplay.Rule.EXACT ? Text.get("position.reconcile.display.exact") : Text.get("position.reconcile.display.noTick");
        }
        String words = Text.get(rule == VenueDisplay.Rule.ONE_TICK_PAST ? "position.reconcile.display.rule.okx" : "position.reconcile.display.rule.bybit");
        return Text.format("position.reconcile.display.shows", shown, words, LocalNumbers.plain(tick));
    }

    /** The unknown's name on screen. */
    public static String unknown(Candidate.Unknown u) {
        return Text.get(switch (u) {
            case DISPLAY -> "position.reconcile.unknown.display";
            case MARGIN -> "position.reconcile.unknown.margin";
            case WALLET -> "position.reconcile.unknown.wallet";
            case OTHER_MAINTENANCE -> "position.reconcile.unknown.otherMaintenance";
            case TIER -> "position.reconcile.unknown.tier";
            case FEE -> "position.reconcile.unknown.fee";
        });
    }

    /** How plausible a step's value is, in words ("" for a step that finds no value). */
    public static String plausibility(Step.Plausibility p) {
        return switch (p) {
            case AGREES -> Text.get("position.reconcile.plausibility.agrees");
            case HIGH -> Text.get("position.reconcile.plausibility.high");
            case MEDIUM -> Text.get("position.reconcile.plausibility.medium");
            case LOW -> Text.get("position.reconcile.plausibility.low");
            case NONE -> Text.get("position.reconcile.plausibility.none");
            case NOT_APPLICABLE -> "";
        };
    }
}
