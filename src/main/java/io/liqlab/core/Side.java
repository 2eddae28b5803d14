package io.liqlab.core;

import java.util.Locale;

/** Which way a position points. {@link #sign()} is the {@code s} of LIQUIDATION.md: +1 long, -1 short. */
public enum Side {
    LONG(1),
    SHORT(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    public int sign() {
        return sign;
    }

    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code long} or {@code short}, any case. */
    public static Side parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "long", "buy" -> { return LONG; }
                case "short", "sell" -> { return SHORT; }
                default -> { }
            }
        }
        throw new InvalidInputException("side", "must be long or short, got '" + text + "'");
    }
}
