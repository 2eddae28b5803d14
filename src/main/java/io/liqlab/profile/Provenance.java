package io.liqlab.profile;

import java.util.List;

/**
 * Where a profile's numbers come from.
 *
 * @param asOf       date of the data (ISO date or month), or a word such as "undated"
 * @param confidence high, medium, low or exact
 * @param standIns   values that are not the venue's current ones; the app labels them wherever they show
 */
public record Provenance(String asOf, String asOfNote, String confidence, String confidenceNote, List<String> sources,
                         List<StandIn> standIns) {

    public Provenance {
        sources = List.copyOf(sources);
        standIns = List.copyOf(standIns);
    }

    public boolean hasStandIns() {
        return !standIns.isEmpty();
    }

    /** A value (by its path in the profile, e.g. {@code tiers} or {@code tiers[1]}) that is a stand-in. */
    public record StandIn(String values, String note) {
    }
}
