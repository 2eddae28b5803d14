package io.liqlab.update;

import io.liqlab.profile.ProfileIds;
import io.liqlab.profile.VenueImport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Fetches a venue's current tier tables from its public endpoints (../shared/reference/venue-responses/README.md)
 * and hands back one body in the shape {@code profiles import} reads, so a fetched table goes through exactly the
 * same parsing and validation as an imported file. Every page of a venue is fetched and checked before anything is
 * returned; any failure is one {@link Failure} line naming the venue and the cause.
 *
 * <p>Only this package opens connections, and only when a user asks (LayeringTest keeps java.net.http here).
 * Every loop is bounded: Bybit's cursor pages by {@link #MAX_PAGES} and a repeated cursor, OKX's families by the
 * instruments list.
 */
public final class VenueFetch {

    /** A venue LiqLab can update, with its public host. Binance's bracket endpoint needs a signed request. */
    public enum Venue {
        OKX_SWAP(ProfileIds.OKX_SWAP, "https://www.okx.com", VenueImport.Format.OKX_POSITION_TIERS),
        BYBIT_LINEAR(ProfileIds.BYBIT_LINEAR, "https://api.bybit.com", VenueImport.Format.BYBIT_RISK_LIMIT),
        HYPERLIQUID(ProfileIds.HYPERLIQUID, "https://api.hyperliquid.xyz", VenueImport.Format.HYPERLIQUID_META),
        DYDX_V4(ProfileIds.DYDX_V4, "https://indexer.dydx.trade", VenueImport.Format.DYDX_PERPETUAL_MARKETS);

        public final String id;
        public final String defaultBaseUrl;
        public final VenueImport.Format format;

        Venue(String id, String defaultBaseUrl, VenueImport.Format format) {
            this.id = id;
            this.defaultBaseUrl = defaultBaseUrl;
            this.format = format;
        }

        public static Venue byId(String id) {
            for (Venue v : values()) {
                if (v.id.equals(id)) {
                    return v;
                }
            }
            return null;
        }

        public static String ids() {
            return String.join(", ", java.util.Arrays.stream(values()).map(v -> v.id).toList());
        }

        /** The environment variable that points this venue elsewhere (a mirror): LIQLAB_BASE_URL_OKX_SWAP. */
        public String environmentVariable() {
            return "LIQLAB_BASE_URL_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    /** One line naming the venue and the cause; nothing of the venue was kept. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** What a venue answered: one body in the importer's shape (and OKX's instruments), when, and how many requests. */
    public record Fetched(Venue venue, String url, byte[] body, byte[] instruments, Instant at, int requests) {
    }

    /**
     * What a fetch tells its caller while it runs, and how the caller stops it: asked before every request, so a
     * cancelled update stops between two pages (OKX and Bybit fetch many) and keeps nothing of the venue.
     */
    public interface Progress {
        /**
         * The {@code n}-th request of this venue (1-based) is about to go to {@code url}; {@code expected} is how
         * many the venue will take in all, once known (OKX, after its instruments), else -1.
         */
        void request(int n, int expected, String url);

        /** Whether the user cancelled; the fetch then ends with a {@link java.util.concurrent.CancellationException}. */
        boolean cancelled();

        Progress NONE = new Progress() {
            @Override
            public void request(int n, int expected, String url) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    /** At most this many pages of one venue (Bybit's cursor); a longer chain is refused, never followed forever. */
    public static final int MAX_PAGES = 200;
    /** OKX takes up to 5 instrument families per position-tiers request. */
    static final int OKX_FAMILIES_PER_REQUEST = 5;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The requests and their failures, worded once for this and {@link MarkPriceFetch}; its client is made on the first request. */
    private final HttpJson http;
    private final Duration timeout;
    private final Duration pageDelay;
    private final Map<Venue, String> baseUrls;
    private final long maxBytes;

    /**
     * @param timeout   to connect, and for the answer to begin; the whole body must arrive within three times it
     * @param pageDelay pause between two requests to one venue (OKX allows 10 requests per 2 s per IP)
     * @param baseUrls  per venue, replacing its public host (a mirror, or a test server)
     */
    public VenueFetch(Duration timeout, Duration pageDelay, Map<Venue, String> baseUrls, long maxBytes) {
        this.timeout = timeout;
        this.pageDelay = pageDelay;
        this.baseUrls = Map.copyOf(baseUrls);
        this.maxBytes = maxBytes;
        this.http = new HttpJson(timeout, maxBytes);
    }

    /** The defaults: 10 s, 250 ms between pages (8 requests per 2 s, within OKX's 10), bodies up to the importer's bound. */
    public static VenueFetch withDefaults(Map<Venue, String> baseUrls) {
        return new VenueFetch(Duration.ofSeconds(10), Duration.ofMillis(250), baseUrls, VenueImport.MAX_BYTES);
    }

    public String baseUrl(Venue v) {
        String b = baseUrls.getOrDefault(v, v.defaultBaseUrl);
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public Fetched fetch(Venue venue) throws Failure, InterruptedException {
        return fetch(venue, Progress.NONE);
    }

    /** As {@link #fetch(Venue)}, telling {@code progress} of each request and stopping between two when it is cancelled. */
    public Fetched fetch(Venue venue, Progress progress) throws Failure, InterruptedException {
        Requests r = new Requests(venue, progress);
        return switch (venue) {
            case OKX_SWAP -> okx(r);
            case BYBIT_LINEAR -> bybit(r);
            case HYPERLIQUID -> hyperliquid(r);
            case DYDX_V4 -> dydx(r);
        };
    }

    /** One fetch's requests: counted, reported, and refused once the caller has cancelled. */
    private static final class Requests {
        private final Venue venue;
        private final Progress progress;
        private int sent;
        private int expected = -1;

        Requests(Venue venue, Progress progress) {
            this.venue = venue;
            this.progress = progress;
        }

        void next(String url) {
            if (progress.cancelled()) {
                throw new java.util.concurrent.CancellationException(venue.id + ": cancelled; nothing changed");
            }
            progress.request(++sent, expected, url);
        }
    }

    // ---- per venue ---------------------------------------------------------------------------------------------

    private Fetched okx(Requests r) throws Failure, InterruptedException {
        Venue v = Venue.OKX_SWAP;
        Instant at = Instant.now();
        String instUrl = baseUrl(v) + "/api/v5/public/instruments?instType=SWAP";
        byte[] instruments = get(r, v, instUrl);
        JsonNode inst = json(v, instUrl, instruments);
        okxCode(v, instUrl, inst);
        Set<String> families = new LinkedHashSet<>();
        for (JsonNode i : inst.path("data")) {
            // Linear swaps settled in USDT or USDC; tiers of the others are not imported.
            String family = i.path("instFamily").asString("");
            if ("linear".equals(i.path("ctType").asString("")) && !family.isEmpty() && !"SWAP".equals(family)) {
                families.add(family);
            }
        }
        if (families.isEmpty()) {
            throw new Failure(v.id + ": " + instUrl + " listed no linear swap (no \"data\" with ctType linear)");
        }
        List<String> list = new ArrayList<>(families);
        r.expected = 1 + (list.size() + OKX_FAMILIES_PER_REQUEST - 1) / OKX_FAMILIES_PER_REQUEST;
        ArrayNode rows = MAPPER.createArrayNode();
        int requests = 1;
        for (int from = 0; from < list.size(); from += OKX_FAMILIES_PER_REQUEST) {
            pause();
            String group = String.join(",", list.subList(from, Math.min(list.size(), from + OKX_FAMILIES_PER_REQUEST)));
            String url = baseUrl(v) + "/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily="
                    + URLEncoder.encode(group, StandardCharsets.UTF_8);
            JsonNode page = json(v, url, get(r, v, url));
            requests++;
            okxCode(v, url, page);
            JsonNode data = page.path("data");
            if (!data.isArray()) {
                throw new Failure(v.id + ": malformed body from " + url + ": no \"data\" list");
            }
            rows.addAll((ArrayNode) data);
        }
        ObjectNode merged = MAPPER.createObjectNode();
        merged.put("code", "0");
        merged.put("msg", "");
        merged.set("data", rows);
        return new Fetched(v, baseUrl(v) + "/api/v5/public/position-tiers", MAPPER.writeValueAsBytes(merged), instruments, at, requests);
    }

    private static void okxCode(Venue v, String url, JsonNode page) throws Failure {
        if (!"0".equals(page.path("code").asString(""))) {
            throw new Failure(v.id + ": " + url + " answered code " + page.path("code").asString("(none)") + ": "
                    + page.path("msg").asString(""));
        }
    }

    private Fetched bybit(Requests r) throws Failure, InterruptedException {
        Venue v = Venue.BYBIT_LINEAR;
        Instant at = Instant.now();
        String base = baseUrl(v) + "/v5/market/risk-limit?category=linear";
        ArrayNode rows = MAPPER.createArrayNode();
        ObjectNode first = null;
        String cursor = "";
        Set<String> seen = new LinkedHashSet<>();
        int requests = 0;
        while (true) {
            if (requests == MAX_PAGES) {
                throw new Failure(v.id + ": more than " + MAX_PAGES + " pages of risk limits; stopped (the cursor never ended)");
            }
            if (requests > 0) {
                pause();
            }
            String url = cursor.isEmpty() ? base : base + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            JsonNode page = json(v, url, get(r, v, url));
            requests++;
            if (!(page instanceof ObjectNode o) || !page.has("retCode")) {
                throw new Failure(v.id + ": malformed body from " + url + ": not Bybit's {\"retCode\", \"result\"} envelope");
            }
            if (page.path("retCode").asLong(-1) != 0) {
                throw new Failure(v.id + ": " + url + " answered retCode " + page.path("retCode").asString() + ": " + page.path("retMsg").asString(""));
            }
            JsonNode list = page.path("result").path("list");
            if (!list.isArray()) {
                throw new Failure(v.id + ": malformed body from " + url + ": no \"result\".\"list\"");
            }
            if (first == null) {
                first = o;
            }
            rows.addAll((ArrayNode) list);
            String next = page.path("result").path("nextPageCursor").asString("");
            if (next.isEmpty()) {
                break;
            }
            if (!seen.add(next)) {
                throw new Failure(v.id + ": the cursor " + next + " came back twice; stopped rather than loop");
            }
            cursor = next;
        }
        ObjectNode merged = first.deepCopy();
        ObjectNode result = (ObjectNode) merged.path("result");
        result.set("list", rows);
        result.put("nextPageCursor", "");
        return new Fetched(v, base, MAPPER.writeValueAsBytes(merged), null, at, requests);
    }

    private Fetched hyperliquid(Requests r) throws Failure, InterruptedException {
        Venue v = Venue.HYPERLIQUID;
        Instant at = Instant.now();
        String url = baseUrl(v) + "/info";
        r.expected = 1;
        r.next(url);
        byte[] body = http.post(v.id, url, "{\"type\":\"meta\"}");
        json(v, url, body);
        return new Fetched(v, url, body, null, at, 1);
    }

    private Fetched dydx(Requests r) throws Failure, InterruptedException {
        Venue v = Venue.DYDX_V4;
        Instant at = Instant.now();
        String url = baseUrl(v) + "/v4/perpetualMarkets";
        r.expected = 1;
        byte[] body = get(r, v, url);
        json(v, url, body);
        return new Fetched(v, url, body, null, at, 1);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private void pause() throws InterruptedException {
        if (!pageDelay.isZero()) {
            Thread.sleep(pageDelay);
        }
    }

    private byte[] get(Requests r, Venue v, String url) throws Failure, InterruptedException {
        r.next(url);
        return http.get(v.id, url);
    }

    private static JsonNode json(Venue v, String url, byte[] body) throws Failure {
        return HttpJson.json(v.id, url, body);
    }

    /**
     * The base URLs set in the environment ({@code LIQLAB_BASE_URL_OKX_SWAP=...}): a user behind a mirror sets them
     * once for the CLI and the window alike. A malformed one is an {@link IllegalArgumentException} naming the variable.
     */
    public static Map<Venue, String> baseUrlsFromEnvironment() {
        Map<Venue, String> urls = new java.util.LinkedHashMap<>();
        for (Venue v : Venue.values()) {
            String env = System.getenv(v.environmentVariable());
            if (env != null && !env.isBlank()) {
                try {
                    urls.putAll(parseBaseUrls(List.of(v.id + "=" + env.strip())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(v.environmentVariable() + ": " + e.getMessage(), e);
                }
            }
        }
        return urls;
    }

    /** The base URLs given as VENUE=URL, checked; unknown venues are refused. */
    public static Map<Venue, String> parseBaseUrls(List<String> given) {
        Map<Venue, String> out = new LinkedHashMap<>();
        for (String g : given) {
            int eq = g.indexOf('=');
            Venue v = eq <= 0 ? null : Venue.byId(g.substring(0, eq));
            if (v == null) {
                throw new IllegalArgumentException("expected VENUE=URL with VENUE one of " + Venue.ids() + ", got '" + g + "'");
            }
            String url = g.substring(eq + 1);
            URI u;
            try {
                u = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + url + "' is not a URL");
            }
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                throw new IllegalArgumentException("'" + url + "' is not an http(s) URL with a host");
            }
            out.put(v, url);
        }
        return out;
    }
}
