package io.liqlab.sim;

/**
 * Every recorded frame of a run, column by column (frame 0 is the state at time zero), plus the heatmap: the
 * liquidation notional still waiting in each price bucket at each frame. Read-only once a run has finished.
 */
public final class Frames {

    private static final FrameColumn[] COLUMNS = FrameColumn.values();

    private final double[][] columns;
    private final float[] heat;
    private final int buckets;
    private final double heatLow;
    private final double heatBucketWidth;
    private int size;

    Frames(int capacity, int buckets, double heatLow, double heatHigh) {
        this.columns = new double[COLUMNS.length][capacity];
        this.heat = new float[capacity * buckets];
        this.buckets = buckets;
        this.heatLow = heatLow;
        this.heatBucketWidth = (heatHigh - heatLow) / buckets;
    }

    public int size() {
        return size;
    }

    public double get(FrameColumn column, int frame) {
        if (frame < 0 || frame >= size) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + size);
        }
        return columns[column.ordinal()][frame];
    }

    /** A copy of one column, {@link #size()} long. */
    public double[] column(FrameColumn column) {
        return java.util.Arrays.copyOf(columns[column.ordinal()], size);
    }

    public int heatBuckets() {
        return buckets;
    }

    /** Lower price edge of heatmap bucket {@code bucket}. */
    public double heatBucketLow(int bucket) {
        return heatLow + bucket * heatBucketWidth;
    }

    public double heatBucketWidth() {
        return heatBucketWidth;
    }

    /** Liquidation notional (at the trigger price) still waiting in {@code bucket} at {@code frame}, USD. */
    public double heat(int frame, int bucket) {
        if (frame < 0 || frame >= size || bucket < 0 || bucket >= buckets) {
            throw new IndexOutOfBoundsException("frame " + frame + ", bucket " + bucket);
        }
        return heat[frame * buckets + bucket];
    }

    // ---- writing, by the simulator ---------------------------------------------------------------------------

    void set(FrameColumn column, double value) {
        columns[column.ordinal()][size] = value;
    }

    void setHeat(int bucket, double value) {
        heat[size * buckets + bucket] = (float) value;
    }

    void commit() {
        size++;
    }

    /** The value {@code column} had at an earlier, committed frame. */
    double committed(FrameColumn column, int frame) {
        return columns[column.ordinal()][frame];
    }
}
