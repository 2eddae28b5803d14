package io.liqlab.ui.cascade;

import io.liqlab.core.Numbers;
import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Frames;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.SimulationSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run told in plain words, for the event log and the summary lines: what a teacher would say while pointing at
 * the screen. Pure Java; built on the worker thread with the run, so the FX thread only shows it.
 */
public final class EventLog {

    /** Liquidations in consecutive ticks are told as one line, up to this much simulated time per line. */
    static final double GROUP_SECONDS = 10;

    /** One line of the log: the frame it jumps to and what happened there. */
    public record Entry(int frame, double second, Kind kind, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    public enum Kind { SHOCK, LIQUIDATIONS, ADL, FUND_EMPTY, BAD_DEBT, CASCADE }

    private EventLog() {
    }

    /** The log of {@code result}: the shock, liquidations grouped by time, and the moments that change the story. */
    public static List<Entry> of(SimulationResult result) {
        Frames f = result.frames();
        Scenario s = result.scenario();
        double tick = s.clock().tickSeconds();
        int group = Math.max(1, (int) Math.round(GROUP_SECONDS / tick));
        double start = f.get(FrameColumn.MID, 0);
        List<Entry> out = new ArrayList<>();
        Scenario.Shock shock = s.driver().shock();
        if (shock != null && shock.percent() != 0) {
            int frame = Math.min(f.size() - 1, (int) Math.ceil(shock.atSecond() / tick - 1e-9));
            out.add(new Entry(frame, shock.atSecond(), Kind.SHOCK, clock(shock.atSecond()) + " - shock: the mid jumps "
                    + signedPercent(shock.percent()) + " and makers pull their quotes"));
        }
        boolean adlSeen = false;
        boolean fundEmpty = false;
        boolean badDebtSeen = false;
        boolean aboveOne = false;
        int i = 1;
        while (i < f.size()) {
            if (!aboveOne && f.get(FrameColumn.R, i) > 1) {
                aboveOne = true;
                out.add(new Entry(i, f.get(FrameColumn.TIME, i), Kind.CASCADE, clock(f.get(FrameColumn.TIME, i))
                        + " - R passes 1: liquidations waiting within 1% now outweigh the book that must absorb them"));
            }
            if (liquidations(f, i) == 0) {
                i++;
                continue;
            }
            int first = i;
            int end = Math.min(f.size(), first + group);
            long longs = 0;
            long shorts = 0;
            double longNotional = 0;
            double shortNotional = 0;
            double adlCount = 0;
            double adlNotional = 0;
            double backstop = 0;
            int last = first;
            for (int k = first; k < end && liquidations(f, k) > 0; k++) {
                longs += (long) f.get(FrameColumn.LIQUIDATIONS_LONG, k);
                shorts += (long) f.get(FrameColumn.LIQUIDATIONS_SHORT, k);
                longNotional += f.get(FrameColumn.LIQUIDATED_NOTIONAL_LONG, k);
                shortNotional += f.get(FrameColumn.LIQUIDATED_NOTIONAL_SHORT, k);
                adlCount += f.get(FrameColumn.ADL_COUNT, k);
                adlNotional += f.get(FrameColumn.ADL_NOTIONAL, k);
                backstop += f.get(FrameColumn.BACKSTOP_NOTIONAL, k);
                last = k;
            }
            StringBuilder line = new StringBuilder(clock(f.get(FrameColumn.TIME, first))).append(" - ");
            if (longs > 0) {
                line.append(count(longs)).append(longs == 1 ? " long" : " longs").append(" liquidated, ").append(usd(longNotional));
            }
            if (shorts > 0) {
                line.append(longs > 0 ? "; " : "").append(count(shorts)).append(shorts == 1 ? " short" : " shorts")
                        .append(longs > 0 ? ", " : " liquidated, ").append(usd(shortNotional));
            }
            if (backstop > 0) {
                line.append("; backstop took ").append(usd(backstop));
            }
            if (adlCount > 0) {
                line.append("; ADL closed ").append(count((long) adlCount)).append(" opposing, ").append(usd(adlNotional));
            }
            double before = f.get(FrameColumn.MID, first - 1);
            line.append("; price ").append(signedPercent((f.get(FrameColumn.MID, last) / before - 1) * 100))
                    .append(" (").append(signedPercent((f.get(FrameColumn.MID, last) / start - 1) * 100)).append(" from start)");
            line.append("; insurance fund ").append(usd(Math.max(0, f.get(FrameColumn.INSURANCE_FUND, last)))).append(" left");
            out.add(new Entry(first, f.get(FrameColumn.TIME, first), Kind.LIQUIDATIONS, line.toString()));
            for (int k = first; k <= last; k++) {
                double t = f.get(FrameColumn.TIME, k);
                if (!adlSeen && f.get(FrameColumn.ADL_COUNT, k) > 0) {
                    adlSeen = true;
                    out.add(new Entry(k, t, Kind.ADL, clock(t) + " - first auto-deleveraging: profitable opposing positions are closed to cover losses"));
                }
                if (!fundEmpty && f.get(FrameColumn.INSURANCE_FUND, k) < 1) {
                    fundEmpty = true;
                    out.add(new Entry(k, t, Kind.FUND_EMPTY, clock(t) + " - the insurance fund runs dry"));
                }
                if (!badDebtSeen && f.get(FrameColumn.CUMULATIVE_BAD_DEBT, k) >= 1) {
                    badDebtSeen = true;
                    out.add(new Entry(k, t, Kind.BAD_DEBT, clock(t) + " - bad debt: losses nobody covers, "
                            + usd(f.get(FrameColumn.CUMULATIVE_BAD_DEBT, k))));
                }
                if (!aboveOne && f.get(FrameColumn.R, k) > 1) {
                    aboveOne = true;
                    out.add(new Entry(k, t, Kind.CASCADE, clock(t)
                            + " - R passes 1: liquidations waiting within 1% now outweigh the book that must absorb them"));
                }
            }
            i = last + 1;
        }
        out.sort(java.util.Comparator.comparingInt(Entry::frame));
        return List.copyOf(out);
    }

    /** The run in one paragraph: what was liquidated, how far the price fell, who paid. */
    public static String summary(SimulationResult r, String venueName) {
        SimulationSummary s = r.summary();
        StringBuilder sb = new StringBuilder();
        sb.append(venueName).append(": ").append(usd(s.liquidatedNotional())).append(" liquidated");
        if (s.liquidatedNotional() > 0) {
            sb.append(" (").append(String.format(Locale.ROOT, "%.0f%%", s.longShareOfLiquidated() * 100)).append(" long)");
        }
        sb.append(" in ").append(count(s.liquidations())).append(s.liquidations() == 1 ? " liquidation" : " liquidations");
        sb.append(" · trough ").append(signedPercent(s.troughPercent()));
        sb.append(" · ADL ").append(count(s.adlCount())).append(" fills, ").append(usd(s.adlNotional()));
        sb.append(" · insurance fund lowest ").append(usd(Math.max(0, s.insuranceFundMin())));
        double dry = r.fundEmptySecond();
        if (!Double.isNaN(dry)) {
            sb.append(" (dry at ").append(clock(dry)).append(')');
        }
        sb.append(" · bad debt ").append(usd(s.badDebt()));
        sb.append(" · backstop ").append(usd(s.backstopNotional()));
        sb.append(" · max R ").append(String.format(Locale.ROOT, "%.2f", s.maxR()));
        return sb.toString();
    }

    /** Two runs of the same shock compared in one line: {@code b} against {@code a}. */
    public static String difference(SimulationResult a, String aName, SimulationResult b, String bName) {
        SimulationSummary x = a.summary();
        SimulationSummary y = b.summary();
        StringBuilder sb = new StringBuilder(bName).append(" vs ").append(aName).append(": liquidated ")
                .append(usd(y.liquidatedNotional())).append(" vs ").append(usd(x.liquidatedNotional()));
        if (x.liquidatedNotional() > 0) {
            sb.append(" (").append(signedPercent((y.liquidatedNotional() / x.liquidatedNotional() - 1) * 100)).append(')');
        }
        sb.append(" · trough ").append(signedPercent(y.troughPercent())).append(" vs ").append(signedPercent(x.troughPercent()));
        sb.append(" · ADL ").append(count(y.adlCount())).append(" vs ").append(count(x.adlCount())).append(" fills");
        sb.append(" · bad debt ").append(usd(y.badDebt())).append(" vs ").append(usd(x.badDebt()));
        sb.append(" · backstop ").append(usd(y.backstopNotional())).append(" vs ").append(usd(x.backstopNotional()));
        return sb.toString();
    }

    /** Simulated time as mm:ss, or h:mm:ss from an hour on. */
    public static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** Dollars, short: $38.2M, $950k, $120. */
    public static String usd(double v) {
        return (v < 0 ? "-$" : "$") + Numbers.compact(Math.abs(v));
    }

    static String signedPercent(double percent) {
        String body = String.format(Locale.ROOT, "%.1f%%", Math.abs(percent));
        return (percent < -0.05 ? "-" : percent > 0.05 ? "+" : "") + body;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static double liquidations(Frames f, int i) {
        return f.get(FrameColumn.LIQUIDATIONS_LONG, i) + f.get(FrameColumn.LIQUIDATIONS_SHORT, i);
    }
}
