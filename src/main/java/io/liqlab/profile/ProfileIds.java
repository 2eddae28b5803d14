package io.liqlab.profile;

import io.liqlab.core.FormulaExplanation;

/**
 * The ids of the shipped profiles and venue rules that the code itself names (a default, an example, a venue with
 * a rule of its own), in one place, so that a renamed file is one edit here and a typo is a compile error rather
 * than a silent "not found". Every other id comes from the files ({@link ProfileCatalog}).
 */
public final class ProfileIds {
    private ProfileIds() {
    }

    // ---- profiles (venue-profiles/ID.json) --------------------------------------------------------------------

    /** The textbook baseline: maintenance on the entry notional, no tiers beyond one, no fees. */
    public static final String TEXTBOOK = "textbook";
    public static final String BINANCE_USDM_BTC = "binance-usdm-btc";
    public static final String BYBIT_LINEAR_BTC = "bybit-linear-btc";
    public static final String OKX_SWAP_BTC = "okx-swap-btc";
    public static final String HYPERLIQUID_BTC = "hyperliquid-btc";
    public static final String DYDX_V4_BTC = "dydx-v4-btc";
    public static final String GTE_BTC = "gte-btc";
    /** Binance's coin-margined BTCUSD perpetual (an inverse contract, counted in BTC). */
    public static final String BINANCE_COINM_BTC = "binance-coinm-btc";

    // ---- venue rules (venue-profiles/venues/ID.json) ----------------------------------------------------------

    public static final String BINANCE_USDM = "binance-usdm";
    /** Defined in core, which cannot see this package, for the formula's labelled fee-to-close line. */
    public static final String BYBIT_LINEAR = FormulaExplanation.BYBIT_LINEAR;
    public static final String OKX_SWAP = "okx-swap";
    public static final String HYPERLIQUID = "hyperliquid";
    public static final String DYDX_V4 = "dydx-v4";

    /** Whether {@code profile} is the textbook baseline. */
    public static boolean isTextbook(VenueProfile profile) {
        return profile != null && TEXTBOOK.equals(profile.id());
    }
}
