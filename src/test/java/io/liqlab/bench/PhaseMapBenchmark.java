package io.liqlab.bench;

import io.liqlab.core.VenueRules;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.sim.PhaseMap;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Issue 19's phase-map goal: a 32 x 32 map (shock -2..-12%, depth 0.25..4x) of the 2025-10-10 scenario at
 * 100,000 positions per cell, its own seed, in under 15 s on this 2-core machine, and at least 1.8x faster on
 * every core ({@code threads=2}) than on one ({@code threads=1}). Each measurement is one whole map (single shot);
 * the first map of a fork is the warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class PhaseMapBenchmark {

    @Param({"1", "2"})
    public int threads;
    @Param({"100000"})
    public int positions;
    @Param({"32"})
    public int steps;

    private PhaseMap.Request request;

    @Setup
    public void setUp() throws Exception {
        Scenario s = ScenarioCatalog.loadShipped(new ScenarioReader()).resolve("2025-10-10").withPositions(positions);
        VenueRules rules = ProfileCatalog.load(new ProfileReader(), null).find(s.venue()).orElseThrow().rules();
        request = new PhaseMap.Request(s, rules, new PhaseMap.Axis(PhaseMap.Parameter.SHOCK, -2, -12, steps),
                new PhaseMap.Axis(PhaseMap.Parameter.DEPTH, 0.25, 4, steps));
    }

    @Benchmark
    public PhaseMap.Result map() {
        return PhaseMap.run(request, threads, (cell, done, total) -> { }, () -> false);
    }
}
