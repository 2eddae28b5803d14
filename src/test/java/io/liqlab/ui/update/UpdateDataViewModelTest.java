package io.liqlab.ui.update;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.VenueImport;
import io.liqlab.ui.shell.RecordingNotifier;
import io.liqlab.ui.task.TaskExecutor;
import io.liqlab.update.LoopbackVenues;
import io.liqlab.update.VenueFetch;
import io.liqlab.update.VenueUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Update venue data" as the user drives it: pick venues, update, read what changed, go back, cancel, fail. */
class UpdateDataViewModelTest {
    @TempDir
    Path dir;
    private LoopbackVenues venues;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AtomicInteger reloads = new AtomicInteger();
    private final AtomicInteger putInUse = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        venues = new LoopbackVenues();
    }

    @AfterEach
    void stop() {
        venues.close();
    }

    private UpdateDataViewModel model(TaskExecutor tasks) {
        VenueUpdate updater = new VenueUpdate(new VenueFetch(Duration.ofSeconds(5), Duration.ZERO, venues.baseUrls(), VenueImport.MAX_BYTES),
                new VenueImport(ProfileCatalog.loadDefault().reader()));
        UpdateDataViewModel vm = new UpdateDataViewModel(updater, dir, tasks, notifier, () -> {
            reloads.incrementAndGet();
            return putInUse::incrementAndGet;
        });
        for (UpdateDataViewModel.VenueRow r : vm.rows()) {
            r.selectedProperty().set(r.venue() == VenueFetch.Venue.HYPERLIQUID || r.venue() == VenueFetch.Venue.DYDX_V4);
        }
        return vm;
    }

    @Test
    void updatingTwoVenuesListsTheirMarketsShowsADiffAndGoesBack() throws Exception {
        UpdateDataViewModel vm = model(TaskExecutor.callingThread());
        assertTrue(vm.canStartProperty().get());
        vm.start();
        UpdateDataViewModel.VenueRow dydx = vm.row(VenueFetch.Venue.DYDX_V4);
        assertEquals(UpdateDataViewModel.State.DONE, dydx.stateProperty().get());
        assertEquals("dydx-v4: 3 markets (3 added, 0 with changed tiers, 0 unchanged)", dydx.statusProperty().get());
        assertEquals(UpdateDataViewModel.State.DONE, vm.row(VenueFetch.Venue.HYPERLIQUID).stateProperty().get());
        assertEquals(UpdateDataViewModel.State.IDLE, vm.row(VenueFetch.Venue.OKX_SWAP).stateProperty().get(), "not picked, not asked");
        assertEquals(2, reloads.get());
        assertEquals(2, putInUse.get(), "the profiles read again are put in use on the UI thread, once per venue");
        assertTrue(notifier.last("status").startsWith("Venue data updated: "), notifier.said().toString());

        venues.changeDydxBtcMaintenance("0.016");
        vm.row(VenueFetch.Venue.HYPERLIQUID).selectedProperty().set(false);
        vm.start();
        assertEquals("dydx-v4: 3 markets (0 added, 1 with changed tiers, 2 unchanged)", dydx.statusProperty().get());
        VenueUpdate.Change first = vm.changes().getFirst();
        assertEquals("dydx-v4-btc", first.id(), "changed markets are listed first");
        vm.selectedChangeProperty().set(first);
        assertTrue(vm.diffProperty().get().contains("- tier 1") && vm.diffProperty().get().contains("mmr 1.6%"), vm.diffProperty().get());

        assertTrue(dydx.revertableProperty().get());
        vm.revert(dydx);
        assertTrue(Files.readString(dir.resolve("dydx-v4-btc.json")).contains("0.012"), "back to the file before the update");
        assertFalse(dydx.revertableProperty().get());
        assertTrue(vm.changes().isEmpty());
    }

    @Test
    void changedTiersAreListedBeforeAddedMarkets() throws Exception {
        UpdateDataViewModel vm = model(TaskExecutor.callingThread());
        vm.row(VenueFetch.Venue.HYPERLIQUID).selectedProperty().set(false);
        vm.start();
        venues.changeDydxBtcMaintenance("0.016");
        vm.row(VenueFetch.Venue.HYPERLIQUID).selectedProperty().set(true);
        vm.start();
        assertEquals(VenueUpdate.Kind.CHANGED, vm.changes().getFirst().kind(), vm.changes().stream().map(c -> c.id() + " " + c.kind()).toList().toString());
        assertEquals("dydx-v4-btc", vm.changes().getFirst().id());
        assertEquals(VenueUpdate.Kind.ADDED, vm.changes().get(1).kind(), "then the markets Hyperliquid added");
        assertEquals(VenueUpdate.Kind.SAME, vm.changes().getLast().kind());
    }

    @Test
    void nothingPickedMeansNothingToStart() {
        UpdateDataViewModel vm = model(TaskExecutor.callingThread());
        vm.rows().forEach(r -> r.selectedProperty().set(false));
        assertFalse(vm.canStartProperty().get());
        vm.start();
        assertEquals(0, venues.requests.get());
    }

    @Test
    void aFailedVenueSaysWhyInOneLineWhileTheOtherIsWritten() throws Exception {
        venues.dydxStatus = 500;
        UpdateDataViewModel vm = model(TaskExecutor.callingThread());
        vm.start();
        UpdateDataViewModel.VenueRow dydx = vm.row(VenueFetch.Venue.DYDX_V4);
        assertEquals(UpdateDataViewModel.State.FAILED, dydx.stateProperty().get());
        assertTrue(dydx.statusProperty().get().startsWith("dydx-v4: server error at 127.0.0.1 (HTTP 500)"), dydx.statusProperty().get());
        assertFalse(dydx.statusProperty().get().contains("\n"));
        assertEquals(dydx.statusProperty().get(), notifier.last("error"));
        assertFalse(Files.exists(dir.resolve("dydx-v4-btc.json")));
        assertEquals(UpdateDataViewModel.State.DONE, vm.row(VenueFetch.Venue.HYPERLIQUID).stateProperty().get());
        assertEquals(1, putInUse.get());
    }

    @Test
    void cancellingWhileAVenueAnswersWritesNothingForIt() throws Exception {
        venues.dydxHold = new CountDownLatch(1);
        ExecutorService work = Executors.newFixedThreadPool(2);
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            UpdateDataViewModel vm = model(TaskExecutor.using(work, ui));
            vm.row(VenueFetch.Venue.HYPERLIQUID).selectedProperty().set(false);
            ui.submit(vm::start).get();
            assertTrue(venues.dydxAsked.await(5, TimeUnit.SECONDS));
            assertTrue(ui.submit(() -> vm.canCancelProperty().get()).get());
            assertFalse(ui.submit(() -> vm.canStartProperty().get()).get(), "no second start while one runs");
            ui.submit(vm::cancel).get();
            venues.dydxHold.countDown();
            UpdateDataViewModel.VenueRow dydx = vm.row(VenueFetch.Venue.DYDX_V4);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ui.submit(() -> dydx.stateProperty().get()).get() == UpdateDataViewModel.State.RUNNING && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(UpdateDataViewModel.State.CANCELLED, ui.submit(() -> dydx.stateProperty().get()).get());
            assertEquals("dydx-v4: cancelled; nothing changed", ui.submit(() -> dydx.statusProperty().get()).get());
            assertFalse(Files.exists(dir.resolve("dydx-v4-btc.json")));
            assertTrue(ui.submit(() -> vm.canStartProperty().get()).get());
        } finally {
            work.shutdownNow();
            ui.shutdownNow();
        }
    }
}
