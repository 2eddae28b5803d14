package io.liqlab.ui;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue colours are pinned, and checked: distinguishable with protanopia, deuteranopia and tritanopia (Machado,
 * Oliveira and Fernandes 2009 simulation at full severity, in linear RGB), and visible on both chart backgrounds.
 */
class PaletteTest {

    private static final double[][][] DEFICIENCIES = {
            {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}, // protanopia
            {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}, // deuteranopia
            {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}, // tritanopia
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}; // typical vision

    @Test
    void theVenueColoursArePinned() {
        assertEquals(List.of("0x0072b2ff", "0xe69f00ff", "0x009e73ff", "0xd55e00ff", "0xcc79a7ff", "0x56b4e9ff", "0x999933ff", "0x777777ff"),
                Palette.venues().stream().map(Color::toString).toList());
        assertEquals(Palette.venue(0), Palette.venue(8), "wraps around");
    }

    @Test
    void everyPairStaysApartWithTheCommonColourVisionDeficiencies() {
        List<Color> colors = Palette.venues();
        for (double[][] m : DEFICIENCIES) {
            for (int a = 0; a < colors.size(); a++) {
                for (int b = a + 1; b < colors.size(); b++) {
                    double d = distance(lab(simulate(m, colors.get(a))), lab(simulate(m, colors.get(b))));
                    assertTrue(d >= 10, colors.get(a) + " and " + colors.get(b) + " are only " + d + " apart");
                }
            }
        }
    }

    @Test
    void everyColourShowsOnTheLightAndTheDarkPlot() {
        for (Color c : Palette.venues()) {
            assertTrue(contrast(c, Color.web("#fafbfc")) >= 2, c + " on the light plot");
            assertTrue(contrast(c, Color.web("#0d1117")) >= 3, c + " on the dark plot");
        }
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double[] simulate(double[][] m, Color c) {
        double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0, 1);
        }
        return out;
    }

    /** CIELAB (D65) of a linear RGB colour. */
    private static double[] lab(double[] r) {
        double x = (0.4124 * r[0] + 0.3576 * r[1] + 0.1805 * r[2]) / 0.95047;
        double y = 0.2126 * r[0] + 0.7152 * r[1] + 0.0722 * r[2];
        double z = (0.0193 * r[0] + 0.1192 * r[1] + 0.9505 * r[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
