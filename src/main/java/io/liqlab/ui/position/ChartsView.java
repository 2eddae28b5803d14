package io.liqlab.ui.position;

import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.Palette;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import io.liqlab.ui.chart.CurveChart;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.List;

/** The three live charts and the profile toggles that choose their curves. */
public final class ChartsView extends VBox {

    private final CurveChart byLeverage = new CurveChart(Text.get("charts.leverage.title"), Text.get("charts.leverage.x"),
            Text.get("charts.leverage.y"));
    private final CurveChart bySize = new CurveChart(Text.get("charts.size.title"), Text.get("charts.size.x"), Text.get("charts.size.y"));
    private final CurveChart byTime = new CurveChart(Text.get("charts.time.title"), Text.get("charts.time.x"), Text.get("charts.time.y"));

    /** The leverage curves on screen: dragging the slider leaves them alone and moves only the marker. */
    private List<ChartsViewModel.Curve> shownLeverageCurves;

    public ChartsView(ChartsViewModel vm, PositionViewModel position) {
        setSpacing(6);
        setPadding(new Insets(0, 12, 12, 12));
        byLeverage.setId("chart-leverage");
        bySize.setId("chart-size");
        byTime.setId("chart-time");
        byLeverage.xFormatProperty().set(LocalNumbers::leverage);
        byLeverage.yFormatProperty().set(ChartsView::percent);
        bySize.logXProperty().set(true);
        bySize.xFormatProperty().set(LocalNumbers::compact);
        bySize.yFormatProperty().set(ChartsView::percent);
        // The time axis is in days (it spans 30 days at least), ticked at even steps of days, titled so.
        byTime.xFormatProperty().set(ChartsView::days);
        byTime.yFormatProperty().set(LocalNumbers::price);
        byTime.yIncludesZeroProperty().set(false);
        // Hover headings in words and units, not the axis title ("notional (log): 79.4k").
        byLeverage.hoverXFormatProperty().set(v -> Text.format("charts.leverage.hover", LocalNumbers.leverage(v)));
        bySize.hoverXFormatProperty().set(v -> Text.format("charts.size.hover", LocalNumbers.bound(Math.round(v)),
                PositionViewModel.quoteCurrency(position.profileProperty().get())));
        byTime.hoverXFormatProperty().set(d -> Text.format("charts.time.hover", days(d), LocalNumbers.fixed(d * 24, 0)));
        // Cross margin: leverage is notional / cross margin, and the axis says so.
        vm.chartsProperty().subscribe(c -> byLeverage.xLabelProperty().set(Text.get(c != null && c.cross() ? "charts.leverage.xCross" : "charts.leverage.x")));

        javafx.scene.layout.HBox toggles = new javafx.scene.layout.HBox(12);
        toggles.setId("compare-toggles");
        toggles.setAlignment(javafx.geometry.Pos.TOP_LEFT); // "Curves:" and "log scale" on the first row of boxes
        Label compare = new Label(Text.get("charts.curves"));
        compare.getStyleClass().add(Styles.KEY);
        FlowPane profileBoxes = new FlowPane(12, 4);
        javafx.scene.layout.HBox.setHgrow(profileBoxes, Priority.ALWAYS);
        profileBoxes.setPrefWrapLength(600);
        buildToggles(profileBoxes, vm, position);
        position.sameMarketProfiles().subscribe(() -> buildToggles(profileBoxes, vm, position));
        // Restoring a session or the last run's state changes the curves without a click: the boxes follow.
        vm.comparedProfiles().subscribe(() -> profileBoxes.getChildren().forEach(n -> {
            if (n instanceof CheckBox box && box.getUserData() instanceof VenueProfile p) {
                box.setSelected(vm.comparedProfiles().contains(p));
            }
        }));
        toggles.getChildren().addAll(compare, profileBoxes);
        // A switch (ControlsFX): it changes how the chart reads at once; the boxes before it choose what is drawn.
        org.controlsfx.control.ToggleSwitch log = io.liqlab.ui.Forms.toggleSwitch(Text.get("charts.logScale"), "log-scale");
        log.setTooltip(new Tooltip(Text.get("charts.logScaleTip")));
        // Distance falls like 1/leverage: on log axes the 10x..125x region, where the tiers bite, is readable.
        log.setSelected(true);
        byLeverage.logXProperty().bind(log.selectedProperty());
        byLeverage.logYProperty().bind(log.selectedProperty());
        toggles.getChildren().add(log);

        Label timeCallout = new Label();
        timeCallout.setId("time-to-liquidation");
        timeCallout.getStyleClass().add("callout");
        timeCallout.setWrapText(true);
        timeCallout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        timeCallout.textProperty().bind(vm.timeToLiquidationProperty());

        this.timeCallout = timeCallout;
        timeBox = new VBox(4);
        VBox.setVgrow(byTime, Priority.ALWAYS);
        for (CurveChart c : List.of(byLeverage, bySize, byTime)) {
            c.setMinSize(200, 110);
            c.setPrefSize(400, 300);
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
        }
        GridPane.setHgrow(timeBox, Priority.ALWAYS);
        GridPane.setVgrow(timeBox, Priority.ALWAYS);
        // Tall: the leverage chart large on the left, the other two stacked beside it. Short (a 1280x720 screen):
        // three side by side, so none is squeezed below the height its axes, legend and titles need.
        grid.heightProperty().subscribe(h -> arrange(h.doubleValue() > 0 && h.doubleValue() < STACK_BELOW));
        arrange(false);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(toggles, grid);

        vm.chartsProperty().subscribe(this::show);
        // While a field is invalid (a half-typed "97,000.5x") the curves belong to the last valid input: say so
        // the way the results card does, dimmed.
        grid.setId("charts");
        position.staleProperty().subscribe(stale -> grid.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass(Styles.STALE), stale));
    }

    /** Below this grid height the three charts stand side by side instead of two stacked beside one. */
    static final double STACK_BELOW = 600;
    private final GridPane grid = new GridPane(10, 6);
    private final VBox timeBox;
    private final Label timeCallout;
    private Boolean oneRow;

    private void arrange(boolean inOneRow) {
        if (oneRow != null && oneRow == inOneRow) {
            return;
        }
        oneRow = inOneRow;
        grid.getChildren().clear();
        timeBox.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        if (inOneRow) {
            // The time to liquidation on one line under all three, rather than three lines under a narrow chart.
            grid.add(byLeverage, 0, 0, 1, 1); // spans given: add(node, column, row) would keep the stacked layout's
            grid.add(bySize, 1, 0, 1, 1);
            grid.add(byTime, 2, 0, 1, 1);
            grid.add(timeCallout, 0, 1, 3, 1);
            for (double percent : new double[] {36, 32, 32}) {
                javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
                column.setPercentWidth(percent);
                grid.getColumnConstraints().add(column);
            }
            javafx.scene.layout.RowConstraints charts = new javafx.scene.layout.RowConstraints();
            charts.setVgrow(Priority.ALWAYS);
            javafx.scene.layout.RowConstraints callout = new javafx.scene.layout.RowConstraints();
            callout.setVgrow(Priority.NEVER);
            grid.getRowConstraints().addAll(charts, callout);
        } else {
            timeBox.getChildren().addAll(byTime, timeCallout);
            grid.add(byLeverage, 0, 0, 1, 2);
            grid.add(bySize, 1, 0, 1, 1);
            grid.add(timeBox, 1, 1, 1, 1);
            for (double percent : new double[] {55, 45}) {
                javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
                column.setPercentWidth(percent);
                grid.getColumnConstraints().add(column);
            }
            for (int i = 0; i < 2; i++) {
                javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
                row.setPercentHeight(50);
                grid.getRowConstraints().add(row);
            }
        }
    }

    /** Whether the charts stand in one row (tests). */
    boolean inOneRowForTest() {
        return Boolean.TRUE.equals(oneRow);
    }

    /** One checkbox per profile of the chosen market (rebuilt when a profile is saved, or another market chosen). */
    private static void buildToggles(FlowPane boxes, ChartsViewModel vm, PositionViewModel position) {
        boxes.getChildren().clear();
        vm.comparedProfiles().removeIf(p -> !position.sameMarketProfiles().contains(p));
        for (VenueProfile p : position.sameMarketProfiles()) {
            CheckBox box = new CheckBox(p.name());
            box.setId("curve-" + p.id());
            box.setUserData(p);
            Rectangle swatch = new Rectangle(12, 12, Palette.venue(position.sameMarketProfiles().indexOf(p)));
            box.setGraphic(swatch);
            box.setSelected(vm.comparedProfiles().contains(p));
            box.selectedProperty().subscribe(on -> {
                if (on && !vm.comparedProfiles().contains(p)) {
                    vm.comparedProfiles().add(p);
                } else if (!on) {
                    vm.comparedProfiles().remove(p);
                }
            });
            boxes.getChildren().add(box);
        }
    }

    public CurveChart leverageChart() {
        return byLeverage;
    }

    public CurveChart sizeChart() {
        return bySize;
    }

    public CurveChart timeChart() {
        return byTime;
    }

    /** Sets every chart's text size (2 in presentation mode); the colours follow the stylesheet by themselves. */
    public void setFontScale(double scale) {
        for (CurveChart c : List.of(byLeverage, bySize, byTime)) {
            c.fontScaleProperty().set(scale);
        }
    }

    private void show(ChartsViewModel.Charts charts) {
        if (charts == null) {
            return;
        }
        if (charts.byLeverage() != shownLeverageCurves) {
            shownLeverageCurves = charts.byLeverage();
            byLeverage.setSeries(series(charts.byLeverage()));
        }
        bySize.setSeries(series(charts.bySize()));
        byTime.setSeries(inDays(series(charts.byTime())));
        byLeverage.markerXProperty().set(charts.leverage());
        bySize.markerXProperty().set(charts.notional());
        byTime.markerXProperty().set(charts.holdingHours() > 0 ? charts.holdingHours() / 24 : Double.NaN);
    }

    private static List<CurveChart.Series> series(List<ChartsViewModel.Curve> curves) {
        return curves.stream().map(c -> new CurveChart.Series(c.name(), Palette.venue(c.paletteIndex()), c.x(), c.y(), c.allowed(), c.length())).toList();
    }

    /** "12 d", "2.5 d": a time axis value in days. */
    static String days(double d) {
        return Text.format("charts.time.days", d == Math.rint(d) ? LocalNumbers.fixed(d, 0) : LocalNumbers.fixed(d, 1));
    }

    /** The holding-time curves with x in days (the view-model works in hours). */

    private List<CurveChart.Series> inDays(List<CurveChart.Series> hours) {
        return hours.stream().map(s -> {
            double[] d = new double[s.length()];
            for (int i = 0; i < d.length; i++) {
                d[i] = s.x()[i] / 24;
            }
            return new CurveChart.Series(s.name(), s.color(), d, s.y(), s.allowed(), s.length());
        }).toList();
    }

    static String percent(double v) {
        double a = Math.abs(v);
        if (a >= 10) {
            return LocalNumbers.percent(v, 0);
        }
        if (a >= 1 || a == 0) {
            return LocalNumbers.percent(v, 1);
        }
        // Two significant digits for the small distances of a log axis: 0.5%, 0.05%, 0.005%.
        return LocalNumbers.plain(io.liqlab.core.Numbers.significant(v, 2).doubleValue()) + "%";
    }

}
