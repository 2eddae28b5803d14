package io.liqlab.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A money option as typed: a number, optionally followed by its currency ({@code 0.05BTC}, {@code "500 USDT"}).
 * The currency lets {@code calc} refuse a quote-sized amount on a coin-margined market (margin in USDT for
 * BTCUSD_PERP) instead of reading 500 USDT as 500 BTC.
 *
 * @param currency upper-case, or null when none was typed
 */
record Amount(double value, String currency) {

    /** The number alone; the same message as {@link NumberConverter} for anything that is not one. */
    static final class Converter implements CommandLine.ITypeConverter<Amount> {
        private static final Pattern WITH_CURRENCY = Pattern.compile("(.*?\\d\\.?)\\s*([A-Za-z]{2,10})");

        @Override
        public Amount convert(String value) {
            Matcher m = WITH_CURRENCY.matcher(value.trim());
            if (m.matches() && !m.group(2).equalsIgnoreCase("e")) {
                return new Amount(new NumberConverter().convert(m.group(1)), m.group(2).toUpperCase(Locale.ROOT));
            }
            return new Amount(new NumberConverter().convert(value), null);
        }
    }
}
