package io.liqlab.cli;

import io.liqlab.core.FirstLiquidation;
import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Outcome;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.report.ResultReport;
import io.liqlab.profile.VenueProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "calc", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Liquidation, bankruptcy and backstop prices of one position at one venue profile.")
final class CalcCommand implements Callable<Integer> {

    @Mixin
    PositionOptions options;

    private final Cli cli;

    CalcCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        boolean json = options.json();
        VenueProfile profile = cli.profile(options.venue);
        Position position = options.build(profile, null, null);
        boolean inverse = profile.rules().inverse();
        String marginCurrency = inverse ? profile.listing().base() : profile.listing().quote();
        LiquidationResult r;
        try {
            r = new LiquidationEngine().calculate(profile.rules(), position);
        } catch (InvalidInputException e) {
            // a partial table refuses a size beyond its last recorded tier: name the size option the user gave
            throw new BadInputException(options.sizeOption() + ": " + e.problem());
        }
        PrintWriter out = cli.out();
        if (json) {
            ObjectNode o = toJson(profile, r);
            if (inverse) {
                // what the amounts are counted in; linear output keeps its fields exactly as before
                o.put("contractType", "inverse");
                num(o, "contractValueUsd", profile.rules().contract().contractValue());
                num(o, "contracts", r.notional() / profile.rules().contract().contractValue());
                o.put("marginCurrency", marginCurrency);
            }
            out.print(cli.json(o));
        } else {
            out.print(ResultReport.text(profile, r));
        }
        out.flush();
        return 0;
    }

    static String status(Outcome outcome, boolean liquidatableNow) {
        return switch (outcome) {
            case Outcome.LiquidatesAt _ -> liquidatableNow ? "liquidatable-now" : "liquidation-price";
            case Outcome.NeverLiquidated _ -> "never-liquidated";
            case Outcome.LiquidatableAtEntry _ -> "liquidatable-at-entry";
        };
    }

    static ObjectNode toJson(VenueProfile profile, LiquidationResult r) {
        Position p = r.position();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("profile", profile.id());
        o.put("profileName", profile.name());
        o.put("side", p.side().id());
        o.put("marginMode", p.mode().id());
        o.put("status", status(r.outcome(), r.liquidatableNow()));
        num(o, "entryPrice", p.entryPrice());
        num(o, "markPrice", p.markPrice());
        num(o, "quantity", p.quantity());
        num(o, "notional", r.notional());
        num(o, "leverage", r.leverage());
        num(o, "margin", r.margin());
        num(o, "liquidationPrice", r.liquidationPrice());
        num(o, "bankruptcyPrice", r.bankruptcyPrice());
        num(o, "backstopPrice", r.backstopPrice());
        num(o, "distancePercent", r.distancePercent());
        o.put("tierAtEntry", r.tierAtEntry().number());
        if (r.tierAtLiquidation() == null) {
            o.putNull("tierAtLiquidation");
        } else {
            o.put("tierAtLiquidation", r.tierAtLiquidation().number());
        }
        num(o, "maintenanceMarginRate", r.maintenanceMarginRate());
        num(o, "maintenanceAmount", r.maintenanceAmount());
        num(o, "feeInTrigger", r.feeInTrigger());
        num(o, "maintenanceMarginAtLiquidation", r.maintenanceMarginAtLiquidation());
        num(o, "maintenanceMarginNow", r.maintenanceMarginNow());
        num(o, "marginRatioPercent", r.marginRatioNow() * 100);
        num(o, "fundingPaid", p.fundingPaid());
        num(o, "maxLeverage", r.maxLeverage());
        o.put("leverageAllowed", r.leverageAllowed());
        FirstLiquidation f = r.firstLiquidation();
        if (f == null) {
            o.putNull("firstLiquidation");
        } else {
            ObjectNode fo = o.putObject("firstLiquidation");
            fo.put("type", f.type());
            num(fo, "fraction", f.fraction());
            num(fo, "quantity", f.quantity());
            num(fo, "notional", f.notional());
            num(fo, "cooldownSeconds", f.cooldownSeconds());
            fo.put("description", f.description());
        }
        o.put("estimate", r.estimate());
        o.put("dataAsOf", profile.provenance().asOf());
        o.put("confidence", profile.provenance().confidence());
        o.put("standInData", profile.hasStandIns());
        ArrayNode notes = o.putArray("notes");
        ResultReport.notes(profile, r).forEach(notes::add);
        return o;
    }

    private static void num(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, JsonNumbers.round(v));
        }
    }

}
