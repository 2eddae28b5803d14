package io.liqlab.ui.position;

import io.liqlab.core.FormulaExplanation;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Numbers;
import io.liqlab.core.Outcome;
import io.liqlab.core.Side;
import io.liqlab.core.Tier;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The results card and, beside it, the formula with this position's numbers. */
public final class ResultsView {

    private final VBox card = new VBox(6);
    private final VBox formula = new VBox(4);
    private final Label liquidation = new Label();
    private final Label distance = new Label();
    private final Label staleNote = new Label("Stale: these results are for the last valid input. Fix the marked field.");
    private final GridPane grid = new GridPane(14, 4);
    private final Label formulaText = new Label();
    private final VBox steps = new VBox(2);
    private final Label tierUsed = new Label();
    private final ToggleButton compare = new ToggleButton("Textbook vs exact");
    private final Label comparison = new Label();
    private final PositionViewModel vm;

    public ResultsView(PositionViewModel vm) {
        this.vm = vm;
        card.getStyleClass().add(Styles.CARD);
        card.setId("results");
        card.setPadding(new Insets(12));
        liquidation.setId("liquidation-price");
        liquidation.getStyleClass().add(Styles.BIG_NUMBER);
        distance.setId("distance");
        distance.getStyleClass().add(Styles.SUBTITLE);
        staleNote.setId("stale-note");
        staleNote.getStyleClass().add(Styles.FIELD_ERROR);
        staleNote.setWrapText(true);
        staleNote.visibleProperty().bind(vm.staleProperty());
        staleNote.managedProperty().bind(vm.staleProperty());
        Label title = new Label("Liquidation price");
        title.setId("liquidation-title");
        title.getStyleClass().add(Styles.SECTION);
        card.getChildren().addAll(title, liquidation, distance, staleNote, grid);
        vm.staleProperty().subscribe(s -> card.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(Styles.STALE), s));

        formula.getStyleClass().addAll(Styles.CARD, Styles.FORMULA);
        formula.setId("formula");
        formula.setPadding(new Insets(12));
        Label formulaTitle = new Label("The formula, with your numbers");
        formulaTitle.getStyleClass().add(Styles.SECTION);
        formulaText.getStyleClass().add("formula-text");
        for (Label l : new Label[] {formulaText, tierUsed, comparison, distance, staleNote}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        comparison.setId("textbook-vs-exact");
        comparison.visibleProperty().bind(compare.selectedProperty());
        comparison.managedProperty().bind(compare.selectedProperty());
        compare.setId("compare-textbook");
        formula.getChildren().addAll(formulaTitle, formulaText, steps, tierUsed, compare, comparison);

        vm.resultProperty().subscribe(this::show);
    }

    public VBox card() {
        return card;
    }

    public VBox formula() {
        return formula;
    }

    private void show(LiquidationResult r) {
        if (r == null) {
            liquidation.setText("—");
            return;
        }
        VenueProfile profile = vm.profileProperty().get();
        Side side = r.position().side();
        switch (r.outcome()) {
            case Outcome.LiquidatesAt(double price) -> {
                liquidation.setText(Numbers.price(price));
                distance.setText(String.format(java.util.Locale.ROOT, "%.2f%% %s the mark (%s)", r.distancePercent(),
                        price < r.position().markPrice() ? "below" : "above", Numbers.price(Math.abs(r.position().markPrice() - price)))
                        + (r.liquidatableNow() ? " — liquidatable now" : ""));
            }
            case Outcome.NeverLiquidated n -> {
                liquidation.setText("None");
                distance.setText(n.reason());
            }
            case Outcome.LiquidatableAtEntry a -> {
                liquidation.setText("At entry");
                distance.setText("Liquidatable at entry: equity " + Numbers.money(a.equityAtEntry()) + " is at or below maintenance "
                        + Numbers.money(a.maintenanceAtEntry()) + ".");
            }
        }
        distance.setWrapText(true);
        set(bankruptcy, Double.isNaN(r.bankruptcyPrice()) ? "none" : Numbers.price(r.bankruptcyPrice()), true);
        set(backstop, Double.isNaN(r.backstopPrice()) ? "none" : Numbers.price(r.backstopPrice())
                + (profile != null && profile.rules().hasBackstop() ? "  (handed over below "
                + (profile.rules().backstop().equityFraction() > 0.5 ? "2/3" : "1/3") + " of MM)" : ""),
                profile != null && profile.rules().hasBackstop());
        set(mmAtLiquidation, Numbers.money(r.maintenanceMarginAtLiquidation()), true);
        set(marginRatio, Double.isNaN(r.marginRatioNow()) ? "n/a (no equity)" : Numbers.percentOf(r.marginRatioNow()), true);
        set(tierAtEntry, tier(r.tierAtEntry()), true);
        set(tierAtLiquidation, r.tierAtLiquidation() == null ? "none (no liquidation price)" : tier(r.tierAtLiquidation())
                + (r.tierChanges() ? " — differs: maintenance is charged at the liquidation price" : ""), true);
        tierAtLiquidation.pseudoClassStateChanged(TIER_CHANGED, r.tierChanges());
        set(maxLeverage, Numbers.leverage(r.maxLeverage()) + " for this size" + (r.leverageAllowed() ? "" : " — "
                + Numbers.leverage(r.leverage()) + " is NOT allowed"), true);
        set(firstLiquidation, r.firstLiquidation() == null ? "" : r.firstLiquidation().description(), r.firstLiquidation() != null);
        set(estimate, "Estimate: no published closed form for this venue's cross margin.", r.estimate());

        if (profile != null) {
            FormulaExplanation f = FormulaExplanation.of(profile.rules(), r);
            formulaText.setText(f.formula());
            // Reuse the step labels: new nodes on every slider step would cost CSS and layout each time.
            while (steps.getChildren().size() < f.steps().size()) {
                Label l = new Label();
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                l.getStyleClass().add("formula-step");
                steps.getChildren().add(l);
            }
            for (int i = 0; i < steps.getChildren().size(); i++) {
                Label l = (Label) steps.getChildren().get(i);
                boolean used = i < f.steps().size();
                l.setText(used ? f.steps().get(i) : "");
                l.setVisible(used);
                l.setManaged(used);
            }
            tierUsed.setText(f.tierUsed());
            tierUsed.setManaged(!f.tierUsed().isEmpty());
            comparison.setText(Double.isNaN(f.textbook()) || Double.isNaN(f.exact()) ? f.whyDifferent()
                    : "Textbook (maintenance on entry notional): " + Numbers.price(f.textbook()) + "\nExact (maintenance at the liquidation price): "
                    + Numbers.price(f.exact()) + "\n" + f.whyDifferent());
        }
    }

    private static final javafx.css.PseudoClass TIER_CHANGED = javafx.css.PseudoClass.getPseudoClass(Styles.TIER_CHANGED);
    private int rows;
    private final Label bankruptcy = row("Bankruptcy price", "bankruptcy");
    private final Label backstop = row("Backstop price", "backstop");
    private final Label mmAtLiquidation = row("Maintenance at liq.", "mm-at-liquidation");
    private final Label marginRatio = row("Margin ratio now", "margin-ratio");
    private final Label tierAtEntry = row("Tier at entry", "tier-entry");
    private final Label tierAtLiquidation = row("Tier at liquidation", "tier-liquidation");
    private final Label maxLeverage = row("Max leverage", "max-leverage");
    private final Label firstLiquidation = row("First liquidation", "first-liquidation");
    private final Label estimate = row("Note", "estimate");

    /** One row of the card, made once; {@link #set} changes its text and whether it shows. */
    private Label row(String label, String id) {
        Label key = key(label);
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE); // wrapped text grows the card instead of ending in "..."
        GridPane.setHgrow(v, Priority.ALWAYS);
        v.visibleProperty().bindBidirectional(key.visibleProperty());
        key.managedProperty().bind(key.visibleProperty());
        v.managedProperty().bind(v.visibleProperty());
        grid.addRow(rows++, key, v);
        return v;
    }

    private static void set(Label value, String text, boolean shown) {
        value.setText(text);
        value.setVisible(shown);
    }

    private static Label key(String text) {
        Label k = new Label(text);
        k.getStyleClass().add(Styles.KEY);
        k.setMinWidth(Region.USE_PREF_SIZE);
        return k;
    }

    private static String tier(Tier t) {
        return t.number() + " (mmr " + Numbers.percentOf(t.maintenanceMarginRate()) + ", max " + Numbers.leverage(t.maxLeverage()) + ")";
    }
}
