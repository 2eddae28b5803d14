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
        Tooltip tip = new Tooltip(glossary.entry(term).summary() + "\n(click for the glossary)");
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        tip.setShowDelay(Duration.millis(300));
        label.setTooltip(tip);
        label.setCursor(Cursor.HAND);
        label.setOnMouseClicked(e -> open.accept(term));
        return label;
    }

    /** The term a node links to, if it is a glossary link. */
    public static Term termOf(Labeled label) {
        return (Term) label.getProperties().get(Term.class);
    }
}
