package io.liqlab.core;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-style checks over seeded random positions at every shipped profile (JUnit parameterized over
 * java.util.Random, so a failure names its seed and reproduces).
 */
class LiquidationPropertiesTest {

    private static final List<String> IDS = List.of("textbook", "binance-usdm-btc", "hyperliquid-btc", "dydx-v4-btc",
            "okx-swap-btc", "bybit-linear-btc", "gte-btc");
    private static final int CASES = 300;
    private final LiquidationEngine engine = new LiquidationEngine();

    static Stream<Arguments> profilesAndSeeds() {
        return IDS.stream().flatMap(id -> Stream.of(11L, 29L, 2026L).map(seed -> Arguments.of(id, seed)));
    }

    /** A random position: entry log-uniform 0.01..200k, notional log-uniform 10..2e9, leverage up to 1.5x the maximum. */
    private static Position randomPosition(Random rnd, VenueProfile p, boolean cross) {
        double entry = Math.exp(Math.log(0.01) + rnd.nextDouble() * (Math.log(200_000) - Math.log(0.01)));
        double notional = Math.exp(Math.log(10) + rnd.nextDouble() * (Math.log(2e9) - Math.log(10)));
        double q = notional / entry;
        TierSchedule tiers = p.rules().tiers();
        if (tiers.isPartial()) {
            // Only part of the schedule was recorded: sizes beyond its last tier are refused, not extrapolated
            // (ConventionsTest checks the refusal), so draw within the recorded tiers: within a quarter of the last
            // cap, where the tier follows the price, a short's notional at its liquidation price stays inside too.
            double lastCap = tiers.tier(tiers.size() - 1).cap() / (tiers.basis() == TierSchedule.Basis.CONTRACTS ? 1 : 4);
            while (p.rules().tierBasisValue(q, entry) > lastCap) {
                q *= 0.5 + 0.5 * rnd.nextDouble() * lastCap / p.rules().tierBasisValue(q, entry);
            }
            notional = q * entry;
        }
        double max = LiquidationEngine.maxLeverage(p.rules(), entry, q, Double.NaN);
        double leverage = 1 + rnd.nextDouble() * (Math.min(1.5 * max, Position.MAX_INPUT_LEVERAGE) - 1);
        Position.Builder b = Position.builder().side(rnd.nextBoolean() ? Side.LONG : Side.SHORT).entryPrice(entry).quantity(q);
        if (cross) {
            b.mode(MarginMode.CROSS).wallet(notional / leverage * (0.5 + rnd.nextDouble()))
                    .otherMaintenance(rnd.nextDouble() * notional * 0.002).otherUnrealizedPnl((rnd.nextDouble() - 0.5) * notional * 0.01);
        } else {
            b.leverage(leverage);
        }
        if (rnd.nextInt(4) == 0) {
            b.fundingPaid((rnd.nextDouble() - 0.3) * notional / leverage * 0.3);
        }
        return b.build();
    }

    /** Maintenance margin straight from the definitions of LIQUIDATION.md, independent of the engine's solver. */
    private static double maintenance(VenueRules rules, MarginMode mode, double q, double e, double price) {
        TierSchedule tiers = rules.tiers();
        return switch (rules.family()) {
            case RuleFamily.FeeInTrigger f -> {
                Tier t = tiers.tierAt(q / f.contractValue());
                yield q * price * (t.maintenanceMarginRate() + f.takerFee());
            }
            // Bybit's classic method (and the textbook) charge maintenance on the entry value, isolated and cross alike
            // (Bybit help 'Liquidation Price (USDT Contract)', cross margin mode).
            case RuleFamily.MaintenanceOnEntryNotional _ -> tiers.tierAt(q * e).maintenanceMargin(q * e);
            default -> tiers.tierAt(q * price).maintenanceMargin(q * price);
        };
    }

    private static double equity(Position p, double k, double price) {
        return p.marginFor(k) + p.side().sign() * p.quantity() * (price - p.entryPrice());
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("profilesAndSeeds")
    void equityAtTheLiquidationPriceEqualsMaintenanceThere(String id, long seed) {
        VenueRules rules = TestProfiles.get(id).rules();
        Random rnd = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Position p = randomPosition(rnd, TestProfiles.get(id), i % 3 == 0);
            LiquidationResult r = engine.calculate(rules, p);
            if (!r.hasLiquidationPrice()) {
                continue;
            }
            double l = r.liquidationPrice();
            double mm = maintenance(rules, p.mode(), p.quantity(), p.entryPrice(), l);
            assertEquals(mm, equity(p, 1, l), 1e-9 * r.notional() + 1e-9, () -> id + " " + p);
            assertEquals(mm, r.maintenanceMarginAtLiquidation(), 1e-9 * r.notional() + 1e-9, () -> id + " " + p);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("profilesAndSeeds")
    void liquidationPriceAgreesWithBisectionOnEquityMinusMaintenance(String id, long seed) {
        VenueRules rules = TestProfiles.get(id).rules();
        Random rnd = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Position p = randomPosition(rnd, TestProfiles.get(id), i % 3 == 0);
            LiquidationResult r = engine.calculate(rules, p);
            double e = p.entryPrice();
            double excessAtEntry = equity(p, 1, e) - maintenance(rules, p.mode(), p.quantity(), e, e);
            if (excessAtEntry <= 0) {
                assertTrue(r.outcome() instanceof Outcome.LiquidatableAtEntry, () -> id + " " + p);
                continue;
            }
            // Bracket the root on the adverse side, then bisect.
            boolean isLong = p.side() == Side.LONG;
            double safe = e;
            double far = isLong ? 0 : e * 2;
            while (!isLong && equity(p, 1, far) - maintenance(rules, p.mode(), p.quantity(), e, far) > 0) {
                far *= 2;
            }
            if (isLong && equity(p, 1, 0) - maintenance(rules, p.mode(), p.quantity(), e, 0) > 0) {
                assertTrue(r.outcome() instanceof Outcome.NeverLiquidated, () -> id + " expected no liquidation price: " + p);
                continue;
            }
            for (int it = 0; it < 200; it++) {
                double mid = (safe + far) / 2;
                if (equity(p, 1, mid) - maintenance(rules, p.mode(), p.quantity(), e, mid) > 0) {
                    safe = mid;
                } else {
                    far = mid;
                }
            }
            double expected = (safe + far) / 2;
            if (!r.hasLiquidationPrice()) {
                if (expected > 1e-9 * e) {
                    fail(id + ": engine found no liquidation price, bisection found " + expected + " for " + p);
                }
                continue;
            }
            assertEquals(expected, r.liquidationPrice(), 1e-9 * e, () -> id + " " + p);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("profilesAndSeeds")
    void reportedTierContainsTheNotionalAtTheLiquidationPrice(String id, long seed) {
        VenueRules rules = TestProfiles.get(id).rules();
        boolean priceTiered = !(rules.family() instanceof RuleFamily.FeeInTrigger || rules.family() instanceof RuleFamily.MaintenanceOnEntryNotional);
        Random rnd = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Position p = randomPosition(rnd, TestProfiles.get(id), false);
            LiquidationResult r = engine.calculate(rules, p);
            if (!r.hasLiquidationPrice()) {
                continue;
            }
            Tier t = r.tierAtLiquidation();
            double x = priceTiered ? p.quantity() * r.liquidationPrice() : rules.tierBasisValue(p.quantity(), p.entryPrice());
            double tol = 1e-9 * x;
            boolean lastTier = t.number() == rules.tiers().size();
            assertTrue((t.number() == 1 ? x >= 0 : x > t.floor() - tol) && (x <= t.cap() + tol || lastTier),
                    () -> id + ": tier " + t + " does not contain " + x + " for " + p);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("profilesAndSeeds")
    void higherLeverageNeverMovesTheLiquidationPriceAwayFromTheEntry(String id, long seed) {
        VenueRules rules = TestProfiles.get(id).rules();
        Random rnd = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Position base = randomPosition(rnd, TestProfiles.get(id), false);
            double previous = Double.NaN;
            for (double lev = 1; lev <= 150; lev *= 1.07) {
                double l = LiquidationEngine.liquidationPrice(rules, base.side(), base.entryPrice(), base.quantity(), base.notional() / lev);
                if (Double.isNaN(l)) {
                    continue; // none yet (long at low leverage) or liquidatable at entry (beyond the maximum)
                }
                if (!Double.isNaN(previous)) {
                    double towardEntry = base.side().sign() * (l - previous);
                    double prev = previous;
                    double levNow = lev;
                    assertTrue(towardEntry >= -1e-9 * base.entryPrice(),
                            () -> id + ": at " + levNow + "x the price moved away from entry: " + prev + " -> " + l);
                }
                previous = l;
            }
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("profilesAndSeeds")
    void liquidationLiesBetweenEntryAndBankruptcyAndBackstopBetweenThem(String id, long seed) {
        VenueRules rules = TestProfiles.get(id).rules();
        Random rnd = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Position p = randomPosition(rnd, TestProfiles.get(id), i % 2 == 0);
            LiquidationResult r = engine.calculate(rules, p);
            if (!r.hasLiquidationPrice()) {
                continue;
            }
            int s = p.side().sign();
            double l = r.liquidationPrice();
            double e = p.entryPrice();
            double tol = 1e-9 * e;
            assertTrue(s * (e - l) >= -tol, () -> id + ": liquidation beyond entry " + r);
            double b = Double.isNaN(r.bankruptcyPrice()) ? 0 : r.bankruptcyPrice(); // no bankruptcy price: it is at zero
            assertTrue(s * (l - b) >= -tol, () -> id + ": liquidation beyond bankruptcy " + r);
            if (rules.hasBackstop() && !Double.isNaN(r.backstopPrice())) {
                double k = r.backstopPrice();
                assertTrue(s * (l - k) >= -tol && s * (k - b) >= -tol, () -> id + ": backstop outside [L, B] " + r);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void textbookLongAndShortMirrorEachOther(long seed) {
        VenueRules rules = TestProfiles.get("textbook").rules();
        Random rnd = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            double e = 1 + rnd.nextDouble() * 100_000;
            double n = 10 + rnd.nextDouble() * 1e7;
            double lev = 1 + rnd.nextDouble() * 150;
            LiquidationResult lg = engine.calculate(rules, Position.builder().side(Side.LONG).entryPrice(e).notional(n).leverage(lev).build());
            LiquidationResult sh = engine.calculate(rules, Position.builder().side(Side.SHORT).entryPrice(e).notional(n).leverage(lev).build());
            if (lev >= 200) {
                continue;
            }
            assertEquals(e * (1 - 1 / lev + 0.005), lg.liquidationPrice(), 1e-9 * e);
            assertEquals(2 * e, lg.liquidationPrice() + sh.liquidationPrice(), 1e-9 * e);
            assertEquals(lg.distancePercent(), sh.distancePercent(), 1e-9);
            assertEquals(2 * e, lg.bankruptcyPrice() + sh.bankruptcyPrice(), 1e-9 * e);
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 7L, 42L);
    }
}
