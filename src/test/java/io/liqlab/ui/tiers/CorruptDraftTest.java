package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.profile.DraftStore;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.ProfileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15: a corrupt draft says where it is broken, in the words used for profiles, not the parser's internals. */
class CorruptDraftTest {

    @Test
    void aCorruptDraftsStatusShowsNoParserInternals(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("drafts"));
        Files.writeString(home.resolve("drafts").resolve("textbook-edited.draft.json"), "{\"profileId\": \"textbook\",\n \"rows\": [");
        TierWorkbenchViewModel wb = new TierWorkbenchViewModel(TestProfiles.catalog().profiles(),
                new ProfileStore(home.resolve("profiles"), new ProfileReader()), new DraftStore(home.resolve("drafts")));
        assertFalse(wb.restoreDraft("textbook-edited"));
        String status = wb.statusProperty().get();
        assertTrue(status.contains("line 2, column") && status.contains("not valid JSON"), status);
        assertFalse(status.contains("Source") || status.contains("REDACTED") || status.contains("#UNKNOWN"), status);
    }

    @Test
    void aDraftThatIsNotUtf8SaysSo(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("drafts"));
        Files.write(home.resolve("drafts").resolve("textbook-edited.draft.json"), new byte[] {'{', (byte) 0xC3, '}'});
        TierWorkbenchViewModel wb = new TierWorkbenchViewModel(TestProfiles.catalog().profiles(),
                new ProfileStore(home.resolve("profiles"), new ProfileReader()), new DraftStore(home.resolve("drafts")));
        assertFalse(wb.restoreDraft("textbook-edited"));
        String status = wb.statusProperty().get();
        assertTrue(status.contains("not UTF-8"), status);
        assertFalse(status.contains("Input length"), status);
    }
}
