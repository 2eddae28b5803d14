package io.liqlab.sim;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.VenueRules;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.liqlab.sim.SimFixtures.hand;
import static io.liqlab.sim.SimFixtures.longPos;
import static io.liqlab.sim.SimFixtures.shortPos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One settlement rule per test (CASCADE.md step 5, LIQUIDATION.md section 5), each on a tiny hand-built market:
 * a flat, deep book that does not thin, no noise, mark = mid, and a shock (or a flow) at a known second. Expected
 * figures are worked out here from the formulas (bankruptcy price {@code B = E - s*M/Q}, equity at a fill
 * {@code M + s*(F - Q*E)} with F the fill notional), reading only the fill from the frames: the fill notional of a
 * liquidation is the tick's forced sell (long) or forced buy (short) notional.
 */
class SettlementRulesTest {

    private static final double START = 60_000;
    private static final int SHOCK_AT = 5;
    private static final double E = 60_000;
    private static final double CENT = 0.01;

    /** The shock that moves the mid (and so the mark) from START to about {@code price}. */
    private static double shockTo(double price) {
        return (price / START - 1) * 100;
    }

    private static double f(SimulationResult r, FrameColumn c, int frame) {
        return r.frames().get(c, frame);
    }

    /** Open quantity (base units) from an open-interest column: open interest is quantity at the mark. */
    private static double openQuantity(SimulationResult r, FrameColumn oi, int frame) {
        return f(r, oi, frame) / f(r, FrameColumn.MARK, frame);
    }

    /** Heatmap notional waiting within two buckets of {@code price} at {@code frame}. */
    private static double heatNear(SimulationResult r, int frame, double price) {
        Frames fr = r.frames();
        int centre = (int) Math.floor((price - fr.heatBucketLow(0)) / fr.heatBucketWidth());
        double sum = 0;
        for (int b = Math.max(0, centre - 2); b <= Math.min(fr.heatBuckets() - 1, centre + 2); b++) {
            sum += fr.heat(frame, b);
        }
        return sum;
    }

    private static double trigger(String venue, int sign, double entry, double quantity, double margin) {
        return LiquidationEngine.thresholdPrice(SimFixtures.rules(venue), sign, entry, quantity, margin, 1);
    }

    // ---- the trigger --------------------------------------------------------------------------------------------

    @Test
    void aPositionIsLiquidatedOnlyOnceTheMarkCrossesItsLiquidationPrice() {
        // Binance, 1 BTC long at 60,000, 10x: the notional at L (~54k) is tier 1 (mmr 0.4%, amount 0).
        double liq = (1 * E - 6_000) / (1 * (1 - 0.004));
        assertEquals(liq, trigger("binance-usdm-btc", 1, E, 1, 6_000), 1e-6, "the venue formula");

        SimulationResult above = hand().shock(SHOCK_AT, shockTo(liq + 1)).run(longPos(E, 1, 6_000));
        assertEquals(0, above.summary().liquidations(), "mark 1 USD above L: still open");
        assertEquals(1, openQuantity(above, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT), 1e-12);

        SimulationResult below = hand().shock(SHOCK_AT, shockTo(liq - 1)).run(longPos(E, 1, 6_000));
        assertEquals(1, below.summary().liquidations(), "mark 1 USD below L: liquidated");
        assertEquals(SHOCK_AT, below.firstLiquidationSecond());
    }

    @Test
    void theHeatmapShowsTheLiquidationWaitingAndNothingOnceItIsGone() {
        // Sixty longs of uneven sizes waiting in a few buckets, and one far below; the shock liquidates the sixty.
        // Their buckets must read 0, not the rounding left after adding and removing their notional one by one
        // (which drew faint stripes above the crash).
        List<Simulator.PlacedPosition> placed = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            double q = 0.0731 * (1 + k * 0.173);
            placed.add(longPos(E - 37 * k, q, q * (E - 37 * k) / 10));
        }
        placed.add(longPos(E, 1.3, 30_000));
        SimulationResult r = hand().shock(SHOCK_AT, -16).run(placed.toArray(Simulator.PlacedPosition[]::new));
        Frames f = r.frames();
        double before = 0;
        double after = 0;
        int nonZeroAfter = 0;
        for (int b = 0; b < f.heatBuckets(); b++) {
            before += f.heat(0, b);
            after += f.heat(f.size() - 1, b);
            nonZeroAfter += f.heat(f.size() - 1, b) > 0 ? 1 : 0;
        }
        assertEquals(60, r.summary().liquidations());
        assertTrue(before > 60_000, "all waiting at the start: " + before);
        assertEquals(1, nonZeroAfter, "only the 2.6x long is still waiting");
        double l = trigger("binance-usdm-btc", 1, E, 1.3, 30_000);
        assertEquals(1.3 * l, after, 0.01, "its notional at its liquidation price (the heatmap keeps floats)");
    }

    // ---- whole close, fee, insurance fund -----------------------------------------------------------------------

    @ParameterizedTest(name = "side {0}")
    @ValueSource(ints = {1, -1})
    void aWholeCloseAboveBankruptcyPaysTheFeeAndGivesTheRestToTheFund(int s) {
        // Binance (fee 0.3%, whole closes): 1 BTC at 60,000, 10x. Shock the mark 10 USD past L: the fill is between
        // the liquidation and the bankruptcy price, so there is equity left to split into fee and fund.
        double q = 1;
        double m = 6_000;
        double liq = s > 0 ? (q * E - m) / (q * (1 - 0.004)) : (q * E + m) / (q * (1 + 0.004)); // tier 1: 0.4%, no amount
        double bankruptcy = E - s * m / q;
        double fund0 = 10_000;
        SimulationResult r = hand().fund(fund0).shock(SHOCK_AT, shockTo(liq - s * 10)).run(new Simulator.PlacedPosition(s, E, q, m));

        FrameColumn fillColumn = s > 0 ? FrameColumn.FORCED_SELL_NOTIONAL : FrameColumn.FORCED_BUY_NOTIONAL;
        double fill = f(r, fillColumn, SHOCK_AT);
        assertTrue(s * (fill - q * bankruptcy) > 0, "filled better than bankruptcy: " + fill);
        double equity = m + s * (fill - q * E);
        double fee = 0.003 * fill;
        assertTrue(fee < equity, "setup: the equity covers the fee");

        assertEquals(fund0 + equity - fee, f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT), CENT,
                "the fund gets the surplus over bankruptcy minus the 0.3% fee");
        assertEquals(fund0 + equity - fee, r.summary().insuranceFundEnd(), CENT);
        // The trader gets nothing back: all the equity is accounted for by fee + fund, and money is conserved.
        assertTrue(r.maxMoneyImbalance() < 1e-6);
        assertEquals(0, f(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT) + f(r, FrameColumn.OPEN_INTEREST_SHORT, SHOCK_AT));
        assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        assertEquals(fill, f(r, s > 0 ? FrameColumn.LIQUIDATED_NOTIONAL_LONG : FrameColumn.LIQUIDATED_NOTIONAL_SHORT, SHOCK_AT), 1e-9);
        assertEquals(0, r.summary().badDebt());
        assertEquals(0, r.summary().adlCount());
    }

    @Test
    void aFillWorseThanBankruptcyIsPaidByTheFund() {
        // Binance 10x long, shock -12%: the mark (52,800) is already below B = 54,000.
        double m = 6_000;
        double fund0 = 100_000;
        // Whole orders (Binance's IOC switched off): this is about the fund itself.
        SimulationResult r = hand().fund(fund0).shock(SHOCK_AT, -12).rules(false, true, Scenario.AdlMode.VENUE)
                .run(longPos(E, 1, m));

        double fill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        double shortfall = -(m + fill - E);
        assertTrue(shortfall > 1_000, "setup: a loss beyond the margin, " + shortfall);
        assertEquals(fund0 - shortfall, f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT), CENT, "the fund pays exactly the shortfall");
        assertEquals(fund0 - shortfall, r.summary().insuranceFundMin(), CENT);
        assertEquals(0, r.summary().badDebt(), "no bad debt while the fund suffices");
        assertEquals(0, r.summary().adlCount(), "no ADL while the fund suffices");
        assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
    }

    /**
     * Binance's profile rule is {@code ioc-order-first}: "one large IOC order into the book first; whatever is left
     * is taken over at the bankruptcy price" (PartialLiquidation.IocOrderFirst). An IOC order limited at the
     * bankruptcy price cannot trade through it: in a thin book the order stops at B and the rest is taken over at
     * B, so the trader's own order costs the fund nothing; the engine unwinds what it took over on the next tick,
     * and that unwinding is what the fund pays for.
     */
    @Test
    void binanceIocOrderDoesNotTradeThroughTheBankruptcyPrice() {
        // 10 BTC long at 60,000, 10x (B = 54,000), shocked to 54,200 (past L ~ 54,221) into a 300k-per-1% book.
        double fund0 = 10_000;
        double bankruptcy = E - 60_000 / 10.0;
        SimulationResult r = hand().depth(300_000).fund(fund0).shock(SHOCK_AT, shockTo(54_200)).run(longPos(E, 10, 60_000));
        assertEquals(1, r.summary().liquidations());
        assertTrue(f(r, FrameColumn.MID, SHOCK_AT) >= bankruptcy - 1e-6,
                "the IOC stops at B; the mid went to " + f(r, FrameColumn.MID, SHOCK_AT));
        assertTrue(f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT) >= fund0 - 1e-6,
                "the IOC part fills at B or better: the fund pays nothing for it");
        double unwound = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT + 1);
        assertTrue(unwound > 0, "what was taken over is sold the next tick");
        assertTrue(f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT + 1) < f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT),
                "the fund pays the loss of unwinding below B");
        assertEquals(0, r.summary().badDebt(), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"textbook", "binance-usdm-btc with ADL off"})
    void whatTheFundCannotPayWithoutAdlIsBadDebt(String setup) {
        boolean textbook = setup.equals("textbook");
        SimFixtures.Hand market = hand().fund(500).shock(SHOCK_AT, -12);
        if (textbook) {
            market.venue("textbook"); // no ADL at all
        } else {
            market.rules(false, true, Scenario.AdlMode.OFF); // whole orders, no ADL
        }
        double m = 6_000;
        // A profitable short that ADL could have used: it must stay untouched.
        SimulationResult r = market.run(longPos(E, 1, m), shortPos(E, 1, m));

        double fill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        double shortfall = -(m + fill - E);
        assertTrue(shortfall > 500, "setup: the loss exceeds the fund, " + shortfall);
        assertEquals(shortfall - 500, r.summary().badDebt(), CENT, "bad debt = shortfall - fund");
        assertEquals(shortfall - 500, f(r, FrameColumn.CUMULATIVE_BAD_DEBT, SHOCK_AT), CENT);
        assertEquals(0, r.summary().insuranceFundEnd(), 1e-9, "the fund is spent to zero");
        assertEquals(0, r.summary().adlCount());
        assertEquals(1, openQuantity(r, FrameColumn.OPEN_INTEREST_SHORT, SHOCK_AT), 1e-12, "the short is untouched");
    }

    // ---- ADL ----------------------------------------------------------------------------------------------------

    /**
     * A 10x long shocked below its bankruptcy price with an empty fund. Opposing shorts: A (0.4 BTC at 10x, the
     * top of every venue ranking: more profit per margin and more leverage), B (3 BTC at 3x, lower) and C (1 BTC,
     * entered at 50,000, losing at the mark, so never a candidate). The long's 1 BTC closes at its bankruptcy
     * price: A is closed whole first, then B gives 0.6 BTC.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binance-usdm-btc", "bybit-linear-btc", "hyperliquid-btc", "gte-btc", "okx-swap-btc"})
    void adlClosesProfitableOpposingPositionsInRankingOrderAtTheBankruptcyPrice(String venue) {
        Simulator.PlacedPosition a = shortPos(E, 0.4, 2_400);
        Simulator.PlacedPosition b = shortPos(E, 3, 60_000);
        Simulator.PlacedPosition c = shortPos(50_000, 1, 50_000);
        SimFixtures.Hand market = hand().venue(venue).fund(0).shock(SHOCK_AT, -12)
                .rules(false, false, Scenario.AdlMode.VENUE);
        market.heatRangePercent = 70;
        market.heatBuckets = 140;
        SimulationResult r = market.run(longPos(E, 1, 6_000), a, b, c);

        double bankruptcy = E - 6_000 / 1.0;
        double aAt = trigger(venue, -1, a.entry(), a.quantity(), a.margin());
        double bAt = trigger(venue, -1, b.entry(), b.quantity(), b.margin());
        double cAt = trigger(venue, -1, c.entry(), c.quantity(), c.margin());
        int before = SHOCK_AT - 1;

        assertEquals(SHOCK_AT, r.firstAdlSecond());
        assertEquals(2, r.summary().adlCount(), "two fills: all of A, then part of B");
        assertEquals(1 * bankruptcy, r.summary().adlNotional(), 1e-6, "1 BTC at the bankruptcy price");
        assertEquals(0, heatNear(r, SHOCK_AT, aAt), "A, the top of the ranking, is closed whole");
        assertEquals(0.8 * heatNear(r, before, bAt), heatNear(r, SHOCK_AT, bAt), 0.01 * heatNear(r, before, bAt),
                "B gave 0.6 of its 3 BTC");
        assertEquals(heatNear(r, before, cAt), heatNear(r, SHOCK_AT, cAt), 0, "C, losing, is untouched");
        assertEquals(4.4 - 1, openQuantity(r, FrameColumn.OPEN_INTEREST_SHORT, SHOCK_AT), 1e-9);
        assertEquals(0, r.summary().badDebt(), 1e-6, "ADL took it all");
        assertTrue(r.summary().insuranceFundMin() <= 1e-6, "the fund was empty");
        assertTrue(r.maxMoneyImbalance() < 1e-6);
    }

    /** When the demand is smaller than the top-ranked position, only that position is touched. */
    @Test
    void adlTouchesOnlyTheTopRankedPositionWhenItCanTakeEverything() {
        Simulator.PlacedPosition top = shortPos(E, 2, 12_000);    // 10x
        Simulator.PlacedPosition second = shortPos(59_000, 3, 59_000); // 3x, less profit per margin
        // Whole orders (Binance's IOC switched off): the fund and ADL themselves are under test.
        SimFixtures.Hand market = hand().fund(0).shock(SHOCK_AT, -12).rules(false, true, Scenario.AdlMode.VENUE);
        market.heatRangePercent = 70;
        market.heatBuckets = 140;
        SimulationResult r = market.run(longPos(E, 1, 6_000), top, second);

        assertEquals(1, r.summary().adlCount());
        double secondAt = trigger("binance-usdm-btc", -1, second.entry(), second.quantity(), second.margin());
        assertEquals(heatNear(r, SHOCK_AT - 1, secondAt), heatNear(r, SHOCK_AT, secondAt), 0, "the second is untouched");
        assertEquals(4, openQuantity(r, FrameColumn.OPEN_INTEREST_SHORT, SHOCK_AT), 1e-9);
    }

    @Test
    void adlStartsOnlyOnceTheFundIsExhausted() {
        // A fund of 300 against a ~1,200 loss: the fund pays for as much of the position as it can, ADL takes the
        // rest at the bankruptcy price in the same tick.
        double fund0 = 300;
        double m = 6_000;
        double bankruptcy = E - m;
        // Whole orders (Binance's IOC switched off): the fund and ADL themselves are under test.
        SimulationResult r = hand().fund(fund0).shock(SHOCK_AT, -12).rules(false, true, Scenario.AdlMode.VENUE).run(longPos(E, 1, m), shortPos(E, 2, 12_000));

        assertEquals(SHOCK_AT, r.fundEmptySecond());
        assertEquals(SHOCK_AT, r.firstAdlSecond());
        assertTrue(r.firstAdlSecond() >= r.fundEmptySecond());
        assertEquals(0, r.summary().insuranceFundEnd(), 1e-6);
        assertEquals(0, r.summary().badDebt(), 1e-6);

        // The part the fund covered went through the book; its loss is exactly the fund.
        double adlQuantity = r.summary().adlNotional() / bankruptcy;
        double covered = 1 - adlQuantity;
        assertTrue(covered > 0.1 && covered < 0.5, "the fund covered part of it: " + covered);
        double bookFill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        double lossOnCovered = -(covered * m + bookFill - covered * E);
        assertEquals(fund0, lossOnCovered, CENT);
        assertEquals(bookFill + adlQuantity * bankruptcy, r.summary().liquidatedNotionalLong(), 1e-6);
        assertEquals(0, f(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT));
    }

    @Test
    void aLiquidationSplitBetweenFundAndAdlCountsOnceInItsFrame() {
        // Whole orders (Binance's IOC switched off): the fund and ADL themselves are under test.
        SimulationResult r = hand().fund(300).shock(SHOCK_AT, -12).rules(false, true, Scenario.AdlMode.VENUE).run(longPos(E, 1, 6_000), shortPos(E, 2, 12_000));
        assertEquals(1, r.summary().liquidations());
        assertEquals(1, f(r, FrameColumn.LIQUIDATIONS_LONG, SHOCK_AT), "one position was liquidated");
        assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
    }

    @Test
    void whatNobodyCanTakeByAdlGoesToTheBookAndTheLossIsBadDebt() {
        // Fund empty, ADL on, but the only short is losing at the mark: no candidate.
        double m = 6_000;
        double bankruptcy = E - m;
        // Whole orders (Binance's IOC switched off): the fund and ADL themselves are under test.
        SimulationResult r = hand().fund(0).shock(SHOCK_AT, -12).rules(false, true, Scenario.AdlMode.VENUE).run(longPos(E, 1, m), shortPos(50_000, 1, 50_000));

        double fill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        assertEquals(0, r.summary().adlCount());
        assertEquals(bankruptcy - fill, r.summary().badDebt(), CENT, "bad debt = B*Q - fill");
        assertEquals(0, r.summary().insuranceFundEnd(), 1e-9);
    }

    @Test
    void proRataAdlReducesEveryProfitableOpposingPositionByTheSameFraction() {
        // GTE (no maintenance amount: a proportional cut leaves each short's liquidation price where it was, so
        // its heatmap notional falls exactly by the cut). Demand 1 BTC against 2 + 3 BTC of profitable shorts:
        // each gives 20%.
        Simulator.PlacedPosition a = shortPos(E, 2, 12_000);
        Simulator.PlacedPosition b = shortPos(58_000, 3, 58_000);
        Simulator.PlacedPosition losing = shortPos(50_000, 1, 50_000);
        SimFixtures.Hand market = hand().venue("gte-btc").fund(0).shock(SHOCK_AT, -12)
                .rules(false, false, Scenario.AdlMode.PRO_RATA);
        market.heatRangePercent = 70;
        market.heatBuckets = 140;
        SimulationResult r = market.run(longPos(E, 1, 6_000), a, b, losing);

        int before = SHOCK_AT - 1;
        for (Simulator.PlacedPosition p : new Simulator.PlacedPosition[] {a, b}) {
            double at = trigger("gte-btc", -1, p.entry(), p.quantity(), p.margin());
            assertEquals(0.8 * heatNear(r, before, at), heatNear(r, SHOCK_AT, at), 1e-6 * heatNear(r, before, at),
                    "short of " + p.quantity() + " BTC keeps 80%");
        }
        double losingAt = trigger("gte-btc", -1, losing.entry(), losing.quantity(), losing.margin());
        assertEquals(heatNear(r, before, losingAt), heatNear(r, SHOCK_AT, losingAt), 0, "the losing short is untouched");
        assertEquals(0.8 * 5 + 1, openQuantity(r, FrameColumn.OPEN_INTEREST_SHORT, SHOCK_AT), 1e-9);
        assertEquals(2, r.summary().adlCount());
        assertEquals(E - 6_000, r.summary().adlNotional(), 1e-6, "1 BTC at the bankruptcy price");
        assertEquals(0, r.summary().badDebt(), 1e-6);
    }

    // ---- partial liquidation ------------------------------------------------------------------------------------

    /** Hyperliquid: mmr 1.25%, no fee, 20% per order above 100k notional, 30 s cooldown, backstop below 2/3 MM. */
    private static final double HL_MMR = 0.0125;

    @Test
    void hyperliquidSendsTwentyPercentOfALargePositionFirstAndClosesTheRestWholeWithinTheCooldown() {
        // 5 BTC long at 60,000, 10x (300k notional). L = (Q*E - M) / (Q*(1 - mmr)); the backstop takes over only
        // below (Q*E - M) / (Q*(1 - 2/3 mmr)), so a mark between the two is an ordinary liquidation.
        double q = 5;
        double m = 30_000;
        double liq = (q * E - m) / (q * (1 - HL_MMR));
        double backstopAt = (q * E - m) / (q * (1 - 2.0 / 3 * HL_MMR));
        double mark = 54_600;
        assertTrue(mark < liq && mark > backstopAt, "setup: " + backstopAt + " < " + mark + " < " + liq);
        // A seller after the first partial pushes the mark over the smaller position's new L within 30 s.
        SimulationResult r = hand().venue("hyperliquid-btc").shock(SHOCK_AT, shockTo(mark)).flow(8, 20, -3_700_000)
                .run(longPos(E, q, m));

        assertEquals(1, f(r, FrameColumn.PARTIAL_LIQUIDATIONS, SHOCK_AT), "first trigger: a partial order");
        assertEquals(0, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        assertEquals(0.8 * q, openQuantity(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT), 1e-9, "20% closed");
        double firstFill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        assertEquals(0.2 * q * mark, firstFill, 0.001 * firstFill, "about 1 BTC sold at the mark");

        int second = nextLiquidation(r, SHOCK_AT);
        assertTrue(second - SHOCK_AT < 30, "setup: triggered again within the cooldown, at " + second);
        // The smaller position's own L after the partial (no fee: the realised loss comes out of its margin).
        double m2 = m + firstFill - 0.2 * q * E;
        double liq2 = (0.8 * q * E - m2) / (0.8 * q * (1 - HL_MMR));
        assertTrue(f(r, FrameColumn.MARK, second) <= liq2 && f(r, FrameColumn.MARK, second - 1) > liq2,
                "second trigger when the mark crossed " + liq2);
        assertEquals(0, f(r, FrameColumn.PARTIAL_LIQUIDATIONS, second), "within 30 s: no second partial");
        assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, second), "closed whole");
        assertEquals(0, f(r, FrameColumn.OPEN_INTEREST_LONG, second));
        assertEquals(1, r.summary().partialLiquidations());
        assertEquals(0, r.summary().backstopNotional());
    }

    @Test
    void hyperliquidSendsAnotherTwentyPercentOnceTheCooldownHasPassed() {
        double q = 5;
        double m = 30_000;
        // The same position; the seller starts 35 s after the first partial.
        SimulationResult r = hand().venue("hyperliquid-btc").seconds(60).shock(SHOCK_AT, shockTo(54_600))
                .flow(40, 46, -3_700_000).run(longPos(E, q, m));

        assertEquals(1, f(r, FrameColumn.PARTIAL_LIQUIDATIONS, SHOCK_AT));
        int second = nextLiquidation(r, SHOCK_AT);
        assertTrue(second - SHOCK_AT >= 30, "setup: after the cooldown, at " + second);
        assertEquals(1, f(r, FrameColumn.PARTIAL_LIQUIDATIONS, second), "a second partial order");
        assertEquals(0.8 * 0.8 * q, openQuantity(r, FrameColumn.OPEN_INTEREST_LONG, second), 1e-9);
    }

    @Test
    void hyperliquidClosesAPositionOf100kOrLessWhole() {
        // Exactly 100k at the mark is not above the threshold (Hyperliquid's is exclusive). 2.5 BTC at 44,000
        // shocked to 40,000: equity 1,000 between 2/3 MM (833) and MM (1,250).
        double mark = 50_000 * (1 + -20.0 / 100);
        assertEquals(100_000, 2.5 * mark, 0, "setup: exactly 100k at the mark");
        SimulationResult r = hand().venue("hyperliquid-btc").start(50_000).shock(SHOCK_AT, -20)
                .run(longPos(44_000, 2.5, 11_000));
        assertEquals(mark, f(r, FrameColumn.MARK, SHOCK_AT), 0);
        assertEquals(0, r.summary().partialLiquidations());
        assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        assertEquals(0, f(r, FrameColumn.BACKSTOP_LIQUIDATIONS, SHOCK_AT), "above 2/3 MM: not the backstop");
        assertEquals(0, f(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT));

        // 1 BTC at 60,000 (about 55k at the trigger): whole as well.
        SimulationResult small = hand().venue("hyperliquid-btc").shock(SHOCK_AT, shockTo(54_600)).run(longPos(E, 1, 6_000));
        assertEquals(0, small.summary().partialLiquidations());
        assertEquals(1, f(small, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
    }

    @Test
    void gtePartialThresholdIsInclusiveAt20k() {
        // GTE: mmr 1%, fee 1%, 20% per order from 20k notional inclusive, no cooldown, backstop below MM/3.
        // 0.5 BTC at 44,000 shocked to 40,000 is exactly 20k at the mark; equity 150 between MM/3 (66.7) and MM (200).
        double mark = 50_000 * (1 + -20.0 / 100);
        assertEquals(20_000, 0.5 * mark, 0, "setup: exactly 20k at the mark");
        SimulationResult at = hand().venue("gte-btc").start(50_000).shock(SHOCK_AT, -20).run(longPos(44_000, 0.5, 2_150));
        assertEquals(1, f(at, FrameColumn.PARTIAL_LIQUIDATIONS, SHOCK_AT), "at 20k: a 20% order first");
        assertEquals(0, f(at, FrameColumn.BACKSTOP_LIQUIDATIONS, SHOCK_AT));
        // The 1% fee on the partial eats 20% of the MM, so the 0.4 BTC left (16k, below the threshold) is still
        // under maintenance and closes whole in the same tick.
        assertEquals(1, f(at, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        assertEquals(0.5 * mark, f(at, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT), 0.001 * 0.5 * mark);
        assertEquals(0, f(at, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT));

        // Just under 20k: whole at once.
        SimulationResult under = hand().venue("gte-btc").start(50_000).shock(SHOCK_AT, -20).run(longPos(44_000, 0.49, 2_110));
        assertEquals(0, under.summary().partialLiquidations(), "19.6k: whole");
        assertEquals(1, f(under, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
    }

    private static int nextLiquidation(SimulationResult r, int after) {
        for (int i = after + 1; i < r.frames().size(); i++) {
            if (f(r, FrameColumn.LIQUIDATIONS_LONG, i) + f(r, FrameColumn.LIQUIDATIONS_SHORT, i) > 0) {
                return i;
            }
        }
        throw new AssertionError("no liquidation after frame " + after);
    }

    // ---- backstop -----------------------------------------------------------------------------------------------

    /** (At Hyperliquid a negative account is auto-deleveraged instead: HyperliquidVaultAndAdlTest.) */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gte-btc"})
    void aPositionFarBelowMaintenanceGoesToTheBackstopWithoutTouchingTheBook(String venue) {
        // 1 BTC long at 60,000, 10x, shocked -12%: equity -1,200, far below GTE's 1/3 of MM.
        double m = 6_000;
        double fund0 = 50_000;
        SimulationResult r = hand().venue(venue).fund(fund0).shock(SHOCK_AT, -12).run(longPos(E, 1, m));

        double mark = f(r, FrameColumn.MARK, SHOCK_AT);
        assertEquals(1, f(r, FrameColumn.BACKSTOP_LIQUIDATIONS, SHOCK_AT));
        assertEquals(1 * mark, f(r, FrameColumn.BACKSTOP_NOTIONAL, SHOCK_AT), 1e-6, "handed over at the mark");
        assertTrue(r.summary().backstopNotional() > 0);
        assertEquals(0, f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT), "nothing sold into the book");
        assertEquals(f(r, FrameColumn.MID, SHOCK_AT), mark, 0, "the book did not move");
        assertEquals(m + 1 * (mark - E), f(r, FrameColumn.BACKSTOP_VAULT, SHOCK_AT), 1e-6,
                "the vault holds the position and its margin: the equity at the mark");
        assertEquals(fund0, r.summary().insuranceFundEnd(), 0, "the vault, not the fund, takes the loss (no equity, no fee)");
        assertEquals(0, f(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT));
        assertEquals(0, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hyperliquid-btc", "gte-btc"})
    void theBackstopTakesTheEquityLeftLessTheVenuesFeeShareForTheFund(String venue) {
        // 1 BTC long at 60,000 with 6,000 margin, shocked to a mark where the equity is a fifth of MM: positive,
        // but below both venues' backstop lines. GTE: "forfeited margin: fee share to insurance fund, rest to
        // backstop liquidators" (fee 1% of the notional at the mark, out of that equity); Hyperliquid has no fee.
        double mmr = venue.equals("gte-btc") ? 0.01 : HL_MMR;
        double mark = 54_000 / (1 - 0.2 * mmr);
        double fund0 = 50_000;
        SimulationResult r = hand().venue(venue).fund(fund0).shock(SHOCK_AT, shockTo(mark)).run(longPos(E, 1, 6_000));
        double at = f(r, FrameColumn.MARK, SHOCK_AT);
        double equity = 6_000 + (at - E);
        assertEquals(1, f(r, FrameColumn.BACKSTOP_LIQUIDATIONS, SHOCK_AT));
        assertTrue(equity > 0, "setup: equity left");
        double fee = venue.equals("gte-btc") ? Math.min(equity, 0.01 * at) : 0;
        // Hyperliquid has no separate insurance fund: the vault is the only buffer, and the scenario's fund is unused.
        double fund = venue.equals("gte-btc") ? fund0 + fee : 0;
        assertEquals(fund, f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT), CENT, "the fee share goes to the fund");
        assertEquals(equity - fee, f(r, FrameColumn.BACKSTOP_VAULT, SHOCK_AT), CENT, "the rest to the backstop");
    }

    @Test
    void aPositionPastItsBankruptcyPriceIsClosedWholeSoTheFundPaysNoPartialFee() {
        // OKX, 400 BTC long at 60,000 with 2.4M margin (tier 5, which would step down two tiers), shocked -12%: the
        // mark (52,800) is below the bankruptcy price (54,000). Closed whole in one order; no fee is charged, and
        // the fund pays exactly the shortfall against the bankruptcy price.
        double fund0 = 10_000_000;
        SimulationResult r = hand().venue("okx-swap-btc").depth(1e9).fund(fund0).shock(SHOCK_AT, -12).run(longPos(E, 400, 2_400_000));
        assertEquals(0, r.summary().partialLiquidations());
        assertEquals(1, r.summary().liquidations());
        double fill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        double shortfall = 400 * 54_000 - fill;
        assertTrue(shortfall > 0, "setup: filled below the bankruptcy price");
        assertEquals(fund0 - shortfall, r.summary().insuranceFundEnd(), CENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hyperliquid-btc", "gte-btc"})
    void withTheBackstopSwitchedOffTheSamePositionIsSoldIntoTheBook(String venue) {
        double m = 6_000;
        double fund0 = 50_000;
        // (Partial off: GTE would otherwise sell it in 20% orders.)
        SimulationResult r = hand().venue(venue).fund(fund0).shock(SHOCK_AT, -12)
                .rules(false, false, Scenario.AdlMode.VENUE).run(longPos(E, 1, m));

        double fill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        assertTrue(fill > 0, "sold into the book");
        assertEquals(0, r.summary().backstopNotional());
        assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        assertEquals(fund0 + m + fill - E, r.summary().insuranceFundEnd(), CENT, "the fund pays the shortfall");
    }

    @Test
    void theBackstopFractionIsTheVenues() {
        // Equity at half the maintenance margin: below Hyperliquid's 2/3 (backstop), above GTE's 1/3 (the book).
        // 1 BTC long at 60,000 with 6,000 margin: equity = P - 54,000 = 0.5 * mmr * P at P = 54,000 / (1 - mmr/2).
        double hlMark = 54_000 / (1 - HL_MMR / 2);
        SimulationResult hl = hand().venue("hyperliquid-btc").shock(SHOCK_AT, shockTo(hlMark)).run(longPos(E, 1, 6_000));
        assertEquals(1, f(hl, FrameColumn.BACKSTOP_LIQUIDATIONS, SHOCK_AT), "Hyperliquid: below 2/3 MM");
        assertEquals(0, f(hl, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT));

        double gteMark = 54_000 / (1 - 0.01 / 2);
        // (Partial off: GTE's 20% orders at a 1% fee would each lower equity / MM until the backstop takes over.)
        SimulationResult gte = hand().venue("gte-btc").shock(SHOCK_AT, shockTo(gteMark))
                .rules(false, true, Scenario.AdlMode.VENUE).run(longPos(E, 1, 6_000));
        assertEquals(0, f(gte, FrameColumn.BACKSTOP_LIQUIDATIONS, SHOCK_AT), "GTE: above MM/3");
        assertEquals(1, f(gte, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        assertTrue(f(gte, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT) > 0);
    }

    // ---- dYdX's fillable price --------------------------------------------------------------------------------------

    /**
     * dYdX: 10 BTC long at 60,000 with 60,000 margin (B = 54,000), MMF 1.2%, oracle (mark) shocked to 54,600: TNC =
     * 6,000, TMMR = 6,552, so the fillable price is 54,600 x (1 - 1.5 x 0.012 x (1 - 6,000/6,552)) = 54,517.2. Into a
     * thin book (50,000 per 1%) the order fills only down to that price: a part is closed above the bankruptcy price,
     * the fund pays nothing, and the rest waits for the next block.
     */
    @Test
    void dydxFillsOnlyWithinTheFillablePriceAndTheRestWaitsForTheNextBlock() {
        double fund0 = 1_000_000;
        double mark = 54_600;
        double tnc = 60_000 + 10 * (mark - E);
        double tmmr = 10 * mark * 0.012;
        double fillable = mark * (1 - 1.5 * 0.012 * (1 - tnc / tmmr));
        assertEquals(54_517.2, fillable, 0.05, "the venue file's formula");
        SimulationResult r = hand().venue("dydx-v4-btc").depth(50_000).fund(fund0).shock(SHOCK_AT, shockTo(mark))
                .run(longPos(E, 10, 60_000));

        assertEquals(mark, f(r, FrameColumn.MARK, SHOCK_AT), 1e-6, "setup: the mark");
        assertEquals(1, f(r, FrameColumn.PARTIAL_LIQUIDATIONS, SHOCK_AT), "a part filled within the limit");
        assertEquals(0, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        assertTrue(f(r, FrameColumn.MID, SHOCK_AT) >= fillable - 1e-6, "the order stopped at the fillable price");
        double sold = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        assertTrue(sold > 0 && sold < 54_600, "a fraction of a BTC, not 10: " + sold);
        assertTrue(f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT) >= fund0, "filled above B: the fund pays nothing (it gets the surplus)");
        assertTrue(openQuantity(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT) > 9.8, "the rest is still open");
        double laterFills = 0;
        for (int t = SHOCK_AT + 1; t < r.frames().size(); t++) {
            laterFills += f(r, FrameColumn.LIQUIDATIONS_LONG, t);
        }
        assertTrue(laterFills > 0, "the rest is tried again in the next blocks");
        assertTrue(r.maxMoneyImbalance() < 1e-6 * 10 * E);
    }

    /**
     * The same position gapped past its bankruptcy price to 50,000: the spread factor is clamped to 1, so the order
     * goes no lower than 50,000 x (1 - 1.5 x 1.2%) = 49,100, and the fund pays for each fill when it happens, at most
     * the gap between that price and B = 54,000.
     */
    @Test
    void dydxSpreadIsAtMostOneAndAHalfTimesMaintenanceAndTheFundPaysEachFillAtOnce() {
        double fund0 = 1_000_000;
        SimulationResult r = hand().venue("dydx-v4-btc").depth(50_000).fund(fund0).shock(SHOCK_AT, shockTo(50_000))
                .run(longPos(E, 10, 60_000));
        double floor = 50_000 * (1 - 1.5 * 0.012);
        assertTrue(f(r, FrameColumn.MID, SHOCK_AT) >= floor - 1e-6, "never below the clamped fillable price: " + f(r, FrameColumn.MID, SHOCK_AT));
        double sold = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        double filled = sold / 50_000; // at most; fills are between 49,100 and 50,000
        assertTrue(sold > 0);
        double paid = fund0 - f(r, FrameColumn.INSURANCE_FUND, SHOCK_AT);
        assertTrue(paid > 0, "settled in the tick of the fill");
        assertTrue(paid <= (54_000 - floor) * filled + CENT, "at most the gap to the fillable price: " + paid);
        assertTrue(r.maxMoneyImbalance() < 1e-6 * 10 * E);
    }

    // ---- tier step-down -----------------------------------------------------------------------------------------

    /**
     * OKX (contract 0.01 BTC; tier n covers up to 2,000 + (n-1) x 10,000 contracts): a position in tier 3 or
     * above is cut down two tiers, to the cap of the target tier, and only that part is sold; smaller positions
     * close whole. Shock -8.5% (mark ~54,900); margins chosen so each position is past its trigger
     * (L = (E - M/Q) / (1 - (mmr + 0.05% fee))) and the part that is left is not.
     */
    @ParameterizedTest(name = "{0} BTC")
    @ValueSource(doubles = {500, 200, 40})
    void okxStepsALargePositionDownTwoTiersAndSellsOnlyTheExcess(double q) {
        // Recorded tiers (2026-05-28): 100 contracts a BTC; tier 1 up to 1,000, 2 up to 5,000, 3 up to 20,000,
        // 5 up to 60,000 contracts.
        double margin = q == 500 ? 3_000_000 : q == 200 ? 1_080_000 : 210_000;
        double keep = q == 500 ? 200 : q == 200 ? 10 : 0; // tier 5 -> tier 3 cap; tier 3 -> tier 1 cap; tier 2: whole
        VenueRules okx = SimFixtures.rules("okx-swap-btc");
        SimFixtures.Hand market = hand().venue("okx-swap-btc").depth(1e9).shock(SHOCK_AT, -8.5).seconds(30);
        double mark = START * (1 - 0.085);
        assertTrue(LiquidationEngine.thresholdPrice(okx, 1, E, q, margin, 1) > mark, "setup: triggered");
        SimulationResult r = market.run(longPos(E, q, margin));

        double left = openQuantity(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT);
        assertEquals(keep, left, 1e-6, "quantity left");
        double fill = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        assertEquals((q - keep) * mark, fill, 0.001 * fill, "only the excess was sold");
        if (keep > 0) {
            assertEquals(1, f(r, FrameColumn.PARTIAL_LIQUIDATIONS, SHOCK_AT));
            assertEquals(0, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
            assertEquals(1, r.summary().liquidations(), "what is left is safe at this price");
            assertEquals(keep, openQuantity(r, FrameColumn.OPEN_INTEREST_LONG, r.frames().size() - 1), 1e-6);
        } else {
            assertEquals(0, r.summary().partialLiquidations(), "tier 2 is below the step-down tiers");
            assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT));
        }
        assertTrue(r.maxMoneyImbalance() < 1e-6 * q * E);
    }
}
