package io.liqlab.ui.position;

import io.liqlab.core.MarginMode;
import io.liqlab.core.Side;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Forms;
import io.liqlab.ui.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The position-entry form. It only binds to {@link PositionViewModel}; every rule lives there. */
public final class PositionFormView extends VBox {

    private final Slider leverageSlider;

    public PositionFormView(PositionViewModel vm) {
        setSpacing(8);
        setPadding(new Insets(12));
        getStyleClass().add("position-form");
        Forms form = new Forms();

        ComboBox<VenueProfile> venue = new ComboBox<>(vm.profiles());
        venue.setId("venue");
        venue.setMaxWidth(Double.MAX_VALUE);
        venue.valueProperty().bindBidirectional(vm.profileProperty());
        venue.setCellFactory(l -> new ProfileCell());
        venue.setButtonCell(new ProfileCell());
        Label provenance = new Label();
        provenance.setWrapText(true);
        provenance.getStyleClass().add("provenance");
        provenance.textProperty().bind(vm.profileProperty().map(p -> "Data as of " + p.provenance().asOf() + " · confidence "
                + p.provenance().confidence() + (p.hasStandIns() ? " · ⚠ contains stand-in values" : "")));
        vm.profileProperty().subscribe(p -> provenance.pseudoClassStateChanged(Styles.INVALID, p != null && p.hasStandIns()));
        form.add("Venue", new VBox(2, venue, provenance), venue);

        HBox sideChoice = choice(vm.sideProperty(), Side.LONG, "Long", "side-long", Side.SHORT, "Short", "side-short");
        form.add("Side", sideChoice, sideChoice.getChildren().getFirst());

        form.field("Entry price", "entry", vm.textProperty(InputField.ENTRY), vm.errorProperty(InputField.ENTRY), "e.g. 60000");
        form.field("Mark price", "mark", vm.textProperty(InputField.MARK), vm.errorProperty(InputField.MARK), "same as entry");

        HBox unitChoice = choice(vm.sizeUnitProperty(), PositionViewModel.SizeUnit.NOTIONAL, "Notional", "unit-notional",
                PositionViewModel.SizeUnit.QUANTITY, "Quantity", "unit-quantity");
        form.add("Size in", unitChoice, unitChoice.getChildren().getFirst());
        form.field("Size", "size", vm.textProperty(InputField.SIZE), vm.errorProperty(InputField.SIZE), "notional or quantity");
        Label derived = new Label();
        derived.setId("derived-size");
        derived.getStyleClass().add(Styles.SUBTITLE);
        derived.textProperty().bind(vm.derivedSizeProperty());
        form.add("", derived, null);

        HBox modeChoice = choice(vm.marginModeProperty(), MarginMode.ISOLATED, "Isolated", "mode-isolated", MarginMode.CROSS, "Cross", "mode-cross");
        form.add("Margin mode", modeChoice, modeChoice.getChildren().getFirst());

        HBox inputChoice = choice(vm.marginInputProperty(), PositionViewModel.MarginInput.LEVERAGE, "Leverage", "by-leverage",
                PositionViewModel.MarginInput.MARGIN, "Margin", "by-margin");
        inputChoice.disableProperty().bind(vm.marginModeProperty().isEqualTo(MarginMode.CROSS));
        form.add("Isolated by", inputChoice, inputChoice.getChildren().getFirst());

        leverageSlider = new Slider(1, 125, 25);
        leverageSlider.setId("leverage-slider");
        leverageSlider.maxProperty().bind(vm.maxLeverageProperty().map(m -> Math.max(2, m.doubleValue())));
        leverageSlider.valueProperty().bindBidirectional(vm.leverageProperty());
        leverageSlider.setBlockIncrement(1);
        leverageSlider.setMajorTickUnit(25);
        leverageSlider.setShowTickMarks(true);
        HBox.setHgrow(leverageSlider, Priority.ALWAYS);
        TextField leverageField = new TextField();
        leverageField.setId("leverage");
        leverageField.setPrefColumnCount(5);
        leverageField.textProperty().bindBidirectional(vm.textProperty(InputField.LEVERAGE));
        Label leverageError = new Label();
        leverageError.getStyleClass().add(Styles.FIELD_ERROR);
        leverageError.setId("leverage-error");
        leverageError.setWrapText(true);
        leverageError.textProperty().bind(vm.errorProperty(InputField.LEVERAGE).map(e -> e.isEmpty() ? "" : "Leverage " + e));
        leverageError.managedProperty().bind(vm.errorProperty(InputField.LEVERAGE).isNotEmpty());
        vm.errorProperty(InputField.LEVERAGE).subscribe(e -> leverageField.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty()));
        Label limit = new Label();
        limit.getStyleClass().add(Styles.SUBTITLE);
        limit.textProperty().bind(vm.leverageLimitProperty());
        VBox leverageBox = new VBox(2, new HBox(8, leverageSlider, leverageField), limit, leverageError);
        leverageBox.disableProperty().bind(vm.marginInputProperty().isEqualTo(PositionViewModel.MarginInput.MARGIN)
                .and(vm.marginModeProperty().isEqualTo(MarginMode.ISOLATED)));
        form.add("Leverage", leverageBox, leverageField);

        TextField margin = form.field("Margin", "margin", vm.textProperty(InputField.MARGIN), vm.errorProperty(InputField.MARGIN), "isolated margin");
        margin.disableProperty().bind(vm.marginInputProperty().isEqualTo(PositionViewModel.MarginInput.LEVERAGE)
                .or(vm.marginModeProperty().isEqualTo(MarginMode.CROSS)));

        VBox crossBox = new VBox();
        Forms crossForm = new Forms();
        crossForm.field("Wallet", "wallet", vm.textProperty(InputField.WALLET), vm.errorProperty(InputField.WALLET), "wallet balance");
        crossForm.field("Other MM", "other-maintenance", vm.textProperty(InputField.OTHER_MAINTENANCE), vm.errorProperty(InputField.OTHER_MAINTENANCE), "0");
        crossForm.field("Other uPnL", "other-upnl", vm.textProperty(InputField.OTHER_UPNL), vm.errorProperty(InputField.OTHER_UPNL), "0");
        crossBox.getChildren().add(crossForm.grid());
        crossBox.visibleProperty().bind(vm.marginModeProperty().isEqualTo(MarginMode.CROSS));
        crossBox.managedProperty().bind(crossBox.visibleProperty());

        Forms costs = new Forms();
        costs.field("Opening fee", "opening-fee", vm.textProperty(InputField.OPENING_FEE), vm.errorProperty(InputField.OPENING_FEE), "0");
        costs.field("Funding %/8h", "funding-rate", vm.textProperty(InputField.FUNDING_RATE), vm.errorProperty(InputField.FUNDING_RATE), "0.01");
        costs.field("Held (hours)", "holding-hours", vm.textProperty(InputField.HOLDING_HOURS), vm.errorProperty(InputField.HOLDING_HOURS), "0");

        getChildren().addAll(section("Position"), form.grid(), crossBox, section("Fees and funding"), costs.grid());
    }

    public Slider leverageSlider() {
        return leverageSlider;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.SECTION);
        return l;
    }

    /**
     * Two toggle buttons as one choice bound both ways to {@code property}; one of them is always selected.
     */
    private static <T> HBox choice(javafx.beans.property.ObjectProperty<T> property, T first, String firstText, String firstId,
                                   T second, String secondText, String secondId) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton a = toggle(firstText, firstId, group);
        ToggleButton b = toggle(secondText, secondId, group);
        property.subscribe(v -> group.selectToggle(second.equals(v) ? b : a));
        group.selectedToggleProperty().subscribe((was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else {
                property.set(now == b ? second : first);
            }
        });
        return new HBox(0, a, b);
    }

    private static ToggleButton toggle(String text, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setMinWidth(80);
        return b;
    }

    private static final class ProfileCell extends ListCell<VenueProfile> {
        @Override
        protected void updateItem(VenueProfile item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + (item.hasStandIns() ? "  ⚠ stand-in" : ""));
        }
    }
}
