package io.liqlab.update;

import io.liqlab.core.Numbers;
import io.liqlab.core.Tier;
import io.liqlab.profile.AtomicFiles;
import io.liqlab.profile.VenueImport;
import io.liqlab.profile.VenueProfile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Update venue data", once for the CLI ({@code profiles update}) and the window: fetch a venue's current tables,
 * put them through the importer's parsing and validation, and write one profile per market into the user's folder,
 * all files of the venue or none, each replaced file kept in {@code previous/} so the user can go back. Nothing is
 * written before every page of the venue has arrived and parsed; a failure leaves the data in use untouched.
 */
public final class VenueUpdate {

    /** What became of one market. */
    public enum Kind {
        ADDED("added"), CHANGED("tiers changed"), SAME("same tiers, date refreshed");

        public final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /**
     * One market written.
     *
     * @param previous the file it replaced, or null when the market is new
     */
    public record Change(VenueImport.Market market, Kind kind, byte[] previous) {

        public String id() {
            return market.id();
        }

        /**
         * The tier rows before and after, one line each: unchanged rows with two spaces, removed ones with "- ",
         * added ones with "+ " (a unified diff of the schedule as the user reads it).
         */
        public List<String> diff() {
            List<String> before = previous == null ? List.of() : rows(previous);
            List<String> after = rows(market.json().getBytes(StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            int n = Math.max(before.size(), after.size());
            for (int i = 0; i < n; i++) {
                String b = i < before.size() ? before.get(i) : null;
                String a = i < after.size() ? after.get(i) : null;
                if (b != null && b.equals(a)) {
                    out.add("  " + b);
                    continue;
                }
                if (b != null) {
                    out.add("- " + b);
                }
                if (a != null) {
                    out.add("+ " + a);
                }
            }
            return out;
        }
    }

    /**
     * A venue updated.
     *
     * @param problems markets or rows the importer refused, each naming market and tier (the rest were written)
     */
    public record Outcome(VenueFetch.Venue venue, String url, List<Change> changes, List<String> problems, int requests,
                          Path dir, Path previousDir) {

        public long count(Kind kind) {
            return changes.stream().filter(c -> c.kind() == kind).count();
        }

        /** One line: "okx-swap: 3 markets (1 added, 1 with changed tiers, 1 unchanged)". */
        public String summary() {
            int n = changes.size();
            return String.format(Locale.ROOT, "%s: %d market%s (%d added, %d with changed tiers, %d unchanged)", venue.id, n,
                    n == 1 ? "" : "s", count(Kind.ADDED), count(Kind.CHANGED), count(Kind.SAME));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VenueFetch fetch;
    private final VenueImport importer;

    public VenueUpdate(VenueFetch fetch, VenueImport importer) {
        this.fetch = fetch;
        this.importer = importer;
    }

    /** Fetches, validates and writes one venue into {@code dir}; a failure is one line and nothing changed. */
    public Outcome update(VenueFetch.Venue v, Path dir, VenueFetch.Progress progress) throws VenueFetch.Failure, InterruptedException {
        VenueFetch.Fetched got = fetch.fetch(v, progress);
        VenueImport.Result r;
        try {
            r = importer.fetched(v.format, got.url(), got.body(), got.instruments(), got.at());
        } catch (VenueImport.NotThisFormat e) {
            throw new VenueFetch.Failure(v.id + ": malformed body from " + got.url() + ": " + e.getMessage());
        }
        if (r.markets().isEmpty()) {
            throw new VenueFetch.Failure(v.id + ": " + got.url() + " gave no market that passed validation"
                    + (r.problems().isEmpty() ? "" : " (first problem: " + r.problems().getFirst() + ")") + "; nothing changed");
        }
        if (progress.cancelled()) {
            throw new java.util.concurrent.CancellationException(v.id + ": cancelled; nothing changed");
        }
        List<Change> changes = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        List<AtomicFiles.Content> contents = new ArrayList<>();
        Path previousDir = dir.resolve("previous");
        for (VenueImport.Market m : r.markets()) {
            Path target = dir.resolve(m.id() + ".json");
            if (Files.isRegularFile(target)) {
                byte[] old;
                try {
                    old = Files.readAllBytes(target);
                } catch (IOException e) {
                    throw new VenueFetch.Failure(v.id + ": cannot read " + target + " to keep it: " + e.getMessage() + "; nothing changed");
                }
                changes.add(new Change(m, sameSchedule(old, m) ? Kind.SAME : Kind.CHANGED, old));
                targets.add(previousDir.resolve(m.id() + ".json"));
                contents.add(o -> o.write(old));
            } else {
                changes.add(new Change(m, Kind.ADDED, null));
            }
            targets.add(target);
            byte[] json = m.json().getBytes(StandardCharsets.UTF_8);
            contents.add(o -> o.write(json));
        }
        try {
            Files.createDirectories(previousDir);
            // The previous copies and the new files together: all replaced, or none.
            AtomicFiles.writeAll(targets, contents);
        } catch (IOException e) {
            throw new VenueFetch.Failure(v.id + ": cannot write to " + dir + ": " + e.getMessage() + "; nothing changed");
        }
        return new Outcome(v, got.url(), List.copyOf(changes), List.copyOf(r.problems()), got.requests(), dir, previousDir);
    }

    /**
     * Goes back to what the update replaced: each changed market's kept file is put back and each added market
     * removed, all together (the kept copies stay in {@code previous/}).
     */
    public static void revert(Outcome outcome) throws IOException {
        List<Path> targets = new ArrayList<>();
        List<AtomicFiles.Content> contents = new ArrayList<>();
        List<Path> added = new ArrayList<>();
        for (Change c : outcome.changes()) {
            Path target = outcome.dir().resolve(c.id() + ".json");
            if (c.previous() == null) {
                added.add(target);
            } else {
                byte[] old = c.previous();
                targets.add(target);
                contents.add(o -> o.write(old));
            }
        }
        if (!targets.isEmpty()) {
            AtomicFiles.writeAll(targets, contents);
        }
        for (Path p : added) {
            Files.deleteIfExists(p);
        }
    }

    /** Whether the file on disk holds the same tiers and contract value as the fetched market (the dates aside). */
    static boolean sameSchedule(byte[] old, VenueImport.Market m) {
        try {
            JsonNode before = JSON.readTree(old);
            return before.path("tiers").equals(m.file().path("tiers")) && before.path("contractValue").equals(m.file().path("contractValue"));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** A market file's tier rows as the user reads them: "tier 2  300,000 to 2,000,000  100x  mmr 0.5%  amount 510". */
    static List<String> rows(byte[] file) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode t : JSON.readTree(file).path("tiers")) {
                out.add(String.format(Locale.ROOT, "tier %s  %s to %s  %sx  mmr %s%%  amount %s", t.path("tier").asString("?"),
                        number(t.path("floor")), t.path("cap").isMissingNode() || t.path("cap").isNull() ? "no cap" : number(t.path("cap")),
                        number(t.path("maxLeverage")), t.path("maintenanceMarginRate").isNumber()
                                ? t.path("maintenanceMarginRate").decimalValue().movePointRight(2).stripTrailingZeros().toPlainString() : "?",
                        t.path("maintenanceAmount").isNumber() ? number(t.path("maintenanceAmount")) : "0"));
            }
        } catch (JacksonException e) {
            out.add("(the file could not be read: " + e.getOriginalMessage() + ")");
        }
        return out;
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? Numbers.plain(n.asDouble()) : n.asString("?");
    }

    /** The highest leverage of a profile's schedule (for the one-line market summary). */
    public static double maxLeverage(VenueProfile p) {
        double max = 0;
        for (Tier t : p.rules().tiers().tiers()) {
            max = Math.max(max, t.maxLeverage());
        }
        return max;
    }
}
