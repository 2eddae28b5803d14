package io.liqlab.ui.learn;

import io.liqlab.ui.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The glossary panel: a searchable list of terms, and the chosen term in plain words with the venue differences. */
public final class GlossaryView extends BorderPane {

    public GlossaryView(GlossaryViewModel vm) {
        getStyleClass().add("glossary");
        // ControlsFX's clearable field: a clear button (x) inside it once something is typed.
        TextField search = org.controlsfx.control.textfield.TextFields.createClearableTextField();
        search.setId("glossary-search");
        search.setPromptText(io.liqlab.ui.Text.get("learn.glossarySearch"));
        search.textProperty().bindBidirectional(vm.filterProperty());
        ListView<GlossaryEntry> list = new ListView<>(vm.shownEntries());
        list.setId("glossary-terms");
        list.setPrefWidth(250);
        // Long titles wrap inside the list's width instead of asking for a horizontal scroll bar.
        list.setCellFactory(l -> {
            javafx.scene.control.ListCell<GlossaryEntry> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(GlossaryEntry item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.title());
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(l.widthProperty().subtract(20));
            cell.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            return cell;
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(8, search, list);
        left.setPadding(new Insets(12));

        Label title = new Label();
        title.setId("glossary-title");
        title.getStyleClass().add(Styles.TITLE);
        Label summary = new Label();
        summary.setId("glossary-summary");
        summary.getStyleClass().add(Styles.SUBTITLE);
        summary.setWrapText(true);
        Label text = new Label();
        text.setId("glossary-text");
        text.setWrapText(true);
        Label venuesHeading = new Label(io.liqlab.ui.Text.get("learn.venuesDiffer"));
        venuesHeading.getStyleClass().add(Styles.SECTION);
        Label venues = new Label();
        venues.setId("glossary-venues");
        venues.setWrapText(true);
        VBox body = new VBox(10, title, summary, text, venuesHeading, venues);
        body.setPadding(new Insets(16));
        body.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");

        vm.selectedProperty().subscribe(entry -> {
            if (entry == null) {
                list.getSelectionModel().clearSelection();
            }
            title.setText(entry == null ? "" : entry.title());
            summary.setText(entry == null ? "" : entry.summary());
            text.setText(entry == null ? "" : entry.text());
            venues.setText(entry == null ? "" : entry.venues());
            if (entry != null && list.getSelectionModel().getSelectedItem() != entry) {
                list.getSelectionModel().select(entry);
                list.scrollTo(entry);
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(entry -> {
            if (entry != null) {
                vm.selectedProperty().set(entry);
            }
        });
        setLeft(left);
        setCenter(scroll);
    }
}
