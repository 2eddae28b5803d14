package io.liqlab.bench;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Side;
import io.liqlab.core.VenueRules;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.VenueProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The leverage chart's work: all seven shipped profiles, 1x to each one's maximum for the size, in 0.1x steps,
 * liquidation price and tier at liquidation for each point (goal: under 1 ms for the whole sweep).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SweepBenchmark {

    private VenueRules[] rules;
    private double[] maxLeverage;
    private final double entry = 60_000;
    private final double notional = 100_000;
    private final double quantity = notional / entry;
    public int points;

    @Setup
    public void setUp() {
        var profiles = ProfileCatalog.load(new ProfileReader(), null).profiles();
        rules = profiles.stream().map(VenueProfile::rules).toArray(VenueRules[]::new);
        maxLeverage = new double[rules.length];
        points = 0;
        for (int i = 0; i < rules.length; i++) {
            maxLeverage[i] = LiquidationEngine.maxLeverage(rules[i], entry, quantity, Double.NaN);
            points += (int) Math.floor((maxLeverage[i] - 1) / 0.1 + 1e-9) + 1;
        }
    }

    @Benchmark
    public void sweepAllProfiles(Blackhole bh) {
        for (int p = 0; p < rules.length; p++) {
            VenueRules r = rules[p];
            int steps = (int) Math.floor((maxLeverage[p] - 1) / 0.1 + 1e-9);
            for (int i = 0; i <= steps; i++) {
                double leverage = 1 + i * 0.1;
                double price = LiquidationEngine.liquidationPrice(r, Side.LONG, entry, quantity, notional / leverage);
                bh.consume(price);
                bh.consume(LiquidationEngine.tierNumberAtLiquidation(r, entry, quantity, price));
            }
        }
    }
}
