package io.liqlab.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/** Rounds computed values to 12 significant digits, far below a cent, so that 3.5 prints as 3.5, not 3.5000000000000004. */
final class JsonNumbers {
    private static final MathContext DIGITS = new MathContext(12);

    private JsonNumbers() {
    }

    static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(DIGITS).doubleValue();
    }

    /** Plain decimal text for CSV: 57900, 3.5, 0.0012; empty for NaN. */
    static String plain(double v) {
        return io.liqlab.core.Numbers.plain(v);
    }
}
