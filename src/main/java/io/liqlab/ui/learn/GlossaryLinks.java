package io.liqlab.ui.learn;

import javafx.scene.Cursor;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * Makes a term on screen a link into the glossary: dotted underline, the one-line definition as a tooltip, and a
 * click opens the glossary at it (the Learn menu and F1 reach the glossary from the keyboard).
 */
public final class GlossaryLinks {

    public static final String STYLE_CLASS = "glossary-term";

    private final Glossary glossary;
    private final Consumer<Term> open;

    public GlossaryLinks(Glossary glossary, Consumer<Term> open) {
        this.glossary = glossary;
        this.open = open;
    }

    public <T extends Labeled> T link(T label, Term term) {
        label.getStyleClass().add(STYLE_CLASS);
        label.getProperties().put(Term.class, term);
        Tooltip tip = new Tooltip(io.liqlab.ui.Text.format("learn.linkTip", glossary.entry(term).summary()));
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        tip.setShowDelay(Duration.millis(300));
        label.setTooltip(tip);
        label.setCursor(Cursor.HAND);
        label.setOnMouseClicked(e -> open.accept(term));
        return label;
    }

    /**
     * Links the label of the control with id {@code controlId} under {@code root}: the label that names it
     * ({@code labelFor}), or else the label in the first column of the same grid row (a results row). Returns
     * whether a label was found. Works whatever language the label is in.
     */
    public boolean linkLabelOf(javafx.scene.Parent root, String controlId, Term term) {
        javafx.scene.Node control = root.lookup("#" + controlId);
        if (control == null) {
            return false;
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

    /** The term a node links to, if it is a glossary link. */
    public static Term termOf(Labeled label) {
        return (Term) label.getProperties().get(Term.class);
    }
}
