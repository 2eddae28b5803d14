package io.liqlab.bench;

import io.liqlab.core.VenueRules;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The cascade engine's whole run ({@code 2025-10-10}, 1,000,000 positions: population, liquidation prices,
 * ordering, cascade, frames) against the yardstick, {@code Arrays.sort} of 1,000,000 random doubles,
 * measured the same way:
 * <ul>
 *   <li>{@code Cold}: one shot per fresh JVM ({@code -Xmx128m}), 10 forks: the first call, as a user's
 *   {@code simulate} meets it.</li>
 *   <li>{@code Warm}: average time after warm-up.</li>
 * </ul>
 * The ratio is engine / sort for each mode. {@code simulate --bench} reports the same figures without JMH.
 */
public class SimulationBenchmark {

    @State(Scope.Benchmark)
    public static class Run {
        @Param({"1000000"})
        public int positions;
        Scenario scenario;
        VenueRules rules;

        @Setup
        public void setUp() throws Exception {
            scenario = ScenarioCatalog.loadShipped(new ScenarioReader()).resolve("2025-10-10").withPositions(positions);
            rules = ProfileCatalog.load(new ProfileReader(), null).find(scenario.venue()).orElseThrow().rules();
        }
    }

    @State(Scope.Thread)
    public static class Doubles {
        double[] values;

        @Setup(Level.Invocation)
        public void draw() {
            SplittableRandom random = new SplittableRandom(System.nanoTime());
            values = new double[1_000_000];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble();
            }
        }
    }

    /** The two measurements; {@link Cold} and {@link Warm} run them the two ways (JMH inherits benchmark methods). */
    public abstract static class EngineAgainstSort {
        /** As {@code simulate} runs it: the first large run in a JVM warms the engine alongside (warm, a no-op). */
        @Benchmark
        public SimulationResult simulate(Run run) {
            return Simulator.runWarmingUp(run.scenario, run.rules);
        }

        @Benchmark
        public double[] sortBaseline(Doubles d) {
            Arrays.sort(d.values);
            return d.values;
        }
    }

    /** First call in a fresh JVM. */
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = {"-Xmx128m"})
    public static class Cold extends EngineAgainstSort {
    }

    /** After warm-up, in one JVM. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 2, jvmArgsAppend = {"-Xmx512m"})
    public static class Warm extends EngineAgainstSort {
    }
}
