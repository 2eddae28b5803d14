package io.liqlab.ui.account;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.profile.VenueProfile;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Account screen's rules, without a toolkit. */
class AccountViewModelTest {

    private static AccountViewModel model() {
        return new AccountViewModel(new AccountEngine(), FXCollections.observableArrayList(TestProfiles.catalog().profiles()),
                TestProfiles.catalog().allProfiles());
    }

    @Test
    void startsOnAComputedExampleAccountWithTwoMarkets() {
        AccountViewModel vm = model();
        assertEquals("binance-usdm-btc", vm.venueProperty().get().id());
        assertEquals(2, vm.rows().size());
        assertTrue(vm.resultProperty().get() != null && vm.resultProperty().get().positions().get(0).hasLiquidationPrice());
        assertFalse(vm.staleProperty().get());
        assertTrue(vm.curveProperty().get().movePercent().length > 100);
    }

    @Test
    void aBadFieldIsMarkedKeptAsTypedAndTheLastResultStaysStale() {
        AccountViewModel vm = model();
        double before = vm.resultProperty().get().positions().get(0).liquidationPrice();
        AccountViewModel.Row row = vm.rows().get(0);
        row.text(AccountViewModel.Field.ENTRY).set("-5");
        assertTrue(row.error(AccountViewModel.Field.ENTRY).get().contains("must be a price"), row.error(AccountViewModel.Field.ENTRY).get());
        assertEquals("-5", row.text(AccountViewModel.Field.ENTRY).get());
        assertTrue(vm.staleProperty().get());
        assertEquals(before, vm.resultProperty().get().positions().get(0).liquidationPrice());
        row.text(AccountViewModel.Field.ENTRY).set("60000");
        assertEquals("", row.error(AccountViewModel.Field.ENTRY).get());
        assertFalse(vm.staleProperty().get());
    }

    @Test
    void hedgeModeAtAVenueWithoutItIsShownOnTheSideField() {
        AccountViewModel vm = model();
        VenueProfile hl = TestProfiles.get("hyperliquid-btc");
        vm.venueProperty().set(hl);
        while (vm.rows().size() > 1) {
            vm.removeRow(vm.rows().getLast());
        }
        vm.rows().get(0).marketProperty().set(hl);
        AccountViewModel.Row second = vm.addRow();
        second.sideProperty().set(Side.SHORT);
        assertTrue(second.sideErrorProperty().get().contains("hedge mode"), second.sideErrorProperty().get());
        assertTrue(vm.staleProperty().get());
        second.sideProperty().set(Side.LONG);
        assertTrue(second.sideErrorProperty().get().contains("a second long"), second.sideErrorProperty().get());
        second.marketProperty().set(TestProfiles.get("hyperliquid-eth"));
        assertEquals("", second.sideErrorProperty().get());
        assertFalse(vm.staleProperty().get());
    }

    @Test
    void addingAPositionMovesTheFirstOnesLiquidation() {
        AccountViewModel vm = model();
        while (vm.rows().size() > 1) {
            vm.removeRow(vm.rows().getLast());
        }
        double alone = vm.resultProperty().get().positions().get(0).liquidationPrice();
        AccountViewModel.Row eth = vm.addRow();
        eth.marketProperty().set(TestProfiles.get("binance-usdm-eth"));
        eth.sideProperty().set(Side.SHORT);
        eth.text(AccountViewModel.Field.ENTRY).set("3000");
        eth.text(AccountViewModel.Field.MARK).set("3200");
        eth.text(AccountViewModel.Field.QTY).set("20");
        // The ETH short is 4,000 in loss: the BTC long's liquidation comes closer (higher).
        double together = vm.resultProperty().get().positions().get(0).liquidationPrice();
        assertTrue(together > alone, together + " vs " + alone);
        assertEquals(2, vm.resultProperty().get().positions().size());
    }

    @Test
    void openAsAnAccountFromTheFormEqualsCalc() {
        AccountViewModel vm = model();
        VenueProfile binance = TestProfiles.get("binance-usdm-btc");
        Position p = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(60_000).markPrice(60_000).notional(12_500)
                .wallet(500).build();
        vm.openPosition(binance, p);
        assertEquals(1, vm.rows().size());
        LiquidationResult calc = new LiquidationEngine().calculate(binance.rules(), p);
        assertEquals(calc.liquidationPrice(), vm.resultProperty().get().positions().get(0).liquidationPrice(), 1e-6);
        assertNotEquals("", vm.rows().get(0).liquidationProperty().get());
    }

    @Test
    void anEmptyAccountSaysSoAndKeepsTheLastResult() {
        AccountViewModel vm = model();
        while (!vm.rows().isEmpty()) {
            vm.removeRow(vm.rows().getLast());
        }
        assertTrue(vm.accountErrorProperty().get().contains("at least one position"), vm.accountErrorProperty().get());
        assertTrue(vm.staleProperty().get());
    }

    @Test
    void draggingTheMoveShowsTheAccountAndEachPositionThere() {
        AccountViewModel vm = model();
        // The example: wallet 10,000; BTC long 1 from 60,000 (mark 59,000), ETH short 10 from 3,000 (mark 3,100).
        vm.moveProperty().set(-12);
        var at = vm.atMoveProperty().get();
        assertEquals(59_000 * 0.88, at.price()[0], 1e-9);
        assertEquals(3_100 * 0.88, at.price()[1], 1e-9);
        // equity = 10,000 + 1 x (51,920 - 60,000) + 10 x (3,000 - 2,728)
        assertEquals(10_000 - 8_080 + 2_720, at.equity(), 1e-9);
        assertEquals(io.liqlab.ui.LocalNumbers.price(51_920), vm.rows().get(0).markAtMoveProperty().get());
        assertEquals(io.liqlab.ui.LocalNumbers.money(2_720), vm.rows().get(1).upnlAtMoveProperty().get());
        assertFalse(vm.liquidatedAtMoveProperty().get());
        assertTrue(vm.atMoveTextProperty().get().startsWith("-12"), vm.atMoveTextProperty().get());

        // Past the account's own liquidation move the readout says it is liquidated there.
        vm.moveProperty().set(vm.resultProperty().get().liquidationMovePercent() - 1);
        assertTrue(vm.liquidatedAtMoveProperty().get());
        assertTrue(vm.atMoveTextProperty().get().contains("liquidated"), vm.atMoveTextProperty().get());
        // The move stays on the chart: a move beyond its range is shown at its end.
        vm.moveProperty().set(-500);
        assertEquals(vm.moveMinProperty().get(), vm.atMoveProperty().get().movePercent());
    }

    @Test
    void aBadFieldLeavesTheMoveOnTheLastValidAccount() {
        AccountViewModel vm = model();
        vm.moveProperty().set(-12);
        double equity = vm.atMoveProperty().get().equity();
        vm.rows().get(1).text(AccountViewModel.Field.QTY).set("ten");
        vm.moveProperty().set(-10);
        assertEquals("ten", vm.rows().get(1).text(AccountViewModel.Field.QTY).get());
        assertTrue(vm.staleProperty().get());
        assertEquals(10_000 + 1 * (59_000 * 0.9 - 60_000) + 10 * (3_000 - 3_100 * 0.9), vm.atMoveProperty().get().equity(), 1e-9);
        assertNotEquals(equity, vm.atMoveProperty().get().equity());
    }

    @Test
    void draggingOnePositionsMarkRecomputesTheOthersLiquidation() {
        AccountViewModel vm = model();
        AccountViewModel.Row btc = vm.rows().get(0);
        assertEquals(btc, vm.markTargetProperty().get(), "the first row is picked until another is");
        double ethLiq = vm.resultProperty().get().positions().get(1).liquidationPrice();
        double min = vm.markMinProperty().get();
        double max = vm.markMaxProperty().get();
        assertTrue(min < 59_000 * 0.8 + 1 && max > 59_000 * 1.2 - 1, min + ".." + max);
        // the BTC long's own liquidation (51,329) lies inside the range
        assertTrue(min < 51_329);

        vm.dragMark(55_123.456);
        assertEquals(io.liqlab.ui.LocalNumbers.plain(55_123.5), btc.text(AccountViewModel.Field.MARK).get());
        // BTC's loss grows by 3,876.5: the ETH short's liquidation comes closer, the account's equity falls.
        assertTrue(vm.resultProperty().get().positions().get(1).liquidationPrice() < ethLiq);
        assertEquals(10_000 - 4_876.5 - 1_000, vm.resultProperty().get().equity(), 1e-6);
        assertEquals(min, vm.markMinProperty().get(), "the range stays put while dragging");

        // Released near an end, the range moves around the new mark so the next drag can go on.
        vm.dragMark(min * 1.01);
        vm.endMarkDrag();
        assertTrue(vm.markMinProperty().get() < min, vm.markMinProperty().get() + " vs " + min);

        vm.markTargetProperty().set(vm.rows().get(1));
        assertEquals(3_100, vm.markValueProperty().get(), 1e-9);
        assertTrue(vm.markTargetTextProperty().get().contains("#2"), vm.markTargetTextProperty().get());
        vm.removeRow(vm.rows().get(1));
        assertEquals(btc, vm.markTargetProperty().get(), "a removed row's pick goes back to the first");
    }
}
