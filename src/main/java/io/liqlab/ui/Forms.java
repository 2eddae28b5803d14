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
        VBox box = new VBox(2, field);
        javafx.beans.value.ObservableValue<String> said = error.map(e -> e.isEmpty() ? "" : Text.format("position.form.error", label, e));
        // The message line under the field and its tooltip (a popup window with its own scene) are made on the field's
        // first error, not for every field of every form in advance: most never show one (start-up goal).
        Label[] message = {null};
        error.subscribe(e -> {
            field.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty());
            if (e.isEmpty()) {
                field.setTooltip(null);
                return;
            }
            if (message[0] == null) {
                Label m = new Label();
                m.setId(id + "-error");
                m.getStyleClass().add(Styles.FIELD_ERROR);
                m.setWrapText(true);
                m.textProperty().bind(said);
                m.managedProperty().bind(error.isNotEmpty());
                m.visibleProperty().bind(error.isNotEmpty());
                box.getChildren().add(m);
                message[0] = m;
            }
            if (field.getTooltip() == null) {
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(said);
                field.setTooltip(tip);
            }
        });
        add(label, box, field);
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

    /**
     * A two-way choice (long or short, isolated or cross) as one ControlsFX {@link org.controlsfx.control.SegmentedButton},
     * bound both ways to {@code property}. One side is always selected: a click on the selected side keeps it (a
     * toggle group would otherwise clear it). Each side is a toggle button of the group, so Tab reaches the selected
     * one only and the arrow keys move the choice (and the focus with it), as on a group of radio buttons.
     */
    public static <T> org.controlsfx.control.SegmentedButton twoWay(javafx.beans.property.ObjectProperty<T> property,
                                                                     T first, String firstText, String firstId,
                                                                     T second, String secondText, String secondId) {
        javafx.scene.control.ToggleButton a = side(firstText, firstId);
        javafx.scene.control.ToggleButton b = side(secondText, secondId);
        a.setUserData(first);
        b.setUserData(second);
        org.controlsfx.control.SegmentedButton choice = new org.controlsfx.control.SegmentedButton(a, b);
        choice.getStyleClass().add(TWO_WAY);
        javafx.scene.control.ToggleGroup group = choice.getToggleGroup();
        // In the group now, not when the skin is made: a selection made before that would be lost.
        a.setToggleGroup(group);
        b.setToggleGroup(group);
        // Bound both ways through a property of the control's own: the binding holds the model's property weakly, so
        // a table that rebuilds its rows (the Account tab) leaves no old choices listening to a row.
        javafx.beans.property.ObjectProperty<T> chosen = new javafx.beans.property.SimpleObjectProperty<>(choice, "chosen");
        chosen.bindBidirectional(property);
        chosen.subscribe(v -> group.selectToggle(second.equals(v) ? b : a));
        group.selectedToggleProperty().subscribe((was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else {
                chosen.set(now == b ? second : first);
            }
        });
        choice.getProperties().put(TWO_WAY, chosen);
        return choice;
    }

    /**
     * An on/off setting that takes effect at once (a chart's log scale, the cascade's seed band) as a ControlsFX
     * {@link org.controlsfx.control.ToggleSwitch}: its words on the left, the switch on the right. A click on the words
     * switches it too (ControlsFX switches only on the track) and takes the focus, as a click on a check box does;
     * Space switches it from the keyboard.
     */
    public static org.controlsfx.control.ToggleSwitch toggleSwitch(String text, String id) {
        org.controlsfx.control.ToggleSwitch s = new org.controlsfx.control.ToggleSwitch(text);
        s.setId(id);
        s.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        s.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && !s.isDisabled()) {
                s.requestFocus();
            }
        });
        s.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.isStillSincePress() && !s.isDisabled()
                    && !onTrack(e.getPickResult().getIntersectedNode(), s)) {
                s.setSelected(!s.isSelected());
            }
        });
        return s;
    }

    /** Whether {@code node} is the switch's track or knob, which switch it themselves. */
    private static boolean onTrack(javafx.scene.Node node, javafx.scene.Node toggle) {
        for (javafx.scene.Node n = node; n != null && n != toggle; n = n.getParent()) {
            if (n.getStyleClass().contains("thumb") || n.getStyleClass().contains("thumb-area")) {
                return true;
            }
        }
        return false;
    }

    /** The style class of a two-way choice (its selected side reads as selected in both themes). */
    public static final String TWO_WAY = "two-way";

    private static javafx.scene.control.ToggleButton side(String text, String id) {
        javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(text);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Tab stops once per choice, on the side chosen (as on a group of radio buttons); the arrow keys move the choice.
        b.focusTraversableProperty().bind(b.selectedProperty());
        // A click gives the focus to the side clicked, as on any button (a button takes the focus on a press only
        // while it is focus-traversable, and the side not chosen is not).
        b.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isPrimaryButtonDown() && !b.isDisabled()) {
                b.requestFocus();
            }
        });
        return b;
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
