package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coin-margined market in the tier editor (the editor lists them beside the USD-margined ones): its tiers are in
 * the coin, an edit keeps it an inverse contract, and the preview prices an inverse position under the edited tiers.
 */
class CoinMarginedTierEditTest {

    private final TierEditorViewModel vm = new TierEditorViewModel(TestProfiles.get("binance-coinm-btc"));

    @Test
    void anEditedCoinMarginedScheduleStaysInverseWithItsAmountsInTheCoin() {
        assertEquals(1, vm.rows().size());
        assertEquals("50", vm.rows().get(0).cell(Column.CAP), "the bracket's cap in BTC, as recorded");
        vm.splitTier(0, 20);
        vm.setCell(1, Column.MMR, "0.5");
        VenueProfile edited = vm.editedProperty().get();
        assertNotNull(edited, vm.scheduleProblems().toString());
        assertTrue(edited.rules().inverse(), "still a coin-margined contract after the edit");
        // Continuity: 20 BTC x (0.5% - 0.4%) = 0.02 BTC, the amount in the coin the tiers are counted in.
        assertEquals(0.02, edited.rules().tiers().tier(1).maintenanceAmount(), 1e-12);
        assertTrue(vm.amountShown(1).startsWith("0.02"), vm.amountShown(1));

        // A 30 BTC-of-value long now falls in tier 2: a higher rate, so it is liquidated closer to its entry.
        Position p = Position.builder().side(Side.LONG).entryPrice(60_000).notional(1_800_000).leverage(20).inverse(true).build();
        LiquidationEngine engine = new LiquidationEngine();
        double before = engine.calculate(vm.original().rules(), p).liquidationPrice();
        double after = engine.calculate(edited.rules(), p).liquidationPrice();
        assertTrue(after > before, before + " -> " + after);

        TierPreviewViewModel preview = new TierPreviewViewModel(vm, new SimpleObjectProperty<>(p), engine);
        assertTrue(preview.liquidationProperty().get().matches(".*\\d.*"), preview.liquidationProperty().get());
    }

    @Test
    void aDraftOfACoinMarginedEditComesBackAsTheSameInverseSchedule() {
        vm.splitTier(0, 20);
        vm.setCell(1, Column.MMR, "0.5");
        String draft = vm.toDraft();
        TierEditorViewModel restored = new TierEditorViewModel(TestProfiles.get("binance-coinm-btc"));
        restored.restoreDraft(draft);
        VenueProfile again = restored.editedProperty().get();
        assertNotNull(again);
        assertTrue(again.rules().inverse());
        assertEquals(2, again.rules().tiers().size());
        assertEquals(0.005, again.rules().tiers().tier(1).maintenanceMarginRate(), 1e-15);
    }
}
