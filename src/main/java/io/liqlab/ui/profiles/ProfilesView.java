package io.liqlab.ui.profiles;

import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The venue-profile browser: the list on the left, the selected profile's rules, tiers and provenance on the right. */
public final class ProfilesView extends SplitPane {

    private final VBox detailBox = new VBox(10);
    private javafx.stage.Stage updateStage;

    public ProfilesView(ProfilesViewModel viewModel) {
        ListView<VenueProfile> list = new ListView<>(viewModel.profiles());
        list.setId("profile-list");
        list.setCellFactory(v -> new ListCell<>() {
            {
                // Wrap to the list's width instead of widening the cell: a long warning line made a horizontal
                // scroll bar at 1280x720 and cut the line off (a zero preferred width lets the list size the cell).
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(VenueProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ProfilesViewModel.listLabel(item));
                getStyleClass().remove(Styles.STAND_IN);
                if (!empty && item != null && item.hasStandIns()) {
                    getStyleClass().add(Styles.STAND_IN);
                }
            }
        });
        list.getSelectionModel().select(viewModel.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().subscribe(p -> {
            if (p != null) {
                viewModel.selectedProperty().set(p);
            }
        });
        list.setMinWidth(300);
        javafx.scene.Node left = list;
        if (viewModel.updates() != null) {
            javafx.scene.control.Button update = new javafx.scene.control.Button(Text.get("profiles.update.button"));
            update.setId("profiles-update");
            update.setMaxWidth(Double.MAX_VALUE);
            update.setTooltip(new javafx.scene.control.Tooltip(Text.get("profiles.update.buttonTip")));
            update.setOnAction(e -> {
                if (updateStage == null) {
                    updateStage = io.liqlab.ui.update.UpdateDataView.open(viewModel.updates(), this);
                } else {
                    updateStage.show();
                    updateStage.toFront();
                }
            });
            VBox box = new VBox(6, update, list);
            box.setPadding(new Insets(6, 0, 0, 0));
            VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
            box.setMinWidth(300);
            left = box;
        }
        SplitPane.setResizableWithParent(left, false);

        detailBox.setPadding(new Insets(16));
        detailBox.getStyleClass().add(Styles.DETAIL);
        ScrollPane scroll = new ScrollPane(detailBox);
        scroll.setFitToWidth(true);
        viewModel.detailProperty().subscribe(this::show);

        getItems().addAll(left, scroll);
        setDividerPositions(0.26);
    }

    private void show(ProfilesViewModel.Detail d) {
        detailBox.getChildren().clear();
        if (d == null) {
            detailBox.getChildren().add(new Label(Text.get("profiles.noneSelected")));
            return;
        }
        Label title = new Label(d.title());
        title.getStyleClass().add(Styles.TITLE);
        Label subtitle = new Label(d.subtitle());
        subtitle.getStyleClass().add(Styles.SUBTITLE);
        detailBox.getChildren().addAll(title, subtitle);
        for (String s : d.standIns()) {
            Label warn = new Label(s);
            warn.setWrapText(true);
            warn.getStyleClass().add(Styles.STAND_IN_BANNER);
            warn.setMaxWidth(Double.MAX_VALUE);
            detailBox.getChildren().add(warn);
        }
        Label family = new Label(Text.format("profiles.family", d.family()));
        family.getStyleClass().add(Styles.SECTION);
        detailBox.getChildren().add(family);

        GridPane rules = new GridPane(12, 4);
        int row = 0;
        for (String[] r : d.rules()) {
            Label key = new Label(r[0]);
            key.getStyleClass().add(Styles.KEY);
            key.setMinWidth(140);
            Label value = new Label(r[1]);
            value.setWrapText(true);
            GridPane.setHgrow(value, Priority.ALWAYS);
            rules.addRow(row++, key, value);
        }
        detailBox.getChildren().add(rules);

        Label tiersTitle = new Label(Text.format("profiles.tiersTitle", d.tierUnit()));
        tiersTitle.getStyleClass().add(Styles.SECTION);
        TableView<ProfilesViewModel.TierRow> table = new TableView<>();
        table.setId("tier-table");
        table.getColumns().add(column(Text.get("profiles.column.tier"), ProfilesViewModel.TierRow::tier, 50));
        table.getColumns().add(column(Text.format("profiles.column.floor", d.tierUnit()), ProfilesViewModel.TierRow::floor, 150));
        table.getColumns().add(column(Text.get("profiles.column.cap"), ProfilesViewModel.TierRow::cap, 150));
        table.getColumns().add(column(Text.get("profiles.column.maxLeverage"), ProfilesViewModel.TierRow::maxLeverage, 110));
        table.getColumns().add(column(Text.get("profiles.column.maintenanceRate"), ProfilesViewModel.TierRow::maintenanceRate, 130));
        table.getColumns().add(column(Text.get("profiles.column.maintenanceAmount"), ProfilesViewModel.TierRow::amount, 190));
        table.getItems().setAll(d.tiers());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        table.setPrefHeight(36 + 28 * d.tiers().size());
        table.setMinHeight(table.getPrefHeight());

        Label dataTitle = new Label(Text.get("profiles.provenance"));
        dataTitle.getStyleClass().add(Styles.SECTION);
        Label data = new Label(d.dataLine());
        data.setWrapText(true);
        detailBox.getChildren().addAll(tiersTitle, table, dataTitle, data);
        for (String s : d.sources()) {
            Label source = new Label(Text.format("profiles.source", s));
            source.setWrapText(true);
            detailBox.getChildren().add(source);
        }
    }

    private static TableColumn<ProfilesViewModel.TierRow, String> column(String title,
            Function<ProfilesViewModel.TierRow, String> value, double width) {
        TableColumn<ProfilesViewModel.TierRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
