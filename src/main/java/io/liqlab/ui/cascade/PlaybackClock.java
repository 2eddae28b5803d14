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
        anchor(Math.min(at, frames - 1), now);
    }

    public boolean isPlaying() {
        return playing;
    }

    /** Plays from where it is; from the start when it stands on the last frame. */
    public void play() {
        long now = nanos.getAsLong();
        double at = position(now);
        if (at >= frames - 1) {
            at = 0;
        }
        anchor(at, now);
        playing = frames > 1;
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
        if (playing && !loop && at >= frames - 1) {
            playing = false;
            anchor(frames - 1, now);
            at = frames - 1;
        }
        return (int) Math.floor(at + 1e-9);
    }

    private double position(long now) {
        if (!playing) {
            return anchorFrame;
        }
        double at = anchorFrame + (now - anchorNanos) / 1e9 * speed / tickSeconds;
        if (loop) {
            // The last frame is shown for one tick like the others before the run starts over.
            at %= frames;
        }
        return Math.min(at, frames - 1);
    }

    private void anchor(double frame, long now) {
        anchorFrame = frame;
        anchorNanos = now;
    }

    private double clamp(double frame) {
        return Math.max(0, Math.min(frames - 1, frame));
    }
}
