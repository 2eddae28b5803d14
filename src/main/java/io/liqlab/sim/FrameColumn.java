package io.liqlab.sim;

/**
 * The figures every frame records (CASCADE.md, "A frame holds"), in CSV column order. Per-tick figures cover
 * the tick that ends at the frame's time; cumulative ones say so in their name.
 */
public enum FrameColumn {
    TIME("time", "seconds since the start"),
    MID("mid", "book mid after the tick"),
    MARK("mark", "mark price the tick's liquidations were checked against"),
    FORCED_SELL_NOTIONAL("forcedSellNotional", "liquidation sell orders sent into the book this tick, USD"),
    FORCED_BUY_NOTIONAL("forcedBuyNotional", "liquidation buy orders sent into the book this tick, USD"),
    EXTERNAL_FLOW_NOTIONAL("externalFlowNotional", "scheduled external flow this tick, USD, negative selling"),
    LIQUIDATIONS_LONG("liquidationsLong", "long liquidations this tick (partial, full and backstop)"),
    LIQUIDATIONS_SHORT("liquidationsShort", "short liquidations this tick"),
    LIQUIDATED_NOTIONAL_LONG("liquidatedNotionalLong", "notional of long liquidations this tick, USD"),
    LIQUIDATED_NOTIONAL_SHORT("liquidatedNotionalShort", "notional of short liquidations this tick, USD"),
    PARTIAL_LIQUIDATIONS("partialLiquidations", "partial liquidations this tick"),
    PARTIAL_NOTIONAL("partialNotional", "notional closed by partial liquidations this tick, USD"),
    FULL_LIQUIDATIONS("fullLiquidations", "whole-position liquidations through the book or ADL this tick"),
    FULL_NOTIONAL("fullNotional", "notional of whole-position liquidations this tick, USD"),
    BACKSTOP_LIQUIDATIONS("backstopLiquidations", "positions handed to the backstop this tick"),
    BACKSTOP_NOTIONAL("backstopNotional", "notional handed to the backstop this tick, USD"),
    CUMULATIVE_LIQUIDATED_NOTIONAL("cumulativeLiquidatedNotional", "all liquidated notional so far, USD"),
    INSURANCE_FUND("insuranceFund", "insurance fund balance, USD"),
    ADL_COUNT("adlCount", "ADL fills against opposing positions this tick"),
    ADL_NOTIONAL("adlNotional", "notional closed by ADL this tick, USD"),
    CUMULATIVE_BAD_DEBT("cumulativeBadDebt", "losses neither the fund nor ADL covered, so far, USD"),
    OPEN_INTEREST_LONG("openInterestLong", "open long notional at the mark, USD"),
    OPEN_INTEREST_SHORT("openInterestShort", "open short notional at the mark, USD"),
    BID_DEPTH_1PCT("bidDepth1pct", "resting bids within 1% below the mid, USD"),
    ASK_DEPTH_1PCT("askDepth1pct", "resting asks within 1% above the mid, USD"),
    R_DOWN("rDown", "long liquidation notional within 1% below the mark / bids within 1%"),
    R_UP("rUp", "short liquidation notional within 1% above the mark / asks within 1%"),
    R("r", "cascade ratio in the direction the price is moving (rDown when the mid is below the mark)"),
    BACKSTOP_VAULT("backstopVault", "value of what the backstop took over, at the mark, USD"),
    MONEY_IMBALANCE("moneyImbalance", "sum of every account's change; zero when money is conserved, USD");

    private final String header;
    private final String description;

    FrameColumn(String header, String description) {
        this.header = header;
        this.description = description;
    }

    /** CSV header and JSON name. */
    public String header() {
        return header;
    }

    public String description() {
        return description;
    }
}
