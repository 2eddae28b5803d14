package io.liqlab.sim;

import io.liqlab.core.Backstop;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.VenueRules;
import org.junit.jupiter.api.Test;

import static io.liqlab.sim.SimFixtures.hand;
import static io.liqlab.sim.SimFixtures.longPos;
import static io.liqlab.sim.SimFixtures.shortPos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hyperliquid's backstop and auto-deleveraging as its docs state them (Trading > Liquidations, Trading >
 * Auto-deleveraging; the venue file's notes): no separate insurance fund, a liquidator vault of finite capital that
 * takes positions over below 2/3 of maintenance margin, and ADL of profitable opposing positions, ranked by
 * {@code (mark/entry or entry/mark) x notional / account value}, when an account goes negative or the vault cannot
 * absorb a liquidation. On a tiny hand-built market: a flat deep book, mark = mid, a shock at a known second.
 */
class HyperliquidVaultAndAdlTest {

    private static final double START = 60_000;
    private static final int SHOCK_AT = 5;
    private static final double HL_MMR = 0.0125;

    private static double f(SimulationResult r, FrameColumn c, int frame) {
        return r.frames().get(c, frame);
    }

    private static double shockTo(double price) {
        return (price / START - 1) * 100;
    }

    /** Hyperliquid's shipped rules with a vault of {@code capital}. */
    private static VenueRules withVault(double capital) {
        VenueRules shipped = SimFixtures.rules("hyperliquid-btc");
        Backstop b = shipped.backstop();
        return new VenueRules(shipped.family(), shipped.tiers(), shipped.liquidationFeeRate(), shipped.partialLiquidation(),
                new Backstop(b.equityFraction(), b.taker(), capital, "test", true), shipped.adl());
    }

    /** Heatmap notional waiting within two buckets of {@code price} at {@code frame}: one position's presence. */
    private static double heatNear(SimulationResult r, int frame, double price) {
        Frames fr = r.frames();
        int centre = (int) Math.floor((price - fr.heatBucketLow(0)) / fr.heatBucketWidth());
        double sum = 0;
        for (int b = Math.max(0, centre - 2); b <= Math.min(fr.heatBuckets() - 1, centre + 2); b++) {
            sum += fr.heat(frame, b);
        }
        return sum;
    }

    @Test
    void theShippedVaultHasAFiniteCapitalWithItsSourceAndReplacesTheInsuranceFund() {
        Backstop b = SimFixtures.rules("hyperliquid-btc").backstop();
        assertTrue(b.hasVaultCapital() && b.vaultCapital() > 0, "finite capital: " + b.vaultCapital());
        assertTrue(b.vaultCapitalSource().contains("https://"), "the capital names its source: " + b.vaultCapitalSource());
        assertTrue(b.replacesInsuranceFund());
        assertTrue(!SimFixtures.rules("gte-btc").backstop().hasVaultCapital(), "GTE's backstop book is not limited");
    }

    /**
     * A long whose account is negative at the mark (0.5 BTC at 60,000 with 3,000, shocked -12% to 52,800: equity
     * -600) is deleveraged at its bankruptcy price 54,000, not taken by the vault. Opposing shorts: A (1 BTC entered
     * at 70,000, 2x: the larger unrealised PnL, 17,200) and B (1 BTC at 60,000, 10x: 7,200). Hyperliquid's key,
     * (entry/mark) x notional / account value, ranks B first (4.5 against 1.3), so B gives 0.5 BTC and A is
     * untouched. A long in profit (entered at 40,000) is on the bankrupt side and is never deleveraged.
     */
    @Test
    void aNegativeAccountIsDeleveragedAgainstTheTopRankedProfitableShortAndNeverItsOwnSide() {
        Simulator.PlacedPosition bankrupt = longPos(START, 0.5, 3_000);
        Simulator.PlacedPosition winningLong = longPos(40_000, 1, 40_000);
        Simulator.PlacedPosition a = shortPos(70_000, 1, 35_000);
        Simulator.PlacedPosition b = shortPos(START, 1, 6_000);
        SimFixtures.Hand market = hand().venue("hyperliquid-btc").shock(SHOCK_AT, -12);
        market.heatRangePercent = 80;
        market.heatBuckets = 160;
        SimulationResult r = market.run(bankrupt, winningLong, a, b);

        double mark = f(r, FrameColumn.MARK, SHOCK_AT);
        double keyA = a.entry() / mark * (a.quantity() * mark / (a.margin() + a.quantity() * (a.entry() - mark)));
        double keyB = b.entry() / mark * (b.quantity() * mark / (b.margin() + b.quantity() * (b.entry() - mark)));
        assertTrue(keyB > keyA, "setup: B ranks first by the documented key (" + keyB + " > " + keyA + ")");
        assertTrue(a.entry() - mark > b.entry() - mark, "setup: A has the larger unrealised PnL");

        assertEquals(0, r.summary().backstopNotional(), "a negative account is not the vault's");
        assertEquals(1, r.summary().adlCount(), "one fill, against B");
        assertEquals(0.5 * 54_000, r.summary().adlNotional(), 1e-6, "0.5 BTC at the bankruptcy price");
        assertEquals(SHOCK_AT, r.firstAdlSecond());
        double aAt = LiquidationEngine.thresholdPrice(SimFixtures.rules("hyperliquid-btc"), -1, a.entry(), a.quantity(), a.margin(), 1);
        double bAt = LiquidationEngine.thresholdPrice(SimFixtures.rules("hyperliquid-btc"), -1, b.entry(), b.quantity(), b.margin(), 1);
        assertEquals(heatNear(r, SHOCK_AT - 1, aAt), heatNear(r, SHOCK_AT, aAt), 0, "A, ranked lower, is untouched");
        assertEquals(0.5 * heatNear(r, SHOCK_AT - 1, bAt), heatNear(r, SHOCK_AT, bAt), 0.01 * heatNear(r, SHOCK_AT - 1, bAt),
                "B gave half of its 1 BTC");
        assertEquals(1.5, f(r, FrameColumn.OPEN_INTEREST_SHORT, SHOCK_AT) / mark, 1e-9);
        assertEquals(1, f(r, FrameColumn.OPEN_INTEREST_LONG, SHOCK_AT) / mark, 1e-9,
                "the long in profit is on the bankrupt side: untouched");
        assertEquals(0, r.summary().badDebt(), 1e-6);
        assertEquals(1.0, r.summary().adlShareInProfit(), 0, "B closed at 54,000 against its 60,000 entry: in profit");
        assertTrue(r.maxMoneyImbalance() < 1e-6);
    }

    /**
     * 10 BTC long at 60,000 with 60,000, shocked to where its equity is a fifth of maintenance: positive, below 2/3
     * MM. A vault of 50,000 carries it (initial margin of 10 BTC at 40x about 13,500). Selling then pushes the
     * price down until the vault's value no longer covers the maintenance margin of what it holds: its holding is
     * auto-deleveraged at the mark against the profitable short, and the vault's value covers what it keeps.
     */
    @Test
    void theVaultTakesOverUntilItsCapitalIsSpentThenItsHoldingIsDeleveraged() {
        double capital = 50_000;
        double mark0 = 54_000 / (1 - 0.2 * HL_MMR);
        SimulationResult r = hand().venue("hyperliquid-btc").venueRules(withVault(capital)).seconds(40)
                .shock(SHOCK_AT, shockTo(mark0)).flow(8, 30, -60e6)
                .run(longPos(START, 10, 60_000), shortPos(START, 20, 120_000));

        assertEquals(1, f(r, FrameColumn.BACKSTOP_LIQUIDATIONS, SHOCK_AT), "the vault takes it over");
        assertEquals(0, f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT), "nothing sold into the book");
        double first = r.firstAdlSecond();
        assertTrue(first > SHOCK_AT, "ADL only once the vault's capital is spent: first at " + first);
        int at = (int) first;
        double markAt = f(r, FrameColumn.MARK, at);
        double vaultBefore = capital + f(r, FrameColumn.BACKSTOP_VAULT, at - 1);
        double mmBefore = HL_MMR * 10 * f(r, FrameColumn.MARK, at - 1);
        assertTrue(vaultBefore >= mmBefore * 0.5, "the vault still covered most of its margin a tick before: " + vaultBefore);
        double adlQuantity = f(r, FrameColumn.ADL_NOTIONAL, at) / markAt; // at the mark
        assertTrue(adlQuantity > 0 && adlQuantity <= 10 + 1e-9, "ADL'd at most the vault's 10 BTC: " + adlQuantity);
        double adlOverRun = 0;
        for (int i = 0; i < r.frames().size(); i++) {
            adlOverRun += f(r, FrameColumn.ADL_NOTIONAL, i) / f(r, FrameColumn.MARK, i);
        }
        assertTrue(adlOverRun <= 10 + 1e-9, "over the run, no more than the vault's 10 BTC: " + adlOverRun);
        double kept = 10 - adlQuantity;
        double vaultAfter = capital + f(r, FrameColumn.BACKSTOP_VAULT, at);
        assertTrue(vaultAfter >= HL_MMR * kept * markAt - 1e-6, "what the vault keeps is covered again");
        assertEquals(20 - adlQuantity, f(r, FrameColumn.OPEN_INTEREST_SHORT, at) / markAt, 1e-9, "the short took it");
        assertEquals(0, r.summary().badDebt(), 1e-6);
        assertTrue(r.maxMoneyImbalance() < 1e-6, "money conserved: " + r.maxMoneyImbalance());
    }

    /** The same position and a vault of 10,000: it cannot carry 13,500 of initial margin, so ADL takes it at once. */
    @Test
    void aPositionTheVaultCannotCarryIsDeleveragedAtItsBankruptcyPrice() {
        double mark0 = 54_000 / (1 - 0.2 * HL_MMR);
        SimulationResult r = hand().venue("hyperliquid-btc").venueRules(withVault(10_000))
                .shock(SHOCK_AT, shockTo(mark0)).run(longPos(START, 10, 60_000), shortPos(START, 20, 120_000));
        assertEquals(0, r.summary().backstopNotional());
        assertEquals(SHOCK_AT, r.firstAdlSecond());
        assertEquals(10 * 54_000, r.summary().adlNotional(), 1e-6, "10 BTC at the bankruptcy price 54,000");
        assertEquals(0, f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT));
        assertTrue(r.maxMoneyImbalance() < 1e-6);
    }

    /**
     * "If the account equity drops below 2/3 of the maintenance margin without successful liquidation through the
     * book, a backstop liquidation happens": into a thin book (50,000 per 1%), the order fills only down to the
     * price where equity reaches 2/3 MM, and the rest goes to the vault.
     */
    @Test
    void whatTheBookCannotFillAboveTwoThirdsOfMaintenanceGoesToTheVault() {
        VenueRules rules = SimFixtures.rules("hyperliquid-btc");
        double q = 1;
        double m = 6_000;
        double trigger = LiquidationEngine.thresholdPrice(rules, 1, START, q, m, 1);
        double backstopPrice = LiquidationEngine.thresholdPrice(rules, 1, START, q, m, 2.0 / 3);
        SimulationResult r = hand().venue("hyperliquid-btc").depth(50_000).shock(SHOCK_AT, shockTo(trigger * 0.9999))
                .run(longPos(START, q, m), shortPos(START, 2, 12_000));

        double sold = f(r, FrameColumn.FORCED_SELL_NOTIONAL, SHOCK_AT);
        double taken = f(r, FrameColumn.BACKSTOP_NOTIONAL, SHOCK_AT) / f(r, FrameColumn.MARK, SHOCK_AT);
        assertTrue(sold > 0, "the book got what it could fill");
        assertTrue(taken > 0 && taken < q, "the vault got the rest: " + taken);
        assertTrue(sold / (q - taken) >= backstopPrice, "every fill at or above the backstop price " + backstopPrice
                + ": average " + sold / (q - taken));
        assertEquals(0, r.summary().adlCount(), "the vault could carry it");
        assertTrue(r.maxMoneyImbalance() < 1e-6);
    }

    /** A book liquidation's remaining collateral stays with the trader: no fund to give it to. */
    @Test
    void aBookLiquidationsRemainingCollateralStaysWithTheTrader() {
        VenueRules rules = SimFixtures.rules("hyperliquid-btc");
        double trigger = LiquidationEngine.thresholdPrice(rules, 1, START, 1, 6_000, 1);
        SimulationResult r = hand().venue("hyperliquid-btc").fund(50_000).shock(SHOCK_AT, shockTo(trigger * 0.9999))
                .run(longPos(START, 1, 6_000));
        assertEquals(1, f(r, FrameColumn.FULL_LIQUIDATIONS, SHOCK_AT), "closed whole into the deep book");
        assertEquals(0, r.summary().insuranceFundEnd(), 0, "no fund: the scenario's 50,000 is not Hyperliquid's");
        assertEquals(0, r.summary().badDebt(), 0);
        assertEquals(0, f(r, FrameColumn.BACKSTOP_VAULT, SHOCK_AT), 0, "nor the vault's");
        assertTrue(r.maxMoneyImbalance() < 1e-6, "so the trader has it");
    }
}
