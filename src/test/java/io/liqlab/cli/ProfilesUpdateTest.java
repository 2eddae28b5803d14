package io.liqlab.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.liqlab.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code profiles update} against a real HTTP server on the loopback interface serving the recorded venue responses
 * (src/test/resources/venue-responses) in each venue's live shape, and broken variants of them: 429, 500, a body cut
 * off mid-transfer, a body cut off mid-JSON, a malformed body, a server slower than the timeout, nobody listening.
 * No test here touches the internet: every base URL points at 127.0.0.1.
 */
class ProfilesUpdateTest {
    private static final Path RESPONSES = Path.of("src/test/resources/venue-responses");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the server does for a path: answer normally, or one of the failures. */
    enum Mode { OK, STATUS_429, STATUS_500, CUT_TRANSFER, CUT_JSON, MALFORMED, SLOW }

    private HttpServer server;
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> okxTierTimes = Collections.synchronizedList(new ArrayList<>());
    private volatile String hyperliquidRequestBody;
    /** Bybit's recorded rows, split into two cursor pages (ETH, then BTC) as the live endpoint pages them. */
    private volatile byte[] bybitPage1;
    private volatile byte[] bybitPage2;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        bybitPages(null);
        byte[] instruments = Files.readAllBytes(RESPONSES.resolve("okx-swap/instruments.json"));
        Map<String, ArrayNode> okxByFamily = okxTiersByFamily();
        byte[] meta = Files.readAllBytes(RESPONSES.resolve("hyperliquid/meta.json"));
        byte[] markets = JSON.writeValueAsBytes(JSON.readTree(RESPONSES.resolve("dydx-v4/perpetualMarkets.json").toFile()).get("result"));
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery() == null ? "" : URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            requests.add(ex.getRequestMethod() + " " + path + (query.isEmpty() ? "" : "?" + query));
            byte[] body;
            switch (path) {
                case "/api/v5/public/instruments" -> body = instruments;
                case "/api/v5/public/position-tiers" -> {
                    okxTierTimes.add(System.nanoTime());
                    ArrayNode data = JSON.createArrayNode();
                    String families = query.replaceAll(".*instFamily=([^&]*).*", "$1");
                    for (String f : families.split(",")) {
                        if (okxByFamily.containsKey(f)) {
                            data.addAll(okxByFamily.get(f));
                        }
                    }
                    ObjectNode env = JSON.createObjectNode();
                    env.put("code", "0");
                    env.put("msg", "");
                    env.set("data", data);
                    body = JSON.writeValueAsBytes(env);
                }
                case "/v5/market/risk-limit" -> {
                    body = query.contains("cursor=") ? bybitPage2 : bybitPage1;
                    if (query.contains("cursor=") && modes.containsKey("/v5/market/risk-limit#2")) {
                        answer(ex, modes.get("/v5/market/risk-limit#2"), body);
                        return;
                    }
                }
                case "/info" -> {
                    hyperliquidRequestBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    body = meta;
                }
                case "/v4/perpetualMarkets" -> body = markets;
                default -> {
                    ex.sendResponseHeaders(404, -1);
                    ex.close();
                    return;
                }
            }
            answer(ex, modes.getOrDefault(path, Mode.OK), body);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private static void answer(HttpExchange ex, Mode mode, byte[] body) throws IOException {
        if (mode == Mode.CUT_TRANSFER) {
            // Headers promise the whole body; after half of it the handler fails and the server drops the connection,
            // as a broken proxy or a lost link would.
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("connection cut by the test");
        }
        try (ex) {
            switch (mode) {
                case OK -> send(ex, 200, body);
                case STATUS_429 -> {
                    ex.getResponseHeaders().add("Retry-After", "2");
                    send(ex, 429, "{\"code\":\"50011\",\"msg\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8));
                }
                case STATUS_500 -> send(ex, 500, "<html>Internal Server Error</html>".getBytes(StandardCharsets.UTF_8));
                case CUT_TRANSFER -> throw new AssertionError("handled above");
                case CUT_JSON -> send(ex, 200, java.util.Arrays.copyOf(body, body.length / 2));
                case MALFORMED -> send(ex, 200, "<html><body>Service moved</body></html>".getBytes(StandardCharsets.UTF_8));
                case SLOW -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    send(ex, 200, body);
                }
            }
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** The recorded freqtrade cache's {@code info} rows (the venue's rows as sent), in Bybit's own paged envelope. */
    private void bybitPages(java.util.function.Consumer<ObjectNode> editBtcFirstRow) throws IOException {
        JsonNode cache = JSON.readTree(RESPONSES.resolve("bybit-linear/risk-limit.json").toFile()).get("data");
        ArrayNode eth = JSON.createArrayNode();
        ArrayNode btc = JSON.createArrayNode();
        cache.get("ETH/USDT:USDT").forEach(r -> eth.add(r.get("info").deepCopy()));
        cache.get("BTC/USDT:USDT").forEach(r -> btc.add(r.get("info").deepCopy()));
        if (editBtcFirstRow != null) {
            editBtcFirstRow.accept((ObjectNode) btc.get(0));
        }
        bybitPage1 = bybitPage(eth, "page2token=");
        bybitPage2 = bybitPage(btc, "");
    }

    private static byte[] bybitPage(ArrayNode list, String next) {
        ObjectNode page = JSON.createObjectNode();
        page.put("retCode", 0);
        page.put("retMsg", "OK");
        ObjectNode result = page.putObject("result");
        result.put("category", "linear");
        result.set("list", list);
        result.put("nextPageCursor", next);
        page.putObject("retExtInfo");
        page.put("time", 1767009923000L); // 2025-12-29, the cache's date
        return JSON.writeValueAsBytes(page);
    }

    private static Map<String, ArrayNode> okxTiersByFamily() throws IOException {
        Map<String, ArrayNode> out = new java.util.LinkedHashMap<>();
        JsonNode cache = JSON.readTree(RESPONSES.resolve("okx-swap/position-tiers.json").toFile()).get("data");
        for (Map.Entry<String, JsonNode> e : cache.properties()) {
            for (JsonNode r : e.getValue()) {
                out.computeIfAbsent(r.get("info").get("instFamily").asString(), k -> JSON.createArrayNode()).add(r.get("info").deepCopy());
            }
        }
        return out;
    }

    record Run(int code, String out, String err) {
    }

    private Run update(String... extra) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> args = new ArrayList<>(List.of("profiles", "update", "--into", dir.toString()));
        for (String v : List.of("okx-swap", "bybit-linear", "hyperliquid", "dydx-v4")) {
            args.addAll(List.of("--base-url", v + "=" + base));
        }
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out), new PrintWriter(err), TestProfiles::catalog).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void fetchesEveryVenueThroughItsPagesAndWritesOneProfilePerMarket() throws IOException {
        Run r = update();
        assertEquals(0, r.code(), r.err());
        for (String id : List.of("okx-swap-btc", "okx-swap-eth", "bybit-linear-btc", "bybit-linear-eth", "hyperliquid-btc", "dydx-v4-btc",
                "dydx-v4-eth", "dydx-v4-sol")) {
            assertTrue(Files.isRegularFile(dir.resolve(id + ".json")), id + "\n" + r.out() + r.err());
        }
        // OKX: the instruments first (ctVal), then the linear families in one request of at most 5; the inverse BTC-USD is not asked for.
        assertTrue(requests.contains("GET /api/v5/public/instruments?instType=SWAP"), requests.toString());
        assertTrue(requests.contains("GET /api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=ETH-USDT,BTC-USDT"), requests.toString());
        // Bybit: two cursor pages, the second asked with the first page's cursor.
        assertTrue(requests.contains("GET /v5/market/risk-limit?category=linear"), requests.toString());
        assertTrue(requests.contains("GET /v5/market/risk-limit?category=linear&cursor=page2token="), requests.toString());
        assertEquals("{\"type\":\"meta\"}", hyperliquidRequestBody);
        // One line per market: id, market, tiers, max leverage, as-of; then a summary per venue.
        assertTrue(r.out().lines().anyMatch(l -> l.matches("okx-swap-btc\\s+BTC-USDT-SWAP\\s+10 tiers\\s+max 100x\\s+as of \\d{4}-\\d\\d-\\d\\d\\s+\\(added\\)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("bybit-linear-btc\\s+BTCUSDT\\s+10 tiers\\s+max \\d+x\\s+as of 2025-12-29\\s+\\(added\\)")), r.out());
        assertTrue(r.out().contains("bybit-linear: 2 markets written to " + dir + " (2 added, 0 with changed tiers, 0 unchanged; 2 requests)"), r.out());
        // The fetched OKX body gives the same tiers as importing the recorded cache with its instruments file.
        Path imported = Files.createTempDirectory(dir, "imp");
        Run imp = run("profiles", "import", "--format", "okx-position-tiers", RESPONSES.resolve("okx-swap/position-tiers.json").toString(),
                "--instruments", RESPONSES.resolve("okx-swap/instruments.json").toString(), "--into", imported.toString());
        assertEquals(0, imp.code(), imp.err());
        assertEquals(JSON.readTree(imported.resolve("okx-swap-btc.json").toFile()).get("tiers"), JSON.readTree(dir.resolve("okx-swap-btc.json").toFile()).get("tiers"));
        JsonNode prov = JSON.readTree(dir.resolve("okx-swap-btc.json").toFile()).get("provenance");
        assertTrue(prov.get("sources").get(0).asString().contains("fetched from http://127.0.0.1:"), prov.toString());
        // The written files are profiles the calculator uses.
        Run calc = run("calc", "--venue", dir.resolve("bybit-linear-eth.json").toString(), "--side", "long", "--entry", "3400",
                "--qty", "0.8", "--leverage", "20", "--format", "json");
        assertEquals(0, calc.code(), calc.err());
    }

    @Test
    void okxPagesAreSpacedWithinItsRateLimit() throws IOException {
        // Seven families: two position-tiers requests (5 + 2), at least 250 ms apart (OKX allows 10 per 2 s).
        ObjectNode inst = (ObjectNode) JSON.readTree(RESPONSES.resolve("okx-swap/instruments.json").toFile());
        ArrayNode data = (ArrayNode) inst.get("data");
        JsonNode btc = null;
        for (JsonNode i : data) {
            if (i.get("instId").asString().equals("BTC-USDT-SWAP")) {
                btc = i;
            }
        }
        for (String coin : List.of("AAA", "BBB", "CCC", "DDD", "EEE")) {
            ObjectNode copy = (ObjectNode) btc.deepCopy();
            copy.put("instFamily", coin + "-USDT");
            copy.put("instId", coin + "-USDT-SWAP");
            data.add(copy);
        }
        byte[] body = JSON.writeValueAsBytes(inst);
        server.removeContext("/");
        server.createContext("/", ex -> {
            String q = URLDecoder.decode(String.valueOf(ex.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
            requests.add(ex.getRequestURI().getPath() + "?" + q);
            if (ex.getRequestURI().getPath().equals("/api/v5/public/instruments")) {
                answer(ex, Mode.OK, body);
                return;
            }
            okxTierTimes.add(System.nanoTime());
            ArrayNode rows = JSON.createArrayNode();
            for (String f : q.replaceAll(".*instFamily=([^&]*).*", "$1").split(",")) {
                ObjectNode row = JSON.createObjectNode();
                row.put("tier", "1").put("minSz", "0").put("maxSz", "1000").put("mmr", "0.004").put("imr", "0.01").put("maxLever", "100")
                        .put("instFamily", f).put("instId", "");
                rows.add(row);
            }
            ObjectNode env = JSON.createObjectNode().put("code", "0").put("msg", "");
            env.set("data", rows);
            answer(ex, Mode.OK, JSON.writeValueAsBytes(env));
        });
        Run r = update("--venue", "okx-swap");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, okxTierTimes.size(), requests.toString());
        assertTrue(okxTierTimes.get(1) - okxTierTimes.get(0) >= 240_000_000L, "pages " + (okxTierTimes.get(1) - okxTierTimes.get(0)) / 1e6 + " ms apart");
        assertTrue(r.out().contains("okx-swap: 7 markets written"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("okx-swap-eee.json")));
    }

    @Test
    void aSecondUpdateKeepsThePreviousFilesAndSaysWhatChanged() throws IOException {
        assertEquals(0, update("--venue", "bybit-linear").code());
        byte[] first = Files.readAllBytes(dir.resolve("bybit-linear-btc.json"));
        bybitPages(row -> row.put("maintenanceMargin", "0.0035"));
        Run r = update("--venue", "bybit-linear");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bybit-linear-btc ") && l.endsWith("(tiers changed)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bybit-linear-eth ") && l.endsWith("(same tiers, date refreshed)")), r.out());
        assertTrue(r.out().contains("(0 added, 1 with changed tiers: bybit-linear-btc, 1 unchanged; 2 requests)"), r.out());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("previous/bybit-linear-btc.json")), "the replaced file is kept to go back to");
        assertEquals(0.0035, JSON.readTree(dir.resolve("bybit-linear-btc.json").toFile()).get("tiers").get(0).get("maintenanceMarginRate").asDouble());
        // previous/ is not read as a second copy of the user's profiles.
        Run list = run("calc", "--venue", dir.resolve("previous/bybit-linear-btc.json").toString(), "--side", "long", "--entry", "90000",
                "--qty", "0.1", "--leverage", "10", "--format", "json");
        assertEquals(0, list.code(), list.err());
    }

    private void assertFailsUntouched(String venue, String path, Mode mode, String cause, String... extra) throws IOException {
        Files.writeString(dir.resolve(venue + "-btc.json"), "the previous profile\n");
        modes.put(path, mode);
        List<String> args = new ArrayList<>(List.of("--venue", venue));
        args.addAll(List.of(extra));
        long t0 = System.nanoTime();
        Run r = update(args.toArray(String[]::new));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + venue + ": "), r.err());
        assertTrue(r.err().contains(cause), r.err());
        assertEquals("the previous profile\n", Files.readString(dir.resolve(venue + "-btc.json")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(venue + "-btc.json"), files.map(p -> p.getFileName().toString()).toList(), "nothing else written");
        }
        assertTrue(ms < 4_000, "took " + ms + " ms");
        modes.clear();
        Files.delete(dir.resolve(venue + "-btc.json"));
    }

    @Test
    void rateLimitedServerErrorAndBrokenBodiesEachGiveOneLineAndChangeNothing() throws IOException {
        assertFailsUntouched("okx-swap", "/api/v5/public/position-tiers", Mode.STATUS_429, "rate limited by 127.0.0.1 (HTTP 429, retry after 2 s)");
        assertFailsUntouched("bybit-linear", "/v5/market/risk-limit", Mode.STATUS_500, "server error at 127.0.0.1 (HTTP 500)");
        assertFailsUntouched("hyperliquid", "/info", Mode.CUT_TRANSFER, "was cut off");
        assertFailsUntouched("dydx-v4", "/v4/perpetualMarkets", Mode.CUT_JSON, "truncated body");
        assertFailsUntouched("okx-swap", "/api/v5/public/instruments", Mode.MALFORMED, "malformed body");
        // The second Bybit page fails after the first arrived: the first page is not written either.
        assertFailsUntouched("bybit-linear", "/v5/market/risk-limit#2", Mode.STATUS_500, "HTTP 500");
    }

    @Test
    void aServerSlowerThanTheTimeoutIsGivenUpOnInTime() throws IOException {
        // --timeout makes the 10 s default testable: the server waits 5 s, the client gives up after 0.5 s.
        assertFailsUntouched("dydx-v4", "/v4/perpetualMarkets", Mode.SLOW, "no answer from http://127.0.0.1:", "--timeout", "0.5");
    }

    @Test
    void nobodyListeningIsOffline() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        Files.writeString(dir.resolve("hyperliquid-btc.json"), "kept\n");
        Run r = run("profiles", "update", "--venue", "hyperliquid", "--base-url", "hyperliquid=http://127.0.0.1:" + port, "--into", dir.toString(),
                "--timeout", "1");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().matches("error: hyperliquid: cannot connect to 127\\.0\\.0\\.1 \\(offline, or the host is unreachable\\)\\R"), r.err());
        assertEquals("kept\n", Files.readString(dir.resolve("hyperliquid-btc.json")));
    }

    @Test
    void aCursorThatComesBackIsNotFollowedForever() {
        bybitPage2 = bybitPage1; // page 2 points at itself
        Run r = update("--venue", "bybit-linear");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bybit-linear: the cursor page2token= came back twice"), r.err());
        assertFalse(Files.exists(dir.resolve("bybit-linear-eth.json")));
        assertTrue(requests.size() <= 3, requests.toString());
    }

    @Test
    void binanceAndBadOptionsAreRefusedBeforeAnyConnection() {
        Run b = run("profiles", "update", "--venue", "binance-usdm", "--into", dir.toString());
        assertEquals(2, b.code());
        assertEquals(1, b.err().lines().count(), b.err());
        assertTrue(b.err().contains("signed request") && b.err().contains("profiles import --format binance-leverage-bracket"), b.err());
        assertEquals(2, run("profiles", "update", "--venue", "kraken", "--into", dir.toString()).code());
        Run url = run("profiles", "update", "--base-url", "okx-swap=ftp://mirror", "--into", dir.toString());
        assertEquals(2, url.code());
        assertTrue(url.err().contains("--base-url: 'ftp://mirror' is not an http(s) URL"), url.err());
        assertEquals(2, run("profiles", "update", "--timeout", "0", "--into", dir.toString()).code());
        assertTrue(requests.isEmpty(), requests.toString());
    }
}
