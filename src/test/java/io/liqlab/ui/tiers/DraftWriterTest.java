package io.liqlab.ui.tiers;

import io.liqlab.profile.DraftStore;
import io.liqlab.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drafts go to disk on the task executor's serial lane, never on the thread that edits, newest state last. */
class DraftWriterTest {

    @Test
    void aBurstOfEditsIsOneWriteOffTheEditingThreadAndTheNewestStateWins(@TempDir Path home) throws Exception {
        try (FxTaskExecutor tasks = new FxTaskExecutor()) {
            Executor appLane = tasks.serial("liqlab-drafts");
            List<String> writers = new CopyOnWriteArrayList<>();
            Executor lane = job -> appLane.execute(() -> {
                writers.add(Thread.currentThread().getName());
                job.run();
            });
            DraftStore store = new DraftStore(home.resolve("drafts"));
            DraftWriter writer = new DraftWriter(store, lane, Duration.ofMillis(300), e -> { throw new AssertionError(e); });
            for (int i = 1; i <= 20; i++) {
                writer.keep("gte-btc-edited", "{\"keystroke\": " + i + "}");
            }
            assertEquals(Optional.empty(), store.load("gte-btc-edited"), "nothing written while the edits come");
            writer.flush(Duration.ofSeconds(5));
            assertEquals(Optional.of("{\"keystroke\": 20}"), store.load("gte-btc-edited"), "the newest state is on disk");
            assertFalse(writers.isEmpty());
            assertTrue(writers.stream().allMatch("liqlab-drafts"::equals), "written on the lane only: " + writers);
            assertFalse(writers.contains(Thread.currentThread().getName()));
            // Twenty keystrokes: one queued write (plus the flush), not twenty.
            assertTrue(writers.size() <= 2, writers.size() + " jobs for one burst");
            store.close();
        }
    }

    @Test
    void aRemovalAfterASaveIsNotUndoneByAnOlderWrite(@TempDir Path home) throws Exception {
        try (FxTaskExecutor tasks = new FxTaskExecutor()) {
            DraftStore store = new DraftStore(home.resolve("drafts"));
            DraftWriter writer = new DraftWriter(store, tasks.serial("liqlab-drafts"), Duration.ofMillis(300), e -> { });
            writer.keep("gte-btc-edited", "{\"keystroke\": 1}");
            writer.discard("gte-btc-edited"); // saved: the draft goes
            writer.flush(Duration.ofSeconds(5));
            assertEquals(Optional.empty(), store.load("gte-btc-edited"));
            store.close();
        }
    }

    @Test
    void aProcessKilledInTheMiddleOfWritingLeavesAWholeDraft(@TempDir Path home) throws Exception {
        // Another JVM writes large drafts one after another on the app's lane and is killed (SIGKILL) while at it.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriteUntilKilled.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            assertEquals("writing", out.readLine());
            Thread.sleep(400);
        } finally {
            p.destroyForcibly().waitFor();
        }
        try (DraftStore after = new DraftStore(home.resolve("drafts"))) {
            assertEquals(List.of("gte-btc-edited"), after.pending());
            String draft = after.load("gte-btc-edited").orElseThrow();
            JsonNode state = JsonMapper.shared().readTree(draft); // a half-written file would not parse
            assertTrue(state.path("keystroke").asInt() >= 1);
            assertEquals(WriteUntilKilled.PAD, state.path("pad").asString().length(), "the whole draft, not a prefix of it");
        }
    }

    /** The process that is killed: keeps changing a 2 MB draft as fast as the lane writes it. */
    public static final class WriteUntilKilled {
        static final int PAD = 2_000_000;

        public static void main(String[] args) throws Exception {
            Path home = Path.of(args[0]);
            FxTaskExecutor tasks = new FxTaskExecutor();
            DraftWriter writer = new DraftWriter(new DraftStore(home.resolve("drafts")), tasks.serial("liqlab-drafts"), Duration.ZERO, e -> { });
            String pad = "x".repeat(PAD);
            writer.keep("gte-btc-edited", "{\"keystroke\": 1, \"pad\": \"" + pad + "\"}");
            writer.flush(Duration.ofSeconds(30)); // one whole draft on disk before the kill can come
            System.out.println("writing");
            System.out.flush();
            for (int i = 2; ; i++) {
                writer.keep("gte-btc-edited", "{\"keystroke\": " + i + ", \"pad\": \"" + pad + "\"}");
                Thread.sleep(1);
            }
        }
    }
}
