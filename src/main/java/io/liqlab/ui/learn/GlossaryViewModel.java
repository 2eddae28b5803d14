package io.liqlab.ui.learn;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The glossary panel's state: a filter over the entries and the entry shown. */
public final class GlossaryViewModel {

    private final Glossary glossary;
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<GlossaryEntry> shown;
    private final ObjectProperty<GlossaryEntry> selected = new SimpleObjectProperty<>();

    public GlossaryViewModel(Glossary glossary) {
        this.glossary = glossary;
        ObservableList<GlossaryEntry> all = FXCollections.observableArrayList(glossary.entries());
        shown = new FilteredList<>(all);
        selected.set(glossary.entry(Term.LIQUIDATION_PRICE));
        // The entry shown is always one of those listed: a search that hides it moves to the first match.
        filter.subscribe(f -> {
            shown.setPredicate(e -> e.matches(f));
            if (!shown.contains(selected.get())) {
                selected.set(shown.isEmpty() ? null : shown.getFirst());
            }
        });
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The entries that match the filter, alphabetically. */
    public ObservableList<GlossaryEntry> shownEntries() {
        return shown;
    }

    public ObjectProperty<GlossaryEntry> selectedProperty() {
        return selected;
    }

    /** Shows {@code term}, clearing a filter that would hide it. */
    public void show(Term term) {
        GlossaryEntry entry = glossary.entry(term);
        if (!entry.matches(filter.get())) {
            filter.set("");
        }
        selected.set(entry);
    }
}
