package io.liqlab.ui.cascade;

import io.liqlab.profile.VenueProfile;
import io.liqlab.report.FramesCsv;
import io.liqlab.sim.FrameColumn;
import io.liqlab.sim.Scenario;
import io.liqlab.ui.Forms;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The cascade playback pane: five synchronised charts, playback controls, the what-if panel, the event log and
 * the teaching-model note. One {@link AnimationTimer} drives playback (and reads a running re-run's progress) while
 * the pane is shown and something moves; each frame only moves chart cursors and updates a few labels.
 */
public final class CascadeView extends BorderPane {

    private static final javafx.css.PseudoClass PLAYING = javafx.css.PseudoClass.getPseudoClass("playing");

    private final CascadeViewModel vm;
    private final io.liqlab.ui.task.TaskExecutor tasks;
    private final io.liqlab.ui.shell.Dialogs dialogs;
    private final CascadeCharts charts;
    /** The phase map and the seed band: their toggles, and the map in the charts' place. */
    private final CascadeExplore explore;
    /** The what-if form, for linking its terms: it sits in a scroll pane, which a lookup only enters once shown. */
    private javafx.scene.layout.GridPane whatIfForm;
    private final Slider scrubber = new Slider(0, 1, 0);
    private final ListView<EventLog.Entry> logList = new ListView<>();
    private final Label exportStatus = new Label();
    private final Label readout = new Label();
    private boolean settingScrubber;
    private int logIndex = -1;
    private boolean exporting;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.pulse();
            if (!vm.playingProperty().get() && !vm.runningProperty().get()) {
                stop();
                timerRunning = false;
            }
        }
    };
    private boolean timerRunning;

    /**
     * @param chartFontScale the charts' text size (2 in presentation mode; their colours follow the stylesheet)
     * @param tasks          where exports encode and write files ({@link CascadeExports}), each a task of its own
     * @param dialogs        the app's one dialog service (where to export, the scenario's assumptions)
     */
    public CascadeView(CascadeViewModel vm, ObservableValue<? extends Number> chartFontScale, io.liqlab.ui.task.TaskExecutor tasks,
                       io.liqlab.ui.shell.Dialogs dialogs) {
        this.vm = vm;
        this.tasks = tasks;
        this.dialogs = dialogs;
        setId("cascade");
        getStyleClass().add("cascade");
        charts = new CascadeCharts(chartFontScale, second -> vm.scrub(vm.frameAtSecond(second)), 
                chart -> tasks.serial("liqlab-chart-paint-" + chart));
        explore = new CascadeExplore(vm, charts, this::setCenter);

        VBox top = new VBox(header(), controls(), readoutRow());
        setTop(top);
        BorderPane.setMargin(charts, new Insets(0, 6, 6, 8));
        setCenter(charts);
        setRight(sidePanel(chartFontScale));

        vm.runsProperty().subscribe(r -> {
            if (r != null) {
                // The time range first: the charts draw the new run at once, in the range it opens on (set after,
                // a first run's charts were drawn twice, once over the whole run).
                showWindow();
                charts.show(r);
                showFrame(vm.frameProperty().get());
            }
        });
        vm.viewFromProperty().subscribe(v -> showWindow());
        vm.viewToProperty().subscribe(v -> showWindow());
        charts.setNavigation((factor, second) -> vm.zoom(factor, second),
                seconds -> vm.setView(vm.viewFromProperty().get() + seconds, vm.viewToProperty().get() + seconds));
        vm.frameProperty().subscribe(f -> showFrame(f.intValue()));
        vm.playingProperty().subscribe(p -> wake());
        vm.runningProperty().subscribe(p -> wake());
        vm.activeProperty().subscribe(a -> wake());
        sceneProperty().subscribe(s -> wake());

        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // Clicking a chart takes the focus into the pane, so Space and the arrows work on it. On release: the tab
        // pane takes the focus itself on every press inside it.
        charts.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> charts.requestFocus());
    }

    /** Starts the frame timer when the pane is shown and something moves; it stops itself when nothing does. */
    private void wake() {
        boolean wanted = getScene() != null && vm.activeProperty().get()
                && (vm.playingProperty().get() || vm.runningProperty().get());
        if (wanted && !timerRunning) {
            timerRunning = true;
            timer.start();
        } else if (!wanted && timerRunning) {
            timer.stop();
            timerRunning = false;
        }
    }

    /** The charts and the scrubber over the time range the view-model shows. */
    private void showWindow() {
        if (vm.runsProperty().get() == null) {
            return;
        }
        double from = vm.viewFromProperty().get();
        double to = vm.viewToProperty().get();
        charts.setWindow(from, to);
        settingScrubber = true; // a new range clamps the thumb: that is not a jump the user asked for
        try {
            int lo = vm.frameAtSecond(from);
            int hi = Math.max(lo + 1, vm.frameAtSecond(to));
            scrubber.setMin(Math.min(lo, scrubber.getMax()));
            scrubber.setMax(hi);
            scrubber.setMin(lo);
            scrubber.setValue(vm.frameProperty().get());
        } finally {
            settingScrubber = false;
        }
    }

    private void showFrame(int frame) {
        CascadeViewModel.Runs r = vm.runsProperty().get();
        if (r == null) {
            return;
        }
        int f = Math.min(frame, r.main().frames().size() - 1);
        charts.setCursor(r.main().frames().get(FrameColumn.TIME, f));
        settingScrubber = true;
        scrubber.setValue(f);
        settingScrubber = false;
        // The log line in force at this frame, selected only when it changes.
        int index = lastEntryAtOrBefore(f);
        if (index != logIndex) {
            logIndex = index;
            if (index < 0) {
                logList.getSelectionModel().clearSelection();
            } else {
                logList.getSelectionModel().select(index);
                // In sight whether playing or jumped to (a guided example, Home/End), a little below the top.
                logList.scrollTo(Math.max(0, index - 2));
            }
        }
    }

    private int lastEntryAtOrBefore(int frame) {
        var items = logList.getItems();
        int lo = 0;
        int hi = items.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (items.get(mid).frame() <= frame) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    // ---- layout ------------------------------------------------------------------------------------------------

    private Node header() {
        ComboBox<Scenario> scenario = new ComboBox<>(vm.scenarios());
        scenario.setId("cascade-scenario");
        scenario.valueProperty().bindBidirectional(vm.scenarioProperty());
        scenario.setConverter(Forms.shown(Scenario::name));
        scenario.setTooltip(new Tooltip(Text.get("cascade.scenarioTip")));
        Label note = new Label(Text.get("cascade.modelNote"));
        note.setId("cascade-model-note");
        note.getStyleClass().add(Styles.STAND_IN_BANNER);
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(note, Priority.ALWAYS);
        Button assumptions = new Button(Text.get("cascade.assumptions"));
        assumptions.setId("cascade-assumptions");
        assumptions.setTooltip(new Tooltip(Text.get("cascade.assumptionsTip")));
        assumptions.setOnAction(e -> {
            dialogs.inform("cascade-assumptions-dialog", Text.get("cascade.assumptions.title"),
                    vm.scenarioProperty().get() == null ? "" : vm.scenarioProperty().get().name(), vm.assumptionsText());
        });
        Label scenarioLabel = new Label(Text.get("cascade.scenario"));
        scenarioLabel.setLabelFor(scenario);
        scenarioLabel.setMinWidth(USE_PREF_SIZE);
        assumptions.setMinWidth(USE_PREF_SIZE);
        scenario.setMinWidth(180);
        Pane grow = new Pane();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, scenarioLabel, scenario, note, assumptions, grow, explore.bandToggle(), explore.bandStatus(),
                explore.mapToggle());
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 8, 4, 8));
        return row;
    }

    private Node controls() {
        Button back = new Button("◀|");
        back.setId("cascade-step-back");
        back.setTooltip(new Tooltip(Text.get("cascade.stepBackTip")));
        back.setOnAction(e -> vm.step(-1));
        // A plain button: a toggle bound to the playing state could not be clicked (firing sets its bound value).
        Button play = new Button();
        play.setId("cascade-play");
        play.setMinWidth(USE_PREF_SIZE);
        play.textProperty().bind(vm.playingProperty().map(p -> Text.get(p ? "cascade.pause" : "cascade.play")));
        vm.playingProperty().subscribe(p -> play.pseudoClassStateChanged(PLAYING, p));
        play.setTooltip(new Tooltip(Text.get("cascade.playTip")));
        play.setOnAction(e -> vm.togglePlay());
        Button forward = new Button("|▶");
        forward.setId("cascade-step-forward");
        forward.setTooltip(new Tooltip(Text.get("cascade.stepForwardTip")));
        forward.setOnAction(e -> vm.step(1));
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("cascade-speed");
        for (double s : PlaybackClock.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(Forms.shown(v -> io.liqlab.ui.LocalNumbers.plain(v) + "x"));
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().subscribe(v -> {
            if (v != null) {
                vm.speedProperty().set(v);
            }
        });
        vm.speedProperty().subscribe(v -> speed.setValue(v.doubleValue()));
        speed.setTooltip(new Tooltip(Text.get("cascade.speedTip")));
        ToggleButton loop = new ToggleButton(Text.get("cascade.loop"));
        loop.setId("cascade-loop");
        loop.selectedProperty().bindBidirectional(vm.loopProperty());
        loop.setTooltip(new Tooltip(Text.get("cascade.loopTip")));
        scrubber.setId("cascade-scrubber");
        scrubber.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().subscribe(v -> {
            if (!settingScrubber) {
                vm.scrub((int) Math.round(v.doubleValue()));
            }
        });
        Label time = new Label();
        time.setId("cascade-time");
        time.getStyleClass().add("cascade-time");
        time.setMinWidth(USE_PREF_SIZE);
        time.textProperty().bind(vm.timeProperty());
        MenuButton export = new MenuButton(Text.get("cascade.export"));
        export.setId("cascade-export");
        MenuItem csv = new MenuItem(Text.get("cascade.export.framesCsv"));
        csv.setOnAction(e -> dialogs.chooseSaveFile("cascade-frames.csv", Text.get("workspace.file.csvType"), "*.csv")
                .ifPresent(this::exportCsv));
        MenuItem png = new MenuItem(Text.get("cascade.export.viewPng"));
        png.setOnAction(e -> dialogs.chooseSaveFile("cascade.png", Text.get("workspace.file.pngType"), "*.png").ifPresent(this::exportPng));
        MenuItem sequence = new MenuItem(Text.get("cascade.export.sequence"));
        sequence.setOnAction(e -> {
            dialogs.chooseFolder(Text.get("cascade.export.sequenceFolder")).ifPresent(dir -> exportImageSequence(dir, 60));
        });
        export.getItems().addAll(csv, png, sequence);
        Button action = new Button(Text.get("cascade.view.action"));
        action.setId("cascade-view-action");
        action.setMinWidth(USE_PREF_SIZE);
        action.setTooltip(new Tooltip(Text.get("cascade.view.actionTip")));
        action.setOnAction(e -> vm.showAction());
        Button whole = new Button(Text.get("cascade.view.whole"));
        whole.setId("cascade-view-whole");
        whole.setMinWidth(USE_PREF_SIZE);
        whole.setTooltip(new Tooltip(Text.get("cascade.view.wholeTip")));
        whole.setOnAction(e -> vm.showWholeRun());
        HBox row = new HBox(6, back, play, forward, new Label(Text.get("cascade.speed")), speed, loop, scrubber, time,
                action, whole, export);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 8, 4, 8));
        // The time ticks and the scrubber moves while playing: that lays out this row, not the whole tab.
        return new io.liqlab.ui.LayoutBoundary(row);
    }

    private Node readoutRow() {
        readout.setId("cascade-readout");
        readout.getStyleClass().add("cascade-readout");
        readout.textProperty().bind(vm.readoutProperty());
        readout.setMinWidth(0);
        exportStatus.setId("cascade-export-status");
        exportStatus.getStyleClass().add(Styles.SUBTITLE);
        exportStatus.setMinWidth(0);
        Pane grow = new Pane();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, readout, grow, exportStatus);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 8, 4, 10));
        // The readout changes with every tick played: that lays out this row, not the whole tab.
        return new io.liqlab.ui.LayoutBoundary(row);
    }

    private Node sidePanel(ObservableValue<? extends Number> chartFontScale) {
        Forms form = new Forms();
        whatIfForm = form.grid();
        Label title = new Label(Text.get("cascade.whatIf"));
        title.getStyleClass().add(Styles.SECTION);
        form.span(title);
        ComboBox<VenueProfile> venue = venueBox(vm.venueProperty());
        venue.setId("cascade-venue");
        form.add(Text.get("cascade.venue"), venue, venue);
        // How old the chosen venue's table is, as on the Position card and the Compare table (amber past a month).
        java.time.Clock today = java.time.Clock.systemDefaultZone();
        form.span(io.liqlab.ui.DataAge.label("cascade-data-age",
                vm.venueProperty().map(p -> io.liqlab.ui.DataAge.lineOrEmpty(p.provenance().asOf(), today)).orElse(""),
                vm.venueProperty().map(p -> io.liqlab.ui.DataAge.isOld(p.provenance().asOf(), today)).orElse(false)));
        Slider shock = slider("cascade-shock", -CascadeViewModel.MAX_SHOCK_PERCENT, CascadeViewModel.MAX_SHOCK_PERCENT, vm.shockPercentProperty(), CascadeViewModel.SHOCK_STEPS_PER_PERCENT);
        form.add(Text.get("cascade.shock"), withValue(shock, vm.shockPercentProperty().map(v -> (v.doubleValue() > 0 ? "+" : "") + io.liqlab.ui.LocalNumbers.percent(v.doubleValue(), 1))), shock);
        Slider depth = slider("cascade-depth", CascadeViewModel.MIN_DEPTH_MULTIPLIER, CascadeViewModel.MAX_DEPTH_MULTIPLIER, vm.depthMultiplierProperty(), CascadeViewModel.DEPTH_STEPS_PER_UNIT);
        form.add(Text.get("cascade.depth"), withValue(depth, vm.depthMultiplierProperty().map(v -> io.liqlab.ui.LocalNumbers.fixed(v.doubleValue(), 2) + "x")), depth);
        ChoiceBox<CascadeViewModel.LeverageMix> mix = new ChoiceBox<>();
        mix.setId("cascade-leverage-mix");
        mix.getItems().setAll(CascadeViewModel.LeverageMix.values());
        mix.valueProperty().bindBidirectional(vm.leverageMixProperty());
        form.add(Text.get("cascade.leverage"), mix, mix);
        Slider longShare = slider("cascade-long-share", 0, 1, vm.longShareProperty(), CascadeViewModel.LONG_SHARE_STEPS_PER_UNIT);
        form.add(Text.get("cascade.longShare"), withValue(longShare, vm.longShareProperty().map(v -> io.liqlab.ui.LocalNumbers.percent(v.doubleValue() * 100, 0))), longShare);
        ComboBox<Integer> positions = new ComboBox<>();
        positions.setId("cascade-positions");
        positions.getItems().setAll(CascadeViewModel.POPULATIONS);
        positions.setConverter(Forms.shown(n -> io.liqlab.ui.LocalNumbers.fixed(n, 0)));
        vm.positionsProperty().subscribe(n -> {
            if (!positions.getItems().contains(n.intValue())) {
                positions.getItems().add(n.intValue());
                positions.getItems().sort(null);
            }
            positions.setValue(n.intValue());
        });
        positions.valueProperty().subscribe(n -> {
            if (n != null) {
                vm.positionsProperty().set(n);
            }
        });
        form.add(Text.get("cascade.positions"), positions, positions);
        CheckBox partial = new CheckBox(Text.get("cascade.partial"));
        partial.setId("cascade-partial");
        partial.selectedProperty().bindBidirectional(vm.partialLiquidationProperty());
        CheckBox backstop = new CheckBox(Text.get("cascade.backstop"));
        backstop.setId("cascade-backstop");
        backstop.selectedProperty().bindBidirectional(vm.backstopProperty());
        form.add(Text.get("cascade.rules"), new VBox(4, partial, backstop), partial);
        ChoiceBox<Scenario.AdlMode> adl = new ChoiceBox<>();
        adl.setId("cascade-adl");
        adl.getItems().setAll(Scenario.AdlMode.values());
        adl.setConverter(Forms.shown(m -> Text.get(switch (m) {
            case VENUE -> "cascade.adl.venue";
            case PRO_RATA -> "cascade.adl.proRata";
            case OFF -> "cascade.adl.off";
        })));
        adl.valueProperty().bindBidirectional(vm.adlProperty());
        form.add(Text.get("cascade.adl"), adl, adl);
        CheckBox sideBySide = new CheckBox(Text.get("cascade.sideBySide"));
        sideBySide.setId("cascade-compare");
        sideBySide.selectedProperty().bindBidirectional(vm.sideBySideProperty());
        ComboBox<VenueProfile> other = venueBox(vm.compareVenueProperty());
        other.setId("cascade-compare-venue");
        other.disableProperty().bind(vm.sideBySideProperty().not());
        form.span(new VBox(4, sideBySide, other));

        ProgressBar progress = new ProgressBar();
        progress.setId("cascade-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.progressShownProperty());
        Label status = new Label();
        status.setId("cascade-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label summary = new Label();
        summary.setId("cascade-summary");
        summary.setWrapText(true);
        // Wrapped lines grow the label rather than ending in "...": the summary is what a teacher reads out.
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());
        Label difference = new Label();
        difference.setId("cascade-difference");
        difference.setWrapText(true);
        difference.getStyleClass().add("cascade-difference");
        difference.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        difference.textProperty().bind(vm.differenceProperty());
        difference.managedProperty().bind(vm.differenceProperty().isNotEmpty());
        difference.visibleProperty().bind(vm.differenceProperty().isNotEmpty());

        VBox what = new VBox(6, form.grid());
        what.setPadding(new Insets(4, 8, 8, 8));
        // The run's outcome stays in sight whatever the what-if form's scroll position.
        // The bar moves on every frame of a run: that lays out the bar alone.
        VBox outcome = new VBox(4, new io.liqlab.ui.LayoutBoundary(progress), status, summary, difference);
        outcome.setPadding(new Insets(4, 8, 6, 8));
        ScrollPane scroll = new ScrollPane(what);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");

        Label logTitle = new Label(Text.get("cascade.log.title"));
        logTitle.getStyleClass().add(Styles.SECTION);
        logList.setId("cascade-log");
        logList.setItems(vm.log());
        logList.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                // As wide as the list shows, however long the line: it wraps. (Bound to the list's width less a guess
                // at the scroll bar, the cells were measured at one width and laid out at another, and the list laid
                // itself out again on every frame.)
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(EventLog.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
            }
        });
        logList.setOnMouseClicked(e -> {
            EventLog.Entry entry = logList.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && entry != null) {
                vm.scrub(entry.frame());
            }
        });
        logList.setPlaceholder(new Label(Text.get("cascade.log.empty")));
        // A new run's lines, and the line selected and scrolled to as playback moves, lay out the list alone: its size
        // is set here, not by its lines.
        io.liqlab.ui.LayoutBoundary logArea = new io.liqlab.ui.LayoutBoundary(logList);
        VBox logBox = new VBox(4, logTitle, logArea);
        VBox.setVgrow(logArea, Priority.ALWAYS);
        logBox.setPadding(new Insets(0, 8, 8, 8));

        // The form is measured again only when it changes (a slider's value), not whenever the outcome below it does;
        // the outcome is laid out alone unless its wrapped lines change in number.
        io.liqlab.ui.LayoutBoundary formArea = new io.liqlab.ui.LayoutBoundary(scroll);
        io.liqlab.ui.LayoutBoundary outcomeArea = new io.liqlab.ui.LayoutBoundary(outcome);
        VBox side = new VBox(formArea, outcomeArea, logBox);
        VBox.setVgrow(logBox, Priority.ALWAYS);
        scroll.setMaxHeight(USE_PREF_SIZE);
        formArea.setMaxHeight(USE_PREF_SIZE);
        logList.setMinHeight(140);
        // Its own preferred height (400) would squeeze the what-if form; it takes what is left instead.
        logList.setPrefHeight(160);
        side.getStyleClass().add("cascade-side");
        side.prefWidthProperty().bind(chartFontScale.map(s -> s.doubleValue() > 1 ? 500.0 : 370.0));
        side.minWidthProperty().bind(side.prefWidthProperty());
        return side;
    }

    private ComboBox<VenueProfile> venueBox(javafx.beans.property.ObjectProperty<VenueProfile> property) {
        ComboBox<VenueProfile> box = new ComboBox<>(vm.venues());
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().bindBidirectional(property);
        box.setConverter(Forms.shown(VenueProfile::name));
        return box;
    }

    /**
     * A what-if slider in steps of {@code 1 / stepsPerUnit}: what it hands the view-model is always on a step (a drag
     * of a few pixels gave -12.894736842105264% before), and the arrow keys move it one step.
     */
    private static Slider slider(String id, double min, double max, javafx.beans.property.DoubleProperty value,
                                 double stepsPerUnit) {
        Slider s = new Slider(min, max, value.get());
        s.setId(id);
        double step = 1 / stepsPerUnit;
        s.setBlockIncrement(step);
        boolean[] syncing = new boolean[1];
        s.valueProperty().subscribe(v -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    double snapped = CascadeViewModel.snap(v.doubleValue(), stepsPerUnit);
                    value.set(snapped);
                    s.setValue(snapped); // the thumb moves in steps too
                } finally {
                    syncing[0] = false;
                }
            }
        });
        value.subscribe(v -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    s.setValue(v.doubleValue());
                } finally {
                    syncing[0] = false;
                }
            }
        });
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    private static Node withValue(Slider slider, ObservableValue<String> text) {
        Label value = new Label();
        value.textProperty().bind(text);
        value.setMinWidth(USE_PREF_SIZE);
        value.getStyleClass().add("slider-value");
        HBox box = new HBox(6, slider, value);
        HBox.setHgrow(slider, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ---- keyboard ----------------------------------------------------------------------------------------------

    private void shortcut(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        // A focused what-if slider keeps its own keys (the scrubber is playback: its arrows step the run).
        if (e.getTarget() instanceof Slider s && s != scrubber && switch (e.getCode()) {
            case LEFT, RIGHT, UP, DOWN, HOME, END, KP_LEFT, KP_RIGHT, KP_UP, KP_DOWN -> true;
            default -> false;
        }) {
            return;
        }
        // Lists and choosers keep Up and Down for their items.
        if ((e.getTarget() instanceof ListView<?> || e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?>
                || e.getTarget() instanceof ChoiceBox<?>) && (e.getCode() == javafx.scene.input.KeyCode.UP
                || e.getCode() == javafx.scene.input.KeyCode.DOWN)) {
            return;
        }
        switch (e.getCode()) {
            case SPACE -> vm.togglePlay();
            case LEFT -> {
                if (e.isShiftDown()) {
                    vm.pan(-0.25);
                } else {
                    vm.step(-1);
                }
            }
            case RIGHT -> {
                if (e.isShiftDown()) {
                    vm.pan(0.25);
                } else {
                    vm.step(1);
                }
            }
            case UP -> vm.zoomAtCursor(0.5);
            case DOWN -> vm.zoomAtCursor(2);
            case A -> vm.showAction();
            case W -> vm.showWholeRun();
            // The start and end of the time range on screen (the whole run after W).
            case HOME -> vm.scrub(vm.frameAtSecond(vm.viewFromProperty().get()));
            case END -> vm.scrub(vm.frameAtSecond(vm.viewToProperty().get()));
            case PLUS, ADD, EQUALS -> vm.nudgeSpeed(1);
            case MINUS, SUBTRACT -> vm.nudgeSpeed(-1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---- export ------------------------------------------------------------------------------------------------

    /** Writes the current run's frames (and the heatmap beside them) as CSV, off the FX thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        CascadeViewModel.Runs r = vm.runsProperty().get();
        if (r == null) {
            return failed(Text.get("cascade.export.nothingYet"));
        }
        exportStatus.setText(Text.format("cascade.export.writing", file.getFileName()));
        return report(inBackground(file, () -> CascadeExports.writeFrames(r.main().frames(), file)),
                Text.format("cascade.export.framesWritten", file, FramesCsv.heatmapPath(file).getFileName()));
    }

    /** The what-if form (the controls and their labels). */
    public javafx.scene.Parent whatIfForm() {
        return whatIfForm;
    }

    /** Writes the pane as it is on screen as a PNG. */
    public CompletableFuture<Path> exportPng(Path file) {
        // Taken once the run in progress has finished and the charts show its data (painted on another thread after
        // a run or a resize): taken at once, it showed the previous run, and the file came only after the run on the
        // one background thread, with nothing said meanwhile (the "first click did nothing"). The status says at once
        // that the export is under way, and is blank in the image itself.
        exportStatus.setText(Text.format(vm.runningProperty().get() ? "cascade.export.waitingForRun" : "cascade.export.writing",
                file.getFileName()));
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        afterRun(() -> charts.whenDrawn(() -> {
            try {
                exportStatus.setText("");
                shot.complete(snapshot(null, null));
                exportStatus.setText(Text.format("cascade.export.writing", file.getFileName()));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        }));
        return report(shot.thenCompose(image -> inBackground(file, () -> CascadeExports.writePng(image, file))),
                Text.format("cascade.export.viewWritten", file));
    }

    /** Runs {@code action} on the FX thread once no cascade run is in progress (at once when none is). */
    private void afterRun(Runnable action) {
        if (!vm.runningProperty().get()) {
            action.run();
            return;
        }
        javafx.util.Subscription[] once = new javafx.util.Subscription[1];
        once[0] = vm.runningProperty().subscribe(running -> {
            if (!running && once[0] != null) {
                once[0].unsubscribe();
                action.run();
            }
        });
    }

    /**
     * Writes every {@code every}-th frame of the run, and the last, as numbered PNGs of the charts
     * ({@code cascade-0001.png}, ...) into {@code folder}: one snapshot per pulse, each encoded off the FX thread
     * before the next is taken, so the pane stays responsive and memory stays flat. Playback pauses; the frame shown
     * before comes back at the end.
     */
    public CompletableFuture<Path> exportImageSequence(Path folder, int every) {
        CascadeViewModel.Runs r = vm.runsProperty().get();
        if (r == null) {
            return failed(Text.get("cascade.export.nothingYet"));
        }
        if (exporting) {
            return failed(Text.get("cascade.export.busy"));
        }
        try {
            CascadeExports.createFolder(folder);
        } catch (IOException e) {
            return failed(Text.format("cascade.export.cannotCreate", folder, e.getMessage()));
        }
        exporting = true;
        vm.pause();
        int back = vm.frameProperty().get();
        int last = r.main().frames().size() - 1;
        int step = Math.max(1, every);
        int count = last / step + (last % step == 0 ? 1 : 2);
        CompletableFuture<Path> done = new CompletableFuture<>();
        charts.whenDrawn(() -> sequenceStep(folder, 0, 0, step, last, count, back, done));
        return report(done, Text.format("cascade.export.sequenceWritten", folder, String.valueOf(count)));
    }

    private void sequenceStep(Path folder, int frame, int index, int step, int last, int count, int back,
                              CompletableFuture<Path> done) {
        vm.scrub(frame);
        exportStatus.setText(Text.format("cascade.export.image", String.valueOf(index + 1), String.valueOf(count)));
        WritableImage image;
        try {
            image = charts.snapshot(null, null);
        } catch (RuntimeException e) {
            exporting = false;
            vm.scrub(back);
            done.completeExceptionally(e);
            return;
        }
        Path file = folder.resolve(String.format(Locale.ROOT, "cascade-%04d.png", index + 1));
        inBackground(file, () -> CascadeExports.writePng(image, file)).whenComplete((ok, error) -> Platform.runLater(() -> {
            if (error != null || frame >= last) {
                exporting = false;
                vm.scrub(back);
                if (error != null) {
                    done.completeExceptionally(error);
                } else {
                    done.complete(folder);
                }
                return;
            }
            // Each step waits for the charts too: a resize or a theme change during the sequence repaints them.
            charts.whenDrawn(() -> sequenceStep(folder, Math.min(last, frame + step), index + 1, step, last, count, back, done));
        }));
    }

    /** Runs a file write as a task of the app's executor (listed with a cancel button); completes with the file. */
    private CompletableFuture<Path> inBackground(Path file, CascadeExports.Write write) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        tasks.submit(io.liqlab.ui.task.BackgroundTask.of(Text.format("cascade.task.export", file.getFileName()), p -> {
            write.run();
            return file;
        }).onSuccess(done::complete).onFailure(done::completeExceptionally));
        return done;
    }

    private CompletableFuture<Path> report(CompletableFuture<Path> work, String success) {
        return work.whenComplete((p, error) -> Platform.runLater(() -> {
            if (error == null) {
                exportStatus.setText(success);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof java.io.UncheckedIOException u) {
                    cause = u.getCause();
                }
                exportStatus.setText(Text.format("cascade.export.failed", cause.getMessage()));
            }
        }));
    }

    private CompletableFuture<Path> failed(String message) {
        exportStatus.setText(message);
        return CompletableFuture.failedFuture(new IllegalStateException(message));
    }

    /**
     * Puts the keyboard focus on the charts, so Space, the arrows, Home and End work on playback at once (a guided
     * example opening the pane calls it; before, the keys did nothing until a click).
     */
    public void focusPlayback() {
        charts.requestFocus();
    }

    /** The charts (tests, the benchmark). */
    public CascadeCharts charts() {
        return charts;
    }

    /** Draws the charts' axes without data (the benchmark's "nothing in it" floor) or with it. */
    public void setDataVisible(boolean visible) {
        charts.setDataVisible(visible);
    }

    public CascadeViewModel viewModel() {
        return vm;
    }
}
