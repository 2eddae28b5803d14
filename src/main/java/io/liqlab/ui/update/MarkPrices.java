package io.liqlab.ui.update;

import io.liqlab.ui.position.MarkPriceSource;
import io.liqlab.update.MarkPriceFetch;
import io.liqlab.update.VenueFetch;

import java.util.Map;

/**
 * The Position form's "Fetch" beside Mark, over the network: {@link MarkPriceFetch} behind the form's
 * {@link MarkPriceSource}. Here because only io.liqlab.ui.update (and the CLI) may reach io.liqlab.update
 * (LayeringTest); nothing connects until the user clicks, and the HTTP client is made on the first fetch.
 */
public final class MarkPrices implements MarkPriceSource {

    private final MarkPriceFetch fetch;

    /** @param environment where the hosts may be changed ({@code LIQLAB_BASE_URL_BYBIT_LINEAR}, ...), as for {@code profiles update} */
    public MarkPrices(Map<String, String> environment) {
        this.fetch = MarkPriceFetch.fromEnvironment(environment);
    }

    @Override
    public boolean covers(String venue) {
        return MarkPriceFetch.covers(venue);
    }

    @Override
    public Quote fetch(String venue, String symbol) throws Unavailable, InterruptedException {
        try {
            MarkPriceFetch.Mark m = fetch.fetch(venue, symbol);
            return new Quote(m.price(), m.at());
        } catch (VenueFetch.Failure f) {
            throw new Unavailable(f.getMessage());
        }
    }
}
