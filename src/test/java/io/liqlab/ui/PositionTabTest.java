package io.liqlab.ui;

import io.liqlab.ui.chart.ChartProbe;
import io.liqlab.ui.chart.CurveChart;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Position tab at the screen sizes people have (issue 14): everything readable, modes switched with values typed. */
class PositionTabTest extends AppWindowTest {

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds onScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void at1280x720EveryChartKeepsItsAxesLegendAndTitles(FxRobot robot) {
        for (double[] size : new double[][] {{1280, 720}, {1600, 1000}, {1920, 1080}}) {
            resize(robot, size[0], size[1]);
            String at = (int) size[0] + "x" + (int) size[1] + ": ";
            double sceneHeight = stage.getScene().getHeight();
            Node status = robot.lookup("#status").query();
            assertTrue(onScene(status).getMaxY() <= sceneHeight + 0.5, at + "the status line is inside the window: " + onScene(status).getMaxY() + " > " + sceneHeight);
            for (String id : List.of("chart-leverage", "chart-size", "chart-time")) {
                CurveChart chart = robot.lookup("#" + id).queryAs(CurveChart.class);
                assertTrue(onScene(chart).getMaxY() <= sceneHeight + 0.5, at + id + " ends inside the window: " + onScene(chart).getMaxY());
                assertTrue(ChartProbe.plotHeight(chart) >= 100, at + id + " has a plot to read: " + ChartProbe.plotHeight(chart));
                assertTrue(ChartProbe.legendShown(chart), at + id + " keeps its legend");
                List<String> labels = ChartProbe.drawnLabels(chart);
                assertTrue(labels.contains(chart.xLabelProperty().get()), at + id + " x title in full: " + labels);
                assertTrue(labels.contains(chart.yLabelProperty().get()), at + id + " y title in full: " + labels);
            }
            Label callout = robot.lookup("#time-to-liquidation").queryAs(Label.class);
            for (String id : List.of("chart-leverage", "chart-size", "chart-time")) {
                Bounds chart = onScene(robot.lookup("#" + id).query());
                assertFalse(chart.intersects(onScene(callout)), at + id + " and the time-to-liquidation line overlap: " + chart + " " + onScene(callout));
            }
            assertTrue(callout.isVisible() && onScene(callout).getMaxY() <= sceneHeight + 0.5 && callout.getHeight() > 10,
                    at + "the time to liquidation is on screen: " + onScene(callout));
        }
    }

    @Test
    void theResultsCardScrollsToFirstLiquidationRatherThanCuttingIt(FxRobot robot) {
        resize(robot, 1280, 720);
        robot.interact(() -> {
            robot.lookup("#venue").queryComboBox().getSelectionModel().select(
                    robot.lookup("#venue").queryComboBox().getItems().stream()
                            .filter(p -> ((io.liqlab.profile.VenueProfile) p).id().equals("binance-usdm-btc")).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label first = robot.lookup("#first-liquidation").queryAs(Label.class);
        ScrollPane scroll = (ScrollPane) robot.lookup("#results").query().getParent().getParent().getParent();
        double viewport = scroll.getViewportBounds().getHeight();
        double cardHeight = robot.lookup("#results").query().getLayoutBounds().getHeight();
        Bounds firstInCard = robot.lookup("#results").query().sceneToLocal(onScene(first));
        assertTrue(firstInCard.getMaxY() <= cardHeight + 0.5, "the card holds the whole text: " + firstInCard + " in " + cardHeight);
        if (cardHeight > viewport + 1) {
            ScrollBar bar = robot.lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                    .filter(b -> b.getOrientation() == Orientation.VERTICAL && b.isVisible() && isInside(b, scroll)).findFirst().orElse(null);
            assertTrue(bar != null, "a card taller than its row scrolls: " + cardHeight + " > " + viewport);
        }
    }

    /**
     * The results row's two cards, once laid out, stay laid out: their minimum height followed the scroll pane's
     * viewport through a binding, which every layout of the scroll pane invalidated (new, equal bounds), and that asked
     * for the next layout: both cards measured their wrapped text again on every frame, whichever tab showed.
     */
    @Test
    void theResultCardsAreNotLaidOutAgainWhenNothingChanged(FxRobot robot) {
        resize(robot, 1600, 1000);
        ScrollPane card = (ScrollPane) robot.lookup("#results").query().getParent().getParent().getParent();
        List<Node> row = List.copyOf(card.getParent().getChildrenUnmodifiable());
        assertEquals(2, row.size(), "the result card and the formula: " + row);
        robot.interact(() -> assertSettledAfterTwoLayouts(row, true));
        // And on another tab, where the cards are out of sight but still in the window.
        robot.clickOn("#tab-cascade .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertSettledAfterTwoLayouts(row, false));
    }

    /** Two layout passes of the window leave none of {@code row}'s scroll panes (and, if asked, cards) wanting a third. */
    private void assertSettledAfterTwoLayouts(List<Node> row, boolean cardsToo) {
        javafx.scene.Parent root = stage.getScene().getRoot();
        root.layout();
        root.layout();
        for (Node scroll : row) {
            assertFalse(((javafx.scene.Parent) scroll).isNeedsLayout(), "a layout pass asked for another: " + scroll);
            if (cardsToo) {
                assertFalse(((javafx.scene.Parent) ((ScrollPane) scroll).getContent()).isNeedsLayout(), "its card: " + scroll);
            }
        }
    }

    /** The results row is 44% of the tab's height (260 to 420 px) at every window size, going down and back up. */
    @Test
    void theResultsRowTakesItsShareOfTheTabAtEveryWindowSize(FxRobot robot) {
        for (double[] size : new double[][] {{1600, 1000}, {1280, 800}, {1280, 720}, {1600, 1000}}) {
            resize(robot, size[0], size[1]);
            javafx.scene.layout.Region row = (javafx.scene.layout.Region) robot.lookup("#results").query().getParent().getParent().getParent().getParent();
            javafx.scene.layout.Region pane = (javafx.scene.layout.Region) row.getParent().getParent();
            double wanted = Math.clamp(pane.getHeight() * 0.44, 260, 420);
            assertEquals(wanted, row.getHeight(), 1.5, (int) size[0] + "x" + (int) size[1] + ": the row of a " + pane.getHeight() + " px tab");
            assertTrue(pane.getHeight() <= stage.getScene().getHeight(), "the tab inside the window");
        }
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Issue 14 item 20: the Mark field's hint "same as entry" nearly vanished on the dark theme. */
    @Test
    void theMarkHintIsReadableOnTheDarkTheme(FxRobot robot) {
        robot.interact(() -> robot.lookup("#theme").<javafx.scene.control.ChoiceBox<io.liqlab.ui.workspace.WorkspaceViewModel.Theme>>query().getSelectionModel()
                .select(io.liqlab.ui.workspace.WorkspaceViewModel.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField mark = robot.lookup("#mark").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.text.Text hint = robot.from(mark).lookup((javafx.scene.text.Text t) -> "same as entry".equals(t.getText()))
                .queryAs(javafx.scene.text.Text.class);
        javafx.scene.paint.Color text = (javafx.scene.paint.Color) hint.getFill();
        javafx.scene.paint.Paint fill = mark.getBackground().getFills().getLast().getFill();
        javafx.scene.paint.Color field = fill instanceof javafx.scene.paint.LinearGradient g ? g.getStops().getLast().getColor()
                : (javafx.scene.paint.Color) fill;
        double contrast = contrast(text, field);
        assertTrue(contrast >= 4.5, "hint " + text + " on " + field + ": contrast " + contrast + ":1");
    }

    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static void type(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField field = robot.lookup("#" + id).queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(javafx.scene.control.TextField.class).getText();
    }

    /** Issue 14 items 1, 2, 11: switching Size in, Isolated by and the margin mode with values typed in. */
    @Test
    void switchingModesWithValuesTypedInKeepsThePosition(FxRobot robot) {
        resize(robot, 1280, 720);
        Node formPane = robot.lookup(".position-form").query();
        while (!(formPane instanceof ScrollPane)) {
            formPane = formPane.getParent();
        }
        double formWidth = ((ScrollPane) formPane).getWidth();
        robot.clickOn("#unit-quantity");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.20833333", field(robot, "size"), "12,500 notional at 60,000 is 0.20833333 units");
        assertEquals("57,900.00", text(robot, "liquidation-price"), "the same position");
        robot.clickOn("#unit-notional");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("12500", field(robot, "size"));

        type(robot, "entry", "97000");
        robot.clickOn("#unit-quantity");
        type(robot, "size", "2");
        type(robot, "leverage", "50");
        javafx.scene.control.TextField margin = robot.lookup("#margin").queryAs(javafx.scene.control.TextField.class);
        assertTrue(margin.isDisabled());
        assertEquals("3880", margin.getText(), "the greyed margin shows the margin for 50x");
        String at50x = text(robot, "liquidation-price");

        robot.clickOn("#by-margin");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(at50x, text(robot, "liquidation-price"), "switching to Margin carries 3,880 over");
        assertFalse(text(robot, "max-leverage").contains("NOT"), text(robot, "max-leverage"));
        type(robot, "margin", "9700");
        assertEquals("20", field(robot, "leverage"), "the greyed leverage follows the margin");

        robot.clickOn("#mode-cross");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#leverage-slider").query().isDisabled(), "the slider changes nothing in cross mode");
        assertTrue(robot.lookup("#leverage-note").queryAs(Label.class).isVisible(), "and says why");
        assertEquals("9700", field(robot, "wallet"), "the wallet starts at the margin the position had");
        assertFalse(text(robot, "liquidation-price").contains("entry"), text(robot, "liquidation-price"));
        assertEquals(formWidth, ((ScrollPane) formPane).getWidth(), 1, "the form keeps its width in cross mode");
    }

    private static double price(FxRobot robot, String id) {
        return Double.parseDouble(text(robot, id).replace(",", ""));
    }

    /** The segmented button (ControlsFX) a side of a two-way choice belongs to. */
    private static org.controlsfx.control.SegmentedButton choiceOf(FxRobot robot, String sideId) {
        Node n = robot.lookup("#" + sideId).query();
        while (n != null && !(n instanceof org.controlsfx.control.SegmentedButton)) {
            n = n.getParent();
        }
        assertTrue(n != null, sideId + " is a side of a segmented button");
        return (org.controlsfx.control.SegmentedButton) n;
    }

    /**
     * Issue 16: long/short and isolated/cross are ControlsFX segmented buttons. From the keyboard (arrow keys on the
     * focused side) the choice switches with the values typed kept, and the result follows the choice.
     */
    @Test
    void theTwoWayChoicesSwitchFromTheKeyboardKeepingTheValuesTyped(FxRobot robot) {
        for (String[] pair : new String[][] {{"side-long", "side-short"}, {"mode-isolated", "mode-cross"},
                {"unit-notional", "unit-quantity"}, {"by-leverage", "by-margin"}}) {
            var choice = choiceOf(robot, pair[0]);
            assertEquals(List.of(pair[0], pair[1]), choice.getButtons().stream().map(Node::getId).toList());
            assertEquals(choice, choiceOf(robot, pair[1]));
        }
        type(robot, "entry", "97000");
        robot.clickOn("#unit-quantity");
        type(robot, "size", "2");
        type(robot, "leverage", "50");
        double isolatedLong = price(robot, "liquidation-price");
        assertTrue(isolatedLong < 97000, "a long is liquidated below its entry: " + isolatedLong);

        // A click on the chosen side keeps it chosen (a plain toggle group would leave no side at all).
        robot.clickOn("#side-long");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#side-long").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertEquals(isolatedLong, price(robot, "liquidation-price"));

        robot.push(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("side-short", stage.getScene().getFocusOwner().getId(), "the focus moves with the choice");
        assertTrue(robot.lookup("#side-short").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertEquals(List.of("97000", "2", "50"), List.of(field(robot, "entry"), field(robot, "size"), field(robot, "leverage")),
                "the values typed survive the switch");
        double isolatedShort = price(robot, "liquidation-price");
        assertTrue(isolatedShort > 97000, "a short is liquidated above its entry: " + isolatedShort);
        robot.push(javafx.scene.input.KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(isolatedLong, price(robot, "liquidation-price"), "back to the long");

        robot.interact(() -> robot.lookup("#mode-isolated").query().requestFocus());
        robot.push(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#mode-cross").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertEquals("3880", field(robot, "wallet"), "the wallet starts at the margin typed for 50x");
        assertEquals(List.of("97000", "2"), List.of(field(robot, "entry"), field(robot, "size")));
        type(robot, "wallet", "10000");
        double crossLong = price(robot, "liquidation-price");
        assertTrue(crossLong < isolatedLong, "a larger wallet carries the cross long further: " + crossLong + " vs " + isolatedLong);

        robot.interact(() -> robot.lookup("#mode-cross").query().requestFocus());
        robot.push(javafx.scene.input.KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#mode-isolated").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        // The cross leverage (notional / wallet) carries over, as the greyed field showed it: 194,000 / 10,000.
        assertEquals("19.4", field(robot, "leverage"), "isolated again, at the leverage the wallet gave");
        assertEquals(List.of("97000", "2"), List.of(field(robot, "entry"), field(robot, "size")));
        assertTrue(price(robot, "liquidation-price") < isolatedLong, "a lower leverage than the 50x typed: further away");
    }

    /** Issue 16: "log scale" is a ControlsFX switch; a click on its words or Space turns it, and the axes follow. */
    @Test
    void theLogScaleSwitchTurnsFromAClickOnItsWordsAndFromSpace(FxRobot robot) {
        var log = robot.lookup("#log-scale").queryAs(org.controlsfx.control.ToggleSwitch.class);
        CurveChart byLeverage = robot.lookup("#chart-leverage").queryAs(CurveChart.class);
        assertTrue(log.isSelected() && byLeverage.logXProperty().get() && byLeverage.logYProperty().get(), "log axes by default");
        Node words = robot.from(log).lookup(".label").<Node>query();
        robot.clickOn(words);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(log.isSelected(), "a click on 'log scale' turns it off");
        assertFalse(byLeverage.logXProperty().get() || byLeverage.logYProperty().get(), "linear axes");
        assertTrue(log.isFocused(), "and takes the focus, as a check box does");
        robot.push(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(log.isSelected() && byLeverage.logXProperty().get(), "Space turns it back on");
        Node track = robot.from(log).lookup(".thumb-area").<Node>query();
        robot.clickOn(track);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(log.isSelected(), "a click on the track switches it once, not twice");
    }

    /** Issue 14 item 18: dragging gave 95.82x; whole numbers by default, tenths with Shift. */
    @Test
    void draggingTheLeverageSliderGivesWholeLeverages(FxRobot robot) {
        javafx.scene.control.Slider slider = robot.lookup("#leverage-slider").queryAs(javafx.scene.control.Slider.class);
        Node thumb = robot.from(slider).lookup(".thumb").query();
        robot.drag(thumb).moveBy(37, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        String lev = field(robot, "leverage");
        assertTrue(lev.matches("\\d+"), "a whole leverage: " + lev);
        assertEquals(Double.parseDouble(lev), slider.getValue(), 1e-9, "the thumb sits on it");
        robot.press(javafx.scene.input.KeyCode.SHIFT);
        robot.drag(thumb).moveBy(7, 0).drop();
        robot.release(javafx.scene.input.KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        String fine = field(robot, "leverage");
        assertTrue(fine.matches("\\d+(\\.\\d)?"), "tenths with Shift: " + fine);
    }

    /** The venue's name in full at 1280x720 and its curve ticked (the market itself is chosen by typing: see below). */
    @Test
    void theChosenVenueIsNamedInFullAndDrawn(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.control.ComboBox<io.liqlab.profile.VenueProfile> venue = robot.lookup("#venue").queryComboBox();
            venue.getSelectionModel().select(venue.getItems().stream().filter(p -> p.id().equals("bybit-linear-btc")).findFirst().orElseThrow());
        });
        resize(robot, 1280, 720);
        robot.clickOn("#mode-cross"); // the longer form, with its scroll bar taking a share of the width
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("binance-usdm-btc", "bybit-linear-btc")) {
            robot.interact(() -> {
                javafx.scene.control.ComboBox<io.liqlab.profile.VenueProfile> venue = robot.lookup("#venue").queryComboBox();
                venue.getSelectionModel().select(venue.getItems().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow());
                venue.getParent().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.ListCell<?> cell = robot.lookup("#venue").queryComboBox().getButtonCell();
            javafx.scene.text.Text shown = robot.from(cell).lookup((javafx.scene.text.Text t) -> true).queryAs(javafx.scene.text.Text.class);
            assertEquals(cell.getText(), shown.getText(), "the venue's name in full at 1280x720");
        }
        assertTrue(robot.lookup("#curve-bybit-linear-btc").queryAs(javafx.scene.control.CheckBox.class).isSelected(),
                "the selected venue's curve is ticked");
        Label distance = robot.lookup("#distance").queryAs(Label.class);
        assertTrue(distance.getText().matches(".*\\(\\d{1,3}(,\\d{3})*\\.\\d\\d\\).*"), "money format, two decimals: " + distance.getText());
    }

    /**
     * Issue 17 part 5 (and issue 14 item 4: 0.8 at 3,400 on a BTC profile silently used BTC tiers): the market is
     * chosen by typing, among every shipped and imported market, and its data's flags show under it.
     */
    @Test
    void typingInTheMarketChooserFindsAndChoosesAMarket(FxRobot robot) {
        resize(robot, 1280, 720);
        robot.clickOn("#venue");
        WaitForAsyncUtils.waitForFxEvents();
        // "bybit eth" also finds Bybit's coin-margined ETHUSD (offered since issue 18): the symbol picks the USDT one.
        robot.write("bybit ethusdt");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> filtered = robot.lookup("#venue").lookup("#filtered").queryComboBox();
        assertEquals(1, filtered.getItems().size(), "one market matches 'bybit ethusdt': " + filtered.getItems());
        robot.type(javafx.scene.input.KeyCode.DOWN);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<io.liqlab.profile.VenueProfile> venue = robot.lookup("#venue").queryComboBox();
        assertEquals("bybit-linear-eth", venue.getValue().id());
        Label flag = robot.lookup("#market-flag").queryAs(Label.class);
        assertTrue(flag.isVisible() && flag.getText().contains("tiers 1-10 of 35 recorded"), flag.getText());
        assertTrue(flag.getStyleClass().contains(MarketChooser.MARKET_FLAG));
        type(robot, "entry", "3400");
        robot.clickOn("#unit-quantity");
        type(robot, "size", "0.8");
        type(robot, "leverage", "20");
        WaitForAsyncUtils.waitForFxEvents();
        // The CLI's answer for the same position: calc --venue bybit-linear-eth --side long --entry 3400 --qty 0.8 --leverage 20
        java.io.StringWriter out = new java.io.StringWriter();
        new io.liqlab.cli.Cli(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), io.liqlab.TestProfiles::catalog)
                .execute(new String[] {"calc", "--venue", "bybit-linear-eth", "--side", "long", "--entry", "3400", "--qty", "0.8", "--leverage", "20", "--format", "json"});
        double cli = tools.jackson.databind.json.JsonMapper.shared().readTree(out.toString()).path("liquidationPrice").asDouble();
        assertEquals(LocalNumbers.price(cli), text(robot, "liquidation-price"));
        assertTrue(robot.lookup("#curve-bybit-linear-eth").tryQuery().isPresent(), "the charts offer the ETH markets");
        assertTrue(robot.lookup("#curve-bybit-linear-btc").tryQuery().isEmpty(), "and not BTC's");
        assertTrue(robot.lookup("#fetch-mark").queryButton().isVisible(), "Fetch beside Mark (not clicked: no test touches the internet)");
    }

    /** Issue 14 item 18: a half-typed value must not leave the results (and the curves) looking current. */
    @Test
    void aHalfTypedLeverageMarksTheResultsAndTheChartsStale(FxRobot robot) {
        type(robot, "leverage", "97,000.5x");
        assertTrue(robot.lookup("#stale-note").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#leverage-error").queryAs(Label.class).getText().contains("Leverage"),
                robot.lookup("#leverage-error").queryAs(Label.class).getText());
        Node charts = robot.lookup("#charts").query();
        assertTrue(charts.getOpacity() < 1, "the curves are dimmed as stale too");
        type(robot, "leverage", "25");
        assertEquals(1, charts.getOpacity(), 1e-9);
    }
}
