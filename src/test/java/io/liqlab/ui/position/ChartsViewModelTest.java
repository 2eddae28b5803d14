package io.liqlab.ui.position;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart data: curves per compared profile, the tier steps, dashed where not allowed, time to liquidation. */
class ChartsViewModelTest {

    private final PositionViewModel position = new PositionViewModel(new LiquidationEngine(), TestProfiles.catalog().profiles());
    private final ChartsViewModel vm = new ChartsViewModel(position, List.of("textbook", "binance-usdm-btc"));

    @Test
    void oneLeverageCurvePerComparedProfileFrom1xToTheHighestMaximum() {
        ChartsViewModel.Charts c = vm.chartsProperty().get();
        assertEquals(2, c.byLeverage().size());
        ChartsViewModel.Curve textbook = c.byLeverage().getFirst();
        assertEquals(1_491, textbook.length(), "1x..150x (Binance's tier 1) in 0.1x steps");
        assertEquals(1, textbook.x()[0]);
        assertEquals(150, textbook.x()[1_490], 1e-9);
        // The article's distances: 9.5% at 10x, 3.5% at 25x, 1.5% at 50x.
        assertEquals(9.5, textbook.y()[90], 1e-9);
        assertEquals(3.5, textbook.y()[240], 1e-9);
        assertEquals(1.5, textbook.y()[490], 1e-9);
    }

    @Test
    void theSizeCurveStopsWhereAPartlyRecordedScheduleEnds() {
        vm.comparedProfiles().add(TestProfiles.get("okx-swap-btc"));
        ChartsViewModel.Curve okx = vm.chartsProperty().get().bySize().stream().filter(c -> c.profileId().equals("okx-swap-btc")).findFirst().orElseThrow();
        double lastNotional = 160_000 * 0.01 * 60_000; // OKX's tiers 1-10 end at 160,000 contracts of 0.01 BTC
        boolean sawBeyond = false;
        for (int i = 0; i < okx.length(); i++) {
            if (okx.x()[i] <= 20_000 * 0.01 * 60_000) {
                // Within tiers 1-3 the 25x position has a liquidation price (deeper tiers can be liquidatable at entry).
                assertTrue(Double.isFinite(okx.y()[i]), "recorded size " + okx.x()[i]);
            } else if (okx.x()[i] <= lastNotional) {
                continue;
            } else {
                sawBeyond = true;
                assertTrue(Double.isNaN(okx.y()[i]), "no extrapolation at " + okx.x()[i]);
            }
        }
        assertTrue(sawBeyond, "the chart spans sizes beyond the recorded tiers");
    }

    @Test
    void curvesAreDashedWhereTheVenueNoLongerAllowsTheLeverage() {
        vm.comparedProfiles().add(TestProfiles.get("hyperliquid-btc"));
        ChartsViewModel.Curve hl = vm.chartsProperty().get().byLeverage().get(2);
        assertTrue(hl.allowed()[390], "40x is allowed");
        assertFalse(hl.allowed()[391], "40.1x is not");
    }

    @Test
    void sizeCurveShowsTheTierEffectAtTheSameLeverage() {
        ChartsViewModel.Curve binance = vm.chartsProperty().get().bySize().get(1);
        assertEquals(ChartsViewModel.SIZE_POINTS, binance.length());
        double small = binance.y()[0];
        double large = binance.y()[binance.length() - 1];
        assertTrue(large < small || Double.isNaN(large), "a bigger position at the same leverage is liquidated closer: " + small + " vs " + large);
        assertFalse(binance.allowed()[binance.length() - 1], "25x is not allowed at 2 billion notional");
    }

    @Test
    void fundingMovesTheLiquidationPriceTowardTheMarkOverTime() {
        position.textProperty(InputField.FUNDING_RATE).set("0.05");
        ChartsViewModel.Curve textbook = vm.chartsProperty().get().byTime().getFirst();
        assertEquals(57_900, textbook.y()[0], 1e-6);
        assertTrue(textbook.y()[50] > textbook.y()[0]);
        assertTrue(vm.timeToLiquidationProperty().get().startsWith("Time to liquidation"), vm.timeToLiquidationProperty().get());
        // 437.50 of room above maintenance (500 - 62.50); 0.05% of 12,500 per 8 h = 6.25 -> 70 intervals = 560 h = 23 d 8 h.
        assertTrue(vm.timeToLiquidationProperty().get().endsWith("23 d 8 h"), vm.timeToLiquidationProperty().get());
    }

    @Test
    void negativeFundingForALongNeverLiquidatesByItself() {
        position.textProperty(InputField.FUNDING_RATE).set("-0.01");
        assertTrue(vm.timeToLiquidationProperty().get().contains("never"), vm.timeToLiquidationProperty().get());
    }

    @Test
    void togglingAProfileAddsItsCurves() {
        vm.comparedProfiles().add(TestProfiles.get("okx-swap-btc"));
        assertEquals(3, vm.chartsProperty().get().bySize().size());
        vm.comparedProfiles().clear();
        assertEquals(0, vm.chartsProperty().get().byLeverage().size());
    }

    @Test
    void theFormsVenueIsAlwaysDrawnAndOneTickedOnlyForThatGoesWithIt() {
        position.profileProperty().set(TestProfiles.get("bybit-linear-btc"));
        assertTrue(vm.comparedProfiles().contains(TestProfiles.get("bybit-linear-btc")));
        position.profileProperty().set(TestProfiles.get("okx-swap-btc"));
        assertTrue(vm.comparedProfiles().contains(TestProfiles.get("okx-swap-btc")));
        assertFalse(vm.comparedProfiles().contains(TestProfiles.get("bybit-linear-btc")), "Bybit was only drawn as the form's venue");
        assertTrue(vm.comparedProfiles().contains(TestProfiles.get("binance-usdm-btc")), "a curve ticked before stays");
    }

    @Test
    void inCrossModeTheLeverageCurveShowsTheWalletEachLeverageImplies() {
        position.marginModeProperty().set(io.liqlab.core.MarginMode.CROSS);
        ChartsViewModel.Charts c = vm.chartsProperty().get();
        ChartsViewModel.Curve textbook = c.byLeverage().getFirst();
        assertTrue(c.cross());
        assertTrue(textbook.y()[90] > 2 * textbook.y()[490], "10x is farther from liquidation than 50x, not a flat line: "
                + textbook.y()[90] + " vs " + textbook.y()[490]);
        assertEquals(25, c.leverage(), 1e-9, "the wallet 500 backs 12,500: 25x");
    }

    /** Issue 14: the stated 33 d 22 h lay beyond the chart's 30 days, and the funding had no currency. */
    @Test
    void theHoldingTimeChartReachesTheTimeToLiquidationAndTheFundingHasItsCurrency() {
        position.profileProperty().set(TestProfiles.get("binance-usdm-btc"));
        position.textProperty(InputField.FUNDING_RATE).set("0.01");
        ChartsViewModel.Charts c = vm.chartsProperty().get();
        double hours = c.hoursToLiquidation();
        assertTrue(hours > 30 * 24, "this position lasts beyond 30 days: " + hours);
        ChartsViewModel.Curve curve = c.byTime().getFirst();
        assertTrue(curve.x()[curve.length() - 1] >= hours, "the chart spans " + curve.x()[curve.length() - 1] + " h");
        assertTrue(vm.timeToLiquidationProperty().get().contains(" USDT per 8 h"), vm.timeToLiquidationProperty().get());
    }
}
