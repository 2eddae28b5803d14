package io.liqlab.cli;

import io.liqlab.core.Numbers;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.profile.ProfileException;
import io.liqlab.profile.ProfileProblem;
import io.liqlab.profile.ProfileWriter;
import io.liqlab.profile.Provenance;
import io.liqlab.profile.VenueProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List, show and validate venue profiles.",
        subcommands = {ProfilesCommand.ListCommand.class, ProfilesCommand.ShowCommand.class, ProfilesCommand.ValidateCommand.class})
final class ProfilesCommand implements Callable<Integer> {
    private final Cli cli;

    ProfilesCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        throw new BadInputException("profiles: name a subcommand: list, show ID, or validate FILE...");
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
            List<VenueProfile> profiles = cli.catalog().profiles();
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
                    o.put("origin", p.origin().kind().name().toLowerCase(Locale.ROOT));
                    o.put("location", p.origin().location());
                }
                out.print(cli.json(array));
            } else {
                String fmt = "%-18s %-24s %-36s %5s  %-28s %-10s %s%n";
                out.printf(Locale.ROOT, fmt, "ID", "NAME", "RULE FAMILY", "TIERS", "DATA AS OF", "CONFIDENCE", "NOTES");
                for (VenueProfile p : profiles) {
                    String notes = (p.hasStandIns() ? "stand-in data" : "")
                            + (p.origin().kind() == VenueProfile.Origin.Kind.USER ? (p.hasStandIns() ? "; " : "") + "user profile" : "");
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
}
