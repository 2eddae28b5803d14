package io.liqlab.sim;

import java.util.Arrays;

/**
 * When each partially liquidated position was last partially closed (open addressing, int to double), sized by
 * the number of partial liquidations rather than the population.
 */
final class CooldownTable {

    private int[] keys = new int[256];
    private double[] times = new double[256];
    private int count;

    CooldownTable() {
        Arrays.fill(keys, -1);
    }

    /** Seconds of the last partial close of {@code position}, or negative infinity. */
    double lastPartial(int position) {
        int mask = keys.length - 1;
        for (int i = mix(position) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == position) {
                return times[i];
            }
            if (keys[i] == -1) {
                return Double.NEGATIVE_INFINITY;
            }
        }
    }

    void record(int position, double time) {
        if (2 * (count + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(position) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == position) {
                times[i] = time;
                return;
            }
            if (keys[i] == -1) {
                keys[i] = position;
                times[i] = time;
                count++;
                return;
            }
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        double[] oldTimes = times;
        keys = new int[oldKeys.length * 2];
        times = new double[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        count = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                record(oldKeys[i], oldTimes[i]);
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
