package io.liqlab.core.reconcile;

import io.liqlab.core.LiquidationResult;

import java.util.List;

/**
 * The answer of {@link Reconciler#reconcile}: LiqLab's exact figure, how the venue would display it, every
 * candidate ranked (most likely first), the most likely cause in plain words, and the steps in the order they were
 * worked ({@link Step}).
 *
 * @param tolerance how close a candidate must come to the shown price to reproduce it (the tick, or the precision
 *                  the shown price was given with)
 */
public record Reconciliation(double shown, LiquidationResult exact, double exactAsDisplayed, VenueDisplay.Rule displayRule,
                             double tick, double tolerance, List<Candidate> ranked, String mostLikely, List<Step> steps) {

    public Reconciliation {
        ranked = List.copyOf(ranked);
        steps = List.copyOf(steps);
    }

    public double exactPrice() {
        return exact.liquidationPrice();
    }

    /** The first candidate, or null when nothing reproduces the shown price. */
    public Candidate best() {
        return ranked.isEmpty() || !ranked.getFirst().plausible() ? null : ranked.getFirst();
    }
}
