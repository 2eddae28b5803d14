package io.liqlab.report;

import io.liqlab.core.Numbers;
import io.liqlab.profile.AtomicFiles;
import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Frames;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A simulation's frames as CSV: what {@code liqlab simulate --frames} writes, and what an export from the window
 * can write. Two files: the frame figures (one column per {@link FrameColumn}, in enum order) and the heatmap
 * (the time, then one column per price bucket, named by the bucket's lower edge: {@code p58500.00}).
 *
 * <p>Numbers are written the same on every machine and locale: plain decimals without exponent, money rounded to
 * the cent, counts without decimals, prices, times and ratios to 12 significant digits; empty for NaN. Lines end
 * with {@code \n}. The same frames always give the same bytes (nothing time- or machine-dependent is written).
 */
public final class FramesCsv {
    private FramesCsv() {
    }

    /** How a column's numbers are written. */
    enum Kind {
        /** USD, to the cent. */
        MONEY,
        /** A whole number of events. */
        COUNT,
        /** Time, prices, ratios: 12 significant digits. */
        DECIMAL
    }

    static Kind kind(FrameColumn c) {
        return switch (c) {
            case FORCED_SELL_NOTIONAL, FORCED_BUY_NOTIONAL, EXTERNAL_FLOW_NOTIONAL, LIQUIDATED_NOTIONAL_LONG,
                 LIQUIDATED_NOTIONAL_SHORT, PARTIAL_NOTIONAL, FULL_NOTIONAL, BACKSTOP_NOTIONAL,
                 CUMULATIVE_LIQUIDATED_NOTIONAL, INSURANCE_FUND,
                 ADL_NOTIONAL, CUMULATIVE_BAD_DEBT, OPEN_INTEREST_LONG, OPEN_INTEREST_SHORT, BID_DEPTH_1PCT,
                 ASK_DEPTH_1PCT, BACKSTOP_VAULT -> Kind.MONEY;
            case LIQUIDATIONS_LONG, LIQUIDATIONS_SHORT, PARTIAL_LIQUIDATIONS, FULL_LIQUIDATIONS, BACKSTOP_LIQUIDATIONS,
                 ADL_COUNT -> Kind.COUNT;
            // The money imbalance is rounding drift far below a cent: rounding it to cents would hide what it shows.
            default -> Kind.DECIMAL;
        };
    }

    /** The frames file's header line (without the line end). */
    public static String header() {
        StringBuilder sb = new StringBuilder();
        for (FrameColumn c : FrameColumn.values()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(c.header());
        }
        return sb.toString();
    }

    /** Every frame, one row each after the header. */
    public static void write(Frames frames, Writer out) throws IOException {
        FrameColumn[] columns = FrameColumn.values();
        Kind[] kinds = new Kind[columns.length];
        for (int i = 0; i < columns.length; i++) {
            kinds[i] = kind(columns[i]);
        }
        out.write(header());
        out.write('\n');
        StringBuilder row = new StringBuilder(512);
        for (int f = 0; f < frames.size(); f++) {
            row.setLength(0);
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    row.append(',');
                }
                double v = frames.get(columns[i], f);
                row.append(switch (kinds[i]) {
                    case MONEY -> money(v);
                    case COUNT -> count(v);
                    case DECIMAL -> decimal(v);
                });
            }
            row.append('\n');
            out.write(row.toString());
        }
    }

    /** The heatmap: {@code time}, then the liquidation notional waiting in each price bucket (USD), one row per frame. */
    public static void writeHeatmap(Frames frames, Writer out) throws IOException {
        int buckets = frames.heatBuckets();
        StringBuilder row = new StringBuilder(16 * (buckets + 1));
        row.append(FrameColumn.TIME.header());
        for (int b = 0; b < buckets; b++) {
            row.append(',').append(bucketColumn(frames, b));
        }
        row.append('\n');
        out.write(row.toString());
        for (int f = 0; f < frames.size(); f++) {
            row.setLength(0);
            row.append(decimal(frames.get(FrameColumn.TIME, f)));
            for (int b = 0; b < buckets; b++) {
                row.append(',').append(money(frames.heat(f, b)));
            }
            row.append('\n');
            out.write(row.toString());
        }
    }

    /**
     * The heatmap column name of {@code bucket}: {@code p} and its lower price edge with two decimals, or more when
     * buckets are narrower than a cent so that no two columns share a name.
     */
    public static String bucketColumn(Frames frames, int bucket) {
        double width = frames.heatBucketWidth();
        int decimals = 2;
        if (width > 0 && width < 0.1) {
            decimals = Math.min(12, Math.max(2, (int) Math.ceil(-Math.log10(width)) + 1));
        }
        return "p" + Numbers.decimals(frames.heatBucketLow(bucket), decimals);
    }

    /** The heatmap file written beside {@code framesCsv}: {@code run.csv} gives {@code run.heatmap.csv}. */
    public static Path heatmapPath(Path framesCsv) {
        String name = framesCsv.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return framesCsv.resolveSibling(base + ".heatmap.csv");
    }

    /**
     * Writes the frames to {@code framesCsv} and the heatmap to {@link #heatmapPath(Path)}, each atomically (a
     * temporary file in the same folder, then a move): a failed write leaves an earlier file untouched.
     *
     * @return the heatmap file written
     */
    public static Path writeFiles(Frames frames, Path framesCsv) throws IOException {
        Path heatmap = heatmapPath(framesCsv);
        // Both or neither: a frames file beside an older run's heatmap would not belong together.
        AtomicFiles.writeAll(java.util.List.of(framesCsv, heatmap), java.util.List.of(stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            write(frames, w);
            w.flush();
        }, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            writeHeatmap(frames, w);
            w.flush();
        }));
        return heatmap;
    }

    // ---- numbers ---------------------------------------------------------------------------------------------

    /** USD to the cent, without trailing zeros: 1234.5, 100000, 0. */
    static String money(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return stripped(new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A count: 3. A count that is not whole (it should be) keeps its decimals rather than being truncated. */
    static String count(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return decimal(v);
    }

    /** 12 significant digits, plain: 60000, 0.3, 0.000000000116415321827 ({@link Numbers#plain(double)}). */
    static String decimal(double v) {
        return Numbers.plain(v);
    }

    private static String stripped(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "" : v > 0 ? "inf" : "-inf";
    }
}
