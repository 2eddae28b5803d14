package io.liqlab.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The UI's words, from the {@code io.liqlab.ui.Messages} bundle. Every value in the bundle is a
 * {@link MessageFormat} pattern, also those read without arguments, so the rule is the same everywhere: an
 * apostrophe is written twice ({@code ''}) and {@code {0}} is the first argument. Arguments are passed already
 * formatted (numbers through {@link LocalNumbers}), so the bundle decides words and order, not number formats.
 */
public final class Text {
    public static final String BUNDLE = "io.liqlab.ui.Messages";

    private Text() {
    }

    /** Texts without arguments, by language and key: the window asks for a few hundred while it opens. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> PLAIN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The text for {@code key} in the user's display language. */
    public static String get(String key) {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        return PLAIN.computeIfAbsent(display.toLanguageTag() + '\u0000' + key, k -> format(key));
    }

    /** The pattern for {@code key} with {@code args} filled in, in the user's display language. */
    public static String format(String key, Object... args) {
        return fill(ResourceBundle.getBundle(BUNDLE, Locale.getDefault(Locale.Category.DISPLAY)).getString(key),
                Locale.getDefault(Locale.Category.FORMAT), args);
    }

    /**
     * The base (English) text with locale-independent formatting, whatever the user's locale: for files that must
     * read the same everywhere (the comparison CSV's text columns).
     */
    public static String formatRoot(String key, Object... args) {
        ResourceBundle base = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return fill(base.getString(key), Locale.ROOT, args);
    }

    /**
     * The texts of {@link #format}, for one thread writing many texts from the same few patterns: each pattern is
     * read from the bundle and parsed once, not once per text. The cascade's event log writes a line per ten simulated
     * seconds with liquidations, five patterns a line, after every what-if re-run; parsing them again each time was
     * most of its cost. The languages are the user's when it is made.
     */
    public static final class Patterns {
        private final ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(Locale.Category.DISPLAY));
        private final Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        private final java.util.HashMap<String, MessageFormat> parsed = new java.util.HashMap<>();

        /** As {@link Text#format}. */
        public String format(String key, Object... args) {
            MessageFormat f = parsed.get(key);
            if (f == null) {
                String pattern = bundle.getString(key);
                if (plain(pattern)) {
                    return pattern; // its own text, as fill() gives it
                }
                f = new MessageFormat(pattern, locale);
                parsed.put(key, f);
            }
            return f.format(args);
        }
    }

    /**
     * A pattern without an argument or a quote is its own text: the window asks for a few hundred texts while it
     * opens, most of them plain words, and a {@link MessageFormat} for each was parsed only to give them back.
     */
    static String fill(String pattern, Locale locale, Object... args) {
        return plain(pattern) ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** No argument and no quote: {@link MessageFormat} would give the pattern back as it is. */
    private static boolean plain(String pattern) {
        return pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0;
    }
}
