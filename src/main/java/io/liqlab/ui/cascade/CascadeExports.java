package io.liqlab.ui.cascade;

import io.liqlab.report.FramesCsv;
import io.liqlab.sim.Frames;
import io.liqlab.ui.export.Png;
import javafx.scene.image.Image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Cascade tab's files: the frames as CSV (with the heatmap beside them, as {@code simulate --frames} writes
 * them), the pane or a frame as PNG, the image sequence's folder. Each write goes through a temporary file moved
 * into place. Called from the app's task executor, never on the FX thread; the view only takes the pictures.
 */
final class CascadeExports {
    private CascadeExports() {
    }

    /** A write that may fail. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    static void writeFrames(Frames frames, Path file) throws IOException {
        FramesCsv.writeFiles(frames, file);
    }

    /** Encodes and writes a PNG through a temporary file in the same folder, so a failure leaves no half file. */
    static void writePng(Image image, Path file) throws IOException {
        Png.write(image, file);
    }

    static void createFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
    }
}
