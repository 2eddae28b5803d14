package io.liqlab.profile;

/**
 * One thing wrong with a profile file: which file, where in it (a JSON path such as
 * {@code $.tiers[2].maintenanceMarginRate}, or a line and column for a syntax error), and what is allowed.
 * A validation problem is also located structurally, so that an editor can put it on its cell without parsing the
 * path: {@link #tier()} is the index of the tier it is in (-1 when it is not in one tier), and {@link #field()} the
 * field within that tier, or within the profile when it is not in a tier ({@code partialLiquidation.fraction},
 * {@code provenance.sources[1]}; empty for the whole tier or file).
 */
public record ProfileProblem(String file, String path, String message, int tier, String field) {

    /** A problem of the file as a whole or of its syntax (a line and column), not located in the format's structure. */
    public ProfileProblem(String file, String path, String message) {
        this(file, path, message, -1, "");
    }

    /** A file that cannot be read or parsed, as {@link StrictJson} says it. */
    static ProfileProblem of(StrictJson.Failure f) {
        return new ProfileProblem(f.file(), f.path(), f.getMessage());
    }

    /** A problem of {@code field} of the profile (outside the tiers), such as {@code id} or {@code adl.ranking}. */
    public static ProfileProblem ofField(String file, String field, String message) {
        return new ProfileProblem(file, field.isEmpty() ? "$" : "$." + field, message, -1, field);
    }

    /** A problem of {@code field} of the tier at {@code index} (empty: the tier as a whole). */
    public static ProfileProblem ofTier(String file, int index, String field, String message) {
        return new ProfileProblem(file, "$.tiers[" + index + "]" + (field.isEmpty() ? "" : "." + field), message, index, field);
    }

    /** Whether this problem belongs to one field of one tier ({@code tier() >= 0}, {@code field()} not empty). */
    public boolean isTierField() {
        return tier >= 0 && !field.isEmpty();
    }

    @Override
    public String toString() {
        return file + ": " + path + ": " + message;
    }
}
