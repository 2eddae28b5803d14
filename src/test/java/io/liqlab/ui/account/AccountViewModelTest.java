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
}
