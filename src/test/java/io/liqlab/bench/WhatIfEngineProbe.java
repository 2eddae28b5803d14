package io.liqlab.bench;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.PopulationCache;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.Simulator;
import io.liqlab.ui.cascade.EventLog;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The background half of {@link WhatIfLatencyBench} without a window: the same cycle of what-if changes (shock -0.5
 * point, depth +0.25x, venue Binance / Hyperliquid / OKX) on 2025-10-10, each re-run as the Cascade tab re-runs it
 * (the run, its event log and summary), timed in the calling thread's CPU time and allocation, so a machine shared
 * with other work still gives comparable figures. {@code cache} re-runs through a {@link PopulationCache} as the
 * tab does; {@code fresh} draws every population.
 *
 * <pre>java -cp TEST_CLASSPATH io.liqlab.bench.WhatIfEngineProbe [positions] [changes] [warmup] [cache|fresh]</pre>
 */
public final class WhatIfEngineProbe {
    public static void main(String[] args) throws Exception {
        int positions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        boolean cached = args.length <= 3 || args[3].equals("cache");
        Scenario base = ScenarioCatalog.loadShipped(new ScenarioReader()).resolve("2025-10-10").withPositions(positions);
        ProfileCatalog profiles = ProfileCatalog.load(new ProfileReader(), null);
        List<VenueProfile> venues = List.of("binance-usdm-btc", "hyperliquid-btc", "okx-swap-btc").stream()
                .map(id -> profiles.find(id).orElseThrow()).toList();
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PopulationCache cache = new PopulationCache(Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 6), true);
        double shock = base.driver().shock().percent();
        double depth = 1;
        int venue = 0;
        double[] cpu = new double[changes];
        double[] wall = new double[changes];
        double[] mb = new double[changes];
        long[] gcBefore = null;
        int hitsBefore = 0;
        int missesBefore = 0;
        int drawsBefore = 0;
        for (int k = 0; k < warmup + changes; k++) {
            if (k == warmup) {
                gcBefore = Benches.gc();
                hitsBefore = cache.hits();
                missesBefore = cache.misses();
                drawsBefore = cache.drawsReused();
            }
            switch (k % 3) {
                case 0 -> shock = shock <= -8 ? -5 : shock - 0.5;
                case 1 -> depth = depth >= 2 ? 1 : depth + 0.25;
                default -> venue = (venue + 1) % venues.size();
            }
            VenueProfile v = venues.get(venue);
            Scenario s = base.withDriver(base.driver().withShockPercent(shock)).withBook(base.book().withDepthMultiplier(depth))
                    .withVenue(v.id());
            long c0 = mx.getCurrentThreadCpuTime();
            long a0 = mx.getCurrentThreadAllocatedBytes();
            long w0 = System.nanoTime();
            SimulationResult r = cached ? cache.call(() -> Simulator.run(s, v.rules())) : Simulator.run(s, v.rules());
            int lines = EventLog.of(r).size();
            String summary = EventLog.summary(r, v.name());
            if (k >= warmup) {
                cpu[k - warmup] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                wall[k - warmup] = (System.nanoTime() - w0) / 1e6;
                mb[k - warmup] = (mx.getCurrentThreadAllocatedBytes() - a0) / 1e6;
            }
            if (lines < 0 || summary.isEmpty()) {
                throw new AssertionError();
            }
        }
        long[] gcAfter = Benches.gc();
        System.out.printf(Locale.ROOT, "whatif-engine positions=%d %s changes=%d: CPU p50=%.1f p95=%.1f max=%.1f ms, wall p50=%.1f p95=%.1f ms, "
                        + "allocated p50=%.1f max=%.1f MB a change; populations %d reused, %d drawn (%d from a kept draw); GC %d collections, %d ms%n",
                positions, cached ? "cache" : "fresh", changes, Benches.percentile(cpu, 50), Benches.percentile(cpu, 95), Benches.percentile(cpu, 100), Benches.percentile(wall, 50), Benches.percentile(wall, 95),
                Benches.percentile(mb, 50), Benches.percentile(mb, 100), cache.hits() - hitsBefore, cache.misses() - missesBefore, cache.drawsReused() - drawsBefore, gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1]);
    }


}
