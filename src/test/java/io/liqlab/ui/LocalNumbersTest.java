package io.liqlab.ui;

import io.liqlab.core.Numbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The UI's numbers follow the user's format locale; without a locale (CLI, CSV) nothing changes. */
class LocalNumbersTest {

    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, before);
    }

    @Test
    void germanGroupsWithDotsAndDecimalsWithACommaEnglishTheOtherWayRound() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertEquals("57.900,00", LocalNumbers.price(57_900));
        assertEquals("12.500,00", LocalNumbers.money(12_500));
        assertEquals("0,20833333", LocalNumbers.quantity(12_500 / 60_000.0));
        assertEquals("0,5%", LocalNumbers.percentOf(0.005));
        assertEquals("66,67x", LocalNumbers.leverage(66.666666));
        assertEquals("1,5k", LocalNumbers.compact(1_500));
        assertEquals("3,50%", LocalNumbers.percent(3.5, 2));
        assertEquals("0,01", LocalNumbers.plain(0.01));
        assertEquals("50.000", LocalNumbers.bound(50_000));
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        assertEquals("57,900.00", LocalNumbers.price(57_900));
        assertEquals("0.01", LocalNumbers.plain(0.01));
    }

    @Test
    void theCascadePanesDollarsFollowTheLocaleToo() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertEquals("$38,2M", io.liqlab.ui.cascade.EventLog.usd(38_200_000));
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        assertEquals("$38.2M", io.liqlab.ui.cascade.EventLog.usd(38_200_000));
    }

    @Test
    void frenchGroupsWithANarrowNoBreakSpace() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.FRANCE);
        assertEquals("57\u202f900,00", LocalNumbers.price(57_900));
        assertEquals("1\u202f234\u202f567,25", LocalNumbers.money(1_234_567.25));
    }

    @Test
    void theLocaleIndependentFormsAreExactlyWhatTheyWere() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertEquals("57,900.00", Numbers.price(57_900));
        assertEquals("0.20833333", Numbers.quantity(12_500 / 60_000.0));
        assertEquals("0.5%", Numbers.percentOf(0.005));
        assertEquals("66.67x", Numbers.leverage(66.666666));
        assertEquals("1.5k", Numbers.compact(1_500));
        assertEquals("57900", Numbers.plain(57_900));
        // Every format with Locale.ROOT is the old locale-independent one, over a spread of magnitudes.
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            double v = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(14) - 5);
            assertEquals(oldTrim(String.format(Locale.ROOT, "%.8f", v)), Numbers.quantity(v));
            assertEquals(oldTrim(String.format(Locale.ROOT, "%.4f", v * 100)) + "%", Numbers.percentOf(v));
            assertEquals(oldTrim(String.format(Locale.ROOT, "%.2f", v)) + "x", Numbers.leverage(v));
            assertEquals(String.format(Locale.ROOT, "%,.2f", v), Numbers.money(v));
            assertEquals(Numbers.price(v), Numbers.price(v, Locale.ROOT));
        }
    }

    /** The trimming the locale-independent formats used before they took a locale. */
    private static String oldTrim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
