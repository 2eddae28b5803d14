package io.liqlab;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.profile.VenueProfile;

/** The shipped profiles, loaded once for tests (no user folder). */
public final class TestProfiles {
    private static final ProfileCatalog CATALOG = ProfileCatalog.load(new ProfileReader(), null);

    private TestProfiles() {
    }

    public static ProfileCatalog catalog() {
        return CATALOG;
    }

    public static VenueProfile get(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError("no shipped profile " + id + "; problems: " + CATALOG.problems()));
    }
}
