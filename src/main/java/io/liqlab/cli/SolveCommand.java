package io.liqlab.cli;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Position;
import io.liqlab.core.RuleFamily;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.core.solve.Calculators;
import io.liqlab.core.solve.OrderCost;
import io.liqlab.core.solve.PositionEdits;
import io.liqlab.profile.VenueProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code solve}: the calculators exchanges offer and the before/after of an edit, one sub-question each, all
 * answered through the engine ({@link Calculators}, {@link PositionEdits}). Exit 3 when the question has no answer
 * for this position (one line on stderr: "impossible: " and why).
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Answers one question about a position exactly (exit 3 when it has no answer).",
        subcommands = {SolveCommand.Pnl.class, SolveCommand.ExitForRoe.class, SolveCommand.MaxSize.class,
                SolveCommand.MarginForLiq.class, SolveCommand.LeverageForLiq.class, SolveCommand.SizeForDistance.class,
                SolveCommand.AddMargin.class, SolveCommand.AddSize.class, SolveCommand.Close.class, SolveCommand.Flip.class,
                SolveCommand.Stop.class})
final class SolveCommand implements Runnable {

    /** The options the calculators' own inputs come from, for messages. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("exitPrice", "--exit"), Map.entry("roePercent", "--roe"), Map.entry("liquidationPrice", "--liq-price"),
            Map.entry("distancePercent", "--distance"), Map.entry("amount", "--amount"), Map.entry("addQuantity", "--add-qty"),
            Map.entry("closeQuantity", "--close-qty"), Map.entry("flipQuantity", "--flip-qty"), Map.entry("price", "--price"),
            Map.entry("stopPrice", "--stop"), Map.entry("spreadPercent", "--spread"), Map.entry("suggestPercent", "--suggest"),
            Map.entry("takerFee", "--taker-fee"), Map.entry("venue", "--venue"));

    final Cli cli;

    SolveCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void run() {
        throw new BadInputException("name a question: pnl, exit-for-roe, max-size, margin-for-liq, leverage-for-liq, size-for-distance, "
                + "add-margin, add-size, close, flip or stop (see 'liqlab solve --help')");
    }

    static BadInputException translate(InvalidInputException e) {
        String option = OPTIONS.get(e.field());
        return option != null ? new BadInputException(option + ": " + e.problem()) : OptionNames.translate(e);
    }

    /** The shared part of every question: the parent, the position options, output. */
    abstract static class Question implements Callable<Integer> {
        @ParentCommand
        SolveCommand parent;
        @Mixin
        PositionOptions position;

        final LiquidationEngine engine = new LiquidationEngine();
        VenueProfile profile;

        @Override
        public final Integer call() {
            boolean json = position.json();
            profile = parent.cli.profile(position.venue);
            Answer answer;
            try {
                answer = answer();
            } catch (InvalidInputException e) {
                throw translate(e);
            }
            PrintWriter out = parent.cli.out();
            if (json) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("question", getClass().getAnnotation(Command.class).name());
                o.put("profile", profile.id());
                o.put("status", "solved");
                answer.json(o);
                out.print(parent.cli.json(o));
            } else {
                StringBuilder s = new StringBuilder();
                s.append(profile.name()).append(" - ").append(position.side.strip().toLowerCase(java.util.Locale.ROOT)).append(", ")
                        .append(position.mode.strip().toLowerCase(java.util.Locale.ROOT)).append(": ").append(answer.title()).append('\n');
                answer.text(s);
                out.print(s);
            }
            out.flush();
            return 0;
        }

        abstract Answer answer();

        Calculators calculators() {
            return new Calculators(engine);
        }

        PositionEdits edits() {
            return new PositionEdits(engine);
        }
    }

    /** What a question prints. */
    interface Answer {
        String title();

        void text(StringBuilder s);

        void json(ObjectNode o);
    }

    // ---- a, b -----------------------------------------------------------------------------------------------------

    @Command(name = "pnl", mixinStandardHelpOptions = true, sortOptions = false,
            description = "PnL and ROE (PnL / initial margin, notional / leverage) if the position is closed at --exit.")
    static final class Pnl extends Question {
        @Option(names = "--exit", required = true, paramLabel = "P", converter = NumberConverter.class, description = "Exit price (1e-12 to 1e12).")
        Double exit;

        @Override
        Answer answer() {
            Position p = position.build(profile, null, null);
            return pnlAnswer("PnL at an exit price", p, calculators().pnlAt(profile.rules(), p, exit), profile);
        }
    }

    @Command(name = "exit-for-roe", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The exit price at which ROE (PnL / initial margin) is --roe percent.")
    static final class ExitForRoe extends Question {
        @Option(names = "--roe", required = true, paramLabel = "PCT", converter = NumberConverter.class,
                description = "Target ROE in percent, 50 = +50%%, -80 = -80%% (-1e9 to 1e9).")
        Double roe;

        @Override
        Answer answer() {
            Position p = position.build(profile, null, null);
            return pnlAnswer("exit price for an ROE of " + Numbers.plain(roe) + "%", p, calculators().exitForRoe(profile.rules(), p, roe), profile);
        }
    }

    static Answer pnlAnswer(String title, Position p, Calculators.PnlAtExit a, VenueProfile profile) {
        return new Answer() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void text(StringBuilder s) {
                s.append(String.format("  entry %s   quantity %s   initial margin %s (notional / leverage)%n%n", Numbers.price(p.entryPrice()),
                        Numbers.quantity(p.quantity()), amount(profile, a.initialMargin())));
                line(s, "Exit price", Numbers.price(a.exitPrice()), "");
                line(s, "PnL", amount(profile, a.pnl()), "");
                line(s, "ROE", Numbers.fixed(a.roePercent(), 2, java.util.Locale.ROOT) + "%", "(PnL / initial margin)");
                if (a.fees() != 0) {
                    line(s, "Fees and funding", amount(profile, a.fees()), "");
                    line(s, "PnL after them", amount(profile, a.netPnl()), "");
                }
                line(s, "Liquidation price", price(a.liquidationPrice()), a.liquidatedFirst() ? "(reached first: the position never gets to the exit)" : "");
            }

            @Override
            public void json(ObjectNode o) {
                num(o, "exitPrice", a.exitPrice());
                amount(o, profile, "pnl", a.pnl());
                amount(o, profile, "initialMargin", a.initialMargin());
                num(o, "roePercent", a.roePercent());
                amount(o, profile, "fees", a.fees());
                amount(o, profile, "netPnl", a.netPnl());
                num(o, "liquidationPrice", a.liquidationPrice());
                o.put("liquidatedFirst", a.liquidatedFirst());
            }
        };
    }

    // ---- c ------------------------------------------------------------------------------------------------------

    @Command(name = "max-size", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The largest position --wallet can open at --leverage from --entry, tiers respected.")
    static final class MaxSize extends Question {
        @Option(names = "--taker-fee", paramLabel = "R", converter = NumberConverter.class,
                description = "Taker fee rate as a fraction, 0.0005 = 0.05%% (0 to 0.1; default: the profile's fee in the trigger, else 0).")
        Double takerFee;

        @Override
        Answer answer() {
            PositionOptions o = position;
            PositionOptions.refuse(o.qty, "--qty", "the size is what max-size solves for");
            PositionOptions.refuse(o.notional, "--notional", "the size is what max-size solves for");
            PositionOptions.refuse(o.margin, "--margin", "max-size takes the --leverage and the --wallet");
            if (o.leverage == null) {
                throw new BadInputException("--leverage: is required for max-size: a number above 0, at most 1000");
            }
            if (o.wallet == null) {
                throw new BadInputException("--wallet: is required for max-size: the balance to spend, above 0");
            }
            Side side;
            try {
                side = Side.parse(o.side);
            } catch (InvalidInputException e) {
                throw OptionNames.translate(e);
            }
            String venueRules = profile.listing().venueRules();
            OrderCost cost = OrderCost.forVenue(venueRules.isEmpty() ? profile.id() : venueRules, profile.rules(),
                    takerFee == null ? Double.NaN : takerFee);
            double entry = o.entry;
            double mark = o.mark == null ? entry : o.mark;
            Calculators.MaxSize a = calculators().maxSize(profile.rules(), side, entry, mark, o.leverage, o.wallet.value(), cost,
                    o.openInterest == null ? Double.NaN : o.openInterest);
            return new Answer() {
                @Override
                public String title() {
                    return "largest position at " + Numbers.leverage(o.leverage) + " for a wallet of " + amount(profile, o.wallet.value());
                }

                @Override
                public void text(StringBuilder s) {
                    s.append("  cost counted: ").append(a.costRule()).append("\n\n");
                    line(s, "Quantity", Numbers.quantity(a.quantity()), "");
                    line(s, "Notional", Numbers.money(a.notional()), "");
                    line(s, "Initial margin", amount(profile, a.initialMargin()), "");
                    if (a.feeToOpen() + a.feeToClose() + a.openLoss() > 0) {
                        line(s, "Fees and open loss", amount(profile, a.feeToOpen() + a.feeToClose() + a.openLoss()), "");
                    }
                    line(s, "Cost", amount(profile, a.cost()), "");
                    line(s, "Limited by", a.limitedBy().words(), "");
                    line(s, "Tier", tier(a.tier()), "");
                    line(s, "Liquidation price", price(a.result().liquidationPrice()), "");
                }

                @Override
                public void json(ObjectNode j) {
                    num(j, "quantity", a.quantity());
                    money(j, "notional", a.notional());
                    num(j, "leverage", o.leverage);
                    amount(j, profile, "initialMargin", a.initialMargin());
                    amount(j, profile, "feeToOpen", a.feeToOpen());
                    amount(j, profile, "feeToClose", a.feeToClose());
                    amount(j, profile, "openLoss", a.openLoss());
                    amount(j, profile, "cost", a.cost());
                    amount(j, profile, "wallet", o.wallet.value());
                    j.put("costRule", a.costRule());
                    j.put("limitedBy", a.limitedBy().id());
                    j.put("tier", a.tier().number());
                    num(j, "tierMaxLeverage", a.tier().maxLeverage());
                    j.set("position", CalcCommand.toJson(profile, a.result()));
                }
            };
        }
    }

    // ---- d ------------------------------------------------------------------------------------------------------

    @Command(name = "margin-for-liq", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The isolated margin (cross: the wallet) that puts the liquidation at --liq-price.")
    static final class MarginForLiq extends Question {
        @Option(names = "--liq-price", required = true, paramLabel = "P", converter = NumberConverter.class,
                description = "Target liquidation price: below the mark and entry for a long, above them for a short.")
        Double target;

        @Override
        Answer answer() {
            boolean current = position.marginGiven() || position.cross();
            Position p = position.build(profile, null, 1.0);
            Calculators.LiquidationTarget a = calculators().collateralForLiquidation(profile.rules(), p, target);
            return targetAnswer("margin for a liquidation at " + Numbers.price(target), p, a, current, false, profile);
        }
    }

    @Command(name = "leverage-for-liq", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The isolated leverage that puts the liquidation at --liq-price (1x to the tier's maximum).")
    static final class LeverageForLiq extends Question {
        @Option(names = "--liq-price", required = true, paramLabel = "P", converter = NumberConverter.class,
                description = "Target liquidation price: below the mark and entry for a long, above them for a short.")
        Double target;

        @Override
        Answer answer() {
            PositionOptions.refuse(position.margin, "--margin", "leverage-for-liq solves for the leverage (give --extra-margin for margin on top)");
            boolean current = position.leverage != null;
            Position p = position.build(profile, null, 1.0);
            if (p.mode() == MarginMode.ISOLATED && !current) {
                // the stand-in margin of 1 is not added margin: rebuild with a stand-in leverage so extra margin stays extra
                position.leverage = 1.0;
                p = position.build(profile, null, null);
                position.leverage = null;
            }
            Calculators.LiquidationTarget a = calculators().leverageForLiquidation(profile.rules(), p, target);
            return targetAnswer("leverage for a liquidation at " + Numbers.price(target), p, a, current, true, profile);
        }
    }

    static Answer targetAnswer(String title, Position p, Calculators.LiquidationTarget a, boolean current, boolean byLeverage,
                               VenueProfile profile) {
        boolean cross = p.mode() == MarginMode.CROSS;
        return new Answer() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void text(StringBuilder s) {
                s.append(String.format("  entry %s   mark %s   quantity %s   notional %s%n%n", Numbers.price(p.entryPrice()),
                        Numbers.price(p.markPrice()), Numbers.quantity(p.quantity()), Numbers.money(p.notional())));
                if (byLeverage) {
                    line(s, "Leverage", Numbers.plain(a.leverage()) + "x", current ? "(" + signed(a.change()) + "x from now)" : "");
                    line(s, "Margin", amount(profile, a.collateral()), "");
                } else {
                    line(s, cross ? "Wallet" : "Margin", amount(profile, a.collateral()), current ? "(" + signedAmount(profile, a.change()) + " from now)" : "");
                    if (!cross) {
                        line(s, "Leverage", Numbers.plain(a.leverage()) + "x", "");
                    }
                }
                line(s, "Liquidation price", price(a.result().liquidationPrice()), "(target " + Numbers.price(a.targetPrice()) + ")");
                line(s, "Tier at liquidation", tier(a.result().tierAtLiquidation()), "");
                line(s, "Bankruptcy price", price(a.result().bankruptcyPrice()), "");
            }

            @Override
            public void json(ObjectNode o) {
                num(o, "targetLiquidationPrice", a.targetPrice());
                if (byLeverage) {
                    num(o, "leverage", a.leverage());
                    num(o, "margin", a.collateral());
                    num(o, "leverageChange", current ? a.change() : Double.NaN);
                } else {
                    num(o, cross ? "wallet" : "margin", a.collateral());
                    num(o, cross ? "walletChange" : "marginChange", current ? a.change() : Double.NaN);
                    num(o, "leverage", a.leverage());
                }
                o.set("position", CalcCommand.toJson(profile, a.result()));
            }
        };
    }

    // ---- e ------------------------------------------------------------------------------------------------------

    @Command(name = "size-for-distance", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The largest size whose liquidation stays at least --distance percent from the mark: at --leverage "
                    + "(margin grows with the size) or for a fixed --margin (cross: --wallet).")
    static final class SizeForDistance extends Question {
        @Option(names = "--distance", required = true, paramLabel = "PCT", converter = NumberConverter.class,
                description = "Least distance from the mark to the liquidation, percent (above 0, below 100).")
        Double distance;

        @Override
        Answer answer() {
            boolean cross = position.cross();
            if (!cross && !position.marginGiven()) {
                throw new BadInputException("--leverage: is required for size-for-distance in isolated mode (or give --margin): a number above 0, at most 1000");
            }
            boolean keepLeverage = !cross && position.margin == null;
            // The size is the unknown: a given size is only where the search starts.
            Position p = position.build(profile, keepLeverage ? 10_000.0 : position.margin != null ? position.margin.value() : 10_000.0, null);
            Calculators.SizeForDistance a = calculators().sizeForDistance(profile.rules(), p, distance, keepLeverage);
            return new Answer() {
                @Override
                public String title() {
                    return "largest size liquidating at least " + Numbers.plain(distance) + "% from the mark"
                            + (keepLeverage ? " at " + Numbers.leverage(p.leverage()) : cross ? " on this wallet" : " on this margin");
                }

                @Override
                public void text(StringBuilder s) {
                    s.append('\n');
                    if (a.unbounded()) {
                        s.append("  any size: at this leverage every size keeps the liquidation at least ").append(Numbers.plain(distance))
                                .append("% from the mark, and every tier allows it\n");
                        line(s, "Distance", Numbers.fixed(a.result().distancePercent(), 4, java.util.Locale.ROOT) + "%", "");
                        return;
                    }
                    line(s, "Quantity", Numbers.quantity(a.quantity()), "");
                    line(s, "Notional", Numbers.money(a.notional()), "");
                    line(s, "Margin", amount(profile, a.result().margin()), "");
                    line(s, "Leverage", Numbers.leverage(a.result().leverage()), "");
                    line(s, "Liquidation price", price(a.result().liquidationPrice()), a.result().hasLiquidationPrice()
                            ? "(" + Numbers.fixed(a.result().distancePercent(), 4, java.util.Locale.ROOT) + "% from the mark)" : "");
                    line(s, "Tier at liquidation", tier(a.result().tierAtLiquidation()), "");
                    line(s, "Limited by", a.limitedBy().words(), "");
                }

                @Override
                public void json(ObjectNode o) {
                    num(o, "targetDistancePercent", distance);
                    o.put("limitedBy", a.limitedBy().id());
                    num(o, "quantity", a.unbounded() ? Double.NaN : a.quantity());
                    money(o, "notional", a.unbounded() ? Double.NaN : a.notional());
                    o.set("position", a.unbounded() ? JsonNodeFactory.instance.nullNode() : CalcCommand.toJson(profile, a.result()));
                }
            };
        }
    }

    // ---- part 5: before and after -------------------------------------------------------------------------------

    @Command(name = "add-margin", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Before and after adding margin (isolated margin, or the cross wallet); a negative --amount removes it.")
    static final class AddMargin extends Question {
        @Option(names = "--amount", required = true, paramLabel = "M", converter = NumberConverter.class,
                description = "Margin to add; negative to remove (not 0).")
        Double amount;

        @Override
        Answer answer() {
            Position p = position.build(profile, null, null);
            return beforeAfter(edits().addMargin(profile.rules(), p, amount), profile);
        }
    }

    @Command(name = "add-size", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Before and after adding size at --price (the entry becomes the average; the order posts its margin at --order-leverage).")
    static final class AddSize extends Question {
        @Option(names = "--add-qty", paramLabel = "Q", converter = NumberConverter.class, description = "Quantity added, base units.")
        Double addQty;
        @Option(names = "--add-notional", paramLabel = "N", converter = NumberConverter.class, description = "Size added in quote currency at --price.")
        Double addNotional;
        @Option(names = "--price", paramLabel = "P", converter = NumberConverter.class, description = "Price of the added order (default: the mark).")
        Double price;
        @Option(names = "--order-leverage", paramLabel = "X", converter = NumberConverter.class,
                description = "Leverage of the added order (default: the position's).")
        Double orderLeverage;

        @Override
        Answer answer() {
            Position p = position.build(profile, null, null);
            if ((addQty == null) == (addNotional == null)) {
                throw new BadInputException("--add-qty: give the added size as --add-qty or --add-notional (one of them), above 0");
            }
            double at = price == null ? p.markPrice() : price;
            double lev = orderLeverage != null ? orderLeverage : p.givenOrEffectiveLeverage();
            double q = addQty != null ? addQty : addNotional / at;
            if (addNotional != null && !(addNotional > 0)) {
                throw new BadInputException("--add-notional: must be a size in quote currency greater than 0, got " + Numbers.plain(addNotional));
            }
            return beforeAfter(edits().addSize(profile.rules(), p, q, at, lev), profile);
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Before and after closing part of the position at --price (margin released pro rata, PnL realized).")
    static final class Close extends Question {
        @Option(names = "--close-qty", paramLabel = "Q", converter = NumberConverter.class, description = "Quantity closed, base units.")
        Double closeQty;
        @Option(names = "--close-fraction", paramLabel = "F", converter = NumberConverter.class, description = "Fraction closed (above 0, below 1).")
        Double closeFraction;
        @Option(names = "--price", paramLabel = "P", converter = NumberConverter.class, description = "Close price (default: the mark).")
        Double price;

        @Override
        Answer answer() {
            Position p = position.build(profile, null, null);
            if ((closeQty == null) == (closeFraction == null)) {
                throw new BadInputException("--close-qty: give the part closed as --close-qty or --close-fraction (one of them)");
            }
            if (closeFraction != null && !(closeFraction > 0 && closeFraction < 1)) {
                throw new BadInputException("--close-fraction: must be above 0 and below 1, got " + Numbers.plain(closeFraction));
            }
            double q = closeQty != null ? closeQty : p.quantity() * closeFraction;
            return beforeAfter(edits().close(profile.rules(), p, q, price == null ? p.markPrice() : price), profile);
        }
    }

    @Command(name = "flip", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Before and after closing the position at --price and opening the other side there.")
    static final class Flip extends Question {
        @Option(names = "--flip-qty", paramLabel = "Q", converter = NumberConverter.class, description = "Quantity of the new side (default: the same).")
        Double flipQty;
        @Option(names = "--price", paramLabel = "P", converter = NumberConverter.class, description = "Price of the flip (default: the mark).")
        Double price;
        @Option(names = "--order-leverage", paramLabel = "X", converter = NumberConverter.class,
                description = "Leverage of the new side (default: the position's).")
        Double orderLeverage;

        @Override
        Answer answer() {
            Position p = position.build(profile, null, null);
            double lev = orderLeverage != null ? orderLeverage : p.givenOrEffectiveLeverage();
            double at = price == null ? p.markPrice() : price;
            // the same size: base units for a linear market, the same USD value (in the coin at the new price) for an inverse one
            double q = flipQty != null ? flipQty : p.inverse() ? p.notional() / at : p.quantity();
            return beforeAfter(edits().flip(profile.rules(), p, q, at, lev), profile);
        }
    }

    static Answer beforeAfter(PositionEdits.BeforeAfter a, VenueProfile profile) {
        return new Answer() {
            @Override
            public String title() {
                return a.change();
            }

            @Override
            public void text(StringBuilder s) {
                LiquidationResult b = a.before();
                LiquidationResult f = a.after();
                s.append(String.format("%n  %-20s %24s %24s%n", "", "before", "after"));
                row(s, "Side", b.position().side().id(), f.position().side().id());
                row(s, "Entry", Numbers.price(b.position().entryPrice()), Numbers.price(f.position().entryPrice()));
                row(s, "Quantity", Numbers.quantity(b.position().quantity()), Numbers.quantity(f.position().quantity()));
                row(s, "Notional", Numbers.money(b.notional()), Numbers.money(f.notional()));
                row(s, "Margin", amount(profile, b.margin()), amount(profile, f.margin()));
                row(s, "Leverage", Numbers.leverage(b.leverage()), Numbers.leverage(f.leverage()));
                row(s, "Liquidation price", price(b.liquidationPrice()), price(f.liquidationPrice()));
                row(s, "Distance", pctOrNone(b), pctOrNone(f));
                row(s, "Tier at entry", tier(b.tierAtEntry()), tier(f.tierAtEntry()));
                row(s, "Tier at liquidation", tier(b.tierAtLiquidation()), tier(f.tierAtLiquidation()));
                row(s, "Max leverage", Numbers.leverage(b.maxLeverage()), Numbers.leverage(f.maxLeverage())
                        + (f.leverageAllowed() ? "" : " (over)"));
                if (a.realizedPnl() != 0) {
                    s.append(String.format("%n  Realized PnL %s%n", amount(profile, a.realizedPnl())));
                }
                if (a.tierChanged()) {
                    s.append(String.format("%n  The tier changes from %d to %d: maintenance %s -> %s%n", b.tierAtEntry().number(),
                            f.tierAtEntry().number(), Numbers.percentOf(b.tierAtEntry().maintenanceMarginRate()),
                            Numbers.percentOf(f.tierAtEntry().maintenanceMarginRate())));
                }
                if (!f.leverageAllowed()) {
                    s.append(String.format("  After: %s is above the %s the new size's tier allows%n", Numbers.leverage(f.leverage()),
                            Numbers.leverage(f.maxLeverage())));
                }
            }

            @Override
            public void json(ObjectNode o) {
                o.put("change", a.change());
                amount(o, profile, "realizedPnl", a.realizedPnl());
                o.put("tierChanged", a.tierChanged());
                o.set("before", CalcCommand.toJson(profile, a.before()));
                o.set("after", CalcCommand.toJson(profile, a.after()));
            }
        };
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Whether a stop at --stop triggers before liquidation, with --spread percent between mark and last; "
                    + "suggests the stop --suggest percent of the way to the liquidation.")
    static final class Stop extends Question {
        @Option(names = "--stop", required = true, paramLabel = "P", converter = NumberConverter.class, description = "Stop price (last price).")
        Double stop;
        @Option(names = "--spread", paramLabel = "PCT", defaultValue = "0", converter = NumberConverter.class,
                description = "How far the last price may stray from the mark, percent (0 to below 50, default 0).")
        Double spread;
        @Option(names = "--suggest", paramLabel = "PCT", defaultValue = "50", converter = NumberConverter.class,
                description = "Suggest a stop this percent of the way from the mark to the liquidation (above 0, below 100, default 50).")
        Double suggest;

        @Override
        Answer answer() {
            Position p = position.build(profile, null, null);
            PositionEdits.StopCheck a = edits().stopCheck(profile.rules(), p, stop, spread, suggest);
            return new Answer() {
                @Override
                public String title() {
                    return "stop at " + Numbers.price(stop);
                }

                @Override
                public void text(StringBuilder s) {
                    s.append(String.format("  mark %s   liquidation %s   spread %s%%%n%n", Numbers.price(p.markPrice()),
                            price(a.liquidationPrice()), Numbers.plain(spread)));
                    line(s, "Stop", Numbers.price(a.stop()), "");
                    line(s, "Verdict", a.verdict().words(), "");
                    if (!Double.isNaN(a.worstLastAtLiq())) {
                        line(s, "Safe from", Numbers.price(a.worstLastAtLiq()), "(the last price when the mark reaches the liquidation)");
                    }
                    line(s, "PnL at the stop", amount(profile, a.pnlAtStop()), "(ROE " + Numbers.fixed(a.roeAtStop(), 2, java.util.Locale.ROOT) + "%)");
                    if (!Double.isNaN(a.suggestedStop())) {
                        line(s, "Suggested stop", Numbers.price(a.suggestedStop()), "(" + Numbers.plain(suggest) + "% of the way to the liquidation: "
                                + a.suggestedVerdict().words() + ")");
                    }
                }

                @Override
                public void json(ObjectNode o) {
                    num(o, "stopPrice", a.stop());
                    num(o, "liquidationPrice", a.liquidationPrice());
                    num(o, "spreadPercent", a.spreadPercent());
                    o.put("verdict", a.verdict().id());
                    o.put("triggersFirst", a.verdict() == PositionEdits.Verdict.TRIGGERS_FIRST || a.verdict() == PositionEdits.Verdict.NO_LIQUIDATION);
                    num(o, "safeStopFrom", a.worstLastAtLiq());
                    amount(o, profile, "pnlAtStop", a.pnlAtStop());
                    num(o, "roeAtStopPercent", a.roeAtStop());
                    num(o, "suggestPercent", suggest);
                    num(o, "suggestedStop", a.suggestedStop());
                    if (a.suggestedVerdict() == null) {
                        o.putNull("suggestedVerdict");
                    } else {
                        o.put("suggestedVerdict", a.suggestedVerdict().id());
                    }
                }
            };
        }
    }

    // ---- formatting -----------------------------------------------------------------------------------------------

    static void line(StringBuilder s, String label, String value, String note) {
        s.append(String.format("  %-20s %16s%s%n", label, value, note.isEmpty() ? "" : "   " + note));
    }

    static void row(StringBuilder s, String label, String before, String after) {
        s.append(String.format("  %-20s %24s %24s%s%n", label, before, after, before.equals(after) ? "" : "   *"));
    }

    static String price(double v) {
        return Double.isNaN(v) ? "none" : Numbers.price(v);
    }

    static String tier(Tier t) {
        return t == null ? "none" : t.number() + " (mmr " + Numbers.percentOf(t.maintenanceMarginRate()) + ", max " + Numbers.leverage(t.maxLeverage()) + ")";
    }

    static String pctOrNone(LiquidationResult r) {
        return r.hasLiquidationPrice() ? Numbers.fixed(r.distancePercent(), 2, java.util.Locale.ROOT) + "%" : "none";
    }

    static String signed(double v) {
        return (v >= 0 ? "+" : "") + Numbers.plain(v);
    }

    static void num(ObjectNode o, String name, double v) {
        if (!Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, JsonNumbers.round(v));
        }
    }

    /**
     * An amount in the margin currency as text: money to the cent on a linear market, the coin to 8 decimals with its
     * name on a coin-margined one (0.013 BTC printed to the cent read "0.01").
     */
    static String amount(VenueProfile profile, double v) {
        return profile.rules().inverse() ? Numbers.coin(v) + " " + io.liqlab.report.ResultReport.coinOf(profile) : Numbers.money(v);
    }

    static String signedAmount(VenueProfile profile, double v) {
        return (v >= 0 ? "+" : "-") + amount(profile, Math.abs(v));
    }

    /** An amount in the margin currency for JSON: cents on a linear market, 8 decimals (a satoshi) in the coin. */
    static void amount(ObjectNode o, VenueProfile profile, String name, double v) {
        if (!profile.rules().inverse()) {
            money(o, name, v);
        } else if (!Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, JsonNumbers.coin(v));
        }
    }

    static void money(ObjectNode o, String name, double v) {
        if (!Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, JsonNumbers.cents(v));
        }
    }
}
