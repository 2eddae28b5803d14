package io.liqlab.ui.cascade;

import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Frames;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.SimulationSummary;
import io.liqlab.ui.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * A run told in plain words, for the event log and the summary lines: what a teacher would say while pointing at
 * the screen. Pure Java; built on the worker thread with the run, so the FX thread only shows it. The words come
 * from the Messages bundle ({@code cascade.log.*}, {@code cascade.summary.*}, {@code cascade.difference.*}); the
 * numbers keep their own fixed formats ($12.6M, -3.0%, 7,108), passed to the patterns already formatted.
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
        Text.Patterns text = new Text.Patterns(); // a few hundred lines from a dozen patterns
        Scenario.Shock shock = s.driver().shock();
        if (shock != null && shock.percent() != 0) {
            int frame = Math.min(f.size() - 1, (int) Math.ceil(shock.atSecond() / tick - 1e-9));
            out.add(new Entry(frame, shock.atSecond(), Kind.SHOCK, clock(shock.atSecond()) + " - "
                    + text.format("cascade.log.shock", signedPercent(shock.percent()))));
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
                        + " - " + Text.get("cascade.log.cascade")));
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
            // Stamped with the window's last tick: the counts are the window's and the price and fund are as of its
            // end, so the line says what the readout shows when playback stands on that moment.
            double at = f.get(FrameColumn.TIME, last);
            StringBuilder line = new StringBuilder(clock(at)).append(" - ");
            if (last > first) {
                line.append(text.format("cascade.log.since", clock(f.get(FrameColumn.TIME, first) - tick))).append(' ');
            }
            if (longs > 0) {
                line.append(text.format("cascade.log.longs", count(longs), longs, usd(longNotional)));
            }
            if (shorts > 0) {
                line.append(longs > 0 ? "; " + text.format("cascade.log.andShorts", count(shorts), shorts, usd(shortNotional))
                        : text.format("cascade.log.shorts", count(shorts), shorts, usd(shortNotional)));
            }
            if (backstop > 0) {
                line.append("; ").append(text.format("cascade.log.backstop", usd(backstop)));
            }
            if (adlCount > 0) {
                line.append("; ").append(text.format("cascade.log.adl", count((long) adlCount), usd(adlNotional)));
            }
            double before = f.get(FrameColumn.MID, first - 1);
            line.append("; ").append(text.format("cascade.log.price",
                    signedPercent((f.get(FrameColumn.MID, last) / before - 1) * 100),
                    signedPercent((f.get(FrameColumn.MID, last) / start - 1) * 100)));
            line.append("; ").append(text.format("cascade.log.fund", usd(Math.max(0, f.get(FrameColumn.INSURANCE_FUND, last)))));
            for (int k = first; k <= last; k++) {
                double t = f.get(FrameColumn.TIME, k);
                if (!adlSeen && f.get(FrameColumn.ADL_COUNT, k) > 0) {
                    adlSeen = true;
                    out.add(new Entry(k, t, Kind.ADL, clock(t) + " - " + Text.get("cascade.log.firstAdl")));
                }
                if (!fundEmpty && f.get(FrameColumn.INSURANCE_FUND, k) < 1) {
                    fundEmpty = true;
                    out.add(new Entry(k, t, Kind.FUND_EMPTY, clock(t) + " - " + Text.get("cascade.log.fundEmpty")));
                }
                if (!badDebtSeen && f.get(FrameColumn.CUMULATIVE_BAD_DEBT, k) >= 1) {
                    badDebtSeen = true;
                    out.add(new Entry(k, t, Kind.BAD_DEBT, clock(t) + " - "
                            + text.format("cascade.log.badDebt", usd(f.get(FrameColumn.CUMULATIVE_BAD_DEBT, k)))));
                }
                if (!aboveOne && f.get(FrameColumn.R, k) > 1) {
                    aboveOne = true;
                    out.add(new Entry(k, t, Kind.CASCADE, clock(t) + " - " + Text.get("cascade.log.cascade")));
                }
            }
            // After the moments inside the window: the window's line sums them up at its end.
            out.add(new Entry(last, at, Kind.LIQUIDATIONS, line.toString()));
            i = last + 1;
        }
        out.sort(java.util.Comparator.comparingInt(Entry::frame));
        return List.copyOf(out);
    }

    /** The run in one paragraph: what was liquidated, how far the price fell, who paid. */
    public static String summary(SimulationResult r, String venueName) {
        SimulationSummary s = r.summary();
        String longShare = s.liquidatedNotional() > 0
                ? Text.format("cascade.summary.longShare", io.liqlab.ui.LocalNumbers.percent(s.longShareOfLiquidated() * 100, 0))
                : "";
        double dry = r.fundEmptySecond();
        String dryAt = Double.isNaN(dry) ? "" : Text.format("cascade.summary.dryAt", clock(dry));
        return String.join(" · ",
                Text.format("cascade.summary.liquidated", venueName, usd(s.liquidatedNotional()), longShare,
                        count(s.liquidations()), s.liquidations()),
                Text.format("cascade.summary.trough", signedPercent(s.troughPercent())),
                Text.format("cascade.summary.adl", count(s.adlCount()), usd(s.adlNotional())),
                Text.format("cascade.summary.fundLowest", usd(Math.max(0, s.insuranceFundMin())), dryAt),
                Text.format("cascade.summary.badDebt", usd(s.badDebt())),
                Text.format("cascade.summary.backstop", usd(s.backstopNotional())),
                Text.format("cascade.summary.maxR", io.liqlab.ui.LocalNumbers.fixed(s.maxR(), 2)));
    }

    /** Two runs of the same shock compared in one line: {@code b} against {@code a}. */
    public static String difference(SimulationResult a, String aName, SimulationResult b, String bName) {
        SimulationSummary x = a.summary();
        SimulationSummary y = b.summary();
        StringBuilder sb = new StringBuilder(Text.format("cascade.difference.liquidated", bName, aName,
                usd(y.liquidatedNotional()), usd(x.liquidatedNotional())));
        if (x.liquidatedNotional() > 0) {
            sb.append(" (").append(signedPercent((y.liquidatedNotional() / x.liquidatedNotional() - 1) * 100)).append(')');
        }
        sb.append(" · ").append(Text.format("cascade.difference.trough", signedPercent(y.troughPercent()),
                signedPercent(x.troughPercent())));
        sb.append(" · ").append(Text.format("cascade.difference.adl", count(y.adlCount()), count(x.adlCount())));
        sb.append(" · ").append(Text.format("cascade.difference.badDebt", usd(y.badDebt()), usd(x.badDebt())));
        sb.append(" · ").append(Text.format("cascade.difference.backstop", usd(y.backstopNotional()),
                usd(x.backstopNotional())));
        return sb.toString();
    }

    /** Simulated time as mm:ss, or h:mm:ss from an hour on. */
    public static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        // Two or three numbers per line of the log: appended, not formatted (what "%d:%02d:%02d" would give).
        StringBuilder b = new StringBuilder(8);
        if (s >= 3600) {
            b.append(s / 3600).append(':');
            twoDigits(b, s / 60 % 60);
        } else {
            twoDigits(b, s / 60);
        }
        return twoDigits(b.append(':'), s % 60).toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, long v) {
        return (v < 10 ? b.append('0') : b).append(v);
    }

    /** Dollars, short: $38.2M, $950k, $120. */
    public static String usd(double v) {
        return (v < 0 ? "-$" : "$") + io.liqlab.ui.LocalNumbers.compact(Math.abs(v));
    }

    static String signedPercent(double percent) {
        String body = io.liqlab.ui.LocalNumbers.percent(Math.abs(percent), 1);
        return (percent < -0.05 ? "-" : percent > 0.05 ? "+" : "") + body;
    }

    private static String count(long n) {
        return io.liqlab.ui.LocalNumbers.fixed(n, 0);
    }

    private static double liquidations(Frames f, int i) {
        return f.get(FrameColumn.LIQUIDATIONS_LONG, i) + f.get(FrameColumn.LIQUIDATIONS_SHORT, i);
    }
}
