package io.liqlab.cli;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.profile.VenueProfile;
import picocli.CommandLine.Option;

/**
 * The position options of {@code calc} and how they become a {@link Position}: {@code calc} takes them as a mixin,
 * and so does every {@code solve} question, so the names, units and messages are the same everywhere.
 */
final class PositionOptions {

    @Option(names = "--venue", required = true, paramLabel = "ID|FILE", description = "Profile id (see 'profiles list') or a profile .json file.")
    String venue;
    @Option(names = "--side", required = true, paramLabel = "long|short")
    String side;
    @Option(names = "--entry", required = true, paramLabel = "P", converter = NumberConverter.class, description = "Entry price.")
    Double entry;
    @Option(names = "--qty", paramLabel = "Q", converter = NumberConverter.class, description = "Size in base units.")
    Double qty;
    @Option(names = "--notional", paramLabel = "N", converter = NumberConverter.class, description = "Size in quote currency at the entry price (coin-margined markets: the USD value).")
    Double notional;
    @Option(names = "--contracts", paramLabel = "C", converter = NumberConverter.class, description = "Coin-margined markets: size in contracts (each worth the market's contract value in USD).")
    Double contracts;
    @Option(names = "--leverage", paramLabel = "X", converter = NumberConverter.class, description = "Leverage; isolated margin = notional / leverage.")
    Double leverage;
    @Option(names = "--margin", paramLabel = "M", converter = Amount.Converter.class, description = "Total isolated margin, added margin included (wins over --leverage).")
    Amount margin;
    @Option(names = "--extra-margin", paramLabel = "M", converter = Amount.Converter.class, description = "Margin added on top of notional / leverage (with --leverage; --margin is already the total).")
    Amount extraMargin;
    @Option(names = "--mark", paramLabel = "P", converter = NumberConverter.class, description = "Mark price (default: the entry).")
    Double mark;
    @Option(names = "--mode", paramLabel = "isolated|cross", defaultValue = "isolated")
    String mode;
    @Option(names = "--wallet", paramLabel = "W", converter = Amount.Converter.class, description = "Cross: wallet balance.")
    Amount wallet;
    @Option(names = "--other-maintenance", paramLabel = "X", converter = Amount.Converter.class, description = "Cross: maintenance margin of the other positions.")
    Amount otherMaintenance;
    @Option(names = "--other-upnl", paramLabel = "U", converter = Amount.Converter.class, description = "Cross: unrealized PnL of the other positions.")
    Amount otherUpnl;
    @Option(names = "--funding-paid", paramLabel = "F", converter = Amount.Converter.class, description = "Funding paid so far (negative = received).")
    Amount fundingPaid;
    @Option(names = "--funding-rate", paramLabel = "R", converter = NumberConverter.class, description = "Funding rate per interval as a fraction, 0.0001 = 0.01%% (with --funding-intervals); a long pays it, a short receives it.")
    Double fundingRate;
    @Option(names = "--funding-intervals", paramLabel = "K", converter = NumberConverter.class, description = "Funding intervals held.")
    Double fundingIntervals;
    @Option(names = "--opening-fee", paramLabel = "F", converter = Amount.Converter.class, description = "Opening fee taken from the margin.")
    Amount openingFee;
    @Option(names = "--mmr", paramLabel = "R", converter = NumberConverter.class, description = "Maintenance rate replacing the profile's tiers.")
    Double mmr;
    @Option(names = "--maintenance-amount", paramLabel = "A", converter = Amount.Converter.class, description = "Maintenance amount going with --mmr.")
    Amount maintenanceAmount;
    @Option(names = "--open-interest", paramLabel = "OI", converter = NumberConverter.class, description = "Market open interest (dYdX initial-margin scaling).")
    Double openInterest;
    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
    String format;

    boolean json() {
        return Cli.format(format, "text", "json").equals("json");
    }

    boolean marginGiven() {
        return leverage != null || margin != null;
    }

    boolean cross() {
        return "cross".equalsIgnoreCase(mode.strip());
    }

    /** The size option the user gave, for a message about the size. */
    String sizeOption() {
        return contracts != null ? "--contracts" : notional != null ? "--notional" : "--qty";
    }

    /**
     * The position as {@code calc} builds it; bad input names the option. {@code standInNotional} stands in for a
     * size not given, {@code standInMargin} for an isolated margin when neither leverage nor margin is given (what
     * a {@code solve} question solves for); null: nothing stands in.
     */
    Position build(VenueProfile profile, Double standInNotional, Double standInMargin) {
        boolean inverse = profile.rules().inverse();
        String marginCurrency = inverse ? profile.listing().base() : profile.listing().quote();
        checkUnits(profile, inverse, marginCurrency);
        try {
            Position.Builder b = Position.builder()
                    .side(Side.parse(side))
                    .mode(MarginMode.parse(mode))
                    .entryPrice(entry)
                    .inverse(inverse);
            set(qty, b::quantity);
            set(qty == null && notional == null && contracts == null ? standInNotional : notional, b::notional);
            if (contracts != null) {
                if (!(contracts > 0) || !Double.isFinite(contracts)) {
                    throw new BadInputException("--contracts: must be a number of contracts greater than 0, got " + Numbers.plain(contracts));
                }
                b.notional(contracts * profile.rules().contract().contractValue());
            }
            set(leverage, b::leverage);
            if (margin != null) {
                b.margin(margin.value());
            } else if (leverage == null && standInMargin != null && !"cross".equalsIgnoreCase(mode.strip())) {
                b.margin(standInMargin);
            }
            set(extraMargin, b::extraMargin);
            set(mark, b::markPrice);
            set(wallet, b::wallet);
            set(otherMaintenance, b::otherMaintenance);
            set(otherUpnl, b::otherUnrealizedPnl);
            set(fundingPaid, b::fundingPaid);
            set(openingFee, b::openingFee);
            set(openInterest, b::openInterest);
            if (fundingRate != null || fundingIntervals != null) {
                b.fundingRate(orNaN(fundingRate), orNaN(fundingIntervals));
            }
            if (mmr != null || maintenanceAmount != null) {
                b.maintenanceOverride(orNaN(mmr), orNaN(maintenanceAmount));
            }
            return b.build();
        } catch (InvalidInputException e) {
            throw OptionNames.translate(e);
        }
    }

    /** Refuses an option the question does not take (it solves for it, or it has no meaning there). */
    static void refuse(Object value, String option, String why) {
        if (value != null) {
            throw new BadInputException(option + ": not with this question: " + why);
        }
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double orNaN(Amount v) {
        return v == null ? Double.NaN : v.value();
    }

    private static void set(Amount v, java.util.function.DoubleFunction<Position.Builder> setter) {
        if (v != null) {
            setter.apply(v.value());
        }
    }

    /**
     * Sizes and amounts in the units of the market: a coin-margined market is sized in contracts or USD and
     * margined in the coin, so a base-unit quantity and an amount typed in another currency (margin in USDT) are
     * refused, naming the option and what it takes.
     */
    void checkUnits(VenueProfile profile, boolean inverse, String marginCurrency) {
        String symbol = profile.listing().symbol() == null ? profile.name() : profile.listing().symbol();
        if (inverse && qty != null) {
            throw new BadInputException("--qty: " + symbol + " is coin-margined and sized in contracts of "
                    + Numbers.plain(profile.rules().contract().contractValue()) + " USD: give --contracts N or --notional USD (the USD value)");
        }
        if (!inverse && contracts != null) {
            throw new BadInputException("--contracts: applies to coin-margined (inverse) markets only; " + symbol
                    + " is sized with --qty (base units) or --notional (quote currency)");
        }
        if (inverse && contracts != null && notional != null) {
            throw new BadInputException("--contracts: give the size as contracts or as --notional (USD), not both");
        }
        String[][] amounts = {{"--margin", null}, {"--extra-margin", null}, {"--wallet", null}, {"--other-maintenance", null},
                {"--other-upnl", null}, {"--funding-paid", null}, {"--opening-fee", null}, {"--maintenance-amount", null}};
        Amount[] values = {margin, extraMargin, wallet, otherMaintenance, otherUpnl, fundingPaid, openingFee, maintenanceAmount};
        for (int i = 0; i < values.length; i++) {
            Amount a = values[i];
            if (a == null || a.currency() == null || marginCurrency == null || a.currency().equals(marginCurrency)) {
                continue;
            }
            throw new BadInputException(amounts[i][0] + ": " + (inverse
                    ? symbol + " is coin-margined: amounts are in " + marginCurrency + " (a number, or with the suffix " + marginCurrency
                      + "), not " + a.currency()
                    : symbol + " is margined in " + marginCurrency + ": give the amount in " + marginCurrency + ", not " + a.currency()));
        }
    }

    private static void set(Double v, java.util.function.DoubleFunction<Position.Builder> setter) {
        if (v != null) {
            setter.apply(v);
        }
    }

}
