package io.liqlab.core.reconcile;

import io.liqlab.core.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a venue displays a liquidation or bankruptcy price: the exact figure moved to the market's tick, toward the
 * mark. One small table (the venue-rules format has no field for it):
 * <ul>
 *   <li>OKX ({@code okx-*}): "one tick past": moved to the next tick toward the mark (57,889.43 at tick 0.1 shows
 *       57,889.5 for a long, whose mark is above). A price already on a tick is read as staying there; the issue's
 *       wording does not settle that case.</li>
 *   <li>Bybit ({@code bybit-*}): rounded to the nearest tick (half toward the mark).</li>
 *   <li>Every other venue: no recorded rule; the exact figure (Hyperliquid sends 74501.802790436 in
 *       {@code clearinghouseState}, unrounded).</li>
 * </ul>
 * Source: real OKX and Bybit position snapshots as described in LiqLab issue 18 part 4; not checked here against
 * a recorded snapshot (none is in {@code ../shared/reference/venue-responses/}).
 */
public final class VenueDisplay {

    /** A venue's display rule. */
    public enum Rule {
        ONE_TICK_PAST("moved to the next tick toward the mark (OKX)"),
        ROUNDED("rounded to the nearest tick (Bybit)"),
        EXACT("no recorded display rule: the exact figure");

        private final String words;

        Rule(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private VenueDisplay() {
    }

    /** The rule of a venue, by its venue-rules id ("okx-swap", "bybit-linear"); empty or unknown: {@link Rule#EXACT}. */
    public static Rule ruleFor(String venueRulesId) {
        String v = venueRulesId == null ? "" : venueRulesId.toLowerCase(Locale.ROOT);
        if (v.startsWith("okx")) {
            return Rule.ONE_TICK_PAST;
        }
        if (v.startsWith("bybit")) {
            return Rule.ROUNDED;
        }
        return Rule.EXACT;
    }

    /**
     * {@code price} (a liquidation or bankruptcy price of a {@code side} position: below the mark for a long, above
     * for a short) as the venue shows it. NaN price stays NaN; a tick that is NaN or not above 0 leaves the price exact.
     */
    public static double shown(Rule rule, double price, Side side, double tick) {
        if (Double.isNaN(price) || rule == Rule.EXACT || !(tick > 0) || !Double.isFinite(tick)) {
            return price;
        }
        BigDecimal t = BigDecimal.valueOf(tick);
        // to 9 significant digits of ticks first: 57889.4 / 0.1 is 578893.9999... in binary
        BigDecimal ticks = BigDecimal.valueOf(price).divide(t, 9, RoundingMode.HALF_EVEN);
        boolean towardUp = side == Side.LONG; // the mark is above a long's liquidation, below a short's
        BigDecimal n = switch (rule) {
            // "one tick past": to the next tick toward the mark; a price already on a tick stays (nothing to move)
            case ONE_TICK_PAST -> ticks.setScale(0, towardUp ? RoundingMode.CEILING : RoundingMode.FLOOR);
            case ROUNDED -> ticks.setScale(0, towardUp ? RoundingMode.HALF_UP : RoundingMode.HALF_DOWN);
            case EXACT -> ticks;
        };
        return n.multiply(t).doubleValue();
    }
}
