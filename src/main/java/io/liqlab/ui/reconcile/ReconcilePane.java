package io.liqlab.ui.reconcile;

import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Doesn't match the exchange?": LiqLab's exact liquidation and bankruptcy prices with how the venue displays them,
 * the exchange's figure typed in, then the most likely cause, the ranked candidates and the steps. Only lays out
 * {@link ReconcileViewModel}.
 */
public final class ReconcilePane extends VBox {

    private final ReconcileViewModel vm;
    private final GridPane candidates = new GridPane(10, 3);
    private final VBox steps = new VBox(3);

    public ReconcilePane(ReconcileViewModel vm) {
        super(8);
        this.vm = vm;
        setId("reconcile-pane");
        setPadding(new Insets(12));
        setPrefWidth(640);
        setMinWidth(0); // a narrow pop-over (1280x720) wraps the text instead of cutting it
        Label title = new Label(Text.get("position.reconcile.title"));
        title.getStyleClass().add(Styles.SECTION);
        Label intro = wrapped(Text.get("position.reconcile.intro"), "reconcile-intro");

        GridPane figures = new GridPane(10, 4);
        figures.addRow(0, key(Text.get("position.reconcile.exact")), bound("reconcile-exact", vm.exactProperty()),
                wrapped(vm.exactDisplayedProperty(), "reconcile-exact-displayed"));
        figures.addRow(1, key(Text.get("position.reconcile.bankruptcy")), bound("reconcile-bankruptcy", vm.bankruptcyProperty()),
                wrapped(vm.bankruptcyDisplayedProperty(), "reconcile-bankruptcy-displayed"));

        TextField shown = new TextField();
        shown.setId("reconcile-shown");
        shown.setPromptText(Text.get("position.reconcile.shownPrompt"));
        shown.textProperty().bindBidirectional(vm.shownProperty());
        Label shownLabel = key(Text.get("position.reconcile.shown"));
        shownLabel.setLabelFor(shown);
        Label error = new Label();
        error.setId("reconcile-shown-error");
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        error.setMaxWidth(420);
        error.textProperty().bind(vm.shownErrorProperty());
        error.visibleProperty().bind(vm.shownErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        vm.shownErrorProperty().subscribe(e -> shown.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty()));
        figures.addRow(2, shownLabel, new VBox(2, shown, error));

        Label difference = wrapped(vm.differenceProperty(), "reconcile-difference");
        Label likelyKey = key(Text.get("position.reconcile.mostLikely"));
        Label likely = wrapped(vm.mostLikelyProperty(), "reconcile-most-likely");
        likely.getStyleClass().add(Styles.SECTION);
        VBox answer = new VBox(6, difference, likelyKey, likely, key(Text.get("position.reconcile.candidates")), candidates,
                key(Text.get("position.reconcile.steps")), steps);
        answer.visibleProperty().bind(vm.answeredProperty());
        answer.managedProperty().bind(answer.visibleProperty());
        candidates.setId("reconcile-candidates");
        steps.setId("reconcile-steps");
        vm.candidates().addListener((ListChangeListener<ReconcileRows.CandidateRow>) c -> showCandidates());
        vm.steps().addListener((ListChangeListener<ReconcileRows.StepRow>) c -> showSteps());
        showCandidates();
        showSteps();
        getChildren().addAll(title, intro, figures, answer);
    }

    private void showCandidates() {
        candidates.getChildren().clear();
        candidates.addRow(0, key(Text.get("position.reconcile.col.rank")), key(Text.get("position.reconcile.col.unknown")), key(Text.get("position.reconcile.col.match")),
                key(Text.get("position.reconcile.col.needed")), key(Text.get("position.reconcile.col.current")));
        int r = 1;
        for (ReconcileRows.CandidateRow c : vm.candidates()) {
            Label match = new Label(Text.get(c.plausible() ? "position.reconcile.match.yes" : "position.reconcile.match.no"));
            if (c.plausible()) {
                match.getStyleClass().add(Styles.TIER_CHANGED);
            }
            Label unknown = new Label(c.unknown());
            unknown.setTooltip(new Tooltip(c.why()));
            candidates.addRow(r, new Label(Integer.toString(r)), unknown, match, new Label(c.needed()), new Label(c.current()));
            r++;
        }
    }

    private void showSteps() {
        steps.getChildren().clear();
        for (ReconcileRows.StepRow s : vm.steps()) {
            String text = s.number() + ". " + s.text() + (s.plausibility().isEmpty() ? "" : " " + Text.format("position.reconcile.plausibility", s.plausibility()));
            steps.getChildren().add(wrapped(text, "reconcile-step-" + s.number()));
        }
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.KEY);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label bound(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapped(ObservableStringValue text, String id) {
        Label l = bound(id, text);
        l.setMinWidth(Region.USE_COMPUTED_SIZE);
        l.setWrapText(true);
        l.setMaxWidth(600);
        return l;
    }

    private static Label wrapped(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(600);
        return l;
    }

    /**
     * Puts a "Doesn't match the exchange?" button beside "What if…" under the liquidation price of a results card
     * (or at its end), and under the price the line saying how the venue displays it; the button opens this pane.
     */
    public static Button attach(VBox resultsCard, ReconcileViewModel vm) {
        Button open = io.liqlab.ui.PopOvers.opener("reconcile-open", Text.get("position.reconcile.button"),
                Text.get("position.reconcile.buttonTip"), Text.get("position.reconcile.title"), false, () -> new ReconcilePane(vm));
        Label display = new Label();
        display.setId("venue-display");
        display.setWrapText(true);
        display.textProperty().bind(vm.venueShowsProperty());
        display.visibleProperty().bind(vm.venueShowsProperty().isNotEmpty());
        display.managedProperty().bind(display.visibleProperty());
        var children = resultsCard.getChildren();
        Node after = resultsCard.lookup("#solve-open");
        if (after == null) {
            after = resultsCard.lookup("#distance");
        }
        int at = after == null ? -1 : children.indexOf(after);
        if (at < 0) {
            children.addAll(display, open);
        } else {
            children.add(at + 1, open);
            Node distance = resultsCard.lookup("#distance");
            int d = distance == null ? -1 : children.indexOf(distance);
            children.add(d < 0 ? at + 1 : d + 1, display);
        }
        return open;
    }
}
