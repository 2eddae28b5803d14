package io.liqlab.ui;

import javafx.scene.paint.Color;

/** Venue colours: the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies. */
public final class Palette {
    private static final Color[] COLORS = {
            Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#D55E00"),
            Color.web("#CC79A7"), Color.web("#56B4E9"), Color.web("#8C6D1F"), Color.web("#777777")};

    private Palette() {
    }

    public static Color venue(int index) {
        return COLORS[Math.floorMod(index, COLORS.length)];
    }
}
