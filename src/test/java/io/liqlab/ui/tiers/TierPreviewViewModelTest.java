package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * Issue 16: the tier editor made a new preview for each opened profile and never let go of the old one, so after four
     * profiles one change of the position recomputed four previews (and the stale ones repainted the charts). Opening a
     * profile now closes the previous preview: one change, one recomputation.
     */
    @Test
    void afterFourProfilesOneChangeRecomputesOnePreview() {
        SimpleObjectProperty<Position> position = new SimpleObjectProperty<>(Position.builder().side(Side.LONG).entryPrice(60_000)
                .quantity(1).leverage(10).build());
        List<TierPreviewViewModel> opened = new ArrayList<>();
        TierPreviewViewModel current = null;
        TierEditorViewModel editor = null;
        for (String id : List.of("binance-usdm-btc", "okx-swap-btc", "bybit-linear-btc", "textbook")) {
            if (current != null) {
                current.close(); // what the tier editor does when another profile opens
            }
            editor = new TierEditorViewModel(TestProfiles.get(id));
            current = new TierPreviewViewModel(editor, position, new LiquidationEngine());
            opened.add(current);
        }
        int before = total(opened);
        position.set(Position.builder().side(Side.LONG).entryPrice(60_000).quantity(2).leverage(10).build());
        assertEquals(1, total(opened) - before, "one change of the position recomputes only the open profile's preview");
        before = total(opened);
        editor.addTier();
        assertEquals(1, total(opened) - before, "one edit recomputes only the open profile's preview");
        int last = current.recomputations();
        current.close();
        position.set(Position.builder().side(Side.SHORT).entryPrice(60_000).quantity(2).leverage(10).build());
        assertEquals(last, current.recomputations(), "a closed preview no longer follows the position");
    }

    private static int total(List<TierPreviewViewModel> previews) {
        return previews.stream().mapToInt(TierPreviewViewModel::recomputations).sum();
    }
}
