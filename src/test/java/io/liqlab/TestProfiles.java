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

    /**
     * A profile kept under src/test/resources/fixtures, for tests of behaviour that must not move when the shipped
     * data is refreshed (the tier editor's tests use Binance's 2024-10-24 brackets, for example).
     */
    public static VenueProfile fixture(String name) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(TestProfiles.class.getResource("/fixtures/" + name + ".json").toURI());
            return new ProfileReader().read(file, VenueProfile.Origin.Kind.FILE);
        } catch (Exception e) {
            throw new AssertionError("cannot read fixture " + name, e);
        }
    }

    public static VenueProfile get(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError("no shipped profile " + id + "; problems: " + CATALOG.problems()));
    }
}
