package io.liqlab.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "What if…" under the liquidation price: opens beside it, answers the form's position, shows before and after. */
class SolvePaneTest extends AppWindowTest {

    private List<String> answerTexts(FxRobot robot) {
        GridPane answer = robot.lookup("#solve-answer").queryAs(GridPane.class);
        return answer.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void whatIfOpensTheCalculatorsOnThisPosition(FxRobot robot) {
        robot.clickOn("#solve-open");
        WaitForAsyncUtils.waitForFxEvents();
        TextField input = robot.lookup("#solve-input").queryAs(TextField.class);
        robot.interact(() -> input.setText("57000"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = answerTexts(robot);
        assertTrue(texts.contains("Margin"), texts.toString());
        assertTrue(texts.contains("57,000.00"), "the liquidation lands on the target: " + texts);

        @SuppressWarnings("unchecked")
        ComboBox<Object> question = robot.lookup("#solve-question").queryAs(ComboBox.class);
        robot.interact(() -> question.getSelectionModel().select(io.liqlab.ui.position.SolveViewModel.Question.ADD_SIZE));
        WaitForAsyncUtils.waitForFxEvents();
        texts = answerTexts(robot);
        assertTrue(texts.contains("Before") && texts.contains("After"), "before and after side by side: " + texts);
        TextField price = robot.lookup("#solve-second").queryAs(TextField.class);
        assertTrue(price.isVisible(), "the added order's price");

        robot.interact(() -> question.getSelectionModel().select(io.liqlab.ui.position.SolveViewModel.Question.MARGIN_FOR_LIQ));
        robot.interact(() -> input.setText("61000"));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#solve-input-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("below the mark"), error.getText());
        assertEquals("61000", input.getText(), "nothing typed is lost");
        assertFalse(answerTexts(robot).contains("Margin"));
    }
}
