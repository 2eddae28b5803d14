package io.liqlab.ui;

import io.liqlab.ui.tiers.TierEditorView;
import io.liqlab.ui.tiers.TierEditorViewModel;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is typed into the tier editor and not yet entered is on screen, so it reaches the draft on disk within about
 * 300 ms: a kill at that point loses nothing.
 */
class TypingKeptInDraftTest extends AppWindowTest {

    private static List<String> draftsOnDisk() {
        return io.liqlab.ui.tiers.TypedTextDraftTest.draftsOnDisk(home.resolve("drafts"));
    }

    private TierEditorView openTierEditor(FxRobot robot, String profileId) {
        robot.clickOn("#tab-tiers .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        TierEditorView view = robot.lookup("#tier-editor").queryAs(TierEditorView.class);
        robot.interact(() -> view.open(profileId));
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }

    /**
     * The drafts on disk holding {@code text}, once the writer has had its ~300 ms: looked at every 50 ms for up to
     * 3 s (a busy machine), then as they are.
     */
    private static List<String> draftsHolding(String profileId, String text) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        List<String> found;
        do {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            found = draftsOnDisk().stream().filter(d -> d.contains(profileId)).toList();
        } while (found.stream().noneMatch(d -> d.contains(text)) && System.nanoTime() < deadline);
        return found;
    }

    @Test
    void aNumberTypedIntoATierCellWithoutEnterIsInTheDraft(FxRobot robot) {
        TierEditorView view = openTierEditor(robot, "binance-usdm-btc");
        TableView<TierEditorViewModel.Row> table = view.table();
        TableColumn<TierEditorViewModel.Row, ?> leverage = table.getColumns().get(TierEditorViewModel.Column.MAX_LEVERAGE.ordinal());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(2, leverage);
            table.edit(2, leverage);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextField cell = robot.lookup("#tier-edit-table .text-field").queryAs(TextField.class);
        robot.interact(cell::selectAll);
        robot.write("99"); // and no Enter
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("99", cell.getText());

        List<String> drafts = draftsHolding("binance-usdm-btc", "\"text\" : \"99\"");
        assertEquals(1, drafts.size(), "one draft: " + drafts);
        String draft = drafts.getFirst();
        assertTrue(draft.contains("\"row\" : 2") && draft.contains("\"column\" : \"MAX_LEVERAGE\"") && draft.contains("\"text\" : \"99\""), draft);
        assertEquals("75", table.getItems().get(2).cell(TierEditorViewModel.Column.MAX_LEVERAGE), "not entered");
    }

    @Test
    void aNameTypedIntoTheFocusedFieldIsInTheDraft(FxRobot robot) {
        openTierEditor(robot, "textbook");
        TextField name = robot.lookup("#field-name").queryAs(TextField.class);
        robot.clickOn(name);
        robot.interact(name::selectAll);
        robot.write("Class copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(name.isFocused(), "still in the field");

        List<String> drafts = draftsHolding("textbook", "Class copy");
        assertEquals(1, drafts.size(), "one draft: " + drafts);
        assertTrue(drafts.getFirst().contains("\"field\" : \"NAME\"") && drafts.getFirst().contains("\"text\" : \"Class copy\""),
                drafts.getFirst());
    }
}
