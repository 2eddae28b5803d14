package io.liqlab.report;

import io.liqlab.sim.FrameColumn;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV number formats: the same text on every machine and locale, exact to the cent, never an exponent. */
class FramesCsvTest {

    @Test
    void moneyIsToTheCentWithoutExponentOrTrailingZeros() {
        assertEquals("0", FramesCsv.money(0));
        assertEquals("0", FramesCsv.money(-0.0));
        assertEquals("0", FramesCsv.money(-0.001));
        assertEquals("1234.5", FramesCsv.money(1234.5));
        assertEquals("100000", FramesCsv.money(100_000));
        assertEquals("-5000", FramesCsv.money(-5000));
        assertEquals("12345678901.23", FramesCsv.money(12_345_678_901.234), "beyond 12 digits, still to the cent");
        assertEquals("30000000000", FramesCsv.money(3e10));
        assertEquals("", FramesCsv.money(Double.NaN));
    }

    @Test
    void decimalsHaveTwelveSignificantDigitsAndNoExponent() {
        assertEquals("0.3", FramesCsv.decimal(0.1 + 0.2));
        assertEquals("60000", FramesCsv.decimal(60_000));
        assertEquals("57677.0483463", FramesCsv.decimal(57_677.04834632));
        assertEquals("0.000000000116415321827", FramesCsv.decimal(1.16415321827e-10));
        assertEquals("inf", FramesCsv.decimal(Double.POSITIVE_INFINITY));
        assertEquals("3", FramesCsv.count(3));
        assertEquals("2.5", FramesCsv.count(2.5));
    }

    @Test
    void numbersDoNotDependOnTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1234.5", FramesCsv.money(1234.5));
            assertEquals("0.3", FramesCsv.decimal(0.3));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyColumnHasAKindAndCountsAreCounts() {
        for (FrameColumn c : FrameColumn.values()) {
            FramesCsv.kind(c);
        }
        assertEquals(FramesCsv.Kind.COUNT, FramesCsv.kind(FrameColumn.ADL_COUNT));
        assertEquals(FramesCsv.Kind.MONEY, FramesCsv.kind(FrameColumn.INSURANCE_FUND));
        assertEquals(FramesCsv.Kind.DECIMAL, FramesCsv.kind(FrameColumn.MID));
        assertEquals(FramesCsv.Kind.DECIMAL, FramesCsv.kind(FrameColumn.MONEY_IMBALANCE), "rounding drift stays visible");
    }

    @Test
    void theHeatmapFileSitsBesideTheFramesFile() {
        assertEquals(Path.of("out", "run.heatmap.csv"), FramesCsv.heatmapPath(Path.of("out", "run.csv")));
        assertEquals(Path.of("run.heatmap.csv"), FramesCsv.heatmapPath(Path.of("run.CSV")));
        assertEquals(Path.of("frames.heatmap.csv"), FramesCsv.heatmapPath(Path.of("frames")));
    }
}
