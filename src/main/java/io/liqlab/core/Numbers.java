package io.liqlab.core;

import java.util.Locale;

/** Number formatting for people, independent of the user's locale (scripts parse what the CLI prints). */
public final class Numbers {
    private Numbers() {
    }

    /** A price with at least two decimals and about six significant digits: 57,889.40; 0.0012346. */
    public static String price(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        int magnitude = v == 0 ? 0 : (int) Math.floor(Math.log10(Math.abs(v)));
        int decimals = Math.min(10, Math.max(2, 5 - magnitude));
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** An amount of money: 12,500.00. */
    public static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a";
    }

    /** A tier bound: whole numbers without decimals (2,000 contracts; 50,000 notional), others as money. */
    public static String bound(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return money(v);
    }

    /** A quantity in base units without trailing zeros: 0.2083333, 3683.979. */
    public static String quantity(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.8f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }

    /** A rate as a percentage: 0.005 gives 0.5%. */
    public static String percentOf(double rate) {
        return Double.isFinite(rate) ? trim(String.format(Locale.ROOT, "%.4f", rate * 100)) + "%" : "n/a";
    }

    private static final java.math.MathContext TWELVE_DIGITS = new java.math.MathContext(12);

    /**
     * Plain decimal text, rounded to 12 significant digits (far below a cent) so that floating-point noise does not
     * show: 57900, 3.5, 0.0065; empty for NaN. What the CSV output and the tier editor's cells show.
     */
    public static String plain(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(TWELVE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A short axis label: 1.5k, 20M, 2B. */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e9)) + "B";
        }
        if (a >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        }
        if (a >= 1e3) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        }
        return trim(String.format(Locale.ROOT, "%.1f", v));
    }

    /** A leverage: 25x, 66.67x. */
    public static String leverage(double v) {
        return Double.isFinite(v) ? trim(String.format(Locale.ROOT, "%.2f", v)) + "x" : "n/a";
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
