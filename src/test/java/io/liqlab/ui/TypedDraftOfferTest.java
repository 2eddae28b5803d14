package io.liqlab.ui;

import io.liqlab.TestProfiles;
import io.liqlab.profile.DraftStore;
import io.liqlab.ui.tiers.TierEditorViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A draft whose cell was being typed in when the app was killed: restored, the cell is open again with that text. */
class TypedDraftOfferTest extends AppWindowTest {
    @BeforeAll
    static void anAppWasKilledWhileTyping() throws Exception {
        TierEditorViewModel before = new TierEditorViewModel(TestProfiles.get("gte-btc"));
        before.setCell(0, TierEditorViewModel.Column.MMR, "0.015");
        before.typing(0, TierEditorViewModel.Column.MAX_LEVERAGE, "33");
        try (DraftStore ended = new DraftStore(home.resolve("drafts"))) {
            ended.save(before.idProperty().get(), before.toDraft());
        }
    }

    @Test
    void restoringOpensTheCellWithTheTypedText(FxRobot robot) throws Exception {
        pressOnTheBar(robot, "Restore"); // the offer on the bar over the tabs
        WaitForAsyncUtils.waitForFxEvents();
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        assertEquals("0.015", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR));
        assertEquals(0, table.getEditingCell().getRow());
        assertEquals(TierEditorViewModel.Column.MAX_LEVERAGE, table.getEditingCell().getTableColumn().getUserData());
        TextField cell = robot.lookup("#tier-edit-table .text-field").queryAs(TextField.class);
        assertEquals("33", cell.getText());
        assertEquals(0, cell.getSelection().getLength(), "the caret after the text, as when it was typed; nothing selected to be replaced");
        assertEquals(2, cell.getCaretPosition());
        String status = robot.lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("\"33\"") && status.contains("Enter"), status);
    }
}
