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

    /** Sorts {@code a[0, n)} ascending by the upper 32 bits (unsigned); {@code scratch} holds at least n. */
    static void sortByUpperHalf(long[] a, long[] scratch, int n) {
        int[] count = new int[2048];
        long[] src = a;
        long[] dst = scratch;
        int[] shifts = {32, 43, 54};
        int[] widths = {11, 11, 10};
        for (int pass = 0; pass < 3; pass++) {
            int shift = shifts[pass];
            int mask = (1 << widths[pass]) - 1;
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (src[i] >>> shift) & mask]++;
            }
            int sum = 0;
            for (int b = 0; b <= mask; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[count[(int) (v >>> shift) & mask]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        // Three passes leave the result in scratch.
        System.arraycopy(src, 0, a, 0, n);
    }

    /** Packs a 32-bit unsigned key and a 32-bit payload. */
    static long pack(long key32, int payload) {
        return (key32 << 32) | (payload & 0xFFFFFFFFL);
    }

    static int payload(long packed) {
        return (int) packed;
    }
}
