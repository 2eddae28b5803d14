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

        ToggleGroup sideGroup = new ToggleGroup();
        ToggleButton longButton = toggle("Long", "side-long", sideGroup);
        ToggleButton shortButton = toggle("Short", "side-short", sideGroup);
        vm.sideProperty().subscribe(s -> sideGroup.selectToggle(s == Side.SHORT ? shortButton : longButton));
        sideGroup.selectedToggleProperty().subscribe((was, now) -> {
            if (now == null) {
                sideGroup.selectToggle(was); // one side is always selected
            } else {
                vm.sideProperty().set(now == shortButton ? Side.SHORT : Side.LONG);
            }
        });
        form.add("Side", new HBox(0, longButton, shortButton), longButton);

        form.field("Entry price", "entry", vm.textProperty(InputField.ENTRY), vm.errorProperty(InputField.ENTRY), "e.g. 60000");
        form.field("Mark price", "mark", vm.textProperty(InputField.MARK), vm.errorProperty(InputField.MARK), "same as entry");

        ToggleGroup unitGroup = new ToggleGroup();
        ToggleButton notional = toggle("Notional", "unit-notional", unitGroup);
        ToggleButton quantity = toggle("Quantity", "unit-quantity", unitGroup);
        vm.sizeUnitProperty().subscribe(u -> unitGroup.selectToggle(u == PositionViewModel.SizeUnit.QUANTITY ? quantity : notional));
        unitGroup.selectedToggleProperty().subscribe((was, now) -> {
            if (now == null) {
                unitGroup.selectToggle(was);
            } else {
                vm.sizeUnitProperty().set(now == quantity ? PositionViewModel.SizeUnit.QUANTITY : PositionViewModel.SizeUnit.NOTIONAL);
            }
        });
        form.add("Size in", new HBox(0, notional, quantity), notional);
        form.field("Size", "size", vm.textProperty(InputField.SIZE), vm.errorProperty(InputField.SIZE), "notional or quantity");
        Label derived = new Label();
        derived.setId("derived-size");
        derived.getStyleClass().add(Styles.SUBTITLE);
        derived.textProperty().bind(vm.derivedSizeProperty());
        form.add("", derived, null);

        ToggleGroup modeGroup = new ToggleGroup();
        ToggleButton isolated = toggle("Isolated", "mode-isolated", modeGroup);
        ToggleButton cross = toggle("Cross", "mode-cross", modeGroup);
        vm.marginModeProperty().subscribe(m -> modeGroup.selectToggle(m == MarginMode.CROSS ? cross : isolated));
        modeGroup.selectedToggleProperty().subscribe((was, now) -> {
            if (now == null) {
                modeGroup.selectToggle(was);
            } else {
                vm.marginModeProperty().set(now == cross ? MarginMode.CROSS : MarginMode.ISOLATED);
            }
        });
        form.add("Margin mode", new HBox(0, isolated, cross), isolated);

        ToggleGroup inputGroup = new ToggleGroup();
        ToggleButton byLeverage = toggle("Leverage", "by-leverage", inputGroup);
        ToggleButton byMargin = toggle("Margin", "by-margin", inputGroup);
        vm.marginInputProperty().subscribe(m -> inputGroup.selectToggle(m == PositionViewModel.MarginInput.MARGIN ? byMargin : byLeverage));
        inputGroup.selectedToggleProperty().subscribe((was, now) -> {
            if (now == null) {
                inputGroup.selectToggle(was);
            } else {
                vm.marginInputProperty().set(now == byMargin ? PositionViewModel.MarginInput.MARGIN : PositionViewModel.MarginInput.LEVERAGE);
            }
        });
        HBox inputChoice = new HBox(0, byLeverage, byMargin);
        inputChoice.disableProperty().bind(vm.marginModeProperty().isEqualTo(MarginMode.CROSS));
        form.add("Isolated by", inputChoice, byLeverage);

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
