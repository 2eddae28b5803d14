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
    final double[] entry;
    final double[] quantity;
    /** Isolated margin, realised PnL of partial closes and fees included. */
    final double[] margin;
    /** Liquidation trigger price; 0 for a long that is never liquidated, +infinity for such a short. */
    final double[] trigger;
    /** Allocated once the population is ordered (see {@link #sortAll()}), so ordering stays within 48 bytes. */
    byte[] state;

    Positions(int size, int longCount) {
        this.size = size;
        this.longCount = longCount;
        this.entry = new double[size];
        this.quantity = new double[size];
        this.margin = new double[size];
        this.trigger = new double[size];
    }

    int sign(int i) {
        return i < longCount ? 1 : -1;
    }

    boolean isOpen(int i) {
        return state[i] != CLOSED;
    }

    // ---- ordering ------------------------------------------------------------------------------------------

    /**
     * Orders both sides by trigger, ascending, moving all four columns together, then opens the state column.
     * Each trigger is quantised to 31 bits over the population's price range and packed with the side (longs
     * first) and its index; a radix sort orders the packed records in three streaming passes; the columns are
     * gathered into that order through the sort's scratch buffer; an insertion pass fixes the neighbours the
     * quantisation left out of exact order. Peak memory: the four columns plus two longs per position, 48 bytes.
     */
    void sortAll() {
        int n = size;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double t = trigger[i];
            if (t > 0 && t != Double.POSITIVE_INFINITY) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        long[] keys = new long[n];
        long[] scratch = new long[n];
        double scale = max > min ? 2147483000.0 / (max - min) : 0;
        for (int i = 0; i < n; i++) {
            double t = trigger[i];
            long key;
            if (t <= 0) {
                key = 0;                                  // a long that is never liquidated: bottom of the longs
            } else if (t == Double.POSITIVE_INFINITY) {
                key = 0x7FFFFFFFL;                        // a short that is never liquidated: top of the shorts
            } else {
                key = 1 + (long) ((t - min) * scale);
            }
            if (i >= longCount) {
                key |= 0x80000000L;
            }
            keys[i] = RadixSort.pack(key, i);
        }
        RadixSort.sortByUpperHalf(keys, scratch, n);
        gather(trigger, 0, keys, scratch, n);
        gather(entry, 0, keys, scratch, n);
        gather(quantity, 0, keys, scratch, n);
        gather(margin, 0, keys, scratch, n);
        keys = null;
        scratch = null;
        insertionSort(0, longCount);
        insertionSort(longCount, n);
        state = new byte[n];
    }

    private static void gather(double[] column, int from, long[] order, long[] scratch, int n) {
        for (int k = 0; k < n; k++) {
            scratch[k] = Double.doubleToRawLongBits(column[from + RadixSort.payload(order[k])]);
        }
        for (int k = 0; k < n; k++) {
            column[from + k] = Double.longBitsToDouble(scratch[k]);
        }
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

    boolean isSorted(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (trigger[i - 1] > trigger[i]) {
                return false;
            }
        }
        return true;
    }
}
