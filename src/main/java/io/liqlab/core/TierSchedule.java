package io.liqlab.core;

import java.util.List;

/**
 * A venue's tiers, ordered by floor. Lookups are cap-inclusive (LIQUIDATION.md section 7) and allocation-free.
 * A value beyond the last cap falls in the last tier.
 */
public final class TierSchedule {

    /** What the tier bounds measure. */
    public enum Basis {
        /** Position notional in quote currency. */
        NOTIONAL,
        /** Number of contracts (OKX). */
        CONTRACTS
    }

    private final Basis basis;
    private final Tier[] tiers;
    /**
     * Each tier's cap with its tolerance ({@code cap + CAP_TOLERANCE * cap}, as {@link #indexAt} compares), computed
     * once: the simulator looks a tier up per liquidation, and reading it from a primitive array instead of each
     * tier's record is the same comparison on the same bits.
     */
    private final double[] capLimits;
    private final String partialNote;

    public TierSchedule(Basis basis, List<Tier> tiers) {
        this(basis, tiers, null);
    }

    /**
     * @param partialNote null for a whole schedule; for one recorded only in part, what was recorded ("tiers 1-10
     *                    of 43 recorded"): sizes beyond the last recorded cap are then refused, not extrapolated
     */
    public TierSchedule(Basis basis, List<Tier> tiers, String partialNote) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tier schedule needs at least one tier");
        }
        this.basis = basis;
        this.tiers = tiers.toArray(Tier[]::new);
        this.capLimits = new double[this.tiers.length];
        for (int i = 0; i < capLimits.length; i++) {
            double cap = this.tiers[i].cap();
            capLimits[i] = cap + CAP_TOLERANCE * cap;
        }
        this.partialNote = partialNote == null || partialNote.isBlank() ? null : partialNote;
    }

    /** Whether only part of the venue's schedule was recorded (the rows beyond the last are unknown). */
    public boolean isPartial() {
        return partialNote != null;
    }

    /** What was recorded of a partial schedule ("tiers 1-10 of 43 recorded"); empty for a whole schedule. */
    public String partialNote() {
        return partialNote == null ? "" : partialNote;
    }

    /** A one-row schedule without bounds, used for explicit maintenance overrides and single-rate venues. */
    public static TierSchedule single(Basis basis, double maintenanceMarginRate, double maintenanceAmount,
                                      double maxLeverage) {
        return new TierSchedule(basis, List.of(new Tier(1, 0, Double.POSITIVE_INFINITY, maxLeverage,
                maintenanceMarginRate, maintenanceAmount, Double.NaN)));
    }

    public Basis basis() {
        return basis;
    }

    public int size() {
        return tiers.length;
    }

    public Tier tier(int index) {
        return tiers[index];
    }

    public List<Tier> tiers() {
        return List.of(tiers);
    }

    /**
     * Relative tolerance for "on the cap": 2,000,000 given as notional comes back from Q*E as 2000000.0000000002 (a
     * few units in the last place, about 1e-16). A millionth of a dollar per million above a cap is beyond it
     * (LIQUIDATION.md section 7: a tier covers floor &lt; x &lt;= cap).
     */
    private static final double CAP_TOLERANCE = 1e-12;

    /**
     * Index of the tier covering {@code x}: the first whose cap is at or above x (cap-inclusive), where a value
     * within floating-point noise above a cap counts as on it.
     */
    public int indexAt(double x) {
        double[] limits = capLimits;
        int last = limits.length - 1;
        for (int i = 0; i < last; i++) {
            if (x <= limits[i]) {
                return i;
            }
        }
        return last;
    }

    public Tier tierAt(double x) {
        return tiers[indexAt(x)];
    }

    /** Whether {@code x} lies beyond the cap of the last tier (the schedule does not cover it). */
    public boolean beyondLastCap(double x) {
        double cap = tiers[tiers.length - 1].cap();
        return x > cap + CAP_TOLERANCE * cap;
    }

    /**
     * The continuity rule shared by Binance, Hyperliquid and Bybit: {@code A_n = A_(n-1) + floor_n * (mmr_n -
     * mmr_(n-1))}, {@code A_1 = 0}. It keeps maintenance margin continuous at every boundary.
     */
    public static double continuityAmount(double previousAmount, double floor, double rate, double previousRate) {
        return previousAmount + floor * (rate - previousRate);
    }
}
