package io.liqlab.cli;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Numbers;
import io.liqlab.core.Position;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.core.account.AccountResult;
import io.liqlab.core.account.PositionResult;
import io.liqlab.core.reconcile.Candidate;
import io.liqlab.core.reconcile.ImportedAccount;
import io.liqlab.core.reconcile.Reconciler;
import io.liqlab.core.reconcile.Reconciliation;
import io.liqlab.core.reconcile.SnapshotCheck;
import io.liqlab.core.reconcile.Step;
import io.liqlab.core.reconcile.VenueDisplay;
import io.liqlab.profile.SnapshotImport;
import io.liqlab.profile.VenueProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code reconcile}: "why doesn't my number match the exchange?". With {@code --shown PRICE} and calc's position
 * options: LiqLab's exact figure, the venue's display of it, each unknown solved for in turn and the most likely
 * cause ({@link Reconciler}). With {@code --snapshot FILE --snapshot-format F}: the account in a venue's own snapshot,
 * LiqLab's figure beside the exchange's per position ({@link SnapshotImport}).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explains a liquidation price the exchange shows that differs from LiqLab's: solves for the margin or wallet,"
                + " the other positions' maintenance, the tier, a fee in the trigger and the venue's display rounding, and ranks them.",
                "  reconcile --shown PRICE [--tick T] <calc's position options: --venue --side --entry --qty|--notional --leverage|--margin ...>",
                "  reconcile --snapshot FILE|- [--snapshot-format hyperliquid-clearinghouse|binance-position-risk|bybit-position-list|okx-positions] [--wallet W] [--format text|json]"})
final class ReconcileCommand implements Callable<Integer> {

    @Option(names = "--shown", paramLabel = "PRICE", converter = NumberConverter.class,
            description = "The liquidation price the exchange shows (1e-12 to 1e12; below the entry and mark for a long, above for a short).")
    Double shown;
    @Option(names = "--tick", paramLabel = "T", converter = NumberConverter.class,
            description = "The market's tick (default: the profile's tickSize; without one, the precision --shown is given with).")
    Double tick;
    @Option(names = "--snapshot", paramLabel = "FILE", description = "A position/account snapshot saved from the venue's API; - reads standard input.")
    String snapshot;
    @Option(names = "--snapshot-format", paramLabel = "FORMAT", description = "Format of --snapshot (default: detected from its shape): hyperliquid-clearinghouse,"
            + " binance-position-risk, bybit-position-list or okx-positions (the last three with --wallet for cross positions).")
    String snapshotFormat;
    @Option(names = "--wallet", paramLabel = "W",
            description = "Cross: the wallet balance (with --shown as in calc; with a position list, which holds none: 0 to 1e15).")
    String walletText;
    Double wallet;
    @Unmatched
    List<String> rest = new ArrayList<>();

    private final Cli cli;

    ReconcileCommand(Cli cli) {
        this.cli = cli;
    }

    /** calc's position options, parsed from what {@code reconcile} does not take itself. */
    @Command(name = "reconcile")
    static final class PositionArgs {
        @Mixin
        PositionOptions position;
    }

    @Command(name = "reconcile")
    static final class SnapshotArgs {
        @Option(names = "--format", defaultValue = "text")
        String format;
    }

    @Override
    public Integer call() {
        if ((shown == null) == (snapshot == null)) {
            throw new BadInputException(shown == null ? "--shown: give --shown PRICE with calc's position options, or --snapshot FILE --snapshot-format "
                    + String.join("|", SnapshotImport.FORMATS)
                    : "--snapshot: give --shown PRICE or --snapshot FILE, not both");
        }
        return snapshot != null ? snapshot() : shown();
    }

    private static <T> T parse(T holder, List<String> args) {
        try {
            new CommandLine(holder).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException(e.getMessage() + Cli.allowedRange(e));
        }
        return holder;
    }

    // ---- --shown ---------------------------------------------------------------------------------------------------

    private int shown() {
        if (snapshotFormat != null) {
            throw new BadInputException("--snapshot-format: goes with --snapshot FILE, not with --shown");
        }
        if (walletText != null) {
            rest.add("--wallet");
            rest.add(walletText);
        }
        PositionOptions options = parse(new PositionArgs(), rest).position;
        boolean json = options.json();
        VenueProfile profile = cli.profile(options.venue);
        Position p = options.build(profile, null, null);
        double t = tick != null ? tick : profile.listing().tickSize();
        Reconciliation r;
        try {
            r = new Reconciler(new LiquidationEngine()).reconcile(profile.rules(), p, shown, profile.listing().venueRules(), t);
        } catch (InvalidInputException e) {
            if (e.field().equals("shown") || e.field().equals("tick")) {
                throw new BadInputException("--" + e.field() + ": " + e.problem());
            }
            throw SolveCommand.translate(e);
        }
        PrintWriter out = cli.out();
        out.print(json ? cli.json(json(profile, r)) : text(profile, options, r));
        out.flush();
        return 0;
    }

    static String text(VenueProfile profile, PositionOptions options, Reconciliation r) {
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder();
        s.append(profile.name()).append(" - ").append(options.side.strip().toLowerCase(Locale.ROOT)).append(", ")
                .append(options.mode.strip().toLowerCase(Locale.ROOT)).append(": reconcile with the exchange's ").append(Numbers.price(r.shown())).append(nl);
        s.append("LiqLab (exact):       ").append(SolveCommand.price(r.exactPrice())).append(nl);
        s.append("The venue displays:   ").append(SolveCommand.price(r.exactAsDisplayed())).append("  (").append(r.displayRule().words())
                .append(Double.isNaN(r.tick()) ? ", no tick known" : ", tick " + Numbers.plain(r.tick())).append(')').append(nl);
        double bankruptcy = r.exact().bankruptcyPrice();
        if (!Double.isNaN(bankruptcy)) {
            s.append("Bankruptcy price:     ").append(Numbers.price(bankruptcy)).append(", the venue displays ")
                    .append(Numbers.price(VenueDisplay.shown(r.displayRule(), bankruptcy, r.exact().position().side(), r.tick()))).append(nl);
        }
        s.append("The exchange shows:   ").append(Numbers.price(r.shown()));
        if (!Double.isNaN(r.exactPrice())) {
            s.append("  (").append(signed(r.shown() - r.exactPrice())).append(" from LiqLab's)");
        }
        s.append(nl).append("Unknowns solved for, most likely first (a match is within ").append(Numbers.plain(r.tolerance())).append("):").append(nl);
        int i = 1;
        for (Candidate c : r.ranked()) {
            s.append(String.format(Locale.ROOT, "  %d. %-29s %-3s needs %s (LiqLab used %s): %s", i++, c.unknown().words(), c.plausible() ? "yes" : "no",
                    value(c, c.needed()), value(c, c.current()), c.why())).append(nl);
        }
        s.append("Most likely: ").append(r.mostLikely()).append(nl);
        s.append("Steps:").append(nl);
        int n = 1;
        for (Step step : r.steps()) {
            s.append(String.format(Locale.ROOT, "  %d. %s", n++, step.text()));
            if (step.plausibility() != Step.Plausibility.NOT_APPLICABLE) {
                s.append(" Plausibility: ").append(step.plausibility().words()).append('.');
            }
            s.append(nl);
        }
        return s.toString();
    }

    static String value(Candidate c, double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return switch (c.unknown()) {
            case DISPLAY -> Numbers.price(v);
            case TIER -> "tier " + (int) v;
            case FEE -> Numbers.percentOf(v);
            case MARGIN, WALLET, OTHER_MAINTENANCE -> Numbers.money(v);
        };
    }

    static ObjectNode json(VenueProfile profile, Reconciliation r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("profile", profile.id());
        put(o, "shown", r.shown());
        put(o, "liquidationPrice", r.exactPrice());
        put(o, "venueDisplays", r.exactAsDisplayed());
        put(o, "bankruptcyPrice", r.exact().bankruptcyPrice());
        put(o, "bankruptcyVenueDisplays", VenueDisplay.shown(r.displayRule(), r.exact().bankruptcyPrice(), r.exact().position().side(), r.tick()));
        o.put("displayRule", r.displayRule().id());
        put(o, "tick", r.tick());
        put(o, "tolerance", r.tolerance());
        ArrayNode list = o.putArray("candidates");
        for (Candidate c : r.ranked()) {
            ObjectNode n = list.addObject();
            n.put("unknown", c.unknown().id());
            put(n, "current", c.current());
            put(n, "needed", c.needed());
            n.put("plausible", c.plausible());
            put(n, "residual", c.residual());
            put(n, "liquidationPrice", c.liquidation());
            n.put("why", c.why());
        }
        o.put("mostLikely", r.mostLikely());
        ArrayNode steps = o.putArray("steps");
        int n = 1;
        for (Step step : r.steps()) {
            ObjectNode t = steps.addObject();
            t.put("step", n++);
            t.put("kind", step.kind().id());
            if (step.unknown() == null) {
                t.putNull("unknown");
            } else {
                t.put("unknown", step.unknown().id());
            }
            put(t, "value", step.value());
            put(t, "liquidationPrice", step.liquidation());
            if (step.plausibility() == Step.Plausibility.NOT_APPLICABLE) {
                t.putNull("plausibility");
            } else {
                t.put("plausibility", step.plausibility().id());
            }
            t.put("text", step.text());
        }
        return o;
    }

    private static void put(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, JsonNumbers.round(v));
        }
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "-") + Numbers.price(Math.abs(v));
    }

    // ---- --snapshot ------------------------------------------------------------------------------------------------

    private int snapshot() {
        if (tick != null) {
            throw new BadInputException("--tick: goes with --shown, not with --snapshot");
        }
        String format = snapshotFormat == null ? null : snapshotFormat.strip().toLowerCase(Locale.ROOT);
        if (format != null && !format.equals("auto") && !SnapshotImport.FORMATS.contains(format)) {
            throw new BadInputException("--snapshot-format: must be " + String.join(" or ", SnapshotImport.FORMATS) + " (or auto), got '" + snapshotFormat + "'");
        }
        if (walletText != null) {
            try {
                wallet = Double.parseDouble(walletText.strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--wallet: must be a number from 0 to 1e15, got '" + walletText + "'");
            }
        }
        if ("binance-position-risk".equals(format) && wallet == null) {
            throw new BadInputException("--wallet: is required with binance-position-risk (positionRisk holds no wallet balance): a number 0 or more");
        }
        if ("hyperliquid-clearinghouse".equals(format) && wallet != null) {
            throw new BadInputException("--wallet: not with hyperliquid-clearinghouse (it holds the account's own figures); only with a position list:"
                    + " binance-position-risk, bybit-position-list or okx-positions");
        }
        if (wallet != null && !(wallet >= 0 && wallet <= 1e15)) {
            throw new BadInputException("--wallet: must be from 0 to 1e15, got " + Numbers.plain(wallet));
        }
        boolean json = Cli.format(parse(new SnapshotArgs(), rest).format, "text", "json").equals("json");
        ImportedAccount imported;
        AccountResult r;
        double w = wallet == null ? Double.NaN : wallet;
        try {
            if (snapshot.equals("-")) {
                byte[] bytes = readStandardInput();
                imported = SnapshotImport.read("standard input", new String(bytes, java.nio.charset.StandardCharsets.UTF_8), format, cli.catalog(), w);
            } else {
                imported = SnapshotImport.read(Path.of(snapshot), format, cli.catalog(), w);
            }
            if (wallet != null && !SnapshotImport.holdsNoWallet(imported.source())) {
                throw new BadInputException("--wallet: not with " + imported.source() + " (it holds the account's own figures)");
            }
            r = imported.account() == null ? null : new AccountEngine().calculate(imported.account());
        } catch (InvalidInputException e) {
            if (e.field().equals("wallet")) {
                throw new BadInputException("--wallet: " + e.problem());
            }
            throw new BadInputException("--snapshot: " + (snapshot.equals("-") ? "standard input" : snapshot) + ": " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadInputException("--snapshot: not a usable path: " + e.getMessage());
        }
        List<SnapshotCheck.Row> rows = SnapshotCheck.rows(imported, r, new LiquidationEngine());
        PrintWriter out = cli.out();
        if (json) {
            ObjectNode o = r == null ? JsonNodeFactory.instance.objectNode() : AccountCommand.toJson(r);
            o.put("snapshotFormat", imported.source());
            put(o, "exchangeMaintenance", imported.exchangeMaintenance());
            ArrayNode list = o.putArray("exchange");
            for (SnapshotCheck.Row row : rows) {
                ObjectNode n = list.addObject();
                n.put("market", row.market());
                n.put("side", row.side().id());
                n.put("mode", row.mode().name().toLowerCase(Locale.ROOT));
                put(n, "quantity", row.quantity());
                put(n, "liquidationPrice", row.liquidation());
                put(n, "liquidationVenueDisplays", row.liquidationDisplayed());
                put(n, "exchangeLiquidationPrice", row.exchange().liquidation());
                n.put("liquidationVerdict", id(row.liquidationVerdict()));
                put(n, "bankruptcyPrice", row.bankruptcy());
                put(n, "bankruptcyVenueDisplays", row.bankruptcyDisplayed());
                put(n, "exchangeBankruptcyPrice", row.exchange().bankruptcy());
                n.put("bankruptcyVerdict", id(row.bankruptcyVerdict()));
                put(n, "tick", row.exchange().tick());
            }
            imported.notes().forEach(o.putArray("importNotes")::add);
            out.print(cli.json(o));
        } else {
            if (r != null) {
                out.print(AccountCommand.text(r));
            }
            out.print(comparison(imported, rows, r));
        }
        out.flush();
        return 0;
    }

    private byte[] readStandardInput() {
        try {
            byte[] bytes = cli.in().readNBytes((int) io.liqlab.profile.StrictJson.MAX_FILE_BYTES + 1);
            if (bytes.length > io.liqlab.profile.StrictJson.MAX_FILE_BYTES) {
                throw new BadInputException("--snapshot: standard input is larger than " + io.liqlab.profile.StrictJson.MAX_FILE_BYTES + " bytes; a snapshot is smaller");
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new BadInputException("--snapshot: standard input could not be read: " + e.getMessage());
        }
    }

    private static String id(SnapshotCheck.Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String comparison(ImportedAccount imported, List<SnapshotCheck.Row> rows, AccountResult cross) {
        String nl = System.lineSeparator();
        VenueDisplay.Rule rule = VenueDisplay.ruleFor(imported.venueRulesId());
        StringBuilder s = new StringBuilder("LiqLab vs the exchange (" + imported.source() + "):" + nl);
        for (SnapshotCheck.Row row : rows) {
            double mine = row.liquidation();
            double theirs = row.exchange().liquidation();
            s.append("  ").append(row.market()).append(' ').append(row.side().id()).append(' ').append(Numbers.quantity(row.quantity()));
            if (row.mode() == io.liqlab.core.MarginMode.ISOLATED) {
                s.append(" (isolated)");
            }
            s.append(": LiqLab ").append(SolveCommand.price(mine));
            if (rule != VenueDisplay.Rule.EXACT && !Double.isNaN(mine) && row.exchange().tick() > 0) {
                s.append(" (the venue displays ").append(Numbers.price(row.liquidationDisplayed())).append(')');
            }
            s.append(", exchange ");
            if (Double.isNaN(theirs)) {
                s.append("sends none: LiqLab's figure is the one to watch");
            } else {
                s.append(Numbers.price(theirs));
                switch (row.liquidationVerdict()) {
                    case AGREES_AS_DISPLAYED -> s.append(": agrees (display rounding only)");
                    case AGREES -> s.append(": agrees");
                    case LIQLAB_NONE -> s.append(": LiqLab finds none for these figures");
                    default -> s.append(" (").append(signed(theirs - mine)).append(", ").append(Numbers.percentOf((theirs - mine) / mine))
                            .append("; ask why with reconcile --shown ").append(Numbers.plain(theirs)).append(')');
                }
            }
            s.append(nl);
            if (!Double.isNaN(row.exchange().bankruptcy())) {
                s.append("    bankruptcy: LiqLab ").append(SolveCommand.price(row.bankruptcy()));
                if (rule != VenueDisplay.Rule.EXACT && !Double.isNaN(row.bankruptcy()) && row.exchange().tick() > 0) {
                    s.append(" (the venue displays ").append(Numbers.price(row.bankruptcyDisplayed())).append(')');
                }
                s.append(", exchange ").append(Numbers.price(row.exchange().bankruptcy())).append(": ").append(switch (row.bankruptcyVerdict()) {
                    case AGREES_AS_DISPLAYED -> "agrees (display rounding only)";
                    case AGREES -> "agrees";
                    case LIQLAB_NONE -> "LiqLab finds none";
                    default -> "differs by " + signed(row.exchange().bankruptcy() - row.bankruptcy());
                }).append(nl);
            }
        }
        if (!Double.isNaN(imported.exchangeMaintenance()) && imported.account() != null) {
            double mine = cross.maintenance();
            s.append("  maintenance: LiqLab ").append(Numbers.money(mine)).append(", exchange ")
                    .append(Numbers.money(imported.exchangeMaintenance())).append(nl);
        }
        for (String n : imported.notes()) {
            s.append("  note: ").append(n).append(nl);
        }
        return s.toString();
    }
}
