package io.liqlab.sim;

import java.util.Arrays;

/**
 * Positions whose trigger moved after a partial close or an ADL reduction, ordered so the next to fire is on top:
 * the highest trigger for longs (the mark falls onto it), the lowest for shorts. Entries go stale when the
 * position changes again or closes; {@link Simulator} checks an entry against the position before using it.
 */
final class TriggerHeap {

    private final int sign;
    /** -trigger for longs, trigger for shorts (exact either way), so the smallest key is on top. */
    private double[] key = new double[64];
    private int[] index = new int[64];
    private int size;

    /** @param sign +1 for longs (largest trigger first), -1 for shorts (smallest first) */
    TriggerHeap(int sign) {
        this.sign = sign;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(int position, double trigger) {
        if (size == key.length) {
            key = Arrays.copyOf(key, size * 2);
            index = Arrays.copyOf(index, size * 2);
        }
        // Smallest key on top: -trigger for longs, trigger for shorts. Ties go to the lower index, so the order
        // never depends on insertion history beyond the data itself.
        double k = sign > 0 ? -trigger : trigger;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(k, position, key[parent], index[parent])) {
                break;
            }
            key[i] = key[parent];
            index[i] = index[parent];
            i = parent;
        }
        key[i] = k;
        index[i] = position;
    }

    double topTrigger() {
        return sign > 0 ? -key[0] : key[0];
    }

    int topIndex() {
        return index[0];
    }

    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        double k = key[size];
        int idx = index[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(key[child + 1], index[child + 1], key[child], index[child])) {
                child++;
            }
            if (!less(key[child], index[child], k, idx)) {
                break;
            }
            key[i] = key[child];
            index[i] = index[child];
            i = child;
        }
        key[i] = k;
        index[i] = idx;
    }

    private static boolean less(double k1, int i1, double k2, int i2) {
        return k1 < k2 || (k1 == k2 && i1 < i2);
    }
}
