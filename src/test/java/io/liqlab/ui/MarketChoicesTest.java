package io.liqlab.ui;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The market choosers' words and filter, without a toolkit, on a fixed date. */
class MarketChoicesTest {

    private static Clock on(String day) {
        return Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
    }

    private final List<VenueProfile> all = io.liqlab.ui.MarketChoices.offered(TestProfiles.catalog().allProfiles());
    private final MarketChoices markets = new MarketChoices(on("2026-12-07"));

    private List<String> typed(String text) {
        return markets.filter(all, text).stream().map(VenueProfile::id).sorted().toList();
    }

    @Test
    void typingFiltersByEveryWordIgnoringCase() {
        // The coin-margined markets are offered too (issue 18: the window handles them), beside the USD-margined ones.
        assertEquals(List.of("binance-coinm-eth", "binance-usdm-eth", "bybit-inverse-eth", "bybit-linear-eth", "dydx-v4-eth", "hyperliquid-eth",
                "okx-swap-eth", "okx-swap-eth-usd"), typed("eth"));
        assertEquals(List.of("bybit-inverse-eth", "bybit-linear-eth"), typed("Bybit  ETH"));
        assertEquals(List.of("bybit-linear-eth"), typed("Bybit ETHUSDT"));
        assertEquals(List.of("okx-swap-btc", "okx-swap-btc-usd", "okx-swap-eth", "okx-swap-eth-usd"), typed("swap"));
        assertEquals(List.of("binance-usdm-sol", "dydx-v4-sol"), typed("sol usd"));
        assertEquals(List.of("binance-usdm-eth", "binance-usdm-sol"), typed("2024-10-24"), "by data date too");
        assertEquals(List.of(), typed("doge"));
        assertEquals(all.size(), typed("").size());
    }

    @Test
    void oldDataAndPartialSchedulesAreFlaggedWithTheReason() {
        MarketChoices.Entry okxEth = markets.entry(TestProfiles.get("okx-swap-eth"));
        assertEquals("OKX ETH-USDT-SWAP  \u26a0 stand-in", okxEth.title());
        assertEquals("ETH-USDT-SWAP \u00b7 OKX \u00b7 data 2026-05-28 (6 months old)", okxEth.detail());
        assertEquals("\u26a0 data older than 30 days (6 months old): check the venue's current table; "
                + "\u26a0 tiers 1-10 of 37 recorded: larger sizes are refused; \u26a0 contains stand-in values", okxEth.flag());
        MarketChoices.Entry hlEth = markets.entry(TestProfiles.get("hyperliquid-eth"));
        assertTrue(hlEth.flagged(), "2026-09-25 is more than 30 days before 2026-12-07");
        assertFalse(markets.entry(TestProfiles.get("textbook")).flagged(), "the textbook has no date to age");

        MarketChoices aWeekLater = new MarketChoices(on("2026-10-02"));
        assertFalse(aWeekLater.entry(TestProfiles.get("hyperliquid-eth")).flagged(), "a week old is not old");
        assertEquals("\u26a0 tiers 1-11 of at least 19 recorded: larger sizes are refused",
                aWeekLater.entry(TestProfiles.get("bybit-linear-btc")).flag(), "partial whatever its age");
    }

    @Test
    void baseAndVenueOfAProfile() {
        assertEquals("ETH", MarketChoices.baseOf(TestProfiles.get("okx-swap-eth")));
        assertEquals("", MarketChoices.baseOf(TestProfiles.get("textbook")));
        assertEquals("bybit-linear", MarketChoices.venueOf(TestProfiles.get("bybit-linear-btc")));
    }
}
