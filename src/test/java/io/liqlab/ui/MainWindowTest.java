package io.liqlab.ui;

import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.chart.ChartProbe;
import io.liqlab.ui.chart.CurveChart;
import io.liqlab.ui.compare.ComparisonViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless (Monocle), driven as a user would. */
class MainWindowTest extends AppWindowTest {
    @Test
    void windowIsTitledLiqLabAndOpensOnTheClassicExample(FxRobot robot) {
        assertEquals("LiqLab", stage.getTitle());
        assertEquals("57,900.00", text(robot, "liquidation-price"));
        assertTrue(text(robot, "distance").startsWith("3.50% below the mark"));
    }

    @Test
    void typingAnEntryPriceUpdatesTheLiquidationPrice(FxRobot robot) {
        TextField entry = robot.lookup("#entry").queryAs(TextField.class);
        robot.clickOn(entry);
        robot.interact(entry::selectAll);
        robot.write("50000");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("48,250.00", text(robot, "liquidation-price"));
    }

    @Test
    void anInvalidFieldShowsItsMessageAndKeepsTheStaleResultMarked(FxRobot robot) {
        TextField entry = robot.lookup("#entry").queryAs(TextField.class);
        robot.clickOn(entry);
        robot.interact(entry::selectAll);
        robot.write("-5");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#entry-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("Entry price must be a price greater than 0"), error.getText());
        assertTrue(robot.lookup("#stale-note").queryAs(Label.class).isVisible());
        assertEquals("57,900.00", text(robot, "liquidation-price"), "the last valid result stays, marked stale");
        assertTrue(entry.getPseudoClassStates().contains(Styles.INVALID));
    }

    @Test
    void switchingVenueUpdatesTheResultAndTheCurves(FxRobot robot) {
        CurveChart chart = robot.lookup("#chart-size").queryAs(CurveChart.class);
        assertEquals(2, chart.getSeries().size());
        ComboBox<VenueProfile> venue = robot.lookup("#venue").queryComboBox();
        robot.interact(() -> venue.getSelectionModel().select(venue.getItems().stream()
                .filter(p -> p.id().equals("hyperliquid-btc")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals("57,900.00", text(robot, "liquidation-price"));
        assertEquals(3, chart.getSeries().size(), "the selected venue's curve is drawn");
        assertTrue(robot.lookup("#curve-hyperliquid-btc").queryAs(javafx.scene.control.CheckBox.class).isSelected(),
                "and its box ticked");
        assertTrue(ChartProbe.hoverText(chart, 25).contains("Hyperliquid"), ChartProbe.hoverText(chart, 25));
        robot.clickOn("#curve-okx-swap-btc");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, chart.getSeries().size(), "ticking OKX adds its curve");
    }

    @Test
    void everyFormFieldHasItsFullNameForScreenReaders(FxRobot robot) {
        robot.clickOn("#mode-cross"); // the cross fields (wallet, other positions) are built when cross is first chosen
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Map<String, io.liqlab.ui.position.InputField> byId = java.util.Map.ofEntries(
                java.util.Map.entry("entry", io.liqlab.ui.position.InputField.ENTRY),
                java.util.Map.entry("mark", io.liqlab.ui.position.InputField.MARK),
                java.util.Map.entry("size", io.liqlab.ui.position.InputField.SIZE),
                java.util.Map.entry("leverage", io.liqlab.ui.position.InputField.LEVERAGE),
                java.util.Map.entry("margin", io.liqlab.ui.position.InputField.MARGIN),
                java.util.Map.entry("wallet", io.liqlab.ui.position.InputField.WALLET),
                java.util.Map.entry("other-maintenance", io.liqlab.ui.position.InputField.OTHER_MAINTENANCE),
                java.util.Map.entry("other-upnl", io.liqlab.ui.position.InputField.OTHER_UPNL),
                java.util.Map.entry("opening-fee", io.liqlab.ui.position.InputField.OPENING_FEE),
                java.util.Map.entry("funding-rate", io.liqlab.ui.position.InputField.FUNDING_RATE),
                java.util.Map.entry("holding-hours", io.liqlab.ui.position.InputField.HOLDING_HOURS));
        byId.forEach((id, field) -> assertEquals(field.label(),
                robot.lookup("#" + id).queryAs(javafx.scene.control.TextField.class).getAccessibleText(), id));
    }

    @Test
    void comparisonTableListsAllSevenProfiles(FxRobot robot) {
        robot.clickOn("#tab-compare .tab-label");
        TableView<ComparisonViewModel.Row> table = robot.lookup("#comparison-table").queryTableView();
        assertEquals(7, table.getItems().size());
        // "Why they differ": a line per profile as soon as the tab opens, not only after the position changes.
        javafx.scene.layout.VBox why = robot.lookup("#comparison-explanations").queryAs(javafx.scene.layout.VBox.class);
        assertEquals(1 + 7, why.getChildren().size(), "the title and one line per profile");
        assertTrue(((javafx.scene.control.Label) why.getChildren().get(1)).getText().contains(table.getItems().getFirst().profile()));
        assertTrue(why.getHeight() > 7 * 14, "the lines have room on screen: " + why.getHeight());
    }

    @Test
    void profilesTabStillBrowsesTheProfiles(FxRobot robot) {
        robot.clickOn("#tab-profiles .tab-label");
        ListView<VenueProfile> list = robot.lookup("#profile-list").queryListView();
        // The browser lists every profile: the seven shipped, the markets snapshot (coin-margined ones too).
        assertTrue(list.getItems().size() > 7, "size " + list.getItems().size());
        assertTrue(list.getItems().stream().anyMatch(p -> p.id().equals("bybit-linear-eth")));
        assertTrue(list.getItems().stream().anyMatch(p -> p.id().equals("binance-coinm-btc")));
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(p -> p.id().equals("binance-usdm-btc")).findFirst().orElseThrow()));
        assertEquals(12, robot.lookup("#tier-table").queryTableView().getItems().size());
    }

    @Test
    void csvExportsWriteTheTableAndTheSweep(FxRobot robot) throws Exception {
        io.liqlab.ui.workspace.WorkspaceView view = robot.lookup(".workspace").queryAs(io.liqlab.ui.workspace.WorkspaceView.class);
        Path table = home.resolve("comparison.csv");
        Path sweep = home.resolve("sweep.csv");
        robot.interact(() -> {
            view.export(view.viewModel()::exportComparisonCsv, table);
            view.export(view.viewModel()::exportLeverageSweepCsv, sweep);
        });
        // Exports are background tasks: the status line says when they are written.
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(table) && Files.exists(sweep)
                && robot.lookup("#status").queryAs(Label.class).getText().startsWith("Saved "));
        java.util.List<String> rows = Files.readAllLines(table);
        assertEquals(8, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("textbook,57900.00,3.5000,")), rows.toString());
        assertTrue(Files.readAllLines(sweep).contains("textbook,25,57900,3.5,1,true"), Files.readAllLines(sweep).get(241));
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Saved "));
    }

    @Test
    void aFailedExportIsAMessageNotACrash(FxRobot robot) throws Exception {
        io.liqlab.ui.workspace.WorkspaceView view = robot.lookup(".workspace").queryAs(io.liqlab.ui.workspace.WorkspaceView.class);
        Path file = Files.writeString(home.resolve("a-file"), "x");
        Path impossible = file.resolve("x.csv"); // a folder that is a file
        robot.interact(() -> view.export(view.viewModel()::exportComparisonCsv, impossible));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("Could not save"));
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Could not save"));
    }

    @Test
    void chartPngExportWritesARealImage(FxRobot robot) throws Exception {
        CurveChart chart = robot.lookup("#chart-leverage").queryAs(CurveChart.class);
        Path png = home.resolve("leverage.png");
        robot.interact(() -> {
            try {
                io.liqlab.ui.export.Png.write(chart.snapshotImage(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1_000);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertEquals('N', bytes[2]);
        assertEquals('G', bytes[3]);
    }

    @Test
    void openingASessionRestoresTheFormAndTheCurveBoxes(FxRobot robot) throws Exception {
        Path file = Files.writeString(home.resolve("lesson.liqlab.json"), "{\"format\":\"liqlab-session\",\"formatVersion\":1,"
                + "\"savedBy\":\"test\",\"session\":{\"theme\":\"LIGHT\",\"profileId\":\"gte-btc\",\"side\":\"SHORT\","
                + "\"inputs\":{\"ENTRY\":\"100000\",\"SIZE\":\"20000\",\"LEVERAGE\":\"10\"},\"comparedProfiles\":[\"gte-btc\"],\"tab\":0}}");
        io.liqlab.ui.workspace.WorkspaceView view = robot.lookup(".workspace").queryAs(io.liqlab.ui.workspace.WorkspaceView.class);
        robot.interact(() -> view.openSession(file));
        assertEquals("110,000.00", text(robot, "bankruptcy"));
        assertTrue(robot.lookup("#curve-gte-btc").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertTrue(!robot.lookup("#curve-textbook").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Opened session"));
    }

    @Test
    void theAboutBoxListsEveryProfilesDataDate(FxRobot robot) {
        io.liqlab.ui.workspace.WorkspaceView view = robot.lookup(".workspace").queryAs(io.liqlab.ui.workspace.WorkspaceView.class);
        String about = view.aboutText();
        assertTrue(about.contains("Binance USD-M BTCUSDT: 2026-01, confidence high"), about);
        assertTrue(about.contains("OKX BTC-USDT-SWAP: 2026-05-28, confidence medium (stand-in values)"), about);
        assertEquals(9, about.lines().count() - 1, about);
        int markets = io.liqlab.ui.MarketChoices.offered(io.liqlab.TestProfiles.catalog().allProfiles()).size();
        assertTrue(about.strip().endsWith("\u2026 and " + (markets - 7) + " more markets, each with its date in the market chooser"), about);
    }

    /** Issue 18 part 2: a coin-margined market is offered, and the form, the charts and Compare count it in the coin. */
    @Test
    void pickingBinanceCoinMShowsItsMarginInTheCoinAndComparesTheCoinMarginedGroup(FxRobot robot) {
        ComboBox<VenueProfile> venue = robot.lookup("#venue").queryComboBox();
        robot.interact(() -> venue.getSelectionModel().select(venue.getItems().stream()
                .filter(p -> p.id().equals("binance-coinm-btc")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "contract-note").contains("margin, wallet, fees, funding and maintenance are in BTC"), text(robot, "contract-note"));
        assertTrue(text(robot, "mm-at-liquidation").endsWith(" BTC"), text(robot, "mm-at-liquidation"));
        // the classic example's 12,500 at 25x: a margin of 12,500 / 60,000 / 25 BTC, not 500 "BTC"
        assertEquals(12_500.0 / 60_000 / 25, robot.lookup(".workspace").queryAs(io.liqlab.ui.workspace.WorkspaceView.class)
                .viewModel().position().resultProperty().get().margin(), 1e-12);
        // The charts offer BTC's coin-margined venues and the textbook, not its USD-margined ones beside them.
        assertTrue(robot.lookup("#curve-bybit-inverse-btc").tryQuery().isPresent());
        assertTrue(robot.lookup("#curve-textbook").tryQuery().isPresent());
        assertTrue(robot.lookup("#curve-binance-usdm-btc").tryQuery().isEmpty());

        robot.clickOn("#tab-compare .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ComparisonViewModel.Row> table = robot.lookup("#comparison-table").queryTableView();
        assertEquals(java.util.List.of("binance-coinm-btc", "bybit-inverse-btc", "okx-swap-btc-usd", "textbook"),
                table.getItems().stream().map(ComparisonViewModel.Row::profileId).sorted().toList());
        assertTrue(robot.lookup("#compare-inverse").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        robot.clickOn("#compare-linear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, table.getItems().size(), "BTC's USD-margined rows on request");
    }
}
