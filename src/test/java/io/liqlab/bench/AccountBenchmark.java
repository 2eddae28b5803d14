package io.liqlab.bench;

import io.liqlab.core.Side;
import io.liqlab.core.account.Account;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.core.account.AccountPosition;
import io.liqlab.core.account.AccountVenue;
import io.liqlab.profile.AccountFile;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.VenueProfile;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 18's speed goal: recomputing a 50-position account after one field changes, under 1 ms. Each call edits
 * one position's mark (what a typed digit does), then computes every position's liquidation and bankruptcy price,
 * the account's figures and its liquidation move, as the Account screen does on each edit; {@code withCurve} adds
 * the chart's 241-point curve.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class AccountBenchmark {

    /** The venue whose markets the 50 positions are in: closed forms (Binance, Bybit) and the numeric solve (OKX). */
    @Param({"binance-usdm-btc", "bybit-linear-btc", "okx-swap-btc", "hyperliquid-btc"})
    public String venue;

    private final AccountEngine engine = new AccountEngine();
    private Account account;
    private int edit;

    @Setup
    public void setUp() {
        ProfileCatalog catalog = ProfileCatalog.load(new ProfileReader(), null);
        VenueProfile v = catalog.find(venue).orElseThrow();
        String key = AccountFile.venueKey(v);
        List<VenueProfile> markets = catalog.allProfiles().stream().filter(p -> AccountFile.venueKey(p).equals(key) && !p.rules().inverse()).toList();
        Random rnd = new Random(18);
        List<AccountPosition> positions = new ArrayList<>();
        // 50 positions over the venue's markets, longs and shorts, one side per market and position (markets repeat
        // under their own names, as 50 different symbols would).
        for (int i = 0; i < 50; i++) {
            VenueProfile m = markets.get(i % markets.size());
            double entry = 100 + rnd.nextDouble() * 60_000;
            double mark = entry * (0.95 + 0.1 * rnd.nextDouble());
            positions.add(AccountPosition.of(m.id() + "#" + i, key, m.rules(), rnd.nextBoolean() ? Side.LONG : Side.SHORT, entry,
                    (2_000 + rnd.nextDouble() * 20_000) / entry, Double.NaN, 5 + rnd.nextInt(20), Double.NaN, mark));
        }
        account = new Account(AccountVenue.of(v.listing().venueRules(), v.rules().family()), key, 200_000, positions);
    }

    private Account edited() {
        int i = edit++ % 50;
        AccountPosition p = account.positions().get(i);
        return account.withPosition(i, p.withMark(p.mark() * (edit % 2 == 0 ? 1.001 : 0.999)));
    }

    @Benchmark
    public Object recomputeAfterOneEdit() {
        return engine.calculate(edited());
    }

    @Benchmark
    public Object recomputeAfterOneEditWithCurve() {
        Account a = edited();
        return new Object[] {engine.calculate(a), engine.curve(a, -30, 30, 241)};
    }
}
