package io.liqlab.bench;

import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.VenueImport;
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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Importing a full venue response: a synthetic Binance leverageBracket body of 500 markets with 10 brackets each
 * (parse, map, build each market file, validate it as the profile reader does). Goal: under 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class ImportBenchmark {

    private byte[] body;
    private VenueImport importer;

    /** 500 markets x 10 brackets, values as strings (as in the recorded cache), cum by the continuity rule. */
    static byte[] synthetic(int markets) {
        StringBuilder sb = new StringBuilder("[");
        for (int m = 0; m < markets; m++) {
            sb.append(m == 0 ? "" : ",").append("{\"symbol\":\"C").append(m).append("USDT\",\"brackets\":[");
            double floor = 0;
            double cum = 0;
            double prevRate = 0;
            for (int b = 1; b <= 10; b++) {
                double cap = floor == 0 ? 50_000 : floor * 3;
                double rate = 0.004 * b;
                double leverage = Math.floor(1 / (rate * 2));
                cum = b == 1 ? 0 : cum + floor * (rate - prevRate);
                sb.append(b == 1 ? "" : ",").append("{\"bracket\":\"").append(b).append("\",\"initialLeverage\":\"").append((long) leverage)
                        .append("\",\"notionalCap\":\"").append((long) cap).append("\",\"notionalFloor\":\"").append((long) floor)
                        .append("\",\"maintMarginRatio\":\"").append(rate).append("\",\"cum\":\"").append(cum).append("\"}");
                floor = cap;
                prevRate = rate;
            }
            sb.append("]}");
        }
        return sb.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Setup
    public void setUp() throws Exception {
        body = synthetic(500);
        importer = new VenueImport(new ProfileReader());
        VenueImport.Result r = importer.read(VenueImport.Format.BINANCE_LEVERAGE_BRACKET, "synthetic.json", body, null, "2026-12-07");
        if (r.markets().size() != 500) {
            throw new IllegalStateException("expected 500 markets, got " + r.markets().size() + ": " + r.problems());
        }
    }

    @Benchmark
    public VenueImport.Result import500Markets() throws Exception {
        return importer.read(VenueImport.Format.BINANCE_LEVERAGE_BRACKET, "synthetic.json", body, null, "2026-12-07");
    }
}
