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

    /** The per-user profile folder: profiles here add to or override the shipped ones by id. */
    public static Path userProfilesDir() {
        return configDir().resolve("venue-profiles");
    }
}
