package io.liqlab.ui.learn;

import javafx.scene.Cursor;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;

import java.util.function.Consumer;

/**
 * Makes a term on screen a link into the glossary: underlined, the one-line definition as a tooltip, and a click
 * shows the glossary's definition beside the term in a ControlsFX {@link PopOver} (the term where it is used, not a
 * window to come back from), with a link that opens the glossary at it. The Learn menu and F1 reach the glossary
 * from the keyboard; Esc closes the definition.
 */
public final class GlossaryLinks {

    public static final String STYLE_CLASS = "glossary-term";

    private final Glossary glossary;
    private final Consumer<Term> open;
    /** One definition at a time, made on the first click. */
    private PopOver definition;
    private Term shown;

    public GlossaryLinks(Glossary glossary, Consumer<Term> open) {
        this.glossary = glossary;
        this.open = open;
    }

    /**
     * The one-line definition is the term's accessible help at once and its tooltip from the first time the pointer
     * comes over it: a tooltip is a popup window with a scene of its own, and the 13 terms of the first frame made
     * theirs on the way to it (3% of the JavaFX thread's start-up samples) for a pointer that reaches a few at most.
     */
    public <T extends Labeled> T link(T label, Term term) {
        label.getStyleClass().add(STYLE_CLASS);
        label.getProperties().put(Term.class, term);
        String tipText = io.liqlab.ui.Text.format("learn.linkTip", glossary.entry(term).summary());
        label.setAccessibleHelp(tipText);
        label.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (label.getTooltip() == null) { // JavaFX starts the tooltip's delay on the pointer's next move
                Tooltip tip = new Tooltip(tipText);
                tip.setWrapText(true);
                tip.setMaxWidth(380);
                tip.setShowDelay(Duration.millis(300));
                label.setTooltip(tip);
            }
        });
        label.setCursor(Cursor.HAND);
        label.setOnMouseClicked(e -> showDefinition(label, term));
        return label;
    }

    /** Shows {@code term}'s definition beside {@code label}, in place of any definition shown. */
    public void showDefinition(Labeled label, Term term) {
        if (definition != null && definition.isShowing()) {
            boolean same = term == shown && definition.getOwnerNode() == label;
            definition.hide(Duration.ZERO);
            if (same) {
                return;
            }
        }
        GlossaryEntry entry = glossary.entry(term);
        Label title = new Label(entry.title());
        title.setId("glossary-definition-title");
        title.getStyleClass().add(io.liqlab.ui.Styles.SECTION);
        Label summary = new Label(entry.summary());
        summary.setId("glossary-definition-summary");
        summary.getStyleClass().add("glossary-definition-summary");
        Label text = new Label(entry.text());
        text.setId("glossary-definition-text");
        for (Label l : java.util.List.of(title, summary, text)) {
            l.setWrapText(true);
            l.setMaxWidth(DEFINITION_WIDTH);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Hyperlink more = new Hyperlink(io.liqlab.ui.Text.get("learn.definition.open"));
        more.setId("glossary-definition-open");
        more.setOnAction(e -> {
            definition.hide(Duration.ZERO);
            open.accept(term);
        });
        VBox content = new VBox(6, title, summary, text, more);
        content.setPadding(new Insets(10, 12, 8, 12));
        content.setPrefWidth(DEFINITION_WIDTH + 24);
        content.getStyleClass().add(DEFINITION_STYLE_CLASS);
        if (definition == null) {
            definition = new PopOver();
            definition.setDetachable(false);
            definition.setArrowLocation(PopOver.ArrowLocation.LEFT_TOP);
            definition.setAutoHide(true); // a click elsewhere closes it, as Esc does
        }
        definition.setContentNode(content);
        shown = term;
        definition.show(label);
    }

    /** The definition's width: about 60 characters a line, readable beside the form. */
    private static final double DEFINITION_WIDTH = 380;

    /** The style class of a definition's content, for stylesheets. */
    public static final String DEFINITION_STYLE_CLASS = "glossary-definition";

    /**
     * Links the label of the control with id {@code controlId} under {@code root}: the label that names it
     * ({@code labelFor}), or else the label in the first column of the same grid row (a results row). Returns
     * whether a label was found. Works whatever language the label is in.
     */
    public boolean linkLabelOf(javafx.scene.Parent root, String controlId, Term term) {
        javafx.scene.Node control = root.lookup("#" + controlId);
        if (control == null) {
            // Inside a control whose skin is not made yet (a segmented button's side): the label names it all the same.
            javafx.scene.control.Label named = labelFor(root, controlId);
            if (named != null) {
                link(named, term);
            }
            return named != null;
        }
        javafx.scene.Node cell = control;
        while (cell.getParent() != null && !(cell.getParent() instanceof javafx.scene.layout.GridPane)) {
            cell = cell.getParent();
        }
        if (!(cell.getParent() instanceof javafx.scene.layout.GridPane grid)) {
            return false;
        }
        javafx.scene.control.Label byRow = null;
        Integer row = javafx.scene.layout.GridPane.getRowIndex(cell);
        for (javafx.scene.Node n : grid.getChildren()) {
            if (n instanceof javafx.scene.control.Label l) {
                if (l.getLabelFor() == control) {
                    link(l, term);
                    return true;
                }
                Integer c = javafx.scene.layout.GridPane.getColumnIndex(l);
                if (byRow == null && n != cell && java.util.Objects.equals(javafx.scene.layout.GridPane.getRowIndex(l), row)
                        && (c == null || c == 0)) {
                    byRow = l;
                }
            }
        }
        if (byRow != null) {
            link(byRow, term);
            return true;
        }
        return false;
    }

    /** The label under {@code parent} whose {@code labelFor} has id {@code controlId}, or null. */
    private static javafx.scene.control.Label labelFor(javafx.scene.Parent parent, String controlId) {
        for (javafx.scene.Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.Label l && l.getLabelFor() != null && controlId.equals(l.getLabelFor().getId())) {
                return l;
            }
            if (n instanceof javafx.scene.Parent p && !(n instanceof javafx.scene.control.Control)) {
                javafx.scene.control.Label found = labelFor(p, controlId);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The term a node links to, if it is a glossary link. */
    public static Term termOf(Labeled label) {
        return (Term) label.getProperties().get(Term.class);
    }
}
