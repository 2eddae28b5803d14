package io.liqlab.profile;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile files as a person would write them: plain numbers, never 1.2E7. */
class ProfileWriterTest {
    private static final Pattern EXPONENT = Pattern.compile("\\d[eE][-+]?\\d");

    @Test
    void binanceCapsAreWrittenAsPlainWholeNumbers() {
        String json = new ProfileWriter().toJson(TestProfiles.get("binance-usdm-btc"));
        assertTrue(json.contains("\"cap\" : 12000000,"), json);
        assertTrue(json.contains("\"floor\" : 12000000,"), json);
        assertTrue(json.contains("\"maintenanceMarginRate\" : 0.0065,"), json);
        assertTrue(json.contains("\"maxLeverage\" : 150,"), json);
    }

    @Test
    void noShippedProfileIsWrittenWithAnExponent() {
        for (VenueProfile p : TestProfiles.catalog().profiles()) {
            String text = new ProfileWriter().toJson(p);
            assertFalse(EXPONENT.matcher(text).find(), p.id() + " written with an exponent:\n" + text);
        }
    }
}
