package io.liqlab.core;

import java.util.Locale;

/** Isolated: the position has its own collateral. Cross: the account's wallet backs every position. */
public enum MarginMode {
    ISOLATED,
    CROSS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MarginMode parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "isolated" -> { return ISOLATED; }
                case "cross" -> { return CROSS; }
                default -> { }
            }
        }
        throw new InvalidInputException("marginMode", "must be isolated or cross, got '" + text + "'");
    }
}
