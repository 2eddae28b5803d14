package io.liqlab.ui.compare;

import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * All profiles side by side for the current position; sortable; the closest and farthest marked, the form's venue
 * marked, a leverage above a venue's maximum flagged. The table is as tall as its rows and its columns share the
 * width (no sideways scrolling): long texts wrap to two lines, and a cell that still does not fit shows its whole
 * text as a tooltip; each row's explanation is in the list under the table.
 */
public final class ComparisonView extends ScrollPane {

    private static final PseudoClass CLOSEST = PseudoClass.getPseudoClass(Styles.CLOSEST);
    private static final PseudoClass FARTHEST = PseudoClass.getPseudoClass(Styles.FARTHEST);
    private static final PseudoClass FORM_VENUE = PseudoClass.getPseudoClass("form-venue");
    /** Style class of a maximum leverage the position is above. */
    public static final String ABOVE_MAXIMUM = "above-maximum";
    private final TableView<ComparisonViewModel.Row> table = new TableView<>();

    public ComparisonView(ComparisonViewModel vm) {
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("comparison");
        table.setId("comparison-table");
        SortedList<ComparisonViewModel.Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // Preferred widths are proportions: the constrained policy fits them to the window (1280 to 1920 wide).
        table.getColumns().add(text(Text.get("compare.column.profile"), ComparisonViewModel.Row::profile, 160, 140));
        TableColumn<ComparisonViewModel.Row, Double> liquidation = number(Text.get("compare.column.liquidation"),
                ComparisonViewModel.Row::liquidationPrice, LocalNumbers::price, 95, 88);
        // A venue without the market compared says so where its number would be.
        liquidation.setCellFactory(col -> new NumberCell(LocalNumbers::price) {
            @Override
            protected String withoutNumber(ComparisonViewModel.Row row) {
                return row != null && !row.listed() ? Text.get("compare.notListed") : super.withoutNumber(row);
            }
        });
        table.getColumns().add(liquidation);
        TableColumn<ComparisonViewModel.Row, Double> distance = number(Text.get("compare.column.distance"), ComparisonViewModel.Row::distancePercent,
                d -> LocalNumbers.percent(d, 2), 80, 75);
        // The extremes in words as well as colour.
        distance.setCellFactory(col -> new NumberCell(d -> LocalNumbers.percent(d, 2)) {
            @Override
            protected String extra(ComparisonViewModel.Row row) {
                return switch (row.extreme()) {
                    case CLOSEST -> Text.get("compare.closestWord");
                    case FARTHEST -> Text.get("compare.farthestWord");
                    case NONE -> "";
                };
            }
        });
        table.getColumns().add(distance);
        table.getColumns().add(number(Text.get("compare.column.bankruptcy"), ComparisonViewModel.Row::bankruptcyPrice, LocalNumbers::price, 100, 96));
        table.getColumns().add(text(Text.get("compare.column.tierAtLiquidation"), ComparisonViewModel.Row::tierAtLiquidation, 55, 50));
        table.getColumns().add(number(Text.get("compare.column.mmAtLiquidation"), ComparisonViewModel.Row::maintenanceAtLiquidation, LocalNumbers::money, 90, 78));
        TableColumn<ComparisonViewModel.Row, Double> max = number(Text.get("compare.column.maxLeverage"), ComparisonViewModel.Row::maxLeverage,
                LocalNumbers::leverage, 100, 95);
        max.setCellFactory(col -> new NumberCell(LocalNumbers::leverage) {
            @Override
            protected String extra(ComparisonViewModel.Row row) {
                return row.leverageAllowed() || Double.isNaN(row.maxLeverage()) ? ""
                        : Text.format("compare.aboveMaximum", LocalNumbers.leverage(row.leverage()));
            }

            @Override
            protected void decorate(ComparisonViewModel.Row row) {
                boolean above = row != null && !row.leverageAllowed() && !Double.isNaN(row.maxLeverage());
                if (above) {
                    if (!getStyleClass().contains(ABOVE_MAXIMUM)) {
                        getStyleClass().add(ABOVE_MAXIMUM);
                    }
                    setTooltip(new Tooltip(Text.format("compare.aboveMaximumTip", LocalNumbers.leverage(row.leverage()), row.profile(),
                            LocalNumbers.leverage(row.maxLeverage()))));
                } else {
                    getStyleClass().remove(ABOVE_MAXIMUM);
                    setTooltip(null);
                }
            }
        });
        table.getColumns().add(max);
        table.getColumns().add(text(Text.get("compare.column.feeInTrigger"), ComparisonViewModel.Row::feeInTrigger, 85, 78));
        table.getColumns().add(text(Text.get("compare.column.partial"), ComparisonViewModel.Row::partialLiquidation, 160, 152));
        table.getColumns().add(text(Text.get("compare.column.backstop"), ComparisonViewModel.Row::backstop, 85, 78));
        table.getColumns().add(text(Text.get("compare.column.adl"), ComparisonViewModel.Row::adl, 135, 95));
        table.getColumns().add(text(Text.get("compare.column.insuranceFund"), ComparisonViewModel.Row::insuranceFund, 150, 95));
        String dataTitle = Text.get("compare.column.dataAsOf");
        TableColumn<ComparisonViewModel.Row, String> dataAsOf = text(dataTitle,
                r -> r.standIn() ? Text.format("compare.standInDate", r.dataAsOf()) : r.dataAsOf(), 120, 105);
        dataAsOf.setCellFactory(col -> new TextCell(dataTitle) { // amber when the venue's data is more than a month old
            @Override
            protected void decorate(ComparisonViewModel.Row row) {
                getStyleClass().remove("compare-data-old");
                if (row != null && vm.dataOld(row.profileId())) {
                    getStyleClass().add("compare-data-old");
                }
            }
        });
        table.getColumns().add(dataAsOf);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(ComparisonViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null;
                pseudoClassStateChanged(CLOSEST, shown && item.extreme() == ComparisonViewModel.Extreme.CLOSEST);
                pseudoClassStateChanged(FARTHEST, shown && item.extreme() == ComparisonViewModel.Extreme.FARTHEST);
                pseudoClassStateChanged(FORM_VENUE, shown && item.inForm());
                tip.setText(!shown ? "" : item.inForm() ? item.profile() + Text.get("compare.inForm") + ": " + item.explanation() : item.explanation());
                setTooltip(shown ? tip : null);
            }
        });
        // Two lines a row (the cell size is in CSS, in em, so it grows with presentation mode); as tall as its rows.
        table.getStyleClass().add("comparison-table");
        // The header is one cell tall too (3.2em in CSS): the height follows from the cell size alone, with no need to
        // measure the header (measured as the skin appears, it read 0 at 1920x1080 and the last row hid).
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> table.getFixedCellSize() <= 0 ? Region.USE_COMPUTED_SIZE
                        : (Math.max(1, table.getItems().size()) + 1) * table.getFixedCellSize() + 6,
                table.fixedCellSizeProperty(), table.getItems()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);

        Label title = new Label(Text.get("compare.title"));
        title.getStyleClass().add(Styles.SECTION);
        Label legend = new Label(Text.get("compare.legend"));
        legend.getStyleClass().add(Styles.SUBTITLE);
        legend.setWrapText(true);

        // The differences, one line each, readable without hovering.
        Label whyTitle = new Label(Text.get("compare.whyTitle"));
        whyTitle.getStyleClass().add(Styles.SECTION);
        VBox why = new VBox(4, whyTitle);
        why.setId("comparison-explanations");
        why.setPadding(new Insets(10, 0, 0, 0));
        Runnable showWhy = () -> {
            why.getChildren().setAll(whyTitle);
            for (ComparisonViewModel.Row r : vm.rows()) {
                Label line = new Label(Text.format(r.standIn() ? "compare.whyLineStandIn" : "compare.whyLine",
                        r.inForm() ? r.profile() + Text.get("compare.inForm") : r.profile(), r.explanation(),
                        Text.get(switch (r.extreme()) {
                            case CLOSEST -> "compare.markClosest";
                            case FARTHEST -> "compare.markFarthest";
                            case NONE -> "compare.markNone";
                        })));
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
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

        // The market compared: type-to-search over the base assets any profile is for.
        org.controlsfx.control.SearchableComboBox<String> market = new org.controlsfx.control.SearchableComboBox<>(vm.bases());
        market.setId("compare-market");
        market.valueProperty().bindBidirectional(vm.baseProperty());
        market.setTooltip(new Tooltip(Text.get("compare.marketTip")));
        market.setPrefWidth(180);
        Label marketLabel = new Label(Text.get("compare.market"));
        marketLabel.setLabelFor(market);
        marketLabel.getStyleClass().add(Styles.KEY);
        // USD-margined or coin-margined contracts of that base: one group at a time, following the form's market.
        org.controlsfx.control.SegmentedButton margined = io.liqlab.ui.Forms.twoWay(vm.coinMarginedProperty(), false,
                Text.get("compare.linear"), "compare-linear", true, Text.get("compare.inverse"), "compare-inverse");
        margined.setId("compare-margined");
        for (javafx.scene.control.ToggleButton b : margined.getButtons()) {
            b.setTooltip(new Tooltip(Text.get("compare.marginedTip")));
        }
        javafx.scene.layout.HBox marketRow = new javafx.scene.layout.HBox(8, marketLabel, market, margined);
        marketRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox content = new VBox(4, title, marketRow, legend, table, why);
        VBox.setMargin(table, new Insets(8, 0, 0, 0));
        content.setPadding(new Insets(12));
        setContent(content);
    }

    public TableView<ComparisonViewModel.Row> table() {
        return table;
    }

    /**
     * A header that wraps to two lines rather than cutting its title short ("Partial / liquidation"); the column keeps
     * its title as the label's accessible text.
     */
    private static <T> TableColumn<ComparisonViewModel.Row, T> column(String title, double width, double minWidth) {
        TableColumn<ComparisonViewModel.Row, T> c = new TableColumn<>();
        Label header = new Label(title);
        header.setWrapText(true);
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.setAlignment(javafx.geometry.Pos.CENTER);
        header.getStyleClass().add("comparison-header");
        header.prefWidthProperty().bind(c.widthProperty().subtract(10));
        header.setMinHeight(Region.USE_PREF_SIZE);
        header.setAccessibleText(title);
        c.setGraphic(header);
        c.setId("compare-column-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
        c.setUserData(title);
        c.setPrefWidth(width);
        c.setMinWidth(minWidth);
        return c;
    }

    private static TableColumn<ComparisonViewModel.Row, String> text(String title, Function<ComparisonViewModel.Row, String> value,
                                                                     double width, double minWidth) {
        TableColumn<ComparisonViewModel.Row, String> c = column(title, width, minWidth);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TextCell(title));
        return c;
    }

    private static TableColumn<ComparisonViewModel.Row, Double> number(String title, Function<ComparisonViewModel.Row, Double> value,
                                                                      DoubleFunction<String> format, double width, double minWidth) {
        TableColumn<ComparisonViewModel.Row, Double> c = column(title, width, minWidth);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator((a, b) -> Double.compare(a.isNaN() ? Double.MAX_VALUE : a, b.isNaN() ? Double.MAX_VALUE : b));
        c.setCellFactory(col -> new NumberCell(format));
        return c;
    }

    /** Text that wraps to two lines, with its whole text as a tooltip for when two lines cannot hold it. */
    private static class TextCell extends TableCell<ComparisonViewModel.Row, String> {
        private final String title;
        private final Tooltip tip = new Tooltip();

        TextCell(String title) {
            this.title = title;
            setWrapText(true);
        }

        /** Style for the row's value. */
        protected void decorate(ComparisonViewModel.Row row) {
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean shown = !empty && item != null;
            setText(shown ? item : null);
            tip.setText(shown ? title + ": " + item : "");
            setTooltip(shown ? tip : null);
            decorate(shown && getTableRow() != null ? getTableRow().getItem() : null);
        }
    }

    /** A right-aligned number, with an optional second line of words under it. */
    private static class NumberCell extends TableCell<ComparisonViewModel.Row, Double> {
        private final DoubleFunction<String> format;

        NumberCell(DoubleFunction<String> format) {
            this.format = format;
            getStyleClass().add("number-cell");
            setWrapText(true);
        }

        /** Words shown under the number (empty: none). */
        protected String extra(ComparisonViewModel.Row row) {
            return "";
        }

        /** Style and tooltip for the row's value. */
        protected void decorate(ComparisonViewModel.Row row) {
        }

        /** What stands where there is no number: a dash, or nothing on a venue without the market ("not listed" once). */
        protected String withoutNumber(ComparisonViewModel.Row row) {
            return row != null && !row.listed() ? "" : Text.get("compare.none");
        }

        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            ComparisonViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null) {
                setText(null);
            } else {
                String number = item.isNaN() ? withoutNumber(row) : format.apply(item);
                String words = row == null ? "" : extra(row);
                setText(words.isEmpty() ? number : number + "\n" + words);
            }
            decorate(row);
        }
    }
}
