package io.liqlab.cli;

import java.math.BigDecimal;
import io.liqlab.core.Numbers;
import java.math.RoundingMode;

/** Rounds computed values to 12 significant digits, far below a cent, so that 3.5 prints as 3.5, not 3.5000000000000004. */
final class JsonNumbers {
    private static final int DIGITS = 12;

    private JsonNumbers() {
    }

    static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return Numbers.significant(v, DIGITS).doubleValue();
    }

    /**
     * Money for JSON: rounded to the cent, written with two decimals and never with an exponent (1234567.80);
     * null for NaN or an infinity.
     */
    static BigDecimal cents(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        BigDecimal d = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN);
        return d.signum() == 0 ? BigDecimal.ZERO.setScale(2) : d;
    }

    /**
     * A coin amount for JSON (a coin-margined margin, PnL, wallet): rounded to 8 decimals, the satoshi (0.013, where
     * cents would say 0.01); a JSON number like {@link #round}'s. Only finite values.
     */
    static double coin(double v) {
        double d = new BigDecimal(v).setScale(8, RoundingMode.HALF_EVEN).doubleValue();
        return d == 0 ? 0 : d;
    }

    /**
     * A price or ratio for JSON: 12 significant digits, trailing zeros dropped, no exponent for large values
     * (60000, 57912.3456); null for NaN or an infinity.
     */
    static BigDecimal decimal(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = Numbers.significant(v, DIGITS);
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
