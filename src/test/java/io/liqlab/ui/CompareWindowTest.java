package io.liqlab.ui;

import io.liqlab.ui.compare.ComparisonView;
import io.liqlab.ui.compare.ComparisonViewModel;
import io.liqlab.ui.position.InputField;
import io.liqlab.ui.workspace.WorkspaceView;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison as a venue comparer reads it at 1280x720: every column on screen, nothing cut without its tooltip. */
class CompareWindowTest extends AppWindowTest {

    private TableView<ComparisonViewModel.Row> open(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.clickOn("#tab-compare .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#comparison-table").queryTableView();
    }

    private static WorkspaceView workspace(FxRobot robot) {
        return robot.lookup(".workspace").queryAs(WorkspaceView.class);
    }

    @SuppressWarnings("unchecked")
    private static List<TableRow<ComparisonViewModel.Row>> rows(FxRobot robot) {
        return robot.lookup("#comparison-table .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<ComparisonViewModel.Row>) n).filter(r -> r.getItem() != null).toList();
    }

    private static TableRow<ComparisonViewModel.Row> row(FxRobot robot, String profileId) {
        return rows(robot).stream().filter(r -> r.getItem().profileId().equals(profileId)).findFirst().orElseThrow();
    }

    /** The text a cell or label really draws: the full text, or the text cut short with an ellipsis. */
    private static String drawn(Node labeled) {
        Text text = (Text) labeled.lookup(".text");
        return text == null ? "" : text.getText();
    }

    @SuppressWarnings("unchecked")
    private static TableCell<ComparisonViewModel.Row, ?> cell(TableRow<ComparisonViewModel.Row> row, String columnId) {
        return row.getChildrenUnmodifiable().stream().filter(n -> n instanceof TableCell<?, ?> c && columnId.equals(c.getTableColumn().getId()))
                .map(n -> (TableCell<ComparisonViewModel.Row, ?>) n).findFirst().orElseThrow(() -> new AssertionError("no column " + columnId));
    }

    @Test
    void at1280x720EveryColumnFitsAndTheTableIsAsTallAsItsRows(FxRobot robot) {
        TableView<ComparisonViewModel.Row> table = open(robot, 1280, 720);
        assertEquals(7, table.getItems().size());
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                assertFalse(bar.isVisible(), "no sideways scrolling in the table");
            }
        }
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertTrue(columns <= table.getWidth(), "the columns fit the table: " + columns + " > " + table.getWidth());
        assertTrue(table.localToScene(table.getLayoutBounds()).getMaxX() <= stage.getScene().getWidth(), "the table fits the window");

        // No empty rows under the seven: the table ends with its last row.
        Node header = table.lookup(".column-header-background");
        double rowsHeight = table.getHeight() - header.getLayoutBounds().getHeight();
        assertTrue(rowsHeight < 7.5 * table.getFixedCellSize(), "not even half an empty row: rows area " + rowsHeight + " for 7 rows of "
                + table.getFixedCellSize());
        assertTrue(rowsHeight >= 7 * table.getFixedCellSize(), "every row shows: " + rowsHeight);

        // Headers are never cut short.
        for (Node n : table.lookupAll(".comparison-header")) {
            Label l = (Label) n;
            assertEquals(l.getText().replaceAll("\\s+", " "), drawn(l).replaceAll("\\s+", " "), "header cut");
        }
        // The rule columns show their whole text; a cell that must cut its text short shows all of it on hover.
        for (TableRow<ComparisonViewModel.Row> row : rows(robot)) {
            for (String id : List.of("compare-column-fee-in-trigger", "compare-column-partial-liquidation", "compare-column-backstop",
                    "compare-column-venue-profile", "compare-column-max-lev-")) {
                TableCell<ComparisonViewModel.Row, ?> c = cell(row, id);
                assertEquals(c.getText().replaceAll("\\s+", " "), drawn(c).replaceAll("\\s+", " "),
                        id + " of " + row.getItem().profileId() + " in " + c.getWidth() + "x" + c.getHeight() + " " + c.getFont());
            }
            for (Node n : row.getChildrenUnmodifiable()) {
                TableCell<?, ?> c = (TableCell<?, ?>) n;
                if (c.getText() != null && !c.getText().replaceAll("\\s+", " ").equals(drawn(c).replaceAll("\\s+", " "))) {
                    assertTrue(c.getTooltip() != null && c.getTooltip().getText().contains(c.getText()),
                            "a cut cell has its whole text as a tooltip: " + c.getText());
                }
            }
        }
    }

    @Test
    void aLeverageAboveTheVenueMaximumIsFlaggedInWordsAndColour(FxRobot robot) {
        open(robot, 1600, 1000);
        robot.interact(() -> workspace(robot).viewModel().position().textProperty(InputField.LEVERAGE).set("50"));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<ComparisonViewModel.Row, ?> hyperliquid = cell(row(robot, "hyperliquid-btc"), "compare-column-max-lev-");
        assertEquals("40x\n50x over", hyperliquid.getText());
        assertTrue(hyperliquid.getStyleClass().contains(ComparisonView.ABOVE_MAXIMUM));
        assertTrue(hyperliquid.getTooltip().getText().contains("above Hyperliquid BTC's maximum of 40x"), hyperliquid.getTooltip().getText());
        TableRow<ComparisonViewModel.Row> binanceRow = row(robot, "binance-usdm-btc");
        TableCell<ComparisonViewModel.Row, ?> binance = cell(binanceRow, "compare-column-max-lev-");
        assertTrue(binanceRow.getItem().maxLeverage() >= 50 && binanceRow.getItem().leverageAllowed());
        assertEquals(LocalNumbers.leverage(binanceRow.getItem().maxLeverage()), binance.getText(), "no words where the leverage is allowed");
        assertFalse(binance.getStyleClass().contains(ComparisonView.ABOVE_MAXIMUM));
    }

    @Test
    void theFormsVenueIsMarked(FxRobot robot) {
        open(robot, 1600, 1000);
        var position = workspace(robot).viewModel().position();
        robot.interact(() -> position.profileProperty().set(position.profiles().stream()
                .filter(p -> p.id().equals("okx-swap-btc")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        var formVenue = javafx.css.PseudoClass.getPseudoClass("form-venue");
        for (TableRow<ComparisonViewModel.Row> r : rows(robot)) {
            assertEquals(r.getItem().profileId().equals("okx-swap-btc"), r.getPseudoClassStates().contains(formVenue), r.getItem().profileId());
        }
        assertTrue(row(robot, "okx-swap-btc").getTooltip().getText().contains("in the form"), row(robot, "okx-swap-btc").getTooltip().getText());
    }

    @Test
    void theFarthestTintIsNotTheSelectionBlueAndSelectingOutlinesARow(FxRobot robot) {
        TableView<ComparisonViewModel.Row> table = open(robot, 1600, 1000);
        TableRow<ComparisonViewModel.Row> farthest = rows(robot).stream()
                .filter(r -> r.getItem().extreme() == ComparisonViewModel.Extreme.FARTHEST).findFirst().orElseThrow();
        TableRow<ComparisonViewModel.Row> plain = rows(robot).stream()
                .filter(r -> r.getItem().extreme() == ComparisonViewModel.Extreme.NONE).findFirst().orElseThrow();
        Color tint = inside(farthest);
        // Selection is blue (the accent); the farthest tint must not be read as "selected".
        assertFalse(tint.getHue() > 180 && tint.getHue() < 260, "the farthest tint is not blue: " + tint);
        Color unselected = inside(plain);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(plain.getItem());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(unselected, inside(plain), "a selected row is outlined, not filled with a colour that could mean something");
        assertTrue(plain.getBackground().getFills().size() > 1 && !plain.getBackground().getFills().getFirst().getFill().equals(unselected),
                "the outline shows");
        robot.interact(() -> table.getSelectionModel().select(farthest.getItem()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tint, inside(farthest), "the farthest row keeps its tint when selected");
    }

    /** The row's innermost fill: what fills it (the outer fills are lines). */
    private static Color inside(TableRow<?> row) {
        return (Color) row.getBackground().getFills().getLast().getFill();
    }
}
