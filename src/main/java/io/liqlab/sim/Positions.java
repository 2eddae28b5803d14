package io.liqlab.sim;

/**
 * The population as parallel arrays (struct of arrays): 33 bytes per position. Longs occupy {@code [0, longCount)}
 * and shorts {@code [longCount, size)}; each segment is sorted by trigger price, ascending, so a falling mark
 * walks the longs from the top and a rising mark walks the shorts from the bottom, touching only what it
 * liquidates.
 *
 * <p>A position whose trigger changes after a partial close or an ADL reduction leaves its sorted slot
 * ({@link #IN_HEAP}) and is found through the simulator's trigger heap instead.
 */
final class Positions {

    static final byte IN_ORDER = 0;
    static final byte IN_HEAP = 1;
    static final byte CLOSED = 2;

    /** Bytes of heap per position held for the whole run: four doubles and a state byte (ordering briefly adds 16). */
    static final int BYTES_PER_POSITION = 4 * Double.BYTES + 1;

    final int size;
    final int longCount;
    /** Entry prices: written only while drawing and ordering; a run's copy shares its cached population's. */
    double[] entry;
    double[] quantity;
    /** Isolated margin, realised PnL of partial closes and fees included. */
    double[] margin;
    /** Liquidation trigger price; 0 for a long that is never liquidated, +infinity for such a short. */
    double[] trigger;
    /** Allocated once the population is ordered (see {@link #sortAll()}), so ordering stays within 48 bytes. */
    byte[] state;
    /** Sort keys ({@link #key}), written while drawing and dropped once ordered. */
    long[] keys;
    /** For a run's copy of a cached population: that population (read only), where the opening figures are kept. */
    Positions source;
    /**
     * The ADL ranking's buffers (the order, the sort's keys and its other buffer), sized by the first ranking that
     * needs them; a cache's working copy keeps them for the next run. Only the run that has these positions uses them.
     */
    int[] rankOrder;
    long[] rankKeys;
    long[] rankSorted;
    /** For a cached population: its opening figures, summed by the first run from it (null until then). */
    Simulator.Opening opening;

    Positions(int size, int longCount) {
        this.size = size;
        this.longCount = longCount;
        this.entry = new double[size];
        this.quantity = new double[size];
        this.margin = new double[size];
        this.trigger = new double[size];
    }

    /** A fresh copy of an ordered population, as a run first sees it (every position open, in its sorted slot). */
    Positions copyOrdered() {
        // Entries are never written by a run (only drawn and ordered): the copy shares them.
        Positions c = new Positions(size, longCount, entry, quantity.clone(), margin.clone(), trigger.clone());
        c.state = new byte[size];
        c.source = this;
        return c;
    }

    /**
     * Makes this population a fresh copy of {@code ordered} (same size), as {@link #copyOrdered()} would, in the
     * arrays it already has: a what-if re-run at 1,000,000 positions copies 33 MB into kept arrays instead of
     * allocating them (and collecting the last run's).
     */
    void copyOrderedFrom(Positions ordered) {
        if (ordered.size != size || ordered.longCount != longCount || quantity.length != size || state == null) {
            throw new IllegalArgumentException("a copy needs the same shape: " + ordered.size + "/" + ordered.longCount
                    + " into " + size + "/" + longCount);
        }
        entry = ordered.entry; // never written by a run: shared, not copied
        System.arraycopy(ordered.quantity, 0, quantity, 0, size);
        System.arraycopy(ordered.margin, 0, margin, 0, size);
        System.arraycopy(ordered.trigger, 0, trigger, 0, size);
        java.util.Arrays.fill(state, IN_ORDER);
        keys = null;
        source = ordered;
    }

    /** A copy of the four columns as they are (a draw kept before the venue's rules), without state or keys. */
    Positions copyColumns() {
        return new Positions(size, longCount, entry.clone(), quantity.clone(), margin.clone(), trigger.clone());
    }

    /** Overwrites the four columns with {@code drawn}'s (same size): the draw a venue's rules start from. */
    void copyColumnsFrom(Positions drawn) {
        if (drawn.size != size || drawn.longCount != longCount) {
            throw new IllegalArgumentException("a draw of " + drawn.size + "/" + drawn.longCount + " into " + size + "/" + longCount);
        }
        System.arraycopy(drawn.entry, 0, entry, 0, size);
        System.arraycopy(drawn.quantity, 0, quantity, 0, size);
        System.arraycopy(drawn.margin, 0, margin, 0, size);
        System.arraycopy(drawn.trigger, 0, trigger, 0, size);
    }

    private Positions(int size, int longCount, double[] entry, double[] quantity, double[] margin, double[] trigger) {
        this.size = size;
        this.longCount = longCount;
        this.entry = entry;
        this.quantity = quantity;
        this.margin = margin;
        this.trigger = trigger;
    }

    int sign(int i) {
        return i < longCount ? 1 : -1;
    }

    // ---- ordering ------------------------------------------------------------------------------------------

    /** Upper end of the price range trigger keys are quantised over, as a multiple of the start price. */
    static final double KEY_RANGE = 4;

    /**
     * The sort key of a trigger: the side (longs first), then the trigger quantised to 31 bits over
     * {@code [0, KEY_RANGE * startPrice]} (about 0.02 cents at a 100,000 start). Never-liquidated longs sort
     * first, never-liquidated shorts last. Packed with the position's index.
     */
    static long key(double trigger, boolean isShort, int index, double keyScale) {
        long key;
        if (trigger <= 0) {
            key = 0;
        } else if (trigger == Double.POSITIVE_INFINITY) {
            key = 0x7FFFFFFFL;
        } else {
            key = Math.min(0x7FFFFFFEL, 1 + (long) (trigger * keyScale));
        }
        return RadixSort.pack(isShort ? key | 0x80000000L : key, index);
    }

    static double keyScale(double startPrice) {
        return 2147483000.0 / (KEY_RANGE * startPrice);
    }

    /**
     * Orders both sides by trigger, ascending, moving all four columns together, then opens the state column.
     * {@link #keys} holds {@link #key} of every position (written while drawing); a radix sort orders them in
     * one counting and three scatter passes; each column is gathered into a fresh array in that order; an
     * insertion pass fixes the neighbours the quantisation left out of exact order. Peak memory: the four
     * columns plus two longs per position while sorting, then plus one column while gathering: 48 bytes.
     */
    void sortAll() {
        int n = size;
        long[] order = RadixSort.sortByUpperHalf(keys, new long[n], n);
        keys = null; // the unsorted keys (the sort's other buffer) can go
        trigger = gather(trigger, order, n);
        entry = gather(entry, order, n);
        quantity = gather(quantity, order, n);
        margin = gather(margin, order, n);
        order = null;
        insertionSort(0, longCount);
        insertionSort(longCount, n);
        state = new byte[n];
    }

    /** Orders positions whose keys were not written while drawing (hand-placed ones). */
    void sortAll(double startPrice) {
        keys = new long[size];
        double scale = keyScale(startPrice);
        for (int i = 0; i < size; i++) {
            keys[i] = key(trigger[i], i >= longCount, i, scale);
        }
        sortAll();
    }

    private static double[] gather(double[] column, long[] order, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = column[RadixSort.payload(order[k])];
        }
        return out;
    }

    private void insertionSort(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (trigger[i - 1] > trigger[i]) {
                for (int j = i; j > from && trigger[j - 1] > trigger[j]; j--) {
                    swap(j - 1, j);
                }
            }
        }
    }

    private void swap(int a, int b) {
        double t = trigger[a];
        trigger[a] = trigger[b];
        trigger[b] = t;
        t = entry[a];
        entry[a] = entry[b];
        entry[b] = t;
        t = quantity[a];
        quantity[a] = quantity[b];
        quantity[b] = t;
        t = margin[a];
        margin[a] = margin[b];
        margin[b] = t;
    }
}
