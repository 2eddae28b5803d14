package io.liqlab.ui.chart;

import javafx.scene.paint.Color;

import java.util.List;
import java.util.Objects;

/**
 * What the hover readout shows at one x: a heading (the x in words) and one line per series, each with the point it
 * reads, which gets a dot on the chart. Every chart kind makes one from its own series; {@link Hover} draws it.
 *
 * @param x the x the crosshair stands on (the nearest point's, not the pointer's)
 */
public record Readout(double x, String heading, List<Line> lines) {

    public Readout {
        Objects.requireNonNull(heading, "heading");
        lines = List.copyOf(lines);
    }

    /**
     * One series' line: its text ("Binance: 57,900"), its colour, and the point read ({@code y} NaN: no value there,
     * no dot), on the left axis or the right one.
     */
    public record Line(String text, Color color, double x, double y, boolean rightAxis) {
        public Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(color, "color");
        }
    }

    /** The heading and the lines, one per line, as the box shows them. */
    public String text() {
        StringBuilder text = new StringBuilder(heading);
        for (Line line : lines) {
            text.append('\n').append(line.text());
        }
        return text.toString();
    }
}
