package io.liqlab.ui.position;

import io.liqlab.ui.Forms;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The "What if…" calculator beside the liquidation result: a question, its number(s), and the answer (before and
 * after side by side for an edit). Only lays out {@link SolveViewModel}.
 */
public final class SolvePane extends VBox {

    private final GridPane answer = new GridPane(14, 3);
    private final SolveViewModel vm;

    public SolvePane(SolveViewModel vm) {
        super(8);
        this.vm = vm;
        setId("solve-pane");
        setPadding(new Insets(12));
        setPrefWidth(600);
        // As tall as the longest answer (before and after), so the pop-over keeps one size whatever the question.
        setMinHeight(450);
        Label title = new Label(Text.get("position.solve.title"));
        title.getStyleClass().add(Styles.SECTION);

        ComboBox<SolveViewModel.Question> question = new ComboBox<>();
        question.setId("solve-question");
        question.getItems().setAll(SolveViewModel.Question.values());
        question.setConverter(Forms.shown(SolveViewModel.Question::text));
        question.valueProperty().bindBidirectional(vm.questionProperty());
        question.setMaxWidth(Double.MAX_VALUE);
        Label questionLabel = new Label(Text.get("position.solve.question"));
        questionLabel.setLabelFor(question);
        questionLabel.getStyleClass().add(Styles.KEY);
        questionLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        GridPane inputs = new GridPane(10, 4);
        inputs.addRow(0, questionLabel, question);
        inputs.addRow(1, fieldRow("solve-input", vm.inputLabelProperty(), vm.inputProperty(), vm.inputErrorProperty()));
        Node[] secondRow = fieldRow("solve-second", vm.secondLabelProperty(), vm.secondProperty(), vm.secondErrorProperty());
        for (Node n : secondRow) {
            n.visibleProperty().bind(vm.hasSecondProperty());
            n.managedProperty().bind(vm.hasSecondProperty());
        }
        inputs.addRow(2, secondRow);
        GridPane.setHgrow(question, javafx.scene.layout.Priority.ALWAYS);

        Label impossible = new Label();
        impossible.setId("solve-impossible");
        impossible.getStyleClass().add(Styles.FIELD_ERROR);
        impossible.setWrapText(true);
        impossible.textProperty().bind(vm.impossibleProperty());
        impossible.visibleProperty().bind(vm.impossibleProperty().isNotEmpty());
        impossible.managedProperty().bind(vm.impossibleProperty().isNotEmpty());
        impossible.setMaxWidth(440);

        answer.setId("solve-answer");
        vm.rows().addListener((ListChangeListener<SolveViewModel.Row>) c -> showRows());
        vm.showsBeforeAfterProperty().subscribe(b -> showRows());
        getChildren().addAll(title, inputs, impossible, answer);
    }

    private Node[] fieldRow(String id, javafx.beans.value.ObservableStringValue label, javafx.beans.property.StringProperty text,
                            javafx.beans.property.ReadOnlyStringProperty error) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        Label name = new Label();
        name.textProperty().bind(label);
        name.setLabelFor(field);
        name.getStyleClass().add(Styles.KEY);
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId(id + "-error");
        message.getStyleClass().add(Styles.FIELD_ERROR);
        message.setWrapText(true);
        message.setMaxWidth(300);
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotEmpty());
        message.managedProperty().bind(error.isNotEmpty());
        error.subscribe(e -> field.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty()));
        return new Node[] {name, new VBox(2, field, message)};
    }

    private void showRows() {
        answer.getChildren().clear();
        boolean pairs = vm.showsBeforeAfterProperty().get();
        int r = 0;
        if (pairs && !vm.rows().isEmpty()) {
            Label before = new Label(Text.get("position.solve.before"));
            Label after = new Label(Text.get("position.solve.after"));
            before.getStyleClass().add(Styles.SECTION);
            after.getStyleClass().add(Styles.SECTION);
            answer.add(before, 1, r);
            answer.add(after, 2, r++);
        }
        for (SolveViewModel.Row row : vm.rows()) {
            Label key = new Label(row.label());
            key.getStyleClass().add(Styles.KEY);
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(row.value());
            value.setWrapText(true);
            value.setMaxWidth(pairs ? 210 : 360);
            answer.add(key, 0, r);
            answer.add(value, 1, r);
            if (row.after() != null) {
                Label after = new Label(row.after());
                after.setWrapText(true);
                after.setMaxWidth(210);
                if (row.changed()) {
                    after.getStyleClass().add(Styles.TIER_CHANGED);
                }
                answer.add(after, 2, r);
            }
            r++;
        }
    }

    /**
     * Puts a "What if…" button under the liquidation price of the results card; it opens this calculator beside
     * the result it changes.
     */
    public static Button attach(VBox resultsCard, SolveViewModel vm) {
        Button open = io.liqlab.ui.PopOvers.opener("solve-open", Text.get("position.solve.button"), Text.get("position.solve.buttonTip"),
                Text.get("position.solve.title"), false, () -> new SolvePane(vm));
        var children = resultsCard.getChildren();
        Node distance = resultsCard.lookup("#distance");
        int at = distance == null ? -1 : children.indexOf(distance);
        children.add(at < 0 ? children.size() : at + 1, open);
        return open;
    }
}
