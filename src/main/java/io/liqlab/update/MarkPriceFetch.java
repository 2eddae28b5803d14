package io.liqlab.update;

import io.liqlab.update.VenueFetch.Failure;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A market's mark price, fetched when the user asks (the Position form's "Fetch" beside Mark, {@code profiles mark}),
 * from the venue's public endpoint named in ../shared/reference/venue-responses/README.md:
 * <ul>
 *   <li>Binance USD-M: {@code GET /fapi/v1/premiumIndex?symbol=BTCUSDT}, {@code markPrice} at {@code time} (ms);</li>
 *   <li>OKX: {@code GET /api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP}, {@code data[0].markPx} at
 *       {@code ts} (ms);</li>
 *   <li>Bybit: {@code GET /v5/market/tickers?category=linear&symbol=BTCUSDT}, {@code result.list[0].markPrice} at the
 *       envelope's {@code time} (ms);</li>
 *   <li>Hyperliquid: {@code POST /info {"type":"metaAndAssetCtxs"}}, the asset context at the coin's index in
 *       {@code universe}, {@code markPx} (no time in the body: the time of the answer);</li>
 *   <li>dYdX v4: the indexer's {@code GET /v4/perpetualMarkets?ticker=BTC-USD}, the market's {@code oraclePrice},
 *       the price dYdX margins with (no time in the body: the time of the answer).</li>
 * </ul>
 * Base URLs as for {@code profiles update} (the environment's {@code LIQLAB_BASE_URL_<VENUE>}, the same defaults), plus
 * Binance's public futures host. Every failure is one {@link Failure} line naming the venue and the cause.
 */
public final class MarkPriceFetch {

    /** Binance's public futures host (premiumIndex needs no key, unlike leverageBracket). */
    public static final String BINANCE_USDM = "binance-usdm";
    static final String BINANCE_DEFAULT = "https://fapi.binance.com";

    /** A mark price: the venue's, when the venue says it was (or the answer's time), and where it was asked. */
    public record Mark(String venue, String symbol, double price, Instant at, String url) {
    }

    private final HttpJson http;
    private final Map<String, String> baseUrls;
    private final Clock clock;

    /**
     * @param baseUrls per venue id ("bybit-linear"), replacing its public host (a mirror, or a test server)
     * @param timeout  to connect and for the answer to begin (the whole body within three times it)
     */
    public MarkPriceFetch(Map<String, String> baseUrls, Duration timeout, Clock clock) {
        this.http = new HttpJson(timeout, 1 << 26);
        this.baseUrls = Map.copyOf(baseUrls);
        this.clock = clock;
    }

    /** With the hosts the environment names ({@code LIQLAB_BASE_URL_BYBIT_LINEAR}, ...), 10 s, the real clock. */
    public static MarkPriceFetch fromEnvironment(Map<String, String> environment) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String venue : new String[] {BINANCE_USDM, "okx-swap", "bybit-linear", "hyperliquid", "dydx-v4"}) {
            String v = environment.get(environmentVariable(venue));
            if (v != null && !v.isBlank()) {
                urls.put(venue, v.strip());
            }
        }
        return new MarkPriceFetch(urls, Duration.ofSeconds(10), Clock.systemUTC());
    }

    /** The same hosts with another timeout. */
    public MarkPriceFetch withTimeout(Duration timeout) {
        return new MarkPriceFetch(baseUrls, timeout, clock);
    }

    /** The environment variable pointing a venue elsewhere, as {@code profiles update} reads it. */
    public static String environmentVariable(String venue) {
        return "LIQLAB_BASE_URL_" + venue.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether LiqLab knows where {@code venue} publishes mark prices (not GTE's testnet, not the textbook). */
    public static boolean covers(String venue) {
        return BINANCE_USDM.equals(venue) || VenueFetch.Venue.byId(venue) != null;
    }

    String baseUrl(String venue) {
        String b = baseUrls.get(venue);
        if (b == null) {
            VenueFetch.Venue v = VenueFetch.Venue.byId(venue);
            b = v != null ? v.defaultBaseUrl : BINANCE_DEFAULT;
        }
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The mark price of {@code symbol} ("ETHUSDT", "ETH-USDT-SWAP", "ETH", "ETH-USD") at {@code venue}. */
    public Mark fetch(String venue, String symbol) throws Failure, InterruptedException {
        if (!covers(venue)) {
            throw new Failure(venue + ": LiqLab knows no public mark price for this venue; type the mark");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new Failure(venue + ": this profile names no market symbol; choose one of the venue's markets");
        }
        String q = URLEncoder.encode(symbol, StandardCharsets.UTF_8);
        String base = baseUrl(venue);
        return switch (venue) {
            case BINANCE_USDM -> {
                String url = base + "/fapi/v1/premiumIndex?symbol=" + q;
                JsonNode n = HttpJson.json(venue, url, http.get(venue, url));
                if (n.isArray()) { // without a symbol Binance lists every market; with one, one object
                    n = find(n, "symbol", symbol);
                }
                if (n == null || !n.has("markPrice")) {
                    throw new Failure(venue + ": malformed body from " + url + ": no \"markPrice\" for " + symbol);
                }
                yield mark(venue, symbol, url, n.path("markPrice"), n.path("time"));
            }
            case "okx-swap" -> {
                String url = base + "/api/v5/public/mark-price?instType=SWAP&instId=" + q;
                JsonNode n = HttpJson.json(venue, url, http.get(venue, url));
                if (!"0".equals(n.path("code").asString(""))) {
                    throw new Failure(venue + ": " + url + " answered code " + n.path("code").asString("(none)") + ": " + n.path("msg").asString(""));
                }
                JsonNode row = find(n.path("data"), "instId", symbol);
                if (row == null) {
                    throw new Failure(venue + ": " + url + " has no mark price for " + symbol + " (no such swap?)");
                }
                yield mark(venue, symbol, url, row.path("markPx"), row.path("ts"));
            }
            case "bybit-linear" -> {
                String url = base + "/v5/market/tickers?category=linear&symbol=" + q;
                JsonNode n = HttpJson.json(venue, url, http.get(venue, url));
                if (!n.has("retCode")) {
                    throw new Failure(venue + ": malformed body from " + url + ": not Bybit's {\"retCode\", \"result\"} envelope");
                }
                if (n.path("retCode").asLong(-1) != 0) {
                    throw new Failure(venue + ": " + url + " answered retCode " + n.path("retCode").asString() + ": " + n.path("retMsg").asString(""));
                }
                JsonNode row = find(n.path("result").path("list"), "symbol", symbol);
                if (row == null) {
                    throw new Failure(venue + ": " + url + " has no ticker for " + symbol + " (no such market?)");
                }
                yield mark(venue, symbol, url, row.path("markPrice"), n.path("time"));
            }
            case "hyperliquid" -> {
                String url = base + "/info";
                JsonNode n = HttpJson.json(venue, url, http.post(venue, url, "{\"type\":\"metaAndAssetCtxs\"}"));
                JsonNode universe = n.path(0).path("universe");
                JsonNode contexts = n.path(1);
                if (!universe.isArray() || !contexts.isArray()) {
                    throw new Failure(venue + ": malformed body from " + url + ": not [meta, [asset contexts]]");
                }
                int index = -1;
                for (int i = 0; i < universe.size(); i++) {
                    if (symbol.equals(universe.get(i).path("name").asString(""))) {
                        index = i;
                        break;
                    }
                }
                if (index < 0) {
                    throw new Failure(venue + ": " + url + " lists no asset " + symbol);
                }
                if (index >= contexts.size()) {
                    throw new Failure(venue + ": malformed body from " + url + ": no asset context for " + symbol + " (index " + index + ")");
                }
                yield mark(venue, symbol, url, contexts.get(index).path("markPx"), null);
            }
            case "dydx-v4" -> {
                String url = base + "/v4/perpetualMarkets?ticker=" + q;
                JsonNode n = HttpJson.json(venue, url, http.get(venue, url));
                JsonNode markets = n.path("markets");
                if (!markets.isObject()) {
                    throw new Failure(venue + ": malformed body from " + url + ": no \"markets\"");
                }
                JsonNode m = markets.path(symbol);
                if (m.isMissingNode()) {
                    throw new Failure(venue + ": " + url + " lists no market " + symbol);
                }
                yield mark(venue, symbol, url, m.path("oraclePrice"), null);
            }
            default -> throw new Failure(venue + ": LiqLab knows no public mark price for this venue; type the mark");
        };
    }

    private static JsonNode find(JsonNode list, String key, String value) {
        if (!list.isArray()) {
            return null;
        }
        for (JsonNode row : list) {
            if (value.equals(row.path(key).asString(""))) {
                return row;
            }
        }
        return null;
    }

    /** The price (a decimal string or number, finite and above 0) and its time (ms since the epoch, or now). */
    private Mark mark(String venue, String symbol, String url, JsonNode price, JsonNode millis) throws Failure {
        double p;
        try {
            p = price.isNumber() ? price.asDouble() : Double.parseDouble(price.asString(""));
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (!Double.isFinite(p) || p <= 0) {
            throw new Failure(venue + ": malformed body from " + url + ": the mark price of " + symbol + " is '"
                    + (price.isMissingNode() ? "missing" : price.asString(price.toString())) + "', not a price above 0");
        }
        Instant at = clock.instant();
        if (millis != null && !millis.isMissingNode()) {
            try {
                long ms = millis.isNumber() ? millis.asLong() : Long.parseLong(millis.asString(""));
                if (ms > 0) {
                    at = Instant.ofEpochMilli(ms);
                }
            } catch (NumberFormatException e) {
                // no usable time in the body: the time of the answer
            }
        }
        return new Mark(venue, symbol, p, at, url);
    }
}
