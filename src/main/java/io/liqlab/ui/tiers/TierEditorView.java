package io.liqlab.ui.tiers;

import io.liqlab.core.Numbers;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Palette;
import io.liqlab.ui.Styles;
import io.liqlab.ui.chart.CurveChart;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.converter.DefaultStringConverter;

import java.io.File;
import java.util.List;
import java.util.Optional;

/** The tier-schedule editor: the table, the profile's rule parameters, and a live preview beside them. */
public final class TierEditorView extends BorderPane {

    private static final javafx.css.PseudoClass CHANGED = javafx.css.PseudoClass.getPseudoClass("changed");
    private static final javafx.css.PseudoClass INVALID = Styles.INVALID;

    private final TierWorkbenchViewModel vm;
    private final javafx.beans.value.ObservableValue<io.liqlab.core.Position> position;
    private final TableView<TierEditorViewModel.Row> table = new TableView<>();
    private final VBox problems = new VBox(2);
    private final GridPane fields = new GridPane(8, 4);
    private final CurveChart maintenanceChart = new CurveChart("Maintenance margin against size", "tier basis (notional or contracts)", "maintenance margin");
    private final CurveChart leverageChart = new CurveChart("Maximum leverage against size", "tier basis (notional or contracts)", "max leverage (x)");
    private final Label liquidation = new Label();
    private final Label idLabel = new Label();
    private TierPreviewViewModel preview;

    public TierEditorView(TierWorkbenchViewModel vm, javafx.beans.value.ObservableValue<io.liqlab.core.Position> position) {
        this.vm = vm;
        this.position = position;
        setId("tier-editor");
        ComboBox<VenueProfile> open = new ComboBox<>(vm.profiles());
        open.setId("tier-open");
        open.setPromptText("Open a profile…");
        open.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(VenueProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " [" + item.id() + "]");
            }
        });
        open.setButtonCell(open.getCellFactory().call(null));
        open.valueProperty().subscribe(p -> {
            if (p != null) {
                vm.open(p);
            }
        });

        Button undo = new Button("Undo");
        undo.setId("tier-undo");
        Button redo = new Button("Redo");
        redo.setId("tier-redo");
        Button add = button("Add tier", "tier-add", "Add a tier after the last");
        Button remove = button("Remove tier", "tier-remove", "Remove the selected tier");
        Button split = button("Split…", "tier-split", "Split the selected tier at a notional (or contract count)");
        Button merge = button("Merge with next", "tier-merge", "Merge the selected tier with the one after it");
        Button revertCell = button("Revert cell", "tier-revert-cell", "Put the selected cell back as it was opened");
        Button revertAll = button("Revert all", "tier-revert-all", "Put every tier back as it was opened");
        Button save = button("Save", "tier-save", "Save to the user profile folder (Ctrl+S)");
        Button saveAs = button("Save as…", "tier-save-as", "Save a copy under another id");
        Button rename = button("Rename…", "tier-rename", "Give this user profile another id (saved first)");
        Button delete = button("Delete…", "tier-delete", "Delete this user profile");
        Button importButton = button("Import…", "tier-import", "Import a profile file (checked first; a broken file changes nothing)");
        Button export = button("Export…", "tier-export", "Write this profile to a file of your choice");
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6, open, idLabel, undo, redo, add, remove, split, merge,
                revertCell, revertAll, save, saveAs, rename, delete, importButton, export);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("tool-bar");
        // Unsaved edits left by an earlier run (closed or killed): offered back, nothing restored without asking.
        VBox offers = new VBox(4);
        offers.setId("draft-offers");
        for (String draft : vm.pendingDrafts()) {
            Label text = new Label("Unsaved edits to " + draft + " were kept from your last session.");
            Button restore = new Button("Restore");
            restore.setId("restore-" + draft);
            Button discard = new Button("Discard");
            HBox offer = new HBox(8, text, restore, discard);
            offer.getStyleClass().add(Styles.STAND_IN_BANNER);
            restore.setOnAction(e -> {
                vm.restoreDraft(draft);
                offers.getChildren().remove(offer);
            });
            discard.setOnAction(e -> {
                vm.discardDraft(draft);
                offers.getChildren().remove(offer);
            });
            offers.getChildren().add(offer);
        }
        setTop(new VBox(bar, offers));

        table.setId("tier-edit-table");
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        for (Column c : Column.values()) {
            table.getColumns().add(column(c));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label problemsTitle = new Label("Schedule problems");
        problemsTitle.getStyleClass().add(Styles.SECTION);
        problems.setId("tier-problems");
        Label fieldsTitle = new Label("Rules and provenance");
        fieldsTitle.getStyleClass().add(Styles.SECTION);
        VBox left = new VBox(8, table, problemsTitle, problems, fieldsTitle, fields);
        left.setPadding(new Insets(10));
        VBox.setVgrow(table, Priority.ALWAYS);

        liquidation.setId("tier-liquidation-compare");
        liquidation.setWrapText(true);
        liquidation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        liquidation.getStyleClass().add("callout");
        maintenanceChart.setId("tier-chart-maintenance");
        leverageChart.setId("tier-chart-leverage");
        leverageChart.yFormatProperty().set(Numbers::leverage);
        maintenanceChart.yFormatProperty().set(Numbers::compact);
        // Tiers span a few thousand to billions: log axes show every step.
        maintenanceChart.logXProperty().set(true);
        maintenanceChart.logYProperty().set(true);
        leverageChart.logXProperty().set(true);
        maintenanceChart.xFormatProperty().set(Numbers::compact);
        leverageChart.xFormatProperty().set(Numbers::compact);
        VBox right = new VBox(8, liquidation, maintenanceChart, leverageChart);
        right.setPadding(new Insets(10));
        VBox.setVgrow(maintenanceChart, Priority.ALWAYS);
        VBox.setVgrow(leverageChart, Priority.ALWAYS);
        SplitPane split2 = new SplitPane(left, right);
        split2.setDividerPositions(0.58);
        setCenter(split2);

        Label status = new Label();
        status.setId("tier-status");
        status.setWrapText(true);
        status.setPadding(new Insets(4, 10, 4, 10));
        status.textProperty().bind(vm.statusProperty());
        setBottom(status);

        vm.editorProperty().subscribe(this::show);
        undo.setOnAction(e -> editor().ifPresent(ed -> ed.undoStack().undo()));
        redo.setOnAction(e -> editor().ifPresent(ed -> ed.undoStack().redo()));
        add.setOnAction(e -> editor().ifPresent(TierEditorViewModel::addTier));
        remove.setOnAction(e -> editor().ifPresent(ed -> selectedRow().ifPresent(ed::removeTier)));
        merge.setOnAction(e -> editor().ifPresent(ed -> selectedRow().ifPresent(i -> guard(() -> ed.mergeWithNext(i)))));
        split.setOnAction(e -> editor().ifPresent(ed -> selectedRow().ifPresent(i -> {
            TextInputDialog d = new TextInputDialog();
            d.setHeaderText("Split tier " + (i + 1) + " at which notional (or contract count)?");
            d.showAndWait().ifPresent(text -> guard(() -> ed.splitTier(i, Double.parseDouble(text.strip().replace(",", "")))));
        })));
        revertCell.setOnAction(e -> editor().ifPresent(ed -> {
            var cell = table.getFocusModel().getFocusedCell();
            if (cell != null && cell.getRow() >= 0 && cell.getTableColumn() != null) {
                ed.revertCell(cell.getRow(), (Column) cell.getTableColumn().getUserData());
            }
        }));
        revertAll.setOnAction(e -> editor().ifPresent(TierEditorViewModel::revertAll));
        save.setOnAction(e -> vm.save());
        saveAs.setOnAction(e -> editor().ifPresent(ed -> {
            TextInputDialog d = new TextInputDialog(ed.idProperty().get() + "-copy");
            d.setHeaderText("Save a copy under which id? (lowercase letters, digits, '-')");
            d.showAndWait().ifPresent(id -> vm.saveAs(id.strip(), ed.fieldProperty(TierEditorViewModel.ProfileField.NAME).get() + " (copy)"));
        }));
        rename.setOnAction(e -> editor().ifPresent(ed -> {
            TextInputDialog d = new TextInputDialog(ed.idProperty().get());
            d.setHeaderText("Rename " + ed.idProperty().get() + " to which id? (lowercase letters, digits, '-')");
            d.showAndWait().ifPresent(id -> vm.rename(id.strip()));
        }));
        delete.setOnAction(e -> editor().ifPresent(ed -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete the user profile " + ed.idProperty().get() + "? This cannot be undone.",
                    ButtonType.OK, ButtonType.CANCEL);
            a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete());
        }));
        importButton.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Profile", "*.json"));
            File f = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.importFile(f.toPath());
            }
        });
        export.setOnAction(e -> editor().ifPresent(ed -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName(ed.idProperty().get() + ".json");
            File f = c.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        }));
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (isVisible()) {
                        editor().ifPresent(ed -> ed.undoStack().undo());
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    if (isVisible()) {
                        editor().ifPresent(ed -> ed.undoStack().redo());
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (isVisible()) {
                        vm.save();
                    }
                });
                scene.getWindow();
            }
        });
        // A file changed outside the app is noticed when the window gets the focus back.
        sceneProperty().flatMap(s -> s.windowProperty()).flatMap(w -> w.focusedProperty()).subscribe(focused -> {
            if (Boolean.TRUE.equals(focused)) {
                vm.checkOutsideEdits();
            }
        });
        this.undoButton = undo;
        this.redoButton = redo;
    }

    private final Button undoButton;
    private final Button redoButton;

    /** Whether unsaved edits from an earlier run are waiting to be restored. */
    public boolean hasDraftOffers() {
        return !vm.pendingDrafts().isEmpty();
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

    private Optional<TierEditorViewModel> editor() {
        return Optional.ofNullable(vm.editorProperty().get());
    }

    private Optional<Integer> selectedRow() {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i < 0 && table.getFocusModel().getFocusedCell() != null) {
            i = table.getFocusModel().getFocusedCell().getRow();
        }
        return i >= 0 ? Optional.of(i) : Optional.empty();
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ex) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, ex.getMessage(), ButtonType.OK);
            a.setHeaderText("Not done");
            a.showAndWait();
        }
    }


    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void show(TierEditorViewModel editor) {
        if (editor == null) {
            table.getItems().clear();
            return;
        }
        table.setItems(editor.rows());
        idLabel.setText("saves as: " + editor.idProperty().get());
        undoButton.disableProperty().bind(editor.undoStack().canUndo().not());
        redoButton.disableProperty().bind(editor.undoStack().canRedo().not());
        undoButton.tooltipProperty().bind(editor.undoStack().undoDescription().map(d -> new Tooltip(d + " (Ctrl+Z)")));
        redoButton.tooltipProperty().bind(editor.undoStack().redoDescription().map(d -> new Tooltip(d + " (Ctrl+Shift+Z)")));
        buildFields(editor);
        preview = new TierPreviewViewModel(editor, position, new io.liqlab.core.LiquidationEngine());
        liquidation.textProperty().bind(preview.liquidationProperty());
        preview.maintenanceProperty().subscribe(lines -> maintenanceChart.setSeries(series(lines)));
        preview.maxLeverageProperty().subscribe(lines -> leverageChart.setSeries(series(lines)));
        editor.revisionProperty().subscribe(r -> {
            table.refresh();
            List<String> all = new java.util.ArrayList<>(editor.scheduleProblems());
            for (int i = 0; i < editor.rows().size(); i++) {
                for (Column c : Column.values()) {
                    String error = editor.rows().get(i).errorProperty(c).get();
                    if (!error.isEmpty()) {
                        all.add("Tier " + (i + 1) + ", " + table.getColumns().get(c.ordinal()).getText() + ": " + error);
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
                problems.getChildren().add(new Label(editor.editedProperty().get() != null ? "None: the schedule can be saved." : "See the marked cells."));
            }
        });
    }

    private static List<CurveChart.Series> series(List<TierPreviewViewModel.Line> lines) {
        return lines.stream().map(l -> new CurveChart.Series(l.name(), l.edited() ? Palette.venue(3) : Color.GRAY, l.x(), l.y(), null, l.length())).toList();
    }

    private void buildFields(TierEditorViewModel editor) {
        fields.getChildren().clear();
        int row = 0;
        for (TierEditorViewModel.ProfileField f : editor.fields()) {
            TextField field = new TextField(editor.fieldProperty(f).get());
            field.setId("field-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            editor.fieldProperty(f).subscribe(v -> {
                if (!field.getText().equals(v)) {
                    field.setText(v);
                }
            });
            field.setOnAction(e -> editor.setField(f, field.getText()));
            field.focusedProperty().subscribe(focused -> {
                if (!focused) {
                    editor.setField(f, field.getText());
                }
            });
            Label error = new Label();
            error.getStyleClass().add(Styles.FIELD_ERROR);
            error.textProperty().bind(editor.fieldErrorProperty(f));
            editor.fieldErrorProperty(f).subscribe(e -> field.pseudoClassStateChanged(INVALID, !e.isEmpty()));
            Label label = new Label(f.name().charAt(0) + f.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            label.getStyleClass().add(Styles.KEY);
            VBox box = new VBox(1, field, error);
            GridPane.setHgrow(box, Priority.ALWAYS);
            fields.addRow(row++, label, box);
        }
    }

    private TableColumn<TierEditorViewModel.Row, String> column(Column c) {
        TableColumn<TierEditorViewModel.Row, String> col = new TableColumn<>(switch (c) {
            case FLOOR -> "above";
            case CAP -> "up to (empty: unbounded)";
            case MAX_LEVERAGE -> "max leverage";
            case MMR -> "maintenance rate";
            case AMOUNT -> "maintenance amount";
            case IMR -> "initial rate";
        });
        col.setUserData(c);
        col.setSortable(false);
        col.setCellValueFactory(cell -> {
            TierEditorViewModel ed = vm.editorProperty().get();
            int index = table.getItems().indexOf(cell.getValue());
            String text = c == Column.AMOUNT && ed != null && index >= 0 ? ed.amountShown(index) : cell.getValue().cell(c);
            return new ReadOnlyStringWrapper(text);
        });
        col.setCellFactory(tc -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                super.startEdit();
                if (getGraphic() instanceof TextField tf) {
                    if (c == Column.AMOUNT) {
                        tf.setText(getTableRow().getItem() == null ? "" : getTableRow().getItem().cell(Column.AMOUNT)); // edit the override
                    }
                    // Checked as you type, by the same rules; committed (and undoable) on Enter or leaving the cell.
                    tf.textProperty().subscribe(text -> {
                        TierEditorViewModel ed = vm.editorProperty().get();
                        if (ed != null && isEditing() && getIndex() >= 0 && getIndex() < ed.rows().size()) {
                            String error = ed.checkCell(getIndex(), c, text);
                            tf.pseudoClassStateChanged(INVALID, !error.isEmpty());
                            tf.setTooltip(error.isEmpty() ? null : new Tooltip(error));
                        }
                    });
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
        col.setPrefWidth(c == Column.CAP ? 170 : 120);
        return col;
    }
}
