package io.liqlab.ui;

import io.liqlab.TestProfiles;
import io.liqlab.profile.DraftStore;
import io.liqlab.ui.tiers.TierEditorViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A draft left by a killed session: the next start opens the tier editor and offers it back. */
class DraftOfferTest extends AppWindowTest {
    @BeforeAll
    static void aDraftWasLeftBehind() throws Exception {
        TierEditorViewModel before = new TierEditorViewModel(TestProfiles.get("gte-btc"));
        before.setCell(0, TierEditorViewModel.Column.MMR, "1.5");
        try (DraftStore ended = new DraftStore(home.resolve("drafts"))) { // the session that wrote it has ended
            ended.save(before.idProperty().get(), before.toDraft());
        }
    }

    @Test
    void theNextStartOffersTheDraftBackExactly(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("tab-tiers", tabs.getSelectionModel().getSelectedItem().getId(), "opens on the tier editor");
        pressOnTheBar(robot, "Restore"); // the offer on the bar over the tabs
        WaitForAsyncUtils.waitForFxEvents();
        String status = text(robot, "status");
        assertTrue(status.contains("gte-btc-edited"), "the status line says what was restored: " + status);
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        assertEquals("1.5", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR));
        // The profile box names what was restored, not "Open a profile...".
        javafx.scene.control.ComboBox<?> open = robot.lookup("#tier-open").queryComboBox();
        assertEquals("gte-btc", ((io.liqlab.profile.VenueProfile) open.getValue()).id());
    }
}
