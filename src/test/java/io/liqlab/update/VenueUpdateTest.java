package io.liqlab.update;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.VenueImport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The update the CLI and the window share, against the recorded responses served on the loopback interface. */
class VenueUpdateTest {
    @TempDir
    Path dir;
    private LoopbackVenues venues;
    private VenueUpdate updater;

    @BeforeEach
    void start() throws IOException {
        venues = new LoopbackVenues();
        updater = new VenueUpdate(new VenueFetch(Duration.ofSeconds(5), Duration.ZERO, venues.baseUrls(), VenueImport.MAX_BYTES),
                new VenueImport(ProfileCatalog.loadDefault().reader()));
    }

    @AfterEach
    void stop() {
        venues.close();
    }

    private static List<String> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFirstUpdateAddsEveryMarketAndASecondOneNamesTheChangedTiersWithTheirRows() throws Exception {
        VenueUpdate.Outcome first = updater.update(VenueFetch.Venue.DYDX_V4, dir, VenueFetch.Progress.NONE);
        assertEquals(List.of("dydx-v4-btc.json", "dydx-v4-eth.json", "dydx-v4-sol.json"), files(dir));
        assertEquals(3, first.count(VenueUpdate.Kind.ADDED));
        assertEquals("dydx-v4: 3 markets (3 added, 0 with changed tiers, 0 unchanged)", first.summary());
        byte[] btcBefore = Files.readAllBytes(dir.resolve("dydx-v4-btc.json"));

        venues.changeDydxBtcMaintenance("0.015");
        VenueUpdate.Outcome second = updater.update(VenueFetch.Venue.DYDX_V4, dir, VenueFetch.Progress.NONE);
        assertEquals(1, second.count(VenueUpdate.Kind.CHANGED));
        assertEquals(2, second.count(VenueUpdate.Kind.SAME));
        VenueUpdate.Change btc = second.changes().stream().filter(c -> c.id().equals("dydx-v4-btc")).findFirst().orElseThrow();
        assertEquals(VenueUpdate.Kind.CHANGED, btc.kind());
        List<String> diff = btc.diff();
        assertEquals(2, diff.size(), String.join("\n", diff));
        assertTrue(diff.get(0).startsWith("- tier 1") && diff.get(0).contains("mmr 1.2%"), diff.get(0));
        assertTrue(diff.get(1).startsWith("+ tier 1") && diff.get(1).contains("mmr 1.5%"), diff.get(1));
        // The replaced file is kept byte for byte, so the user can go back.
        assertArrayEquals(btcBefore, Files.readAllBytes(dir.resolve("previous/dydx-v4-btc.json")));
        VenueUpdate.Change eth = second.changes().stream().filter(c -> c.id().equals("dydx-v4-eth")).findFirst().orElseThrow();
        assertTrue(eth.diff().stream().allMatch(l -> l.startsWith("  ")), "an unchanged market's rows are all unchanged");

        VenueUpdate.revert(second);
        assertArrayEquals(btcBefore, Files.readAllBytes(dir.resolve("dydx-v4-btc.json")));
    }

    @Test
    void goingBackAfterAFirstUpdateRemovesTheMarketsItAdded() throws Exception {
        VenueUpdate.Outcome first = updater.update(VenueFetch.Venue.HYPERLIQUID, dir, VenueFetch.Progress.NONE);
        assertFalse(files(dir).isEmpty());
        assertTrue(first.changes().stream().allMatch(c -> c.diff().stream().allMatch(l -> l.startsWith("+ "))));
        VenueUpdate.revert(first);
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aServerErrorChangesNothingAndNamesTheVenue() throws Exception {
        updater.update(VenueFetch.Venue.DYDX_V4, dir, VenueFetch.Progress.NONE);
        byte[] before = Files.readAllBytes(dir.resolve("dydx-v4-btc.json"));
        venues.dydxStatus = 500;
        VenueFetch.Failure f = assertThrows(VenueFetch.Failure.class, () -> updater.update(VenueFetch.Venue.DYDX_V4, dir, VenueFetch.Progress.NONE));
        assertTrue(f.getMessage().startsWith("dydx-v4: server error") && f.getMessage().endsWith("nothing changed"), f.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("dydx-v4-btc.json")));
    }

    @Test
    void aCancelledUpdateSendsNoFurtherRequestAndWritesNothing() throws Exception {
        int[] asked = {0};
        VenueFetch.Progress cancelled = new VenueFetch.Progress() {
            @Override
            public void request(int n, int expected, String url) {
                asked[0]++;
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> updater.update(VenueFetch.Venue.HYPERLIQUID, dir, cancelled));
        assertEquals(0, asked[0]);
        assertEquals(0, venues.requests.get());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void progressCountsTheRequestsOutOfTheExpected() throws Exception {
        StringBuilder seen = new StringBuilder();
        updater.update(VenueFetch.Venue.HYPERLIQUID, dir, new VenueFetch.Progress() {
            @Override
            public void request(int n, int expected, String url) {
                seen.append(n).append('/').append(expected).append(' ').append(url.substring(url.lastIndexOf('/')));
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertEquals("1/1 /info", seen.toString());
    }
}
