package io.liqlab.ui.position;

import io.liqlab.ui.Text;

/** The text inputs of the position form; each has its own validation message. */
public enum InputField {
    ENTRY, MARK, SIZE, LEVERAGE, MARGIN, WALLET, OTHER_MAINTENANCE, OTHER_UPNL, OPENING_FEE, FUNDING_RATE, HOLDING_HOURS;

    /** The field's name on screen, as its validation message starts ("Entry price must be ..."). */
    public String label() {
        return switch (this) {
            case ENTRY -> Text.get("position.field.entry");
            case MARK -> Text.get("position.field.mark");
            case SIZE -> Text.get("position.field.size");
            case LEVERAGE -> Text.get("position.field.leverage");
            case MARGIN -> Text.get("position.field.margin");
            case WALLET -> Text.get("position.field.wallet");
            case OTHER_MAINTENANCE -> Text.get("position.field.otherMaintenance");
            case OTHER_UPNL -> Text.get("position.field.otherUpnl");
            case OPENING_FEE -> Text.get("position.field.openingFee");
            case FUNDING_RATE -> Text.get("position.field.fundingRate");
            case HOLDING_HOURS -> Text.get("position.field.holdingHours");
        };
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
