package io.liqlab.update;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetcher's own bounds, on a loopback server: a body over the size bound is refused, not read to the end. */
class VenueFetchTest {

    @Test
    void aBodyOverTheSizeBoundIsRefusedAndOneUnderItIsRead() throws Exception {
        byte[] meta = Files.readAllBytes(Path.of("src/test/resources/venue-responses/hyperliquid/meta.json"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/info", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(200, meta.length);
                ex.getResponseBody().write(meta);
            }
        });
        server.start();
        try {
            Map<VenueFetch.Venue, String> urls = Map.of(VenueFetch.Venue.HYPERLIQUID, "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            VenueFetch small = new VenueFetch(Duration.ofSeconds(2), Duration.ZERO, urls, meta.length - 1);
            VenueFetch.Failure f = assertThrows(VenueFetch.Failure.class, () -> small.fetch(VenueFetch.Venue.HYPERLIQUID));
            assertTrue(f.getMessage().startsWith("hyperliquid: the body from http://127.0.0.1:"), f.getMessage());
            assertTrue(f.getMessage().endsWith("is larger than " + (meta.length - 1) + " bytes; refused"), f.getMessage());
            VenueFetch enough = new VenueFetch(Duration.ofSeconds(2), Duration.ZERO, urls, meta.length);
            VenueFetch.Fetched got = enough.fetch(VenueFetch.Venue.HYPERLIQUID);
            assertEquals(meta.length, got.body().length);
            assertEquals(1, got.requests());
        } finally {
            server.stop(0);
        }
    }
}
