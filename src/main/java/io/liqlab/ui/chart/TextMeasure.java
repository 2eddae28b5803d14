package io.liqlab.ui.chart;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures text the way a canvas draws it, with one off-scene {@link Text} node. Widths are remembered per font
 * (the 512 most recent strings each): tick labels and legends repeat from one drawing to the next, and measuring
 * lays the text out. FX thread only.
 */
final class TextMeasure {
    private static final int REMEMBERED = 512;

    private final Text text = new Text();
    private final Map<Font, Map<String, Double>> widths = new HashMap<>();

    double width(String s, Font font) {
        Map<String, Double> byText = widths.computeIfAbsent(font, f -> new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
                return size() > REMEMBERED;
            }
        });
        Double known = byText.get(s);
        if (known != null) {
            return known;
        }
        text.setFont(font);
        text.setText(s);
        double w = text.getLayoutBounds().getWidth();
        byText.put(s, w);
        return w;
    }

    /** The height of a line of text in {@code font} (remembered: a chart asks for it several times per drawing). */
    double lineHeight(Font font) {
        return lineHeights.computeIfAbsent(font, f -> {
            text.setFont(f);
            text.setText("Ag");
            return text.getLayoutBounds().getHeight();
        });
    }

    private final Map<Font, Double> lineHeights = new HashMap<>();
}
