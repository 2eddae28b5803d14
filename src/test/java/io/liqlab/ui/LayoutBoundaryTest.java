package io.liqlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A change inside a boundary lays out the boundary alone, unless the size it wants has changed. */
class LayoutBoundaryTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A column that counts its own layouts. */
    private static final class CountingColumn extends VBox {
        int layouts;

        CountingColumn(javafx.scene.Node... children) {
            super(children);
        }

        @Override
        protected void layoutChildren() {
            layouts++;
            super.layoutChildren();
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS); // on the FX thread, its exception rethrown
    }

    /** What a pulse does: CSS, then layout from the root. */
    private static void pulse(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    @Test
    void aNewTextOfTheSameSizeLaysOutTheBoundaryAloneAndIsShown() throws Exception {
        onFx(() -> {
            Label readout = new Label("00:41 / 10:00");
            LayoutBoundary boundary = new LayoutBoundary(readout);
            CountingColumn column = new CountingColumn(new Label("above"), boundary);
            Scene scene = new Scene(column, 300, 200);
            pulse(scene);
            pulse(scene);
            int before = column.layouts;
            double height = boundary.getHeight();
            readout.setText("00:42 / 10:00");
            pulse(scene);
            assertEquals(before, column.layouts, "the column around it was not laid out again");
            assertEquals("00:42 / 10:00", ((javafx.scene.text.Text) readout.lookup(".text")).getText(), "the label shows it");
            assertEquals(height, boundary.getHeight());
            return null;
        });
    }

    @Test
    void aTextThatNeedsMoreLinesGrowsTheBoundary() throws Exception {
        onFx(() -> {
            Label summary = new Label("Binance: $1.2B liquidated.");
            summary.setWrapText(true);
            LayoutBoundary boundary = new LayoutBoundary(summary);
            CountingColumn column = new CountingColumn(boundary, new Label("below"));
            column.setFillWidth(true);
            Scene scene = new Scene(column, 200, 400);
            pulse(scene);
            pulse(scene);
            int before = column.layouts;
            double oneLine = boundary.getHeight();
            summary.setText("Binance: $1.2B liquidated, 81% of it long; the insurance fund ran dry at 00:41 and "
                    + "auto-deleveraging closed $300M of profitable positions.");
            pulse(scene); // the boundary finds it wants more room and asks the column
            pulse(scene); // the column makes it
            assertTrue(column.layouts > before, "the column was laid out again");
            assertTrue(boundary.getHeight() > 2 * oneLine, oneLine + " -> " + boundary.getHeight());
            assertEquals(boundary.getHeight(), summary.getHeight());
            return null;
        });
    }
}
