package io.liqlab.core;

import java.util.Arrays;
import java.util.Locale;

/** Auto-deleveraging: who is closed when the insurance fund cannot pay, and at what price. */
public record AdlRule(Ranking ranking, ClosePrice closePrice) {

    public enum Ranking {
        /** Binance: max(0,uPnL)/max(1,wallet) * MM/(wallet+uPnL). */
        PNL_TIMES_MARGIN_RATIO,
        /** Bybit: PnL% x effective leverage. */
        PNL_PERCENT_TIMES_LEVERAGE,
        /** Hyperliquid, GTE: unrealized PnL and leverage. */
        PNL_AND_LEVERAGE,
        /** dYdX: iterate from a pseudo-random start, no ranking. */
        PSEUDO_RANDOM,
        /** The venue does not publish its ranking (OKX). */
        UNPUBLISHED,
        /** Shares the loss across all opposing positions in proportion to size (a what-if, no venue uses it). */
        PRO_RATA,
        /** No ADL (the textbook). */
        NONE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Ranking parse(String id) {
            return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unknown ADL ranking '" + id + "'"));
        }
    }

    public enum ClosePrice {
        BANKRUPTCY,
        MARK,
        PREVIOUS_ORACLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static ClosePrice parse(String id) {
            return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unknown ADL close price '" + id + "'"));
        }
    }
}
