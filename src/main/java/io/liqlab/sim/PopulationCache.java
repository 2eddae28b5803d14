package io.liqlab.sim;

import io.liqlab.core.VenueRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ordered populations kept for reuse: a population depends only on the scenario's population section, its start
 * price, its seed and the venue's rules, not on the shock, the book or the driver, so the cells of a phase map
 * that share those draw and order it once, and so does a what-if re-run that changes only the shock or the depth
 * (or goes back to a venue it ran before). Each run gets its own copy ({@link #lendCopy}), so a cached population
 * is never changed and a run is the same as a standalone one; the copy is made into one working population the
 * cache keeps besides its budget (33 MB at 1,000,000 positions), lent to one run at a time, so a re-run allocates
 * no population of its own. Bound to a thread with
 * {@link #CURRENT} for the span of a phase map's work, or for one run with {@link #call}; used by one thread at a
 * time.
 */
public final class PopulationCache {

    /** The calling thread's cache while a phase map computes; unbound otherwise (every run draws its own). */
    static final ScopedValue<PopulationCache> CURRENT = ScopedValue.newInstance();

    private final long byteBudget;
    private long bytesHeld;
    private int hits;
    private int misses;
    private final LinkedHashMap<Key, Positions> entries = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Draws kept before the venue's rules apply (keyed without the venue), for {@link #keepsDraws}: a population is
     * the same draw under every venue until the venue prices it, so a change of venue starts from the kept draw.
     */
    private final LinkedHashMap<Key, Positions> draws = new LinkedHashMap<>(4, 0.75f, true);
    private final boolean keepsDraws;
    private int drawsReused;

    /** @param byteBudget most heap the kept populations may take; at least the newest one is always kept */
    public PopulationCache(long byteBudget) {
        this(byteBudget, false);
    }

    /**
     * @param keepsDraws also keep each population's draw before the venue's rules (32 bytes a position, within the
     *                   budget), so a first run under another venue skips the random draws, the sizes and the
     *                   entries (about 35 of 110 ms at 1,000,000 positions): for the Cascade tab's what-ifs, where
     *                   the venue changes; a phase map runs one venue and does not need them
     */
    public PopulationCache(long byteBudget, boolean keepsDraws) {
        this.byteBudget = byteBudget;
        this.keepsDraws = keepsDraws;
    }

    /** The kept draw of this scenario's population and seed (columns before the venue's rules), or null. */
    Positions drawn(Scenario scenario) {
        Positions d = keepsDraws ? draws.get(drawKey(scenario)) : null;
        if (d != null) {
            drawsReused++;
        }
        return d;
    }

    /** Keeps a copy of {@code drawn}, the population's columns after the draws and before the venue's rules. */
    void keepDrawn(Scenario scenario, Positions drawn) {
        if (!keepsDraws) {
            return;
        }
        Positions copy = drawn.copyColumns();
        Positions old = draws.put(drawKey(scenario), copy);
        bytesHeld += drawBytes(copy) - (old == null ? 0 : drawBytes(old));
        evict();
    }

    private static Key drawKey(Scenario scenario) {
        return new Key(scenario.population(), scenario.market().startPrice(), scenario.seed(), null);
    }

    /** Runs under another venue that started from a kept draw (benches and tests report it). */
    public int drawsReused() {
        return drawsReused;
    }

    /**
     * Runs {@code work} (a {@link Simulator#run}, say) with this cache bound: its runs take their ordered population
     * from here when one with the same population, seed and venue was drawn before. One caller at a time: a second
     * thread waits until the first is done (the what-if re-runs come one after another anyway).
     */
    public synchronized <T> T call(java.util.function.Supplier<T> work) {
        return ScopedValue.where(CURRENT, this).call(work::get);
    }

    /** The ordered population for this scenario, seed and venue: the kept one, or {@code draw}'s, then kept. */
    Positions ordered(Scenario scenario, VenueRules rules, Supplier<Positions> draw) {
        Key key = new Key(scenario.population(), scenario.market().startPrice(), scenario.seed(), rules);
        Positions p = entries.get(key);
        if (p != null) {
            hits++;
            return p;
        }
        misses++;
        p = draw.get();
        entries.put(key, p);
        bytesHeld += bytes(p);
        evict();
        return p;
    }

    /** Over budget: the oldest kept draws go first, then the oldest populations (the newest one always stays). */
    private void evict() {
        var draw = draws.entrySet().iterator();
        while (bytesHeld > byteBudget && draw.hasNext()) {
            bytesHeld -= drawBytes(draw.next().getValue());
            draw.remove();
        }
        var it = entries.entrySet().iterator();
        while (bytesHeld > byteBudget && entries.size() > 1) {
            Map.Entry<Key, Positions> eldest = it.next();
            bytesHeld -= bytes(eldest.getValue());
            it.remove();
        }
    }

    private static long drawBytes(Positions p) {
        return (long) p.size * 4 * Double.BYTES;
    }

    /** The population a run works on: kept for the next run, and lent to one run at a time. */
    private Positions working;
    private boolean lent;

    /**
     * A run's own copy of {@code ordered}, which it may change: the working population copied over when it is free
     * (a run on this thread has given it back), else a fresh copy. Hand it back with {@link #giveBack} when the run
     * is over, finished or not.
     */
    Positions lendCopy(Positions ordered) {
        if (lent) {
            return ordered.copyOrdered(); // a run inside a run: never the case today, but never shared either
        }
        if (working != null && working.size == ordered.size && working.longCount == ordered.longCount) {
            working.copyOrderedFrom(ordered);
        } else {
            working = null; // the old shape's arrays can go before the new ones are allocated
            working = ordered.copyOrdered();
        }
        lent = true;
        return working;
    }

    /** The run using {@code p} is over: the working population is free again (a fresh copy is just dropped). */
    void giveBack(Positions p) {
        if (p == working) {
            lent = false;
        }
    }

    /** Runs that took their population from here (benches report it). */
    public int hits() {
        return hits;
    }

    /** Runs that drew their population and left it here. */
    public int misses() {
        return misses;
    }

    private static long bytes(Positions p) {
        return (long) p.size * Positions.BYTES_PER_POSITION;
    }

    /**
     * Venue rules compare by identity: the same loaded profile, not an equal copy (cheap, and never wrong); null for a
     * draw kept before any venue's rules.
     */
    private record Key(Scenario.Population population, double startPrice, long seed, VenueRules rules) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.population.equals(population) && Double.compare(k.startPrice, startPrice) == 0
                    && k.seed == seed && k.rules == rules;
        }

        @Override
        public int hashCode() {
            return (population.hashCode() * 31 + Double.hashCode(startPrice)) * 31 + Long.hashCode(seed)
                    + System.identityHashCode(rules);
        }
    }
}
