package io.liqlab.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A small helper for code-built forms: label, field, and the field's validation message under it. */
public final class Forms {
    private final GridPane grid = new GridPane(10, 4);
    private int row;

    public Forms() {
        grid.getStyleClass().add("form");
    }

    public GridPane grid() {
        return grid;
    }

    /** A text field bound both ways to {@code text}, marked invalid while {@code error} is not empty. */
    public TextField field(String label, String id, StringProperty text, ReadOnlyStringProperty error, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        field.setPromptText(prompt);
        Label message = new Label();
        message.setId(id + "-error");
        message.getStyleClass().add(Styles.FIELD_ERROR);
        message.setWrapText(true);
        message.textProperty().bind(error.map(e -> e.isEmpty() ? "" : Text.format("position.form.error", label, e)));
        message.managedProperty().bind(error.isNotEmpty());
        message.visibleProperty().bind(error.isNotEmpty());
        // The tooltip (a popup window with its own scene, a few milliseconds each at start-up) is made on the
        // field's first error, not for every field of every form in advance.
        error.subscribe(e -> {
            field.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty());
            if (e.isEmpty()) {
                field.setTooltip(null);
            } else if (field.getTooltip() == null) {
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(message.textProperty());
                field.setTooltip(tip);
            }
        });
        add(label, new VBox(2, field, message), field);
        return field;
    }

    /**
     * A converter for a choice the user picks but never types (a choice box, a non-editable combo box): how an item
     * is shown; "" for none.
     */
    public static <T> javafx.util.StringConverter<T> shown(java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String s) {
                return null; // never typed
            }
        };
    }

    /** Any control on its own row with a label. */
    public void add(String label, Node node, Node labelFor) {
        Label l = new Label(label);
        l.setLabelFor(labelFor);
        l.getStyleClass().add(Styles.KEY);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane.setHgrow(node, Priority.ALWAYS);
        grid.addRow(row++, l, node);
    }

    /** A full-width node (a section title, a note). */
    public void span(Node node) {
        grid.add(node, 0, row++, 2, 1);
    }
}
