package io.liqlab.ui;

import io.liqlab.TestProfiles;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.profiles.ProfilesViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile browser's view-model, without a toolkit. */
class ProfilesViewModelTest {

    @Test
    void startsOnTheTextbookAndDescribesTheSelection() {
        ProfilesViewModel vm = new ProfilesViewModel(TestProfiles.catalog());
        assertEquals(7, vm.profiles().size());
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
    void standInsAreFlaggedInTheListAndTheDetail() throws Exception {
        // No shipped profile has stand-ins since the 2026 recordings: label a copy of OKX's that declares one.
        Path dir = Files.createTempDirectory("standin");
        Path file = dir.resolve("okx-stand-in.json");
        Files.writeString(file, Files.readString(Path.of("venue-profiles/okx-swap-btc.json"))
                .replace("\"id\": \"okx-swap-btc\"", "\"id\": \"okx-stand-in\"").replace("\"standIns\": []",
                        "\"standIns\": [{ \"values\": \"takerFeeInTrigger\", \"note\": \"assumed\" }, { \"values\": \"tiers\", \"note\": \"old\" }]"));
        VenueProfile standIn = new ProfileReader().read(file, VenueProfile.Origin.Kind.FILE);
        ProfilesViewModel vm = new ProfilesViewModel(TestProfiles.catalog());
        assertTrue(ProfilesViewModel.listLabel(standIn).contains("stand-in data"));
        assertFalse(ProfilesViewModel.listLabel(TestProfiles.get("okx-swap-btc")).contains("stand-in data"));
        vm.selectedProperty().set(standIn);
        assertEquals(2, vm.detailProperty().getValue().standIns().size());
        assertEquals("contracts", vm.detailProperty().getValue().tierUnit());
    }
}
