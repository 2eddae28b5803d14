package io.liqlab.ui;

import io.liqlab.ui.cascade.CascadeView;
import io.liqlab.ui.cascade.CascadeViewModel;
import io.liqlab.ui.cascade.EventLog;
import io.liqlab.ui.chart.ChartProbe;
import io.liqlab.ui.chart.TimeChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cascade tab in the real window, headless (Monocle), driven as a teacher would. */
class CascadeWindowTest extends AppWindowTest {
    private CascadeView view;
    private CascadeViewModel vm;

    @BeforeEach
    void openTheCascadeTab(FxRobot robot) throws Exception {
        robot.clickOn("#tab-cascade .tab-label");
        view = robot.lookup("#cascade").queryAs(CascadeView.class);
        vm = view.viewModel();
        waitFor(() -> vm.runCountProperty().get() >= 1 && !vm.runningProperty().get());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnTheClassroomRunWithTheModelNoteInSight(FxRobot robot) {
        assertEquals("classroom-small", vm.scenarioProperty().get().id());
        assertTrue(text(robot, "cascade-model-note").contains("teaching model"));
        assertTrue(text(robot, "cascade-summary").startsWith("Textbook: $"), text(robot, "cascade-summary"));
        assertEquals("00:00 / 10:00", text(robot, "cascade-time"));
        assertFalse(robot.lookup("#cascade-log").queryListView().getItems().isEmpty());
    }

    @Test
    void assumptionsOpenThroughTheAppsDialogServiceAndScroll(FxRobot robot) throws Exception {
        robot.clickOn("#cascade-assumptions");
        waitFor(() -> robot.lookup("#cascade-assumptions-dialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#cascade-assumptions-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertEquals(vm.scenarioProperty().get().name(), pane.getHeaderText());
        javafx.scene.control.TextArea area = (javafx.scene.control.TextArea) pane.getContent();
        assertEquals(vm.assumptionsText(), area.getText(), "the whole text, in a field that scrolls");
        assertFalse(area.isEditable());
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void theWhatIfTermsLinkToTheGlossary(FxRobot robot) {
        for (String id : List.of("cascade-adl", "cascade-leverage-mix")) {
            javafx.scene.Node control = robot.lookup("#" + id).query();
            javafx.scene.control.Label label = robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                    .filter(l -> l.getLabelFor() == control).findFirst().orElseThrow();
            assertTrue(label.getStyleClass().contains(io.liqlab.ui.learn.GlossaryLinks.STYLE_CLASS),
                    "the label of " + id + " is a glossary link: " + label.getText());
        }
    }

    @Test
    void playAdvancesFramesWithoutRedrawingTheCharts(FxRobot robot) throws Exception {
        List<TimeChart> charts = view.charts().charts();
        int[] before = charts.stream().mapToInt(ChartProbe::redrawCount).toArray();
        robot.interact(() -> vm.speedProperty().set(16));
        robot.clickOn("#cascade-play");
        waitFor(() -> vm.frameProperty().get() >= 20);
        assertTrue(vm.playingProperty().get());
        assertNotEquals("00:00 / 10:00", text(robot, "cascade-time"));
        assertEquals((double) vm.frameProperty().get(), robot.lookup("#cascade-scrubber").queryAs(Slider.class).getValue(), 16 * 0.2,
                "the scrubber follows playback");
        for (int i = 0; i < charts.size(); i++) {
            assertEquals(before[i], ChartProbe.redrawCount(charts.get(i)), "playback moves cursors, it does not redraw " + i);
        }
        robot.clickOn("#cascade-play");
    }

    /**
     * A tick of playback (what a frame at 8x shows) repaints, on each chart, a strip where its cursor moved, not the
     * part of the plot still to come (the renderer paints a changed node again at its old and its new bounds).
     */
    @Test
    void aTickOfPlaybackRepaintsAStripOfEachChart(FxRobot robot) throws Exception {
        List<TimeChart> charts = view.charts().charts();
        javafx.scene.Parent root = view.getScene().getRoot();
        for (int frame : new int[] {100, 101, 250, 420}) {
            List<String> report = new java.util.ArrayList<>();
            robot.interact(() -> {
                vm.scrub(frame);
                root.applyCss();
                root.layout();
                var before = RepaintProbe.capture(root);
                vm.scrub(frame + 1);
                root.applyCss();
                root.layout();
                List<javafx.geometry.Bounds> repainted = RepaintProbe.repainted(before, RepaintProbe.capture(root));
                for (TimeChart chart : charts) {
                    javafx.geometry.Bounds within = chart.localToScene(chart.getBoundsInLocal());
                    javafx.geometry.Bounds box = RepaintProbe.unionWithin(repainted, within);
                    if (box != null && box.getWidth() > 24) {
                        report.add(chart.getId() + " repainted " + box + " of " + within);
                    }
                }
            });
            assertTrue(report.isEmpty(), "frame " + frame + " to " + (frame + 1) + ": " + report);
        }
    }

    @Test
    void aNewRunAppearsOnAllFiveChartsInTheSamePulse(FxRobot robot) throws Exception {
        List<TimeChart> charts = view.charts().charts();
        int[] last = charts.stream().mapToInt(ChartProbe::dataPaintCount).toArray();
        int[] before = last.clone();
        // After every pulse: how many charts put newly painted data on screen since the pulse before. Handed over
        // chart by chart, a pulse would show 1..4 of them.
        java.util.List<Integer> changed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable pulse = () -> {
            int n = 0;
            for (int i = 0; i < charts.size(); i++) {
                int now = ChartProbe.dataPaintCount(charts.get(i));
                n += now != last[i] ? 1 : 0;
                last[i] = now;
            }
            if (n > 0) {
                changed.add(n);
            }
        };
        robot.interact(() -> {
            view.getScene().addPostLayoutPulseListener(pulse);
            vm.shockPercentProperty().set(vm.shockPercentProperty().get() - 1);
        });
        try {
            waitFor(() -> vm.runCountProperty().get() >= 2 && !vm.runningProperty().get()
                    && charts.stream().allMatch(c -> ChartProbe.dataPaintCount(c) > before[charts.indexOf(c)]));
            robot.interact(() -> { }); // one more pulse, so the last hand-over is counted
        } finally {
            robot.interact(() -> view.getScene().removePostLayoutPulseListener(pulse));
        }
        assertFalse(changed.isEmpty());
        assertTrue(changed.stream().allMatch(n -> n == charts.size()), "charts newly painted, per pulse: " + changed);
    }

    @Test
    void aNewRunsChartsStartPaintingInTheCallbackThatHandsTheRunOver(FxRobot robot) throws Exception {
        // Left to the next pulse's layout, every new run waited a frame, or more behind the pulse's other work, before
        // its five charts even began to paint.
        List<TimeChart> charts = view.charts().charts();
        List<String> notPainting = new java.util.concurrent.CopyOnWriteArrayList<>();
        int runs = vm.runCountProperty().get();
        javafx.util.Subscription[] watch = new javafx.util.Subscription[1];
        robot.interact(() -> {
            // Subscribed after the view's own subscriber: this sees the charts as the view left them.
            watch[0] = vm.runsProperty().subscribe((before, after) -> {
                for (TimeChart c : charts) {
                    if (!ChartProbe.dataPending(c)) {
                        notPainting.add(c.getId());
                    }
                }
            });
            vm.shockPercentProperty().set(vm.shockPercentProperty().get() - 1);
        });
        try {
            waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get()
                    && charts.stream().allMatch(TimeChart::isDrawn));
        } finally {
            robot.interact(() -> watch[0].unsubscribe());
        }
        assertEquals(List.of(), notPainting);
    }

    @Test
    void aQuickWhatIfReRunResizesNothingOnScreen(FxRobot robot) throws Exception {
        // A re-run of the classroom scenario takes a fraction of a second: it lists no task in the status bar (a row
        // there grew the bar, shrank every tab's content and redrew every chart, twice per run).
        List<javafx.scene.layout.Region> watched = new java.util.ArrayList<>(view.charts().charts());
        watched.add(robot.lookup("#status-bar").queryAs(javafx.scene.layout.Region.class));
        watched.add(view);
        List<String> resized = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<javafx.util.Subscription> subscriptions = new java.util.ArrayList<>();
        int runs = vm.runCountProperty().get();
        javafx.scene.Node taskButton = robot.lookup("#tasks").query();
        robot.interact(() -> {
            subscriptions.add(taskButton.visibleProperty().subscribe(shown -> {
                if (shown) {
                    resized.add("a task listed");
                }
            }));
            for (javafx.scene.layout.Region r : watched) {
                subscriptions.add(r.heightProperty().subscribe((a, b) -> resized.add(r.getId() + " " + a + " -> " + b)));
                subscriptions.add(r.widthProperty().subscribe((a, b) -> resized.add(r.getId() + " " + a + " -> " + b)));
            }
            vm.shockPercentProperty().set(vm.shockPercentProperty().get() - 1);
        });
        try {
            waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get()
                    && view.charts().charts().stream().allMatch(TimeChart::isDrawn));
        } finally {
            robot.interact(() -> subscriptions.forEach(javafx.util.Subscription::unsubscribe));
        }
        assertEquals(List.of(), resized);
    }

    @Test
    void theEventLogShowsTheNewRunsLinesAfterAWhatIfChange(FxRobot robot) throws Exception {
        ListView<EventLog.Entry> log = robot.lookup("#cascade-log").queryListView();
        String shockBefore = log.getItems().getFirst().text();
        int runs = vm.runCountProperty().get();
        robot.interact(() -> vm.shockPercentProperty().set(-9));
        waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get());
        robot.interact(() -> { }); // a pulse, so the list has laid its cells out
        assertEquals(vm.runsProperty().get().log(), log.getItems(), "the list holds the new run's lines");
        assertTrue(log.getItems().getFirst().text().contains("-9.0%"), log.getItems().getFirst().text());
        assertNotEquals(shockBefore, log.getItems().getFirst().text());
        // What is on screen: the cells show the new lines, each wrapped to the list's width (no side scrolling).
        List<javafx.scene.control.ListCell<?>> cells = robot.lookup("#cascade-log .list-cell").queryAll().stream()
                .<javafx.scene.control.ListCell<?>>map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.isVisible() && c.getItem() != null).toList();
        assertFalse(cells.isEmpty());
        for (javafx.scene.control.ListCell<?> c : cells) {
            assertEquals(((EventLog.Entry) c.getItem()).text(), c.getText());
            assertTrue(c.getWidth() <= log.getWidth(), "a line as wide as the list at most: " + c.getWidth() + " > " + log.getWidth());
        }
        assertTrue(cells.stream().anyMatch(c -> c.getText().contains("-9.0%")), "the shock's new line is in sight");
    }

    @Test
    void pauseHoldsTheFrame(FxRobot robot) throws Exception {
        robot.interact(() -> vm.speedProperty().set(8));
        robot.clickOn("#cascade-play");
        waitFor(() -> vm.frameProperty().get() >= 5);
        robot.clickOn("#cascade-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.playingProperty().get());
        int held = vm.frameProperty().get();
        String time = text(robot, "cascade-time");
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held, vm.frameProperty().get());
        assertEquals(time, text(robot, "cascade-time"));
    }

    @Test
    void stepButtonsAndKeysMoveOneTick(FxRobot robot) {
        robot.interact(() -> vm.scrub(100));
        robot.clickOn("#cascade-step-forward");
        assertEquals(101, vm.frameProperty().get());
        robot.clickOn("#cascade-step-back");
        robot.clickOn("#cascade-step-back");
        assertEquals(99, vm.frameProperty().get());
        robot.clickOn("#cascade-price-chart");
        robot.type(javafx.scene.input.KeyCode.HOME);
        assertEquals(0, vm.frameProperty().get());
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(1, vm.frameProperty().get());
    }

    @Test
    void scrubbingShowsTheFrameAskedFor(FxRobot robot) {
        Slider scrubber = robot.lookup("#cascade-scrubber").queryAs(Slider.class);
        robot.interact(() -> scrubber.setValue(250));
        assertEquals(250, vm.frameProperty().get());
        assertEquals("04:10 / 10:00", text(robot, "cascade-time"));
        double mid = vm.runsProperty().get().main().frames().get(io.liqlab.sim.FrameColumn.MID, 250);
        assertTrue(text(robot, "cascade-readout").startsWith("Mid " + io.liqlab.core.Numbers.price(mid)),
                text(robot, "cascade-readout"));
    }

    @Test
    void clickingAnEventLogLineJumpsThere(FxRobot robot) {
        ListView<EventLog.Entry> log = robot.lookup("#cascade-log").queryListView();
        EventLog.Entry second = log.getItems().get(1);
        robot.clickOn(robot.lookup("#cascade-log .list-cell").nth(1).queryAs(javafx.scene.Node.class));
        assertEquals(second.frame(), vm.frameProperty().get());
    }

    @Test
    void theVenueChoiceSaysHowOldItsDataIsAndFollowsTheVenue(FxRobot robot) throws Exception {
        Label age = robot.lookup("#cascade-data-age").queryAs(Label.class);
        List<io.liqlab.profile.VenueProfile> dated = vm.venues().stream()
                .filter(p -> DataAge.parse(p.provenance().asOf()).isPresent()).toList();
        assertTrue(dated.size() >= 2, "at least two venues with a dated table: " + dated);
        io.liqlab.profile.VenueProfile first = dated.get(0);
        io.liqlab.profile.VenueProfile second = dated.stream()
                .filter(p -> !p.provenance().asOf().equals(first.provenance().asOf())).findFirst().orElseThrow();
        robot.interact(() -> vm.venueProperty().set(first));
        WaitForAsyncUtils.waitForFxEvents();
        String firstText = age.getText();
        assertTrue(age.isVisible() && firstText.startsWith("Data as of " + first.provenance().asOf() + " ("), firstText);
        assertTrue(firstText.endsWith(" old)") || firstText.endsWith("today)"), firstText);
        robot.interact(() -> vm.venueProperty().set(second));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(age.getText().startsWith("Data as of " + second.provenance().asOf() + " ("), age.getText());
        assertNotEquals(firstText, age.getText());
        assertEquals(DataAge.isOld(second.provenance().asOf(), java.time.Clock.systemDefaultZone()),
                age.getPseudoClassStates().contains(DataAge.OLD), "amber exactly when the data is over a month old");
        vm.venues().stream().filter(p -> DataAge.parse(p.provenance().asOf()).isEmpty()).findFirst().ifPresent(undated -> {
            robot.interact(() -> vm.venueProperty().set(undated));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(age.isVisible(), "no date, no age line: " + age.getText());
        });
    }

    @Test
    void aWhatIfChangeRerunsInTheBackgroundAndUpdatesTheSummary(FxRobot robot) throws Exception {
        String before = text(robot, "cascade-summary");
        int runs = vm.runCountProperty().get();
        Slider shock = robot.lookup("#cascade-shock").queryAs(Slider.class);
        robot.interact(() -> shock.setValue(-12));
        waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get());
        assertNotEquals(before, text(robot, "cascade-summary"));
        assertEquals(-12, vm.runsProperty().get().main().scenario().driver().shock().percent());
        assertFalse(robot.lookup("#cascade-progress").queryAs(javafx.scene.control.ProgressBar.class).isVisible(),
                "the progress bar shows only while a run computes");
    }

    @Test
    void sideBySideShowsBothRunsAndTheirDifference(FxRobot robot) throws Exception {
        int runs = vm.runCountProperty().get();
        robot.clickOn("#cascade-compare");
        waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get());
        CascadeViewModel.Runs both = vm.runsProperty().get();
        assertNotNull(both.other());
        assertNotEquals(both.main().scenario().venue(), both.other().scenario().venue());
        Label difference = robot.lookup("#cascade-difference").queryAs(Label.class);
        assertTrue(difference.isVisible());
        assertTrue(difference.getText().contains(" vs Textbook: liquidated $"), difference.getText());
        robot.clickOn("#cascade-compare");
        waitFor(() -> vm.runsProperty().get().other() == null);
        assertFalse(robot.lookup("#cascade-difference").queryAs(Label.class).isVisible());
    }

    @Test
    void exportsWriteRealFiles(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(home, "export");
        Path csv = dir.resolve("run.csv");
        Path png = dir.resolve("view.png");
        Path slides = dir.resolve("slides");
        robot.interact(() -> vm.scrub(200));
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>> pending = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> pending.set(view.exportCsv(csv)));
        pending.get().get(20, TimeUnit.SECONDS);
        assertTrue(Files.readAllLines(csv).getFirst().startsWith("time,mid,mark,"));
        assertEquals(602, Files.readAllLines(csv).size(), "header and 601 frames");
        assertTrue(Files.readString(dir.resolve("run.heatmap.csv")).startsWith("time,p"));
        robot.interact(() -> pending.set(view.exportPng(png)));
        pending.get().get(20, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 800 && image.getHeight() > 400, image.getWidth() + "x" + image.getHeight());
        robot.interact(() -> pending.set(view.exportImageSequence(slides, 100)));
        pending.get().get(60, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.list(slides)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("cascade-0001.png", "cascade-0002.png", "cascade-0003.png", "cascade-0004.png",
                    "cascade-0005.png", "cascade-0006.png", "cascade-0007.png"), names, "frames 0, 100 .. 600; no temporary files left");
        }
        assertNotNull(ImageIO.read(slides.resolve("cascade-0007.png").toFile()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(200, vm.frameProperty().get(), "the frame on screen before the sequence comes back");
        assertTrue(text(robot, "cascade-export-status").startsWith("Image sequence written to"), text(robot, "cascade-export-status"));
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhyAndLeavesNoFile(FxRobot robot) throws Exception {
        Path blocker = Files.createTempFile(home, "not-a-folder", ".txt");
        Path csv = blocker.resolve("run.csv");
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>> pending = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> pending.set(view.exportCsv(csv)));
        try {
            pending.get().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            // reported in the status line
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "cascade-export-status").startsWith("Export failed: "), text(robot, "cascade-export-status"));
        assertFalse(Files.exists(csv));
    }

    @Test
    void aFocusedWhatIfSliderKeepsItsArrowKeysAndMovesInHalfPercentSteps(FxRobot robot) throws Exception {
        robot.interact(() -> vm.scrub(100));
        Slider shock = robot.lookup("#cascade-shock").queryAs(Slider.class);
        robot.clickOn(robot.lookup("#cascade-shock .thumb").queryAs(javafx.scene.Node.class));
        assertTrue(shock.isFocused(), "clicking the thumb focuses the slider");
        double before = vm.shockPercentProperty().get();
        int runs = vm.runCountProperty().get();
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(100, vm.frameProperty().get(), "Right moved the slider, not playback");
        assertEquals(before + 0.5, vm.shockPercentProperty().get(), 1e-12);
        waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get());
        robot.drag(robot.lookup("#cascade-shock .thumb").queryAs(javafx.scene.Node.class)).moveBy(-25, 0).drop();
        waitFor(() -> !vm.runningProperty().get());
        double dragged = vm.shockPercentProperty().get();
        assertTrue(dragged < before, "dragged left: " + dragged);
        assertEquals(Math.rint(dragged * 2) / 2, dragged, 0, "on a half-percent step: " + dragged);
        assertEquals(dragged, shock.getValue(), 0);
        assertEquals(dragged, vm.capture().shockPercent(), 0, "stored as shown");
    }

    @Test
    void theViewPngIsTakenBeforeTheStatusSaysItIsBeingWritten(FxRobot robot) throws Exception {
        Path png = Files.createTempDirectory(home, "png").resolve("cascade-export.png");
        Label status = robot.lookup("#cascade-export-status").queryAs(Label.class);
        assertEquals("", status.getText());
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>> pending = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> pending.set(view.exportPng(png)));
        pending.get().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status.getText().startsWith("View written to"), status.getText());
        // Where the status line sits now (right-aligned, wider than "Writing cascade-export.png..."), the image shows
        // nothing but the background.
        javafx.geometry.Bounds b = view.sceneToLocal(status.localToScene(status.getBoundsInLocal()));
        Label readout = robot.lookup("#cascade-readout").queryAs(Label.class);
        // The readout's full width: squeezed now by the long status, it had its whole line when the image was taken.
        double readoutEnd = view.sceneToLocal(readout.localToScene(readout.getBoundsInLocal())).getMinX() + readout.prefWidth(-1);
        BufferedImage image = ImageIO.read(png.toFile());
        int background = image.getRGB((int) b.getMaxX() - 2, (int) b.getMinY() + 1);
        int differing = 0;
        for (int y = (int) Math.ceil(b.getMinY()); y < (int) b.getMaxY() && y < image.getHeight(); y++) {
            for (int x = (int) Math.ceil(Math.max(b.getMinX(), readoutEnd + 2)); x < (int) b.getMaxX() && x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    differing++;
                }
            }
        }
        assertEquals(0, differing, "no status text in the exported image at " + b);
    }

    @Test
    void october10thOpensOnItsActionAndTheChartsZoomAndPan(FxRobot robot) throws Exception {
        int runs = vm.runCountProperty().get();
        robot.interact(() -> vm.scenarioProperty().set(vm.scenarios().stream()
                .filter(s -> s.id().equals("2025-10-10")).findFirst().orElseThrow()));
        waitFor(() -> vm.runCountProperty().get() > runs && !vm.runningProperty().get());
        TimeChart price = robot.lookup("#cascade-price-chart").queryAs(TimeChart.class);
        Slider scrubber = robot.lookup("#cascade-scrubber").queryAs(Slider.class);
        double span = vm.viewToProperty().get() - vm.viewFromProperty().get();
        assertTrue(span <= 600, "minutes, not the hour: " + span);
        assertEquals(vm.viewToProperty().get(), price.visibleTo(), 1e-9, "the charts show that range");
        assertTrue(scrubber.getMax() - scrubber.getMin() <= 600, "the scrubber spans it too: " + scrubber.getMin() + ".." + scrubber.getMax());
        assertTrue(span / vm.speedProperty().get() < 60, "played in under a minute at " + vm.speedProperty().get() + "x");

        // The wheel turned away from you once, over the middle of the plot (delta as GTK reports it).
        robot.interact(() -> price.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                price.getWidth() / 2, price.getHeight() / 2, 0, 0, false, false, false, false, false, false, 0, 40, 0, 40,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.LINES, 1, 0, null)));
        double zoomed = vm.viewToProperty().get() - vm.viewFromProperty().get();
        assertEquals(span * 0.8, zoomed, 1e-6, "the wheel zooms in");
        double from = vm.viewFromProperty().get();
        robot.press(javafx.scene.input.KeyCode.SHIFT).drag(price).moveBy(-100, 0).drop().release(javafx.scene.input.KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.viewFromProperty().get() > from, "Shift+drag to the left pans later: " + from + " -> " + vm.viewFromProperty().get());
        assertEquals(zoomed, vm.viewToProperty().get() - vm.viewFromProperty().get(), 1e-6, "panning keeps the length");
        robot.clickOn("#cascade-view-whole");
        assertEquals(3600, price.visibleTo() - price.visibleFrom(), 1e-9);
        robot.clickOn(price);
        robot.type(javafx.scene.input.KeyCode.A);
        assertEquals(span, vm.viewToProperty().get() - vm.viewFromProperty().get(), 1e-9, "A: back to the action");
        robot.type(javafx.scene.input.KeyCode.UP);
        assertEquals(span / 2, vm.viewToProperty().get() - vm.viewFromProperty().get(), 1e-9, "Up zooms in");
    }
}
