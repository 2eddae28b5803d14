package io.liqlab.bench;

import io.liqlab.sim.Scenario;
import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.File;

/**
 * The Cascade tab as it looks while playing, for checking what a frame of playback repaints: opens the window at
 * {@code width x height}, plays 2025-10-10 at 200,000 positions at 8x and pauses at frame {@code frame}, reached by
 * playing (so the screen is what the frames painted one after the other). It then prints {@code SHOT frame=N} and
 * waits three seconds (a negative {@code frame}: plays on from there, for a look at the frames' dirty regions), so a script can take the screen ({@code import -window root}), and writes the scene drawn
 * afresh ({@code scene.snapshot}) to {@code out}: the two must show the same pixels. With
 * {@code -Dprism.showdirty=true} the screen shows the last frame's dirty regions.
 *
 * <pre>java -cp TEST_CLASSPATH io.liqlab.bench.PlaybackShot width height light|dark whole|action single|side frame out.png</pre>
 */
public final class PlaybackShot {
    private static String[] a;

    public static void main(String[] args) {
        a = args;
        io.liqlab.app.LiqLabApp.rendererSettings(); // as the app starts its window
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private boolean started;

        @Override
        public void start(Stage stage) throws Exception {
            Scene scene = Benches.openApp(stage);
            stage.setWidth(Integer.parseInt(a[0]));
            stage.setHeight(Integer.parseInt(a[1]));
            if (a[2].equals("dark")) {
                for (javafx.scene.Node n : scene.getRoot().lookupAll(".choice-box")) {
                    @SuppressWarnings("unchecked")
                    ChoiceBox<Object> box = (ChoiceBox<Object>) n;
                    box.getItems().stream().filter(v -> v.toString().equals("DARK")).findFirst().ifPresent(box::setValue);
                }
            }
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(4);
            CascadeView view = (CascadeView) scene.lookup("#cascade");
            CascadeViewModel vm = view.viewModel();
            Scenario october = vm.scenarios().stream().filter(s -> s.id().equals("2025-10-10")).findFirst().orElseThrow();
            vm.scenarioProperty().set(october);
            vm.positionsProperty().set(200_000);
            vm.sideBySideProperty().set(a[4].equals("side"));
            int target = Integer.parseInt(a[5]);
            vm.runsProperty().subscribe(r -> {
                if (r != null && r.main().summary().positions() == 200_000 && (r.other() != null) == a[4].equals("side")
                        && !started) {
                    started = true;
                    PauseTransition settle = new PauseTransition(Duration.seconds(2));
                    settle.setOnFinished(e -> play(scene, vm, target));
                    settle.play();
                }
            });
        }
    }

    /** Prints, after every pulse's layout, the nodes that changed and paint a large area (what may repaint it all). */
    private static void probe(Scene scene, CascadeViewModel vm) {
        java.util.concurrent.atomic.AtomicReference<java.util.Map<javafx.scene.Node, io.liqlab.ui.RepaintProbe.Look>> last = new java.util.concurrent.atomic.AtomicReference<>();
        int[] pulse = {0};
        java.util.concurrent.atomic.AtomicReference<java.util.Map<javafx.scene.Parent, java.util.List<Object>>> lastParents = new java.util.concurrent.atomic.AtomicReference<>();
        scene.addPostLayoutPulseListener(() -> {
            pulse[0]++;
            var now = io.liqlab.ui.RepaintProbe.capture(scene.getRoot());
            if (last.get() != null) {
                for (var e : now.entrySet()) {
                    var then = last.get().get(e.getKey());
                    if (!e.getValue().equals(then)) {
                        javafx.geometry.Bounds nb = e.getValue().bounds();
                        javafx.geometry.Bounds ob = then == null ? null : then.bounds();
                        double area = Math.max(nb.getWidth() * nb.getHeight(), ob == null ? 0 : ob.getWidth() * ob.getHeight());
                        if (area > 20000) {
                            StringBuilder path = new StringBuilder();
                            for (javafx.scene.Node p = e.getKey(); p != null; p = p.getParent()) {
                                path.insert(0, "/" + p.getClass().getSimpleName() + (p.getId() == null ? "" : "#" + p.getId()));
                            }
                            System.out.println("PROBE pulse " + pulse[0] + " frame " + vm.frameProperty().get() + " " + path
                                    + " " + (then == null ? "added" : then.bounds() + " " + then.visible()) + " -> " + nb + " "
                                    + e.getValue().visible() + (then != null && !then.paint().equals(e.getValue().paint())
                                    ? " paint " + then.paint() + " -> " + e.getValue().paint() : ""));
                        }
                    }
                }
            }
            last.set(now);
            java.util.Map<javafx.scene.Parent, java.util.List<Object>> parents = new java.util.IdentityHashMap<>();
            parentStates(scene.getRoot(), parents);
            if (lastParents.get() != null) {
                for (var e : parents.entrySet()) {
                    var then = lastParents.get().get(e.getKey());
                    if (then != null && !then.equals(e.getValue())) {
                        javafx.geometry.Bounds b = e.getKey().localToScene(e.getKey().getBoundsInLocal());
                        if (b.getWidth() * b.getHeight() > 50000) {
                            StringBuilder path = new StringBuilder();
                            for (javafx.scene.Node p = e.getKey(); p != null; p = p.getParent()) {
                                path.insert(0, "/" + p.getClass().getSimpleName() + (p.getId() == null ? "" : "#" + p.getId()));
                            }
                            System.out.println("PARENT pulse " + pulse[0] + " " + path + " " + b + " was " + then + " now " + e.getValue());
                        }
                    }
                }
            }
            lastParents.set(parents);
        });
    }

    /** Per parent: its children in order, opacity, clip, effect, cache (what repaints a whole group). */
    private static void parentStates(javafx.scene.Parent parent, java.util.Map<javafx.scene.Parent, java.util.List<Object>> out) {
        java.util.List<Object> state = new java.util.ArrayList<>();
        for (javafx.scene.Node c : parent.getChildrenUnmodifiable()) {
            state.add(System.identityHashCode(c));
        }
        state.add("op" + parent.getOpacity());
        state.add("clip" + System.identityHashCode(parent.getClip()));
        state.add("fx" + parent.getEffect());
        state.add("cache" + parent.isCache());
        state.add("vis" + parent.isVisible());
        out.put(parent, state);
        for (javafx.scene.Node c : parent.getChildrenUnmodifiable()) {
            if (c instanceof javafx.scene.Parent p) {
                parentStates(p, out);
            }
        }
    }

    private static void play(Scene scene, CascadeViewModel vm, int target) {
        if (a[3].equals("whole")) {
            vm.showWholeRun();
        } else {
            vm.showAction();
        }
        vm.scrub(0);
        vm.speedProperty().set(8);
        if (Boolean.getBoolean("liqlab.repaintProbe")) {
            probe(scene, vm);
        }
        boolean[] done = {false};
        vm.frameProperty().subscribe(f -> {
            if (!done[0] && f.intValue() >= Math.abs(target)) {
                done[0] = true;
                if (target >= 0) {
                    vm.pause();
                    vm.scrub(target);
                }
                PauseTransition settle = new PauseTransition(Duration.millis(800));
                settle.setOnFinished(e -> {
                    System.out.println("SHOT frame=" + vm.frameProperty().get());
                    System.out.flush();
                    PauseTransition wait = new PauseTransition(Duration.seconds(3));
                    wait.setOnFinished(e2 -> {
                        try {
                            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(a[6]));
                        } catch (Exception x) {
                            throw new IllegalStateException(x);
                        }
                        Platform.exit();
                    });
                    wait.play();
                });
                settle.play();
            }
        });
        vm.play();
    }
}
