package io.liqlab.ui.cascade;

import io.liqlab.sim.Scenario;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "Assumptions" text, written from the scenario that runs (what-if settings applied) rather than typed beside
 * it: the crowd, the shock, the flows, the book, the fund and the rules are read from the scenario's own values, so
 * the text cannot say -4% while the run uses -5%. The scenario file's free-text notes (sources, what is left out)
 * follow under their own heading.
 */
public final class ScenarioAssumptions {

    private ScenarioAssumptions() {
    }

    /** One line per input of {@code s}, in the order a teacher would explain them. */
    public static List<String> lines(Scenario s, String venueName) {
        List<String> out = new ArrayList<>();
        out.add(Text.format("cascade.assumptions.clock", EventLog.clock(s.clock().durationSeconds()),
                LocalNumbers.plain(s.clock().tickSeconds()), venueName));
        Scenario.Population p = s.population();
        String mix = p.leverage().stream()
                .map(w -> LocalNumbers.plain(w.leverage()) + "x " + LocalNumbers.percent(w.weight() * 100, 0))
                .collect(Collectors.joining(", "));
        out.add(Text.format("cascade.assumptions.crowd", LocalNumbers.fixed(p.positions(), 0),
                LocalNumbers.percent(p.longShare() * 100, 0), mix));
        out.add(Text.format("cascade.assumptions.sizes", EventLog.usd(p.size().minNotional()),
                EventLog.usd(p.size().maxNotional()), LocalNumbers.plain(p.size().tailAlpha()),
                LocalNumbers.percent(p.entry().spreadPercent(), 1), EventLog.signedPercent(p.entry().longShiftPercent()),
                EventLog.signedPercent(p.entry().shortShiftPercent()), LocalNumbers.price(s.market().startPrice())));
        Scenario.Shock shock = s.driver().shock();
        out.add(shock == null || shock.percent() == 0 ? Text.get("cascade.assumptions.noShock")
                : Text.format("cascade.assumptions.shock", EventLog.signedPercent(shock.percent()), EventLog.clock(shock.atSecond())));
        for (Scenario.Flow f : s.driver().flows()) {
            out.add(Text.format(f.notionalPerSecond() < 0 ? "cascade.assumptions.selling" : "cascade.assumptions.buying",
                    EventLog.usd(Math.abs(f.notionalPerSecond())), EventLog.clock(f.fromSecond()), EventLog.clock(f.toSecond())));
        }
        Scenario.Book b = s.book();
        String depth = b.bidDepthPerPercent() == b.askDepthPerPercent()
                ? Text.format("cascade.assumptions.depthBoth", EventLog.usd(b.bidDepthPerPercent()))
                : Text.format("cascade.assumptions.depthSides", EventLog.usd(b.bidDepthPerPercent()), EventLog.usd(b.askDepthPerPercent()));
        out.add(Text.format("cascade.assumptions.book", depth,
                Text.get(b.shape() == Scenario.Book.Shape.FLAT ? "cascade.assumptions.flat" : "cascade.assumptions.rising")));
        out.add(Text.format("cascade.assumptions.thinning", LocalNumbers.percent(b.thinningMaxPercent(), 0),
                LocalNumbers.percent(b.thinningMovePercent(), 0), LocalNumbers.plain(b.thinningWindowSeconds()),
                LocalNumbers.plain(b.refillSeconds()), LocalNumbers.plain(b.pullSeconds())));
        out.add(s.market().markEmaSeconds() > 0
                ? Text.format("cascade.assumptions.markEma", LocalNumbers.plain(s.market().markEmaSeconds()))
                : Text.get("cascade.assumptions.markIsMid"));
        out.add(Text.format("cascade.assumptions.fund", EventLog.usd(s.insuranceFund())));
        Scenario.Rules r = s.rules();
        out.add(Text.format("cascade.assumptions.rules",
                Text.get(r.partialLiquidation() ? "cascade.assumptions.on" : "cascade.assumptions.off"),
                Text.get(r.backstop() ? "cascade.assumptions.on" : "cascade.assumptions.off"),
                Text.get(switch (r.adl()) {
                    case VENUE -> "cascade.adl.venue";
                    case PRO_RATA -> "cascade.adl.proRata";
                    case OFF -> "cascade.adl.off";
                })));
        return out;
    }

    /** The whole text: description, this run's inputs, the file's notes, and what kind of model it is. */
    public static String text(Scenario s, String venueName) {
        StringBuilder sb = new StringBuilder(s.description()).append("\n\n").append(Text.get("cascade.assumptions.thisRun"));
        for (String line : lines(s, venueName)) {
            sb.append("\n- ").append(line);
        }
        if (!s.assumptions().isEmpty()) {
            sb.append("\n\n").append(Text.get("cascade.assumptions.notes"));
            for (String a : s.assumptions()) {
                sb.append("\n- ").append(a);
            }
        }
        sb.append("\n\n").append(Text.get("cascade.assumptions.model"));
        return sb.toString();
    }
}
