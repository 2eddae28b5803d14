package io.liqlab.cli;

import io.liqlab.sim.PhaseMap;
import io.liqlab.sim.Scenario;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code simulate --map}: the option's syntax, and the map as CSV or JSON. */
final class MapOption {

    static final String SYNTAX = "P=A:B:N,Q=C:D:M with two of " + Arrays.stream(PhaseMap.Parameter.values())
            .map(PhaseMap.Parameter::key).collect(Collectors.joining(", "))
            + " (e.g. shock=-2:-12:32,depth=0.25:4:32)";

    private MapOption() {
    }

    /** {@code shock=-2:-12:32,depth=0.25:4:32} as its two axes, in the order given. */
    static PhaseMap.Axis[] parse(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            throw new BadInputException("--map: must be " + SYNTAX + ", got '" + value + "'");
        }
        PhaseMap.Axis[] axes = new PhaseMap.Axis[2];
        for (int i = 0; i < 2; i++) {
            axes[i] = axis(parts[i], value);
        }
        if (axes[0].parameter() == axes[1].parameter()) {
            throw new BadInputException("--map: the two axes must be different parameters, both are " + axes[0].parameter().key()
                    + "; must be " + SYNTAX);
        }
        long cells = (long) axes[0].steps() * axes[1].steps();
        if (cells > PhaseMap.MAX_CELLS) {
            throw new BadInputException(String.format(Locale.ROOT, "--map: %d x %d = %,d cells; at most %,d cells (N x M from 1 to %,d)",
                    axes[0].steps(), axes[1].steps(), cells, PhaseMap.MAX_CELLS, PhaseMap.MAX_CELLS));
        }
        return axes;
    }

    private static PhaseMap.Axis axis(String part, String whole) {
        int eq = part.indexOf('=');
        String[] range = eq < 0 ? new String[0] : part.substring(eq + 1).split(":", -1);
        if (eq < 0 || range.length != 3) {
            throw new BadInputException("--map: '" + part.strip() + "' must be NAME=FROM:TO:STEPS; the whole option must be " + SYNTAX
                    + ", got '" + whole + "'");
        }
        String name = part.substring(0, eq);
        PhaseMap.Parameter p = PhaseMap.Parameter.byKey(name).orElseThrow(() -> new BadInputException("--map: unknown parameter '"
                + name.strip() + "'; must be one of " + Arrays.stream(PhaseMap.Parameter.values()).map(PhaseMap.Parameter::key)
                .collect(Collectors.joining(", "))));
        double from = number(p, range[0]);
        double to = number(p, range[1]);
        int steps;
        try {
            long n = Long.parseLong(range[2].strip().replace("_", ""));
            steps = n < 1 ? 0 : (int) Math.min(n, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            steps = -1;
        }
        if (steps < 1 || steps > PhaseMap.MAX_CELLS) {
            throw new BadInputException("--map: " + p.key() + " steps must be a whole number from 1 to "
                    + String.format(Locale.ROOT, "%,d", PhaseMap.MAX_CELLS) + ", got '" + range[2].strip() + "'");
        }
        try {
            return new PhaseMap.Axis(p, from, to, steps);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--map: " + e.getMessage());
        }
    }

    private static double number(PhaseMap.Parameter p, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v) && !text.strip().isEmpty() && !text.strip().matches(".*[a-zA-Z].*")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadInputException("--map: " + p.key() + " must be a number within " + p.range() + ", got '" + text.strip() + "'");
    }

    /**
     * One row per cell, x-major: {@code shock,depth,liquidatedNotional,amplification,maxR,cascade} (the first two
     * columns named after the axes). Money to the cent, the rest to 12 significant digits, empty where undefined.
     */
    static String csv(PhaseMap.Result r) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(r.request().x().parameter().key()).append(',').append(r.request().y().parameter().key())
                .append(",liquidatedNotional,amplification,maxR,cascade").append(nl);
        for (PhaseMap.Cell c : r.cells()) {
            sb.append(decimal(c.x())).append(',').append(decimal(c.y())).append(',').append(cents(c.liquidatedNotional()))
                    .append(',').append(decimal(c.amplification())).append(',').append(decimal(c.maxR())).append(',')
                    .append(c.cascade()).append(nl);
        }
        return sb.toString();
    }

    static ObjectNode json(PhaseMap.Result r) {
        PhaseMap.Request q = r.request();
        Scenario s = q.scenario();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("scenario", s.id());
        o.put("venue", s.venue());
        o.put("positions", s.population().positions());
        o.put("firstSeed", q.firstSeed());
        o.put("lastSeed", q.firstSeed() + q.seeds() - 1);
        o.put("seeds", q.seeds());
        o.put("threads", r.threads());
        for (String axisName : new String[] {"x", "y"}) {
            PhaseMap.Axis a = axisName.equals("x") ? q.x() : q.y();
            ObjectNode ao = o.putObject(axisName);
            ao.put("parameter", a.parameter().key());
            put(ao, "from", JsonNumbers.decimal(a.from()));
            put(ao, "to", JsonNumbers.decimal(a.to()));
            ao.put("steps", a.steps());
        }
        ArrayNode cells = o.putArray("cells");
        for (PhaseMap.Cell c : r.cells()) {
            ObjectNode co = cells.addObject();
            put(co, q.x().parameter().key(), JsonNumbers.decimal(c.x()));
            put(co, q.y().parameter().key(), JsonNumbers.decimal(c.y()));
            put(co, "liquidatedNotional", JsonNumbers.cents(c.liquidatedNotional()));
            put(co, "shockAloneNotional", JsonNumbers.cents(c.shockAloneNotional()));
            put(co, "amplification", JsonNumbers.decimal(c.amplification()));
            put(co, "maxR", JsonNumbers.decimal(c.maxR()));
            co.put("cascade", c.cascade());
        }
        o.put("elapsedMillis", r.elapsedMillis());
        return o;
    }

    private static void put(ObjectNode o, String name, BigDecimal v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static String decimal(double v) {
        BigDecimal d = JsonNumbers.decimal(v);
        return d == null ? "" : d.toPlainString();
    }

    private static String cents(double v) {
        BigDecimal d = JsonNumbers.cents(v);
        return d == null ? "" : d.toPlainString();
    }
}
