package io.liqlab.cli;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LeverageSweep;
import io.liqlab.core.LeverageSweep.Row;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Numbers;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.profile.VenueProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Liquidation price against leverage, one row per profile and leverage (isolated margin = notional / leverage).")
final class SweepCommand implements Callable<Integer> {
    static final String HEADER = LeverageSweep.CSV_HEADER;
    static final long MAX_ROWS = LeverageSweep.MAX_ROWS;

    @Option(names = "--venue", required = true, paramLabel = "ID[,ID...]", split = ",", description = "Profile ids or files, comma-separated.")
    List<String> venues;
    @Option(names = "--side", required = true, paramLabel = "long|short")
    String side;
    @Option(names = "--entry", required = true, paramLabel = "P", converter = NumberConverter.class)
    Double entry;
    @Option(names = "--notional", paramLabel = "N", converter = NumberConverter.class, description = "Size in quote currency at the entry price.")
    Double notional;
    @Option(names = "--qty", paramLabel = "Q", converter = NumberConverter.class, description = "Size in base units (instead of --notional).")
    Double qty;
    @Option(names = "--from", paramLabel = "X", converter = NumberConverter.class, description = "First leverage (default 1).")
    Double from;
    @Option(names = "--to", paramLabel = "Y", converter = NumberConverter.class, description = "Last leverage (default: each profile's maximum for this size).")
    Double to;
    @Option(names = "--step", paramLabel = "Z", converter = NumberConverter.class, description = "Leverage step (default 1).")
    Double step;
    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv")
    String format;

    private final Cli cli;

    SweepCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        boolean json = Cli.format(format, "csv", "json").equals("json");
        Side s;
        double quantity;
        if (qty == null && notional == null) {
            throw new BadInputException("--notional: is required: the position size in quote currency (or --qty in base units)");
        }
        try {
            s = Side.parse(side);
            // The builder checks entry and size and names the option that is wrong.
            Position.Builder b = Position.builder().side(s).entryPrice(entry).leverage(1);
            if (qty != null) {
                b.quantity(qty);
            }
            if (notional != null) {
                b.notional(notional);
            }
            quantity = b.build().quantity();
        } catch (InvalidInputException e) {
            throw OptionNames.translate(e);
        }
        double first = from == null ? 1 : from;
        double inc = step == null ? 1 : step;
        checkLeverage("--from", first);
        if (to != null) {
            checkLeverage("--to", to);
            if (to < first) {
                throw new BadInputException("--to: must be at least --from (" + Numbers.plain(first) + "), got " + Numbers.plain(to));
            }
        }
        if (!(inc > 0) || !Double.isFinite(inc)) {
            throw new BadInputException("--step: must be a number greater than 0, got " + Numbers.plain(inc));
        }
        if (venues.isEmpty()) {
            throw new BadInputException("--venue: name at least one profile id (see 'profiles list')");
        }
        List<VenueProfile> profiles = new ArrayList<>();
        for (String v : venues) {
            if (v.isBlank()) {
                throw new BadInputException("--venue: empty profile id in the list");
            }
            profiles.add(cli.profile(v.trim()));
        }
        // Count first, so an over-long sweep is refused before anything is written; then stream the rows, one
        // profile at a time, so that any allowed sweep (up to a million rows) runs in a small heap.
        long[] counts = new long[profiles.size()];
        double[] maxima = new double[profiles.size()];
        long total = 0;
        double highest = 0;
        for (int k = 0; k < profiles.size(); k++) {
            VenueProfile p = profiles.get(k);
            double max = LiquidationEngine.maxLeverage(p.rules(), entry, quantity, Double.NaN);
            maxima[k] = max;
            highest = Math.max(highest, Math.min(max, Position.MAX_INPUT_LEVERAGE));
            double last = to != null ? to : Math.min(max, Position.MAX_INPUT_LEVERAGE);
            long points = LeverageSweep.points(first, last, inc);
            if (points < 1) {
                continue;
            }
            if (total + points > MAX_ROWS) {
                throw new BadInputException("--step: the sweep would have more than " + MAX_ROWS + " rows; use a larger step or a narrower range");
            }
            counts[k] = points;
            total += counts[k];
        }
        if (total == 0) {
            // Only without --to: each profile's sweep ends at its maximum, and --from is beyond all of them.
            throw new BadInputException("--from: " + Numbers.plain(first) + " is above the highest leverage "
                    + (profiles.size() == 1 ? "this venue allows" : "these venues allow") + " for this size ("
                    + Numbers.plain(highest) + "); lower it, or give --to to sweep past the maximum");
        }
        PrintWriter out = cli.out();
        RowWriter writer = json ? new JsonRows(cli, out) : new CsvRows(out);
        writer.start();
        for (int k = 0; k < profiles.size(); k++) {
            if (counts[k] > 0) {
                sweep(profiles.get(k), s, entry, quantity, first, inc, counts[k], maxima[k], writer::row);
            }
        }
        writer.end();
        out.flush();
        return 0;
    }

    /** Where the rows go as they are computed. */
    private interface RowWriter {
        void start();

        void row(Row r);

        void end();
    }

    /** Every this many rows, a streaming sweep checks that its output can still be written. */
    private static final int CHECK_EVERY = 4096;

    /** CSV with a header line, one line per row. */
    private static final class CsvRows implements RowWriter {
        private final PrintWriter out;
        private final StringBuilder sb = new StringBuilder(128);
        private long written;

        CsvRows(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start() {
            out.print(HEADER);
            out.print('\n');
        }

        @Override
        public void row(Row r) {
            sb.setLength(0);
            out.append(LeverageSweep.appendCsv(sb, r));
            if (++written % CHECK_EVERY == 0) {
                Cli.checkOutput(out);
            }
        }

        @Override
        public void end() {
        }
    }

    /** One JSON array, written element by element with the same layout as the whole array printed at once. */
    private static final class JsonRows implements RowWriter {
        private final PrintWriter out;
        private final tools.jackson.core.JsonGenerator gen;
        private long written;

        JsonRows(Cli cli, PrintWriter out) {
            this.out = out;
            this.gen = cli.jsonGenerator(out);
        }

        @Override
        public void start() {
            gen.writeStartArray();
        }

        @Override
        public void row(Row r) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("profile", r.profile());
            o.put("leverage", JsonNumbers.round(r.leverage()));
            putNumber(o, "liquidationPrice", r.liquidationPrice());
            putNumber(o, "distancePercent", r.distancePercent());
            if (r.tierAtLiquidation() == 0) {
                o.putNull("tierAtLiquidation");
            } else {
                o.put("tierAtLiquidation", r.tierAtLiquidation());
            }
            o.put("leverageAllowed", r.leverageAllowed());
            gen.writeTree(o);
            if (++written % CHECK_EVERY == 0) {
                gen.flush();
                Cli.checkOutput(out);
            }
        }

        @Override
        public void end() {
            gen.writeEndArray();
            gen.close();
            out.print(System.lineSeparator());
        }
    }

    /** The sweep of one profile: {@link LeverageSweep}, the one implementation the GUI uses too. */
    static void sweep(VenueProfile p, Side side, double entry, double quantity, double first, double inc, long count,
                      double maxLeverage, java.util.function.Consumer<Row> rows) {
        LeverageSweep.sweep(p.id(), p.rules(), side, entry, quantity, first, inc, count, maxLeverage, rows);
    }

    private static void checkLeverage(String option, double v) {
        if (!(v > 0) || v > Position.MAX_INPUT_LEVERAGE) {
            throw new BadInputException(option + ": must be a leverage in (0, " + (int) Position.MAX_INPUT_LEVERAGE + "], got " + Numbers.plain(v));
        }
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, JsonNumbers.round(v));
        }
    }

}
