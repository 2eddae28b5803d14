package io.liqlab.bench;

import io.liqlab.app.LiqLabApp;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the window's first frame is made of (for start-up work): the nodes in each window's scene once the first
 * frame is drawn, how many of them are not shown (hidden themselves or under a hidden parent), the most frequent
 * classes, and the stylesheets the nodes bring (each of which JavaFX parses from text unless it is binary). Run under
 * Xvfb: {@code java -cp TEST_CLASSPATH io.liqlab.bench.StartupCensus}.
 */
public final class StartupCensus {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            System.setProperty("liqlab.home", Files.createTempDirectory("liqlab-census").toString());
            new LiqLabApp().start(stage);
            Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                Platform.runLater(() -> {
                    for (Window w : Window.getWindows()) {
                        if (w.getScene() != null) {
                            report(w, w.getScene().getRoot());
                        }
                    }
                    Platform.exit();
                });
            };
            scene.addPostLayoutPulseListener(once[0]);
        }
    }

    private static void report(Window w, Parent root) {
        int[] counts = new int[2];
        Map<String, Integer> byClass = new TreeMap<>();
        Map<String, Integer> hiddenByClass = new TreeMap<>();
        Map<String, Integer> sheets = new TreeMap<>();
        walk(root, true, counts, byClass, hiddenByClass, sheets);
        System.out.printf("window %s showing=%s: %d nodes, %d not shown%n", w.getClass().getSimpleName(), w.isShowing(),
                counts[0], counts[1]);
        top("classes", byClass, 60);
        top("not shown", hiddenByClass, 25);
        top("stylesheets", sheets, 40);
        System.out.println("  subtrees of 8 nodes or more (* not shown):");
        tree(root, true, 0);
    }

    private static int size(Node node) {
        int n = 1;
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                n += size(child);
            }
        }
        return n;
    }

    private static void tree(Node node, boolean shown, int depth) {
        boolean visible = shown && node.isVisible();
        int n = size(node);
        if (n < 8) {
            return;
        }
        System.out.printf("    %s%s%d %s%s %s%n", "  ".repeat(depth), visible ? "" : "*", n, node.getClass().getSimpleName(),
                node.getId() == null ? "" : " #" + node.getId(), node.getStyleClass());
        if (node instanceof Parent p && depth < 14) {
            for (Node child : p.getChildrenUnmodifiable()) {
                tree(child, visible, depth + 1);
            }
        }
    }

    private static void top(String title, Map<String, Integer> m, int n) {
        System.out.println("  " + title + ":");
        m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .forEach(e -> System.out.printf("    %5d %s%n", e.getValue(), e.getKey()));
    }

    private static void walk(Node node, boolean shown, int[] counts, Map<String, Integer> byClass,
                             Map<String, Integer> hiddenByClass, Map<String, Integer> sheets) {
        boolean visible = shown && node.isVisible();
        counts[0]++;
        String name = node.getClass().getName().replaceAll("^(javafx\\.scene\\.|com\\.sun\\.javafx\\.scene\\.)", "");
        byClass.merge(name, 1, Integer::sum);
        if (!visible) {
            counts[1]++;
            hiddenByClass.merge(name + " " + (node.getId() == null ? "" : "#" + node.getId()) + " " + node.getStyleClass(), 1, Integer::sum);
        }
        if (node instanceof Region r && r.getUserAgentStylesheet() != null) {
            sheets.merge("ua " + r.getUserAgentStylesheet(), 1, Integer::sum);
        }
        if (node instanceof Parent p) {
            for (String s : p.getStylesheets()) {
                sheets.merge("parent " + s, 1, Integer::sum);
            }
            if (node.getStyle() != null && !node.getStyle().isEmpty()) {
                sheets.merge("inline " + node.getStyle(), 1, Integer::sum);
            }
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visible, counts, byClass, hiddenByClass, sheets);
            }
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            byClass.merge("(tooltip) " + (c.getStyleClass().contains("glossary-term") ? "glossary term" : name), 1, Integer::sum);
        }
        if (node instanceof Control c && c.getSkin() == null) {
            byClass.merge("(no skin) " + name, 1, Integer::sum);
        }
    }
}
