package io.liqlab.ui.position;

import io.liqlab.core.FormulaExplanation;
import io.liqlab.core.LiquidationResult;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Text;
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
    private final Label staleNote = new Label(Text.get("position.results.stale"));
    private final GridPane grid = new GridPane(14, 4);
    private final Label formulaText = new Label();
    private final VBox steps = new VBox(2);
    private final Label tierUsed = new Label();
    private final ToggleButton compare = new ToggleButton(Text.get("position.formula.compare"));
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
        Label title = new Label(Text.get("position.results.title"));
        title.setId("liquidation-title");
        title.getStyleClass().add(Styles.SECTION);
        card.getChildren().addAll(title, liquidation, distance, staleNote, grid);
        vm.staleProperty().subscribe(s -> card.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(Styles.STALE), s));

        formula.getStyleClass().addAll(Styles.CARD, Styles.FORMULA);
        formula.setId("formula");
        formula.setPadding(new Insets(12));
        Label formulaTitle = new Label(Text.get("position.formula.title"));
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
            liquidation.setText("\u2014");
            return;
        }
        VenueProfile profile = vm.profileProperty().get();
        Side side = r.position().side();
        switch (r.outcome()) {
            case Outcome.LiquidatesAt(double price) -> {
                liquidation.setText(LocalNumbers.price(price));
                String away = LocalNumbers.priceDifference(Math.abs(r.position().markPrice() - price), price);
                String percent = LocalNumbers.percent(r.distancePercent(), 2);
                distance.setText(Text.format(price < r.position().markPrice() ? "position.results.below" : "position.results.above", percent, away)
                        + (r.liquidatableNow() ? Text.get("position.results.liquidatableNow") : ""));
            }
            case Outcome.NeverLiquidated n -> {
                liquidation.setText(Text.get("position.results.none"));
                distance.setText(n.reason());
            }
            case Outcome.LiquidatableAtEntry a -> {
                liquidation.setText(Text.get("position.results.atEntry"));
                distance.setText(Text.format("position.results.atEntryWhy", LocalNumbers.money(a.equityAtEntry()),
                        LocalNumbers.money(a.maintenanceAtEntry())));
            }
        }
        distance.setWrapText(true);
        String none = Text.get("position.results.noneLower");
        set(bankruptcy, Double.isNaN(r.bankruptcyPrice()) ? none : LocalNumbers.price(r.bankruptcyPrice()), true);
        boolean hasBackstop = profile != null && profile.rules().hasBackstop();
        set(backstop, Double.isNaN(r.backstopPrice()) ? none : hasBackstop ? Text.format("position.results.backstopValue",
                LocalNumbers.price(r.backstopPrice()), profile.rules().backstop().equityFraction() > 0.5 ? "2/3" : "1/3")
                : LocalNumbers.price(r.backstopPrice()), hasBackstop);
        set(mmAtLiquidation, r.position().inverse() && profile != null
                ? io.liqlab.core.Numbers.coin(r.maintenanceMarginAtLiquidation(), LocalNumbers.locale()) + " " + io.liqlab.report.ResultReport.coinOf(profile)
                : LocalNumbers.money(r.maintenanceMarginAtLiquidation()), true);
        set(marginRatio, Double.isNaN(r.marginRatioNow()) ? Text.get("position.results.noEquity") : LocalNumbers.percentOf(r.marginRatioNow()), true);
        set(tierAtEntry, tier(r.tierAtEntry()), true);
        set(tierAtLiquidation, r.tierAtLiquidation() == null ? Text.get("position.results.noTier") : tier(r.tierAtLiquidation())
                + (r.tierChanges() ? Text.get("position.results.tierDiffers") : ""), true);
        tierAtLiquidation.pseudoClassStateChanged(TIER_CHANGED, r.tierChanges());
        set(maxLeverage, r.leverageAllowed() ? Text.format("position.results.maxLeverage", LocalNumbers.leverage(r.maxLeverage()))
                : Text.format("position.results.maxLeverageExceeded", LocalNumbers.leverage(r.maxLeverage()), LocalNumbers.leverage(r.leverage())), true);
        set(firstLiquidation, r.firstLiquidation() == null ? "" : r.firstLiquidation().description(), r.firstLiquidation() != null);
        set(estimate, Text.get("position.results.estimate"), r.estimate());

        if (profile != null) {
            FormulaExplanation f = r.position().inverse()
                    ? FormulaExplanation.inverse(profile.rules(), r, LocalNumbers.locale(), io.liqlab.report.ResultReport.coinOf(profile))
                    : FormulaExplanation.of(profile.rules(), r, LocalNumbers.locale(), profile.listing().venueRules());
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
                    : Text.format("position.formula.textbookVsExact", LocalNumbers.price(f.textbook()), LocalNumbers.price(f.exact()), f.whyDifferent()));
        }
    }

    private static final javafx.css.PseudoClass TIER_CHANGED = javafx.css.PseudoClass.getPseudoClass(Styles.TIER_CHANGED);
    private int rows;
    private final Label bankruptcy = row(Text.get("position.results.bankruptcy"), "bankruptcy");
    private final Label backstop = row(Text.get("position.results.backstop"), "backstop");
    private final Label mmAtLiquidation = row(Text.get("position.results.mmAtLiquidation"), "mm-at-liquidation");
    private final Label marginRatio = row(Text.get("position.results.marginRatio"), "margin-ratio");
    private final Label tierAtEntry = row(Text.get("position.results.tierAtEntry"), "tier-entry");
    private final Label tierAtLiquidation = row(Text.get("position.results.tierAtLiquidation"), "tier-liquidation");
    private final Label maxLeverage = row(Text.get("position.results.maxLeverageKey"), "max-leverage");
    private final Label firstLiquidation = row(Text.get("position.results.firstLiquidation"), "first-liquidation");
    private final Label estimate = row(Text.get("position.results.note"), "estimate");

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
        return Text.format("position.results.tier", t.number(), LocalNumbers.percentOf(t.maintenanceMarginRate()), LocalNumbers.leverage(t.maxLeverage()));
    }
}
