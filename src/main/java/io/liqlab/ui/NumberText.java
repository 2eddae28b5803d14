package io.liqlab.ui;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Parses what people type into number fields. The rule:
 * <ol>
 * <li>Spaces of every kind (also no-break and narrow no-break spaces) and underscores are ignored: 60 000, 1_000.</li>
 * <li>A text that is a number in the user's locale is read that way: with its decimal separator, and its grouping
 *     separator between groups of exactly three digits (German 60.000,5 and 0,01; French 60 000,5; English
 *     60,000.5).</li>
 * <li>Otherwise the locale-independent form is accepted as before: a dot as decimal point, commas between groups of
 *     three, an exponent (60000.5, 60,000, 1.5e6, -0.01).</li>
 * </ol>
 * So in a locale with a decimal comma the comma is always the decimal separator (German 60,000 is 60), and a dot is a
 * grouping separator only where that locale groups with dots and only before groups of three digits (German 60.000 is
 * 60000, 0.01 and 12.5 are decimals).
 */
public final class NumberText {
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f_]");

    private NumberText() {
    }

    /** Empty when the text is blank or not a number; read in the user's format locale. */
    public static OptionalDouble parse(String text) {
        return parse(text, LocalNumbers.locale());
    }

    public static OptionalDouble parse(String text, Locale locale) {
        Optional<String> plain = canonical(text, locale);
        if (plain.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(plain.get()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * The number as locale-independent text (a dot as decimal point, no grouping: 60000.5, 1.5e6) with every digit
     * as typed, for exact decimal use; empty when the text is not a number by the rule above.
     */
    public static Optional<String> canonical(String text, Locale locale) {
        if (text == null) {
            return Optional.empty();
        }
        String t = SPACES.matcher(text.strip()).replaceAll("");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        LocalForm form = LOCAL_FORMS.computeIfAbsent(locale, LocalForm::of);
        char g = form.grouping();
        if (form.pattern().matcher(t).matches()) {
            StringBuilder sb = new StringBuilder(t.length());
            for (char c : t.toCharArray()) {
                if (c == form.decimal()) {
                    sb.append('.');
                } else if (c == '\u2212') {
                    sb.append('-');
                } else if (c != g) {
                    sb.append(c);
                }
            }
            return Optional.of(tidy(sb.toString()));
        }
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        return PLAIN.matcher(t).matches() ? Optional.of(tidy(t)) : Optional.empty();
    }

    /** A locale's separators and the pattern of its numbers, made once per locale (every keystroke parses). */
    private record LocalForm(char decimal, char grouping, Pattern pattern) {
        static LocalForm of(Locale locale) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            char d = symbols.getDecimalSeparator();
            char g = symbols.getGroupingSeparator();
            String decimal = Pattern.quote(String.valueOf(d));
            String sign = "[-+\\u2212]?";
            boolean groupsWithSpace = Character.isSpaceChar(g) || g == '_';
            String group = Pattern.quote(String.valueOf(g));
            // Grouping that is a space was removed before matching; otherwise groups of three after one to three digits.
            String local = sign + "(\\d+(" + decimal + "\\d*)?|" + decimal + "\\d+)"
                    + (groupsWithSpace ? "" : "|" + sign + "\\d{1,3}(" + group + "\\d{3})+(" + decimal + "\\d*)?");
            return new LocalForm(d, g, Pattern.compile(local));
        }
    }

    private static final java.util.Map<Locale, LocalForm> LOCAL_FORMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** "60000." as 60000.0 and ".5" as 0.5, so that BigDecimal reads them too; a leading + dropped. */
    private static String tidy(String plain) {
        String t = plain.startsWith("+") ? plain.substring(1) : plain;
        t = t.startsWith(".") ? "0" + t : t.startsWith("-.") ? "-0" + t.substring(1) : t;
        return t.replaceFirst("\\.($|[eE])", ".0$1");
    }
}
