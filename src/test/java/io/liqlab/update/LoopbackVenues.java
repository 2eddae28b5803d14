package io.liqlab.update;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hyperliquid's {@code POST /info} and dYdX's {@code /v4/perpetualMarkets} on the loopback interface, answering with the
 * recorded responses (src/test/resources/venue-responses), or a 500, or holding the answer until released (to
 * cancel a fetch under way). No test using it touches the internet.
 */
public final class LoopbackVenues implements AutoCloseable {
    private static final Path RESPONSES = Path.of("src/test/resources/venue-responses");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public volatile byte[] meta;
    public volatile byte[] markets;
    public volatile int dydxStatus = 200;
    /** While set, dYdX's answer waits for {@link #release}. */
    public volatile CountDownLatch dydxHold;
    public final CountDownLatch dydxAsked = new CountDownLatch(1);
    public final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    public LoopbackVenues() throws IOException {
        meta = Files.readAllBytes(RESPONSES.resolve("hyperliquid/meta.json"));
        markets = JSON.writeValueAsBytes(JSON.readTree(RESPONSES.resolve("dydx-v4/perpetualMarkets.json").toFile()).get("result"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            byte[] body;
            int status = 200;
            if (path.equals("/info")) {
                ex.getRequestBody().readAllBytes();
                body = meta;
            } else if (path.equals("/v4/perpetualMarkets")) {
                dydxAsked.countDown();
                CountDownLatch hold = dydxHold;
                if (hold != null) {
                    try {
                        hold.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                status = dydxStatus;
                body = status == 200 ? markets : "{\"error\":\"internal\"}".getBytes();
            } else {
                status = 404;
                body = new byte[0];
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Map<VenueFetch.Venue, String> baseUrls() {
        return Map.of(VenueFetch.Venue.HYPERLIQUID, url(), VenueFetch.Venue.DYDX_V4, url());
    }

    /** dYdX's BTC-USD market with another maintenance fraction, as if the venue had changed it. */
    public void changeDydxBtcMaintenance(String fraction) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(markets);
        ((ObjectNode) root.path("markets").path("BTC-USD")).put("maintenanceMarginFraction", fraction);
        markets = JSON.writeValueAsBytes(root);
    }

    @Override
    public void close() {
        CountDownLatch hold = dydxHold;
        if (hold != null) {
            hold.countDown();
        }
        server.stop(0);
    }
}
