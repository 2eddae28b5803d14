package io.liqlab.core;

/**
 * Input that the engine cannot compute with. {@link #field()} names the input (as the model calls it, for
 * example {@code entryPrice}); the message says what is allowed. Front ends translate the field name into
 * their own (a CLI option, a form field).
 */
public final class InvalidInputException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** The message without the field name: "must be greater than 0, got -5". */
    public String problem() {
        return problem;
    }
}
