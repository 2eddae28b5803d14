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

    /** @param byteBudget most heap the kept populations may take; at least the newest one is always kept */
    public PopulationCache(long byteBudget) {
        this.byteBudget = byteBudget;
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
        var it = entries.entrySet().iterator();
        while (bytesHeld > byteBudget && entries.size() > 1) {
            Map.Entry<Key, Positions> eldest = it.next();
            bytesHeld -= bytes(eldest.getValue());
            it.remove();
        }
        return p;
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

    /** Venue rules compare by identity: the same loaded profile, not an equal copy (cheap, and never wrong). */
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
