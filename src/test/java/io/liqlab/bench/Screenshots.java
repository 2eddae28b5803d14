package io.liqlab.bench;

import io.liqlab.app.LiqLabApp;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the real window and writes the README's screenshots to assets/screenshots/, one per screen and state.
 * Run under Xvfb: {@code java -cp TEST_CLASSPATH io.liqlab.bench.Screenshots [outputDir]}.
 */
public final class Screenshots {
    private static Path out = Path.of("assets", "screenshots");
    /** {@code cascade} as the second argument: only the Cascade tab's shots; {@code learn}: only the learning layer's. */
    private static boolean cascadeOnly;
    private static boolean learnOnly;
    /** {@code inverse}: only the coin-margined example on the Position tab (issue 18 part 2). */
    private static boolean inverseOnly;
    private static boolean accountOnly;
    /** {@code solve}: only the What if… calculator beside the result, captured with its pop-over (issue 18 parts 3, 5). */
    private static boolean solveOnly;
    /** {@code reconcile}: only "Doesn't match the exchange?" (Position tab) and the Account tab's snapshot import (issue 18 part 4). */
    private static boolean reconcileOnly;
    /** {@code controls}: the ControlsFX choices, switches and a glossary definition, at the X screen's size (issue 16). */
    private static boolean controlsOnly;
    /** {@code tiers}: only the tier editor: the draft offer at start, greyed and enabled commands, 1600x1000 and 1280x720. */
    private static boolean tiersOnly;

    public static void main(String[] args) {
        if (args.length > 0) {
            out = Path.of(args[0]);
        }
        cascadeOnly = args.length > 1 && args[1].equals("cascade");
        learnOnly = args.length > 1 && args[1].equals("learn");
        inverseOnly = args.length > 1 && args[1].equals("inverse");
        accountOnly = args.length > 1 && args[1].equals("account");
        solveOnly = args.length > 1 && args[1].equals("solve");
        reconcileOnly = args.length > 1 && args[1].equals("reconcile");
        controlsOnly = args.length > 1 && args[1].equals("controls");
        tiersOnly = args.length > 1 && args[1].equals("tiers");
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            System.setProperty("liqlab.home", Files.createTempDirectory("liqlab-shots").toString());
            Files.createDirectories(out);
            if (tiersOnly) { // unsaved edits an earlier run left: the start offers them back
                io.liqlab.ui.tiers.TierEditorViewModel before = new io.liqlab.ui.tiers.TierEditorViewModel(
                        io.liqlab.profile.ProfileCatalog.loadDefault().find("gte-btc").orElseThrow());
                before.setCell(0, io.liqlab.ui.tiers.TierEditorViewModel.Column.MMR, "1.5");
                try (io.liqlab.profile.DraftStore ended = new io.liqlab.profile.DraftStore(
                        io.liqlab.profile.UserDirectories.configDir().resolve("drafts"))) {
                    ended.save(before.idProperty().get(), before.toDraft());
                }
            }
            new LiqLabApp().start(stage);
            Scene scene = stage.getScene();
            List<Runnable> steps = new ArrayList<>();
            if (tiersOnly) {
                tierSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            if (reconcileOnly) {
                reconcileSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            if (controlsOnly) {
                controlsSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            if (solveOnly) {
                solveSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            if (inverseOnly) {
                inverseSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            if (learnOnly) {
                learnSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            if (accountOnly) {
                accountSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            if (cascadeOnly) {
                cascadeSteps(stage, scene, steps);
                steps.add(Platform::exit);
                run(steps, 0);
                return;
            }
            steps.add(() -> {
                stage.setWidth(1600);
                stage.setHeight(1000);
                for (String id : List.of("hyperliquid-btc", "okx-swap-btc")) {
                    ((CheckBox) scene.lookup("#curve-" + id)).setSelected(true);
                }
            });
            steps.add(() -> shoot(scene, "workspace.png"));
            steps.add(() -> {
                ((ToggleButton) scene.lookup("#compare-textbook")).setSelected(true);
                venue(scene, "binance-usdm-btc");
                text(scene, "size", "310000"); // tier 2 at entry, tier 1 at the liquidation price
                text(scene, "leverage", "20");
            });
            steps.add(() -> shoot(scene, "workspace-binance-tiers.png"));
            steps.add(() -> text(scene, "entry", "-5"));
            steps.add(() -> shoot(scene, "invalid-input.png"));
            steps.add(() -> {
                text(scene, "entry", "60000");
                theme(scene, "DARK");
            });
            steps.add(() -> shoot(scene, "workspace-dark.png"));
            steps.add(() -> {
                theme(scene, "LIGHT");
                ((ToggleButton) scene.lookup("#presentation")).setSelected(true);
            });
            steps.add(() -> shoot(scene, "presentation.png"));
            steps.add(() -> {
                ((ToggleButton) scene.lookup("#presentation")).setSelected(false);
                ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(1);
            });
            steps.add(() -> shoot(scene, "compare.png"));
            steps.add(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(2));
            steps.add(() -> shoot(scene, "profiles.png"));
            steps.add(() -> {
                ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(3);
                io.liqlab.ui.tiers.TierEditorView editor = (io.liqlab.ui.tiers.TierEditorView) scene.lookup("#tier-editor");
                editor.open("binance-usdm-btc");
                var vm = editor.workbench().editorProperty().get();
                vm.setCell(0, io.liqlab.ui.tiers.TierEditorViewModel.Column.MMR, "0.45"); // percent, as the editor shows rates
                vm.setCell(2, io.liqlab.ui.tiers.TierEditorViewModel.Column.MAX_LEVERAGE, "80");
            });
            steps.add(() -> shoot(scene, "tier-editor.png"));
            steps.add(() -> {
                clearStatus(scene); // the editor's "saved as ... in /tmp/liqlab-shots..." is the bench's folder, not a user's
                ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(0);
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            steps.add(() -> shoot(scene, "workspace-1280x800.png"));
            steps.add(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(1));
            steps.add(() -> shoot(scene, "compare-1280x800.png"));
            steps.add(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(3));
            steps.add(() -> shoot(scene, "tier-editor-1280x800.png"));
            steps.add(() -> {
                clearStatus(scene);
                ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(0);
                stage.setWidth(1920);
                stage.setHeight(1080);
            });
            steps.add(() -> shoot(scene, "workspace-1920x1080.png"));
            cascadeSteps(stage, scene, steps);
            learnSteps(stage, scene, steps);
            accountSteps(stage, scene, steps);
            steps.add(Platform::exit);
            run(steps, 0);
        }
    }

    /** An empty status line, as the next screen would show it to a user who had not just saved a draft. */
    private static void clearStatus(Scene scene) {
        ((io.liqlab.ui.workspace.WorkspaceView) scene.lookup(".workspace")).notifier().status("");
    }

    /** The guided example BTCUSDT vs BTCUSD_PERP at 20x: the linear step, then the coin-margined one. */
    private static void inverseSteps(Stage stage, Scene scene, List<Runnable> steps) {
        steps.add(() -> {
            theme(scene, "LIGHT");
            ((ToggleButton) scene.lookup("#presentation")).setSelected(false);
            stage.setWidth(1600);
            stage.setHeight(1000);
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(0);
            ((javafx.scene.control.MenuButton) scene.lookup("#learn")).getItems().stream()
                    .filter(i -> "example-inverse-vs-linear".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        steps.add(() -> shoot(scene, "inverse-step1-linear.png"));
        steps.add(() -> ((ToggleButton) scene.lookup("#example-step-2")).fire());
        steps.add(() -> shoot(scene, "coin-margined.png")); // the README's name
        steps.add(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(1));
        steps.add(() -> shoot(scene, "compare-coin-margined.png"));
    }

    /** The Account tab (issue 18): its example account at 1600x1000 and 1280x720, and a field refused. */
    private static void accountSteps(Stage stage, Scene scene, List<Runnable> steps) {
        steps.add(() -> {
            theme(scene, "LIGHT");
            stage.setWidth(1600);
            stage.setHeight(1000);
            TabPane tabs = (TabPane) scene.lookup(".tab-pane");
            tabs.getTabs().stream().filter(t -> "tab-account".equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        // The chart's move dragged to -12%: every mark 12% lower, each position's mark and uPnL there, the account's figures.
        steps.add(() -> ((javafx.scene.control.Slider) scene.lookup("#account-move-slider")).setValue(-12));
        steps.add(() -> shoot(scene, "account.png"));
        steps.add(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        steps.add(() -> shoot(scene, "account-1280x720.png"));
        steps.add(() -> text(scene, "account-entry-1", "-3000"));
        steps.add(() -> shoot(scene, "account-invalid.png"));
        steps.add(() -> text(scene, "account-entry-1", "3000"));
    }

    /**
     * Issue 16's ControlsFX controls as a user meets them, at the size of the X screen (run once per size): the
     * Position form's segmented choices with a short in cross mode, a glossary definition open beside its term (a
     * pop-over, a window of its own, so the whole screen is taken), the same in the dark theme, and the Cascade
     * tab's switches with the seed band on.
     */
    private static void controlsSteps(Stage stage, Scene scene, List<Runnable> steps) {
        javafx.geometry.Rectangle2D bounds = javafx.stage.Screen.getPrimary().getBounds();
        String tag = (int) bounds.getWidth() + "x" + (int) bounds.getHeight();
        steps.add(() -> {
            theme(scene, "LIGHT");
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(0);
            ((ToggleButton) scene.lookup("#side-short")).fire();
            ((ToggleButton) scene.lookup("#mode-cross")).fire();
        });
        steps.add(() -> shoot(scene, "controls-position-" + tag + ".png"));
        steps.add(() -> {
            ((ToggleButton) scene.lookup("#side-long")).fire();
            ((ToggleButton) scene.lookup("#mode-isolated")).fire();
            definition(scene, io.liqlab.ui.learn.Term.BANKRUPTCY_PRICE);
        });
        steps.add(() -> { }); // the pop-over fades in
        steps.add(() -> { });
        steps.add(() -> screen("controls-definition-" + tag + ".png"));
        steps.add(() -> definition(scene, io.liqlab.ui.learn.Term.CROSS_MARGIN));
        steps.add(() -> { }); // the pop-over fades in
        steps.add(() -> { });
        steps.add(() -> screen("controls-definition-form-" + tag + ".png"));
        steps.add(() -> {
            scene.getWindow().requestFocus();
            theme(scene, "DARK");
            definition(scene, io.liqlab.ui.learn.Term.LEVERAGE);
        });
        steps.add(() -> { }); // the pop-over fades in
        steps.add(() -> { });
        steps.add(() -> screen("controls-definition-dark-" + tag + ".png"));
        steps.add(() -> {
            definition(scene, null);
            TabPane tabs = (TabPane) scene.lookup(".tab-pane");
            tabs.getTabs().stream().filter(t -> "tab-cascade".equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        steps.add(() -> ((org.controlsfx.control.ToggleSwitch) scene.lookup("#cascade-seed-band")).setSelected(true));
        steps.add(() -> { }); // the band's 20 runs
        steps.add(() -> { });
        steps.add(() -> { });
        steps.add(() -> shoot(scene, "controls-cascade-dark-" + tag + ".png"));
        steps.add(() -> theme(scene, "LIGHT"));
        steps.add(() -> shoot(scene, "controls-cascade-" + tag + ".png"));
        steps.add(() -> {
            TabPane tabs = (TabPane) scene.lookup(".tab-pane");
            tabs.getTabs().stream().filter(t -> "tab-account".equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        steps.add(() -> shoot(scene, "controls-account-" + tag + ".png"));
    }

    /** Shows {@code term}'s definition at its link on the Position tab, as a click does; null closes the one shown. */
    private static void definition(Scene scene, io.liqlab.ui.learn.Term term) {
        for (javafx.scene.Node n : scene.getRoot().lookupAll("." + io.liqlab.ui.learn.GlossaryLinks.STYLE_CLASS)) {
            if (n instanceof javafx.scene.control.Labeled l && (term == null || io.liqlab.ui.learn.GlossaryLinks.termOf(l) == term)) {
                javafx.scene.input.MouseEvent click = new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                        0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, true, null);
                if (term == null) {
                    javafx.stage.Window.getWindows().stream().filter(w -> w instanceof org.controlsfx.control.PopOver && w.isShowing())
                            .toList().forEach(javafx.stage.Window::hide);
                    return;
                }
                l.fireEvent(click);
                return;
            }
        }
    }

    /**
     * The What if… pop-over is a window of its own, which a scene snapshot leaves out: these shots take the whole X
     * screen with ImageMagick's {@code import -window root} (so the screen should be the window's size).
     */
    @SuppressWarnings("unchecked")
    private static void solveSteps(Stage stage, Scene scene, List<Runnable> steps) {
        for (double[] size : new double[][] {{1600, 1000}, {1280, 720}}) {
            String tag = (int) size[0] + "x" + (int) size[1];
            steps.add(() -> {
                theme(scene, "LIGHT");
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(0);
                venue(scene, "binance-usdm-btc");
                text(scene, "size", "250000");
                text(scene, "leverage", "20");
            });
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#solve-open")).fire());
            steps.add(() -> {
                javafx.stage.Window pop = javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#solve-question") != null).findFirst().orElseThrow();
                ComboBox<Object> q = (ComboBox<Object>) pop.getScene().lookup("#solve-question");
                q.setValue(io.liqlab.ui.position.SolveViewModel.Question.ADD_SIZE);
                ((TextField) pop.getScene().lookup("#solve-input")).setText("1.6666666667");
                ((TextField) pop.getScene().lookup("#solve-second")).setText("60000");
            });
            steps.add(() -> screen("what-if-add-size-" + tag + ".png"));
            steps.add(() -> {
                javafx.stage.Window pop = javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#solve-question") != null).findFirst().orElseThrow();
                ((ComboBox<Object>) pop.getScene().lookup("#solve-question")).setValue(io.liqlab.ui.position.SolveViewModel.Question.LEVERAGE_FOR_LIQ);
                ((TextField) pop.getScene().lookup("#solve-input")).setText("57500");
            });
            steps.add(() -> screen("what-if-leverage-" + tag + ".png"));
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#solve-open")).fire());
        }
    }

    /**
     * "Doesn't match the exchange?" on an OKX position with the exchange's price typed in, then the Account tab with
     * the recorded Hyperliquid account imported and its price reconciled; each at 1600x1000 and 1280x720, taken from
     * the screen (the pop-overs are windows of their own).
     */
    private static void reconcileSteps(Stage stage, Scene scene, List<Runnable> steps) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        for (double[] size : new double[][] {{1600, 1000}, {1280, 720}}) {
            String tag = (int) size[0] + "x" + (int) size[1];
            // the pop-overs are windows: shoot each size on a screen of that size (run once per screen size)
            if (screen.getWidth() != size[0]) {
                continue;
            }
            steps.add(() -> {
                theme(scene, "LIGHT");
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(0);
                venue(scene, "okx-swap-btc");
            });
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#reconcile-open")).fire());
            steps.add(() -> popup("#reconcile-shown").ifPresent(w -> ((TextField) w.getScene().lookup("#reconcile-shown")).setText("57900")));
            steps.add(() -> { }); // the pop-over fades in
            steps.add(() -> screen("reconcile-" + tag + ".png"));
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#reconcile-open")).fire());
            steps.add(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(
                    ((TabPane) scene.lookup(".tab-pane")).getTabs().stream().filter(t -> "tab-account".equals(t.getId())).findFirst().orElseThrow()));
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#account-import")).fire());
            steps.add(() -> popup("#snapshot-text").ifPresent(w -> {
                try {
                    ((javafx.scene.control.TextArea) w.getScene().lookup("#snapshot-text")).setText(Files.readString(
                            Path.of("src", "test", "resources", "venue-responses", "hyperliquid", "clearinghouseState.json")));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                ((javafx.scene.control.Button) w.getScene().lookup("#snapshot-import")).fire();
            }));
            steps.add(() -> { });
            steps.add(() -> screen("reconcile-import-" + tag + ".png"));
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#account-import")).fire());
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#account-reconcile")).fire());
            steps.add(() -> { });
            steps.add(() -> screen("reconcile-account-" + tag + ".png"));
            steps.add(() -> ((javafx.scene.control.Button) scene.lookup("#account-reconcile")).fire());
        }
    }

    private static java.util.Optional<javafx.stage.Window> popup(String lookup) {
        return javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup(lookup) != null).findFirst();
    }

    private static void screen(String name) {
        try {
            File file = out.resolve(name).toFile();
            Process p = new ProcessBuilder("import", "-window", "root", file.getPath()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("import failed for " + name);
            }
            System.out.println("wrote " + file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void learnSteps(Stage stage, Scene scene, List<Runnable> steps) {
        steps.add(() -> {
            theme(scene, "LIGHT");
            ((ToggleButton) scene.lookup("#presentation")).setSelected(false);
            stage.setWidth(1600);
            stage.setHeight(1000);
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(0);
            ((javafx.scene.control.MenuButton) scene.lookup("#learn")).getItems().stream()
                    .filter(i -> "example-tier-at-liquidation".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        steps.add(() -> shoot(scene, "learn-example.png"));
        steps.add(() -> ((io.liqlab.ui.workspace.WorkspaceView) ((javafx.scene.layout.BorderPane) scene.getRoot()).getCenter()).showGlossary(io.liqlab.ui.learn.Term.ADL));
        steps.add(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage s && s.getTitle() != null && s.getTitle().contains("glossary"))
                .findFirst().ifPresent(w -> shoot(w.getScene(), "glossary.png")));
        steps.add(() -> theme(scene, "DARK"));
        steps.add(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage s && s.getTitle() != null && s.getTitle().contains("glossary"))
                .findFirst().ifPresent(w -> shoot(w.getScene(), "glossary-dark.png")));
        steps.add(() -> theme(scene, "LIGHT"));
    }

    /** The Cascade tab: classroom and 2025-10-10 scenarios, light and dark, two sizes, side by side, presentation. */
    private static void cascadeSteps(Stage stage, Scene scene, List<Runnable> steps) {
        io.liqlab.ui.cascade.CascadeViewModel[] vm = new io.liqlab.ui.cascade.CascadeViewModel[1];
        steps.add(() -> {
            theme(scene, "LIGHT");
            ((ToggleButton) scene.lookup("#presentation")).setSelected(false);
            stage.setWidth(1280);
            stage.setHeight(800);
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(4);
        });
        steps.add(() -> {
            vm[0] = ((io.liqlab.ui.cascade.CascadeView) scene.lookup("#cascade")).viewModel();
            vm[0].scrub(140);
        });
        steps.add(() -> shoot(scene, "cascade-1280x800.png"));
        steps.add(() -> theme(scene, "DARK"));
        steps.add(() -> shoot(scene, "cascade-dark-1280x800.png"));
        steps.add(() -> {
            theme(scene, "LIGHT");
            stage.setWidth(1920);
            stage.setHeight(1080);
            vm[0].scenarioProperty().set(vm[0].scenarios().stream().filter(s -> s.id().equals("2025-10-10")).findFirst().orElseThrow());
        });
        steps.add(() -> { });
        steps.add(() -> vm[0].scrub(150)); // within the action the tab opens on (2025-10-10: 0:00-2:47)
        steps.add(() -> shoot(scene, "cascade.png"));
        steps.add(() -> theme(scene, "DARK"));
        steps.add(() -> shoot(scene, "cascade-dark.png"));
        steps.add(() -> {
            theme(scene, "LIGHT");
            vm[0].sideBySideProperty().set(true);
        });
        steps.add(() -> { });
        steps.add(() -> { });
        steps.add(() -> vm[0].scrub(150)); // within the action the tab opens on (2025-10-10: 0:00-2:47)
        steps.add(() -> shoot(scene, "cascade-side-by-side.png"));
        steps.add(() -> ((ToggleButton) scene.lookup("#presentation")).setSelected(true));
        steps.add(() -> shoot(scene, "cascade-presentation.png"));
        steps.add(() -> ((ToggleButton) scene.lookup("#presentation")).setSelected(false));
    }

    /** The tier editor: the offer bar at start, nothing selected (greyed), then a selected tier and an edit. */
    @SuppressWarnings("unchecked")
    private static void tierSteps(Stage stage, Scene scene, List<Runnable> steps) {
        steps.add(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        steps.add(() -> {
            var bar = (org.controlsfx.control.NotificationPane) scene.lookup("#notifications");
            System.out.println("offer bar showing: " + bar.isShowing() + ", text: " + bar.getText());
        });
        steps.add(() -> shoot(scene, "tier-offer-1600x1000.png"));
        steps.add(() -> {
            io.liqlab.ui.tiers.TierEditorView editor = (io.liqlab.ui.tiers.TierEditorView) scene.lookup("#tier-editor");
            editor.open("binance-usdm-btc");
        });
        steps.add(() -> shoot(scene, "tier-open-1600x1000.png"));
        steps.add(() -> {
            io.liqlab.ui.tiers.TierEditorView editor = (io.liqlab.ui.tiers.TierEditorView) scene.lookup("#tier-editor");
            var vm = editor.workbench().editorProperty().get();
            vm.setCell(0, io.liqlab.ui.tiers.TierEditorViewModel.Column.MMR, "0.45");
            var table = editor.table();
            table.getSelectionModel().select(0, (javafx.scene.control.TableColumn<io.liqlab.ui.tiers.TierEditorViewModel.Row, ?>)
                    table.getColumns().get(3));
            table.requestFocus();
        });
        steps.add(() -> shoot(scene, "tier-edited-1600x1000.png"));
        steps.add(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        steps.add(() -> shoot(scene, "tier-edited-1280x720.png"));
    }

    /** One step per second or so, letting layout and rendering settle between them. */
    private static void run(List<Runnable> steps, int i) {
        if (i >= steps.size()) {
            return;
        }
        steps.get(i).run();
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(700));
        pause.setOnFinished(e -> run(steps, i + 1));
        pause.play();
    }

    private static void text(Scene scene, String id, String value) {
        ((TextField) scene.lookup("#" + id)).setText(value);
    }

    @SuppressWarnings("unchecked")
    private static void venue(Scene scene, String id) {
        ComboBox<io.liqlab.profile.VenueProfile> venue = (ComboBox<io.liqlab.profile.VenueProfile>) scene.lookup("#venue");
        venue.getItems().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(venue::setValue);
    }

    @SuppressWarnings("unchecked")
    private static void theme(Scene scene, String name) {
        for (javafx.scene.Node n : scene.getRoot().lookupAll(".choice-box")) {
            ChoiceBox<Object> box = (ChoiceBox<Object>) n;
            box.getItems().stream().filter(v -> v.toString().equals(name)).findFirst().ifPresent(box::setValue);
        }
    }

    private static void shoot(Scene scene, String name) {
        try {
            File file = out.resolve(name).toFile();
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file);
            System.out.println("wrote " + file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
