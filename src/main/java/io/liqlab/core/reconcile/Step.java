package io.liqlab.core.reconcile;

import io.liqlab.core.reconcile.Candidate.Unknown;

import java.util.Locale;

/**
 * One line of the reconcile trace, in the order the work was done: the starting difference, the bankruptcy check,
 * then each unknown solved in turn (what value explains the difference and how plausible that value is), then the
 * conclusion.
 *
 * @param unknown      the unknown solved for in this step; null for the start, the bankruptcy check and the conclusion
 * @param value        the value found (the needed margin, tier number, fee rate, displayed price); NaN when none
 * @param liquidation  the engine's liquidation price with that value (NaN when none)
 * @param plausibility how plausible the value is
 * @param text         plain words: what was done and what came out
 */
public record Step(Kind kind, Unknown unknown, double value, double liquidation, Plausibility plausibility, String text) {

    /** What a step does. */
    public enum Kind {
        START, BANKRUPTCY_CHECK, SOLVE, CONCLUSION;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How plausible the value a step found is, most plausible first. */
    public enum Plausibility {
        /** the venue's display of LiqLab's own figure is the shown price: nothing differs */
        AGREES("the figures agree"),
        /** a discrete match (another tier, a fee on the grid fees are quoted in): unlikely by chance */
        HIGH("high: a discrete match, unlikely by chance"),
        /** a value the venue could hold that reproduces the shown price */
        MEDIUM("medium: a value the venue could hold"),
        /** a value was found, but not one the venue could hold, or it still misses */
        LOW("low: not a value the venue could hold, or it still misses"),
        /** no value of this unknown reproduces the shown price */
        NONE("none: no value reproduces the shown price"),
        /** a step that finds no value (the start, a check) */
        NOT_APPLICABLE("");

        private final String words;

        Plausibility(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
