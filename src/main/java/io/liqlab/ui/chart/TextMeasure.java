package io.liqlab.ui.chart;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measures text the way a canvas draws it, with one off-scene {@link Text} node. FX thread only. */
final class TextMeasure {
    private final Text text = new Text();

    double width(String s, Font font) {
        text.setFont(font);
        text.setText(s);
        return text.getLayoutBounds().getWidth();
    }

    /** The height of a line of text in {@code font}. */
    double lineHeight(Font font) {
        text.setFont(font);
        text.setText("Ag");
        return text.getLayoutBounds().getHeight();
    }
}
