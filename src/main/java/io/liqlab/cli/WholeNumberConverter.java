package io.liqlab.cli;

import picocli.CommandLine;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Parses a whole-number option (a count, a seed); says "'1.5' is not a whole number" instead of Java's text. */
final class WholeNumberConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Override
    public Long convert(String value) {
        String v = value.trim().replace("_", "");
        if (!INTEGER.matcher(v).matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number"
                    + (v.contains(",") ? " (write it without thousands separators, e.g. 100000)" : ""));
        }
        BigInteger n = new BigInteger(v);
        if (n.compareTo(MIN) < 0 || n.compareTo(MAX) > 0) {
            // The option's own range, where its help states one, is added by the command line's error handler.
            throw new CommandLine.TypeConversionException("'" + value + "' is beyond any 64-bit whole number");
        }
        return n.longValue();
    }
}
