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
            throw new CommandLine.TypeConversionException("'" + value + "' is out of range (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
        return n.longValue();
    }
}
