package io.liqlab.sim;

/**
 * One finished run: the scenario it ran (with any what-if changes), its summary and every frame.
 *
 * @param maxMoneyImbalance the largest |sum of all accounts' changes| over the frames, USD (rounding only)
 */
public record SimulationResult(Scenario scenario, SimulationSummary summary, Frames frames, double maxMoneyImbalance,
                               Timings timings) {

    /**
     * Where the run's time went: drawing positions with their liquidation prices, ordering them by trigger, and
     * the cascade with its frames. Nanoseconds.
     */
    public record Timings(long populationNanos, long orderingNanos, long cascadeNanos) {
    }

    /** Time of the first frame with a liquidation, or NaN. */
    public double firstLiquidationSecond() {
        return firstTime(FrameColumn.LIQUIDATIONS_LONG, FrameColumn.LIQUIDATIONS_SHORT);
    }

    /** Time of the first frame with an ADL fill, or NaN. */
    public double firstAdlSecond() {
        return firstTime(FrameColumn.ADL_COUNT, FrameColumn.ADL_COUNT);
    }

    /** Time of the first frame where the insurance fund is empty (below one dollar), or NaN. */
    public double fundEmptySecond() {
        for (int f = 0; f < frames.size(); f++) {
            if (frames.get(FrameColumn.INSURANCE_FUND, f) < 1) {
                return frames.get(FrameColumn.TIME, f);
            }
        }
        return Double.NaN;
    }

    private double firstTime(FrameColumn a, FrameColumn b) {
        for (int f = 0; f < frames.size(); f++) {
            if (frames.get(a, f) > 0 || frames.get(b, f) > 0) {
                return frames.get(FrameColumn.TIME, f);
            }
        }
        return Double.NaN;
    }

    /** Share of all liquidated notional that happened by {@code second}, 0..1. */
    public double liquidatedShareBy(double second) {
        double total = summary.liquidatedNotional();
        if (total <= 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int f = 0; f < frames.size() && frames.get(FrameColumn.TIME, f) <= second; f++) {
            sum += frames.get(FrameColumn.LIQUIDATED_NOTIONAL_LONG, f) + frames.get(FrameColumn.LIQUIDATED_NOTIONAL_SHORT, f);
        }
        return sum / total;
    }

    /** Longest run of consecutive frames with R above 1, in seconds. */
    public double longestStretchAboveOne() {
        double best = 0;
        double run = 0;
        double tick = scenario.clock().tickSeconds();
        for (int f = 1; f < frames.size(); f++) {
            run = frames.get(FrameColumn.R, f) > 1 ? run + tick : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
