package io.liqlab.profile;

import io.liqlab.core.VenueRules;

import java.util.List;

/**
 * A venue profile: the rules the engine computes with, plus its name, its rules in words and where its numbers
 * come from.
 *
 * @param amountSources    for each tier, whether its maintenance amount was derived, given, or a published override
 * @param launchParameters dYdX's launch-time parameters, a what-if offered separately (null elsewhere)
 */
public record VenueProfile(String id, String name, String venue, String market, VenueRules rules,
                           List<AmountSource> amountSources, LaunchParameters launchParameters, ProfileText text,
                           Provenance provenance, Origin origin) {

    public VenueProfile {
        amountSources = List.copyOf(amountSources);
    }

    /** How a tier's maintenance amount was obtained. */
    public enum AmountSource {
        /** Omitted in the file and derived by the continuity rule. */
        DERIVED,
        /** Given in the file and equal to the continuity rule. */
        GIVEN,
        /** Given in the file, differing from the continuity rule on purpose (the venue publishes it). */
        OVERRIDE
    }

    /** dYdX's launch parameters (IMF 5%, MMF 3%, 20x). */
    public record LaunchParameters(double initialMarginFraction, double maintenanceMarginRate, double maxLeverage) {
    }

    /** Where a profile was loaded from; a user profile overrides a shipped one with the same id. */
    public record Origin(Kind kind, String location) {
        public enum Kind { SHIPPED, USER, FILE }
    }

    public boolean hasStandIns() {
        return provenance.hasStandIns();
    }

    public VenueProfile withOrigin(Origin newOrigin) {
        return new VenueProfile(id, name, venue, market, rules, amountSources, launchParameters, text, provenance, newOrigin);
    }
}
