package io.liqlab.ui.update;

import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import io.liqlab.update.VenueUpdate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Update venue data" window's content: a row per venue (pick it, its progress, how it went, undo), Update and
 * Cancel, then every market written with its tier diff. Lays out and binds only; {@link UpdateDataViewModel} does
 * the work through the app's task executor.
 */
public final class UpdateDataView extends VBox {

    /** Opens the window over {@code owner}'s window, themed as it is (its stylesheets and root classes follow). */
    public static javafx.stage.Stage open(UpdateDataViewModel vm, javafx.scene.Node owner) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setTitle(Text.get("profiles.update.title"));
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(new UpdateDataView(vm, stage::hide));
        javafx.scene.Scene scene = new javafx.scene.Scene(root, 860, 620);
        if (owner.getScene() != null) {
            stage.initOwner(owner.getScene().getWindow());
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.getStyleClass().setAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    public UpdateDataView(UpdateDataViewModel vm, Runnable close) {
        super(10);
        setPadding(new Insets(16));
        setId("update-data");
        Label title = new Label(Text.get("profiles.update.title"));
        title.getStyleClass().add(Styles.TITLE);
        Label intro = new Label(Text.format("profiles.update.intro", vm.folder()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.setMaxWidth(Double.MAX_VALUE);

        GridPane venues = new GridPane(10, 6);
        int r = 0;
        for (UpdateDataViewModel.VenueRow row : vm.rows()) {
            CheckBox pick = new CheckBox(UpdateDataViewModel.venueName(row.venue()));
            pick.setId("update-pick-" + row.venue().id);
            pick.selectedProperty().bindBidirectional(row.selectedProperty());
            pick.disableProperty().bind(vm.canCancelProperty());
            pick.setMinWidth(Region.USE_PREF_SIZE);
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(row.progressProperty());
            bar.visibleProperty().bind(row.stateProperty().isEqualTo(UpdateDataViewModel.State.RUNNING));
            bar.setPrefWidth(120);
            Label status = new Label();
            status.setId("update-status-" + row.venue().id);
            status.textProperty().bind(row.statusProperty());
            status.setWrapText(true);
            status.setMaxWidth(Double.MAX_VALUE);
            status.setMinHeight(Region.USE_PREF_SIZE);
            row.stateProperty().subscribe(s -> {
                status.getStyleClass().remove(Styles.PROBLEM);
                if (s == UpdateDataViewModel.State.FAILED) {
                    status.getStyleClass().add(Styles.PROBLEM);
                }
            });
            GridPane.setHgrow(status, Priority.ALWAYS);
            Button undo = new Button(Text.get("profiles.update.undo"));
            undo.setId("update-undo-" + row.venue().id);
            undo.disableProperty().bind(row.revertableProperty().not());
            undo.setOnAction(e -> vm.revert(row));
            undo.setMinWidth(Region.USE_PREF_SIZE);
            venues.addRow(r++, pick, bar, status, undo);
        }
        Label binance = new Label(UpdateDataViewModel.binanceNote());
        binance.setWrapText(true);
        binance.setMinHeight(Region.USE_PREF_SIZE);
        binance.setMaxWidth(Double.MAX_VALUE);
        binance.getStyleClass().add(Styles.SUBTITLE);

        Button update = new Button(Text.get("profiles.update.start"));
        update.setId("update-start");
        update.setDefaultButton(true);
        update.disableProperty().bind(vm.canStartProperty().not());
        update.setOnAction(e -> vm.start());
        Button cancel = new Button(Text.get("profiles.update.cancel"));
        cancel.setId("update-cancel");
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button closeButton = new Button(Text.get("profiles.update.close"));
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, update, cancel, closeButton);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label changesTitle = new Label(Text.get("profiles.update.changesTitle"));
        changesTitle.getStyleClass().add(Styles.SECTION);
        ListView<VenueUpdate.Change> changes = new ListView<>(vm.changes());
        changes.setId("update-changes");
        changes.setPlaceholder(new Label(Text.get("profiles.update.nothingYet")));
        changes.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(VenueUpdate.Change item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : UpdateDataViewModel.changeLabel(item));
            }
        });
        changes.getSelectionModel().selectedItemProperty().subscribe(vm.selectedChangeProperty()::set);
        TextArea diff = new TextArea();
        diff.setId("update-diff");
        diff.setEditable(false);
        diff.getStyleClass().add("monospace");
        diff.setStyle("-fx-font-family: monospace;");
        diff.textProperty().bind(vm.diffProperty());
        diff.setPromptText(Text.get("profiles.update.diffPrompt"));
        SplitPane split = new SplitPane(changes, diff);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);
        split.setMinHeight(160);

        getChildren().addAll(title, intro, venues, binance, buttons, changesTitle, split);
    }
}
