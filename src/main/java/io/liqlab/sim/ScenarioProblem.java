package io.liqlab.sim;

/**
 * One thing wrong with a scenario file: which file, where in it (a JSON path such as
 * {@code $.population.leverage[2].weight}, or a line and column for a syntax error), and what is allowed.
 * A problem that is about no file in particular (an unknown scenario name) has an empty file and path.
 */
public record ScenarioProblem(String file, String path, String message) {
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (file != null && !file.isEmpty()) {
            s.append(file).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
