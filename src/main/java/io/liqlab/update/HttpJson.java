package io.liqlab.update;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.liqlab.update.VenueFetch.Failure;

/**
 * One request to a venue and its JSON, with every way it can fail turned into one {@link Failure} line naming the
 * venue and the cause (offline, timeout, 429 with its Retry-After, 5xx, another status, a body cut off, too large,
 * malformed), worded once for {@link VenueFetch} and {@link MarkPriceFetch}; the client (which starts a thread of
 * its own) is made on the first request, never at start-up.
 */
final class HttpJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    /**
     * @param timeout  to connect, and for the answer to begin; the whole body must arrive within three times it
     * @param maxBytes the largest body read; a larger one is refused
     */
    HttpJson(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return client;
    }

    byte[] post(String venue, String url, String json) throws Failure, InterruptedException {
        return send(venue, url, HttpRequest.newBuilder(uri(venue, url)).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    URI uri(String venue, String url) throws Failure {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) address");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new Failure(venue + ": bad base URL " + url + ": " + e.getMessage());
        }
    }

    byte[] get(String venue, String url) throws Failure, InterruptedException {
        return send(venue, url, HttpRequest.newBuilder(uri(venue, url)).timeout(timeout).header("Accept", "application/json").GET().build());
    }

    byte[] send(String venue, String url, HttpRequest request) throws Failure, InterruptedException {
        String host = request.uri().getHost();
        CompletableFuture<HttpResponse<byte[]>> future = client().sendAsync(request,
                HttpResponse.BodyHandlers.limiting(HttpResponse.BodyHandlers.ofByteArray(), maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure(venue + ": " + url + ": the body did not arrive within " + seconds(timeout.multipliedBy(3)));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new Failure(venue + ": " + url + ": cancelled");
        } catch (ExecutionException e) {
            throw new Failure(venue + ": " + cause(url, host, e.getCause()));
        }
        int status = response.statusCode();
        if (status == 429) {
            String retry = response.headers().firstValue("Retry-After").map(s -> ", retry after " + s + " s").orElse("");
            throw new Failure(venue + ": rate limited by " + host + " (HTTP 429" + retry + "); nothing changed, try again later");
        }
        if (status >= 500) {
            throw new Failure(venue + ": server error at " + host + " (HTTP " + status + ") for " + url + "; nothing changed");
        }
        if (status != 200) {
            throw new Failure(venue + ": " + url + " answered HTTP " + status + "; nothing changed");
        }
        return response.body();
    }

    String cause(String url, String host, Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "no connection to " + host + " within " + seconds(timeout) + " (offline, or the host is unreachable)";
        }
        if (t instanceof HttpTimeoutException) {
            return "no answer from " + url + " within " + seconds(timeout);
        }
        if (t instanceof ConnectException || t instanceof UnresolvedAddressException || t.getCause() instanceof UnresolvedAddressException) {
            return "cannot connect to " + host + " (offline, or the host is unreachable)";
        }
        String m = String.valueOf(t.getMessage());
        if (m.contains("limit") && m.contains("exceeded") || m.contains("body exceeds")) {
            return "the body from " + url + " is larger than " + maxBytes + " bytes; refused";
        }
        if (t instanceof IOException) {
            return "the body from " + url + " was cut off (" + m + ")";
        }
        return url + ": " + t;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static JsonNode json(String venue, String url, byte[] body) throws Failure {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new Failure(venue + ": empty body from " + url);
            }
            return n;
        } catch (JacksonException e) {
            String what = e.getMessage() != null && e.getMessage().startsWith("Unexpected end-of-input") ? "truncated body" : "malformed body";
            throw new Failure(venue + ": " + what + " from " + url + " (" + firstLine(e.getOriginalMessage()) + ")");
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "not JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
