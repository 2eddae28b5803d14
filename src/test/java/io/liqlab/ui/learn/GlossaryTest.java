package io.liqlab.ui.learn;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlossaryTest {

    private final Glossary glossary = Glossary.load(Locale.ENGLISH);

    @Test
    void everyTermTheIssueNamesHasAnEntryInPlainWordsWithTheVenueDifferences() {
        Set<String> titles = glossary.entries().stream().map(e -> e.title().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String term : new String[] {"liquidation price", "bankruptcy price", "maintenance margin", "maintenance amount",
                "tiers", "mark price", "partial liquidation", "backstop", "insurance fund", "auto-deleveraging", "funding", "cross margin",
                "hedge mode", "inverse (coin-margined) contract", "roe"}) {
            assertTrue(titles.stream().anyMatch(t -> t.startsWith(term)), term + " in " + titles);
        }
        for (GlossaryEntry e : glossary.entries()) {
            assertTrue(e.summary().length() > 20 && e.summary().length() < 160, e.title() + ": a one-line summary");
            assertTrue(e.text().length() > 150, e.title());
            assertTrue(e.venues().length() > 60, e.title());
        }
    }

    @Test
    void theEntriesAreAlphabeticalAndSearchable() {
        var titles = glossary.entries().stream().map(GlossaryEntry::title).toList();
        assertEquals(titles.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), titles);
        assertTrue(glossary.entry(Term.ADL).matches("bankruptcy"));
        assertFalse(glossary.entry(Term.FUNDING).matches("vault"));
    }

    @Test
    void showingATermClearsAFilterThatWouldHideIt() {
        GlossaryViewModel vm = new GlossaryViewModel(glossary);
        vm.filterProperty().set("vault");
        assertTrue(vm.shownEntries().stream().allMatch(e -> e.matches("vault")));
        vm.show(Term.FUNDING);
        assertEquals("", vm.filterProperty().get());
        assertEquals(Term.FUNDING, vm.selectedProperty().get().term());
    }

    @Test
    void aSearchThatHidesTheEntryShownMovesToTheFirstMatch() {
        GlossaryViewModel vm = new GlossaryViewModel(glossary);
        vm.show(Term.MARK_PRICE);
        vm.filterProperty().set("adl");
        assertTrue(vm.shownEntries().size() > 1, vm.shownEntries().toString());
        assertFalse(vm.shownEntries().contains(glossary.entry(Term.MARK_PRICE)), "the issue's case: Mark price does not mention ADL");
        assertEquals(vm.shownEntries().getFirst(), vm.selectedProperty().get(), "the detail follows the list");
        vm.filterProperty().set("no such words anywhere");
        assertEquals(null, vm.selectedProperty().get(), "nothing listed, nothing shown");
        vm.filterProperty().set("");
        vm.show(Term.FUNDING);
        vm.filterProperty().set("fund");
        assertEquals(Term.FUNDING, vm.selectedProperty().get().term(), "an entry still listed stays shown");
    }
}
