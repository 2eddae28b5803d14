package io.liqlab.ui.cascade;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playback clock against a fake nanosecond source: elapsed time, not counted frames, moves it. */
class CascadePlaybackClockTest {
    private long now;
    private PlaybackClock clock;

    @BeforeEach
    void clockOverTenMinutesOfOneSecondTicks() {
        now = 1_000_000_000L;
        clock = new PlaybackClock(() -> now);
        clock.reset(601, 1);
    }

    private void advance(double seconds) {
        now += (long) (seconds * 1e9);
    }

    @Test
    void playingMovesByElapsedSecondsTimesSpeedOverTickLength() {
        clock.play();
        advance(2.5);
        assertEquals(2, clock.frame());
        clock.setSpeed(8);
        advance(1);
        assertEquals(10, clock.frame(), "2.5 frames, then 8 more in one second at 8x");
        PlaybackClock halfSecondTicks = new PlaybackClock(() -> now);
        halfSecondTicks.reset(100, 0.5);
        halfSecondTicks.play();
        advance(3);
        assertEquals(6, halfSecondTicks.frame(), "3 s at 1x over 0.5 s ticks");
    }

    @Test
    void theFrameShownDoesNotDependOnHowOftenItIsAsked() {
        PlaybackClock sampledOften = new PlaybackClock(() -> now);
        sampledOften.reset(601, 1);
        sampledOften.setSpeed(4);
        clock.setSpeed(4);
        clock.play();
        sampledOften.play();
        for (int i = 0; i < 600; i++) { // 10 s of 60 Hz frames for one, a single look at the end for the other
            advance(1 / 60.0);
            sampledOften.frame();
        }
        assertEquals(clock.frame(), sampledOften.frame());
        assertEquals(40, clock.frame(), 1);
    }

    @Test
    void pauseHoldsTheFrameWhileTimePasses() {
        clock.play();
        advance(5);
        clock.pause();
        int held = clock.frame();
        advance(30);
        assertEquals(held, clock.frame());
        assertFalse(clock.isPlaying());
        clock.play();
        advance(1);
        assertEquals(held + 1, clock.frame(), "playing resumes from where it paused");
    }

    @Test
    void stepMovesOneTickEitherWayAndPauses() {
        clock.scrub(10);
        clock.play();
        advance(0.4);
        clock.step(1);
        assertEquals(11, clock.frame());
        assertFalse(clock.isPlaying());
        clock.step(-1);
        clock.step(-1);
        assertEquals(9, clock.frame());
        clock.scrub(0);
        clock.step(-1);
        assertEquals(0, clock.frame(), "stops at the start");
        clock.scrub(600);
        clock.step(1);
        assertEquals(600, clock.frame(), "stops at the end");
    }

    @Test
    void scrubShowsTheFrameAskedForAndPlaysOnFromThere() {
        clock.scrub(300);
        assertEquals(300, clock.frame());
        clock.play();
        advance(2);
        clock.scrub(42);
        assertEquals(42, clock.frame());
        advance(3);
        assertEquals(45, clock.frame());
        clock.scrub(5000);
        assertEquals(600, clock.frame(), "clamped to the last frame");
    }

    @Test
    void speedChangesKeepThePosition() {
        clock.play();
        advance(10);
        clock.setSpeed(0.25);
        assertEquals(10, clock.frame());
        advance(4);
        assertEquals(11, clock.frame());
        clock.setSpeed(64);
        advance(1);
        assertEquals(75, clock.frame());
    }

    @Test
    void withoutLoopPlaybackStopsOnTheLastFrameAndPlayStartsOver() {
        clock.setSpeed(64);
        clock.play();
        advance(20);
        assertEquals(600, clock.frame());
        assertFalse(clock.isPlaying());
        clock.play();
        assertEquals(0, clock.frame());
        assertTrue(clock.isPlaying());
    }

    @Test
    void loopStartsOverAfterTheLastFrame() {
        clock.setLoop(true);
        clock.scrub(595);
        clock.play();
        advance(10);
        assertEquals(4, clock.frame(), "595 + 10 wraps over 601 frames");
        assertTrue(clock.isPlaying());
    }

    @Test
    void aNewRunKeepsThePositionClampedToItsLength() {
        clock.scrub(500);
        clock.reset(101, 1);
        assertEquals(100, clock.frame());
        clock.scrub(50);
        clock.reset(601, 1);
        assertEquals(50, clock.frame());
    }
}
