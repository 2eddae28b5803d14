package io.liqlab.ui.reconcile;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.ui.account.AccountViewModel;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Account tab's snapshot import (file or pasted, any of the four venues) and its reconcile, without a window. */
class AccountReconcileViewModelTest {

    static final Path HL = Path.of("src", "test", "resources", "venue-responses", "hyperliquid", "clearinghouseState.json");
    static final Path BYBIT = Path.of("src", "test", "resources", "snapshots", "bybit-position-list.json");

    private final AccountViewModel account = new AccountViewModel(new AccountEngine(),
            FXCollections.observableArrayList(TestProfiles.catalog().profiles()), TestProfiles.catalog().allProfiles());
    private final AccountReconcileViewModel vm = new AccountReconcileViewModel(new LiquidationEngine(), account, TestProfiles.catalog());

    @Test
    void aPastedHyperliquidSnapshotBecomesTheAccountAndItsPriceIsReconciled() throws Exception {
        vm.pastedProperty().set(Files.readString(HL));
        assertTrue(vm.importPasted(), vm.importErrorProperty().get());
        assertEquals("hyperliquid-btc", account.venueProperty().get().id());
        assertEquals(1, account.rows().size());
        assertEquals(38_252.7, account.resultProperty().get().equity(), 1e-6, "accountValue");
        assertTrue(vm.comparison().getFirst().startsWith("hyperliquid-btc long 4.5: LiqLab 76,380.15, exchange 74,501.80: differs by -1,878.35"),
                vm.comparison().toString());
        // the exchange's own price is filled in: the comparison starts from the exchange's numbers
        assertEquals("74501.8027904", vm.reconcile().shownProperty().get());
        assertEquals("wallet balance", vm.reconcile().candidates().getFirst().unknown());
        assertTrue(vm.reconcile().mostLikelyProperty().get().contains("beyond the bankruptcy price 75,425.40"), vm.reconcile().mostLikelyProperty().get());
    }

    @Test
    void aBybitFileNeedsTheWalletAndShowsTheExchangesBankruptcyPriceToo() {
        assertFalse(vm.importFile(BYBIT));
        assertTrue(vm.walletErrorProperty().get().startsWith("is required for the cross positions"), vm.walletErrorProperty().get());
        vm.walletProperty().set("10000");
        assertTrue(vm.importFile(BYBIT), vm.importErrorProperty().get());
        assertEquals("", vm.walletErrorProperty().get());
        assertEquals(2, account.rows().size());
        assertEquals(2, vm.choices().size());
        assertTrue(vm.comparison().getFirst().contains("exchange 45,000.00"), vm.comparison().toString());
        assertTrue(vm.comparison().getFirst().contains("Bankruptcy: LiqLab 30,000.00, exchange 44,500.00."), vm.comparison().toString());
        vm.selectedProperty().set(1);
        assertEquals("3500", vm.reconcile().shownProperty().get(), "the ETH short's exchange price");
        assertTrue(vm.reconcile().answeredProperty().get());
    }

    @Test
    void badPastedTextNamesWhereAndChangesNothing() {
        int rows = account.rows().size();
        vm.pastedProperty().set("{\"nope\": true}");
        assertFalse(vm.importPasted());
        assertTrue(vm.importErrorProperty().get().startsWith("$: is not a position snapshot LiqLab knows"), vm.importErrorProperty().get());
        assertEquals(rows, account.rows().size(), "the account is as it was");
        assertEquals("{\"nope\": true}", vm.pastedProperty().get(), "nothing typed is lost");
        vm.walletProperty().set("-5");
        vm.pastedProperty().set("[]");
        assertFalse(vm.importPasted());
        assertEquals("The wallet balance must be a number, 0 or more", vm.walletErrorProperty().get());
    }
}
