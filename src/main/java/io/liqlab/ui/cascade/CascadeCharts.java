package io.liqlab.ui.cascade;

import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Frames;
import io.liqlab.sim.SimulationResult;
import io.liqlab.ui.Palette;
import io.liqlab.ui.Text;
import io.liqlab.ui.chart.ChartTheme;
import io.liqlab.ui.chart.TimeChart;
import io.liqlab.ui.chart.TimeChart.Axis;
import io.liqlab.ui.chart.TimeChart.Key;
import io.liqlab.ui.chart.TimeChart.Layer;
import io.liqlab.ui.chart.TimeChart.Shape;
import javafx.beans.value.ObservableValue;
import io.liqlab.ui.chart.Painter;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The pane's five synchronised charts: price with liquidation markers, the heatmap of liquidations waiting at each
 * price, liquidated notional per tick with cumulative and open interest, the insurance fund with ADL and bad debt,
 * and book depth with the cascade ratio R. A run is drawn once; playback moves each chart's cursor.
 */
public final class CascadeCharts extends GridPane {

    // The app's colour-blind-safe palette; long and short differ in shape as well as colour, for projectors too.
    static final Color LONG = Palette.venue(3);
    static final Color SHORT = Palette.venue(0);
    static final Color SHORT_ON_DARK = Palette.venue(5);
    static final Color MARK = Palette.venue(1);
    static final Color ADL = Palette.venue(4);
    static final Color BACKSTOP = Palette.venue(2);
    /** The compared run: Tol's olive (a dark gold here was hard to tell from LONG's vermillion under protanopia). */
    static final Color OTHER = Palette.venue(6);
    static final Color OTHER_ON_DARK = Color.web("#F0E442");
    /** Viridis, sampled: readable in grey and for the common colour-vision deficiencies. */
    private static final Color[] RAMP = {Color.web("#440154"), Color.web("#3B528B"), Color.web("#21918C"),
            Color.web("#5EC962"), Color.web("#FDE725")};

    final TimeChart price;
    final TimeChart heatmap;
    final TimeChart liquidated;
    final TimeChart fund;
    final TimeChart depth;
    private final List<TimeChart> all;

    private CascadeViewModel.Runs runs;
    private Series main;
    private Series other;
    /** The charts' common theme when the layers were last built; null if they had none in common. */
    private ChartTheme shownWith;

    /**
     * @param painting a serial lane of the task executor per chart, by the chart's name: the five paint a new run at
     *                 the same time (one chart's paints stay in order, its point reducer is its own)
     */
    CascadeCharts(ObservableValue<? extends Number> fontScale, DoubleConsumer scrubToSecond,
                  java.util.function.Function<String, java.util.concurrent.Executor> painting) {
        price = new TimeChart(Text.get("cascade.chart.price"), painting.apply("price"), handOver.lane());
        heatmap = new TimeChart(Text.get("cascade.chart.heatmap"), painting.apply("heatmap"), handOver.lane());
        liquidated = new TimeChart(Text.get("cascade.chart.liquidated"), painting.apply("liquidated"), handOver.lane());
        fund = new TimeChart(Text.get("cascade.chart.fund"), painting.apply("fund"), handOver.lane());
        depth = new TimeChart(Text.get("cascade.chart.depth"), painting.apply("depth"), handOver.lane());
        all = List.of(price, heatmap, liquidated, fund, depth);
        handOver.charts = all;
        getStyleClass().add("cascade-charts");
        setHgap(6);
        setVgap(6);
        price.setId("cascade-price-chart");
        heatmap.setId("cascade-heatmap");
        liquidated.setId("cascade-liquidated-chart");
        fund.setId("cascade-fund-chart");
        depth.setId("cascade-depth-chart");
        ColumnConstraints wide = new ColumnConstraints();
        wide.setPercentWidth(58);
        ColumnConstraints narrow = new ColumnConstraints();
        narrow.setPercentWidth(42);
        getColumnConstraints().addAll(wide, narrow);
        for (int i = 0; i < 6; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / 6);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        add(price, 0, 0, 1, 3);
        add(heatmap, 0, 3, 1, 3);
        add(liquidated, 1, 0, 1, 2);
        add(fund, 1, 2, 1, 2);
        add(depth, 1, 4, 1, 2);
        for (TimeChart c : all) {
            c.fontScaleProperty().bind(fontScale);
            // The layers and keys take colours from the charts' themes (the stylesheet's light or dark): new colours,
            // new layers. CSS restyles the five charts one after the other, a colour at a time; the layers are
            // rebuilt once all five show the same new theme, so no key keeps another chart's old colour.
            c.themeProperty().subscribe((ChartTheme before, ChartTheme after) -> {
                ChartTheme t = price.themeProperty().get();
                if (runs != null && !t.equals(shownWith) && all.stream().allMatch(chart -> chart.themeProperty().get().equals(t))) {
                    show(runs);
                }
            });
            c.setOnScrub(scrubToSecond);
            c.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            c.clear(Text.get("cascade.chart.running"));
        }
    }

    public List<TimeChart> charts() {
        return all;
    }

    /** Shows simulated seconds {@code from..to} on every chart. */
    void setWindow(double from, double to) {
        for (TimeChart c : all) {
            c.setTimeWindow(from, to);
        }
    }

    /**
     * Zoom and pan on every chart: the mouse wheel zooms around the second under the pointer ({@code zoom} gets the
     * factor, below 1 for in, and that second); a drag with the right or middle button, or with Shift, pans
     * ({@code pan} gets the seconds to move the range by).
     */
    void setNavigation(java.util.function.BiConsumer<Double, Double> zoom, DoubleConsumer pan) {
        for (TimeChart c : all) {
            c.addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, e -> {
                double at = c.secondAt(e.getX());
                if (e.getDeltaY() == 0 || Double.isNaN(at)) {
                    return;
                }
                // Wheel up (away from you, positive delta): in. One step per event, whatever the platform's delta.
                zoom.accept(e.getDeltaY() > 0 ? 0.8 : 1.25, at);
                e.consume();
            });
            double[] last = {Double.NaN};
            c.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> last[0] =
                    e.getButton() != javafx.scene.input.MouseButton.PRIMARY || e.isShiftDown() ? e.getX() : Double.NaN);
            c.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> {
                double perPixel = c.secondsPerPixel();
                if (!Double.isNaN(last[0]) && !Double.isNaN(perPixel)) {
                    pan.accept(-(e.getX() - last[0]) * perPixel); // the plot follows the pointer
                    last[0] = e.getX();
                }
            });
            c.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> last[0] = Double.NaN);
        }
    }

    /** Draws a run (and the run it is compared with) on every chart. */
    void show(CascadeViewModel.Runs r) {
        runs = r;
        ChartTheme now = price.themeProperty().get();
        // Null while CSS has restyled some charts and not others: the layers are then built again once it is done.
        shownWith = all.stream().allMatch(c -> c.themeProperty().get().equals(now)) ? now : null;
        main = new Series(r.main());
        other = r.other() == null ? null : new Series(r.other());
        boolean dark = isDark();
        Color shortColor = dark ? SHORT_ON_DARK : SHORT;
        Color otherColor = dark ? OTHER_ON_DARK : OTHER;
        double seconds = main.time[main.n - 1];
        if (other != null) {
            seconds = Math.max(seconds, other.time[other.n - 1]);
        }
        String mainName = r.mainVenue().name();
        String otherName = r.otherVenue() == null ? "" : r.otherVenue().name();
        // All five at once: each paints on its own lane, and the hand-over shows them together in one pulse (one per
        // pulse made a new run wait at least five frames; with the data painted off the FX thread into images, the
        // renderer only copies them).
        showPrice(seconds, shortColor, otherColor, mainName, otherName);
        showHeatmap(seconds, otherColor, otherName);
        showLiquidated(seconds, shortColor, otherColor, otherName);
        showFund(seconds, otherColor, otherName);
        showDepth(seconds, otherColor, otherName);
        // Painting starts now, in the callback that handed the run over: waiting for the next pulse's layout made every
        // new run wait a frame (or more, behind the pulse's other work) before its charts even began to paint.
        all.forEach(TimeChart::drawNow);
    }

    private final HandOver handOver = new HandOver();

    /**
     * Holds the charts' painted data until every chart that is painting has finished, then puts all of it on the
     * canvases in one go on the FX thread: a new run appears in one pulse, not chart by chart. A chart that has
     * nothing under way (drawn, or not laid out) is not waited for; after {@link #MAX_HOLD_NANOS} what is there
     * is shown anyway, so a slow chart never holds the others back for long.
     */
    private static final class HandOver extends javafx.animation.AnimationTimer {
        static final long MAX_HOLD_NANOS = 150_000_000L;
        List<TimeChart> charts = List.of();
        private final java.util.Map<Integer, Runnable> held = new java.util.LinkedHashMap<>();
        private long heldSince;
        private boolean ticking;

        /** The executor chart {@code k} (in construction order) hands its painted data to, from its painting thread. */
        java.util.concurrent.Executor lane() {
            int k = lanes++;
            return done -> javafx.application.Platform.runLater(() -> arrive(k, done));
        }

        private int lanes;

        private void arrive(int k, Runnable done) {
            if (held.isEmpty()) {
                heldSince = System.nanoTime();
            }
            held.put(k, done); // a newer paint of the same chart replaces one not shown yet
            if (allIn()) {
                release();
            } else if (!ticking) {
                ticking = true;
                start();
            }
        }

        /** Every chart has either handed its data in or has none coming (drawn, or waiting for a size). */
        private boolean allIn() {
            for (int k = 0; k < charts.size(); k++) {
                if (!held.containsKey(k) && !charts.get(k).isDrawn()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void handle(long now) {
            if (held.isEmpty() || allIn() || System.nanoTime() - heldSince > MAX_HOLD_NANOS) {
                release();
            }
        }

        private void release() {
            List<Runnable> now = List.copyOf(held.values());
            held.clear();
            if (ticking) {
                ticking = false;
                stop();
            }
            now.forEach(Runnable::run);
        }
    }

    /**
     * Runs {@code action} (on the FX thread) once every chart shows the run it was last given, its data painted; at
     * the latest after two seconds, so an export never waits forever on a chart that is not laid out.
     */
    void whenDrawn(Runnable action) {
        if (drawn()) {
            action.run();
            return;
        }
        long giveUp = System.nanoTime() + 2_000_000_000L;
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (drawn() || now > giveUp) {
                    stop();
                    if (!drawn()) {
                        System.getLogger(CascadeCharts.class.getName()).log(System.Logger.Level.WARNING,
                                "charts still drawing after 2 s; going on with what they show");
                    }
                    action.run();
                }
            }
        }.start();
    }

    private boolean drawn() {
        return all.stream().allMatch(TimeChart::isDrawn);
    }

    void setCursor(double second) {
        for (TimeChart c : all) {
            c.setCursor(second);
        }
    }

    void setDataVisible(boolean visible) {
        for (TimeChart c : all) {
            c.setDataVisible(visible);
        }
    }

    private boolean isDark() {
        ChartTheme t = price.themeProperty().get();
        return t != null && t.background().getBrightness() < 0.5;
    }

    // ---- price -------------------------------------------------------------------------------------------

    /** The seed band behind the price chart's mid, or null. */
    private io.liqlab.sim.SeedBand band;

    /** Draws {@code newBand} (or none) behind the played run's price; only the price chart is drawn again. */
    void setBand(io.liqlab.sim.SeedBand newBand) {
        band = newBand;
        if (runs == null || main == null) {
            return;
        }
        boolean dark = isDark();
        double seconds = main.time[main.n - 1];
        if (other != null) {
            seconds = Math.max(seconds, other.time[other.n - 1]);
        }
        showPrice(seconds, dark ? SHORT_ON_DARK : SHORT, dark ? OTHER_ON_DARK : OTHER, runs.mainVenue().name(),
                runs.otherVenue() == null ? "" : runs.otherVenue().name());
    }

    private void showPrice(double seconds, Color shortColor, Color otherColor, String mainName, String otherName) {
        Series main = this.main; // the layers are painted on another thread: they keep this run, whatever comes next
        io.liqlab.sim.SeedBand seedBand = this.band;
        double lo = Math.min(main.min(main.mid), main.min(main.mark));
        double hi = Math.max(main.max(main.mid), main.max(main.mark));
        if (seedBand != null) {
            for (int k = 0; k < seedBand.size(); k++) {
                lo = Math.min(lo, seedBand.p10()[k]);
                hi = Math.max(hi, seedBand.p90()[k]);
            }
        }
        if (other != null) {
            lo = Math.min(lo, other.min(other.mid));
            hi = Math.max(hi, other.max(other.mid));
        }
        double pad = (hi - lo) * 0.08 + hi * 1e-4;
        List<Key> keys = new ArrayList<>(List.of(
                Key.inTextColour(Text.get("cascade.key.mid"), Shape.LINE),
                new Key(Text.get("cascade.key.mark"), MARK, Shape.DASHED),
                new Key(Text.get("cascade.key.longsLiquidated"), LONG, Shape.TRIANGLE_DOWN),
                new Key(Text.get("cascade.key.shortsLiquidated"), shortColor, Shape.TRIANGLE_UP),
                new Key(Text.get("cascade.key.adl"), ADL, Shape.DIAMOND),
                new Key(Text.get("cascade.key.backstop"), BACKSTOP, Shape.SQUARE)));
        if (other != null) {
            keys.add(new Key(Text.format("cascade.key.midOn", otherName), otherColor, Shape.DASHED));
        }
        List<Layer> layers = new ArrayList<>();
        if (seedBand != null) {
            keys.add(new Key(Text.get("cascade.band.key"), BAND, Shape.SQUARE));
            layers.add((gc, p) -> drawBand(gc, p, seedBand));
        }
        Series o = other;
        if (o != null) {
            layers.add((gc, p) -> p.polyline(gc, o.time, o.mid, o.n, false, otherColor, 2, true));
        }
        layers.add((gc, p) -> p.polyline(gc, main.time, main.mark, main.n, false, MARK, 1.5, true));
        layers.add((gc, p) -> p.polyline(gc, main.time, main.mid, main.n, false, p.theme().text(), 2.2, false));
        layers.add((gc, p) -> drawMarkers(gc, p, main, shortColor));
        double dry = runs.main().fundEmptySecond();
        if (!Double.isNaN(dry)) {
            String fundDry = Text.get("cascade.event.fundDry");
            layers.add((gc, p) -> p.event(gc, dry, fundDry, LONG));
        }
        price.setTitle(Text.format("cascade.chart.priceOn", mainName));
        price.setContent(seconds, new Axis(Text.get("cascade.axis.price"), lo - pad, hi + pad, CascadeCharts::priceLabel), null, keys, layers);
    }

    private static final Color BAND = Color.rgb(90, 140, 220, 0.28);

    /**
     * The band as one filled shape: along the 90th percentile, back along the 10th, one point per pixel column
     * (the column's highest 90th and lowest 10th percentile), clamped to the plot.
     */
    private static void drawBand(Painter gc, TimeChart.Plot p, io.liqlab.sim.SeedBand b) {
        int columns = Math.max(1, (int) Math.floor(p.width()));
        double[] top = new double[columns];
        double[] bottom = new double[columns];
        java.util.Arrays.fill(top, Double.NaN);
        java.util.Arrays.fill(bottom, Double.NaN);
        for (int k = 0; k < b.size(); k++) {
            double x = p.x(b.time()[k]) - p.left();
            if (x < 0 || x >= columns) {
                continue;
            }
            int c = (int) Math.floor(x);
            top[c] = Double.isNaN(top[c]) ? b.p90()[k] : Math.max(top[c], b.p90()[k]);
            bottom[c] = Double.isNaN(bottom[c]) ? b.p10()[k] : Math.min(bottom[c], b.p10()[k]);
        }
        gc.setFill(BAND);
        gc.beginPath();
        boolean started = false;
        for (int c = 0; c < columns; c++) {
            if (Double.isNaN(top[c])) {
                continue;
            }
            double y = Math.clamp(p.y(top[c]), p.top(), p.bottom());
            if (started) {
                gc.lineTo(p.left() + c, y);
            } else {
                gc.moveTo(p.left() + c, y);
                started = true;
            }
        }
        for (int c = columns - 1; c >= 0; c--) {
            if (!Double.isNaN(bottom[c])) {
                gc.lineTo(p.left() + c, Math.clamp(p.y(bottom[c]), p.top(), p.bottom()));
            }
        }
        gc.closePath();
        if (started) {
            gc.fill();
        }
    }

    /**
     * One marker per pixel column and side, its area proportional to the notional liquidated in that column; ADL
     * fills and backstop hand-overs as small marks along the top.
     */
    private static void drawMarkers(Painter gc, TimeChart.Plot p, Series main, Color shortColor) {
        int columns = Math.max(1, (int) Math.floor(p.width()) - 1);
        double[] longN = new double[columns];
        double[] shortN = new double[columns];
        double[] markAt = new double[columns];
        boolean[] adl = new boolean[columns];
        boolean[] backstop = new boolean[columns];
        double max = 0;
        for (int i = 1; i < main.n; i++) {
            double x = p.x(main.time[i]) - p.left();
            if (x < 0 || x >= columns + 1) {
                continue; // outside the time range shown
            }
            int c = (int) Math.min(columns - 1, Math.floor(x));
            longN[c] += main.liqLong[i];
            shortN[c] += main.liqShort[i];
            markAt[c] = main.mark[i];
            adl[c] |= main.adlCount[i] > 0;
            backstop[c] |= main.backstop[i] > 0;
            max = Math.max(max, Math.max(longN[c], shortN[c]));
        }
        double s = p.scale();
        double minR = 2.5 * s;
        double maxR = Math.max(minR, Math.min(16 * s, p.height() / 8));
        // Each side's markers are one path filled once: the software renderer sets up a rasterizer per fill, and
        // a thousand separate triangles kept the render thread (and the next pulse) busy for ~140 ms.
        gc.setGlobalAlpha(0.75);
        for (int side = 0; side < 2; side++) {
            double[] notional = side == 0 ? longN : shortN;
            boolean up = side == 1;
            gc.beginPath();
            boolean any = false;
            for (int c = 0; c < columns; c++) {
                if (notional[c] > 0) {
                    double r = minR + (maxR - minR) * Math.sqrt(notional[c] / max);
                    double cx = inside(p.left() + c + 0.5, p.left(), p.right(), r);
                    double cy = inside(p.y(markAt[c]) + (up ? -r : r) * 0.6, p.top(), p.bottom(), r);
                    double d = up ? -1 : 1;
                    gc.moveTo(cx, cy + d * r);
                    gc.lineTo(cx - r * 0.87, cy - d * r * 0.5);
                    gc.lineTo(cx + r * 0.87, cy - d * r * 0.5);
                    gc.closePath();
                    any = true;
                }
            }
            if (any) {
                gc.setFill(side == 0 ? LONG : shortColor);
                gc.fill();
            }
        }
        gc.setGlobalAlpha(1);
        gc.beginPath();
        boolean anyAdl = false;
        for (int c = 0; c < columns; c++) {
            if (adl[c]) {
                double cx = p.left() + c + 0.5;
                double cy = p.top() + 7 * s;
                double r = 4 * s;
                gc.moveTo(cx, cy - r);
                gc.lineTo(cx + r, cy);
                gc.lineTo(cx, cy + r);
                gc.lineTo(cx - r, cy);
                gc.closePath();
                anyAdl = true;
            }
        }
        if (anyAdl) {
            gc.setFill(ADL);
            gc.fill();
        }
        gc.beginPath();
        boolean anyBackstop = false;
        for (int c = 0; c < columns; c++) {
            if (backstop[c]) {
                gc.rect(p.left() + c + 0.5 - 3 * s, p.top() + 15 * s, 6 * s, 6 * s);
                anyBackstop = true;
            }
        }
        if (anyBackstop) {
            gc.setFill(BACKSTOP);
            gc.fill();
        }
        gc.beginPath();
    }

    /** A marker centre moved just enough to keep a marker of radius r inside [lo, hi]. */
    private static double inside(double v, double lo, double hi, double r) {
        return Math.max(lo + r, Math.min(hi - r, v));
    }

    // ---- heatmap ---------------------------------------------------------------------------------------------

    private void showHeatmap(double seconds, Color otherColor, String otherName) {
        Series main = this.main; // the layers are painted on another thread: they keep this run, whatever comes next
        Frames f = runs.main().frames();
        double heatLow = f.heatBucketLow(0);
        double heatHigh = f.heatBucketLow(f.heatBuckets() - 1) + f.heatBucketWidth();
        double lo = main.min(main.mid);
        double hi = main.max(main.mid);
        double start = main.mid[0];
        // Enough room below and above the path to see the walls it runs into, within the buckets the run kept.
        double span = Math.max(hi - lo, start * 0.04);
        double yLo = Math.max(heatLow, lo - span * 0.8);
        double yHi = Math.min(heatHigh, hi + span * 0.5);
        HeatImage image = new HeatImage(f);
        List<Key> keys = new ArrayList<>(List.of(
                Key.inTextColour(Text.get("cascade.key.mid"), Shape.LINE),
                new Key(Text.get("cascade.key.littleWaiting"), RAMP[0], Shape.BAR),
                new Key(Text.get("cascade.key.muchWaiting"), RAMP[RAMP.length - 1], Shape.BAR)));
        Series o = other;
        List<Layer> layers = new ArrayList<>();
        layers.add(image::draw);
        if (o != null) {
            keys.add(new Key(Text.format("cascade.key.midOn", otherName), otherColor, Shape.DASHED));
            layers.add((gc, p) -> p.polyline(gc, o.time, o.mid, o.n, false, otherColor, 2, true));
        }
        layers.add((gc, p) -> {
            p.polyline(gc, main.time, main.mid, main.n, false, Color.BLACK, 4, false);
            p.polyline(gc, main.time, main.mid, main.n, false, Color.WHITE, 2, false);
        });
        heatmap.setContent(seconds, new Axis(Text.get("cascade.axis.price"), yLo, yHi, CascadeCharts::priceLabel), null, keys, layers);
    }

    /**
     * The heatmap at the plot's pixel grid: each pixel column shows the frame at its time, each pixel row the bucket
     * holding its price, coloured by the log of the notional waiting there. Built once per run and plot size.
     */
    private static final class HeatImage {
        private final Frames frames;
        /** The log of the largest cell, found on the painting thread (a loop over every frame's buckets). */
        private double logMax = Double.NaN;
        private int[] image;
        private int builtW;
        private int builtH;
        private double builtLo;
        private double builtHi;

        HeatImage(Frames frames) {
            this.frames = frames;
        }

        private static double logMax(Frames f) {
            float maxHeat = 0;
            for (int i = 0; i < f.size(); i++) {
                for (int b = 0; b < f.heatBuckets(); b++) {
                    maxHeat = (float) Math.max(maxHeat, f.heat(i, b));
                }
            }
            return Math.log10(Math.max(1, maxHeat));
        }

        /** Painted on the chart's painting thread, one chart at a time: the cached pixels are not shared. */
        synchronized void draw(Painter gc, TimeChart.Plot p) {
            int w = (int) Math.round(p.width());
            int h = (int) Math.round(p.height());
            if (Double.isNaN(logMax)) {
                logMax = logMax(frames);
            }
            if (w <= 0 || h <= 0 || logMax <= 0) {
                return;
            }
            double lo = p.yValue(p.bottom());
            double hi = p.yValue(p.top());
            if (image == null || w != builtW || h != builtH || lo != builtLo || hi != builtHi) {
                image = build(p, w, h);
                builtW = w;
                builtH = h;
                builtLo = lo;
                builtHi = hi;
            }
            gc.drawImage(image, w, h, p.left(), p.top());
        }

        private int[] build(TimeChart.Plot p, int w, int h) {
            int buckets = frames.heatBuckets();
            int[] rowBucket = new int[h];
            // The buckets the plot's rows show: only those are coloured (the range shown is a part of the run's).
            int shownLo = buckets;
            int shownHi = -1;
            for (int y = 0; y < h; y++) {
                double priceAt = p.yValue(p.top() + y + 0.5);
                int b = (int) Math.floor((priceAt - frames.heatBucketLow(0)) / frames.heatBucketWidth());
                rowBucket[y] = b;
                if (b >= 0 && b < buckets) {
                    shownLo = Math.min(shownLo, b);
                    shownHi = Math.max(shownHi, b);
                }
            }
            int[] argb = new int[w * h];
            int[] lut = new int[256];
            for (int i = 0; i < 256; i++) {
                lut[i] = PhaseMapView.argb(ramp(i / 255.0));
            }
            // Three decades of colour: from a thousandth of the largest cell to the largest.
            double floor = logMax - 3;
            // Colour each bucket once per pixel column (a hundred logarithms), then fill the column's rows from
            // it: a logarithm per pixel took ~80 ms on the FX thread for a new run. Columns showing the same frame (a
            // zoomed-in range) share the colouring.
            int[] bucketColor = new int[buckets];
            int coloured = -1;
            for (int x = 0; x < w; x++) {
                int frame = (int) Math.max(0, Math.min(frames.size() - 1,
                        Math.round(p.second(p.left() + x + 0.5) / tickOf(frames))));
                for (int b = shownLo; b <= shownHi && frame != coloured; b++) {
                    double v = frames.heat(frame, b);
                    if (v <= 0) {
                        bucketColor[b] = 0;
                    } else {
                        double t = (Math.log10(v) - floor) / 3;
                        bucketColor[b] = lut[(int) Math.round(Math.max(0.04, Math.min(1, t)) * 255)];
                    }
                }
                coloured = frame;
                for (int y = 0; y < h; y++) {
                    int b = rowBucket[y];
                    if (b >= 0 && b < buckets) {
                        argb[y * w + x] = bucketColor[b];
                    }
                }
            }
            return argb;
        }

        private static double tickOf(Frames f) {
            return f.size() > 1 ? f.get(FrameColumn.TIME, 1) - f.get(FrameColumn.TIME, 0) : 1;
        }

        private static Color ramp(double t) {
            double scaled = t * (RAMP.length - 1);
            int i = (int) Math.min(RAMP.length - 2, Math.floor(scaled));
            return RAMP[i].interpolate(RAMP[i + 1], scaled - i);
        }

    }

    // ---- liquidated, fund, depth -------------------------------------------------------------------------------

    private void showLiquidated(double seconds, Color shortColor, Color otherColor, String otherName) {
        Series main = this.main; // the layers are painted on another thread: they keep this run, whatever comes next
        double maxBar = Math.max(main.max(main.liqLong), main.max(main.liqShort));
        double maxBarLong = Math.max(main.max(main.liqLong), maxBar * 0.1);
        double maxBarShort = Math.max(main.max(main.liqShort), maxBar * 0.1);
        double right = Math.max(main.max(main.cumulative), main.max(main.openInterest));
        if (other != null) {
            right = Math.max(right, other.max(other.cumulative));
        }
        List<Key> keys = new ArrayList<>(List.of(new Key(Text.get("cascade.key.longsPerTick"), LONG, Shape.BAR),
                new Key(Text.get("cascade.key.shortsPerTick"), shortColor, Shape.BAR),
                Key.inTextColour(Text.get("cascade.key.cumulative"), Shape.LINE),
                new Key(Text.get("cascade.key.openInterest"), MARK, Shape.DASHED)));
        List<Layer> layers = new ArrayList<>();
        layers.add((gc, p) -> drawBars(gc, p, main, shortColor));
        layers.add((gc, p) -> p.polyline(gc, main.time, main.openInterest, main.n, true, MARK, 1.5, true));
        Series o = other;
        if (o != null) {
            keys.add(new Key(Text.format("cascade.key.cumulativeOn", otherName), otherColor, Shape.DASHED));
            layers.add((gc, p) -> p.polyline(gc, o.time, o.cumulative, o.n, true, otherColor, 2, true));
        }
        layers.add((gc, p) -> p.polyline(gc, main.time, main.cumulative, main.n, true, p.theme().text(), 2, false));
        liquidated.setContent(seconds, new Axis(Text.get("cascade.axis.perTick"), -maxBarShort * 1.05, maxBarLong * 1.05,
                CascadeCharts::usdLabel), new Axis(Text.get("cascade.axis.cumulative"), 0, right * 1.05 + 1,
                CascadeCharts::usdLabel), keys, layers);
    }

    /** Per pixel column the largest tick's notional: longs up from zero, shorts down. */
    private static void drawBars(Painter gc, TimeChart.Plot p, Series main, Color shortColor) {
        int columns = Math.max(1, (int) Math.floor(p.width()) - 1);
        double[] up = new double[columns];
        double[] down = new double[columns];
        for (int i = 1; i < main.n; i++) {
            double x = p.x(main.time[i]) - p.left();
            if (x < 0 || x >= columns + 1) {
                continue; // outside the time range shown
            }
            int c = (int) Math.min(columns - 1, Math.floor(x));
            up[c] = Math.max(up[c], main.liqLong[i]);
            down[c] = Math.max(down[c], main.liqShort[i]);
        }
        double zero = p.y(0);
        double tick = main.n > 1 ? main.time[1] - main.time[0] : 1;
        double ticksShown = (p.second(p.right()) - p.second(p.left())) / tick;
        double barW = Math.max(1, Math.min(p.width() / Math.max(1, ticksShown), 8 * p.scale()));
        gc.setFill(LONG);
        for (int c = 0; c < columns; c++) {
            if (up[c] > 0) {
                double top = Math.min(zero - 1, p.y(up[c]));
                gc.fillRect(p.left() + c + 0.5 - barW / 2, top, barW, zero - top);
            }
        }
        gc.setFill(shortColor);
        for (int c = 0; c < columns; c++) {
            if (down[c] > 0) {
                double bottom = Math.max(zero + 1, p.y(-down[c]));
                gc.fillRect(p.left() + c + 0.5 - barW / 2, zero, barW, bottom - zero);
            }
        }
        gc.setStroke(p.theme().axis());
        gc.setLineWidth(1);
        gc.strokeLine(p.left(), Math.rint(zero) + 0.5, p.right(), Math.rint(zero) + 0.5);
    }

    private void showFund(double seconds, Color otherColor, String otherName) {
        Series main = this.main; // the layers are painted on another thread: they keep this run, whatever comes next
        // The fund on its own axis: beside tens of millions of ADL its few hundred thousand would be a flat line.
        double fundMax = main.max(main.fund);
        double covered = Math.max(main.max(main.badDebt), main.max(main.adlNotional));
        if (other != null) {
            fundMax = Math.max(fundMax, other.max(other.fund));
        }
        List<Key> keys = new ArrayList<>(List.of(new Key(Text.get("cascade.key.fund"), BACKSTOP, Shape.LINE),
                new Key(Text.get("cascade.key.adlNotional"), ADL, Shape.LINE),
                new Key(Text.get("cascade.key.badDebt"), LONG, Shape.LINE)));
        List<Layer> layers = new ArrayList<>();
        Series o = other;
        if (o != null) {
            keys.add(new Key(Text.format("cascade.key.fundOn", otherName), otherColor, Shape.DASHED));
            layers.add((gc, p) -> p.polyline(gc, o.time, o.fund, o.n, false, otherColor, 2, true));
        }
        layers.add((gc, p) -> p.polyline(gc, main.time, main.adlNotional, main.n, true, ADL, 2, false));
        layers.add((gc, p) -> p.polyline(gc, main.time, main.badDebt, main.n, true, LONG, 2, false));
        layers.add((gc, p) -> p.polyline(gc, main.time, main.fund, main.n, false, BACKSTOP, 2.5, false));
        double dry = runs.main().fundEmptySecond();
        if (!Double.isNaN(dry)) {
            String fundDryAt = Text.format("cascade.event.fundDryAt", EventLog.clock(dry));
            layers.add((gc, p) -> p.event(gc, dry, fundDryAt, LONG));
        }
        fund.setContent(seconds, new Axis(Text.get("cascade.axis.fund"), 0, fundMax * 1.08 + 1, CascadeCharts::usdLabel),
                new Axis(Text.get("cascade.axis.covered"), 0, covered * 1.08 + 1, CascadeCharts::usdLabel), keys, layers);
    }

    private void showDepth(double seconds, Color otherColor, String otherName) {
        Series main = this.main; // the layers are painted on another thread: they keep this run, whatever comes next
        double money = Math.max(main.max(main.bid), main.max(main.ask));
        double maxR = Math.max(1.2, main.max(main.r) * 1.1);
        if (other != null) {
            maxR = Math.max(maxR, other.max(other.r) * 1.1);
        }
        List<Key> keys = new ArrayList<>(List.of(new Key(Text.get("cascade.key.bids"), BACKSTOP, Shape.LINE),
                new Key(Text.get("cascade.key.asks"), ADL, Shape.LINE), Key.inTextColour(Text.get("cascade.key.r"), Shape.LINE)));
        List<Layer> layers = new ArrayList<>();
        layers.add((gc, p) -> p.polyline(gc, main.time, main.bid, main.n, false, BACKSTOP, 2, false));
        layers.add((gc, p) -> p.polyline(gc, main.time, main.ask, main.n, false, ADL, 2, false));
        layers.add((gc, p) -> p.reference(gc, 1, true, "R = 1", LONG));
        Series o = other;
        if (o != null) {
            keys.add(new Key(Text.format("cascade.key.rOn", otherName), otherColor, Shape.DASHED));
            layers.add((gc, p) -> p.polyline(gc, o.time, o.r, o.n, true, otherColor, 2, true));
        }
        layers.add((gc, p) -> p.polyline(gc, main.time, main.r, main.n, true, p.theme().text(), 2, false));
        depth.setContent(seconds, new Axis(Text.get("cascade.axis.usd"), 0, money * 1.08 + 1, CascadeCharts::usdLabel),
                new Axis("R", 0, maxR, CascadeCharts::ratioLabel), keys, layers);
    }

    // ---- data ------------------------------------------------------------------------------------------------

    /** A run's columns as arrays, read once per run. */
    private static final class Series {
        final int n;
        final double[] time;
        final double[] mid;
        final double[] mark;
        final double[] liqLong;
        final double[] liqShort;
        final double[] cumulative;
        final double[] openInterest;
        final double[] fund;
        final double[] badDebt;
        final double[] adlCount;
        final double[] adlNotional;
        final double[] backstop;
        final double[] bid;
        final double[] ask;
        final double[] r;

        Series(SimulationResult result) {
            Frames f = result.frames();
            n = f.size();
            time = f.column(FrameColumn.TIME);
            mid = f.column(FrameColumn.MID);
            mark = f.column(FrameColumn.MARK);
            liqLong = f.column(FrameColumn.LIQUIDATED_NOTIONAL_LONG);
            liqShort = f.column(FrameColumn.LIQUIDATED_NOTIONAL_SHORT);
            cumulative = f.column(FrameColumn.CUMULATIVE_LIQUIDATED_NOTIONAL);
            double[] oiLong = f.column(FrameColumn.OPEN_INTEREST_LONG);
            double[] oiShort = f.column(FrameColumn.OPEN_INTEREST_SHORT);
            openInterest = new double[n];
            for (int i = 0; i < n; i++) {
                openInterest[i] = oiLong[i] + oiShort[i];
            }
            fund = f.column(FrameColumn.INSURANCE_FUND);
            badDebt = f.column(FrameColumn.CUMULATIVE_BAD_DEBT);
            adlCount = f.column(FrameColumn.ADL_COUNT);
            adlNotional = running(f.column(FrameColumn.ADL_NOTIONAL));
            backstop = f.column(FrameColumn.BACKSTOP_NOTIONAL);
            bid = f.column(FrameColumn.BID_DEPTH_1PCT);
            ask = f.column(FrameColumn.ASK_DEPTH_1PCT);
            r = f.column(FrameColumn.R);
        }

        private static double[] running(double[] perTick) {
            double[] out = new double[perTick.length];
            double sum = 0;
            for (int i = 0; i < perTick.length; i++) {
                sum += perTick[i];
                out[i] = sum;
            }
            return out;
        }

        double min(double[] values) {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(values[i])) {
                    m = Math.min(m, values[i]);
                }
            }
            return Double.isFinite(m) ? m : 0;
        }

        double max(double[] values) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(values[i])) {
                    m = Math.max(m, values[i]);
                }
            }
            return Double.isFinite(m) ? m : 0;
        }
    }

    static String priceLabel(double v) {
        return Math.abs(v) >= 10_000 ? io.liqlab.ui.LocalNumbers.compact(v) : io.liqlab.ui.LocalNumbers.plain(Math.round(v * 100) / 100.0);
    }

    static String usdLabel(double v) {
        return v == 0 ? "0" : EventLog.usd(v);
    }

    static String ratioLabel(double v) {
        return io.liqlab.ui.LocalNumbers.fixed(v, 1);
    }
}
