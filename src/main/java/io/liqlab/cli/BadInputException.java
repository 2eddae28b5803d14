package io.liqlab.cli;

/** Input the command line refuses: exit code 2 and {@link #getMessage()} as the one line on stderr. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
