package io.liqlab.sim;

/** Opens the engine's once-per-JVM warm-up flag to tests elsewhere (the warm-up is scheduled by the window). */
public final class WarmUps {
    private WarmUps() {
    }

    /** As if no warm-up had run in this JVM yet. */
    public static void forget() {
        Simulator.forgetWarmUp();
    }
}
