package io.liqlab.ui;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profile's data age against a fixed clock. */
class DataAgeTest {
    private static Clock on(String date) {
        return Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void binancesTableIsTwoYearsOldInDecember2026() {
        Clock clock = on("2026-12-07");
        assertEquals("Data as of 2024-10-24 (2 years old)", DataAge.text("2024-10-24", clock));
        assertTrue(DataAge.isOld("2024-10-24", clock));
    }

    @Test
    void daysThenMonthsThenYears() {
        assertEquals("Data as of 2026-12-07 (today)", DataAge.text("2026-12-07", on("2026-12-07")));
        assertEquals("Data as of 2026-12-06 (1 day old)", DataAge.text("2026-12-06", on("2026-12-07")));
        assertEquals("Data as of 2026-11-07 (30 days old)", DataAge.text("2026-11-07", on("2026-12-07")));
        assertEquals("Data as of 2026-07-01 (5 months old)", DataAge.text("2026-07-01", on("2026-12-07")));
        assertEquals("Data as of 2021 (5 years old)", DataAge.text("2021", on("2026-12-07")));
    }

    @Test
    void oldMeansMoreThanThirtyDays() {
        assertFalse(DataAge.isOld("2026-11-07", on("2026-12-07")), "30 days");
        assertTrue(DataAge.isOld("2026-11-06", on("2026-12-07")), "31 days");
        assertFalse(DataAge.isOld("not a date", on("2026-12-07")));
        assertEquals("Data as of not a date", DataAge.text("not a date", on("2026-12-07")));
    }
}
