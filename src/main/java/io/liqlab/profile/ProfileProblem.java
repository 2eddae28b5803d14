package io.liqlab.profile;

/**
 * One thing wrong with a profile file: which file, where in it (a JSON path such as
 * {@code $.tiers[2].maintenanceMarginRate}, or a line and column for a syntax error), and what is allowed.
 */
public record ProfileProblem(String file, String path, String message) {
    @Override
    public String toString() {
        return file + ": " + path + ": " + message;
    }
}
