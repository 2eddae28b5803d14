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

    /** Bytes of heap per position held for the whole run: four doubles and a state byte. */
    static final int BYTES_PER_POSITION = 4 * Double.BYTES + 1;

    final int size;
    final int longCount;
    final double[] entry;
    final double[] quantity;
    /** Isolated margin, realised PnL of partial closes and fees included. */
    final double[] margin;
    /** Liquidation trigger price; 0 for a long that is never liquidated, +infinity for such a short. */
    final double[] trigger;
    final byte[] state;

    Positions(int size, int longCount) {
        this.size = size;
        this.longCount = longCount;
        this.entry = new double[size];
        this.quantity = new double[size];
        this.margin = new double[size];
        this.trigger = new double[size];
        this.state = new byte[size];
    }

    int sign(int i) {
        return i < longCount ? 1 : -1;
    }

    boolean isOpen(int i) {
        return state[i] != CLOSED;
    }

    // ---- ordering ------------------------------------------------------------------------------------------

    /**
     * Sorts {@code [from, to)} by trigger, ascending, moving all four columns together and in place: one
     * counting pass into about n/2 buckets linear in price, an in-place (American flag) permutation, then an
     * insertion sort inside each bucket (a Shell sort for the rare crowded one). O(n) for the smooth price
     * distributions a population has, and no second copy of the arrays.
     */
    void sortByTrigger(int from, int to) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double t = trigger[i];
            if (t != Double.POSITIVE_INFINITY) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        int buckets = Math.max(2, n >> 1);
        if (min == Double.POSITIVE_INFINITY) {
            return; // nothing finite: all equal
        }
        double scale = max > min ? (buckets - 2) / (max - min) : 0;
        int[] next = new int[buckets + 1];
        for (int i = from; i < to; i++) {
            next[bucket(trigger[i], min, scale, buckets) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            next[b + 1] += next[b];
        }
        // next[b] is where bucket b's next element goes (relative to from); next[b+1] initially bounds it.
        int[] end = new int[buckets];
        for (int b = 0; b < buckets; b++) {
            end[b] = next[b + 1];
        }
        for (int b = 0; b < buckets; b++) {
            while (next[b] < end[b]) {
                int i = from + next[b];
                int target = bucket(trigger[i], min, scale, buckets);
                if (target == b) {
                    next[b]++;
                } else {
                    swap(i, from + next[target]);
                    next[target]++;
                }
            }
        }
        int start = 0;
        for (int b = 0; b < buckets; b++) {
            int stop = end[b];
            if (stop - start > 1) {
                if (stop - start <= 48) {
                    insertionSort(from + start, from + stop);
                } else {
                    shellSort(from + start, from + stop);
                }
            }
            start = stop;
        }
    }

    private static int bucket(double t, double min, double scale, int buckets) {
        if (t == Double.POSITIVE_INFINITY) {
            return buckets - 1;
        }
        return (int) ((t - min) * scale);
    }

    private void insertionSort(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            for (int j = i; j > from && trigger[j - 1] > trigger[j]; j--) {
                swap(j - 1, j);
            }
        }
    }

    private static final int[] GAPS = {1, 4, 10, 23, 57, 132, 301, 701, 1750, 4376, 10941, 27353, 68383, 170958};

    private void shellSort(int from, int to) {
        int n = to - from;
        int g = GAPS.length - 1;
        while (g > 0 && GAPS[g] >= n) {
            g--;
        }
        for (; g >= 0; g--) {
            int gap = GAPS[g];
            for (int i = from + gap; i < to; i++) {
                for (int j = i; j - gap >= from && trigger[j - gap] > trigger[j]; j -= gap) {
                    swap(j - gap, j);
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
