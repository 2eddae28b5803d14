package io.liqlab.core;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting for people. Without a locale it is locale-independent (Locale.ROOT: scripts parse what the CLI
 * prints, and CSV files must read the same everywhere); the desktop UI passes the user's locale for its grouping and
 * decimal separators (57.900,00 in German).
 */
public final class Numbers {
    private Numbers() {
    }

    /** A price with at least two decimals and about six significant digits: 57,889.40; 0.0012346. */
    public static String price(double v) {
        return price(v, Locale.ROOT);
    }

    public static String price(double v, Locale locale) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        int magnitude = v == 0 ? 0 : (int) Math.floor(Math.log10(Math.abs(v)));
        int decimals = Math.min(10, Math.max(2, 5 - magnitude));
        return String.format(locale, "%,." + decimals + "f", v);
    }

    /** An amount of money: 12,500.00. */
    public static String money(double v) {
        return money(v, Locale.ROOT);
    }

    public static String money(double v, Locale locale) {
        return Double.isFinite(v) ? String.format(locale, "%,.2f", v) : "n/a";
    }

    /** An amount in a coin (the margin of an inverse contract), to the satoshi: 0.00625000. */
    public static String coin(double v) {
        return coin(v, Locale.ROOT);
    }

    public static String coin(double v, Locale locale) {
        return Double.isFinite(v) ? String.format(locale, "%,.8f", v) : "n/a";
    }

    /** An amount of money in the margin currency: {@link #coin} for a coin-margined contract, else {@link #money}. */
    public static String amount(double v, boolean coin, Locale locale) {
        return coin ? coin(v, locale) : money(v, locale);
    }

    /** A tier bound: whole numbers without decimals (2,000 contracts; 50,000 notional), others as money. */
    public static String bound(double v) {
        return bound(v, Locale.ROOT);
    }

    public static String bound(double v, Locale locale) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(locale, "%,.0f", v);
        }
        return money(v, locale);
    }

    /** A quantity in base units without trailing zeros: 0.2083333, 3683.979. */
    public static String quantity(double v) {
        return quantity(v, Locale.ROOT);
    }

    public static String quantity(double v, Locale locale) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return trim(String.format(locale, "%.8f", v), locale);
    }

    /** A rate as a percentage: 0.005 gives 0.5%. */
    public static String percentOf(double rate) {
        return percentOf(rate, Locale.ROOT);
    }

    public static String percentOf(double rate, Locale locale) {
        return Double.isFinite(rate) ? trim(String.format(locale, "%.4f", rate * 100), locale) + "%" : "n/a";
    }

    /**
     * {@code v} (finite) rounded to {@code digits} significant digits, half-up, trailing zeros dropped: the one
     * rounding behind the plain text here, the JSON numbers of the command line ({@code digits} 12, far below a cent,
     * so 3.5 is never 3.5000000000000004) and the charts' axis labels (6).
     */
    public static java.math.BigDecimal significant(double v, int digits) {
        return v == 0 ? java.math.BigDecimal.ZERO
                : new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
    }

    /** Exactly {@code decimals} decimals, no grouping, locale-independent (CSV cells, column names): 3.50, -0.1. */
    public static String decimals(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

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
        return significant(v, 12).toPlainString();
    }

    /** {@link #plain(double)} with the locale's decimal separator and no grouping: what a number field shows (3,5). */
    public static String plain(double v, Locale locale) {
        return plain(v).replace('.', decimalSeparator(locale));
    }

    /** A short axis label: 1.5k, 20M, 2B. */
    public static String compact(double v) {
        return compact(v, Locale.ROOT);
    }

    public static String compact(double v, Locale locale) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(String.format(locale, "%.1f", v / 1e9), locale) + "B";
        }
        if (a >= 1e6) {
            return trim(String.format(locale, "%.1f", v / 1e6), locale) + "M";
        }
        if (a >= 1e3) {
            return trim(String.format(locale, "%.1f", v / 1e3), locale) + "k";
        }
        return trim(String.format(locale, "%.1f", v), locale);
    }

    /** A leverage: 25x, 66.67x. */
    public static String leverage(double v) {
        return leverage(v, Locale.ROOT);
    }

    public static String leverage(double v, Locale locale) {
        return Double.isFinite(v) ? trim(String.format(locale, "%.2f", v), locale) + "x" : "n/a";
    }

    /** A number with exactly {@code decimals} decimals and grouping: 3.50, 1,234.5. */
    public static String fixed(double v, int decimals, Locale locale) {
        return Double.isFinite(v) ? String.format(locale, "%,." + decimals + "f", v) : "n/a";
    }

    public static char decimalSeparator(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
    }

    private static String trim(String s, Locale locale) {
        char point = decimalSeparator(locale);
        if (s.indexOf(point) < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == point) {
            end--;
        }
        return s.substring(0, end);
    }
}
