package io.liqlab.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An order sent at the size it was just previewed is applied from the preview's outcome instead of walking the
 * book again ({@link OrderBook}'s replay). Two books take the same orders, one previewing each first (and the
 * preview repeated, as the liquidation paths do), the other sending them blind: every fill, every mid and the
 * depth left on every band must stay the same bits, through orders inside one level, across many, through a whole
 * side of the book (the floor and the top of the grid), and with time passing between orders.
 */
class OrderBookReplayTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anOrderSentAsPreviewedIsTheBlindOrderBitForBit(long seed) throws Exception {
        Scenario.Book spec = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow().book()
                .withDepthMultiplier(0.05);
        double start = 100_000;
        OrderBook previewed = new OrderBook(spec, start);
        OrderBook blind = new OrderBook(spec, start);
        SplittableRandom random = new SplittableRandom(seed);
        double now = 0;
        for (int k = 0; k < 1_500; k++) {
            if (random.nextInt(8) == 0) {
                now += 1;
                double stress = 1 - 0.5 * random.nextDouble();
                previewed.setStress(stress);
                blind.setStress(stress);
            }
            int side = random.nextBoolean() ? 1 : -1;
            // Mostly small orders (inside the first level), some across many levels, a few through a whole side.
            double notional = switch (random.nextInt(20)) {
                case 0 -> 1e12;
                case 1, 2, 3 -> 1e5 * Math.exp(8 * random.nextDouble());
                default -> 1e3 * random.nextDouble();
            };
            double quantity = notional / blind.mid();
            double expected = side > 0 ? blind.sell(quantity, now, true) : blind.buy(quantity, now, true);
            double preview = order(previewed, side, quantity / 2, now, false); // another size first
            preview = order(previewed, side, quantity, now, false);
            double again = order(previewed, side, quantity, now, false);
            double filled = order(previewed, side, quantity, now, true);
            assertEquals(expected, preview, 0.0, "preview at " + k);
            assertEquals(expected, again, 0.0, "repeated preview at " + k);
            assertEquals(expected, filled, 0.0, "fill at " + k);
            assertEquals(blind.mid(), previewed.mid(), 0.0, "mid at " + k);
            assertEquals(blind.lastPreviewPrice(), previewed.lastPreviewPrice(), 0.0, "last price at " + k);
            assertEquals(blind.takeExhausted(), previewed.takeExhausted(), "ran out at " + k);
            for (double band : k % 50 == 0 ? new double[]{0.01, 1, 100} : new double[]{0.01, 1, 5}) {
                assertEquals(blind.bidDepthWithin(band, now), previewed.bidDepthWithin(band, now), 0.0, "bids within " + band + "% at " + k);
                assertEquals(blind.askDepthWithin(band, now), previewed.askDepthWithin(band, now), 0.0, "asks within " + band + "% at " + k);
            }
        }
    }

    private static double order(OrderBook book, int side, double quantity, double now, boolean apply) {
        return side > 0 ? book.sell(quantity, now, apply) : book.buy(quantity, now, apply);
    }

    /**
     * The fund's bisection (how much of an order the insurance fund can pay the loss of) skips the previews whose
     * answer the first level's closed form makes certain: it must end on the same bits as the bisection that previews
     * every size, on a twin book, on both sides, for limits anywhere from a hair above zero to beyond the whole
     * order's loss, and leave the book as the previews would.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theFundsBisectionEndsWhereThePreviewingOneEnds(long seed) throws Exception {
        Scenario.Book spec = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow().book();
        OrderBook book = new OrderBook(spec, 100_000);
        OrderBook twin = new OrderBook(spec, 100_000);
        SplittableRandom random = new SplittableRandom(seed);
        double now = 0;
        for (int k = 0; k < 1_500; k++) {
            now += random.nextInt(3);
            int side = random.nextBoolean() ? 1 : -1;
            double move = 2e5 * random.nextDouble() / book.mid();
            order(book, side, move, now, true);
            order(twin, side, move, now, true);
            // The whole order is previewed first, as closeWhole does (so the first level is kept), or not at all.
            double quantity = 1e8 * Math.exp(-8 * random.nextDouble()) / book.mid();
            if (random.nextInt(4) > 0) {
                order(book, side, quantity, now, false);
                order(twin, side, quantity, now, false);
            }
            double price = book.mid() * (1 + side * 0.01 * (random.nextDouble() - 0.2));
            double wholeLoss = side * (quantity * price - order(twin, side, quantity, now, false));
            double limit = Math.abs(wholeLoss) * Math.pow(10, -12 * random.nextDouble()) * (random.nextInt(10) == 0 ? 3 : 1);
            double expected = previewingBisection(twin, side, quantity, price, limit, now);
            assertEquals(expected, book.largestWithLossAtMost(side, quantity, price, limit, now), 0.0,
                    "order " + k + ": " + quantity + " at " + price + " within " + limit);
            assertEquals(twin.bidDepthWithin(2, now), book.bidDepthWithin(2, now), 0.0, "bids at " + k);
            assertEquals(twin.askDepthWithin(2, now), book.askDepthWithin(2, now), 0.0, "asks at " + k);
        }
    }

    /** The bisection as the simulator wrote it before: every size previewed. */
    private static double previewingBisection(OrderBook book, int s, double quantity, double price, double limit, double now) {
        double lo = 0;
        double hi = quantity;
        for (int k = 0; k < 40; k++) {
            double mid = (lo + hi) / 2;
            if (s * (mid * price - order(book, s, mid, now, false)) <= limit) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
