package io.liqlab.ui.cascade;

import io.liqlab.sim.PhaseMap;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;

/**
 * The phase map as a heatmap on a canvas: one square per cell coloured by its amplification (log scale), cells
 * not computed yet drawn in their coarser neighbour's colour, the R = 1 boundary as a white line between cells
 * that cascade and cells that absorb. Hover shows a cell's figures; a click plays its run. While the map computes a
 * timer hands every frame's time to the view-model, which takes new cells a few times a second; the canvas is
 * redrawn only when they change.
 */
public final class PhaseMapView extends BorderPane {

    private static final double LEFT = 64;
    private static final double BOTTOM = 40;
    private static final double TOP = 10;
    private static final double RIGHT = 84;

    private final PhaseMapViewModel vm;
    private final Runnable onLoaded;
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private int drawnVersion = -1;
    private boolean dirty = true;
    private double cellW;
    private double cellH;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.pulse(now);
            if (dirty) {
                draw();
            }
            if (!vm.runningProperty().get()) {
                stop();
            }
        }
    };

    /** @param onLoaded called after a click has loaded a cell's run (the tab shows playback) */
    public PhaseMapView(PhaseMapViewModel vm, Runnable onLoaded) {
        this.vm = vm;
        this.onLoaded = onLoaded;
        setId("phase-map");
        getStyleClass().add("phase-map");
        setTop(controls());
        Pane plot = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                canvas.setWidth(Math.floor(getWidth()));
                canvas.setHeight(Math.floor(getHeight()));
                dirty = true;
                draw();
            }
        };
        plot.setMinSize(200, 150);
        plot.setId("phase-map-plot");
        setCenter(plot);
        Label hint = new Label(Text.get("cascade.map.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.DETAIL);
        hover.setId("phase-map-hover");
        hover.setWrapText(true);
        hover.setMinHeight(USE_PREF_SIZE);
        VBox bottom = new VBox(2, hover, hint);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        setBottom(bottom);

        vm.versionProperty().subscribe(v -> {
            dirty = true;
            if (!vm.runningProperty().get()) {
                draw(); // a finished map's last cells; while computing the timer draws once per frame
            }
        });
        vm.runningProperty().subscribe(r -> {
            if (r) {
                timer.start();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(""));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int[] c = cellAt(e.getX(), e.getY());
            if (c != null && vm.load(c[0], c[1])) {
                onLoaded.run();
            }
        });
    }

    private FlowPane controls() {
        ChoiceBox<PhaseMap.Parameter> x = parameterChoice("phase-map-x");
        x.valueProperty().bindBidirectional(vm.xParameterProperty());
        ChoiceBox<PhaseMap.Parameter> y = parameterChoice("phase-map-y");
        y.valueProperty().bindBidirectional(vm.yParameterProperty());
        Spinner<Integer> steps = new Spinner<>(2, PhaseMapViewModel.MAX_STEPS, vm.stepsProperty().get());
        steps.setId("phase-map-steps");
        steps.setEditable(true);
        steps.setPrefWidth(80);
        steps.valueProperty().subscribe(v -> vm.stepsProperty().set(v));
        // Both ways: the spinner showed 16 cells per side while a 32 x 32 map (set on the view-model) computed.
        vm.stepsProperty().subscribe(v -> {
            int n = Math.clamp(v.intValue(), 2, PhaseMapViewModel.MAX_STEPS);
            if (steps.getValue() != n) {
                steps.getValueFactory().setValue(n);
            }
        });
        Button compute = new Button(Text.get("cascade.map.compute"));
        compute.setId("phase-map-compute");
        compute.disableProperty().bind(vm.canComputeProperty().not());
        compute.setOnAction(e -> vm.compute());
        Button cancel = new Button(Text.get("cascade.map.cancel"));
        cancel.setId("phase-map-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("phase-map-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.setPrefWidth(120);
        Label status = new Label();
        status.setId("phase-map-status");
        status.textProperty().bind(vm.statusProperty());
        Label problem = new Label();
        problem.setId("phase-map-problem");
        problem.getStyleClass().add(Styles.PROBLEM);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        FlowPane row = new FlowPane(6, 4, new Label(Text.get("cascade.map.x")), x, new Label(Text.get("cascade.map.from")),
                valueField("phase-map-x-from", vm.xFromProperty()), new Label(Text.get("cascade.map.to")), valueField("phase-map-x-to", vm.xToProperty()),
                new Label(Text.get("cascade.map.y")), y, new Label(Text.get("cascade.map.from")), valueField("phase-map-y-from", vm.yFromProperty()),
                new Label(Text.get("cascade.map.to")), valueField("phase-map-y-to", vm.yToProperty()),
                new Label(Text.get("cascade.map.steps")), steps, compute, cancel,
                // The bar moves each time the screen takes new cells: that lays out the bar alone, not the window
                // (the map view's wrapped lines, the tab, the status bar) while both cores compute.
                new io.liqlab.ui.LayoutBoundary(progress), status, problem);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 8, 4, 8));
        return row;
    }

    private static ChoiceBox<PhaseMap.Parameter> parameterChoice(String id) {
        ChoiceBox<PhaseMap.Parameter> c = new ChoiceBox<>();
        c.getItems().setAll(PhaseMapViewModel.PARAMETERS);
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(PhaseMap.Parameter p) {
                return p == null ? "" : p.label() + (p.unit().equals("%") ? " (%)" : " (x)");
            }

            @Override
            public PhaseMap.Parameter fromString(String s) {
                return null;
            }
        });
        return c;
    }

    /** A number field: what is typed stays; a text that is not a number is outlined and leaves the value as it was. */
    private static TextField valueField(String id, DoubleProperty value) {
        TextField f = new TextField(LocalNumbers.plain(value.get()));
        f.setId(id);
        f.setPrefColumnCount(5);
        f.textProperty().subscribe(t -> {
            var v = NumberText.parse(t);
            if (v.isPresent()) {
                f.getStyleClass().remove(Styles.FIELD_ERROR);
                value.set(v.getAsDouble());
            } else if (!f.getStyleClass().contains(Styles.FIELD_ERROR)) {
                f.getStyleClass().add(Styles.FIELD_ERROR);
            }
        });
        return f;
    }

    private int[] cellAt(double px, double py) {
        PhaseMap.Request r = vm.request();
        if (r == null || cellW <= 0 || cellH <= 0) {
            return null;
        }
        int ix = (int) Math.floor((px - LEFT) / cellW);
        int iy = (int) Math.floor((canvas.getHeight() - BOTTOM - py) / cellH);
        if (ix < 0 || iy < 0 || ix >= r.x().steps() || iy >= r.y().steps()) {
            return null;
        }
        return new int[] {ix, iy};
    }

    private void hover(double px, double py) {
        int[] c = cellAt(px, py);
        hover.setText(c == null ? "" : vm.describe(c[0], c[1]));
    }

    /** The text of the hover line (tests read it). */
    String hoverText() {
        return hover.getText();
    }

    /** Canvas point at the centre of cell {@code (ix, iy)} (tests click it). */
    double[] centreOf(int ix, int iy) {
        return new double[] {LEFT + (ix + 0.5) * cellW, canvas.getHeight() - BOTTOM - (iy + 0.5) * cellH};
    }

    Canvas canvas() {
        return canvas;
    }

    private void draw() {
        dirty = false;
        drawnVersion = vm.versionProperty().get();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        PhaseMap.Request r = vm.request();
        Color text = Color.gray(0.45);
        g.setFont(Font.font(11));
        if (r == null) {
            g.setFill(text);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Text.get("cascade.map.empty"), w / 2, h / 2);
            cellW = 0;
            return;
        }
        int nx = r.x().steps();
        int ny = r.y().steps();
        double plotW = Math.max(10, w - LEFT - RIGHT);
        double plotH = Math.max(10, h - TOP - BOTTOM);
        cellW = plotW / nx;
        cellH = plotH / ny;
        double maxLog = Math.log(maxAmplification(nx, ny));
        // The cells as an image of one pixel per cell, scaled up without smoothing: while the map computes this is
        // redrawn a few times a second, and a thousand filled rectangles kept the software renderer (and so the next
        // pulse) busy; one scaled image is a copy.
        if (cellImage == null || cellImage.getWidth() != nx || cellImage.getHeight() != ny) {
            cellImage = new WritableImage(nx, ny);
            cellPixels = new int[nx * ny];
        }
        int pending = argb(Color.gray(0.85));
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                PhaseMap.Cell c = vm.cellOrCoarser(ix, iy);
                cellPixels[(ny - 1 - iy) * nx + ix] = c == null ? pending : argb(colour(c.amplification(), maxLog));
            }
        }
        cellImage.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), cellPixels, 0, nx);
        g.setImageSmoothing(false);
        g.drawImage(cellImage, LEFT, h - BOTTOM - plotH, plotW, plotH);
        g.setImageSmoothing(true);
        // The R = 1 boundary: an edge between a cell that cascades and one that does not (computed or coarser).
        g.setStroke(Color.WHITE);
        g.setLineWidth(2.5);
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                PhaseMap.Cell c = vm.cellOrCoarser(ix, iy);
                if (c == null) {
                    continue;
                }
                double x0 = LEFT + ix * cellW;
                double y0 = h - BOTTOM - iy * cellH;
                PhaseMap.Cell right = ix + 1 < nx ? vm.cellOrCoarser(ix + 1, iy) : null;
                if (right != null && right.cascade() != c.cascade()) {
                    g.strokeLine(x0 + cellW, y0, x0 + cellW, y0 - cellH);
                }
                PhaseMap.Cell up = iy + 1 < ny ? vm.cellOrCoarser(ix, iy + 1) : null;
                if (up != null && up.cascade() != c.cascade()) {
                    g.strokeLine(x0, y0 - cellH, x0 + cellW, y0 - cellH);
                }
            }
        }
        // Axes: the first, middle and last value of each, and the colour scale on the right.
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int ix : new int[] {0, nx / 2, nx - 1}) {
            g.fillText(axisValue(r.x().parameter(), r.x().value(ix)), LEFT + (ix + 0.5) * cellW, h - BOTTOM + 3);
        }
        g.fillText(r.x().parameter().label() + axisUnit(r.x().parameter()),
                LEFT + plotW / 2, h - BOTTOM + 19);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int iy : new int[] {0, ny / 2, ny - 1}) {
            g.fillText(axisValue(r.y().parameter(), r.y().value(iy)), LEFT - 4, h - BOTTOM - (iy + 0.5) * cellH);
        }
        g.save();
        g.translate(12, TOP + plotH / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(r.y().parameter().label() + axisUnit(r.y().parameter()), 0, 0);
        g.restore();
        double barX = LEFT + plotW + 14;
        // The colour scale, low at the bottom: one image column of 100 steps, like the cells.
        // Its colours depend on the position along the scale only (the labels carry the largest value): made once.
        if (scaleImage == null) {
            scaleImage = new WritableImage(1, 100);
            for (int k = 0; k < 100; k++) {
                scaleImage.getPixelWriter().setArgb(0, 99 - k, argb(colourAt(k / 99.0)));
            }
        }
        g.setImageSmoothing(false);
        g.drawImage(scaleImage, barX, TOP, 12, plotH);
        g.setImageSmoothing(true);
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("x" + LocalNumbers.fixed(Math.exp(maxLog), 1), barX + 15, TOP + 6);
        g.fillText("x1", barX + 15, TOP + plotH - 6);
    }

    private WritableImage cellImage;
    private int[] cellPixels;
    private WritableImage scaleImage;

    /** A colour as a pixel (also the cascade heatmap's). */
    static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    private static String axisUnit(PhaseMap.Parameter p) {
        return p.unit().equals("%") ? " (%)" : " (x)";
    }

    private static String axisValue(PhaseMap.Parameter p, double v) {
        return p.unit().equals("%") ? LocalNumbers.fixed(v, 1) : LocalNumbers.fixed(v, 2);
    }

    private double maxAmplification(int nx, int ny) {
        double max = 2;
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                PhaseMap.Cell c = vm.cell(ix, iy);
                if (c != null && Double.isFinite(c.amplification())) {
                    max = Math.max(max, c.amplification());
                }
            }
        }
        return max;
    }

    private static final Color[] STOPS = {Color.rgb(13, 8, 135), Color.rgb(126, 3, 168), Color.rgb(204, 71, 120),
            Color.rgb(248, 149, 64), Color.rgb(240, 249, 33)};

    /** Amplification 1 (or less) dark blue, through purple and orange, to pale yellow at the map's highest. */
    static Color colour(double amplification, double maxLog) {
        if (!Double.isFinite(amplification)) {
            return Color.gray(0.6);
        }
        return colourAt(Math.clamp(Math.log(Math.max(1, amplification)) / maxLog, 0, 1));
    }

    /** The colour a fraction {@code f} (0..1) of the way up the scale. */
    private static Color colourAt(double f) {
        Color[] stops = STOPS;
        double pos = f * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        return stops[i].interpolate(stops[i + 1], pos - i);
    }

    int drawnVersion() {
        return drawnVersion;
    }
}
