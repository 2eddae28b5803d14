package io.liqlab.cli;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.Numbers;
import io.liqlab.core.account.Account;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.core.account.AccountPosition;
import io.liqlab.core.account.AccountResult;
import io.liqlab.core.account.PositionResult;
import io.liqlab.profile.AccountFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "account", sortOptions = false, mixinStandardHelpOptions = true,
        description = "A cross account of several positions at one venue: each position's liquidation price with the others at their marks,"
                + " and the account's equity, maintenance, margin ratio and the market move that liquidates it.")
final class AccountCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Account file: {\"venue\": ID|FILE, \"wallet\": W, \"positions\": [...]}.")
    String file;
    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
    String format;

    private final Cli cli;

    AccountCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        boolean json = Cli.format(format, "text", "json").equals("json");
        Account account;
        AccountResult r;
        try {
            account = AccountFile.read(Path.of(file), cli.catalog());
            r = new AccountEngine().calculate(account);
        } catch (InvalidInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadInputException("FILE: not a usable path: " + e.getMessage());
        }
        PrintWriter out = cli.out();
        out.print(json ? cli.json(toJson(r)) : text(r));
        out.flush();
        return 0;
    }

    static ObjectNode toJson(AccountResult r) {
        Account a = r.account();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("venue", a.venueKey());
        o.put("venueName", a.venue().displayName());
        o.put("method", a.venue().method());
        num(o, "wallet", a.wallet());
        ArrayNode list = o.putArray("positions");
        for (PositionResult p : r.positions()) {
            AccountPosition ap = p.position();
            ObjectNode po = list.addObject();
            po.put("market", ap.market());
            po.put("side", ap.side().id());
            num(po, "entry", ap.entry());
            num(po, "mark", ap.mark());
            num(po, "quantity", ap.quantity());
            num(po, "notional", ap.notional());
            num(po, "leverage", ap.leverage());
            num(po, "initialMargin", ap.initialMargin());
            num(po, "liquidationPrice", p.liquidationPrice());
            num(po, "bankruptcyPrice", p.bankruptcyPrice());
            num(po, "maintenance", p.maintenance());
            num(po, "unrealizedPnl", p.unrealizedPnl());
            num(po, "distancePercent", p.distancePercent());
            num(po, "liquidationMovePercent", p.liquidationMovePercent());
            if (p.tierAtLiquidation() == 0) {
                po.putNull("tierAtLiquidation");
            } else {
                po.put("tierAtLiquidation", p.tierAtLiquidation());
            }
            po.put("solvedNumerically", p.solvedNumerically());
            po.put("liquidatableNow", p.liquidatableNow());
            ArrayNode notes = po.putArray("notes");
            p.notes().forEach(notes::add);
        }
        ObjectNode acc = o.putObject("account");
        num(acc, "equity", r.equity());
        num(acc, "maintenance", r.maintenance());
        num(acc, "marginRatio", r.marginRatio());
        num(acc, "liquidationMovePercent", r.liquidationMovePercent());
        acc.put("liquidatableNow", r.liquidatableNow());
        return o;
    }

    static String text(AccountResult r) {
        Account a = r.account();
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder();
        s.append(a.venue().displayName()).append(" cross account (").append(a.venueKey()).append(") - wallet ")
                .append(Numbers.money(a.wallet())).append(", ").append(r.positions().size())
                .append(r.positions().size() == 1 ? " position" : " positions").append(nl);
        s.append("  ").append(a.venue().method()).append(nl).append(nl);
        s.append(String.format(Locale.ROOT, "  %-3s %-18s %-5s %14s %14s %14s %14s %14s %14s %14s%n", "#", "market", "side", "entry", "mark",
                "notional", "liquidation", "bankruptcy", "maintenance", "uPnL"));
        for (int i = 0; i < r.positions().size(); i++) {
            PositionResult p = r.positions().get(i);
            AccountPosition ap = p.position();
            s.append(String.format(Locale.ROOT, "  %-3d %-18s %-5s %14s %14s %14s %14s %14s %14s %14s%n", i, ap.market(), ap.side().id(),
                    Numbers.price(ap.entry()), Numbers.price(ap.mark()), Numbers.money(ap.notional()), SolveCommand.price(p.liquidationPrice()),
                    SolveCommand.price(p.bankruptcyPrice()), Numbers.money(p.maintenance()), Numbers.money(p.unrealizedPnl())));
        }
        s.append(nl);
        s.append("  Equity               ").append(Numbers.money(r.equity())).append("   (wallet + unrealized PnL)").append(nl);
        s.append("  Maintenance          ").append(Numbers.money(r.maintenance())).append(nl);
        s.append("  Margin ratio         ").append(Double.isNaN(r.marginRatio()) ? "none (equity at or below zero)"
                : Numbers.fixed(r.marginRatio() * 100, 2, Locale.ROOT) + "%   (maintenance / equity; 100% liquidates)").append(nl);
        s.append("  Liquidation move     ").append(r.liquidatableNow() ? "0% (liquidatable now)"
                : !r.hasLiquidationMove() ? "none from -100% to +1,000%"
                : (r.liquidationMovePercent() > 0 ? "+" : "") + Numbers.fixed(r.liquidationMovePercent(), 2, Locale.ROOT) + "%   (every mark together)").append(nl);
        s.append(nl).append("Notes").append(nl);
        for (int i = 0; i < r.positions().size(); i++) {
            for (String note : r.positions().get(i).notes()) {
                s.append("  [").append(i).append("] ").append(note).append(nl);
            }
        }
        return s.toString();
    }

    private static void num(ObjectNode o, String name, double v) {
        if (!Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, JsonNumbers.round(v));
        }
    }
}
