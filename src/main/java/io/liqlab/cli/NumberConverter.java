package io.liqlab.cli;

import picocli.CommandLine;

import java.util.regex.Pattern;

/** Parses a number option; says "'abc' is not a number" instead of Java's exception text. */
final class NumberConverter implements CommandLine.ITypeConverter<Double> {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    @Override
    public Double convert(String value) {
        String v = value.trim().replace("_", "");
        if (!DECIMAL.matcher(v).matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number"
                    + (v.contains(",") ? " (write it without thousands separators, e.g. 60000)" : ""));
        }
        return Double.parseDouble(v);
    }
}
