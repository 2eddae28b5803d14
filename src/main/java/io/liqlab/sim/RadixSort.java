package io.liqlab.sim;

/**
 * Least-significant-digit radix sort of packed 64-bit records by their upper 32 bits (the key; the lower 32 bits
 * carry a payload such as a position index). Three streaming passes of 11, 11 and 10 bits: a handful of simple
 * loops that the JIT compiles within the first few thousand elements, where a comparison sort of a million
 * elements spends most of a fresh JVM's first call interpreted. Stable, so equal keys keep payload order.
 */
final class RadixSort {

    private RadixSort() {
    }

    /**
     * Sorts {@code a[0, n)} ascending by the upper 32 bits (unsigned); {@code scratch} holds at least n. Returns
     * the array holding the result: {@code scratch} (three passes end there), so nothing is copied back.
     */
    static long[] sortByUpperHalf(long[] a, long[] scratch, int n) {
        // One counting pass for all three digits.
        int[] c0 = new int[2048];
        int[] c1 = new int[2048];
        int[] c2 = new int[1024];
        for (int i = 0; i < n; i++) {
            long v = a[i];
            c0[(int) (v >>> 32) & 2047]++;
            c1[(int) (v >>> 43) & 2047]++;
            c2[(int) (v >>> 54) & 1023]++;
        }
        offsets(c0);
        offsets(c1);
        offsets(c2);
        scatter(a, scratch, n, 32, 2047, c0);
        scatter(scratch, a, n, 43, 2047, c1);
        scatter(a, scratch, n, 54, 1023, c2);
        return scratch;
    }

    private static void offsets(int[] count) {
        int sum = 0;
        for (int b = 0; b < count.length; b++) {
            int c = count[b];
            count[b] = sum;
            sum += c;
        }
    }

    private static void scatter(long[] src, long[] dst, int n, int shift, int mask, int[] next) {
        for (int i = 0; i < n; i++) {
            long v = src[i];
            dst[next[(int) (v >>> shift) & mask]++] = v;
        }
    }

    /** Packs a 32-bit unsigned key and a 32-bit payload. */
    static long pack(long key32, int payload) {
        return (key32 << 32) | (payload & 0xFFFFFFFFL);
    }

    static int payload(long packed) {
        return (int) packed;
    }
}
