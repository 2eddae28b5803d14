package io.liqlab.ui;

import io.liqlab.ui.learn.Glossary;
import io.liqlab.ui.learn.GlossaryEntry;
import io.liqlab.ui.learn.GlossaryLinks;
import io.liqlab.ui.learn.Term;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learning layer in the real window: the glossary from F1 and from a term on screen, and a guided example. */
class LearnWindowTest extends AppWindowTest {
    private static Window glossaryWindow(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("glossary") && w.isShowing()).findFirst().orElse(null);
    }

    @Test
    void f1OpensTheGlossaryAndItsSearchFiltersTheTerms(FxRobot robot) {
        robot.clickOn("#entry");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(glossaryWindow(robot) != null, "F1 opens the glossary window");
        assertEquals("Liquidation price", text(robot, "glossary-title"));
        robot.clickOn("#glossary-search").write("vault");
        WaitForAsyncUtils.waitForFxEvents();
        var list = robot.lookup("#glossary-terms").queryListView();
        assertTrue(list.getItems().stream().allMatch(e -> e.toString().equals("Backstop") || e.toString().startsWith("Insurance")),
                list.getItems().toString());
    }

    @Test
    void aTermOnScreenOpensItsGlossaryEntry(FxRobot robot) {
        Label bankruptcyKey = robot.lookup(".glossary-term").queryAllAs(Label.class).stream()
                .filter(l -> GlossaryLinks.termOf(l) == Term.BANKRUPTCY_PRICE).findFirst().orElseThrow();
        assertEquals("Bankruptcy price", bankruptcyKey.getText());
        String definition = "The price at which the position's equity is exactly zero";
        assertTrue(bankruptcyKey.getAccessibleHelp().startsWith(definition), "a screen reader reads the definition");
        robot.moveTo(bankruptcyKey).moveBy(3, 0); // the tooltip comes with the pointer
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(bankruptcyKey.getTooltip().getText().startsWith(definition));
        robot.clickOn(bankruptcyKey);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(glossaryWindow(robot) == null, "a click shows the definition where the term is, not the glossary window");
        // The definition beside the term (ControlsFX PopOver), in the glossary's own words.
        GlossaryEntry entry = Glossary.load(java.util.Locale.getDefault()).entry(Term.BANKRUPTCY_PRICE);
        assertEquals(entry.title(), text(robot, "glossary-definition-title"));
        assertEquals(entry.summary(), text(robot, "glossary-definition-summary"));
        assertEquals(entry.text(), text(robot, "glossary-definition-text"));
        Node summary = robot.lookup("#glossary-definition-summary").query();
        assertTrue(summary.getScene().getWindow() instanceof org.controlsfx.control.PopOver popOver && popOver.isShowing()
                && popOver.getOwnerNode() == bankruptcyKey, "shown in a pop-over at the term");
        // Its link opens the glossary at the term.
        robot.clickOn("#glossary-definition-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(glossaryWindow(robot) != null, "the link opens the glossary window");
        assertFalse(summary.getScene().getWindow().isShowing(), "and closes the definition");
        assertEquals("Bankruptcy price", text(robot, "glossary-title"));
        assertTrue(text(robot, "glossary-venues").contains("Bybit"));
    }

    @Test
    void theFormsTermsShowTheirDefinitionsAndEscClosesOne(FxRobot robot) {
        Glossary glossary = Glossary.load(java.util.Locale.getDefault());
        for (Term term : java.util.List.of(Term.LEVERAGE, Term.CROSS_MARGIN, Term.MARK_PRICE, Term.FUNDING)) {
            Label link = robot.lookup(".position-form .glossary-term").queryAllAs(Label.class).stream()
                    .filter(l -> GlossaryLinks.termOf(l) == term).findFirst().orElseThrow(() -> new AssertionError("no link for " + term));
            robot.clickOn(link);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(glossary.entry(term).summary(), text(robot, "glossary-definition-summary"), link.getText());
            Node shown = robot.lookup("#glossary-definition-summary").query();
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            // The pop-over fades out (ControlsFX, 0.2 s) and is showing until the fade ends: wait for it, a little.
            javafx.stage.Window window = shown.getScene().getWindow();
            try {
                WaitForAsyncUtils.waitFor(3, java.util.concurrent.TimeUnit.SECONDS, () -> !window.isShowing());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("Esc closes the definition of " + term, e);
            }
        }
    }

    @Test
    void theTextbookExampleStepsThroughTheThreeDistances(FxRobot robot) {
        robot.clickOn("#learn");
        robot.clickOn("#example-textbook-leverage");
        WaitForAsyncUtils.waitForFxEvents();
        Node banner = robot.lookup("#example-banner").query();
        assertTrue(banner.isVisible());
        assertTrue(text(robot, "example-explanation").contains("1/leverage"));
        assertEquals("10", robot.lookup("#leverage").queryAs(TextField.class).getText());
        assertTrue(text(robot, "distance").startsWith("9.50% below the mark"), text(robot, "distance"));
        robot.clickOn("#example-step-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "distance").startsWith("3.50% below the mark"), text(robot, "distance"));
        robot.clickOn("#example-step-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "distance").startsWith("1.50% below the mark"), text(robot, "distance"));
        robot.clickOn("#example-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!banner.isVisible());
    }

    @Test
    void theAdlExampleOpensTheCascadeAtTheMomentTheFundRunsDry(FxRobot robot) throws Exception {
        robot.clickOn("#learn");
        robot.clickOn("#example-adl-after-fund");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            var cascade = (io.liqlab.ui.cascade.CascadeView) robot.lookup("#cascade").query();
            var m = cascade == null ? null : cascade.viewModel();
            return m != null && m.runsProperty().get() != null && !m.runningProperty().get()
                    && m.scenarioProperty().get().id().equals("2025-10-10") && m.frameProperty().get() > 0;
        });
        assertEquals("tab-cascade", tabs.getSelectionModel().getSelectedItem().getId());
        var m = ((io.liqlab.ui.cascade.CascadeView) robot.lookup("#cascade").query()).viewModel();
        double fundEmpty = m.runsProperty().get().main().fundEmptySecond();
        assertEquals(m.frameAtSecond(fundEmpty), m.frameProperty().get());
        assertTrue(!m.playingProperty().get(), "paused at the moment");
        // The playback keys work at once, without a click into the pane.
        int at = m.frameProperty().get();
        robot.type(KeyCode.END);
        assertTrue(m.frameProperty().get() > at, "End moves on from " + at + ": " + m.frameProperty().get());
        robot.type(KeyCode.HOME);
        assertTrue(m.frameProperty().get() < at, "Home moves back before " + at + ": " + m.frameProperty().get());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(m.playingProperty().get(), "Space plays");
        robot.type(KeyCode.SPACE);
    }

    @Test
    void escClosesTheGlossaryItsListNeedsNoSidewaysScrollingAndLinksLookLikeLinks(FxRobot robot) {
        Label link = robot.lookup(".glossary-term").queryAllAs(Label.class).stream()
                .filter(l -> GlossaryLinks.termOf(l) == Term.BANKRUPTCY_PRICE).findFirst().orElseThrow();
        assertTrue(link.isUnderline(), "a link before it is hovered");
        robot.clickOn("#entry");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        var list = robot.lookup("#glossary-terms").queryListView();
        for (Node bar : list.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                assertTrue(!sb.isVisible(), "no horizontal scroll bar on the term list");
            }
        }
        robot.clickOn("#glossary-search").write("adl");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(list.getItems().getFirst().toString(), text(robot, "glossary-title"), "the detail shows the first match");
        int matches = list.getItems().size();
        // The search field's clear button (ControlsFX) empties it: every term is listed again.
        Node clear = robot.lookup("#glossary-search .clear-button").query();
        robot.clickOn(clear);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#glossary-search").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(list.getItems().size() > matches, "all terms again: " + list.getItems().size());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(glossaryWindow(robot) == null, "Esc closes the glossary");
    }
}
