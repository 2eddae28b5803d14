package io.liqlab.profile;

import io.liqlab.profile.VenueProfile.Origin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles LiqLab knows: the shipped ones (bundled under {@code venue-profiles/} in the jar) and the user's
 * (in {@link UserDirectories#userProfilesDir()}), where a user profile adds to or overrides a shipped one by id.
 * A broken file is reported in {@link #problems()} and never stops the others from loading.
 */
public final class ProfileCatalog {

    /** The folder, on the class path and in the project, holding the shipped profiles. */
    public static final String SHIPPED_FOLDER = "venue-profiles";
    /**
     * The shipped snapshot of every other market in the recorded venue responses (ETH, SOL, ...): found by id and
     * listed by {@code profiles list}, but not offered in the window's lists until it can choose among markets.
     */
    public static final String MARKETS_FOLDER = "markets";

    private final ProfileReader reader;
    private final Map<String, VenueProfile> byId;
    private final Map<String, VenueProfile> markets;
    private final List<ProfileProblem> problems;

    private ProfileCatalog(ProfileReader reader, Map<String, VenueProfile> byId, Map<String, VenueProfile> markets,
                           List<ProfileProblem> problems) {
        this.reader = reader;
        this.byId = byId;
        this.markets = markets;
        this.problems = List.copyOf(problems);
    }

    /** Loads the shipped profiles and those in {@code userDir} (which may be missing or null). */
    public static ProfileCatalog load(ProfileReader reader, Path userDir) {
        Map<String, VenueProfile> byId = new LinkedHashMap<>();
        List<ProfileProblem> problems = new ArrayList<>();
        List<VenueProfile> shipped = new ArrayList<>();
        List<VenueProfile> more = new ArrayList<>();
        loadShipped(reader, shipped, more, problems);
        shipped.sort(DISPLAY_ORDER);
        shipped.forEach(p -> byId.put(p.id(), p));
        Map<String, VenueProfile> markets = new LinkedHashMap<>();
        more.sort(Comparator.comparing(VenueProfile::id));
        for (VenueProfile p : more) {
            if (byId.containsKey(p.id()) || markets.putIfAbsent(p.id(), p) != null) {
                problems.add(ProfileProblem.ofField(p.origin().location(), "id", "'" + p.id() + "' is already used by another shipped profile; ids must be unique"));
            }
        }
        if (userDir != null && Files.isDirectory(userDir)) {
            List<VenueProfile> user = new ArrayList<>();
            loadFolder(reader, userDir, Origin.Kind.USER, user, problems);
            user.sort(DISPLAY_ORDER);
            for (VenueProfile p : user) {
                byId.put(p.id(), p); // replaces a shipped profile in place, or appends
            }
        }
        return new ProfileCatalog(reader, byId, markets, problems);
    }

    /** The shipped and user profiles from the default per-user folder. */
    public static ProfileCatalog loadDefault() {
        return load(new ProfileReader(), UserDirectories.userProfilesDir());
    }

    /** Textbook first (the classroom baseline), then by name. */
    private static final Comparator<VenueProfile> DISPLAY_ORDER = Comparator
            .comparing((VenueProfile p) -> !ProfileIds.isTextbook(p))
            .thenComparing(VenueProfile::name, String.CASE_INSENSITIVE_ORDER);

    public List<VenueProfile> profiles() {
        return List.copyOf(byId.values());
    }

    /**
     * Every profile known by id: those of {@link #profiles()}, then the shipped markets snapshot
     * ({@value #MARKETS_FOLDER}/) that no user profile replaces, by id.
     */
    public List<VenueProfile> allProfiles() {
        List<VenueProfile> all = new ArrayList<>(byId.values());
        markets.values().stream().filter(p -> !byId.containsKey(p.id())).forEach(all::add);
        return List.copyOf(all);
    }

    public Optional<VenueProfile> find(String id) {
        VenueProfile p = byId.get(id);
        return Optional.ofNullable(p != null ? p : markets.get(id));
    }

    /** Files that could not be loaded, each with its problems. */
    public List<ProfileProblem> problems() {
        return problems;
    }

    public ProfileReader reader() {
        return reader;
    }

    /**
     * A profile by id, or read from a file when {@code idOrFile} names one (a path, or anything ending in .json).
     */
    public VenueProfile resolve(String idOrFile) throws ProfileException {
        VenueProfile known = find(idOrFile).orElse(null);
        if (known != null) {
            return known;
        }
        boolean looksLikeFile = idOrFile.endsWith(".json") || idOrFile.contains("/") || idOrFile.contains("\\");
        if (looksLikeFile || Files.isRegularFile(Path.of(idOrFile))) {
            return reader.read(Path.of(idOrFile), Origin.Kind.FILE);
        }
        // A file in the user's folder named after the id that did not load: say why, not that there is none.
        String fileName = idOrFile + ".json";
        List<ProfileProblem> notLoaded = problems.stream().filter(p -> p.file().equals(fileName)
                || p.file().endsWith("/" + fileName) || p.file().endsWith("\\" + fileName)).toList();
        if (!notLoaded.isEmpty()) {
            throw new ProfileException(notLoaded);
        }
        throw new ProfileException(new ProfileProblem(idOrFile, "$", "no such profile; known ids: " + String.join(", ", byId.keySet())
                + (markets.isEmpty() ? "" : ", and " + markets.size() + " more markets ('liqlab profiles list' shows them)")
                + " (or give the path of a profile .json file)"));
    }

    private static void loadShipped(ProfileReader reader, List<VenueProfile> out, List<VenueProfile> more, List<ProfileProblem> problems) {
        try {
            if (!BundledFolder.read(ProfileCatalog.class, SHIPPED_FOLDER, folder -> {
                loadFolder(reader, folder, Origin.Kind.SHIPPED, out, problems);
                Path markets = folder.resolve(MARKETS_FOLDER);
                if (Files.isDirectory(markets)) {
                    loadFolder(reader, markets, Origin.Kind.SHIPPED, more, problems);
                }
            })) {
                problems.add(new ProfileProblem(SHIPPED_FOLDER, "$", "the shipped profiles are missing from the application (broken install?)"));
            }
        } catch (IOException e) {
            problems.add(new ProfileProblem(SHIPPED_FOLDER, "$", "cannot list the shipped profiles: " + e.getMessage()));
        }
    }

    private static void loadFolder(ProfileReader reader, Path dir, Origin.Kind kind, List<VenueProfile> out,
                                   List<ProfileProblem> problems) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.add(new ProfileProblem(dir.toString(), "$", "cannot list the folder: " + e.getMessage()));
            return;
        }
        files.sort(Comparator.comparing(Path::toString));
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                VenueProfile p = kind == Origin.Kind.SHIPPED ? readResource(reader, file) : reader.read(file, kind);
                Path earlier = seen.putIfAbsent(p.id(), file);
                if (earlier != null) {
                    problems.add(ProfileProblem.ofField(file.toString(), "id", "'" + p.id() + "' is already used by "
                            + earlier.getFileName() + " in the same folder; ids must be unique"));
                    continue;
                }
                out.add(p);
            } catch (ProfileException e) {
                problems.addAll(e.problems());
            } catch (RuntimeException e) {
                // One file the reader did not expect must never stop the others, nor the app from opening.
                problems.add(new ProfileProblem(file.toString(), "$", "cannot be read: " + e));
            }
        }
    }

    private static VenueProfile readResource(ProfileReader reader, Path file) throws ProfileException {
        Path parent = file.getParent();
        String name = SHIPPED_FOLDER + "/" + (parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals(MARKETS_FOLDER) ? MARKETS_FOLDER + "/" : "") + file.getFileName();
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(name, in, new Origin(Origin.Kind.SHIPPED, name));
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(name, "$", "cannot be read: " + e.getMessage()));
        }
    }
}
