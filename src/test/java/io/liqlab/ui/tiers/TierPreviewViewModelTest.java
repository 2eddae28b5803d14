package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tier editor's preview of a position under the original and the edited schedule. */
class TierPreviewViewModelTest {

    @Test
    void aSizeBeyondAPartialTableSaysWhyInsteadOfFailing() {
        TierEditorViewModel editor = new TierEditorViewModel(TestProfiles.get("okx-swap-btc"));
        // 3,000 BTC = 300,000 contracts, beyond OKX's recorded tiers 1-10 (160,000 contracts)
        SimpleObjectProperty<Position> position = new SimpleObjectProperty<>(Position.builder().side(Side.LONG).entryPrice(60_000)
                .quantity(3_000).leverage(10).build());
        TierPreviewViewModel preview = new TierPreviewViewModel(editor, position, new LiquidationEngine());
        assertTrue(preview.liquidationProperty().get().contains("tiers 1-10 of 43 recorded"), preview.liquidationProperty().get());
        position.set(Position.builder().side(Side.LONG).entryPrice(60_000).quantity(1).leverage(10).build());
        assertTrue(preview.liquidationProperty().get().matches(".*\\d.*"), preview.liquidationProperty().get());
    }
}
