package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileStore;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.compare.ComparisonViewModel;
import io.liqlab.ui.position.PositionViewModel;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "What if this venue had other tiers?": a saved edit is at once in the position form and the comparison. */
class SavedProfilesAppearEverywhereTest {

    @Test
    void aSavedCopyJoinsThePositionFormAndTheComparisonAndANewVersionReplacesTheSelectedOne(@TempDir Path home) {
        LiquidationEngine engine = new LiquidationEngine();
        ObservableList<VenueProfile> venues = FXCollections.observableArrayList(TestProfiles.catalog().profiles());
        PositionViewModel position = new PositionViewModel(engine, venues);
        ComparisonViewModel comparison = new ComparisonViewModel(engine, venues, position.positionProperty());
        TierWorkbenchViewModel tiers = new TierWorkbenchViewModel(venues, new ProfileStore(home.resolve("p"), new ProfileReader()),
                new DraftStore(home.resolve("d")));

        tiers.open(TestProfiles.get("textbook"));
        tiers.editorProperty().get().setCell(0, Column.MMR, "0.6");
        assertTrue(tiers.save());
        assertEquals(8, position.profiles().size());
        assertEquals(8, comparison.rows().size());
        VenueProfile copy = position.profiles().stream().filter(p -> p.id().equals("textbook-edited")).findFirst().orElseThrow();
        position.profileProperty().set(copy);
        assertEquals(60_000 * (1 - 0.04 + 0.006), position.resultProperty().get().liquidationPrice(), 1e-6);

        tiers.open(copy);
        tiers.editorProperty().get().setCell(0, Column.MMR, "0.7");
        assertTrue(tiers.save());
        assertEquals(8, position.profiles().size(), "a new version replaces the old one");
        assertEquals(60_000 * (1 - 0.04 + 0.007), position.resultProperty().get().liquidationPrice(), 1e-6,
                "the selected profile follows its new version");
    }
}
