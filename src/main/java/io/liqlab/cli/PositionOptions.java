package io.liqlab.cli;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import picocli.CommandLine.Option;

/**
 * The position options of {@code calc}, with the same names and meanings, shared by the {@code solve} questions.
 * Kept beside {@link CalcCommand} rather than replacing its fields, so {@code calc}'s help and contract stay as they are.
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
    @Option(names = "--notional", paramLabel = "N", converter = NumberConverter.class, description = "Size in quote currency at the entry price.")
    Double notional;
    @Option(names = "--leverage", paramLabel = "X", converter = NumberConverter.class, description = "Leverage; isolated margin = notional / leverage.")
    Double leverage;
    @Option(names = "--margin", paramLabel = "M", converter = NumberConverter.class, description = "Total isolated margin, added margin included (wins over --leverage).")
    Double margin;
    @Option(names = "--extra-margin", paramLabel = "M", converter = NumberConverter.class, description = "Margin added on top of notional / leverage (with --leverage).")
    Double extraMargin;
    @Option(names = "--mark", paramLabel = "P", converter = NumberConverter.class, description = "Mark price (default: the entry).")
    Double mark;
    @Option(names = "--mode", paramLabel = "isolated|cross", defaultValue = "isolated")
    String mode;
    @Option(names = "--wallet", paramLabel = "W", converter = NumberConverter.class, description = "Cross: wallet balance (max-size: the balance to spend).")
    Double wallet;
    @Option(names = "--other-maintenance", paramLabel = "X", converter = NumberConverter.class, description = "Cross: maintenance margin of the other positions.")
    Double otherMaintenance;
    @Option(names = "--other-upnl", paramLabel = "U", converter = NumberConverter.class, description = "Cross: unrealized PnL of the other positions.")
    Double otherUpnl;
    @Option(names = "--funding-paid", paramLabel = "F", converter = NumberConverter.class, description = "Funding paid so far (negative = received).")
    Double fundingPaid;
    @Option(names = "--funding-rate", paramLabel = "R", converter = NumberConverter.class, description = "Funding rate per interval as a fraction (with --funding-intervals).")
    Double fundingRate;
    @Option(names = "--funding-intervals", paramLabel = "K", converter = NumberConverter.class, description = "Funding intervals held.")
    Double fundingIntervals;
    @Option(names = "--opening-fee", paramLabel = "F", converter = NumberConverter.class, description = "Opening fee taken from the margin.")
    Double openingFee;
    @Option(names = "--mmr", paramLabel = "R", converter = NumberConverter.class, description = "Maintenance rate replacing the profile's tiers.")
    Double mmr;
    @Option(names = "--maintenance-amount", paramLabel = "A", converter = NumberConverter.class, description = "Maintenance amount going with --mmr.")
    Double maintenanceAmount;
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

    /** The position as {@code calc} builds it; bad input names the option. */
    Position build() {
        return build(null, null);
    }

    /**
     * As {@link #build()}, with stand-ins for what the question solves for: a size ({@code notional}) when none is
     * given, an isolated margin when neither leverage nor margin is given. Null: nothing stands in.
     */
    Position build(Double standInNotional, Double standInMargin) {
        try {
            Position.Builder b = Position.builder()
                    .side(Side.parse(side))
                    .mode(MarginMode.parse(mode))
                    .entryPrice(entry);
            set(qty, b::quantity);
            set(qty == null && notional == null ? standInNotional : notional, b::notional);
            set(leverage, b::leverage);
            set(margin == null && leverage == null && !"cross".equalsIgnoreCase(mode.strip()) ? standInMargin : margin, b::margin);
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

    private static void set(Double v, java.util.function.DoubleFunction<Position.Builder> setter) {
        if (v != null) {
            setter.apply(v);
        }
    }
}
