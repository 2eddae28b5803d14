package io.liqlab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: Tab through the Position tab, Ctrl+Tab between tabs, and a tooltip on every symbol button. */
class KeyboardTest extends AppWindowTest {
    /** The form's controls in the order they stand on screen, top to bottom (isolated, by leverage: margin disabled). */
    private static final List<String> FORM = List.of("venue", "side-long", "entry", "mark", "unit-notional", "size", "mode-isolated",
            "by-leverage", "leverage-slider", "leverage", "opening-fee", "funding-rate", "holding-hours");
    private static final List<String> TOOLBAR = List.of("reset", "session", "export", "copy-results", "learn", "theme", "presentation", "about");

    private Scene scene() {
        return stage.getScene();
    }

    private Node focused() {
        return scene().getFocusOwner();
    }

    private static String name(Node n) {
        return n == null ? "nothing" : n.getId() != null ? n.getId() : n.getClass().getSimpleName();
    }

    /** Presses Tab until the focus comes back to where it started; the nodes visited, in order. */
    private List<Node> tabAround(FxRobot robot) {
        Node start = focused();
        List<Node> visited = new ArrayList<>(List.of(start));
        for (int i = 0; i < 200; i++) {
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            if (focused() == start) {
                return visited;
            }
            visited.add(focused());
        }
        throw new AssertionError("Tab never came back to " + name(start) + ": " + visited.stream().map(KeyboardTest::name).toList());
    }

    private void focus(FxRobot robot, String id) {
        robot.interact(() -> scene().lookup("#" + id).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tabGoesThroughTheFormTopToBottomThenResultsChartsAndToolbar(FxRobot robot) {
        focus(robot, "venue");
        List<String> order = tabAround(robot).stream().map(KeyboardTest::name).toList();

        assertEquals(FORM, order.subList(0, FORM.size()), "the form first, in screen order: " + order);
        List<String> afterForm = order.subList(FORM.size(), order.size());
        assertEquals(List.of("solve-open", "reconcile-open", "compare-textbook"), afterForm.subList(0, 3),
                "then the results (What if… and Doesn't match the exchange?, beside the liquidation price) and the formula: " + order);
        int firstCurve = afterForm.indexOf("curve-textbook");
        int logScale = afterForm.indexOf("log-scale");
        assertTrue(firstCurve > 0 && logScale > firstCurve, "then the charts' boxes: " + order);
        assertEquals(TOOLBAR, afterForm.subList(logScale + 1, logScale + 1 + TOOLBAR.size()), "then the toolbar: " + order);
        assertEquals("TabPane", afterForm.get(logScale + 1 + TOOLBAR.size()), "and the tabs, switched with the arrow keys: " + order);
    }

    @Test
    void theFormsFocusOrderIsItsScreenOrder(FxRobot robot) {
        focus(robot, "venue");
        List<Node> order = tabAround(robot).subList(0, FORM.size());
        double lastY = Double.NEGATIVE_INFINITY;
        for (Node n : order) {
            double y = n.localToScene(n.getBoundsInLocal()).getMinY();
            assertTrue(y >= lastY - 1, name(n) + " at y=" + y + " comes after a field lower down (y=" + lastY + ")");
            lastY = y;
        }
    }

    @Test
    void everyEnabledControlOfThePositionTabAndTheToolbarIsReached(FxRobot robot) {
        focus(robot, "venue");
        Set<Node> reached = new LinkedHashSet<>(tabAround(robot));
        // The other button of a two-button choice is one arrow key away from the selected one, as in any toggle group
        // (the arrow moves the choice too; the left arrow puts it back).
        for (String[] pair : new String[][] {{"side-long", "side-short"}, {"unit-notional", "unit-quantity"},
                {"mode-isolated", "mode-cross"}, {"by-leverage", "by-margin"}}) {
            focus(robot, pair[0]);
            robot.push(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(pair[1], name(focused()));
            reached.add(focused());
            robot.push(KeyCode.LEFT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(pair[0], name(focused()));
            assertTrue(((ToggleButton) focused()).isSelected(), pair[0] + " selected again");
        }
        Tab position = ((TabPane) scene().lookup(".tab-pane")).getTabs().getFirst();
        List<String> missed = new ArrayList<>();
        for (Parent root : List.of((Parent) position.getContent(), (Parent) scene().lookup(".tool-bar"))) {
            for (Control c : controls(root)) {
                if (c.isFocusTraversable() && !c.isDisabled() && shown(c) && !reached.contains(c)) {
                    missed.add(name(c));
                }
            }
        }
        assertEquals(List.of(), missed, "enabled controls that neither Tab nor an arrow key reaches");
    }

    @Test
    void ctrlTabSwitchesTabsEvenFromATextField(FxRobot robot) {
        TabPane tabs = (TabPane) scene().lookup(".tab-pane");
        focus(robot, "entry");
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-compare", tabs.getSelectionModel().getSelectedItem().getId());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-position", tabs.getSelectionModel().getSelectedItem().getId());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-account", tabs.getTabs().getLast().getId());
        assertEquals("tab-account", tabs.getSelectionModel().getSelectedItem().getId(), "wraps around to the last tab");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-position", tabs.getSelectionModel().getSelectedItem().getId());
    }

    @Test
    void ctrlAndADigitInTheMarketChooserSwitchesTabsWithoutOpeningItsList(FxRobot robot) {
        TabPane tabs = (TabPane) scene().lookup(".tab-pane");
        javafx.scene.control.ComboBox<?> venue = (javafx.scene.control.ComboBox<?>) scene().lookup("#venue");
        Object chosen = venue.getValue();
        focus(robot, "venue");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-position", tabs.getSelectionModel().getSelectedItem().getId());
        assertTrue(!venue.isShowing() && robot.lookup(".search-combo-box-popup, .combo-box-popup").queryAll().stream().noneMatch(Node::isVisible),
                "Ctrl+1 in the market chooser leaves its list closed");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-compare", tabs.getSelectionModel().getSelectedItem().getId(), "Ctrl+2 from the chooser goes to Compare");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(chosen, venue.getValue(), "and the chosen market is kept");
    }

    @Test
    void altAndAMnemonicOpenTheToolbarsMenus(FxRobot robot) {
        focus(robot, "entry");
        robot.push(KeyCode.ALT, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        MenuButton session = (MenuButton) scene().lookup("#session");
        assertTrue(session.isShowing(), "Alt+S opens the Session menu");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyButtonWithoutWordsHasATooltipAndSoDoesEveryToolbarControl(FxRobot robot) {
        TabPane tabs = (TabPane) scene().lookup(".tab-pane");
        List<String> missing = new ArrayList<>();
        int buttons = 0;
        for (int i = 0; i < tabs.getTabs().size(); i++) { // the other tabs are built when first shown
            int index = i;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            for (Control c : controls(scene().getRoot())) {
                if (c instanceof Button || c instanceof ToggleButton || c instanceof MenuButton) {
                    buttons++;
                    String text = ((ButtonBase) c).getText();
                    boolean words = text != null && text.codePoints().filter(Character::isLetter).count() >= 2;
                    if (!words && c.getTooltip() == null) {
                        missing.add(name(c) + " '" + text + "'");
                    }
                }
            }
        }
        assertTrue(buttons > 30, "saw the buttons of every tab: " + buttons);
        for (Control c : controls((Parent) scene().lookup(".tool-bar"))) {
            if (!(c instanceof javafx.scene.control.Label) && !(c instanceof javafx.scene.control.Separator) && c.getTooltip() == null) {
                missing.add("toolbar " + name(c));
            }
        }
        assertEquals(List.of(), missing, "buttons that show only a symbol need a tooltip");
        assertNotNull(scene().lookup("#tier-undo"));
    }

    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Every control under {@code root}, skipping the insides of controls (a ComboBox's own button, a table's cells). */
    private static List<Control> controls(Parent root) {
        List<Control> out = new ArrayList<>();
        for (Node n : root.getChildrenUnmodifiable()) {
            if (n instanceof Control c) {
                out.add(c);
                if (c instanceof ToolBar || c instanceof javafx.scene.control.ScrollPane || c instanceof TabPane
                        || c instanceof javafx.scene.control.SplitPane) {
                    out.addAll(controls(c));
                }
            } else if (n instanceof Parent p) {
                out.addAll(controls(p));
            }
        }
        return out;
    }
}
