package io.liqlab.ui.compare;

import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
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
        table.getColumns().add(text(Text.get("compare.column.profile"), ComparisonViewModel.Row::profile, 190));
        table.getColumns().add(number(Text.get("compare.column.liquidation"), ComparisonViewModel.Row::liquidationPrice, LocalNumbers::price, 110));
        table.getColumns().add(number(Text.get("compare.column.distance"), ComparisonViewModel.Row::distancePercent, d -> LocalNumbers.percent(d, 2), 85));
        table.getColumns().add(number(Text.get("compare.column.bankruptcy"), ComparisonViewModel.Row::bankruptcyPrice, LocalNumbers::price, 110));
        table.getColumns().add(text(Text.get("compare.column.tierAtLiquidation"), ComparisonViewModel.Row::tierAtLiquidation, 80));
        table.getColumns().add(number(Text.get("compare.column.mmAtLiquidation"), ComparisonViewModel.Row::maintenanceAtLiquidation, LocalNumbers::money, 100));
        table.getColumns().add(number(Text.get("compare.column.maxLeverage"), ComparisonViewModel.Row::maxLeverage, LocalNumbers::leverage, 75));
        table.getColumns().add(text(Text.get("compare.column.feeInTrigger"), ComparisonViewModel.Row::feeInTrigger, 100));
        table.getColumns().add(text(Text.get("compare.column.partial"), ComparisonViewModel.Row::partialLiquidation, 170));
        table.getColumns().add(text(Text.get("compare.column.backstop"), ComparisonViewModel.Row::backstop, 100));
        table.getColumns().add(text(Text.get("compare.column.adl"), ComparisonViewModel.Row::adl, 170));
        table.getColumns().add(text(Text.get("compare.column.insuranceFund"), ComparisonViewModel.Row::insuranceFund, 200));
        TableColumn<ComparisonViewModel.Row, String> dataAsOf = text(Text.get("compare.column.dataAsOf"),
                r -> r.standIn() ? Text.format("compare.standInDate", r.dataAsOf()) : r.dataAsOf(), 220);
        dataAsOf.setCellFactory(col -> new TableCell<>() { // amber when the venue's data is more than a month old
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                ComparisonViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove("compare-data-old");
                if (row != null && vm.dataOld(row.profileId())) {
                    getStyleClass().add("compare-data-old");
                }
            }
        });
        table.getColumns().add(dataAsOf);
        table.getColumns().add(text(Text.get("compare.column.why"), ComparisonViewModel.Row::explanation, 520));
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
        Label title = new Label(Text.get("compare.title"));
        title.getStyleClass().add(Styles.SECTION);
        Label legend = new Label(Text.get("compare.legend"));
        legend.getStyleClass().add(Styles.SUBTITLE);
        legend.setWrapText(true);
        setTop(new VBox(4, title, legend));
        setCenter(table);
        BorderPane.setMargin(table, new Insets(8, 0, 0, 0));
        table.setFixedCellSize(30);
        table.setPrefHeight(34 + 30 * 7.5);

        // The differences, one line each, readable without scrolling the table sideways.
        Label whyTitle = new Label(Text.get("compare.whyTitle"));
        whyTitle.getStyleClass().add(Styles.SECTION);
        VBox why = new VBox(4, whyTitle);
        why.setId("comparison-explanations");
        why.setPadding(new Insets(10, 0, 0, 0));
        Runnable showWhy = () -> {
            why.getChildren().setAll(whyTitle);
            for (ComparisonViewModel.Row r : vm.rows()) {
                Label line = new Label(Text.format(r.standIn() ? "compare.whyLineStandIn" : "compare.whyLine", r.profile(), r.explanation(),
                        Text.get(switch (r.extreme()) {
                            case CLOSEST -> "compare.markClosest";
                            case FARTHEST -> "compare.markFarthest";
                            case NONE -> "compare.markNone";
                        })));
                line.setWrapText(true);
                line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                if (r.extreme() == ComparisonViewModel.Extreme.CLOSEST) {
                    line.getStyleClass().add("closest-text");
                } else if (r.extreme() == ComparisonViewModel.Extreme.FARTHEST) {
                    line.getStyleClass().add("farthest-text");
                }
                why.getChildren().add(line);
            }
        };
        // The rows may be in already (the tab computes them as it opens, before this view exists): show them now,
        // then on every change. (Only subscribing left the list empty until the position changed.)
        showWhy.run();
        vm.rows().subscribe(showWhy);
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
                setText(empty || item == null ? null : item.isNaN() ? Text.get("compare.none") : format.apply(item));
                setStyle("-fx-alignment: CENTER-RIGHT;");
            }
        });
        c.setPrefWidth(width);
        return c;
    }
}
