package io.liqlab.ui.workspace;

import io.liqlab.TestProfiles;
import io.liqlab.app.WorkspaceStore;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Side;
import io.liqlab.ui.compare.ComparisonViewModel;
import io.liqlab.ui.position.ChartsViewModel;
import io.liqlab.ui.position.InputField;
import io.liqlab.ui.position.PositionViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remembering the inputs between runs, and the exports. */
class WorkspaceViewModelTest {

    private static WorkspaceViewModel fresh() {
        LiquidationEngine engine = new LiquidationEngine();
        PositionViewModel p = new PositionViewModel(engine, TestProfiles.catalog().profiles());
        return new WorkspaceViewModel(p, new ChartsViewModel(p, List.of("textbook", "binance-usdm-btc")),
                new ComparisonViewModel(engine, TestProfiles.catalog().profiles(), p.positionProperty()));
    }

    @Test
    void inputsSurviveARestartThroughTheStore(@TempDir Path dir) {
        WorkspaceViewModel first = fresh();
        first.position().profileProperty().set(TestProfiles.get("gte-btc"));
        first.position().sideProperty().set(Side.SHORT);
        first.position().textProperty(InputField.ENTRY).set("61234");
        first.position().textProperty(InputField.LEVERAGE).set("12.5");
        first.charts().comparedProfiles().add(TestProfiles.get("okx-swap-btc"));
        first.themeProperty().set(WorkspaceViewModel.Theme.DARK);
        first.presentationProperty().set(true);
        WorkspaceStore store = new WorkspaceStore(dir.resolve("workspace.json"));
        store.save(first.capture(10, 20, 1400, 900, false, 1));

        WorkspaceViewModel second = fresh();
        WorkspaceState state = store.load().orElseThrow();
        second.restore(state);
        assertEquals("gte-btc", second.position().profileProperty().get().id());
        assertEquals(Side.SHORT, second.position().sideProperty().get());
        assertEquals("61234", second.position().textProperty(InputField.ENTRY).get());
        assertEquals(12.5, second.position().leverageProperty().get());
        assertEquals(4, second.charts().comparedProfiles().size(), "textbook, Binance, OKX ticked, and GTE drawn as the form's venue");
        assertEquals(WorkspaceViewModel.Theme.DARK, second.themeProperty().get());
        assertTrue(second.presentationProperty().get());
        assertEquals(1400, state.width());
        assertEquals(1, state.tab());
    }

    @Test
    void aCorruptStateFileMeansDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("workspace.json"), "{ not json");
        assertTrue(new WorkspaceStore(dir.resolve("workspace.json")).load().isEmpty());
    }

    @Test
    void exportsWriteRealFiles(@TempDir Path dir) throws Exception {
        WorkspaceViewModel vm = fresh();
        vm.exportComparisonCsv(dir.resolve("compare.csv"));
        vm.exportLeverageSweepCsv(dir.resolve("sweep.csv"));
        List<String> sweep = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals("profile,leverage,liquidationPrice,distancePercent,tierAtLiquidation,leverageAllowed", sweep.getFirst());
        assertEquals(1 + 2 * 1_491, sweep.size()); // 1x..150x, Binance tier 1's maximum
        assertTrue(sweep.contains("textbook,25,57900,3.5,1,true"), sweep.get(241));
        assertEquals(8, Files.readAllLines(dir.resolve("compare.csv")).size());
        assertTrue(vm.resultsText().contains("Liquidation price    57,900.00"));
    }

    /** Issue 16: the GUI's sweep export and the CLI's {@code sweep} are one implementation, so one format, byte for byte. */
    @Test
    void theSweepExportIsTheClisSweepByteForByte() {
        WorkspaceViewModel vm = fresh();
        vm.position().sideProperty().set(Side.SHORT);
        vm.position().textProperty(InputField.ENTRY).set("61234.5");
        vm.position().textProperty(InputField.LEVERAGE).set("12.5");
        vm.charts().comparedProfiles().add(TestProfiles.get("okx-swap-btc"));
        io.liqlab.core.Position p = vm.position().positionProperty().get();
        ChartsViewModel.Curve first = vm.charts().chartsProperty().get().byLeverage().getFirst();
        String ids = String.join(",", vm.charts().chartsProperty().get().byLeverage().stream().map(ChartsViewModel.Curve::profileId).toList());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new io.liqlab.cli.Cli(new java.io.PrintWriter(out), new java.io.PrintWriter(err), TestProfiles::catalog).execute(new String[]{
                "sweep", "--venue", ids, "--side", "short", "--entry", new java.math.BigDecimal(p.entryPrice()).toPlainString(),
                "--qty", new java.math.BigDecimal(p.quantity()).toPlainString(), "--from", "1",
                "--to", io.liqlab.core.Numbers.plain(first.x()[first.length() - 1]), "--step", "0.1"});
        assertEquals(0, code, err.toString());
        String gui = vm.leverageSweepCsv();
        assertTrue(gui.lines().count() > 1_000, gui.lines().count() + " rows");
        assertEquals(out.toString(), gui);
    }

    @Test
    void aSessionTypedInGermanOpensTheSameInEnglish() {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.GERMANY);
            WorkspaceViewModel first = fresh();
            assertEquals("0,01", first.position().textProperty(InputField.FUNDING_RATE).get(), "the form shows German numbers");
            first.position().textProperty(InputField.ENTRY).set("61.234,5");
            assertEquals(61_234.5, first.position().positionProperty().get().entryPrice());
            WorkspaceState state = first.capture(0, 0, 1400, 900, false, 0);
            assertEquals("61234.5", state.inputs().get("ENTRY"), "stored locale-independent");
            assertEquals("0.01", state.inputs().get("FUNDING_RATE"));

            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.US);
            WorkspaceViewModel second = fresh();
            second.restore(state);
            assertEquals("61234.5", second.position().textProperty(InputField.ENTRY).get());
            assertEquals(61_234.5, second.position().positionProperty().get().entryPrice());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, before);
        }
    }

    @Test
    void theResultSaysHowOldItsVenuesDataIsByTheClockGiven() {
        LiquidationEngine engine = new LiquidationEngine();
        PositionViewModel p = new PositionViewModel(engine, TestProfiles.catalog().profiles());
        java.time.Clock december2026 = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T12:00:00Z"), java.time.ZoneOffset.UTC);
        WorkspaceViewModel vm = new WorkspaceViewModel(p, new ChartsViewModel(p, List.of("textbook")),
                new ComparisonViewModel(engine, TestProfiles.catalog().profiles(), p.positionProperty()), december2026);
        var binance = p.profiles().stream().filter(x -> x.id().equals("binance-usdm-btc")).findFirst().orElseThrow();
        p.profileProperty().set(binance);
        String asOf = binance.provenance().asOf();
        assertEquals("Data as of " + asOf + " (" + io.liqlab.ui.DataAge.age(asOf, december2026).orElseThrow() + ")", vm.dataAgeProperty().get());
        assertTrue(vm.dataOldProperty().get(), asOf + " is more than 30 days before 2026-12-07");

        java.time.Clock dayAfter = java.time.Clock.fixed(io.liqlab.ui.DataAge.parse(asOf).orElseThrow().plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC);
        WorkspaceViewModel fresh = new WorkspaceViewModel(p, new ChartsViewModel(p, List.of("textbook")),
                new ComparisonViewModel(engine, TestProfiles.catalog().profiles(), p.positionProperty()), dayAfter);
        assertEquals("Data as of " + asOf + " (1 day old)", fresh.dataAgeProperty().get());
        assertTrue(!fresh.dataOldProperty().get(), "a day old is current");
    }

    /** Issue 14 item 4: a remembered state whose curves leave out the form's venue still draws that venue. */
    @Test
    void restoringCurvesWithoutTheFormsVenueStillDrawsIt() {
        WorkspaceViewModel first = fresh();
        first.position().profileProperty().set(TestProfiles.get("bybit-linear-btc"));
        WorkspaceState saved = first.capture(0, 0, 1280, 720, false, 0);
        WorkspaceState older = new WorkspaceState(saved.x(), saved.y(), saved.width(), saved.height(), saved.maximized(),
                saved.theme(), saved.presentation(), saved.profileId(), saved.side(), saved.marginMode(), saved.sizeUnit(),
                saved.marginInput(), saved.inputs(), List.of("textbook", "binance-usdm-btc"), saved.tab(), saved.cascade());
        WorkspaceViewModel second = fresh();
        second.restore(older);
        assertTrue(second.charts().comparedProfiles().contains(TestProfiles.get("bybit-linear-btc")),
                second.charts().comparedProfiles().toString());
    }
}
