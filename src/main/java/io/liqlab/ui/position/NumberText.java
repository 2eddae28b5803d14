package io.liqlab.ui.position;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Parses what people type into number fields: 60000, 60,000, 60 000, 1.5e6, -0.01. */
final class NumberText {
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    private NumberText() {
    }

    /** Empty when the text is blank or not a number. */
    static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String t = text.strip().replace(" ", "").replace("_", "").replace("\u00a0", "");
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        if (!PLAIN.matcher(t).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(t));
    }
}
