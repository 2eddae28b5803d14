package io.liqlab.ui;

import io.liqlab.TestProfiles;
import io.liqlab.ui.profiles.ProfilesViewModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile browser's view-model, without a toolkit. */
class ProfilesViewModelTest {

    @Test
    void startsOnTheTextbookAndDescribesTheSelection() {
        ProfilesViewModel vm = new ProfilesViewModel(TestProfiles.catalog());
        assertEquals(TestProfiles.catalog().allProfiles().size(), vm.profiles().size(), "the shipped profiles and every market");
        assertTrue(vm.profiles().stream().anyMatch(p -> p.id().equals("hyperliquid-eth")));
        assertEquals("textbook", vm.selectedProperty().get().id());
        vm.selectedProperty().set(TestProfiles.get("binance-usdm-btc"));
        ProfilesViewModel.Detail d = vm.detailProperty().getValue();
        assertEquals("Binance USD-M BTCUSDT", d.title());
        assertEquals(12, d.tiers().size());
        assertEquals("300.00", d.tiers().get(1).amount());
        assertTrue(d.dataLine().contains("2026-01"), d.dataLine());
        assertTrue(d.standIns().isEmpty());
    }

    @Test
    void standInsAreFlaggedInTheListAndTheDetail() {
        ProfilesViewModel vm = new ProfilesViewModel(TestProfiles.catalog());
        assertTrue(ProfilesViewModel.listLabel(TestProfiles.get("okx-swap-btc")).contains("stand-in data"));
        assertFalse(ProfilesViewModel.listLabel(TestProfiles.get("hyperliquid-btc")).contains("stand-in data"));
        vm.selectedProperty().set(TestProfiles.get("okx-swap-btc"));
        assertEquals(1, vm.detailProperty().getValue().standIns().size(), "the assumed taker fee; the tiers are recorded");
        assertEquals("contracts", vm.detailProperty().getValue().tierUnit());
    }

    @Test
    void aPartialTableIsFlaggedInTheListAndTheDetail() {
        ProfilesViewModel vm = new ProfilesViewModel(TestProfiles.catalog());
        assertTrue(ProfilesViewModel.listLabel(TestProfiles.get("okx-swap-btc")).contains("tiers 1-10 of 43 recorded"));
        assertFalse(ProfilesViewModel.listLabel(TestProfiles.get("binance-usdm-btc")).contains("recorded"));
        vm.selectedProperty().set(TestProfiles.get("okx-swap-btc"));
        assertTrue(vm.detailProperty().getValue().dataLine().contains("sizes beyond the last tier are refused"),
                vm.detailProperty().getValue().dataLine());
    }
}
