package io.liqlab.profile;

import io.liqlab.core.VenueRules;

import java.util.List;

/**
 * A venue profile: the rules the engine computes with, plus its name, its rules in words and where its numbers
 * come from.
 *
 * @param amountSources    for each tier, whether its maintenance amount was derived, given, or a published override
 * @param launchParameters dYdX's launch-time parameters, a what-if offered separately (null elsewhere)
 * @param listing          the market as the venue lists it (symbol, base, quote, tick) and the venue rules it uses;
 *                         {@link Listing#NONE} for a self-contained profile that names none
 */
public record VenueProfile(String id, String name, String venue, String market, VenueRules rules,
                           List<AmountSource> amountSources, LaunchParameters launchParameters, ProfileText text,
                           Provenance provenance, Origin origin, Listing listing) {

    public VenueProfile {
        amountSources = List.copyOf(amountSources);
        listing = listing == null ? Listing.NONE : listing;
    }

    /** A profile without listing details (edited copies, self-contained files). */
    public VenueProfile(String id, String name, String venue, String market, VenueRules rules,
                        List<AmountSource> amountSources, LaunchParameters launchParameters, ProfileText text,
                        Provenance provenance, Origin origin) {
        this(id, name, venue, market, rules, amountSources, launchParameters, text, provenance, origin, Listing.NONE);
    }

    /**
     * One market at a venue: a profile is a venue's rules (written once per venue, {@code venueRules}) plus this
     * market's schedule.
     *
     * @param venueRules id of the venue rules the profile was composed from ("binance-usdm"); empty when the profile
     *                   carries its rules itself
     * @param symbol     the venue's symbol ("BTCUSDT", "BTC-USDT-SWAP"); empty when not given
     * @param base       base asset ("BTC"); empty when not given
     * @param quote      quote (settlement) currency ("USDT"); empty when not given
     * @param tickSize   price tick; NaN when not given
     */
    public record Listing(String venueRules, String symbol, String base, String quote, double tickSize) {
        public static final Listing NONE = new Listing("", "", "", "", Double.NaN);

        public Listing {
            venueRules = venueRules == null ? "" : venueRules;
            symbol = symbol == null ? "" : symbol;
            base = base == null ? "" : base;
            quote = quote == null ? "" : quote;
        }
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

    /** Whether only part of this market's schedule was recorded ("tiers 1-10 of 43 recorded"). */
    public boolean isPartial() {
        return rules.tiers().isPartial();
    }

    public boolean hasStandIns() {
        return provenance.hasStandIns();
    }

    public VenueProfile withOrigin(Origin newOrigin) {
        return new VenueProfile(id, name, venue, market, rules, amountSources, launchParameters, text, provenance, newOrigin, listing);
    }
}
