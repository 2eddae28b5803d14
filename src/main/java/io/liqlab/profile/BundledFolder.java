package io.liqlab.profile;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder of files bundled on the class path (the shipped profiles, the shipped scenarios), opened as a
 * {@link Path} whether it sits in {@code target/classes} during development or inside the installed jar.
 */
public final class BundledFolder {

    /** Reads the folder's files while it is open. */
    @FunctionalInterface
    public interface Reader {
        void read(Path folder) throws IOException;
    }

    private BundledFolder() {
    }

    /**
     * Opens {@code folder} (a class-path resource name) and hands it to {@code reader}; a jar's file system is
     * closed again afterwards unless someone else had it open.
     *
     * @return false when the folder is not on the class path (a broken install)
     */
    public static boolean read(Class<?> anchor, String folder, Reader reader) throws IOException {
        URL url = anchor.getClassLoader().getResource(folder);
        if (url == null) {
            return false;
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!"jar".equals(uri.getScheme())) {
            reader.read(Path.of(uri));
            return true;
        }
        FileSystem fs;
        boolean close = false;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
            close = true;
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
        }
        try {
            reader.read(fs.getPath(folder));
        } finally {
            if (close) {
                fs.close();
            }
        }
        return true;
    }
}
