package io.liqlab.core;

import java.util.function.Consumer;

/**
 * The leverage sweep, written once: the liquidation price of one position at leverage {@code first},
 * {@code first + step}, ... (margin = notional / leverage), used by the CLI's {@code sweep}, the Position tab's
 * leverage chart and the workspace's sweep CSV export. Allocation-light and streaming: rows go to a consumer as they
 * are computed, so a million-row sweep runs in a small heap.
 */
public final class LeverageSweep {
    /** The CSV header of the CLI's {@code sweep} and of the GUI's sweep export (the CLI contract). */
    public static final String CSV_HEADER = "profile,leverage,liquidationPrice,distancePercent,tierAtLiquidation,leverageAllowed";
    /** The most rows one sweep may have. */
    public static final long MAX_ROWS = 1_000_000;

    private LeverageSweep() {
    }

    /**
     * One leverage of the sweep. {@code distancePercent} is |entry - liquidation| / entry in percent; NaN and tier 0
     * when there is no liquidation price.
     */
    public record Row(String profile, double leverage, double liquidationPrice, double distancePercent, int tierAtLiquidation,
                      boolean leverageAllowed) {
    }

    /** How many leverages {@code first}, {@code first + step}, ... up to {@code last} (0 when last is below first). */
    public static long points(double first, double last, double step) {
        double points = Math.floor((last - first) / step + 1e-9) + 1;
        return points < 1 ? 0 : (long) points;
    }

    /** The isolated sweep with no fees or funding (the CLI's and the export's): margin = notional / leverage. */
    public static void sweep(String profile, VenueRules rules, Side side, double entry, double quantity, double first, double step,
                             long count, double maxLeverage, Consumer<Row> rows) {
        sweep(profile, rules, MarginMode.ISOLATED, side, entry, quantity, 0, first, step, count, maxLeverage, rows);
    }

    /**
     * The sweep in either margin mode, with {@code deduction} (funding already paid, the opening fee) taken from the
     * margin each leverage implies; in cross mode the leverage is notional / cross margin.
     */
    public static void sweep(String profile, VenueRules rules, MarginMode mode, Side side, double entry, double quantity,
                             double deduction, double first, double step, long count, double maxLeverage, Consumer<Row> rows) {
        // margin = value / leverage in the margin's currency: the quote, or the coin (V / E) on a coin-margined market
        double notional = rules.inverse() ? quantity : quantity * entry;
        for (long i = 0; i < count; i++) {
            double lev = first + i * step;
            double liq = LiquidationEngine.liquidationPrice(rules, mode, side, entry, quantity, notional / lev - deduction);
            double distance = Double.isNaN(liq) ? Double.NaN : Math.abs(entry - liq) / entry * 100;
            int tier = LiquidationEngine.tierNumberAtLiquidation(rules, entry, quantity, liq);
            rows.accept(new Row(profile, lev, liq, distance, tier, lev <= maxLeverage * (1 + 1e-9)));
        }
    }

    /** Appends {@code r} as one CSV line (with its newline) in the CLI's format: 25,57900,3.5,1,true; empty for none. */
    public static StringBuilder appendCsv(StringBuilder sb, Row r) {
        return sb.append(r.profile()).append(',').append(Numbers.plain(r.leverage())).append(',')
                .append(Numbers.plain(r.liquidationPrice())).append(',')
                .append(Numbers.plain(r.distancePercent())).append(',')
                .append(r.tierAtLiquidation() == 0 ? "" : Integer.toString(r.tierAtLiquidation())).append(',')
                .append(r.leverageAllowed()).append('\n');
    }
}
