package io.liqlab.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mark prices from a loopback server answering with the recorded venue responses (../shared/reference/venue-responses),
 * in the REST shapes the README names, and with the failures a user meets: 429, 500, malformed, slow. No test here
 * touches the internet.
 */
class MarkPriceFetchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** What the server answers next, whatever the path: status and body (null: the recorded response of the path). */
    private volatile int status = 200;
    private volatile String body;
    private volatile long delayMillis;

    private static String recorded(String file) throws IOException {
        return Files.readString(Path.of("src/test/resources/venue-responses/" + file));
    }

    @BeforeEach
    void start() throws IOException {
        // Binance and OKX answer with their recorded REST bodies as they are.
        String premiumIndex = recorded("binance-usdm/premiumIndex.json");
        String okx = recorded("okx-swap/mark-price.json");
        // Bybit's REST tickers list holds the same objects as the recorded WebSocket snapshot's data (README).
        JsonNode snapshot = JSON.readTree(recorded("bybit-linear/tickers.ws-snapshot.json"));
        ObjectNode bybit = JSON.createObjectNode();
        bybit.put("retCode", 0).put("retMsg", "OK");
        bybit.putObject("result").put("category", "linear").putArray("list").add(snapshot.path("data"));
        bybit.put("time", snapshot.path("ts").asLong());
        // Hyperliquid's metaAndAssetCtxs is [meta, [context per universe entry]]; the recorded context is BTC's.
        JsonNode meta = JSON.readTree(recorded("hyperliquid/meta.json"));
        JsonNode btcContext = JSON.readTree(recorded("hyperliquid/activeAssetCtx.ws.json")).path("data").path("ctx");
        ArrayNode contexts = JSON.createArrayNode();
        for (JsonNode asset : meta.path("universe")) {
            ObjectNode ctx = ((ObjectNode) btcContext).deepCopy();
            if (!asset.path("name").asString().equals("BTC")) {
                ctx.put("markPx", "1.5");
            }
            contexts.add(ctx);
        }
        ArrayNode hyperliquid = JSON.createArrayNode().add(meta).add(contexts);
        // dYdX's indexer body is the capture's "result" object.
        JsonNode dydx = JSON.readTree(recorded("dydx-v4/perpetualMarkets.json")).path("result");
        Map<String, String> byPath = Map.of("/fapi/v1/premiumIndex", premiumIndex, "/api/v5/public/mark-price", okx,
                "/v5/market/tickers", JSON.writeValueAsString(bybit), "/info", JSON.writeValueAsString(hyperliquid),
                "/v4/perpetualMarkets", JSON.writeValueAsString(dydx));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> answer(ex, byPath));
        server.start();
    }

    private void answer(HttpExchange ex, Map<String, String> byPath) throws IOException {
        try (ex) {
            String sent = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (sent.isEmpty() ? "" : " " + sent));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
            String text = body != null ? body : byPath.getOrDefault(ex.getRequestURI().getPath(), "{}");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (status == 429) {
                ex.getResponseHeaders().add("Retry-After", "5");
            }
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private MarkPriceFetch fetcher(Duration timeout) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return new MarkPriceFetch(Map.of("binance-usdm", url, "okx-swap", url + "/", "bybit-linear", url, "hyperliquid", url, "dydx-v4", url),
                timeout, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void eachVenuesMarkPriceWithItsTime() throws Exception {
        MarkPriceFetch f = fetcher(Duration.ofSeconds(5));
        MarkPriceFetch.Mark binance = f.fetch("binance-usdm", "BTCUSDT");
        assertEquals(11793.63104562, binance.price(), 1e-9);
        assertEquals(Instant.ofEpochMilli(1597370495002L), binance.at());
        MarkPriceFetch.Mark okx = f.fetch("okx-swap", "BTC-USDT-SWAP");
        assertEquals(84660.1, okx.price(), 1e-9);
        assertEquals(Instant.ofEpochMilli(1744590349506L), okx.at());
        MarkPriceFetch.Mark bybit = f.fetch("bybit-linear", "BTCUSDT");
        assertEquals(17217.33, bybit.price(), 1e-9);
        assertEquals(Instant.ofEpochMilli(1673272861686L), bybit.at());
        MarkPriceFetch.Mark hyperliquid = f.fetch("hyperliquid", "BTC");
        assertEquals(83757.0, hyperliquid.price(), 1e-9);
        assertEquals(NOW, hyperliquid.at(), "no time in the body: the time of the answer");
        MarkPriceFetch.Mark dydx = f.fetch("dydx-v4", "ETH-USD");
        assertTrue(dydx.price() > 0 && dydx.price() != 89919.2, "ETH's oracle price, not BTC's: " + dydx.price());
        assertEquals(JSON.readTree(recorded("dydx-v4/perpetualMarkets.json")).path("result").path("markets").path("ETH-USD")
                .path("oraclePrice").asDouble(), dydx.price(), 1e-9);
        assertEquals(List.of("GET /fapi/v1/premiumIndex?symbol=BTCUSDT", "GET /api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP",
                "GET /v5/market/tickers?category=linear&symbol=BTCUSDT", "POST /info {\"type\":\"metaAndAssetCtxs\"}",
                "GET /v4/perpetualMarkets?ticker=ETH-USD"), requests);
    }

    @Test
    void hyperliquidTakesTheContextAtTheCoinsIndex() throws Exception {
        MarkPriceFetch.Mark eth = fetcher(Duration.ofSeconds(5)).fetch("hyperliquid", "ETH");
        assertEquals(1.5, eth.price(), 1e-9, "ETH's context, not BTC's (the first)");
        Exception missing = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("hyperliquid", "NOPE"));
        assertTrue(missing.getMessage().startsWith("hyperliquid: ") && missing.getMessage().contains("lists no asset NOPE"), missing.getMessage());
    }

    @Test
    void rateLimitedSaysSoWithTheVenueAndRetryAfter() {
        status = 429;
        Exception e = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("bybit-linear", "ETHUSDT"));
        assertEquals("bybit-linear: rate limited by 127.0.0.1 (HTTP 429, retry after 5 s); nothing changed, try again later", e.getMessage());
    }

    @Test
    void aServerErrorNamesTheVenueAndTheStatus() {
        status = 500;
        Exception e = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("okx-swap", "ETH-USDT-SWAP"));
        assertTrue(e.getMessage().startsWith("okx-swap: server error at 127.0.0.1 (HTTP 500)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void malformedAndTruncatedBodiesAndAMissingPriceAreRefused() {
        body = "<html>maintenance</html>";
        Exception html = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("binance-usdm", "BTCUSDT"));
        assertTrue(html.getMessage().startsWith("binance-usdm: malformed body from http://127.0.0.1:"), html.getMessage());
        body = "{\"symbol\":\"BTCUSDT\",\"markPrice\":\"117";
        Exception cut = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("binance-usdm", "BTCUSDT"));
        assertTrue(cut.getMessage().startsWith("binance-usdm: truncated body from"), cut.getMessage());
        body = "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"ETH-USDT-SWAP\",\"markPx\":\"\",\"ts\":\"1\"}]}";
        Exception empty = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("okx-swap", "ETH-USDT-SWAP"));
        assertTrue(empty.getMessage().contains("the mark price of ETH-USDT-SWAP is '', not a price above 0"), empty.getMessage());
        body = "{\"retCode\":10001,\"retMsg\":\"params error: symbol invalid\",\"result\":{}}";
        Exception refused = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("bybit-linear", "NOPEUSDT"));
        assertTrue(refused.getMessage().startsWith("bybit-linear: ") && refused.getMessage().endsWith("answered retCode 10001: params error: symbol invalid"),
                refused.getMessage());
    }

    @Test
    void aSlowAnswerTimesOutAndSaysSo() {
        delayMillis = 2_000;
        long start = System.nanoTime();
        Exception e = assertThrows(VenueFetch.Failure.class, () -> fetcher(Duration.ofMillis(300)).fetch("dydx-v4", "BTC-USD"));
        assertTrue(e.getMessage().startsWith("dydx-v4: "), e.getMessage());
        assertTrue(e.getMessage().contains("within"), e.getMessage());
        assertTrue(System.nanoTime() - start < 1_900_000_000L, "gave up before the answer came");
    }

    @Test
    void offlineSaysCannotConnect() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        MarkPriceFetch f = new MarkPriceFetch(Map.of("bybit-linear", "http://127.0.0.1:" + port), Duration.ofSeconds(2), Clock.systemUTC());
        Exception e = assertThrows(VenueFetch.Failure.class, () -> f.fetch("bybit-linear", "BTCUSDT"));
        assertTrue(e.getMessage().startsWith("bybit-linear: cannot connect to 127.0.0.1") || e.getMessage().startsWith("bybit-linear: no connection"),
                e.getMessage());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0); // for stop()
    }

    @Test
    void venuesWithoutAPublicMarkAndProfilesWithoutASymbolAreRefusedBeforeAnyRequest() {
        MarkPriceFetch f = fetcher(Duration.ofSeconds(5));
        assertFalse(MarkPriceFetch.covers("gte"));
        assertTrue(MarkPriceFetch.covers("binance-usdm") && MarkPriceFetch.covers("dydx-v4"));
        assertThrows(VenueFetch.Failure.class, () -> f.fetch("gte", "BTC"));
        assertThrows(VenueFetch.Failure.class, () -> f.fetch("okx-swap", ""));
        assertEquals(List.of(), requests);
        assertEquals("LIQLAB_BASE_URL_BINANCE_USDM", MarkPriceFetch.environmentVariable("binance-usdm"));
        assertEquals("http://mirror.example", MarkPriceFetch.fromEnvironment(Map.of("LIQLAB_BASE_URL_BYBIT_LINEAR", "http://mirror.example/"))
                .baseUrl("bybit-linear"));
        assertEquals("https://fapi.binance.com", MarkPriceFetch.fromEnvironment(Map.of()).baseUrl("binance-usdm"));
    }

    private String[] cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new io.liqlab.cli.Cli(new java.io.PrintWriter(out), new java.io.PrintWriter(err), io.liqlab.TestProfiles::catalog).execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void profilesMarkPrintsOneLineAndFailsInOne() {
        String url = "bybit-linear=http://127.0.0.1:" + server.getAddress().getPort();
        String[] ok = cli("profiles", "mark", "bybit-linear-btc", "--base-url", url);
        assertEquals("0", ok[0], ok[2]);
        assertEquals("bybit-linear-btc  BTCUSDT  mark 17217.33  as of 2023-01-09T14:01:01.686Z\n", ok[1].replace("\r", ""));
        status = 500;
        String[] failed = cli("profiles", "mark", "bybit-linear-btc", "--base-url", url);
        assertEquals("1", failed[0]);
        assertTrue(failed[2].startsWith("error: bybit-linear: server error at 127.0.0.1 (HTTP 500)") && failed[2].strip().lines().count() == 1, failed[2]);
        int before = requests.size();
        String[] gte = cli("profiles", "mark", "gte-btc");
        assertEquals("2", gte[0]);
        assertTrue(gte[2].contains("gte-btc is not a market of"), gte[2]);
        String[] badUrl = cli("profiles", "mark", "bybit-linear-btc", "--base-url", "bybit=http://x");
        assertEquals("2", badUrl[0]);
        assertTrue(badUrl[2].startsWith("error: --base-url: expected VENUE=URL") || badUrl[2].contains("--base-url: expected VENUE=URL"), badUrl[2]);
        assertEquals(before, requests.size(), "bad input asks nothing");
    }
}
