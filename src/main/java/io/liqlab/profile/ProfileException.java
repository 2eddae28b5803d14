package io.liqlab.profile;

import java.util.List;

/** A profile that cannot be used, with every problem found in it. */
public final class ProfileException extends Exception {
    private final List<ProfileProblem> problems;

    public ProfileException(List<ProfileProblem> problems) {
        super(problems.isEmpty() ? "invalid profile" : problems.getFirst().toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public ProfileException(ProfileProblem problem) {
        this(List.of(problem));
    }

    public List<ProfileProblem> problems() {
        return problems;
    }
}
