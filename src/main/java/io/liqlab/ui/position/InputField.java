package io.liqlab.ui.position;

/** The text inputs of the position form; each has its own validation message. */
public enum InputField {
    ENTRY("Entry price"),
    MARK("Mark price"),
    SIZE("Size"),
    LEVERAGE("Leverage"),
    MARGIN("Margin"),
    WALLET("Wallet balance"),
    OTHER_MAINTENANCE("Other positions' maintenance"),
    OTHER_UPNL("Other positions' unrealized PnL"),
    OPENING_FEE("Opening fee"),
    FUNDING_RATE("Funding rate"),
    HOLDING_HOURS("Holding time");

    private final String label;

    InputField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The form field that an engine input name belongs to. */
    static InputField forModelField(String field) {
        return switch (field) {
            case "entryPrice" -> ENTRY;
            case "markPrice" -> MARK;
            case "quantity", "notional" -> SIZE;
            case "leverage" -> LEVERAGE;
            case "margin", "extraMargin" -> MARGIN;
            case "wallet" -> WALLET;
            case "otherMaintenance" -> OTHER_MAINTENANCE;
            case "otherUnrealizedPnl" -> OTHER_UPNL;
            case "openingFee" -> OPENING_FEE;
            case "fundingRate", "fundingPaid" -> FUNDING_RATE;
            case "fundingIntervals" -> HOLDING_HOURS;
            default -> ENTRY;
        };
    }
}
