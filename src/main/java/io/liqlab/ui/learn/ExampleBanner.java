package io.liqlab.ui.learn;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;


/**
 * The strip under the toolbar while a guided example is open: what it shows, what to look at, a button per step
 * (the step shown is selected), and a close button. Its content is made when the first example opens: the strip is
 * hidden in the window's first frame, where its labels, button and tooltip cost CSS and a popup window for nothing.
 */
public final class ExampleBanner extends HBox {

    public static final String STYLE_CLASS = "example-banner";

    private Label title;
    private Label explanation;
    private HBox steps;
    private final LearningTargets targets;

    public ExampleBanner(LearningTargets targets) {
        this.targets = targets;
        getStyleClass().add(STYLE_CLASS);
        setId("example-banner");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        hide();
    }

    private void build() {
        title = new Label();
        explanation = new Label();
        steps = new HBox(6);
        title.setId("example-title");
        title.getStyleClass().add("example-title");
        explanation.setId("example-explanation");
        explanation.setWrapText(true);
        VBox words = new VBox(4, title, explanation);
        HBox.setHgrow(words, Priority.ALWAYS);
        steps.setAlignment(Pos.CENTER_RIGHT);
        steps.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // step labels never end in "..."
        Button close = new Button("✕");
        close.setId("example-close");
        close.setTooltip(new Tooltip(io.liqlab.ui.Text.get("learn.closeExample")));
        close.setOnAction(e -> hide());
        getChildren().addAll(words, steps, close);
    }

    /** Opens {@code example}: applies its first step and shows its words and steps. */
    public void open(GuidedExample example) {
        if (title == null) {
            build();
        }
        title.setText(example.title());
        explanation.setText(example.explanation());
        ToggleGroup group = new ToggleGroup();
        steps.getChildren().clear();
        for (int i = 0; i < example.steps().size(); i++) {
            GuidedExample.Step step = example.steps().get(i);
            ToggleButton b = new ToggleButton(step.label());
            b.setId("example-step-" + (i + 1));
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                b.setSelected(true); // a step stays selected when clicked again
                step.apply().accept(targets);
            });
            steps.getChildren().add(b);
        }
        setVisible(true);
        setManaged(true);
        ((ToggleButton) steps.getChildren().getFirst()).setSelected(true);
        example.open(targets);
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
    }
}
