package io.liqlab.core.solve;

/**
 * A question with no answer for this position (a target the engine can never reach, a leverage no tier allows):
 * {@link #reason()} says why in one line. Distinct from bad input, which names a field the user must change.
 */
public final class Impossible extends RuntimeException {

    public Impossible(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
