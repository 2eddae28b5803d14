package io.liqlab.ui.learn;

/**
 * One glossary entry.
 *
 * @param summary one line, for tooltips
 * @param text    the explanation in plain words
 * @param venues  how the venues differ
 */
public record GlossaryEntry(Term term, String title, String summary, String text, String venues) {

    /** Whether the entry mentions {@code query} (case-insensitive) anywhere. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        return (title + "\n" + summary + "\n" + text + "\n" + venues).toLowerCase(java.util.Locale.ROOT).contains(q);
    }

    @Override
    public String toString() {
        return title;
    }
}
