package io.liqlab.ui.tiers;

import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Palette;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import io.liqlab.ui.chart.CurveChart;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.converter.DefaultStringConverter;

import java.util.List;

/** The tier-schedule editor: the table, the profile's rule parameters, and a live preview beside them. */
public final class TierEditorView extends BorderPane {

    private static final javafx.css.PseudoClass CHANGED = javafx.css.PseudoClass.getPseudoClass("changed");
    private static final javafx.css.PseudoClass INVALID = Styles.INVALID;

    private final TierWorkbenchViewModel vm;
    private final javafx.beans.value.ObservableValue<io.liqlab.core.Position> position;
    private final TableView<TierEditorViewModel.Row> table = new TableView<>();
    private final VBox problems = new VBox(2);
    private final GridPane fields = new GridPane(8, 4);
    private final CurveChart maintenanceChart = new CurveChart(Text.get("tiers.chart.maintenance.title"), Text.get("tiers.chart.x"),
            Text.get("tiers.chart.maintenance.y"));
    private final CurveChart leverageChart = new CurveChart(Text.get("tiers.chart.leverage.title"), Text.get("tiers.chart.x"),
            Text.get("tiers.chart.leverage.y"));
    private final Label liquidation = new Label();
    private final Label idLabel = new Label();
    private TierPreviewViewModel preview;
    /** What {@link #show} subscribed for the open profile; cancelled when another opens, so old previews stop recomputing. */
    private javafx.util.Subscription shown = javafx.util.Subscription.EMPTY;

    public TierEditorView(TierWorkbenchViewModel vm, javafx.beans.value.ObservableValue<io.liqlab.core.Position> position) {
        this.vm = vm;
        this.position = position;
        setId("tier-editor");
        // Type-to-search over every market, each with its data date (old or partial data flagged in amber).
        ComboBox<VenueProfile> open = io.liqlab.ui.MarketChooser.create(vm.profiles(), vm.markets(), Text.get("tiers.openPrompt"));
        open.setId("tier-open");
        open.setPromptText(Text.get("tiers.openPrompt"));
        open.setTooltip(new Tooltip(Text.get("tiers.openTip")));
        open.valueProperty().subscribe(p -> {
            TierEditorViewModel current = vm.editorProperty().get();
            if (p != null && (current == null || !sameProfile(current.original(), p))) {
                vm.open(p);
            }
        });
        // The box shows what is open, however it was opened: a saved copy, a restored draft, an import.
        vm.editorProperty().subscribe(ed -> {
            VenueProfile shown = ed == null ? null : vm.profiles().stream().filter(p -> sameProfile(p, ed.original())).findFirst()
                    .orElse(ed.original());
            if (shown == null ? open.getValue() != null : open.getValue() == null || !sameProfile(open.getValue(), shown)) {
                open.setValue(shown);
            }
        });

        // Every button is a command with the state it can act in (greyed otherwise), built as the shell's are.
        TierEditorCommands commands = vm.commands();
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6, open, idLabel);
        for (io.liqlab.ui.shell.Command c : commands.all()) {
            Button b = io.liqlab.ui.shell.CommandActions.button(c);
            bar.getChildren().add(b);
        }
        tooltip(bar, "tier-undo", commands.undoTextProperty());
        tooltip(bar, "tier-redo", commands.redoTextProperty());
        tooltip(bar, "tier-save", commands.saveTextProperty());
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("tool-bar");
        setTop(bar);

        table.setId("tier-edit-table");
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        for (Column c : Column.values()) {
            table.getColumns().add(column(c));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The commands act on the selected tier and cell: Remove, Split and Merge grey without one.
        table.getSelectionModel().getSelectedCells().subscribe(() -> {
            var cells = table.getSelectionModel().getSelectedCells();
            var cell = cells.isEmpty() ? null : cells.getFirst();
            commands.selectedRowProperty().set(cell == null ? -1 : cell.getRow());
            commands.selectedColumnProperty().set(cell == null || cell.getTableColumn() == null ? null : (Column) cell.getTableColumn().getUserData());
        });
        Label emptyTable = new Label(Text.get("tiers.emptyTable"));
        emptyTable.setWrapText(true);
        table.setPlaceholder(emptyTable);
        // What the columns mean, once, under the table (each header also has it as a tooltip).
        Label legend = new Label(Text.get("tiers.legend"));
        legend.setId("tier-legend");
        legend.setWrapText(true);
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        legend.getStyleClass().add(Styles.SUBTITLE);
        Label problemsTitle = new Label(Text.get("tiers.problemsTitle"));
        problemsTitle.getStyleClass().add(Styles.SECTION);
        problems.setId("tier-problems");
        Label fieldsTitle = new Label(Text.get("tiers.fieldsTitle"));
        fieldsTitle.getStyleClass().add(Styles.SECTION);
        VBox left = new VBox(8, table, legend, problemsTitle, problems, fieldsTitle, fields);
        left.setPadding(new Insets(10));
        VBox.setVgrow(table, Priority.ALWAYS);

        liquidation.setId("tier-liquidation-compare");
        liquidation.setWrapText(true);
        liquidation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        liquidation.getStyleClass().add("callout");
        maintenanceChart.setId("tier-chart-maintenance");
        leverageChart.setId("tier-chart-leverage");
        leverageChart.yFormatProperty().set(LocalNumbers::leverage);
        maintenanceChart.yFormatProperty().set(LocalNumbers::compact);
        // Tiers span a few thousand to billions: log axes show every step.
        maintenanceChart.logXProperty().set(true);
        maintenanceChart.logYProperty().set(true);
        leverageChart.logXProperty().set(true);
        maintenanceChart.xFormatProperty().set(LocalNumbers::compact);
        leverageChart.xFormatProperty().set(LocalNumbers::compact);
        // No profile open: a sentence instead of two charts with meaningless axes.
        Label noCharts = new Label(Text.get("tiers.emptyCharts"));
        noCharts.setId("tier-charts-placeholder");
        noCharts.setWrapText(true);
        noCharts.getStyleClass().add(Styles.SUBTITLE);
        for (javafx.scene.Node chart : List.of(liquidation, maintenanceChart, leverageChart)) {
            chart.visibleProperty().bind(vm.editorProperty().isNotNull());
            chart.managedProperty().bind(chart.visibleProperty());
        }
        noCharts.visibleProperty().bind(vm.editorProperty().isNull());
        noCharts.managedProperty().bind(noCharts.visibleProperty());
        VBox right = new VBox(8, noCharts, liquidation, maintenanceChart, leverageChart);
        right.setPadding(new Insets(10));
        VBox.setVgrow(maintenanceChart, Priority.ALWAYS);
        VBox.setVgrow(leverageChart, Priority.ALWAYS);
        // At 1280x720 the fields under the table would squeeze it to a row: the table keeps room for about eight
        // tiers and the side scrolls instead.
        table.setMinHeight(280);
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        leftScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        SplitPane split2 = new SplitPane(leftScroll, right);
        split2.setDividerPositions(0.58);
        setCenter(split2);


        vm.editorProperty().subscribe(this::show);
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                // Ctrl+Z, Ctrl+Shift+Z and Ctrl+S act here while this tab is shown, and only when their command can.
                for (io.liqlab.ui.shell.Command c : List.of(commands.undo, commands.redo, commands.save)) {
                    scene.getAccelerators().put(KeyCombination.valueOf(c.accelerator()), () -> {
                        if (isVisible()) {
                            c.execute();
                        }
                    });
                }
            }
        });
        // A restored draft reopens the cell or field that was being typed in, with its text (the offer itself is the shell's).
        vm.restoredTypingProperty().subscribe(typed -> {
            if (typed != null) {
                showTyping(typed);
            }
        });
        // A file changed outside the app is noticed when the window gets the focus back.
        sceneProperty().flatMap(s -> s.windowProperty()).flatMap(w -> w.focusedProperty()).subscribe(focused -> {
            if (Boolean.TRUE.equals(focused)) {
                vm.checkOutsideEdits();
            }
        });
    }

    /** The tooltip of the toolbar's button {@code id} follows {@code text} (what Undo would undo, why Save cannot act). */
    private static void tooltip(javafx.scene.layout.Pane bar, String id, javafx.beans.value.ObservableValue<String> text) {
        bar.getChildren().stream().filter(n -> id.equals(n.getId())).findFirst().map(Button.class::cast)
                .ifPresent(b -> b.tooltipProperty().bind(text.map(t -> {
                    Tooltip tip = new Tooltip(t);
                    tip.setWrapText(true);
                    tip.setMaxWidth(420);
                    return tip;
                })));
    }

    /** Opens the cell or field that was being typed in when the draft was written, with the text typed. */
    private void showTyping(TierEditorViewModel.Typing typed) {
        if (typed.column() != null) {
            TableColumn<TierEditorViewModel.Row, ?> col = table.getColumns().get(typed.column().ordinal());
            table.layout();
            table.scrollTo(typed.row());
            table.getSelectionModel().clearAndSelect(typed.row(), col);
            table.requestFocus();
            table.edit(typed.row(), col); // the cell takes the typed text from the editor (startEdit)
        } else if (fields.lookup("#" + fieldId(typed.field())) instanceof TextField field) {
            field.setText(typed.text());
            field.requestFocus();
            field.end();
        }
    }

    private static String fieldId(TierEditorViewModel.ProfileField f) {
        return "field-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Opens a profile by id (tests, and the draft offer). */
    public void open(String id) {
        vm.profiles().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(vm::open);
    }

    public TierWorkbenchViewModel workbench() {
        return vm;
    }

    public TableView<TierEditorViewModel.Row> table() {
        return table;
    }


    /** The same profile, perhaps read again: the same id from the same kind of place (shipped or the user's). */
    private static boolean sameProfile(VenueProfile a, VenueProfile b) {
        return a == b || a.id().equals(b.id()) && kind(a) == kind(b);
    }

    private static VenueProfile.Origin.Kind kind(VenueProfile p) {
        return p.origin() == null ? VenueProfile.Origin.Kind.SHIPPED : p.origin().kind();
    }

    /** A column's title on screen and in the list of problems. */
    private static String title(Column c) {
        return switch (c) {
            case FLOOR -> Text.get("tiers.column.floor");
            case CAP -> Text.get("tiers.column.cap");
            case MAX_LEVERAGE -> Text.get("tiers.column.maxLeverage");
            case MMR -> Text.get("tiers.column.mmr");
            case AMOUNT -> Text.get("tiers.column.amount");
            case IMR -> Text.get("tiers.column.imr");
        };
    }

    private void show(TierEditorViewModel editor) {
        shown.unsubscribe();
        shown = javafx.util.Subscription.EMPTY;
        if (preview != null) {
            preview.close();
            preview = null;
        }
        if (editor == null) {
            table.getItems().clear();
            return;
        }
        table.setItems(editor.rows());
        idLabel.setText(Text.format("tiers.savesAs", editor.idProperty().get()));
        buildFields(editor);
        preview = new TierPreviewViewModel(editor, position, new io.liqlab.core.LiquidationEngine());
        liquidation.textProperty().bind(preview.liquidationProperty());
        shown = preview.maintenanceProperty().subscribe(lines -> maintenanceChart.setSeries(series(lines)))
                .and(preview.maxLeverageProperty().subscribe(lines -> leverageChart.setSeries(series(lines))));
        shown = shown.and(editor.revisionProperty().subscribe(r -> {
            table.refresh();
            List<String> all = new java.util.ArrayList<>(editor.scheduleProblems());
            for (int i = 0; i < editor.rows().size(); i++) {
                for (Column c : Column.values()) {
                    String error = editor.rows().get(i).errorProperty(c).get();
                    if (!error.isEmpty()) {
                        all.add(Text.format("tiers.cellProblem", i + 1, title(c), error));
                    }
                }
            }
            problems.getChildren().setAll(all.stream().map(p -> {
                Label l = new Label(p);
                l.setWrapText(true);
                l.getStyleClass().add(Styles.FIELD_ERROR);
                return l;
            }).toList());
            if (problems.getChildren().isEmpty()) {
                problems.getChildren().add(new Label(Text.get(editor.editedProperty().get() != null ? "tiers.noProblems" : "tiers.seeMarkedCells")));
            }
        }));
    }

    private static List<CurveChart.Series> series(List<TierPreviewViewModel.Line> lines) {
        return lines.stream().map(l -> new CurveChart.Series(l.name(), l.edited() ? Palette.venue(3) : Color.GRAY, l.x(), l.y(), null, l.length())).toList();
    }

    private void buildFields(TierEditorViewModel editor) {
        fields.getChildren().clear();
        int row = 0;
        for (TierEditorViewModel.ProfileField f : editor.fields()) {
            TextField field = new TextField(editor.fieldProperty(f).get());
            field.setId(fieldId(f));
            editor.fieldProperty(f).subscribe(v -> {
                if (!field.getText().equals(v)) {
                    field.setText(v);
                }
            });
            field.setOnAction(e -> editor.setField(f, field.getText()));
            // Kept in the draft as it is typed, before Enter or leaving the field.
            field.textProperty().subscribe(text -> {
                if (field.isFocused()) {
                    editor.typingField(f, text);
                }
            });
            field.focusedProperty().subscribe(focused -> {
                if (!focused) {
                    editor.setField(f, field.getText());
                }
            });
            Label error = new Label();
            error.getStyleClass().add(Styles.FIELD_ERROR);
            error.textProperty().bind(editor.fieldErrorProperty(f));
            editor.fieldErrorProperty(f).subscribe(e -> field.pseudoClassStateChanged(INVALID, !e.isEmpty()));
            Label label = new Label(f.label());
            label.setLabelFor(field);
            label.getStyleClass().add(Styles.KEY);
            VBox box = new VBox(1, field, error);
            GridPane.setHgrow(box, Priority.ALWAYS);
            fields.addRow(row++, label, box);
        }
    }

    private TableColumn<TierEditorViewModel.Row, String> column(Column c) {
        TableColumn<TierEditorViewModel.Row, String> col = new TableColumn<>();
        // A short title that wraps rather than being cut, with what the column means as its tooltip.
        Label header = new Label(title(c));
        header.setWrapText(true);
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.setAlignment(javafx.geometry.Pos.CENTER);
        header.prefWidthProperty().bind(col.widthProperty().subtract(10));
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        header.getStyleClass().add("tier-header");
        header.setTooltip(new Tooltip(switch (c) {
            case FLOOR -> Text.get("tiers.column.floorTip");
            case CAP -> Text.get("tiers.column.capTip");
            case MAX_LEVERAGE -> Text.get("tiers.column.maxLeverageTip");
            case MMR -> Text.get("tiers.column.mmrTip");
            case AMOUNT -> Text.get("tiers.column.amountTip");
            case IMR -> Text.get("tiers.column.imrTip");
        }));
        header.getTooltip().setWrapText(true);
        header.getTooltip().setMaxWidth(420);
        col.setGraphic(header);
        col.setUserData(c);
        col.setSortable(false);
        col.setCellValueFactory(cell -> {
            TierEditorViewModel ed = vm.editorProperty().get();
            int index = table.getItems().indexOf(cell.getValue());
            String text = c == Column.AMOUNT && ed != null && index >= 0 ? ed.amountShown(index) : cell.getValue().cell(c);
            return new ReadOnlyStringWrapper(text);
        });
        col.setCellFactory(tc -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            /** The listener on the (reused) text field of the current edit. */
            private javafx.util.Subscription typingChecks = javafx.util.Subscription.EMPTY;

            @Override
            public void startEdit() {
                super.startEdit();
                typingChecks.unsubscribe();
                if (getGraphic() instanceof TextField tf) {
                    if (c == Column.AMOUNT) {
                        tf.setText(getTableRow().getItem() == null ? "" : getTableRow().getItem().cell(Column.AMOUNT)); // edit the override
                    }
                    TierEditorViewModel open = vm.editorProperty().get();
                    TierEditorViewModel.Typing typed = open == null ? null : open.typingProperty().get();
                    if (typed != null && typed.column() == c && typed.row() == getIndex()) {
                        tf.setText(typed.text()); // a restored draft: the text as it was typed, not yet entered
                        // The caret after it, as when typing (the edit's focus selects all: next keys would replace it).
                        javafx.application.Platform.runLater(tf::end);
                    }
                    // Checked as you type, by the same rules; committed (and undoable) on Enter or leaving the cell.
                    // The text typed so far goes into the draft, so a killed app keeps it.
                    typingChecks = tf.textProperty().subscribe(text -> {
                        TierEditorViewModel ed = vm.editorProperty().get();
                        if (ed != null && isEditing() && getIndex() >= 0 && getIndex() < ed.rows().size()) {
                            String error = ed.checkCell(getIndex(), c, text);
                            tf.pseudoClassStateChanged(INVALID, !error.isEmpty());
                            tf.setTooltip(error.isEmpty() ? null : new Tooltip(error));
                            ed.typing(getIndex(), c, text);
                        }
                    });
                }
            }

            @Override
            public void cancelEdit() {
                int row = getIndex();
                super.cancelEdit();
                TierEditorViewModel ed = vm.editorProperty().get();
                if (ed != null) {
                    ed.doneTyping(row, c);
                }
            }

            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                TierEditorViewModel ed = vm.editorProperty().get();
                int index = getIndex();
                boolean real = !empty && ed != null && index >= 0 && index < ed.rows().size();
                String error = real ? ed.rows().get(index).errorProperty(c).get() : "";
                pseudoClassStateChanged(INVALID, !error.isEmpty());
                pseudoClassStateChanged(CHANGED, real && ed.changed(index, c));
                setTooltip(error.isEmpty() ? null : new Tooltip(error));
            }
        });
        col.setOnEditCommit(e -> vm.editorProperty().get().setCell(e.getTablePosition().getRow(), c, e.getNewValue()));
        col.setPrefWidth(switch (c) {
            case FLOOR, CAP -> 110;
            case AMOUNT -> 185;
            case MAX_LEVERAGE -> 80;
            case MMR, IMR -> 105;
        });
        col.setMinWidth(switch (c) {
            case AMOUNT -> 165;
            case MMR, IMR -> 100;
            default -> 75;
        });
        return col;
    }
}
