package io.liqlab.ui.cascade;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log's time stamps: mm:ss to the nearest second, h:mm:ss from an hour on, never negative. */
class EventLogClockTest {

    @Test
    void minutesAndSecondsUnderAnHourThenHours() {
        assertEquals("00:00", EventLog.clock(0));
        assertEquals("00:00", EventLog.clock(-5), "before the start reads as the start");
        assertEquals("00:01", EventLog.clock(0.5), "to the nearest second, half up");
        assertEquals("01:00", EventLog.clock(59.5));
        assertEquals("09:59", EventLog.clock(599.4));
        assertEquals("59:59", EventLog.clock(3599));
        assertEquals("1:00:00", EventLog.clock(3599.5));
        assertEquals("1:01:05", EventLog.clock(3665));
        assertEquals("10:00:00", EventLog.clock(36_000));
        assertEquals("2777:46:40", EventLog.clock(1e7));
    }
}
