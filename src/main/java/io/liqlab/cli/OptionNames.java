package io.liqlab.cli;

import io.liqlab.core.InvalidInputException;

import java.util.Map;

/** Maps the engine's input names to the options that set them, so messages name what the user typed. */
final class OptionNames {
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("side", "--side"),
            Map.entry("marginMode", "--mode"),
            Map.entry("entryPrice", "--entry"),
            Map.entry("markPrice", "--mark"),
            Map.entry("quantity", "--qty"),
            Map.entry("notional", "--notional"),
            Map.entry("leverage", "--leverage"),
            Map.entry("margin", "--margin"),
            Map.entry("extraMargin", "--extra-margin"),
            Map.entry("fundingPaid", "--funding-paid"),
            Map.entry("fundingRate", "--funding-rate"),
            Map.entry("fundingIntervals", "--funding-intervals"),
            Map.entry("openingFee", "--opening-fee"),
            Map.entry("wallet", "--wallet"),
            Map.entry("otherMaintenance", "--other-maintenance"),
            Map.entry("otherUnrealizedPnl", "--other-upnl"),
            Map.entry("maintenanceMarginRate", "--mmr"),
            Map.entry("maintenanceAmount", "--maintenance-amount"),
            Map.entry("openInterest", "--open-interest"));

    private OptionNames() {
    }

    static BadInputException translate(InvalidInputException e) {
        return new BadInputException(OPTIONS.getOrDefault(e.field(), e.field()) + ": " + e.problem());
    }
}
