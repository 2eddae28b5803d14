package io.liqlab.cli;

import io.liqlab.core.Numbers;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.profile.AtomicFiles;
import io.liqlab.profile.ProfileException;
import io.liqlab.profile.ProfileIds;
import io.liqlab.profile.ProfileProblem;
import io.liqlab.profile.ProfileWriter;
import io.liqlab.profile.Provenance;
import io.liqlab.profile.UserDirectories;
import io.liqlab.profile.VenueImport;
import io.liqlab.profile.VenueProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List, show and validate venue profiles.",
        subcommands = {ProfilesCommand.ListCommand.class, ProfilesCommand.ShowCommand.class, ProfilesCommand.ValidateCommand.class,
                ProfilesCommand.ImportCommand.class, ProfilesCommand.UpdateCommand.class, ProfilesCommand.MarkCommand.class})
final class ProfilesCommand implements Callable<Integer> {
    private final Cli cli;

    ProfilesCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        throw new BadInputException("profiles: name a subcommand: list, show ID, validate FILE..., import --format F FILE..., update [--venue V]... or mark ID");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The shipped and user profiles, with their data dates and confidence.")
    static final class ListCommand implements Callable<Integer> {
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
        String format;
        private final Cli cli;

        ListCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            boolean json = Cli.format(format, "text", "json").equals("json");
            List<VenueProfile> profiles = cli.catalog().allProfiles();
            PrintWriter out = cli.out();
            if (json) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (VenueProfile p : profiles) {
                    ObjectNode o = array.addObject();
                    o.put("id", p.id());
                    o.put("name", p.name());
                    o.put("venue", p.venue());
                    o.put("ruleFamily", p.rules().family().id());
                    o.put("tiers", p.rules().tiers().size());
                    o.put("asOf", p.provenance().asOf());
                    o.put("confidence", p.provenance().confidence());
                    o.put("standInData", p.hasStandIns());
                    if (p.isPartial()) {
                        o.put("partialSchedule", p.rules().tiers().partialNote());
                    }
                    o.put("origin", p.origin().kind().name().toLowerCase(Locale.ROOT));
                    o.put("location", p.origin().location());
                }
                out.print(cli.json(array));
            } else {
                String fmt = "%-22s %-24s %-36s %5s  %-28s %-10s %s%n";
                out.printf(Locale.ROOT, fmt, "ID", "NAME", "RULE FAMILY", "TIERS", "DATA AS OF", "CONFIDENCE", "NOTES");
                for (VenueProfile p : profiles) {
                    List<String> said = new java.util.ArrayList<>();
                    if (p.hasStandIns()) {
                        said.add("stand-in data");
                    }
                    if (p.isPartial()) {
                        said.add(p.rules().tiers().partialNote());
                    }
                    if (p.origin().kind() == VenueProfile.Origin.Kind.USER) {
                        said.add("user profile");
                    }
                    String notes = String.join("; ", said);
                    out.printf(Locale.ROOT, fmt, p.id(), p.name(), p.rules().family().id(), p.rules().tiers().size(),
                            p.provenance().asOf(), p.provenance().confidence(), notes);
                }
            }
            out.flush();
            for (ProfileProblem problem : cli.catalog().problems()) {
                cli.err().println("warning: not loaded: " + problem);
            }
            cli.err().flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One profile: rules, tiers and provenance.")
    static final class ShowCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID|FILE")
        String id;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
        String format;
        private final Cli cli;

        ShowCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            boolean json = Cli.format(format, "text", "json").equals("json");
            VenueProfile p = cli.profile(id, "ID|FILE");
            PrintWriter out = cli.out();
            out.print(json ? new ProfileWriter().toJson(p) : text(p));
            out.flush();
            return 0;
        }

        static String text(VenueProfile p) {
            StringBuilder sb = new StringBuilder();
            String nl = System.lineSeparator();
            sb.append(p.name()).append("  [").append(p.id()).append("]").append(nl);
            line(sb, "Venue", p.venue() + (p.market().isEmpty() ? "" : ", " + p.market()));
            line(sb, "Rule family", p.rules().family().id() + ": " + p.rules().family().summary());
            if (p.rules().family() instanceof RuleFamily.FeeInTrigger f) {
                line(sb, "Fee in trigger", Numbers.percentOf(f.takerFee()) + ", contract value " + Numbers.quantity(f.contractValue()));
            }
            line(sb, "Liquidation fee", Numbers.percentOf(p.rules().liquidationFeeRate()));
            line(sb, "Partial liq.", p.rules().partialLiquidation().id() + (p.text().partialLiquidation().isEmpty() ? "" : ": " + p.text().partialLiquidation()));
            line(sb, "Backstop", p.rules().hasBackstop() ? "equity below " + Numbers.quantity(JsonNumbers.round(p.rules().backstop().equityFraction()))
                    + " x MM: " + p.rules().backstop().taker() : "none");
            line(sb, "ADL", p.rules().adl().ranking().id() + ", at the " + p.rules().adl().closePrice().id() + " price");
            if (!p.text().markPrice().isEmpty()) {
                line(sb, "Mark price", p.text().markPrice());
            }
            sb.append(nl);
            boolean contracts = p.rules().tiers().basis() == TierSchedule.Basis.CONTRACTS;
            String unit = contracts ? "contracts" : "notional";
            sb.append(String.format(Locale.ROOT, "  %4s  %16s  %16s  %9s  %8s  %16s%n", "TIER", unit + " >", unit + " <=", "MAX LEV", "MMR", "AMOUNT"));
            for (int i = 0; i < p.rules().tiers().size(); i++) {
                Tier t = p.rules().tiers().tier(i);
                sb.append(String.format(Locale.ROOT, "  %4d  %16s  %16s  %9s  %8s  %16s%n", t.number(), Numbers.bound(t.floor()),
                        t.isUnbounded() ? "unbounded" : Numbers.bound(t.cap()), Numbers.leverage(t.maxLeverage()),
                        Numbers.percentOf(t.maintenanceMarginRate()), contracts ? "-" : Numbers.money(t.maintenanceAmount())
                                + (p.amountSources().get(i) == VenueProfile.AmountSource.DERIVED ? " (derived)" : "")));
            }
            if (p.isPartial()) {
                line(sb, "Partial table", p.rules().tiers().partialNote() + ": sizes beyond the last tier shown are refused, not extrapolated");
            }
            sb.append(nl);
            Provenance prov = p.provenance();
            line(sb, "Data as of", prov.asOf() + (prov.asOfNote().isEmpty() ? "" : " (" + prov.asOfNote() + ")"));
            line(sb, "Confidence", prov.confidence() + (prov.confidenceNote().isEmpty() ? "" : " (" + prov.confidenceNote() + ")"));
            for (String s : prov.sources()) {
                line(sb, "Source", s);
            }
            for (Provenance.StandIn s : prov.standIns()) {
                line(sb, "STAND-IN", s.values() + ": " + s.note());
            }
            line(sb, "Loaded from", p.origin().kind().name().toLowerCase(Locale.ROOT) + ": " + p.origin().location());
            return sb.toString();
        }

        private static void line(StringBuilder sb, String label, String value) {
            sb.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check profile files; prints every problem with its file and JSON path. Exit 2 if any file is invalid.")
    static final class ValidateCommand implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;
        private final Cli cli;

        ValidateCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            int bad = 0;
            for (Path file : files) {
                try {
                    VenueProfile p = cli.catalog().reader().read(file, VenueProfile.Origin.Kind.FILE);
                    cli.out().println("ok: " + file + " (" + p.id() + ", " + p.rules().tiers().size() + " tiers"
                            + (p.hasStandIns() ? ", stand-in data" : "") + ")");
                } catch (ProfileException e) {
                    bad++;
                    for (ProfileProblem problem : e.problems()) {
                        cli.err().println(problem);
                    }
                }
            }
            cli.out().flush();
            cli.err().flush();
            return bad == 0 ? 0 : Cli.EXIT_BAD_INPUT;
        }
    }

    /** One imported or fetched market as import and update list it: id, symbol, tiers, highest leverage, date. */
    static String marketLine(VenueImport.Market m) {
        VenueProfile p = m.profile();
        double max = 0;
        for (Tier t : p.rules().tiers().tiers()) {
            max = Math.max(max, t.maxLeverage());
        }
        int tiers = p.rules().tiers().size();
        return String.format(Locale.ROOT, "%-26s %-18s %3d tier%s  max %sx  as of %s", m.id(), m.symbol(), tiers,
                tiers == 1 ? " " : "s", Numbers.plain(max), p.provenance().asOf());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a venue's tier response (raw, or freqtrade's ccxt cache): one profile per linear perpetual market, written atomically.")
    static final class ImportCommand implements Callable<Integer> {
        @Option(names = "--format", required = true, paramLabel = "binance-leverage-bracket|bybit-risk-limit|okx-position-tiers|hyperliquid-meta|dydx-perpetual-markets")
        String format;
        @Option(names = "--instruments", paramLabel = "FILE", description = "OKX only: the instruments response giving each swap's contract value (ctVal).")
        Path instruments;
        @Option(names = "--into", paramLabel = "DIR", description = "Write here instead of the user's profile folder.")
        Path into;
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;
        private final Cli cli;

        ImportCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            VenueImport.Format f = VenueImport.Format.byId(format);
            if (f == null) {
                throw new BadInputException("--format: must be one of " + VenueImport.Format.ids() + ", got '" + format + "'");
            }
            if (instruments != null && f != VenueImport.Format.OKX_POSITION_TIERS) {
                throw new BadInputException("--instruments: applies to --format okx-position-tiers only");
            }
            byte[] inst = instruments == null ? null : bytes(instruments, "--instruments");
            Path dir = into != null ? into : UserDirectories.userProfilesDir();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("--into: " + dir + " is a file, not a folder");
            }
            VenueImport importer = new VenueImport(cli.catalog().reader());
            List<VenueImport.Market> all = new java.util.ArrayList<>();
            List<String> problems = new java.util.ArrayList<>();
            for (Path file : files) {
                byte[] body = bytes(file, file.toString());
                String date;
                try {
                    date = Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
                } catch (IOException e) {
                    date = "undated";
                }
                try {
                    VenueImport.Result r = importer.read(f, file.getFileName().toString(), body, inst, date);
                    for (VenueImport.Market m : r.markets()) {
                        if (all.removeIf(earlier -> earlier.id().equals(m.id()))) {
                            problems.add(file + ": " + m.id() + " replaces the one from an earlier file (the last file given wins)");
                        }
                        all.add(m);
                    }
                    r.problems().forEach(p -> problems.add(file + ": " + p));
                } catch (VenueImport.NotThisFormat e) {
                    throw new BadInputException((e.getMessage().startsWith("--instruments") ? instruments + " " : file + ": ") + e.getMessage());
                }
            }
            PrintWriter out = cli.out();
            try {
                Files.createDirectories(dir);
                List<Path> targets = new java.util.ArrayList<>();
                List<AtomicFiles.Content> contents = new java.util.ArrayList<>();
                for (VenueImport.Market m : all) {
                    targets.add(dir.resolve(m.id() + ".json"));
                    byte[] json = m.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    contents.add(o -> o.write(json));
                }
                if (!targets.isEmpty()) {
                    AtomicFiles.writeAll(targets, contents);
                }
            } catch (IOException e) {
                throw new BadInputException("--into: cannot write to " + dir + ": " + e.getMessage());
            }
            for (VenueImport.Market m : all) {
                out.println(marketLine(m));
            }
            out.printf(Locale.ROOT, "%d market%s written to %s%n", all.size(), all.size() == 1 ? "" : "s", dir);
            out.flush();
            for (String problem : problems) {
                cli.err().println("warning: " + problem);
            }
            cli.err().flush();
            if (all.isEmpty()) {
                throw new BadInputException(String.join(", ", files.stream().map(Path::toString).toList())
                        + ": no market could be imported" + (problems.isEmpty() ? "" : " (see the warnings above)"));
            }
            return 0;
        }

        private static byte[] bytes(Path file, String what) {
            // The one reader for files a user names: a regular file only (a pipe would block), read to its limit.
            try {
                return io.liqlab.profile.StrictJson.readFile(file, "venue response", VenueImport.MAX_BYTES);
            } catch (io.liqlab.profile.StrictJson.Failure f) {
                throw new BadInputException(what + ": " + f.getMessage());
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Fetch the venues' current tier tables from their public endpoints and write one profile per market, "
                    + "atomically, keeping each replaced file in previous/. The only command that opens a network connection.",
                    "Base URLs: --base-url VENUE=URL or the environment variable LIQLAB_BASE_URL_<VENUE> (LIQLAB_BASE_URL_OKX_SWAP)."})
    static final class UpdateCommand implements Callable<Integer> {
        @Option(names = "--venue", paramLabel = "V", description = "okx-swap, bybit-linear, hyperliquid or dydx-v4 (repeatable; default: all four).")
        List<String> venues = new java.util.ArrayList<>();
        @Option(names = "--base-url", paramLabel = "VENUE=URL", description = "Ask this host instead of the venue's public one (a mirror).")
        List<String> baseUrls = new java.util.ArrayList<>();
        @Option(names = "--into", paramLabel = "DIR", description = "Write here instead of the user's profile folder.")
        Path into;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", converter = NumberConverter.class,
                description = "To connect, and for an answer to begin (default 10; a whole body may take three times it).")
        double timeoutSeconds;
        private final Cli cli;

        UpdateCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws InterruptedException {
            List<io.liqlab.update.VenueFetch.Venue> chosen = new java.util.ArrayList<>();
            for (String v : venues) {
                if (v.equals(ProfileIds.BINANCE_USDM)) {
                    throw new BadInputException("--venue binance-usdm: Binance's leverageBracket endpoint needs a signed request;"
                            + " save its response and run 'profiles import --format binance-leverage-bracket FILE'");
                }
                io.liqlab.update.VenueFetch.Venue venue = io.liqlab.update.VenueFetch.Venue.byId(v);
                if (venue == null) {
                    throw new BadInputException("--venue: must be one of " + io.liqlab.update.VenueFetch.Venue.ids() + ", got '" + v + "'");
                }
                if (!chosen.contains(venue)) {
                    chosen.add(venue);
                }
            }
            if (chosen.isEmpty()) {
                chosen.addAll(List.of(io.liqlab.update.VenueFetch.Venue.values()));
            }
            if (!(timeoutSeconds > 0 && timeoutSeconds <= 600)) {
                throw new BadInputException("--timeout: must be above 0 and at most 600 seconds, got " + Numbers.plain(timeoutSeconds));
            }
            java.util.Map<io.liqlab.update.VenueFetch.Venue, String> urls;
            try {
                urls = new java.util.LinkedHashMap<>(io.liqlab.update.VenueFetch.baseUrlsFromEnvironment());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            try {
                urls.putAll(io.liqlab.update.VenueFetch.parseBaseUrls(baseUrls));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--base-url: " + e.getMessage());
            }
            Path dir = into != null ? into : UserDirectories.userProfilesDir();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("--into: " + dir + " is a file, not a folder");
            }
            io.liqlab.update.VenueFetch fetch = new io.liqlab.update.VenueFetch(java.time.Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                    java.time.Duration.ofMillis(250), urls, VenueImport.MAX_BYTES);
            io.liqlab.update.VenueUpdate updater = new io.liqlab.update.VenueUpdate(fetch, new VenueImport(cli.catalog().reader()));
            PrintWriter out = cli.out();
            int failed = 0;
            for (io.liqlab.update.VenueFetch.Venue v : chosen) {
                try {
                    update(v, updater, dir, out);
                } catch (io.liqlab.update.VenueFetch.Failure f) {
                    failed++;
                    out.flush();
                    cli.err().println("error: " + f.getMessage());
                    cli.err().flush();
                }
            }
            out.flush();
            return failed == 0 ? Cli.EXIT_OK : Cli.EXIT_INTERNAL;
        }

        /** One venue: every page fetched and every market validated before a single file is written. */
        private void update(io.liqlab.update.VenueFetch.Venue v, io.liqlab.update.VenueUpdate updater, Path dir, PrintWriter out)
                throws io.liqlab.update.VenueFetch.Failure, InterruptedException {
            io.liqlab.update.VenueUpdate.Outcome o = updater.update(v, dir, io.liqlab.update.VenueFetch.Progress.NONE);
            List<String> changedIds = new java.util.ArrayList<>();
            for (io.liqlab.update.VenueUpdate.Change c : o.changes()) {
                out.println(marketLine(c.market()) + "  (" + c.kind().words + ")");
                if (c.kind() == io.liqlab.update.VenueUpdate.Kind.CHANGED) {
                    changedIds.add(c.id());
                }
            }
            int n = o.changes().size();
            out.printf(Locale.ROOT, "%s: %d market%s written to %s (%d added, %d with changed tiers%s, %d unchanged; %d request%s);"
                            + " replaced files kept in %s%n", v.id, n, n == 1 ? "" : "s", dir, o.count(io.liqlab.update.VenueUpdate.Kind.ADDED),
                    changedIds.size(), changedIds.isEmpty() ? "" : ": " + String.join(", ", changedIds.subList(0, Math.min(10, changedIds.size())))
                            + (changedIds.size() > 10 ? ", ..." : ""), o.count(io.liqlab.update.VenueUpdate.Kind.SAME), o.requests(),
                    o.requests() == 1 ? "" : "s", o.previousDir());
            out.flush();
            for (String problem : o.problems()) {
                cli.err().println("warning: " + v.id + ": " + problem);
            }
            cli.err().flush();
        }
    }

    @Command(name = "mark", mixinStandardHelpOptions = true,
            description = {"Fetch one market's current mark price from its venue's public endpoint (one request; dYdX: its oracle price).",
                    "Base URLs as for update: --base-url VENUE=URL or LIQLAB_BASE_URL_<VENUE> (LIQLAB_BASE_URL_BINANCE_USDM)."})
    static final class MarkCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID|FILE")
        String id;
        @Option(names = "--base-url", paramLabel = "VENUE=URL", description = "Ask this host instead of the venue's public one (a mirror).")
        List<String> baseUrls = new java.util.ArrayList<>();
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", converter = NumberConverter.class,
                description = "To connect, and for an answer to begin (default 10).")
        double timeoutSeconds;
        private final Cli cli;

        MarkCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws InterruptedException {
            VenueProfile p = cli.profile(id, "ID|FILE");
            String venue = p.listing().venueRules();
            if (!io.liqlab.update.MarkPriceFetch.covers(venue)) {
                throw new BadInputException("ID|FILE: " + p.id() + " is not a market of binance-usdm, okx-swap, bybit-linear, hyperliquid"
                        + " or dydx-v4, whose mark prices LiqLab can fetch");
            }
            if (p.listing().symbol().isEmpty()) {
                throw new BadInputException("ID|FILE: " + p.id() + " names no market symbol to ask for");
            }
            if (!(timeoutSeconds > 0 && timeoutSeconds <= 600)) {
                throw new BadInputException("--timeout: must be above 0 and at most 600 seconds, got " + Numbers.plain(timeoutSeconds));
            }
            java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
            for (String given : baseUrls) {
                int eq = given.indexOf('=');
                String v = eq <= 0 ? "" : given.substring(0, eq);
                String url = given.substring(eq + 1);
                java.net.URI u;
                try {
                    u = java.net.URI.create(url);
                } catch (IllegalArgumentException e) {
                    u = null;
                }
                if (!io.liqlab.update.MarkPriceFetch.covers(v) || u == null || u.getHost() == null
                        || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                    throw new BadInputException("--base-url: expected VENUE=URL with VENUE one of binance-usdm, okx-swap, bybit-linear,"
                            + " hyperliquid, dydx-v4 and an http(s) URL with a host, got '" + given + "'");
                }
                env.put(io.liqlab.update.MarkPriceFetch.environmentVariable(v), url);
            }
            io.liqlab.update.MarkPriceFetch fetch = io.liqlab.update.MarkPriceFetch.fromEnvironment(env)
                    .withTimeout(java.time.Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
            try {
                io.liqlab.update.MarkPriceFetch.Mark m = fetch.fetch(venue, p.listing().symbol());
                cli.out().println(p.id() + "  " + m.symbol() + "  mark " + Numbers.plain(m.price()) + "  as of " + m.at());
                cli.out().flush();
                return Cli.EXIT_OK;
            } catch (io.liqlab.update.VenueFetch.Failure f) {
                cli.err().println("error: " + f.getMessage());
                cli.err().flush();
                return Cli.EXIT_INTERNAL;
            }
        }
    }
}
