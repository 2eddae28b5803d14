package io.liqlab.ui.chart;

import java.util.List;

/**
 * The charts' test hooks for tests outside this package: the charts keep them package-private, so that no
 * application code can call them; tests here use them directly.
 */
public final class ChartProbe {
    private ChartProbe() {
    }

    /** The texts of the chart's labels in its last frame, in drawing order. */
    public static List<String> drawnLabels(ChartRegion chart) {
        return chart.drawnLabelsForTest();
    }

    /** The plot's height in the last frame. */
    public static double plotHeight(CurveChart chart) {
        return chart.plotHeightForTest();
    }

    /** Whether the last frame has its legend. */
    public static boolean legendShown(CurveChart chart) {
        return chart.legendShownForTest();
    }

    /** The hover readout at x, as the crosshair's box shows it. */
    public static String hoverText(ChartRegion chart, double x) {
        return chart.hoverText(x);
    }

    /** How often the time chart's canvas has been drawn. */
    public static int redrawCount(TimeChart chart) {
        return chart.redrawCount();
    }

    /** How often painted data has been put on the time chart's canvas. */
    public static int dataPaintCount(TimeChart chart) {
        return chart.dataPaintCount();
    }

    /** Whether the time chart's last data is still being painted. */
    public static boolean dataPending(TimeChart chart) {
        return chart.dataPending();
    }
}
