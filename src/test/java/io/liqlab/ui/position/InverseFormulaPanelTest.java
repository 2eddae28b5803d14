package io.liqlab.ui.position;

import io.liqlab.TestProfiles;
import io.liqlab.core.FormulaExplanation;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.position.PositionViewModel.MarginInput;
import io.liqlab.ui.position.PositionViewModel.SizeUnit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form on a coin-margined profile computes in the coin, and "the formula, with your numbers" says so. */
class InverseFormulaPanelTest {

    private static final ProfileCatalog CATALOG = TestProfiles.catalog();

    private PositionViewModel vmWith(String id) {
        List<VenueProfile> profiles = new ArrayList<>(CATALOG.profiles());
        VenueProfile inverse = CATALOG.find(id).orElseThrow();
        profiles.add(inverse);
        PositionViewModel vm = new PositionViewModel(new LiquidationEngine(), profiles);
        vm.profileProperty().set(inverse);
        vm.sizeUnitProperty().set(SizeUnit.NOTIONAL);
        vm.textProperty(InputField.ENTRY).set("60000");
        vm.textProperty(InputField.SIZE).set("6000");
        vm.marginInputProperty().set(MarginInput.LEVERAGE);
        vm.textProperty(InputField.LEVERAGE).set("20");
        return vm;
    }

    @Test
    void binanceCoinMLongAt20xShowsTheInverseFormulaInBtc() {
        PositionViewModel vm = vmWith("binance-coinm-btc");
        LiquidationResult r = vm.resultProperty().get();
        assertTrue(r.position().inverse(), "the form builds a coin-margined position on an inverse profile");
        assertEquals(0.005, r.margin(), 1e-15, "6,000 USD / 60,000 / 20 = 0.005 BTC");
        VenueProfile profile = vm.profileProperty().get();
        FormulaExplanation f = FormulaExplanation.inverse(profile.rules(), r, Locale.ROOT, "BTC");
        assertTrue(f.formula().contains("coin-margined") && f.formula().contains("in BTC"), f.formula());
        String steps = String.join("\n", f.steps());
        assertTrue(steps.contains("M = 0.00500000 BTC"), steps);
        assertTrue(steps.contains("= 57,371.43"), steps);
        assertTrue(steps.contains("check: equity at L"), steps);
        assertFalse(steps.contains("USDT"), steps);
        // the comparison with the linear BTCUSDT long of the same size and leverage: closer for the inverse long
        assertTrue(f.whyDifferent().contains("closer"), f.whyDifferent());
        assertTrue(f.exact() > f.textbook(), "inverse " + f.exact() + " vs linear " + f.textbook());
    }

    @Test
    void bybitInverseUsesMaintenanceOnTheEntryValue() {
        PositionViewModel vm = vmWith("bybit-inverse-btc");
        LiquidationResult r = vm.resultProperty().get();
        FormulaExplanation f = FormulaExplanation.inverse(vm.profileProperty().get().rules(), r, Locale.ROOT, "BTC");
        assertTrue(f.formula().contains("MM = V / E x mmr - A"), f.formula());
        assertTrue(String.join("\n", f.steps()).contains("MM = 0.10000000 x 0.5% - 0.00000000 = 0.00050000 BTC"), f.steps().toString());
    }

    @Test
    void theFormSaysWhatItsFieldsAreCountedIn() {
        PositionViewModel vm = vmWith("okx-swap-btc-usd");
        assertEquals("Coin-margined (BTC): the size is the USD value (100 USD a contract) or the quantity in BTC; margin, wallet, fees, "
                + "funding and maintenance are in BTC.", vm.contractNoteProperty().get());
        vm.profileProperty().set(CATALOG.find("binance-usdm-btc").orElseThrow());
        assertEquals("", vm.contractNoteProperty().get(), "nothing to say on a linear profile");
        assertFalse(vm.resultProperty().get().position().inverse());
    }

    @Test
    void aCoinMarginedCurveBesideALinearFormIsTheSameUsdTrade() {
        PositionViewModel vm = vmWith("binance-coinm-btc");
        vm.profileProperty().set(CATALOG.find("binance-usdm-btc").orElseThrow()); // a linear form: 6,000 USDT at 20x, 300 USDT margin
        ChartsViewModel charts = new ChartsViewModel(vm, List.of("binance-usdm-btc", "binance-coinm-btc"));
        ChartsViewModel.Curve coin = charts.chartsProperty().get().byLeverage().stream().filter(c -> c.profileId().equals("binance-coinm-btc"))
                .findFirst().orElseThrow();
        int at20 = -1;
        for (int i = 0; i < coin.length(); i++) {
            if (Math.abs(coin.x()[i] - 20) < 1e-9) {
                at20 = i;
            }
        }
        // 57,371.43 is 4.3810% below 60,000: the COIN-M long at 20x, margin 0.005 BTC, not 300 "BTC"
        assertEquals((60_000 - 57_371.428571) / 60_000 * 100, coin.y()[at20], 1e-4);
    }

    @Test
    void theComparisonPutsTheSameUsdTradeThroughACoinMarginedVenue() {
        PositionViewModel vm = vmWith("binance-coinm-btc");
        vm.profileProperty().set(CATALOG.find("binance-usdm-btc").orElseThrow()); // BTCUSDT, 6,000 USDT at 20x: 300 USDT
        List<VenueProfile> venues = new ArrayList<>(CATALOG.profiles());
        venues.add(CATALOG.find("binance-coinm-btc").orElseThrow());
        io.liqlab.ui.compare.ComparisonViewModel compare = new io.liqlab.ui.compare.ComparisonViewModel(new LiquidationEngine(), venues,
                vm.positionProperty());
        assertTrue(compare.rows().stream().noneMatch(r -> r.profileId().equals("binance-coinm-btc")), "USD-margined rows unless asked");
        compare.coinMarginedProperty().set(true); // the coin-margined group: the same USD trade through each
        io.liqlab.ui.compare.ComparisonViewModel.Row coin = compare.rows().stream().filter(r -> r.profileId().equals("binance-coinm-btc")).findFirst().orElseThrow();
        assertEquals(57_371.43, Math.round(coin.liquidationPrice() * 100) / 100.0, 1e-9, "300 USDT is 0.005 BTC at 60,000");
        assertEquals(6_000 / 57_371.428571 * 0.004 * 57_371.428571, coin.maintenanceAtLiquidation(), 1e-6, "24.00 USD: the coin maintenance at L");
        assertTrue(coin.explanation().contains("coin-margined: margin and maintenance in BTC"), coin.explanation());
    }
}
