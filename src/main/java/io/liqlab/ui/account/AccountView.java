package io.liqlab.ui.account;

import io.liqlab.core.Side;
import io.liqlab.core.account.AccountCurve;
import io.liqlab.core.account.AccountResult;
import io.liqlab.core.account.PositionResult;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Forms;
import io.liqlab.ui.Palette;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import io.liqlab.ui.chart.CurveChart;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Account screen: venue and wallet, a table of positions (one row each, editable, with its liquidation,
 * bankruptcy, maintenance and uPnL), the account's figures, and the chart of account equity and maintenance
 * against a move of every mark together with each position's own liquidation marked. It only binds to
 * {@link AccountViewModel}.
 */
public final class AccountView extends BorderPane {

    private final AccountViewModel vm;
    private final GridPane table = new GridPane(5, 2);
    private final CurveChart chart = new CurveChart(Text.get("account.chart.title"), Text.get("account.chart.x"), Text.get("account.chart.y"));
    private final Label equity = value("account-equity");
    private final Label maintenance = value("account-maintenance");
    private final Label ratio = value("account-margin-ratio");
    private final Label move = value("account-move");
    private final Label stale = new Label(Text.get("account.result.stale"));
    private final Label atMove = value("account-at-move");
    private final Slider moveSlider = new Slider(-20, 20, 0);
    private final Slider markSlider = new Slider(0, 1, 0);
    /** True while the mark slider is being set from the view-model, so that is not taken for a drag. */
    private boolean placingMark;
    private final ToggleGroup markPick = new ToggleGroup();
    private final Map<AccountViewModel.Row, RadioButton> picks = new IdentityHashMap<>();
    /** What the table's cells listen to in the view-model, cancelled when the table is built again. */
    private final List<javafx.util.Subscription> rowSubscriptions = new ArrayList<>();
    /** The table's figures, greyed together while the account is stale. */
    private final List<Label> figures = new ArrayList<>();

    public AccountView(AccountViewModel vm, ObservableValue<? extends Number> chartFontScale) {
        this.vm = vm;
        getStyleClass().add("account-view");

        ComboBox<VenueProfile> venue = new ComboBox<>(vm.venues());
        venue.setId("account-venue");
        venue.setConverter(Forms.shown(VenueProfile::name));
        venue.valueProperty().bindBidirectional(vm.venueProperty());
        Forms top = new Forms();
        top.add(Text.get("account.venue"), venue, venue);
        top.field(Text.get("account.wallet"), "account-wallet", vm.walletProperty(), vm.walletErrorProperty(), Text.get("account.walletPrompt"));
        Button add = new Button(Text.get("account.add"));
        add.setId("account-add");
        add.setOnAction(e -> vm.addRow());
        Button example = new Button(Text.get("account.example"));
        example.setId("account-example");
        example.setOnAction(e -> vm.loadExample());
        HBox buttons = new HBox(8, add, example);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label accountError = new Label();
        accountError.setId("account-error");
        accountError.getStyleClass().add(Styles.FIELD_ERROR);
        accountError.textProperty().bind(vm.accountErrorProperty());
        accountError.visibleProperty().bind(vm.accountErrorProperty().isNotEmpty());
        accountError.managedProperty().bind(accountError.visibleProperty());
        HBox head = new HBox(16, top.grid(), buttons);
        head.setAlignment(Pos.CENTER_LEFT);

        table.setId("account-positions");
        table.setPadding(new Insets(4));
        ScrollPane tableScroll = new ScrollPane(table);
        tableScroll.setFitToWidth(true);
        tableScroll.setPrefViewportHeight(170);
        tableScroll.setMinHeight(150);
        vm.rows().addListener((ListChangeListener<AccountViewModel.Row>) c -> rebuildTable());
        rebuildTable();
        vm.staleProperty().subscribe(s -> figures.forEach(l -> l.pseudoClassStateChanged(Styles.INVALID, s)));
        vm.markTargetProperty().subscribe(r -> {
            RadioButton pick = r == null ? null : picks.get(r);
            if (pick != null) {
                pick.setSelected(true);
            }
        });

        stale.getStyleClass().add(Styles.STALE);
        stale.setWrapText(true);
        stale.setMinWidth(120);
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        HBox summary = new HBox(18, figure(Text.get("account.result.equity"), equity), figure(Text.get("account.result.maintenance"), maintenance),
                figure(Text.get("account.result.marginRatio"), ratio), figure(Text.get("account.result.liquidationMove"), move),
                figure(Text.get("account.result.atMove"), atMove), stale);
        atMove.textProperty().bind(vm.atMoveTextProperty());
        vm.liquidatedAtMoveProperty().subscribe(l -> atMove.pseudoClassStateChanged(Styles.INVALID, l));
        summary.setAlignment(Pos.CENTER_LEFT);
        summary.getStyleClass().add(Styles.CARD);
        summary.setPadding(new Insets(8));

        chart.setMinHeight(220);
        chart.fontScaleProperty().bind(chartFontScale); // its colours follow the stylesheet
        chart.xFormatProperty().set(v -> io.liqlab.ui.LocalNumbers.plain(Math.round(v * 100) / 100.0) + "%");
        chart.yIncludesZeroProperty().set(true);
        VBox.setVgrow(chart, Priority.ALWAYS);
        // The chart's marker is the move being looked at; pressing or dragging on the chart moves it there.
        chart.markerXProperty().bind(vm.moveProperty());
        EventHandlerOnChart.install(chart, vm);
        VBox center = new VBox(8, head, tableScroll, accountError, summary, dragStrip(), chart);
        center.setPadding(new Insets(12));
        setCenter(center);

        vm.resultProperty().subscribe(this::showResult);
        vm.staleProperty().subscribe(s -> {
            for (Label l : List.of(equity, maintenance, ratio, move)) {
                l.pseudoClassStateChanged(Styles.INVALID, s);
            }
        });
    }

    private void showResult(AccountResult r) {
        equity.setText(vm.equityText());
        maintenance.setText(vm.maintenanceText());
        ratio.setText(vm.marginRatioText());
        move.setText(vm.moveText());
        AccountCurve c = vm.curveProperty().get();
        if (r == null || c == null) {
            return;
        }
        List<CurveChart.Series> series = new ArrayList<>();
        series.add(new CurveChart.Series(Text.get("account.chart.equity"), Palette.venue(0), c.movePercent(), c.equity()));
        series.add(new CurveChart.Series(Text.get("account.chart.maintenance"), Palette.venue(1), c.movePercent(), c.maintenance()));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.movePercent().length; i++) {
            lo = Math.min(lo, Math.min(c.equity()[i], c.maintenance()[i]));
            hi = Math.max(hi, Math.max(c.equity()[i], c.maintenance()[i]));
        }
        double from = c.movePercent()[0];
        double to = c.movePercent()[c.movePercent().length - 1];
        // Each position's own liquidation (the others at their marks) as a vertical line at its move.
        int shownMarks = 0;
        for (int i = 0; i < r.positions().size() && shownMarks < 8; i++) {
            PositionResult p = r.positions().get(i);
            double m = p.liquidationMovePercent();
            if (Double.isFinite(m) && m >= from && m <= to) {
                series.add(new CurveChart.Series(Text.format("account.chart.position", i + 1, p.position().market(), sideText(p.position().side())),
                        Palette.venue(2 + shownMarks), new double[] {m, m}, new double[] {lo, hi}));
                shownMarks++;
            }
        }
        if (r.hasLiquidationMove() && r.liquidationMovePercent() >= from && r.liquidationMovePercent() <= to) {
            // Dashed, so it does not read as one of the positions' own liquidations.
            double m = r.liquidationMovePercent();
            series.add(new CurveChart.Series(Text.format("account.chart.accountLiquidation", signed(m)), Palette.venue(7),
                    new double[] {m, m}, new double[] {lo, hi}, new boolean[] {true, false}, 2));
        }
        chart.setSeries(series);
    }

    private static String signed(double m) {
        double r = Math.round(m * 100) / 100.0;
        return (r > 0 ? "+" : "") + io.liqlab.ui.LocalNumbers.fixed(r, 2) + "%";
    }

    /**
     * The two drags: every mark moved together (the chart's cursor, and each row's mark and uPnL there), and one
     * position's mark (the row picked in the # column), which recomputes the account as typing would.
     */
    private Node dragStrip() {
        moveSlider.setId("account-move-slider");
        moveSlider.minProperty().bind(vm.moveMinProperty());
        moveSlider.maxProperty().bind(vm.moveMaxProperty());
        moveSlider.valueProperty().bindBidirectional(vm.moveProperty());
        moveSlider.setBlockIncrement(0.5);
        moveSlider.setTooltip(new Tooltip(Text.get("account.move.tip")));
        HBox.setHgrow(moveSlider, Priority.ALWAYS);
        moveSlider.setMaxWidth(Double.MAX_VALUE);
        Label moveLabel = new Label(Text.get("account.move.label"));
        moveLabel.setLabelFor(moveSlider);
        Label moveValue = new Label();
        moveValue.setId("account-move-value");
        moveValue.textProperty().bind(vm.moveTextProperty());
        moveValue.setMinWidth(Region.USE_PREF_SIZE);
        moveValue.setPrefWidth(64);
        Button zero = new Button(Text.get("account.move.zero"));
        zero.setId("account-move-zero");
        zero.setTooltip(new Tooltip(Text.get("account.move.zeroTip")));
        zero.setOnAction(e -> vm.moveProperty().set(0));
        zero.setMinWidth(Region.USE_PREF_SIZE);

        markSlider.setId("account-mark-slider");
        markSlider.setTooltip(new Tooltip(Text.get("account.markDrag.tip")));
        HBox.setHgrow(markSlider, Priority.ALWAYS);
        markSlider.setMaxWidth(Double.MAX_VALUE);
        Label markLabel = new Label();
        markLabel.setId("account-mark-target");
        markLabel.textProperty().bind(vm.markTargetTextProperty());
        markLabel.setLabelFor(markSlider);
        markLabel.setMinWidth(Region.USE_PREF_SIZE);
        for (javafx.beans.value.ObservableValue<Number> v : List.of(vm.markMinProperty(), vm.markMaxProperty(), vm.markValueProperty())) {
            v.subscribe(n -> placeMarkSlider());
        }
        markSlider.valueProperty().subscribe(v -> {
            if (!placingMark) {
                vm.dragMark(v.doubleValue());
            }
        });
        markSlider.valueChangingProperty().subscribe(changing -> {
            if (!changing) {
                vm.endMarkDrag();
            }
        });
        markSlider.disableProperty().bind(vm.markTargetProperty().isNull());

        HBox strip = new HBox(8, moveLabel, moveSlider, moveValue, zero, new Region(), markLabel, markSlider);
        strip.setId("account-drag");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(0, 4, 0, 4));
        return strip;
    }

    /** Range first, then the value, so the slider's own clamping is not taken for a drag. */
    private void placeMarkSlider() {
        placingMark = true;
        try {
            markSlider.setMin(Math.min(markSlider.getMin(), vm.markMinProperty().get()));
            markSlider.setMax(Math.max(markSlider.getMax(), vm.markMaxProperty().get()));
            markSlider.setValue(vm.markValueProperty().get());
            markSlider.setMin(vm.markMinProperty().get());
            markSlider.setMax(vm.markMaxProperty().get());
            markSlider.setBlockIncrement((vm.markMaxProperty().get() - vm.markMinProperty().get()) / 200);
        } finally {
            placingMark = false;
        }
    }

    /** Pressing or dragging (primary button) on the chart puts the move there. */
    private static final class EventHandlerOnChart {
        static void install(CurveChart chart, AccountViewModel vm) {
            javafx.event.EventHandler<MouseEvent> put = e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    double x = chart.xValueAt(e.getX());
                    if (Double.isFinite(x)) {
                        vm.moveProperty().set(Math.round(x * 100) / 100.0);
                    }
                }
            };
            chart.addEventHandler(MouseEvent.MOUSE_PRESSED, put);
            chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, put);
        }
    }

    private void rebuildTable() {
        table.getChildren().clear();
        rowSubscriptions.forEach(javafx.util.Subscription::unsubscribe);
        rowSubscriptions.clear();
        figures.clear();
        String[] heads = {"account.col.index", "account.col.market", "account.col.side", "account.col.entry", "account.col.qty",
                "account.col.leverage", "account.col.margin", "account.col.mark", "account.col.liquidation", "account.col.bankruptcy",
                "account.col.maintenance", "account.col.upnl"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(Text.get(heads[c]));
            h.getStyleClass().add(Styles.KEY);
            h.setMinWidth(Region.USE_PREF_SIZE);
            table.add(h, c, 0);
        }
        // The figures at the chart's move: the headers say which move.
        Label markHead = new Label();
        markHead.textProperty().bind(vm.moveTextProperty().map(t -> Text.format("account.col.markAtMove", t)));
        Label pnlHead = new Label();
        pnlHead.textProperty().bind(vm.moveTextProperty().map(t -> Text.format("account.col.upnlAtMove", t)));
        for (Label h : List.of(markHead, pnlHead)) {
            h.getStyleClass().add(Styles.KEY);
            h.setMinWidth(Region.USE_PREF_SIZE);
        }
        table.add(rooted(markHead), heads.length, 0);
        table.add(rooted(pnlHead), heads.length + 1, 0);
        picks.clear();
        markPick.getToggles().clear();
        int row = 1;
        for (AccountViewModel.Row r : vm.rows()) {
            int index = row - 1;
            // The row number picks the position whose mark the mark slider drags.
            RadioButton pick = new RadioButton(Integer.toString(row));
            pick.setId("account-pick-" + index);
            pick.setToggleGroup(markPick);
            pick.setTooltip(new Tooltip(Text.get("account.markDrag.pickTip")));
            pick.setSelected(vm.markTargetProperty().get() == r);
            pick.selectedProperty().subscribe(on -> {
                if (on) {
                    vm.markTargetProperty().set(r);
                }
            });
            pick.setMinWidth(Region.USE_PREF_SIZE);
            pick.setPadding(new Insets(4, 0, 4, 0));
            GridPane.setValignment(pick, javafx.geometry.VPos.TOP);
            picks.put(r, pick);
            table.add(pick, 0, row);
            ComboBox<VenueProfile> market = new ComboBox<>(vm.markets());
            market.setId("account-market-" + index);
            market.setConverter(Forms.shown(p -> p.listing().symbol().isEmpty() ? p.id() : p.listing().symbol()));
            market.valueProperty().bindBidirectional(r.marketProperty());
            table.add(withError(market, r.marketErrorProperty(), rowSubscriptions), 1, row);
            // Long or short as the Position form chooses it: one click, both sides in view (ControlsFX segmented button).
            org.controlsfx.control.SegmentedButton side = Forms.twoWay(r.sideProperty(), Side.LONG, sideText(Side.LONG),
                    "account-long-" + index, Side.SHORT, sideText(Side.SHORT), "account-short-" + index);
            side.setId("account-side-" + index);
            table.add(withError(side, r.sideErrorProperty(), rowSubscriptions), 2, row);
            int col = 3;
            for (AccountViewModel.Field f : AccountViewModel.Field.values()) {
                TextField t = new TextField();
                t.setId("account-" + f.name().toLowerCase(java.util.Locale.ROOT) + "-" + index);
                t.setPrefColumnCount(switch (f) {
                    case LEVERAGE -> 3;
                    case QTY, MARGIN -> 4;
                    default -> 5;
                });
                t.textProperty().bindBidirectional(textOf(r, f));
                table.add(withError(t, r.error(f), rowSubscriptions), col++, row);
            }
            table.add(rooted(result(r.liquidationProperty(), "account-liquidation-" + index, r)), col++, row);
            table.add(rooted(result(r.bankruptcyProperty(), "account-bankruptcy-" + index, r)), col++, row);
            table.add(rooted(result(r.maintenanceProperty(), "account-maintenance-" + index, r)), col++, row);
            table.add(rooted(result(r.upnlProperty(), "account-upnl-" + index, r)), col++, row);
            table.add(rooted(atMoveCell(r.markAtMoveProperty(), "account-mark-at-move-" + index)), col++, row);
            table.add(rooted(atMoveCell(r.upnlAtMoveProperty(), "account-upnl-at-move-" + index)), col++, row);
            Button remove = new Button(Text.get("account.remove"));
            remove.setId("account-remove-" + index);
            remove.setTooltip(new Tooltip(Text.format("account.removeTip", row)));
            remove.setOnAction(e -> vm.removeRow(r));
            remove.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(remove, javafx.geometry.VPos.TOP);
            table.add(remove, col, row);
            row++;
        }
    }

    /** A figure at the chart's move: as wide as its widest value so far, so a drag does not make the columns jitter. */
    private Label atMoveCell(ReadOnlyStringProperty text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setAlignment(Pos.CENTER_RIGHT);
        l.setMaxWidth(Double.MAX_VALUE);
        l.pseudoClassStateChanged(Styles.INVALID, vm.staleProperty().get());
        figures.add(l);
        return l;
    }

    /**
     * A label whose text changes on every drag step, as a layout root: its new text lays out the label alone, and the
     * grid only when the text no longer fits (each figure's column grows to its widest value, never jitters).
     */
    private static Node rooted(Label label) {
        // As tall as a field, at the top of its row: the figures stay on the fields' line when a message opens under one.
        label.setPadding(new Insets(4, 0, 4, 0));
        LayoutRootCell cell = new LayoutRootCell(label);
        GridPane.setValignment(cell, javafx.geometry.VPos.TOP);
        label.textProperty().subscribe(t -> cell.contentChanged());
        return cell;
    }

    private static StringProperty textOf(AccountViewModel.Row r, AccountViewModel.Field f) {
        return r.text(f);
    }

    private static String sideText(Side s) {
        return Text.get(s == Side.LONG ? "account.side.long" : "account.side.short");
    }

    /** A control with its message under it, outlined while the message is not empty. */
    private static Node withError(javafx.scene.control.Control control, ReadOnlyStringProperty error, List<javafx.util.Subscription> subscriptions) {
        Label message = new Label();
        message.getStyleClass().add(Styles.FIELD_ERROR);
        message.setWrapText(true);
        // Wraps under its field rather than widening the column (and the table) to its one-line width.
        message.setPrefWidth(0);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.maxWidthProperty().bind(control.widthProperty());
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox box = new VBox(2, control, message);
        box.setMinWidth(Region.USE_PREF_SIZE);
        // A layout root: typing or dragging a value lays out this field alone; a message shown or gone resizes the cell.
        LayoutRootCell cell = new LayoutRootCell(box);
        GridPane.setValignment(cell, javafx.geometry.VPos.TOP);
        subscriptions.add(error.subscribe(e -> {
            control.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty());
            control.setTooltip(e.isEmpty() ? null : new Tooltip(e));
            cell.contentResized();
        }));
        return cell;
    }

    private Label result(ReadOnlyStringProperty text, String id, AccountViewModel.Row r) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        // The notes' words are written when the tooltip shows, not on every edit.
        tip.setOnShowing(e -> tip.setText(r.notesText()));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        l.setTooltip(tip);
        l.pseudoClassStateChanged(Styles.INVALID, vm.staleProperty().get());
        figures.add(l);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.TITLE);
        return l;
    }

    private VBox figure(String name, Label value) {
        Label n = new Label(name);
        n.getStyleClass().add(Styles.SUBTITLE);
        VBox box = new VBox(2, n, value);
        // The account's own figures never shrink; the readout at the move gives way first (1280x720, stale line shown).
        box.setMinWidth(value == atMove ? 0 : Region.USE_PREF_SIZE);
        return box;
    }

    /** The chart (tests, exports). */
    public CurveChart chart() {
        return chart;
    }
}
