package io.liqlab.ui.export;

import io.liqlab.ui.shell.ShellWindow;
import javafx.scene.image.Image;

import java.io.IOException;
import java.nio.file.Path;

/** A snapshot taken on the FX thread, encoded and written as PNG later on a worker thread ({@link Png}). */
public record PngPicture(Image image) implements ShellWindow.Picture {
    @Override
    public void writePng(Path file) throws IOException {
        Png.write(image, file);
    }
}
