package io.liqlab.bench;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Frames;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.Simulator;

/** Tuning aid: runs a scenario and prints the figures the scenario bands are judged by. Args: scenario [venue] [positions] [every]. */
public final class SimProbe {
    public static void main(String[] args) throws Exception {
        Scenario s = ScenarioCatalog.loadShipped(new ScenarioReader()).resolve(args[0]);
        if (args.length > 1 && !args[1].equals("-")) s = s.withVenue(args[1]);
        if (args.length > 2 && !args[2].equals("-")) s = s.withPositions(Integer.parseInt(args[2]));
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        var rules = ProfileCatalog.load(new ProfileReader(), null).find(s.venue()).orElseThrow().rules();
        int repeat = Integer.getInteger("repeat", 1);
        SimulationResult r = null;
        for (int k = 0; k < repeat; k++) {
            r = Simulator.run(s, rules);
            System.out.println("run " + k + ": " + r.summary().elapsedMillis() + " ms " + r.timings());
        }
        var sum = r.summary();
        System.out.println(sum);
        System.out.println(r.timings());
        System.out.printf("longShare=%.3f trough=%.2f%% firstThird=%.3f firstLiq=%.0f fundEmpty=%.0f firstAdl=%.0f R>1 stretch=%.0fs imbalance=%.3g%n",
                sum.longShareOfLiquidated(), sum.troughPercent(), r.liquidatedShareBy(s.clock().durationSeconds() / 3),
                r.firstLiquidationSecond(), r.fundEmptySecond(), r.firstAdlSecond(), r.longestStretchAboveOne(), r.maxMoneyImbalance());
        if (every > 0) {
            Frames f = r.frames();
            for (int i = 0; i < f.size(); i += every) {
                System.out.printf("t=%5.0f mid=%10.2f mark=%10.2f liqL=%6.0f nL=%12.0f cum=%14.0f IF=%12.0f adl=%5.0f bad=%10.0f bid1=%12.0f R=%6.2f%n",
                        f.get(FrameColumn.TIME, i), f.get(FrameColumn.MID, i), f.get(FrameColumn.MARK, i),
                        f.get(FrameColumn.LIQUIDATIONS_LONG, i), f.get(FrameColumn.LIQUIDATED_NOTIONAL_LONG, i),
                        f.get(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL, i), f.get(FrameColumn.INSURANCE_FUND, i),
                        f.get(FrameColumn.ADL_COUNT, i), f.get(FrameColumn.CUMULATIVE_BAD_DEBT, i),
                        f.get(FrameColumn.BID_DEPTH_1PCT, i), f.get(FrameColumn.R, i));
            }
        }
    }
}
