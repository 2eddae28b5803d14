package io.liqlab.profile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where LiqLab keeps a user's files: the OS's usual configuration location, or {@code LIQLAB_HOME} /
 * {@code -Dliqlab.home} when set (tests and portable installs use that).
 */
public final class UserDirectories {
    private UserDirectories() {
    }

    public static Path configDir() {
        return configDir(System.getProperty("liqlab.home"), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static Path configDir(String property, Map<String, String> env, String osName, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String override = env.get("LIQLAB_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("LiqLab");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "LiqLab");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("liqlab");
    }

    /** The folder of the tier editor's drafts. */
    public static Path draftsDir() {
        return configDir().resolve("drafts");
    }

    /** Saves killed half-way are this old at least before their temporary files are removed. */
    static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(1);

    /**
     * Removes the hidden temporary files ({@code .NAME.json.NNN.tmp}) that saves killed half-way left in the
     * folders LiqLab writes: the config folder, the user profile folder and the drafts folder. Run at start-up.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path configDir) {
        Path drafts = configDir.resolve("drafts");
        int removed = AtomicFiles.removeLeftovers(configDir, LEFTOVER_AGE)
                + AtomicFiles.removeLeftovers(configDir.resolve("venue-profiles"), LEFTOVER_AGE)
                + AtomicFiles.removeLeftovers(drafts, LEFTOVER_AGE);
        // Each running instance keeps its drafts in a folder of its own under drafts/ (DraftStore).
        if (java.nio.file.Files.isDirectory(drafts)) {
            try (java.nio.file.DirectoryStream<Path> folders = java.nio.file.Files.newDirectoryStream(drafts, java.nio.file.Files::isDirectory)) {
                for (Path folder : folders) {
                    removed += AtomicFiles.removeLeftovers(folder, LEFTOVER_AGE);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // what cannot be listed stays for the next start
            }
        }
        return removed;
    }

    /** The per-user profile folder: profiles here add to or override the shipped ones by id. */
    public static Path userProfilesDir() {
        return configDir().resolve("venue-profiles");
    }
}
