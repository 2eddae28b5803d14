package io.liqlab.bench;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.VenueRules;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
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
 * One liquidation price per profile (goal: under 200 ns), through the allocation-free static path the charts and
 * sweeps use, and through the full {@code calculate} that the CLI and the forms use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class LiquidationBenchmark {

    @Param({"textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc", "okx-swap-btc", "bybit-linear-btc", "gte-btc"})
    public String profile;

    private VenueRules rules;
    private Position position;
    private final LiquidationEngine engine = new LiquidationEngine();
    // A 1.2M notional long at 20x: several tiers below it at Binance, so the tier walk does real work.
    private double entry = 60_000;
    private double quantity = 20;
    private double margin = 60_000;

    @Setup
    public void setUp() {
        rules = ProfileCatalog.load(new ProfileReader(), null).find(profile).orElseThrow().rules();
        position = Position.builder().side(Side.LONG).entryPrice(entry).quantity(quantity).margin(margin).build();
    }

    @Benchmark
    public double liquidationPrice() {
        return LiquidationEngine.liquidationPrice(rules, Side.LONG, entry, quantity, margin);
    }

    @Benchmark
    public Object fullCalculation() {
        return engine.calculate(rules, position);
    }
}
