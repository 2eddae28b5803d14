package io.liqlab.core.account;

import io.liqlab.core.RuleFamily;

/**
 * How a venue liquidates a cross account: which published rule gives each position's liquidation price, whether
 * that rule is a closed form, and whether the venue has hedge mode (a long and a short of one market at once).
 * Hedge mode as each venue documents it: Binance USD-M "Position Mode: hedge" (its cross formula has the LONG and
 * SHORT terms cumL/cumS), Bybit USDT contracts "Hedge mode" (help centre, "Hedge mode: Margin calculation logic
 * optimization for USDT contracts"), OKX "long/short mode"; Hyperliquid, dYdX v4 and GTE keep one signed position
 * per market and account (Hyperliquid docs "Trading > Margining", dYdX v4 subaccount perpetual positions, GTE's
 * audited Market contract), so a long and a short of the same market there net into one.
 */
public enum AccountVenue {
    BINANCE_USDM("Binance USD-M", true, "",
            "Binance USD-M cross formula: LP = (WB - TMM1 + UPNL1 + cum - s*Q*E) / (Q*MMR - s*Q), tier at LP", false),
    BYBIT_LINEAR("Bybit", true, "",
            "Bybit classic cross: L = E - s*(available balance + IM - MM)/Q, IM and MM on the entry value", false),
    OKX_SWAP("OKX", true, "",
            "OKX account rule: liquidated when equity <= maintenance + taker fee; OKX publishes no closed form for USDT cross,"
                    + " so this price is solved numerically (an estimate)", true),
    HYPERLIQUID("Hyperliquid", false,
            "Hyperliquid keeps one position per market and account: a long and a short of the same market net into one"
                    + " (use a subaccount to hold both)",
            "Hyperliquid cross: L = P - s*marginAvailable/Q/(1 - s*mmr), marginAvailable = account value - maintenance", false),
    DYDX_V4("dYdX v4", false,
            "dYdX v4 keeps one signed position per market and subaccount: a long and a short of the same market net into one",
            "dYdX cross: p' = (e - S*p - MMR_other) / (|S|*MMF - S)", false),
    GTE("GTE", false,
            "GTE's perpetuals keep one signed position per market and account (audited Market contract): a long and a short net into one",
            "GTE account rule: liquidated when margin + uPnL < notional x MMR, the same closed form as Hyperliquid", false),
    TEXTBOOK("Textbook", false,
            "the textbook model holds one position per market",
            "textbook: equity = maintenance on the entry notional", false),
    OTHER("this venue", false,
            "the profile names no venue whose position modes LiqLab knows",
            "account rule: liquidated when account equity <= the sum of maintenance, the closed form of the profile's rule family", false);

    private final String displayName;
    private final boolean hedgeMode;
    private final String noHedgeReason;
    private final String method;
    private final boolean solvedNumerically;

    AccountVenue(String displayName, boolean hedgeMode, String noHedgeReason, String method, boolean solvedNumerically) {
        this.displayName = displayName;
        this.hedgeMode = hedgeMode;
        this.noHedgeReason = noHedgeReason;
        this.method = method;
        this.solvedNumerically = solvedNumerically;
    }

    /**
     * The venue of a profile composed from the venue rules {@code venueRulesId} ("binance-usdm"); a profile that
     * names none is {@link #TEXTBOOK} when it uses the textbook's family and {@link #OTHER} otherwise.
     */
    public static AccountVenue of(String venueRulesId, RuleFamily family) {
        return switch (venueRulesId == null ? "" : venueRulesId) {
            case "binance-usdm" -> BINANCE_USDM;
            case "bybit-linear" -> BYBIT_LINEAR;
            case "okx-swap" -> OKX_SWAP;
            case "hyperliquid" -> HYPERLIQUID;
            case "dydx-v4" -> DYDX_V4;
            case "gte" -> GTE;
            case "textbook" -> TEXTBOOK;
            default -> family instanceof RuleFamily.FeeInTrigger ? OKX_SWAP : OTHER;
        };
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the venue lets one account hold a long and a short of the same market. */
    public boolean hedgeMode() {
        return hedgeMode;
    }

    /** Why there is no hedge mode (empty where there is). */
    public String noHedgeReason() {
        return noHedgeReason;
    }

    /** The rule each position's liquidation price follows, in one line. */
    public String method() {
        return method;
    }

    /** True where the venue publishes no closed form and LiqLab solves its account rule numerically. */
    public boolean solvedNumerically() {
        return solvedNumerically;
    }

    /** Bybit's classic cross: other positions lock their initial margin and only their losses count. */
    boolean bybitClassic() {
        return this == BYBIT_LINEAR;
    }
}
