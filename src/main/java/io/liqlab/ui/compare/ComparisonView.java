package io.liqlab.ui.compare;

import io.liqlab.core.Numbers;
import io.liqlab.ui.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.function.DoubleFunction;
import java.util.function.Function;

/** All profiles side by side for the current position; sortable; the closest and farthest marked. */
public final class ComparisonView extends BorderPane {

    private static final javafx.css.PseudoClass CLOSEST = javafx.css.PseudoClass.getPseudoClass(Styles.CLOSEST);
    private static final javafx.css.PseudoClass FARTHEST = javafx.css.PseudoClass.getPseudoClass(Styles.FARTHEST);
    private final TableView<ComparisonViewModel.Row> table = new TableView<>();

    public ComparisonView(ComparisonViewModel vm) {
        setPadding(new Insets(12));
        table.setId("comparison-table");
        SortedList<ComparisonViewModel.Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(text("Venue profile", ComparisonViewModel.Row::profile, 190));
        table.getColumns().add(number("Liquidation", ComparisonViewModel.Row::liquidationPrice, Numbers::price, 110));
        table.getColumns().add(number("Distance", ComparisonViewModel.Row::distancePercent, d -> String.format(java.util.Locale.ROOT, "%.2f%%", d), 85));
        table.getColumns().add(number("Bankruptcy", ComparisonViewModel.Row::bankruptcyPrice, Numbers::price, 110));
        table.getColumns().add(text("Tier at liq.", ComparisonViewModel.Row::tierAtLiquidation, 80));
        table.getColumns().add(number("MM at liq.", ComparisonViewModel.Row::maintenanceAtLiquidation, Numbers::money, 100));
        table.getColumns().add(number("Max lev.", ComparisonViewModel.Row::maxLeverage, Numbers::leverage, 75));
        table.getColumns().add(text("Fee in trigger", ComparisonViewModel.Row::feeInTrigger, 100));
        table.getColumns().add(text("Partial liquidation", ComparisonViewModel.Row::partialLiquidation, 170));
        table.getColumns().add(text("Backstop", ComparisonViewModel.Row::backstop, 100));
        table.getColumns().add(text("ADL", ComparisonViewModel.Row::adl, 170));
        table.getColumns().add(text("Insurance fund", ComparisonViewModel.Row::insuranceFund, 200));
        table.getColumns().add(text("Data as of", r -> r.dataAsOf() + (r.standIn() ? " ⚠ stand-in" : ""), 220));
        table.getColumns().add(text("Why it differs", ComparisonViewModel.Row::explanation, 520));
        table.setRowFactory(t -> new TableRow<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(ComparisonViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null;
                pseudoClassStateChanged(CLOSEST, shown && item.extreme() == ComparisonViewModel.Extreme.CLOSEST);
                pseudoClassStateChanged(FARTHEST, shown && item.extreme() == ComparisonViewModel.Extreme.FARTHEST);
                tip.setText(shown ? item.explanation() : "");
                setTooltip(shown ? tip : null);
            }
        });
        Label title = new Label("The same position at every venue profile");
        title.getStyleClass().add(Styles.SECTION);
        Label legend = new Label("Red row: liquidated closest to the mark. Green row: farthest. Click a column header to sort; "
                + "hover a row for its one-line explanation.");
        legend.getStyleClass().add(Styles.SUBTITLE);
        legend.setWrapText(true);
        setTop(new VBox(4, title, legend));
        setCenter(table);
        BorderPane.setMargin(table, new Insets(8, 0, 0, 0));
        table.setFixedCellSize(30);
        table.setPrefHeight(34 + 30 * 7.5);

        // The differences, one line each, readable without scrolling the table sideways.
        Label whyTitle = new Label("Why they differ");
        whyTitle.getStyleClass().add(Styles.SECTION);
        VBox why = new VBox(4, whyTitle);
        why.setId("comparison-explanations");
        why.setPadding(new Insets(10, 0, 0, 0));
        vm.rows().subscribe(() -> {
            why.getChildren().setAll(whyTitle);
            for (ComparisonViewModel.Row r : vm.rows()) {
                Label line = new Label(r.profile() + ": " + r.explanation()
                        + (r.standIn() ? " (stand-in data)" : ""));
                line.setWrapText(true);
                line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                if (r.extreme() == ComparisonViewModel.Extreme.CLOSEST) {
                    line.getStyleClass().add("closest-text");
                } else if (r.extreme() == ComparisonViewModel.Extreme.FARTHEST) {
                    line.getStyleClass().add("farthest-text");
                }
                why.getChildren().add(line);
            }
        });
        setBottom(why);
    }

    public TableView<ComparisonViewModel.Row> table() {
        return table;
    }

    private static TableColumn<ComparisonViewModel.Row, String> text(String title, Function<ComparisonViewModel.Row, String> value, double width) {
        TableColumn<ComparisonViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<ComparisonViewModel.Row, Double> number(String title, Function<ComparisonViewModel.Row, Double> value,
                                                                      DoubleFunction<String> format, double width) {
        TableColumn<ComparisonViewModel.Row, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator((a, b) -> Double.compare(a.isNaN() ? Double.MAX_VALUE : a, b.isNaN() ? Double.MAX_VALUE : b));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.isNaN() ? "none" : format.apply(item));
                setStyle("-fx-alignment: CENTER-RIGHT;");
            }
        });
        c.setPrefWidth(width);
        return c;
    }
}
