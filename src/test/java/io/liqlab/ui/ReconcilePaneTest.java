package io.liqlab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Doesn't match the exchange?" beside the result: type the exchange's price, read the most likely cause and the steps. */
class ReconcilePaneTest extends AppWindowTest {

    @Test
    void typingTheExchangesPriceShowsTheMostLikelyCause(FxRobot robot) {
        robot.clickOn("#reconcile-open");
        WaitForAsyncUtils.waitForFxEvents();
        TextField shown = robot.lookup("#reconcile-shown").queryAs(TextField.class);
        robot.clickOn(shown).write("57700");
        WaitForAsyncUtils.waitForFxEvents();
        Label likely = robot.lookup("#reconcile-most-likely").queryAs(Label.class);
        assertTrue(likely.getParent().isVisible(), "the answer shows once a price is typed");
        assertTrue(likely.getText().contains("if your margin were"), likely.getText());
        Label step = robot.lookup("#reconcile-step-1").queryAs(Label.class);
        assertTrue(step.getText().startsWith("1. With your inputs LiqLab's exact liquidation price is"), step.getText());

        robot.interact(() -> shown.setText("61000"));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#reconcile-shown-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().startsWith("Must be below the mark"), error.getText());
        assertTrue(shown.getPseudoClassStates().contains(Styles.INVALID), "the field is outlined");
        assertEquals("61000", shown.getText(), "nothing typed is lost");
        assertFalse(likely.getParent().isVisible(), "no answer for a price on the wrong side");
        assertEquals("", likely.getText());
    }
}
