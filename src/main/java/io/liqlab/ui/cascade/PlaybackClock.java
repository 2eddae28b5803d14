package io.liqlab.ui.cascade;

import java.util.function.LongSupplier;

/**
 * Where playback is, from elapsed time rather than counted frames: the position is the frame at the last anchor
 * (play, pause, scrub, a speed change) plus elapsed seconds x speed / tick length, so a slow or dropped screen
 * frame never slows the simulated clock down. Pure Java with an injected nanosecond source, so tests drive it
 * with a fake one.
 */
public final class PlaybackClock {

    /** The speeds offered: simulated seconds per real second. */
    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};

    private final LongSupplier nanos;
    private int frames = 1;
    private double tickSeconds = 1;
    private double speed = 1;
    private boolean playing;
    private boolean loop;
    /** The frames playback plays through (the charts' visible time range); the whole run unless set. */
    private int rangeLo;
    private int rangeHi;
    private boolean rangeSet;
    /** Fractional frame at {@link #anchorNanos}. */
    private double anchorFrame;
    private long anchorNanos;

    public PlaybackClock(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * A new run to play: keeps the position (clamped to the new run's length) and whether it plays, so a what-if
     * re-run switches in at the same moment of the story.
     */
    public void reset(int frameCount, double secondsPerTick) {
        if (frameCount < 1 || !(secondsPerTick > 0)) {
            throw new IllegalArgumentException("frames " + frameCount + ", tick " + secondsPerTick);
        }
        long now = nanos.getAsLong();
        double at = position(now);
        frames = frameCount;
        tickSeconds = secondsPerTick;
        rangeLo = rangeSet ? Math.min(rangeLo, frames - 1) : 0;
        rangeHi = rangeSet ? Math.min(rangeHi, frames - 1) : frames - 1;
        anchor(Math.min(at, frames - 1), now);
    }

    /**
     * Plays through frames {@code lo..hi} only (the visible part of the run): Play at or past {@code hi} starts over
     * at {@code lo}, playing stops at {@code hi} and a loop starts over at {@code lo}. Started after {@code hi},
     * it plays on to the run's end. Scrubbing and stepping still reach every frame.
     */
    public void setRange(int lo, int hi) {
        long now = nanos.getAsLong();
        double at = position(now);
        rangeLo = (int) clamp(Math.min(lo, hi));
        rangeHi = (int) clamp(Math.max(lo, hi));
        rangeSet = true;
        anchor(at, now);
    }

    public boolean isPlaying() {
        return playing;
    }

    /** Plays from where it is; from the start when it stands on the last frame. */
    public void play() {
        long now = nanos.getAsLong();
        double at = position(now);
        if (at >= end(at) - 1e-9) {
            at = rangeLo;
        }
        anchor(at, now);
        playing = frames > 1 && end(at) > at;
    }

    public void pause() {
        long now = nanos.getAsLong();
        anchor(position(now), now);
        playing = false;
    }

    /** Pauses and moves {@code delta} whole frames (negative: back), stopping at either end. */
    public void step(int delta) {
        long now = nanos.getAsLong();
        double at = Math.floor(position(now) + 1e-9) + delta;
        playing = false;
        anchor(clamp(at), now);
    }

    /** Jumps to {@code frame}, playing on from there if it was playing. */
    public void scrub(int frame) {
        anchor(clamp(frame), nanos.getAsLong());
    }

    /** Simulated seconds per real second, from 0.25 to 64. */
    public void setSpeed(double newSpeed) {
        if (!(newSpeed > 0) || Double.isInfinite(newSpeed)) {
            throw new IllegalArgumentException("speed must be positive, was " + newSpeed);
        }
        long now = nanos.getAsLong();
        anchor(position(now), now);
        speed = newSpeed;
    }

    /** Whether playback starts over after the last frame instead of stopping there. */
    public void setLoop(boolean on) {
        long now = nanos.getAsLong();
        anchor(position(now), now);
        loop = on;
    }

    /** The frame to show now. Reaching the end without loop pauses on the last frame. */
    public int frame() {
        return frameAt(nanos.getAsLong());
    }

    /** The frame to show at {@code now} (nanoseconds from the same source). */
    public int frameAt(long now) {
        double at = position(now);
        int end = end(anchorFrame);
        if (playing && !loop && at >= end) {
            playing = false;
            anchor(end, now);
            at = end;
        }
        return (int) Math.floor(at + 1e-9);
    }

    private double position(long now) {
        if (!playing) {
            return anchorFrame;
        }
        double at = anchorFrame + (now - anchorNanos) / 1e9 * speed / tickSeconds;
        int end = end(anchorFrame);
        if (loop && at >= end + 1) {
            // The last frame is shown for one tick like the others before the range starts over.
            int start = Math.min(rangeLo, end);
            at = start + (at - end - 1) % (end - start + 1);
        }
        return Math.min(at, end);
    }

    /** Where playing from {@code from} stops: the range's end, or the run's when it starts past the range. */
    private int end(double from) {
        return from <= rangeHi + 1e-9 ? rangeHi : frames - 1;
    }

    private void anchor(double frame, long now) {
        anchorFrame = frame;
        anchorNanos = now;
    }

    private double clamp(double frame) {
        return Math.max(0, Math.min(frames - 1, frame));
    }
}
