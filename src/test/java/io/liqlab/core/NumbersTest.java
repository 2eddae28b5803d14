package io.liqlab.core;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one rounding and the fixed-decimals text behind the CLI's JSON and CSV, the exports and the axis labels. */
class NumbersTest {

    @Test
    void significantDigitsHideFloatingPointNoiseAndKeepWholeNumbersWhole() {
        assertEquals("0.3", Numbers.significant(0.1 + 0.2, 12).toPlainString());
        assertEquals("3.5", Numbers.significant(3.5000000000000004, 12).toPlainString());
        assertEquals("57900", Numbers.significant(57900.0, 12).toPlainString());
        assertEquals("123457000", Numbers.significant(123456789, 6).toPlainString());
        assertEquals("0", Numbers.significant(0, 12).toPlainString());
        assertEquals("57889.4", Numbers.plain(57889.40000000001));
        assertEquals(0.0066, Numbers.significant(0.006649, 2).doubleValue());
    }

    @Test
    void fixedDecimalsAreLocaleIndependentAndUngrouped() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
            assertEquals("60000.10", Numbers.decimals(60000.1, 2));
            assertEquals("3", Numbers.decimals(2.5001, 0));
            assertEquals("1234567.0", Numbers.decimals(1234567, 1));
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
