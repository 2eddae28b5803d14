package io.liqlab.ui.export;

import io.liqlab.profile.AtomicFiles;
import io.liqlab.ui.Text;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes an image as a PNG, all or nothing (through a temporary file beside it); any thread. */
public final class Png {
    private Png() {
    }

    public static void write(Image image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file.toAbsolutePath(), out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException(Text.get("cascade.export.noPngWriter"));
            }
        });
    }
}
