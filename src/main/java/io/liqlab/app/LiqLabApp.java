package io.liqlab.app;

import io.liqlab.core.LiquidationEngine;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileIds;
import io.liqlab.profile.UserDirectories;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import io.liqlab.ui.compare.ComparisonViewModel;
import io.liqlab.ui.position.ChartsViewModel;
import io.liqlab.ui.position.PositionViewModel;
import io.liqlab.ui.profiles.ProfilesViewModel;
import io.liqlab.ui.workspace.WorkspaceState;
import io.liqlab.ui.workspace.WorkspaceView;
import io.liqlab.ui.workspace.WorkspaceViewModel;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.ui.cascade.CascadeViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;

/** The composition root: builds the services once and hands them to the views through constructors. */
public final class LiqLabApp extends Application {

    /** Curves drawn at first start: the classroom baseline and Binance. */
    public static final List<String> DEFAULT_CURVES = List.of(ProfileIds.TEXTBOOK, ProfileIds.BINANCE_USDM_BTC);

    /** Set by {@code liqlab open FILE}: the session to open once the window is up. */
    public static final String OPEN_PROPERTY = "liqlab.open";

    /** All background work: cascade runs, exports and data refreshes, each on its own, listed in the status bar. */
    private final io.liqlab.ui.task.FxTaskExecutor tasks = new io.liqlab.ui.task.FxTaskExecutor();
    /** Cores for many runs at once: the Cascade tab's phase map and seed band (one thread per core). */
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private final java.util.concurrent.ExecutorService cascadeWorkers = Executors.newFixedThreadPool(CORES,
            Thread.ofPlatform().daemon().name("liqlab-cascade-worker-", 1).factory());
    private WorkspaceStore store;
    private io.liqlab.ui.tiers.TierWorkbenchViewModel tiers;
    private WorkspaceViewModel workspace;
    private WorkspaceView view;
    private io.liqlab.ui.shell.ShellViewModel shell;

    /**
     * The profiles (and the UI's words), read on another thread while JavaFX starts its toolkit: the two take
     * about as long as each other, so the window's first frame waits for the longer, not for both.
     */
    private static java.util.concurrent.CompletableFuture<ProfileCatalog> preloaded;

    /**
     * Settings of the JavaFX renderer the window starts with, unless given on the command line; to be called before
     * the toolkit starts (the window benches, which launch it themselves, call it too). {@code prism.dirtyregioncount}:
     * a frame of Cascade playback changes eight separate areas (five charts' cursor strips, the time, the scrubber's
     * thumb, the readout); with JavaFX's default of six the renderer merged them into boxes up to the whole chart
     * area and repainted that. 15 is the most it takes.
     */
    public static void rendererSettings() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", "15");
        }
    }

    public static void launchApp(String[] args) {
        StartupProbe.mark("main");
        rendererSettings();
        preloaded = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            UserDirectories.removeLeftovers(UserDirectories.configDir());
            ProfileCatalog catalog = ProfileCatalog.loadDefault();
            Text.get("workspace.reset"); // the Messages bundle, parsed once here rather than on the FX thread
            return catalog;
        }, r -> Thread.ofPlatform().daemon().name("liqlab-preload").start(r));
        Application.launch(LiqLabApp.class, args);
    }

    private static ProfileCatalog catalog() {
        if (preloaded != null) {
            try {
                return preloaded.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                // read it again below, where a failure shows as it always has
            }
        }
        return ProfileCatalog.loadDefault();
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("start");
        ProfileCatalog catalog = catalog();
        StartupProbe.mark("catalog");
        store = new WorkspaceStore(UserDirectories.configDir().resolve("workspace.json"));
        LiquidationEngine engine = new LiquidationEngine();
        // One live list: a profile saved in the tier editor shows up in every tab at once.
        // Every market: the shipped ones, the snapshot's (coin-margined included) and the user's (imported, updated, edited).
        javafx.collections.ObservableList<io.liqlab.profile.VenueProfile> venues = javafx.collections.FXCollections.observableArrayList(
                io.liqlab.ui.MarketChoices.offered(catalog.allProfiles()));
        // The only network the Position form uses, and only on "Fetch" beside Mark.
        PositionViewModel position = new PositionViewModel(engine, venues, java.time.Clock.systemDefaultZone(),
                new io.liqlab.ui.update.MarkPrices(System.getenv()), tasks);
        ChartsViewModel charts = new ChartsViewModel(position, DEFAULT_CURVES);
        ComparisonViewModel comparison = new ComparisonViewModel(engine, venues, position.positionProperty(), false);
        comparison.formProfileProperty().bind(position.profileProperty());
        workspace = new WorkspaceViewModel(position, charts, comparison, java.time.Clock.systemDefaultZone(),
                new io.liqlab.ui.position.SolveViewModel(engine, position), io.liqlab.ui.reconcile.ReconcileViewModel.followingForm(engine, position));
        ProfilesViewModel profiles = new ProfilesViewModel(catalog);
        // "Update venue data" (Profiles tab): the only connection the window opens, and only when asked.
        profiles.offerUpdates(io.liqlab.ui.update.UpdateDataViewModel.forUser(catalog.reader(),
                UserDirectories.userProfilesDir(), tasks, new LateNotifier(() -> view.notifier()), () -> {
                    ProfileCatalog fresh = ProfileCatalog.loadDefault();
                    return () -> {
                        String id = position.profileProperty().get() == null ? null : position.profileProperty().get().id();
                        venues.setAll(io.liqlab.ui.MarketChoices.offered(fresh.allProfiles()));
                        profiles.reload(fresh);
                        fresh.profiles().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(position.profileProperty()::set);
                    };
                }));
        // The one way the window tells the user things (status line, errors, offers) and the one way it asks.
        io.liqlab.ui.shell.ShellNotifications notifications = new io.liqlab.ui.shell.ShellNotifications();
        io.liqlab.ui.shell.Dialogs dialogs = new io.liqlab.ui.shell.FxDialogs(() -> stage);
        tiers = new io.liqlab.ui.tiers.TierWorkbenchViewModel(venues,
                new io.liqlab.profile.ProfileStore(UserDirectories.userProfilesDir(), catalog.reader()),
                new io.liqlab.profile.DraftStore(UserDirectories.configDir().resolve("drafts")), tasks,
                io.liqlab.ui.tiers.TierEditorPrompts.using(dialogs), notifications, Platform::runLater, java.time.Clock.systemDefaultZone());
        io.liqlab.ui.account.AccountViewModel account = new io.liqlab.ui.account.AccountViewModel(
                new io.liqlab.core.account.AccountEngine(), venues.filtered(io.liqlab.ui.MarketChoices::linear), catalog.allProfiles());
        shell = new io.liqlab.ui.shell.ShellViewModel(workspace, tiers,
                new io.liqlab.ui.workspace.SessionFiles(UserDirectories.configDir().resolve("recent-sessions.json")), tasks, notifications);
        StartupProbe.mark("models");
        view = new WorkspaceView(shell, profiles, account, new io.liqlab.ui.reconcile.AccountReconcileViewModel(engine, account, catalog),
                () -> new CascadeViewModel(ScenarioCatalog.loadShipped(new ScenarioReader()).scenarios(), venues.filtered(p -> bitcoinOrAny(p) && io.liqlab.ui.MarketChoices.linear(p)),
                        tasks, Platform::runLater, System::nanoTime, cascadeWorkers, CORES),
                tasks, notifications, dialogs);

        StartupProbe.mark("view");
        BorderPane root = new BorderPane(view);
        VBox problems = new VBox();
        for (String problem : profiles.problems()) {
            Label p = new Label(Text.format("app.profileNotLoaded", problem));
            p.setWrapText(true);
            p.setMaxWidth(Double.MAX_VALUE);
            p.getStyleClass().add(Styles.PROBLEM);
            problems.getChildren().add(p);
        }
        root.setTop(problems);
        java.util.Optional<WorkspaceState> saved = store.load();
        // Fitted to the screen it opens on: a first start on a small screen, or a size remembered from a larger one,
        // still shows the whole window (toolbar and form included).
        Rectangle2D bounds = WindowBounds.forStart(saved.filter(s -> s.width() > 0 && s.height() > 0)
                .map(s -> new Rectangle2D(s.x(), s.y(), s.width(), s.height())).orElse(null));
        Scene scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
        scene.getStylesheets().add(Objects.requireNonNull(LiqLabApp.class.getResource("/io/liqlab/ui/liqlab.css")).toExternalForm());
        stage.titleProperty().bind(workspace.titleProperty()); // the session's file name, * when changed since saved
        stage.setScene(scene);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        saved.ifPresent(s -> restore(stage, s));
        stage.setOnCloseRequest(e -> {
            if (!view.confirmClose()) {
                e.consume(); // unsaved tier edits, and the user chose to stay
                return;
            }
            save(stage);
        });
        // Presentation mode is full-screen; leaving full screen (Esc) leaves presentation mode too.
        stage.setFullScreenExitHint(Text.get("app.fullScreenHint"));
        workspace.presentationProperty().subscribe(p -> {
            if (stage.isFullScreen() != p) {
                stage.setFullScreen(p);
            }
        });
        stage.fullScreenProperty().subscribe(fs -> {
            if (!fs && workspace.presentationProperty().get()) {
                workspace.presentationProperty().set(false);
            }
        });
        view.setOnQuit(() -> {
            save(stage);
            stage.close();
        });
        StartupProbe.mark("scene");
        stage.show();
        StartupProbe.mark("shown");
        // Not the toolbar's first button (the scene's own choice): Space or Enter there would replace the restored inputs.
        view.focusFirstField();
        String sessionToOpen = System.getProperty(OPEN_PROPERTY);
        if (sessionToOpen != null) {
            view.openSession(java.nio.file.Path.of(sessionToOpen));
        }
        if (StartupProbe.ON) {
            StartupProbe.reportFirstFrame(scene);
        }
    }

    /** The cascade scenarios are BTC's: its venue lists offer the BTC markets and the profiles for any market. */
    private static boolean bitcoinOrAny(io.liqlab.profile.VenueProfile p) {
        String base = io.liqlab.ui.MarketChoices.baseOf(p);
        return base.isEmpty() || base.equals("BTC");
    }

    /** The remembered inputs and look; the app always opens on the Position tab (or on a draft the tier editor offers). */
    private void restore(Stage stage, WorkspaceState s) {
        workspace.restore(s);
        stage.setMaximized(s.maximized());
    }

    private void save(Stage stage) {
        tiers.flushDrafts(); // what was typed in the last moment before closing is kept too
        store.save(workspace.capture(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                shell.tabIndex()));
    }

    /** The shell's notifier, which exists once the window does; view-models built before it speak through this. */
    private record LateNotifier(java.util.function.Supplier<io.liqlab.ui.shell.Notifier> shell) implements io.liqlab.ui.shell.Notifier {
        @Override
        public void status(String message) {
            shell.get().status(message);
        }

        @Override
        public void error(String message) {
            shell.get().error(message);
        }

        @Override
        public void offer(String message, String actionText, Runnable action) {
            shell.get().offer(message, actionText, action);
        }

        @Override
        public void offer(String message, String actionText, Runnable action, String otherText, Runnable other) {
            shell.get().offer(message, actionText, action, otherText, other);
        }

        @Override
        public void dismiss() {
            shell.get().dismiss();
        }
    }
}
