package io.liqlab.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a number field reads, by locale: the locale's own format first (its decimal separator, its grouping between
 * groups of three), then the locale-independent form the fields always accepted (dot decimal, comma groups, exponent).
 */
class NumberTextTest {

    private static final Locale FRENCH = Locale.FRANCE;

    private static double read(String text, Locale locale) {
        OptionalDouble v = NumberText.parse(text, locale);
        assertTrue(v.isPresent(), () -> "'" + text + "' in " + locale + " should be a number");
        return v.getAsDouble();
    }

    @ParameterizedTest(name = "en: ''{0}'' = {1}")
    @CsvSource(delimiter = ';', value = {"60000; 60000", "60,000; 60000", "60,000.5; 60000.5", "60 000; 60000", "1_000; 1000",
            "1.5e6; 1500000", "-0.01; -0.01", ".5; 0.5", "+3; 3", "60000.; 60000", "12.5; 12.5", "1,234,567.25; 1234567.25"})
    void englishReadsWhatItAlwaysRead(String text, double expected) {
        assertEquals(expected, read(text, Locale.US), 1e-9);
        assertEquals(expected, read(text, Locale.ENGLISH), 1e-9);
    }

    @ParameterizedTest(name = "de: ''{0}'' = {1}")
    @CsvSource(delimiter = ';', value = {"60.000,5; 60000.5", "60000,5; 60000.5", "60.000; 60000", "1.234.567,25; 1234567.25",
            "0,01; 0.01", "-0,5; -0.5", ",5; 0.5", "60,000; 60", "60 000,5; 60000.5",
            // not German, but unambiguous: the locale-independent form
            "60000.5; 60000.5", "0.01; 0.01", "12.5; 12.5", "1.5e6; 1500000", "60,000.5; 60000.5"})
    void germanReadsItsOwnFormatFirst(String text, double expected) {
        assertEquals(expected, read(text, Locale.GERMANY), 1e-9);
    }

    @ParameterizedTest(name = "fr: ''{0}'' = {1}")
    @CsvSource(delimiter = ';', value = {"60\u202f000,5; 60000.5", "60\u00a0000,5; 60000.5", "60 000,5; 60000.5", "60000,5; 60000.5",
            "0,01; 0.01", "60000.5; 60000.5", "60.000; 60", "1.5e6; 1500000"})
    void frenchReadsNarrowNoBreakSpaceGroups(String text, double expected) {
        assertEquals(expected, read(text, FRENCH), 1e-9);
    }

    @ParameterizedTest(name = "{1}: ''{0}'' is not a number")
    @CsvSource(delimiter = ';', value = {"abc; en-US", "1,2,3; en-US", "60.000,5; en-US", "1.2.3; de-DE", "1,2,3; de-DE",
            "; en-US", "'  '; de-DE", "12a; fr-FR", "--5; en-US"})
    void garbageIsNotANumber(String text, String tag) {
        assertTrue(NumberText.parse(text, Locale.forLanguageTag(tag)).isEmpty(), () -> "'" + text + "'");
    }

    @ParameterizedTest(name = "{1}: ''{0}'' as {2}")
    @CsvSource(delimiter = ';', value = {"60.000,5; de-DE; 60000.5", "0,004; de-DE; 0.004", "0.004; en-US; 0.004", "1,000,000; en-US; 1000000",
            "60000.; en-US; 60000.0", ".25; fr-FR; 0.25", "1e3; de-DE; 1e3"})
    void canonicalKeepsEveryDigitAsTyped(String text, String tag, String canonical) {
        assertEquals(canonical, NumberText.canonical(text, Locale.forLanguageTag(tag)).orElseThrow());
        new java.math.BigDecimal(canonical); // what the tier editor makes of it
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US", "de-DE", "fr-FR", "de-CH", "hi-IN", "sv-SE"})
    void whatTheFormShowsItReadsBackInTheSameLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 500; i++) {
            double v = Math.round((random.nextDouble() - 0.2) * Math.pow(10, random.nextInt(9)) * 100) / 100.0;
            for (String shown : new String[] {io.liqlab.core.Numbers.plain(v, locale), io.liqlab.core.Numbers.money(v, locale)}) {
                assertEquals(v, read(shown, locale), Math.abs(v) * 1e-12 + 0.005, () -> tag + " '" + shown + "'");
            }
        }
    }
}
