package io.liqlab.profile;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every id the code names through {@link ProfileIds} is a shipped profile or shipped venue rules: a renamed file fails here. */
class ProfileIdsTest {

    @Test
    void everyProfileIdNamesAShippedProfileAndEveryVenueIdShippedRules() throws Exception {
        List<String> profiles = new ArrayList<>();
        List<String> venues = new ArrayList<>();
        for (Field f : ProfileIds.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String id = (String) f.get(null);
                (f.getName().endsWith("_BTC") || f.getName().equals("TEXTBOOK") ? profiles : venues).add(id);
            }
        }
        assertEquals(8, profiles.size(), profiles.toString());
        assertEquals(5, venues.size(), venues.toString());
        for (String id : profiles) {
            assertEquals(id, TestProfiles.get(id).id(), "shipped profile " + id);
        }
        for (String id : venues) {
            assertTrue(VenueRulesLibrary.shipped().find(id).isPresent(), "shipped venue rules " + id);
        }
        assertTrue(ProfileIds.isTextbook(TestProfiles.get("textbook")));
    }
}
