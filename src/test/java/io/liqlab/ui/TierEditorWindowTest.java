package io.liqlab.ui;

import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.tiers.TierEditorView;
import io.liqlab.ui.tiers.TierEditorViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tier editor in the real window, headless: edit a cell, see the preview move, undo, save, reopen. */
class TierEditorWindowTest extends AppWindowTest {
    @SuppressWarnings("unchecked")
    private static void open(FxRobot robot, String id) {
        ComboBox<VenueProfile> open = robot.lookup("#tier-open").queryComboBox();
        robot.interact(() -> open.setValue(open.getItems().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()));
    }

    @SuppressWarnings("unchecked")
    private static void editCell(FxRobot robot, int row, int column, String text) {
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        TableColumn<TierEditorViewModel.Row, ?> col = table.getColumns().get(column);
        robot.interact(() -> table.edit(row, col));
        TextField field = robot.lookup("#tier-edit-table .text-field").queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void editACellSeeThePreviewUndoSaveAndReopen(FxRobot robot) throws Exception {
        robot.clickOn("#tab-tiers .tab-label");
        open(robot, "binance-usdm-btc");
        Label compare = robot.lookup("#tier-liquidation-compare").queryAs(Label.class);
        String before = compare.getText();
        assertTrue(before.contains("with the original") && before.contains("with the edits"), before);

        editCell(robot, 0, 3, "0.6"); // tier 1 maintenance rate 0.4% -> 0.6%
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        assertEquals("0.6", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR));
        String after = compare.getText();
        assertNotEquals(before, after, "the edited schedule moves the liquidation price");
        assertTrue(after.endsWith("with the edits."), after);

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.4", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR), "Ctrl+Z undid the edit");

        robot.press(KeyCode.CONTROL).press(KeyCode.SHIFT).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.SHIFT).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.6", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR), "Ctrl+Shift+Z redid it");

        robot.clickOn("#tier-save");
        Path saved = home.resolve("venue-profiles").resolve("binance-usdm-btc-edited.json");
        assertTrue(Files.exists(saved), robot.lookup("#status").queryAs(Label.class).getText());

        open(robot, "binance-usdm-btc-edited");
        TableView<TierEditorViewModel.Row> reopened = robot.lookup("#tier-edit-table").queryTableView();
        assertEquals("0.6", reopened.getItems().get(0).cell(TierEditorViewModel.Column.MMR));
    }

    @Test
    void anInvalidCellIsMarkedAndTheScheduleCannotBeSaved(FxRobot robot) {
        robot.clickOn("#tab-tiers .tab-label");
        open(robot, "textbook");
        editCell(robot, 0, 3, "50");
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        assertTrue(table.getItems().get(0).errorProperty(TierEditorViewModel.Column.MMR).get().contains("below 1/maxLeverage"));
        // An invalid schedule can be edited further, not saved: Save is greyed, and its tooltip says why.
        javafx.scene.control.Button save = robot.lookup("#tier-save").queryButton();
        assertTrue(save.isDisabled(), "Save cannot act on an invalid schedule");
        assertTrue(save.getTooltip().getText().contains("problems"), save.getTooltip().getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCellIsMarkedWhileItIsTyped(FxRobot robot) {
        robot.clickOn("#tab-tiers .tab-label");
        open(robot, "hyperliquid-btc");
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        robot.interact(() -> table.edit(0, (TableColumn<TierEditorViewModel.Row, ?>) table.getColumns().get(3)));
        TextField field = robot.lookup("#tier-edit-table .text-field").queryAs(TextField.class);
        robot.interact(() -> field.setText("3")); // 3% is at or above 1/40: not allowed
        assertTrue(field.getPseudoClassStates().contains(Styles.INVALID));
        assertTrue(field.getTooltip().getText().contains("below 1/maxLeverage"));
        robot.interact(() -> field.setText("2"));
        assertTrue(!field.getPseudoClassStates().contains(Styles.INVALID));
        robot.type(KeyCode.ESCAPE);
        assertEquals("1.25", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR), "nothing committed by typing");
    }

    @Test
    void afterSaveAsTheProfileBoxShowsTheSavedCopy(FxRobot robot) {
        robot.clickOn("#tab-tiers .tab-label");
        open(robot, "binance-usdm-btc");
        TierEditorView view = robot.lookup("#tier-editor").queryAs(TierEditorView.class);
        robot.interact(() -> view.workbench().saveAs("my-binance", view.workbench().editorProperty().get().copyName()));
        ComboBox<VenueProfile> box = robot.lookup("#tier-open").queryComboBox();
        assertEquals("my-binance", box.getValue().id());
        assertEquals("my-binance", view.workbench().editorProperty().get().idProperty().get());
        assertEquals(1, box.getItems().stream().filter(p -> p.id().equals("my-binance")).count());
    }

    @Test
    void withNothingOpenTheCommandsAreGreyAndTheChartsGiveWayToASentence(FxRobot robot) {
        robot.clickOn("#tab-tiers .tab-label");
        for (String id : java.util.List.of("tier-undo", "tier-redo", "tier-add", "tier-remove", "tier-split", "tier-merge", "tier-revert-cell",
                "tier-revert-all", "tier-save", "tier-save-as", "tier-rename", "tier-delete", "tier-export")) {
            assertTrue(robot.lookup("#" + id).queryButton().isDisabled(), id + " cannot act with nothing open");
        }
        assertTrue(!robot.lookup("#tier-import").queryButton().isDisabled(), "import can");
        assertTrue(!robot.lookup("#tier-chart-maintenance").query().isVisible());
        assertTrue(!robot.lookup("#tier-chart-leverage").query().isVisible());
        assertTrue(robot.lookup("#tier-charts-placeholder").query().isVisible());

        open(robot, "textbook");
        assertTrue(!robot.lookup("#tier-add").queryButton().isDisabled());
        assertTrue(robot.lookup("#tier-undo").queryButton().isDisabled(), "nothing to undo yet");
        assertTrue(robot.lookup("#tier-chart-maintenance").query().isVisible());
        assertTrue(!robot.lookup("#tier-charts-placeholder").query().isVisible());
    }

    @Test
    void everyHeaderIsWholeAndExplainsItself(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        robot.clickOn("#tab-tiers .tab-label");
        open(robot, "binance-usdm-btc");
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        for (TableColumn<TierEditorViewModel.Row, ?> c : table.getColumns()) {
            Label header = (Label) c.getGraphic();
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) header.lookup(".text");
            assertEquals(header.getText().replaceAll("\\s+", " "), drawn.getText().replaceAll("\\s+", " "), "header cut short");
            assertTrue(header.getTooltip() != null && header.getTooltip().getText().length() > 30, header.getText() + " explains itself");
        }
        assertTrue(robot.lookup("#tier-legend").queryAs(Label.class).getText().contains("Above / up to"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theButtonsGreyAndComeBackAsTheStateChanges(FxRobot robot) {
        robot.clickOn("#tab-tiers .tab-label");
        open(robot, "binance-usdm-btc");
        javafx.scene.control.Button remove = robot.lookup("#tier-remove").queryButton();
        javafx.scene.control.Button merge = robot.lookup("#tier-merge").queryButton();
        javafx.scene.control.Button undo = robot.lookup("#tier-undo").queryButton();
        javafx.scene.control.Button revertAll = robot.lookup("#tier-revert-all").queryButton();
        javafx.scene.control.Button save = robot.lookup("#tier-save").queryButton();
        assertTrue(remove.isDisabled() && merge.isDisabled(), "no tier selected");

        // Select a row by clicking its first cell: Remove and Merge can act on it.
        TableView<TierEditorViewModel.Row> table = robot.lookup("#tier-edit-table").queryTableView();
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup("#tier-edit-table .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> c.getIndex() == 1 && c.getTableColumn() == table.getColumns().get(0))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!remove.isDisabled() && !merge.isDisabled(), "tier 2 selected");
        robot.interact(() -> table.getSelectionModel().select(table.getItems().size() - 1, table.getColumns().get(0)));
        assertTrue(merge.isDisabled(), "the last tier has nothing to merge with");
        robot.interact(() -> table.getSelectionModel().clearSelection());
        assertTrue(remove.isDisabled(), "selection cleared: greyed again");

        // Edit, then undo: Undo, Save and Revert all come and go with the edit.
        assertTrue(undo.isDisabled() && save.isDisabled() && revertAll.isDisabled(), "nothing edited");
        editCell(robot, 0, 3, "0.6");
        assertTrue(!undo.isDisabled() && !save.isDisabled() && !revertAll.isDisabled(), "an edit to undo, save and revert");
        robot.clickOn(undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.4", table.getItems().get(0).cell(TierEditorViewModel.Column.MMR));
        assertTrue(undo.isDisabled(), "nothing left to undo");
        assertTrue(revertAll.isDisabled(), "back as opened: nothing to revert");
    }
}
