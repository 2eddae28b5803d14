package io.liqlab.core;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.VenueProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coin-margined (inverse) contracts: the venues' published formulas and examples, and equity = maintenance in coin. */
class InverseContractTest {

    private final LiquidationEngine engine = new LiquidationEngine();
    private static final ProfileCatalog CATALOG = ProfileCatalog.load(new ProfileReader(), null);

    private static VenueProfile profile(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    private static Position inverse(Side side, double entry, double usd, double leverage) {
        return Position.builder().side(side).entryPrice(entry).notional(usd).leverage(leverage).inverse(true).build();
    }

    private static void assertCents(double expected, double actual) {
        assertEquals(expected, Math.round(actual * 100) / 100.0, 1e-9, () -> "expected " + expected + ", got " + actual);
    }

    /**
     * Bybit help centre, "Liquidation Price Calculation under Isolated Mode (Unified Trading Account)", inverse
     * section (https://testnet.bybit.com/ar-SA/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account,
     * read 2026-12-07): BTCUSD, 60,000 USD at 50,000 with 10x, MMR 0.5%: Position Value = 1.2 BTC, Initial Margin =
     * 0.12 BTC; LP(long) = Qty / [PV + (IM - MM)], LP(short) = Qty / [PV - (IM - MM)]. The stored copy of the page
     * shows the inputs and these intermediate values but is cut before the final figure, so 45,662.10 and 55,248.62
     * are the page's formula evaluated on its inputs (60,000 / 1.314 and 60,000 / 1.086).
     */
    @Test
    void bybitUnifiedAccountInverseExampleLongAt45662_10AndShortAt55248_62() {
        VenueRules rules = profile("bybit-inverse-btc").rules();
        LiquidationResult longResult = engine.calculate(rules, inverse(Side.LONG, 50_000, 60_000, 10));
        assertEquals(1.2, longResult.position().quantity(), 1e-12, "position value in BTC");
        assertEquals(0.12, longResult.margin(), 1e-12, "initial margin in BTC");
        assertEquals(0.006, longResult.maintenanceMarginAtLiquidation(), 1e-12, "Bybit charges maintenance on the entry value");
        assertCents(45_662.10, longResult.liquidationPrice());
        assertCents(55_248.62, engine.calculate(rules, inverse(Side.SHORT, 50_000, 60_000, 10)).liquidationPrice());
        // bankruptcy: the same with MM = 0: 60,000 / 1.32 and 60,000 / 1.08
        assertCents(45_454.55, longResult.bankruptcyPrice());
    }

    /** The same example through 60,000 contracts of 1 USD on the profile, as a trader types it. */
    @Test
    void bybitContractsAreOneUsdEach() {
        assertEquals(1, profile("bybit-inverse-btc").rules().contract().contractValue());
        assertEquals(100, profile("binance-coinm-btc").rules().contract().contractValue());
        assertEquals(100, profile("okx-swap-btc-usd").rules().contract().contractValue(), "ctVal 100 USD in instruments.json");
        assertEquals(10, profile("okx-swap-eth-usd").rules().contract().contractValue());
        assertEquals(10, profile("binance-coinm-eth").rules().contract().contractValue());
    }

    /**
     * Binance's COIN-M formula, one-way, isolated (TMM1 = UPNL1 = 0): LP = (S x MMR + s x S) / (WB + cum + s x S / EP),
     * S = contracts x contract size in USD ("How to Calculate Liquidation Price of COIN-M Futures Contracts",
     * 2021-02-05). No worked liquidation example is on the stored page; this checks the engine against the formula.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void binanceCoinMMatchesItsPublishedFormula(long seed) {
        Random rnd = new Random(seed);
        VenueRules rules = profile("binance-coinm-btc").rules();
        for (int i = 0; i < 200; i++) {
            Side side = rnd.nextBoolean() ? Side.LONG : Side.SHORT;
            double entry = 10_000 + rnd.nextDouble() * 90_000;
            double contracts = 1 + rnd.nextInt(5_000);
            double s = contracts * 100;
            double lev = 2 + rnd.nextDouble() * 100;
            Position p = inverse(side, entry, s, lev);
            LiquidationResult r = engine.calculate(rules, p);
            double wb = p.margin();
            Tier t = rules.tiers().tierAt(s / r.liquidationPrice());
            int sign = side.sign();
            double published = (s * t.maintenanceMarginRate() + sign * s) / (wb + t.maintenanceAmount() + sign * s / entry);
            assertEquals(published, r.liquidationPrice(), 1e-9 * published, () -> side + " " + contracts + " @ " + entry + " " + lev + "x");
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 7L, 42L, 2026L);
    }

    /** A Binance COIN-M-like schedule in BTC with amounts by continuity, so the tier walk is exercised. */
    private static VenueRules tieredCoinRules(RuleFamily family, TierSchedule.Basis basis) {
        double[][] rows = {{0, 5, 125, 0.004}, {5, 10, 100, 0.005}, {10, 20, 50, 0.01}, {20, 50, 20, 0.025}, {50, 100, 10, 0.05},
                {100, 200, 5, 0.1}, {200, Double.POSITIVE_INFINITY, 2, 0.25}};
        List<Tier> tiers = new ArrayList<>();
        double amount = 0;
        double prevRate = 0;
        for (int i = 0; i < rows.length; i++) {
            boolean noAmounts = family instanceof RuleFamily.FeeInTrigger;
            amount = i == 0 || noAmounts ? 0 : TierSchedule.continuityAmount(amount, rows[i][0], rows[i][3], prevRate);
            double scale = basis == TierSchedule.Basis.CONTRACTS ? 600 : 1; // contracts of 100 USD near 60,000
            tiers.add(new Tier(i + 1, rows[i][0] * scale, rows[i][1] * scale, rows[i][2], rows[i][3], amount, Double.NaN));
            prevRate = rows[i][3];
        }
        return new VenueRules(family, new TierSchedule(basis, tiers), 0, new PartialLiquidation.Whole(), null,
                new AdlRule(AdlRule.Ranking.values()[0], AdlRule.ClosePrice.values()[0]), ContractSpec.inverse(100));
    }

    static Stream<Arguments> families() {
        List<Arguments> out = new ArrayList<>();
        for (long seed : new long[] {3, 11, 99}) {
            out.add(Arguments.of("binance-like", tieredCoinRules(new RuleFamily.MaintenanceAtLiquidationNotional(), TierSchedule.Basis.NOTIONAL), seed));
            out.add(Arguments.of("bybit-like", tieredCoinRules(new RuleFamily.MaintenanceOnEntryNotional(), TierSchedule.Basis.NOTIONAL), seed));
            out.add(Arguments.of("okx-like", tieredCoinRules(new RuleFamily.FeeInTrigger(0.0005, 100), TierSchedule.Basis.CONTRACTS), seed));
        }
        return out.stream();
    }

    /** Maintenance in the coin at price {@code price}, from the tiers as each venue states it (not through the engine). */
    private static double maintenanceInCoin(VenueRules rules, double usd, double entry, double price) {
        return switch (rules.family()) {
            case RuleFamily.MaintenanceOnEntryNotional _ -> rules.tiers().tierAt(usd / entry).maintenanceMargin(usd / entry);
            case RuleFamily.FeeInTrigger f -> {
                Tier t = rules.tiers().tierAt(usd / f.contractValue());
                yield usd / price * (t.maintenanceMarginRate() + f.takerFee());
            }
            default -> rules.tiers().tierAt(usd / price).maintenanceMargin(usd / price);
        };
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("families")
    void isolatedInverseEquityEqualsMaintenanceAtTheLiquidationPrice(String name, VenueRules rules, long seed) {
        Random rnd = new Random(seed);
        int checked = 0;
        for (int i = 0; i < 500; i++) {
            Side side = rnd.nextBoolean() ? Side.LONG : Side.SHORT;
            double entry = 1_000 + rnd.nextDouble() * 120_000;
            double usd = 100 * (1 + rnd.nextInt(20_000));
            double lev = 1 + rnd.nextDouble() * 30;
            LiquidationResult r = engine.calculate(rules, inverse(side, entry, usd, lev));
            if (r.outcome() instanceof Outcome.LiquidatableAtEntry) {
                continue; // a size in a high tier at a leverage its maintenance does not allow
            }
            if (!r.hasLiquidationPrice()) {
                // only a short whose coin margin covers the whole rise (about 1x) is never liquidated
                assertEquals(Side.SHORT, side, "an inverse long always has a liquidation price above 0");
                continue;
            }
            double l = r.liquidationPrice();
            double equity = r.margin() + side.sign() * usd * (1 / entry - 1 / l);
            double mm = maintenanceInCoin(rules, usd, entry, l);
            // at a tier boundary where maintenance jumps (no amounts), equity is at or below MM just past it
            if (rules.family() instanceof RuleFamily.FeeInTrigger || Math.abs(equity - mm) > 1e-9 * r.margin()) {
                assertEquals(mm, equity, 1e-9 * Math.max(r.margin(), 1e-12), () -> name + " " + side + " " + usd + " USD @ " + entry + " " + lev + "x, L " + l);
            }
            assertEquals(mm, r.maintenanceMarginAtLiquidation(), 1e-9 * Math.max(mm, 1e-12));
            assertTrue(side == Side.LONG ? l < entry : l > entry, "liquidation on the adverse side");
            if (!Double.isNaN(r.bankruptcyPrice())) {
                double b = r.bankruptcyPrice();
                assertEquals(0, r.margin() + side.sign() * usd * (1 / entry - 1 / b), 1e-9 * r.margin(), "equity is zero at bankruptcy");
            }
            checked++;
        }
        assertTrue(checked > 250, "most random positions have a liquidation price: " + checked);
    }

    /**
     * Why an inverse long's liquidation is closer than a linear one's at the same leverage: the coin margin loses
     * value as the price falls, and maintenance (on V / P) grows. BTCUSDT vs BTCUSD at 20x, both maintenance 0.5%
     * on the value at the liquidation price: linear E(1 - 1/20)/(1 - 0.5%) = 57,286.43, inverse E(1 + 0.5%)/(1 + 1/20)
     * = 57,428.57.
     */
    @Test
    void inverseLongAt20xLiquidatesCloserThanLinearLong() {
        VenueRules inv = tieredCoinRules(new RuleFamily.MaintenanceAtLiquidationNotional(), TierSchedule.Basis.NOTIONAL);
        VenueRules oneRate = inv.withTiers(TierSchedule.single(TierSchedule.Basis.NOTIONAL, 0.005, 0, 125));
        double inverseL = engine.calculate(oneRate, inverse(Side.LONG, 60_000, 6_000, 20)).liquidationPrice();
        double linearL = engine.calculate(oneRate.withContract(ContractSpec.LINEAR), Position.builder().side(Side.LONG)
                .entryPrice(60_000).notional(6_000).leverage(20).build()).liquidationPrice();
        assertCents(57_428.57, inverseL);
        assertCents(57_286.43, linearL);
        assertTrue(inverseL > linearL);
        // and a short: the inverse short's liquidation is farther (E(1 - 0.5%)/(1 - 1/20) = 62,842.11 vs 62,686.57)
        assertCents(62_842.11, engine.calculate(oneRate, inverse(Side.SHORT, 60_000, 6_000, 20)).liquidationPrice());
    }

    @Test
    void inverseShortAtOneTimesIsNeverLiquidated() {
        LiquidationResult r = engine.calculate(profile("binance-coinm-btc").rules(), inverse(Side.SHORT, 60_000, 6_000, 1));
        assertFalse(r.hasLiquidationPrice());
        assertTrue(Double.isNaN(r.bankruptcyPrice()), "margin covers the whole rise: no bankruptcy price");
    }

    @Test
    void marginLeverageAndFundingAreInTheCoin() {
        Position p = Position.builder().side(Side.LONG).entryPrice(60_000).markPrice(50_000).notional(6_000).leverage(20)
                .fundingRate(0.0001, 3).inverse(true).build();
        assertEquals(0.005, p.margin(), 1e-15, "6,000 USD / 60,000 / 20 BTC");
        assertEquals(20, p.effectiveLeverage(), 1e-12);
        assertEquals(0.0001 * 6_000 / 50_000 * 3, p.fundingPaid(), 1e-18, "funding on the value in the coin at the mark");
    }

    @Test
    void aLinearPositionOnAnInverseMarketIsRefused() {
        Position linear = Position.builder().side(Side.LONG).entryPrice(60_000).notional(6_000).leverage(20).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(profile("bybit-inverse-btc").rules(), linear));
        assertTrue(e.problem().contains("coin-margined"), e.problem());
    }

    @Test
    void staticSweepHelpersAgreeWithTheFullCalculation() {
        VenueRules rules = profile("binance-coinm-btc").rules();
        Position p = inverse(Side.LONG, 60_000, 100_000, 25);
        LiquidationResult r = engine.calculate(rules, p);
        assertEquals(r.liquidationPrice(), LiquidationEngine.liquidationPrice(rules, Side.LONG, 60_000, p.quantity(), p.margin()), 1e-9);
        assertEquals(r.maxLeverage(), LiquidationEngine.maxLeverage(rules, 60_000, p.quantity(), Double.NaN));
        assertEquals(r.maintenanceMarginAtLiquidation(), LiquidationEngine.maintenanceMargin(rules, 60_000, p.quantity(), r.liquidationPrice()), 1e-15);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"binance-coinm-btc", "binance-coinm-eth", "bybit-inverse-btc", "bybit-inverse-eth",
            "okx-swap-btc-usd", "okx-swap-eth-usd"})
    void inverseProfilesRoundTripThroughTheWriterAndReader(String id) throws Exception {
        VenueProfile p = profile(id);
        assertTrue(p.rules().inverse(), id);
        String json = new io.liqlab.profile.ProfileWriter().toJson(p);
        assertTrue(json.contains("\"contractType\" : \"inverse\"") || json.contains("\"contractType\": \"inverse\""), json);
        VenueProfile back = new ProfileReader().read(id + ".json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new VenueProfile.Origin(VenueProfile.Origin.Kind.FILE, id + ".json"));
        assertEquals(p.rules().contract(), back.rules().contract());
        assertEquals(p.rules().tiers().tiers(), back.rules().tiers().tiers());
        Position pos = inverse(Side.LONG, 60_000, 3_000, 20);
        assertEquals(engine.calculate(p.rules(), pos).liquidationPrice(), engine.calculate(back.rules(), pos).liquidationPrice());
    }

    @Test
    void anInverseMarketWithoutItsContractValueIsRefusedNamingTheField() {
        String market = """
                {"formatVersion": 2, "id": "x-inverse", "venueRules": "binance-coinm", "name": "X", "contractType": "inverse",
                 "tiers": [{"tier": 1, "floor": 0, "cap": 50, "maxLeverage": 125, "maintenanceMarginRate": 0.004}],
                 "provenance": {"asOf": "2026-12-07", "confidence": "low", "sources": ["test"]}}""";
        io.liqlab.profile.ProfileException e = assertThrows(io.liqlab.profile.ProfileException.class, () -> new ProfileReader().read("x.json",
                market.getBytes(java.nio.charset.StandardCharsets.UTF_8), new VenueProfile.Origin(VenueProfile.Origin.Kind.FILE, "x.json")));
        assertTrue(e.getMessage().contains("$.contractValue"), e.getMessage());
    }

    /**
     * Binance COIN-M cross, one-way: WB is the cross wallet in the coin, with the other contracts' maintenance (TMM1)
     * and unrealized PnL (UPNL1) of the same margin coin: LP = (S x MMR + s x S) / (WB - TMM1 + UPNL1 + cum + s x S / EP)
     * ("How to Calculate Liquidation Price of COIN-M Futures Contracts", 2021-02-05).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void binanceCoinMCrossMatchesItsPublishedFormulaWithTheWalletInCoin(long seed) {
        Random rnd = new Random(seed);
        VenueRules rules = profile("binance-coinm-btc").rules();
        for (int i = 0; i < 200; i++) {
            Side side = rnd.nextBoolean() ? Side.LONG : Side.SHORT;
            double entry = 20_000 + rnd.nextDouble() * 80_000;
            double s = 100 * (1 + rnd.nextInt(2_000));
            double wallet = s / entry * (0.02 + rnd.nextDouble());
            double tmm = wallet * rnd.nextDouble() * 0.2;
            double upnl = wallet * (rnd.nextDouble() - 0.5) * 0.2;
            Position p = Position.builder().side(side).mode(MarginMode.CROSS).entryPrice(entry).notional(s).wallet(wallet)
                    .otherMaintenance(tmm).otherUnrealizedPnl(upnl).inverse(true).build();
            LiquidationResult r = engine.calculate(rules, p);
            if (!r.hasLiquidationPrice()) {
                continue;
            }
            Tier t = rules.tiers().tierAt(s / r.liquidationPrice());
            int sign = side.sign();
            double published = (s * t.maintenanceMarginRate() + sign * s) / (wallet - tmm + upnl + t.maintenanceAmount() + sign * s / entry);
            assertEquals(published, r.liquidationPrice(), 1e-9 * published, () -> side + " " + s + " USD @ " + entry + ", wallet " + wallet);
            assertFalse(r.estimate(), "Binance publishes the closed form");
        }
    }
}
