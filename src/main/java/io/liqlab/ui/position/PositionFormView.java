package io.liqlab.ui.position;

import io.liqlab.core.MarginMode;
import io.liqlab.core.Side;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Forms;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.geometry.Insets;
import org.controlsfx.control.SegmentedButton;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The position-entry form. It only binds to {@link PositionViewModel}; every rule lives there. */
public final class PositionFormView extends VBox {

    private final PositionViewModel vm;
    private final Slider leverageSlider;
    /** Shift held during the last slider gesture: snap to tenths instead of whole numbers. */
    private boolean fineSlider;
    /** True while the slider is moved to follow the model, so that move is not read back as a user's. */
    private boolean followingModel;
    private Runnable onOpenAccount = () -> { };

    public PositionFormView(PositionViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(12));
        getStyleClass().add("position-form");
        Forms form = new Forms();

        // Type-to-search over every market (shipped, snapshot and the user's): "eth", "bybit sol", "2026".
        org.controlsfx.control.SearchableComboBox<VenueProfile> venue = io.liqlab.ui.MarketChooser.create(vm.profiles(), vm.markets());
        venue.setId("venue");
        venue.setMaxWidth(Double.MAX_VALUE);
        // Its width is the form's, never asked of it (measured from the two-line list cells it widened the form).
        venue.setPrefWidth(120);
        venue.valueProperty().bindBidirectional(vm.profileProperty());
        Label provenance = new Label();
        provenance.setWrapText(true);
        provenance.getStyleClass().add("provenance");
        provenance.textProperty().bind(vm.profileProperty().map(p -> Text.format(p.hasStandIns() ? "position.form.provenanceStandIn" : "position.form.provenance",
                p.provenance().asOf(), p.provenance().confidence())));
        vm.profileProperty().subscribe(p -> provenance.pseudoClassStateChanged(Styles.INVALID, p != null && p.hasStandIns()));
        // Why this market's data may mislead (older than a month, only part of the table recorded), in amber.
        Label flag = note("market-flag", vm.marketFlagProperty(), io.liqlab.ui.MarketChooser.MARKET_FLAG);
        // The tooltip names the market the tiers are for.
        Tooltip venueTip = new Tooltip();
        venueTip.textProperty().bind(vm.profileProperty().map(p -> p.name() + " \u2014 " + p.market()));
        venue.setTooltip(venueTip);
        Label market = note("market-warning", vm.marketWarningProperty(), Styles.FIELD_ERROR);
        Label contract = note("contract-note", vm.contractNoteProperty(), null);
        // The whole form's width for the venue: in the field column a long name ended in "..." once a scroll bar
        // took its share.
        Label venueLabel = new Label(Text.get("position.form.venue"));
        venueLabel.setLabelFor(venue);
        venueLabel.getStyleClass().add(Styles.KEY);
        form.span(new VBox(2, venueLabel, venue, provenance, contract, flag, market));

        SegmentedButton sideChoice = choice(vm.sideProperty(), Side.LONG, Text.get("position.form.long"), "side-long",
                Side.SHORT, Text.get("position.form.short"), "side-short");
        form.add(Text.get("position.form.side"), sideChoice, sideChoice.getButtons().getFirst());

        field(form, Text.get("position.form.entry"), "entry", InputField.ENTRY,
                Text.format("position.form.entryPrompt", LocalNumbers.plain(60000)));
        TextField markField = field(form, Text.get("position.form.mark"), "mark", InputField.MARK,
                Text.get("position.form.markPrompt"));
        addFetchMark(markField);

        SegmentedButton unitChoice = choice(vm.sizeUnitProperty(), PositionViewModel.SizeUnit.NOTIONAL, Text.get("position.form.notional"),
                "unit-notional", PositionViewModel.SizeUnit.QUANTITY, Text.get("position.form.quantity"), "unit-quantity");
        form.add(Text.get("position.form.sizeIn"), unitChoice, unitChoice.getButtons().getFirst());
        field(form, Text.get("position.form.size"), "size", InputField.SIZE,
                Text.get("position.form.sizePrompt"));
        Label derived = new Label();
        derived.setId("derived-size");
        derived.getStyleClass().add(Styles.SUBTITLE);
        derived.textProperty().bind(vm.derivedSizeProperty());
        form.add("", derived, null);

        SegmentedButton modeChoice = choice(vm.marginModeProperty(), MarginMode.ISOLATED, Text.get("position.form.isolated"), "mode-isolated",
                MarginMode.CROSS, Text.get("position.form.cross"), "mode-cross");
        form.add(Text.get("position.form.marginMode"), modeChoice, modeChoice.getButtons().getFirst());

        SegmentedButton inputChoice = choice(vm.marginInputProperty(), PositionViewModel.MarginInput.LEVERAGE,
                Text.get("position.form.byLeverage"), "by-leverage", PositionViewModel.MarginInput.MARGIN, Text.get("position.form.byMargin"), "by-margin");
        inputChoice.disableProperty().bind(vm.marginModeProperty().isEqualTo(MarginMode.CROSS));
        form.add(Text.get("position.form.isolatedBy"), inputChoice, inputChoice.getButtons().getFirst());

        leverageSlider = new Slider(1, 125, 25);
        leverageSlider.setId("leverage-slider");
        leverageSlider.maxProperty().bind(vm.maxLeverageProperty().map(m -> Math.max(2, m.doubleValue())));
        // The slider snaps to whole leverages (96x, not 95.82x), to tenths while Shift is held.
        leverageSlider.setValue(vm.leverageProperty().get());
        leverageSlider.addEventFilter(javafx.scene.input.MouseEvent.ANY, e -> fineSlider = e.isShiftDown());
        leverageSlider.addEventFilter(javafx.scene.input.KeyEvent.ANY, e -> fineSlider = e.isShiftDown());
        leverageSlider.valueProperty().addListener((obs, was, now) -> {
            if (!followingModel) {
                vm.setLeverageFromSlider(now.doubleValue(), fineSlider);
                // The thumb sits on the snapped value even when the leverage did not change (95.82 -> 96 twice).
                followingModel = true;
                leverageSlider.setValue(vm.leverageProperty().get());
                followingModel = false;
            }
        });
        vm.leverageProperty().subscribe(v -> {
            followingModel = true;
            leverageSlider.setValue(v.doubleValue());
            followingModel = false;
        });
        leverageSlider.setBlockIncrement(1);
        leverageSlider.setMajorTickUnit(25);
        leverageSlider.setShowTickMarks(true);
        HBox.setHgrow(leverageSlider, Priority.ALWAYS);
        TextField leverageField = new TextField();
        leverageField.setId("leverage");
        leverageField.setAccessibleText(InputField.LEVERAGE.label());
        leverageField.setPrefColumnCount(5);
        leverageField.textProperty().bindBidirectional(vm.textProperty(InputField.LEVERAGE));
        Label leverageError = new Label();
        leverageError.getStyleClass().add(Styles.FIELD_ERROR);
        leverageError.setId("leverage-error");
        leverageError.setWrapText(true);
        leverageError.textProperty().bind(vm.errorProperty(InputField.LEVERAGE).map(e -> e.isEmpty() ? "" : Text.format("position.form.error", Text.get("position.form.leverage"), e)));
        leverageError.managedProperty().bind(vm.errorProperty(InputField.LEVERAGE).isNotEmpty());
        vm.errorProperty(InputField.LEVERAGE).subscribe(e -> leverageField.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty()));
        Label limit = new Label();
        limit.getStyleClass().add(Styles.SUBTITLE);
        limit.textProperty().bind(vm.leverageLimitProperty());
        // Greyed with its reason when the leverage is derived (margin typed in, or cross margin).
        Label leverageNote = note("leverage-note", vm.leverageNoteProperty(), Styles.SUBTITLE);
        HBox leverageInputs = new HBox(8, leverageSlider, leverageField);
        leverageInputs.disableProperty().bind(vm.marginInputProperty().isEqualTo(PositionViewModel.MarginInput.MARGIN)
                .or(vm.marginModeProperty().isEqualTo(MarginMode.CROSS)));
        VBox leverageBox = new VBox(2, leverageInputs, limit, leverageNote, leverageError);
        form.add(Text.get("position.form.leverage"), leverageBox, leverageField);

        TextField margin = field(form, Text.get("position.form.margin"), "margin", InputField.MARGIN,
                Text.get("position.form.marginPrompt"));
        margin.disableProperty().bind(vm.marginInputProperty().isEqualTo(PositionViewModel.MarginInput.LEVERAGE)
                .or(vm.marginModeProperty().isEqualTo(MarginMode.CROSS)));

        // The cross-margin fields are built the first time cross is chosen, not for the first frame: most starts never
        // show them, and their fields, labels and error lines were a good part of the form's nodes (start-up goal).
        VBox crossBox = new VBox();
        crossBox.visibleProperty().bind(vm.marginModeProperty().isEqualTo(MarginMode.CROSS));
        crossBox.managedProperty().bind(crossBox.visibleProperty());
        javafx.util.Subscription[] building = {null};
        building[0] = vm.marginModeProperty().subscribe(mode -> {
            if (mode != MarginMode.CROSS || !crossBox.getChildren().isEmpty()) {
                return;
            }
            Forms crossForm = new Forms();
            field(crossForm, Text.get("position.form.wallet"), "wallet", InputField.WALLET,
                    Text.get("position.form.walletPrompt"));
            field(crossForm, Text.get("position.form.otherMaintenance"), "other-maintenance", InputField.OTHER_MAINTENANCE, "0");
            field(crossForm, Text.get("position.form.otherUpnl"), "other-upnl", InputField.OTHER_UPNL, "0");
            crossBox.getChildren().add(crossForm.grid());
            // The other positions' figures, typed by hand here, are what the Account screen computes from the positions
            // themselves: this link opens the form's position there as a one-position account to add them to.
            javafx.scene.control.Hyperlink openAccount = new javafx.scene.control.Hyperlink(Text.get("position.form.openAccount"));
            openAccount.setId("open-account");
            openAccount.setOnAction(e -> onOpenAccount.run());
            openAccount.disableProperty().bind(vm.positionProperty().isNull());
            crossBox.getChildren().add(openAccount);
            if (building[0] != null) {
                building[0].unsubscribe();
            }
        });

        Forms costs = new Forms();
        field(costs, Text.get("position.form.openingFee"), "opening-fee", InputField.OPENING_FEE, "0");
        field(costs, Text.get("position.form.fundingRate"), "funding-rate", InputField.FUNDING_RATE,
                LocalNumbers.plain(0.01));
        field(costs, Text.get("position.form.holdingHours"), "holding-hours", InputField.HOLDING_HOURS, "0");

        getChildren().addAll(section(Text.get("position.form.title")), form.grid(), crossBox, section(Text.get("position.form.costsTitle")), costs.grid());
    }

    /** A form field bound to {@code input}, named in full for screen readers where its visible label is short ("Other MM"). */
    private TextField field(Forms form, String label, String id, InputField input, String prompt) {
        TextField field = form.field(label, id, vm.textProperty(input), vm.errorProperty(input), prompt);
        field.setAccessibleText(input.label());
        return field;
    }

    /** What "Open as an account" does (the workspace opens the Account tab with this position). */
    public void setOnOpenAccount(Runnable action) {
        onOpenAccount = action == null ? () -> { } : action;
    }

    public Slider leverageSlider() {
        return leverageSlider;
    }

    /**
     * A line under a field that shows {@code text} and takes no room while it is empty; it wraps within the column
     * instead of asking for its one-line width (that widened the whole form in cross mode).
     */
    private static Label note(String id, javafx.beans.property.ReadOnlyStringProperty text, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setPrefWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.SECTION);
        return l;
    }

    /** A two-way choice of the form, the same control as everywhere (long/short, isolated/cross: ControlsFX's segmented button). */
    private static <T> SegmentedButton choice(javafx.beans.property.ObjectProperty<T> property, T first, String firstText, String firstId,
                                              T second, String secondText, String secondId) {
        SegmentedButton choice = Forms.twoWay(property, first, firstText, firstId, second, secondText, secondId);
        // The two sides as wide as each other, at least 80 px: the choices of the form line up.
        for (ToggleButton b : choice.getButtons()) {
            b.setMinWidth(80);
        }
        return choice;
    }

    /** "Fetch" beside Mark, and the fetch's one line (price and time, or the venue and the cause) under it. */
    private void addFetchMark(TextField markField) {
        javafx.scene.control.Button fetch = new javafx.scene.control.Button(Text.get("position.mark.fetch"));
        fetch.setId("fetch-mark");
        fetch.disableProperty().bind(vm.canFetchMarkBinding().not());
        fetch.setOnAction(e -> vm.fetchMark());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.canFetchMarkBinding().map(can -> Text.get(can || vm.markFetchingProperty().get()
                ? "position.mark.fetchTip" : "position.mark.fetchUnavailable")));
        fetch.setTooltip(tip);
        Label status = note("mark-status", vm.markStatusProperty(), Styles.SUBTITLE);
        vm.markFailedProperty().subscribe(f -> status.pseudoClassStateChanged(Styles.INVALID, f));
        VBox box = (VBox) markField.getParent();
        box.getChildren().remove(markField);
        HBox.setHgrow(markField, Priority.ALWAYS);
        // The field and its button together no wider than the other fields: the form (and the charts) keep their width.
        markField.setPrefColumnCount(5);
        box.getChildren().addFirst(new HBox(6, markField, fetch));
        box.getChildren().add(status);
    }
}
