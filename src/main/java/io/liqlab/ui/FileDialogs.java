package io.liqlab.ui;

import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The platform's open and save dialogs, owned by the window of the node that asks, filtered to one file type. */
public final class FileDialogs {
    private FileDialogs() {
    }

    /** A file to write, offering {@code name}; empty when the user cancels. */
    public static Optional<Path> saveAs(Node owner, String name, String description, String pattern) {
        FileChooser chooser = chooser(description, pattern);
        chooser.setInitialFileName(name);
        return Optional.ofNullable(chooser.showSaveDialog(window(owner))).map(File::toPath);
    }

    /** A file to read; empty when the user cancels. */
    public static Optional<Path> open(Node owner, String description, String pattern) {
        return Optional.ofNullable(chooser(description, pattern).showOpenDialog(window(owner))).map(File::toPath);
    }

    private static FileChooser chooser(String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        return chooser;
    }

    private static javafx.stage.Window window(Node owner) {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
