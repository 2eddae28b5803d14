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
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The Account screen: venue and wallet, a table of positions (one row each, editable, with its liquidation,
 * bankruptcy, maintenance and uPnL), the account's figures, and the chart of account equity and maintenance
 * against a move of every mark together with each position's own liquidation marked. It only binds to
 * {@link AccountViewModel}.
 */
public final class AccountView extends BorderPane {

    private final AccountViewModel vm;
    private final GridPane table = new GridPane(6, 2);
    private final CurveChart chart = new CurveChart(Text.get("account.chart.title"), Text.get("account.chart.x"), Text.get("account.chart.y"));
    private final Label equity = value("account-equity");
    private final Label maintenance = value("account-maintenance");
    private final Label ratio = value("account-margin-ratio");
    private final Label move = value("account-move");
    private final Label stale = new Label(Text.get("account.result.stale"));

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

        stale.getStyleClass().add(Styles.STALE);
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        HBox summary = new HBox(18, figure(Text.get("account.result.equity"), equity), figure(Text.get("account.result.maintenance"), maintenance),
                figure(Text.get("account.result.marginRatio"), ratio), figure(Text.get("account.result.liquidationMove"), move), stale);
        summary.setAlignment(Pos.CENTER_LEFT);
        summary.getStyleClass().add(Styles.CARD);
        summary.setPadding(new Insets(8));

        chart.setMinHeight(220);
        chart.fontScaleProperty().bind(chartFontScale); // its colours follow the stylesheet
        chart.xFormatProperty().set(v -> io.liqlab.ui.LocalNumbers.plain(Math.round(v * 100) / 100.0) + "%");
        chart.yIncludesZeroProperty().set(true);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox center = new VBox(8, head, tableScroll, accountError, summary, chart);
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
        chart.setSeries(series);
        chart.markerXProperty().set(r.hasLiquidationMove() && r.liquidationMovePercent() >= from && r.liquidationMovePercent() <= to
                ? r.liquidationMovePercent() : Double.NaN);
    }

    private void rebuildTable() {
        table.getChildren().clear();
        String[] heads = {"account.col.index", "account.col.market", "account.col.side", "account.col.entry", "account.col.qty",
                "account.col.leverage", "account.col.margin", "account.col.mark", "account.col.liquidation", "account.col.bankruptcy",
                "account.col.maintenance", "account.col.upnl"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(Text.get(heads[c]));
            h.getStyleClass().add(Styles.KEY);
            h.setMinWidth(Region.USE_PREF_SIZE);
            table.add(h, c, 0);
        }
        int row = 1;
        for (AccountViewModel.Row r : vm.rows()) {
            int index = row - 1;
            table.add(new Label(Integer.toString(row)), 0, row);
            ComboBox<VenueProfile> market = new ComboBox<>(vm.markets());
            market.setId("account-market-" + index);
            market.setConverter(Forms.shown(p -> p.listing().symbol().isEmpty() ? p.id() : p.listing().symbol()));
            market.valueProperty().bindBidirectional(r.marketProperty());
            table.add(withError(market, r.marketErrorProperty()), 1, row);
            // Long or short as the Position form chooses it: one click, both sides in view (ControlsFX segmented button).
            org.controlsfx.control.SegmentedButton side = Forms.twoWay(r.sideProperty(), Side.LONG, sideText(Side.LONG),
                    "account-long-" + index, Side.SHORT, sideText(Side.SHORT), "account-short-" + index);
            side.setId("account-side-" + index);
            table.add(withError(side, r.sideErrorProperty()), 2, row);
            int col = 3;
            for (AccountViewModel.Field f : AccountViewModel.Field.values()) {
                TextField t = new TextField();
                t.setId("account-" + f.name().toLowerCase(java.util.Locale.ROOT) + "-" + index);
                t.setPrefColumnCount(switch (f) {
                    case LEVERAGE -> 3;
                    case QTY, MARGIN -> 6;
                    default -> 7;
                });
                t.textProperty().bindBidirectional(textOf(r, f));
                table.add(withError(t, r.error(f)), col++, row);
            }
            table.add(result(r.liquidationProperty(), "account-liquidation-" + index, r), col++, row);
            table.add(result(r.bankruptcyProperty(), "account-bankruptcy-" + index, r), col++, row);
            table.add(result(r.maintenanceProperty(), "account-maintenance-" + index, r), col++, row);
            table.add(result(r.upnlProperty(), "account-upnl-" + index, r), col++, row);
            Button remove = new Button(Text.get("account.remove"));
            remove.setId("account-remove-" + index);
            remove.setOnAction(e -> vm.removeRow(r));
            remove.setMinWidth(Region.USE_PREF_SIZE);
            table.add(remove, col, row);
            row++;
        }
    }

    private static StringProperty textOf(AccountViewModel.Row r, AccountViewModel.Field f) {
        return r.text(f);
    }

    private static String sideText(Side s) {
        return Text.get(s == Side.LONG ? "account.side.long" : "account.side.short");
    }

    /** A control with its message under it, outlined while the message is not empty. */
    private static Node withError(javafx.scene.control.Control control, ReadOnlyStringProperty error) {
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
        error.subscribe(e -> {
            control.pseudoClassStateChanged(Styles.INVALID, !e.isEmpty());
            control.setTooltip(e.isEmpty() ? null : new Tooltip(e));
        });
        VBox box = new VBox(2, control, message);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
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
        vm.staleProperty().subscribe(s -> l.pseudoClassStateChanged(Styles.INVALID, s));
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.TITLE);
        return l;
    }

    private static VBox figure(String name, Label value) {
        Label n = new Label(name);
        n.getStyleClass().add(Styles.SUBTITLE);
        return new VBox(2, n, value);
    }

    /** The chart (tests, exports). */
    public CurveChart chart() {
        return chart;
    }
}
