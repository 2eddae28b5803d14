package io.liqlab.ui.reconcile;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.profile.VenueProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Doesn't match the exchange?" without a window: the typed exchange price, the ranked causes, the steps, the venue's display. */
class ReconcileViewModelTest {

    private final ReconcileViewModel vm = new ReconcileViewModel(new LiquidationEngine());

    private static ReconcileViewModel.Subject subject(String profileId, Position p) {
        VenueProfile profile = TestProfiles.get(profileId);
        return new ReconcileViewModel.Subject(profile.rules(), p, profile.listing().venueRules(), profile.listing().tickSize());
    }

    private static Position okxLong() {
        return Position.builder().side(Side.LONG).mode(MarginMode.ISOLATED).entryPrice(60_000).quantity(1).margin(1_000).build();
    }

    @Test
    void everyPriceIsAlsoShownAsTheVenueDisplaysIt() {
        vm.setPosition(subject("okx-swap-btc", okxLong()));
        assertEquals("59,266.70", vm.exactProperty().get());
        assertTrue(vm.exactDisplayedProperty().get().startsWith("the exchange will show 59,266.8 ("), vm.exactDisplayedProperty().get());
        assertEquals("59,000.00", vm.bankruptcyProperty().get());
        assertTrue(vm.bankruptcyDisplayedProperty().get().startsWith("the exchange will show 59,000.0 ("), vm.bankruptcyDisplayedProperty().get());
        assertFalse(vm.answeredProperty().get(), "nothing typed yet");

        assertEquals(vm.exactDisplayedProperty().get(), vm.venueShowsProperty().get(), "the results card says it too");
        vm.setPosition(subject("binance-usdm-btc", okxLong()));
        assertEquals("no recorded display rule for this venue: it shows the exact figure", vm.exactDisplayedProperty().get());
        assertEquals("", vm.venueShowsProperty().get(), "no second price on the card where the venue shows the exact one");
    }

    @Test
    void theVenuesOwnDisplayIsReadAsRoundingOnly() {
        vm.setPosition(subject("okx-swap-btc", okxLong()));
        vm.shownProperty().set("59,266.8");
        assertTrue(vm.answeredProperty().get());
        assertEquals("", vm.shownErrorProperty().get());
        assertTrue(vm.mostLikelyProperty().get().startsWith("LiqLab agrees"), vm.mostLikelyProperty().get());
        ReconcileRows.CandidateRow first = vm.candidates().getFirst();
        assertEquals("venue display rounding", first.unknown());
        assertTrue(first.plausible());
    }

    @Test
    void aPlantedMarginIsTheMostLikelyCauseWithItsSteps() {
        VenueProfile binance = TestProfiles.get("binance-usdm-btc");
        double shown = new LiquidationEngine().calculate(binance.rules(), Position.builder().side(Side.LONG).mode(MarginMode.ISOLATED)
                .entryPrice(60_000).quantity(1).margin(1_234.56).build()).liquidationPrice();
        vm.setPosition(subject("binance-usdm-btc", okxLong()));
        vm.shownProperty().set(io.liqlab.core.Numbers.decimals(shown, 2));
        assertEquals("isolated margin", vm.candidates().getFirst().unknown());
        assertEquals("1,234.56", vm.candidates().getFirst().needed());
        assertEquals("1,000.00", vm.candidates().getFirst().current());
        assertTrue(vm.mostLikelyProperty().get().contains("if your margin were 1,234.56"), vm.mostLikelyProperty().get());
        assertTrue(vm.steps().size() >= 6, "start, bankruptcy check, four unknowns, conclusion: " + vm.steps());
        ReconcileRows.StepRow margin = vm.steps().stream().filter(s -> s.text().contains("solve for the isolated margin")).findFirst().orElseThrow();
        assertEquals("medium, a value the venue could hold", margin.plausibility());
        assertTrue(vm.differenceProperty().get().contains("from LiqLab"), vm.differenceProperty().get());
    }

    @Test
    void badInputIsAMessageOnTheFieldAndTheTextStays() {
        vm.setPosition(subject("okx-swap-btc", okxLong()));
        vm.shownProperty().set("59,266.8");
        assertTrue(vm.answeredProperty().get());
        vm.shownProperty().set("59k");
        assertEquals("Type the exchange's liquidation price as a number (for example 57889.5)", vm.shownErrorProperty().get());
        assertEquals("59k", vm.shownProperty().get(), "nothing typed is lost");
        assertFalse(vm.answeredProperty().get(), "no answer for a price that is not one");
        vm.shownProperty().set("61000");
        assertEquals("Must be below the mark (60,000.00) and the entry (60,000.00) for this position", vm.shownErrorProperty().get());
        vm.shownProperty().set("");
        assertEquals("", vm.shownErrorProperty().get(), "an empty field asks nothing");
    }

    /** The recorded Hyperliquid account: the exchange's price lies beyond bankruptcy, and the steps say so. */
    @Test
    void hyperliquidsRecordedPriceIsExplainedAsCollateralBeyondBankruptcy() {
        double mark = 377_667.0 / 4.5;
        Position p = Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(81_285).markPrice(mark).quantity(4.5).leverage(10)
                .wallet(38_252.7 - 4.5 * (mark - 81_285)).build();
        vm.setPosition(subject("hyperliquid-btc", p));
        vm.shownProperty().set("74501.80");
        assertEquals("76,380.15", vm.exactProperty().get());
        assertEquals("wallet balance", vm.candidates().getFirst().unknown());
        assertTrue(vm.mostLikelyProperty().get().contains("beyond the bankruptcy price 75,425.40"), vm.mostLikelyProperty().get());
        assertTrue(vm.steps().get(1).text().contains("beyond it"), vm.steps().get(1).text());
    }
}
