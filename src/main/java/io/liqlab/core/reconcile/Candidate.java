package io.liqlab.core.reconcile;

/**
 * One unknown solved for: the value it would need for the exact engine to give the figure the exchange shows.
 *
 * @param unknown   which input was solved for
 * @param current   the value LiqLab used (the tier number for {@link Unknown#TIER}, for {@link Unknown#FEE} the fee rate the
 *                  profile keeps in the trigger (OKX's taker fee, 0 elsewhere), needed being the total fee rate,
 *                  LiqLab's exact price for {@link Unknown#DISPLAY})
 * @param needed    the value that reproduces the shown price (NaN when none does)
 * @param plausible whether the needed value is one the venue could hold (non-negative, within the venue's range)
 *                  and reproduces the shown price within the tolerance
 * @param residual  |engine's price with the needed value - shown price| (NaN when unsolved)
 * @param liquidation the engine's liquidation price with the needed value (NaN when unsolved)
 * @param why       plain words: the reading of this candidate, or why it fails
 */
public record Candidate(Unknown unknown, double current, double needed, boolean plausible, double residual,
                        double liquidation, String why) {

    /** The inputs reconcile solves for, one at a time. */
    public enum Unknown {
        DISPLAY("venue display rounding"),
        MARGIN("isolated margin"),
        WALLET("wallet balance"),
        OTHER_MAINTENANCE("other positions' maintenance"),
        TIER("tier"),
        FEE("fee in the trigger");

        private final String words;

        Unknown(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
