package io.liqlab.ui.learn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The glossary's entries, read from the {@code io.liqlab.ui.learn.Glossary} resource bundle (one bundle per
 * language; English is the base). A missing entry is an error at load time, not a blank panel.
 */
public final class Glossary {

    public static final String BUNDLE = "io.liqlab.ui.learn.Glossary";

    private final Map<Term, GlossaryEntry> entries;

    private Glossary(Map<Term, GlossaryEntry> entries) {
        this.entries = entries;
    }

    public static Glossary load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        Map<Term, GlossaryEntry> map = new EnumMap<>(Term.class);
        for (Term term : Term.values()) {
            String k = term.key();
            try {
                map.put(term, new GlossaryEntry(term, bundle.getString(k + ".title"), bundle.getString(k + ".summary"),
                        bundle.getString(k + ".text"), bundle.getString(k + ".venues")));
            } catch (MissingResourceException e) {
                throw new IllegalStateException("glossary bundle lacks " + e.getKey(), e);
            }
        }
        return new Glossary(map);
    }

    public GlossaryEntry entry(Term term) {
        return entries.get(term);
    }

    /** Every entry, in alphabetical order of title. */
    public List<GlossaryEntry> entries() {
        List<GlossaryEntry> list = new ArrayList<>(entries.values());
        list.sort(java.util.Comparator.comparing(e -> e.title().toLowerCase(Locale.ROOT)));
        return list;
    }
}
