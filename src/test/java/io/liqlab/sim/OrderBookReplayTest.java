package io.liqlab.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * The fund's bisection asks whether an order's loss against a price is within what the fund holds, and the book
     * answers without a preview where the answer is certain: such an answer must be the preview's, for sizes inside
     * the first level, at limits far from the loss and a hair either side of it, on both sides of the book.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aLossTestAnsweredWithoutThePreviewIsThePreviewsAnswer(long seed) throws Exception {
        Scenario.Book spec = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow().book();
        OrderBook book = new OrderBook(spec, 100_000);
        SplittableRandom random = new SplittableRandom(seed);
        int answered = 0;
        int asked = 0;
        double now = 0;
        for (int k = 0; k < 3_000; k++) {
            now += 1;
            int side = random.nextBoolean() ? 1 : -1;
            double mid = book.mid();
            order(book, side, 2e5 * random.nextDouble() / mid, now, true); // moves the mid inside a level
            double whole = 1e8 / mid;
            order(book, side, whole, now, false); // keeps the first level, as closeWhole's preview does
            double price = book.mid() * (1 + side * 0.01 * (random.nextDouble() - 0.3));
            for (int j = 0; j < 20; j++) {
                double q = whole * Math.pow(2, -1 - 30 * random.nextDouble());
                double loss = side * (q * price - order(book, side, q, now, false));
                double[] limits = {loss, Math.nextUp(loss), Math.nextDown(loss), loss * (1 + 1e-13), loss * (1 - 1e-13),
                        loss + 1e-9 * q * price, loss - 1e-9 * q * price, 2 * Math.abs(loss), -2 * Math.abs(loss), 0};
                for (double limit : limits) {
                    int certain = book.lossWithinFirstLevelAtMost(side, q, price, limit, now);
                    asked++;
                    if (certain != 0) {
                        answered++;
                        assertEquals(loss <= limit, certain > 0, "q " + q + " limit " + limit + " loss " + loss);
                    }
                }
            }
        }
        assertTrue(answered > asked / 4, "answered " + answered + " of " + asked + " without a preview");
    }
}
