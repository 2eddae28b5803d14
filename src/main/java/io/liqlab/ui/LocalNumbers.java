package io.liqlab.ui;

import io.liqlab.core.Numbers;

import java.util.Locale;

/**
 * Numbers as the UI shows them: {@link Numbers}' formats with the user's grouping and decimal separators
 * ({@code Locale.getDefault(Locale.Category.FORMAT)}: 57,900.00 in English, 57.900,00 in German, 57 900,00 with a
 * narrow no-break space in French). The command line and the CSV exports use {@link Numbers} without a locale.
 */
public final class LocalNumbers {
    private LocalNumbers() {
    }

    /** The locale numbers are shown in, read each time so a changed default takes effect. */
    public static Locale locale() {
        return Locale.getDefault(Locale.Category.FORMAT);
    }

    public static String price(double v) {
        return Numbers.price(v, locale());
    }

    /**
     * A difference of prices with as many decimals as {@code reference} shows as a price: (2,100.00) and (987.44)
     * beside a 57,900.00, never (987.437) with six significant digits.
     */
    public static String priceDifference(double v, double reference) {
        if (!Double.isFinite(v)) {
            return Numbers.price(v, locale());
        }
        String shown = price(reference);
        char point = Numbers.decimalSeparator(locale());
        int decimals = shown.lastIndexOf(point) < 0 ? 0 : shown.length() - shown.lastIndexOf(point) - 1;
        return Numbers.fixed(v, decimals, locale());
    }

    public static String money(double v) {
        return Numbers.money(v, locale());
    }

    public static String bound(double v) {
        return Numbers.bound(v, locale());
    }

    public static String quantity(double v) {
        return Numbers.quantity(v, locale());
    }

    public static String percentOf(double rate) {
        return Numbers.percentOf(rate, locale());
    }

    public static String compact(double v) {
        return Numbers.compact(v, locale());
    }

    public static String leverage(double v) {
        return Numbers.leverage(v, locale());
    }

    /** Without grouping and with the locale's decimal separator: what a number field is filled with (0,01). */
    public static String plain(double v) {
        return Numbers.plain(v, locale());
    }

    /** Exactly {@code decimals} decimals, grouped: 3.50. */
    public static String fixed(double v, int decimals) {
        return Numbers.fixed(v, decimals, locale());
    }

    /** A percentage already in percent, with {@code decimals} decimals: 3.50%. */
    public static String percent(double v, int decimals) {
        return Numbers.fixed(v, decimals, locale()) + "%";
    }
}
