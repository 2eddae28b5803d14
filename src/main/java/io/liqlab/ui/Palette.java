package io.liqlab.ui;

import javafx.scene.paint.Color;

import java.util.List;

/**
 * Venue colours, chosen to stay apart with the common colour-vision deficiencies: six of the Okabe-Ito colours
 * (blue, orange, bluish green, vermillion, reddish purple, sky blue), then Paul Tol's olive and a mid grey in place of
 * Okabe-Ito's yellow and black, which vanish on the light and the dark chart background. Every pair stays at least
 * 10 CIELAB units apart under simulated protanopia, deuteranopia and tritanopia (PaletteTest). The cascade charts take
 * their colours from here too, and draw long and short liquidations (vermillion, blue) in different shapes as well;
 * the comparison marks closest and farthest in vermillion and bluish-green tints and in words (liqlab.css, ComparisonView).
 */
public final class Palette {
    private static final List<Color> COLORS = List.of(
            Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#D55E00"),
            Color.web("#CC79A7"), Color.web("#56B4E9"), Color.web("#999933"), Color.web("#777777"));

    private Palette() {
    }

    public static Color venue(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }

    /** All venue colours, in order. */
    public static List<Color> venues() {
        return COLORS;
    }
}
