package io.liqlab.ui.position;

import java.time.Instant;

/**
 * Where the Position form's "Fetch mark" asks a market's mark price. The composition root hands in the network one
 * (io.liqlab.update.MarkPriceFetch); it is called only when the user asks, off the FX thread. Tests hand in their own.
 */
public interface MarkPriceSource {

    /** A mark price and when the venue gave it. */
    record Quote(double price, Instant at) {
    }

    /** One line naming the venue and the cause ("bybit-linear: rate limited by api.bybit.com (HTTP 429) ..."). */
    final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether mark prices of {@code venue} ("bybit-linear") can be fetched at all. */
    boolean covers(String venue);

    /** The mark price of {@code symbol} at {@code venue}, now. Blocks: never called on the FX thread. */
    Quote fetch(String venue, String symbol) throws Unavailable, InterruptedException;

    /** No network: for screens and tests that never fetch. */
    MarkPriceSource NONE = new MarkPriceSource() {
        @Override
        public boolean covers(String venue) {
            return false;
        }

        @Override
        public Quote fetch(String venue, String symbol) throws Unavailable {
            throw new Unavailable(venue + ": fetching mark prices is not available here");
        }
    };
}
