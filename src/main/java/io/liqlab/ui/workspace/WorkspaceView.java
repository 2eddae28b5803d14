package io.liqlab.ui.workspace;

import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Styles;
import io.liqlab.ui.Text;
import io.liqlab.ui.chart.CurveChart;
import io.liqlab.ui.compare.ComparisonView;
import io.liqlab.ui.position.ChartsView;
import io.liqlab.ui.position.PositionFormView;
import io.liqlab.ui.position.ResultsView;
import io.liqlab.ui.profiles.ProfilesView;
import io.liqlab.ui.profiles.ProfilesViewModel;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.liqlab.ui.shell.Command;
import io.liqlab.ui.shell.CommandActions;
import io.liqlab.ui.shell.ShellNotifications;
import io.liqlab.ui.shell.ShellViewModel;
import io.liqlab.ui.shell.ShellWindow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The main window's content: the toolbar, the guided-example strip, the tabs (Position, Compare venues, Venue
 * profiles, Tier editor, Cascade) and the status bar. It lays out; the shell's view-model ({@link ShellViewModel})
 * owns the session, navigation, exports and every command, and the toolbar, menus and shortcuts are made from its
 * commands ({@link CommandActions}). A new tab is one {@link #lazyTab} line in the constructor.
 */
public final class WorkspaceView extends BorderPane implements ShellWindow {

    private final ShellViewModel shell;
    private final WorkspaceViewModel vm;
    private final ProfilesViewModel profilesModel;
    private final ChartsView charts;
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    /** Errors and offers over the tabs, and the status line's text: how the window tells the user things. */
    private final ShellNotifications notifications;
    private final io.liqlab.ui.shell.Dialogs dialogs;
    private final PositionFormView form;

    private final PresentationSlide slide;
    /** What Quit does once {@link #confirmClose()} said yes (the app closes the window and remembers it). */
    private Runnable onQuit = () -> { };
    private Tab cascadeTab;
    private final io.liqlab.ui.learn.ExampleBanner exampleBanner;
    private io.liqlab.ui.learn.GlossaryViewModel glossary;
    private javafx.stage.Stage glossaryStage;
    /** The canvas charts' colours and text size, following the theme and presentation mode. */
    private final javafx.beans.property.DoubleProperty chartFontScale =
            new javafx.beans.property.SimpleDoubleProperty(this, "chartFontScale", 1);

    /**
     * @param cascade       builds the cascade pane's view-model the first time its tab is shown (it loads the scenarios)
     * @param tasks         the app's one task executor (its running tasks show in the status bar)
     * @param notifications how the shell tells the user things; its bar is laid over the tabs here
     * @param dialogs       the app's one dialog service: the questions the window asks (quit with unsaved edits?, files)
     */
    public WorkspaceView(ShellViewModel shell, ProfilesViewModel profiles, io.liqlab.ui.account.AccountViewModel account,
                         java.util.function.Supplier<io.liqlab.ui.cascade.CascadeViewModel> cascade,
                         io.liqlab.ui.task.FxTaskExecutor tasks, ShellNotifications notifications, io.liqlab.ui.shell.Dialogs dialogs) {
        this(shell, profiles, account, null, cascade, tasks, notifications, dialogs);
    }

    /** @param accountReconcile the Account tab's "Import snapshot…" and "Doesn't match the exchange?" (null: not offered) */
    public WorkspaceView(ShellViewModel shell, ProfilesViewModel profiles, io.liqlab.ui.account.AccountViewModel account,
                         io.liqlab.ui.reconcile.AccountReconcileViewModel accountReconcile,
                         java.util.function.Supplier<io.liqlab.ui.cascade.CascadeViewModel> cascade,
                         io.liqlab.ui.task.FxTaskExecutor tasks, ShellNotifications notifications, io.liqlab.ui.shell.Dialogs dialogs) {
        this.dialogs = dialogs;
        this.shell = shell;
        this.vm = shell.workspace();
        this.profilesModel = profiles;
        this.notifications = notifications;
        io.liqlab.ui.tiers.TierWorkbenchViewModel tiers = shell.tiers();
        shell.attach(this);
        getStyleClass().add("workspace");
        form = new PositionFormView(vm.position());
        ResultsView results = new ResultsView(vm.position());
        io.liqlab.ui.position.SolvePane.attach(results.card(), vm.solve());
        io.liqlab.ui.reconcile.ReconcilePane.attach(results.card(), vm.reconcile());
        charts = new ChartsView(vm.charts(), vm.position());

        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setMinWidth(320);
        // Each card scrolls inside the fixed-height row rather than spilling over the charts.
        ScrollPane cardScroll = cardScroll(results.card());
        ScrollPane formulaScroll = cardScroll(results.formula());
        HBox top = new HBox(10, cardScroll, formulaScroll);
        cardScroll.setMinWidth(380);
        HBox.setHgrow(formulaScroll, Priority.ALWAYS);
        top.setPadding(new Insets(12, 12, 6, 12));
        cardScroll.setPrefWidth(460);
        charts.setMinHeight(300);
        // A fixed height for the results row: its labels change on every slider step, and a computed height would
        // make the whole page measure their wrapped text again each time (measured: most of the layout pass).
        BorderPane positionPane = new BorderPane();
        // The row's height follows the window (not its content), so small windows keep room for the charts. Set as
        // the column is laid out, from the pane's height of this layout, and the column's minimum counts the smallest
        // row: bound to the pane's height, the row's height was part of the pane's own minimum, so a smaller window
        // kept the taller pane of the larger one, and the change came in the middle of a layout pass, which does not
        // lay the column out again (at 1280x720 the charts ended below the window until something else asked).
        double smallestRow = 260;
        top.setMinHeight(smallestRow);
        VBox center = new VBox(top, charts) {
            @Override
            protected void layoutChildren() {
                double row = Math.clamp(positionPane.getHeight() * 0.44, smallestRow, 420);
                top.setMinHeight(row);
                top.setPrefHeight(row);
                top.setMaxHeight(row);
                super.layoutChildren();
            }

            @Override
            protected double computeMinHeight(double width) {
                return super.computeMinHeight(width) - top.minHeight(width) + smallestRow;
            }
        };
        VBox.setVgrow(charts, Priority.ALWAYS);
        // The form first among the pane's children: Tab follows child order, and the form is what one fills in first.
        positionPane.setLeft(formScroll);
        positionPane.setCenter(center);
        // Presentation mode is a slide: the result beside one large chart, the formula across the bottom, no form
        // (F11 goes back to editing). The cards and the chart move into it and back; nothing else is rebuilt.
        slide = new PresentationSlide(cardScroll, formulaScroll, charts.leverageChart());
        vm.presentationProperty().subscribe(p -> {
            if (p) {
                top.getChildren().clear();
                positionPane.setLeft(null);
                positionPane.setCenter(slide.enter());
            } else if (slide.active()) {
                slide.leave();
                top.getChildren().setAll(cardScroll, formulaScroll);
                positionPane.setLeft(formScroll);
                positionPane.setCenter(center);
            }
        });

        Tab positionTab = new Tab(Text.get("workspace.tab.position"), positionPane);
        positionTab.setId("tab-position");
        // The other tabs are built the first time they are shown: the window's first frame waits only for this one.
        Tab compareTab = lazyTab(Text.get("workspace.tab.compare"), () -> new ComparisonView(vm.comparison()));
        compareTab.setId("tab-compare");
        vm.comparison().activeProperty().bind(compareTab.selectedProperty());
        Tab profilesTab = lazyTab(Text.get("workspace.tab.profiles"), () -> new ProfilesView(profiles));
        profilesTab.setId("tab-profiles");
        Tab tiersTab = lazyTab(Text.get("workspace.tab.tiers"), () -> new io.liqlab.ui.tiers.TierEditorView(tiers, vm.position().positionProperty()));
        tiersTab.setId("tab-tiers");
        Tab cascadeTab = new Tab(Text.get("workspace.tab.cascade"));
        this.cascadeTab = cascadeTab;
        cascadeTab.setId(ShellViewModel.CASCADE_TAB);
        // Built on first view: loading the scenarios and the first run wait until a teacher opens the tab.
        cascadeTab.selectedProperty().subscribe(selected -> {
            if (selected && cascadeTab.getContent() == null) {
                io.liqlab.ui.cascade.CascadeViewModel model = cascade.get();
                shell.cascadeBuilt(model);
                model.activeProperty().bind(cascadeTab.selectedProperty());
                io.liqlab.ui.cascade.CascadeView cascadeView = new io.liqlab.ui.cascade.CascadeView(model, chartFontScale, tasks, dialogs);
                cascadeTab.setContent(cascadeView);
                linkGlossaryTerms(cascadeView.whatIfForm(), java.util.Map.of(
                        "cascade-adl", io.liqlab.ui.learn.Term.ADL,
                        "cascade-leverage-mix", io.liqlab.ui.learn.Term.LEVERAGE));
            }
        });
        tabs.getTabs().addAll(positionTab, compareTab, profilesTab, tiersTab, cascadeTab);
        // The Account tab (issue 18); the position form's "Open as an account" fills it from the form and shows it.
        Tab accountTab = lazyTab(Text.get("workspace.tab.account"), () -> {
            io.liqlab.ui.account.AccountView view = new io.liqlab.ui.account.AccountView(account, chartFontScale);
            if (accountReconcile != null) {
                io.liqlab.ui.reconcile.AccountReconcileView.attach(view, accountReconcile, dialogs);
            }
            return view;
        });
        accountTab.setId("tab-account");
        tabs.getTabs().add(accountTab);
        form.setOnOpenAccount(() -> {
            account.openPosition(vm.position().profileProperty().get(), vm.position().positionProperty().get());
            shell.selectedTabProperty().set(accountTab.getId());
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Navigation is the shell's: the tab shown follows its selected tab, and a click sets it.
        shell.setTabIds(tabs.getTabs().stream().map(Tab::getId).toList());
        tabs.getSelectionModel().selectedItemProperty().subscribe(t -> {
            if (t != null) {
                shell.selectedTabProperty().set(t.getId());
            }
        });
        shell.selectedTabProperty().subscribe(id -> tabs.getTabs().stream().filter(t -> t.getId().equals(id)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        shell.offerTierDrafts(); // opens on the tier editor when an earlier run left unsaved edits, offered on the bar

        exampleBanner = new io.liqlab.ui.learn.ExampleBanner(learningTargets());
        setTop(new VBox(toolbar(), exampleBanner));
        // The cards sit in scroll panes, whose content a lookup only reaches once shown: link from the cards.
        linkGlossaryTerms(results.card(), java.util.Map.of("bankruptcy", io.liqlab.ui.learn.Term.BANKRUPTCY_PRICE,
                "backstop", io.liqlab.ui.learn.Term.BACKSTOP, "mm-at-liquidation", io.liqlab.ui.learn.Term.MAINTENANCE_MARGIN,
                "margin-ratio", io.liqlab.ui.learn.Term.MAINTENANCE_MARGIN, "tier-entry", io.liqlab.ui.learn.Term.TIERS,
                "tier-liquidation", io.liqlab.ui.learn.Term.TIERS, "max-leverage", io.liqlab.ui.learn.Term.LEVERAGE,
                "first-liquidation", io.liqlab.ui.learn.Term.PARTIAL_LIQUIDATION));
        linkGlossaryTerms(form, java.util.Map.of("mark", io.liqlab.ui.learn.Term.MARK_PRICE,
                "funding-rate", io.liqlab.ui.learn.Term.FUNDING, "leverage", io.liqlab.ui.learn.Term.LEVERAGE,
                "mode-isolated", io.liqlab.ui.learn.Term.CROSS_MARGIN));
        // How old the venue's table is, under the result it produced (amber when more than a month old).
        Label dataAge = io.liqlab.ui.DataAge.label("data-age", vm.dataAgeProperty(), vm.dataOldProperty());
        var cardChildren = results.card().getChildren();
        Node distanceLine = results.card().lookup("#distance");
        int at = distanceLine == null ? -1 : cardChildren.indexOf(distanceLine);
        cardChildren.add(at < 0 ? cardChildren.size() : at + 1, dataAge); // right under the price and its distance
        if (results.card().lookup("#liquidation-title") instanceof Label title) {
            glossaryLinks().link(title, io.liqlab.ui.learn.Term.LIQUIDATION_PRICE);
        }
        notifications.setContent(tabs);
        setCenter(notifications.pane());
        status.textProperty().bind(notifications.statusProperty());
        status.setId("status");
        status.getStyleClass().add(Styles.SUBTITLE);
        // The offer to put back inputs the classic example replaced: a link beside the status, and Ctrl+Z.
        javafx.scene.control.Hyperlink undoReplace = new javafx.scene.control.Hyperlink(Text.get("workspace.undoReplace"));
        undoReplace.setId("undo-replace");
        undoReplace.setTooltip(new Tooltip(Text.get("workspace.undoReplaceTip")));
        undoReplace.visibleProperty().bind(vm.canUndoReplaceProperty());
        undoReplace.managedProperty().bind(undoReplace.visibleProperty());
        undoReplace.setOnAction(e -> shell.undoReplace.execute());
        undoReplace.setPadding(new Insets(0, 4, 0, 4));
        vm.canUndoReplaceProperty().subscribe(can -> {
            if (!can && Text.get("workspace.status.classicLoaded").equals(status.getText())) {
                notifications.status("");
            }
        });
        HBox statusLine = new HBox(4, status, undoReplace);
        statusLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setBottom(statusBar(statusLine, tasks));

        vm.themeProperty().subscribe(this::applyLook);
        vm.presentationProperty().subscribe(p -> applyLook());
        Platform.getPreferences().colorSchemeProperty().subscribe(c -> applyLook());
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                installShortcuts();
                applyLook();
            }
        });
    }

    /**
     * The status line (ControlsFX {@code StatusBar}): the latest message on the left, the newest background task's
     * progress, and a button naming how many tasks run that opens their list (ControlsFX {@code TaskProgressView},
     * each with a cancel button) in a pop-over.
     */
    static org.controlsfx.control.StatusBar statusBar(Node statusLine, io.liqlab.ui.task.FxTaskExecutor tasks) {
        org.controlsfx.control.StatusBar bar = new org.controlsfx.control.StatusBar();
        bar.setId("status-bar");
        bar.setText("");
        bar.setFocusTraversable(false); // the control itself holds nothing to act on; its buttons take the focus
        bar.getLeftItems().add(statusLine);
        bar.progressProperty().bind(tasks.latestProperty().flatMap(t -> t.progressProperty()).orElse(0));
        Button open = new Button();
        open.setId("tasks");
        open.textProperty().bind(javafx.beans.binding.Bindings.size(tasks.running()).map(n -> Text.format("shell.tasks", n)));
        open.setTooltip(new Tooltip(Text.get("shell.tasksTip")));
        open.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tasks.running()));
        open.managedProperty().bind(open.visibleProperty());
        // No taller than the status line: a button of the usual height grew the bar by 6 px when a task was listed
        // (and the progress bar came with it), which shrank every tab's content, hidden tabs too: every chart was
        // resized and drawn again, twice per task.
        open.setPadding(new Insets(0, 6, 0, 6));
        open.getStyleClass().add("flat");
        // The list and its pop-over (a popup window of its own) are made on the first click, not with the window.
        org.controlsfx.control.PopOver[] popOver = new org.controlsfx.control.PopOver[1];
        open.setOnAction(e -> {
            if (popOver[0] == null) {
                org.controlsfx.control.TaskProgressView<javafx.concurrent.Task<?>> list = new org.controlsfx.control.TaskProgressView<>();
                list.setId("task-list");
                javafx.beans.binding.Bindings.bindContent(list.getTasks(), tasks.running());
                list.setPrefSize(420, 240);
                popOver[0] = new org.controlsfx.control.PopOver(list);
                popOver[0].setTitle(Text.get("shell.tasks.title"));
                popOver[0].setHeaderAlwaysVisible(true);
                popOver[0].setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.BOTTOM_RIGHT);
                popOver[0].setDetachable(false);
            }
            if (popOver[0].isShowing()) {
                popOver[0].hide();
            } else {
                popOver[0].show(open);
            }
        });
        bar.getRightItems().add(open);
        return bar;
    }

    /** How the window tells the user things (errors, offers, the status line). */
    public io.liqlab.ui.shell.Notifier notifier() {
        return notifications;
    }

    /** Data older than a month: shown in amber. */
    public static final javafx.css.PseudoClass OLD = io.liqlab.ui.DataAge.OLD;

    private static ScrollPane cardScroll(javafx.scene.layout.Region card) {
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        // At least as tall as the row, taller when its wrapped text needs it, and then it scrolls: with
        // fit-to-height the card was cut at the row's height ("First liquidation" clipped) with no scroll bar.
        // Set when the height changes, not bound: every layout of the scroll pane sets new (equal) viewport bounds,
        // and a binding passed that on as a change of the card's minimum height, which asked for the next layout.
        // Both cards were laid out again, their wrapped text measured, on every frame of the app, whichever tab showed.
        scroll.viewportBoundsProperty().subscribe(b -> card.setMinHeight(b.getHeight()));
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private static Tab lazyTab(String title, java.util.function.Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().subscribe(selected -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    public TabPane tabs() {
        return tabs;
    }

    public ChartsView charts() {
        return charts;
    }

    /** The Position tab's presentation layout (tests). */
    public PresentationSlide slide() {
        return slide;
    }

    private ToolBar toolbar() {
        Button reset = CommandActions.button(shell.classicExample);

        MenuButton export = new MenuButton(Text.get("workspace.menu.export"));
        export.setId("export");
        export.setTooltip(new Tooltip(Text.get("workspace.menu.exportTip")));
        export.getItems().addAll(java.util.stream.Stream.of(shell.exportLeveragePng, shell.exportSizePng, shell.exportTimePng,
                shell.exportComparisonCsv, shell.exportSweepCsv).map(CommandActions::menuItem).toList());
        // Copy results here too: the same command as the toolbar button and Ctrl+Shift+C, greyed with them.
        MenuItem copyItem = CommandActions.menuItem(shell.copyResults);
        copyItem.setId("export-copy-results");
        export.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), copyItem);

        MenuButton session = new MenuButton(Text.get("workspace.menu.session"));
        session.setId("session");
        session.setTooltip(new Tooltip(Text.get("workspace.menu.sessionTip")));
        // Ctrl+S is installed with the other shortcuts (the tier editor has its own Ctrl+S), not as this item's accelerator.
        MenuItem save = CommandActions.menuItem(shell.saveSession, false);
        javafx.scene.control.Menu recent = new javafx.scene.control.Menu(Text.get("workspace.menu.session.recent"));
        session.setOnShowing(e -> recent.getItems().setAll(shell.recentSessions().stream().map(p -> {
            MenuItem item = new MenuItem(p.getFileName().toString());
            item.setMnemonicParsing(false); // a file name's underscores are not mnemonics
            item.setOnAction(a -> shell.openSession(p));
            return item;
        }).toList()));
        session.getItems().addAll(CommandActions.menuItem(shell.openSession), save, CommandActions.menuItem(shell.saveSessionAs), recent,
                new javafx.scene.control.SeparatorMenuItem(), CommandActions.menuItem(shell.quit));

        Button copy = CommandActions.button(shell.copyResults);

        ChoiceBox<WorkspaceViewModel.Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(WorkspaceViewModel.Theme.values());
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        theme.setId("theme");
        theme.setConverter(io.liqlab.ui.Forms.shown(t -> switch (t) {
            case SYSTEM -> Text.get("workspace.theme.system");
            case LIGHT -> Text.get("workspace.theme.light");
            case DARK -> Text.get("workspace.theme.dark");
        }));
        theme.setTooltip(new Tooltip(Text.get("workspace.themeTip")));
        ToggleButton presentation = new ToggleButton(Text.get("workspace.presentation"));
        presentation.setId("presentation");
        presentation.selectedProperty().bindBidirectional(vm.presentationProperty());
        presentation.setTooltip(new Tooltip(Text.get("workspace.presentationTip")));
        // Its mnemonic (Alt+R) only fires an action event, which does not toggle a toggle button as a click does:
        // an action that came without a toggle is the mnemonic's, and runs the command.
        boolean[] toggledByClick = {false};
        presentation.selectedProperty().addListener((o, was, now) -> toggledByClick[0] = true);
        presentation.setOnAction(e -> {
            if (!toggledByClick[0]) {
                shell.togglePresentation.execute();
            }
            toggledByClick[0] = false;
        });
        Button about = CommandActions.button(shell.about);
        Pane grow = new Pane();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label theme1 = new Label(Text.get("workspace.theme"));
        theme1.setLabelFor(theme);
        theme1.setMnemonicParsing(true); // Alt+H chooses the theme
        return new ToolBar(reset, new Separator(), session, export, copy, learnMenu(), grow, theme1, theme, presentation, about);
    }

    // ---- the learning layer: glossary and guided examples --------------------------------------------------------

    private MenuButton learnMenu() {
        MenuButton learn = new MenuButton(Text.get("learn.menu"));
        learn.setId("learn");
        learn.setTooltip(new Tooltip(Text.get("learn.menuTip")));
        MenuItem glossaryItem = new MenuItem(Text.get("learn.glossary"));
        glossaryItem.setId("learn-glossary");
        glossaryItem.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        glossaryItem.setOnAction(e -> showGlossary(null));
        learn.getItems().addAll(glossaryItem, new javafx.scene.control.SeparatorMenuItem());
        for (io.liqlab.ui.learn.GuidedExample example : io.liqlab.ui.learn.GuidedExamples.all(java.util.Locale.getDefault())) {
            MenuItem item = new MenuItem(example.title());
            item.setId("example-" + example.id());
            item.setOnAction(e -> exampleBanner.open(example));
            learn.getItems().add(item);
        }
        return learn;
    }

    private io.liqlab.ui.learn.GlossaryLinks links;
    private io.liqlab.ui.learn.Glossary glossaryEntries;

    /** The glossary's words, read once for the links on screen and the glossary window. */
    private io.liqlab.ui.learn.Glossary glossaryEntries() {
        if (glossaryEntries == null) {
            glossaryEntries = io.liqlab.ui.learn.Glossary.load(java.util.Locale.getDefault());
        }
        return glossaryEntries;
    }

    private io.liqlab.ui.learn.GlossaryLinks glossaryLinks() {
        if (links == null) {
            links = new io.liqlab.ui.learn.GlossaryLinks(glossaryEntries(),
                    this::showGlossary);
        }
        return links;
    }

    /** Makes the labels of these controls (by id) links into the glossary. */
    private void linkGlossaryTerms(javafx.scene.Parent root, java.util.Map<String, io.liqlab.ui.learn.Term> byId) {
        byId.forEach((id, term) -> glossaryLinks().linkLabelOf(root, id, term));
    }

    /** Opens the glossary window, at {@code term} when given. */
    public void showGlossary(io.liqlab.ui.learn.Term term) {
        if (glossary == null) {
            glossary = new io.liqlab.ui.learn.GlossaryViewModel(glossaryEntries());
        }
        if (glossaryStage == null) {
            glossaryStage = new javafx.stage.Stage();
            glossaryStage.setTitle(Text.get("learn.glossaryWindow"));
            if (getScene() != null) {
                glossaryStage.initOwner(getScene().getWindow());
            }
            // The window's root mirrors the main window's root classes (theme, presentation); the view keeps its own.
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(new io.liqlab.ui.learn.GlossaryView(glossary));
            javafx.scene.Scene scene = new javafx.scene.Scene(root, 900, 560);
            if (getScene() != null) {
                scene.getStylesheets().setAll(getScene().getStylesheets());
                root.getStyleClass().setAll(getScene().getRoot().getStyleClass());
                getScene().getRoot().getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c ->
                        root.getStyleClass().setAll(getScene().getRoot().getStyleClass()));
            }
            // Esc closes it, as it does a dialog (a filter: the search field would otherwise see it first).
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    glossaryStage.hide();
                    e.consume();
                }
            });
            glossaryStage.setScene(scene);
        }
        if (term != null) {
            glossary.show(term);
        }
        glossaryStage.show();
        glossaryStage.toFront();
    }

    /** The glossary's view-model once it has been opened (tests). */
    public io.liqlab.ui.learn.GlossaryViewModel glossaryModel() {
        return glossary;
    }

    private io.liqlab.ui.learn.LearningTargets learningTargets() {
        return new io.liqlab.ui.learn.LearningTargets() {
            @Override
            public io.liqlab.ui.position.PositionViewModel position() {
                return vm.position();
            }

            @Override
            public void showTab(String tabId) {
                tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
            }

            @Override
            public java.util.Optional<io.liqlab.profile.VenueProfile> bringProfile(String id) {
                return profilesModel.find(id).map(shell.tiers()::showEverywhere);
            }

            @Override
            public void showChart(String chartId) {
                slide.showChart(switch (chartId) {
                    case "chart-size" -> charts.sizeChart();
                    case "chart-time" -> charts.timeChart();
                    default -> charts.leverageChart();
                });
            }

            @Override
            public void openCascade(String scenarioId, double atSecond, boolean play) {
                // The playback keys work at once, without a click into the pane first.
                shell.openCascade(scenarioId, atSecond, play, () -> {
                    if (cascadeTab.getContent() instanceof io.liqlab.ui.cascade.CascadeView view) {
                        view.focusPlayback();
                    }
                });
            }
        };
    }

    /** Something the Export menu writes to a file the user chose. */
    public interface Export {
        void to(Path path) throws IOException;
    }

    /** Save: to the session file open now, or as a new one when there is none. */
    public void saveSession() {
        shell.saveSession();
    }

    /** What Quit (Ctrl+Q) does after {@link #confirmClose()}: set by the app, which owns the window. */
    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** Quit (Ctrl+Q): asks first when tier edits are unsaved, as closing the window does. */
    public void quit() {
        shell.quit();
    }

    /** Whether the window may close (asks when the tier editor holds unsaved edits). */
    public boolean confirmClose() {
        return shell.confirmClose();
    }

    /** Saves the workspace as a session file; the status line says what happened. */
    public void saveSession(Path file) {
        shell.saveSession(file);
    }

    /** Opens a session file into the workspace; a file that cannot be opened changes nothing and says why. */
    public void openSession(Path file) {
        shell.openSession(file);
    }

    /** The About box's text: what LiqLab is, and the data date and confidence of every loaded profile. */
    public String aboutText() {
        return shell.aboutText();
    }

    /** Writes a file as a background task; the status line says when it is written or why not. */
    public ShellViewModel.TaskHandleAndFile export(Export export, Path path) {
        return shell.export(export::to, path);
    }

    public ShellViewModel shell() {
        return shell;
    }

    // ---- ShellWindow: what only the window can do --------------------------------------------------------------

    @Override
    public Optional<Path> chooseSaveFile(String suggestedName, String typeDescription, String pattern) {
        return dialogs.chooseSaveFile(suggestedName, typeDescription, pattern);
    }

    @Override
    public Optional<Path> chooseOpenFile(String typeDescription, String pattern) {
        return dialogs.chooseOpenFile(typeDescription, pattern);
    }

    @Override
    public double[] bounds() {
        javafx.stage.Window w = getScene() == null ? null : getScene().getWindow();
        return w == null ? new double[4] : new double[] {w.getX(), w.getY(), w.getWidth(), w.getHeight()};
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public boolean confirmQuitWithUnsavedTiers(String profileId) {
        return dialogs.confirm("unsaved-tiers", Text.get("app.unsavedTiers.title"), Text.format("app.unsavedTiers.question", profileId),
                Text.get("app.unsavedTiers.quit"));
    }

    @Override
    public void close() {
        onQuit.run();
    }

    @Override
    public void showAbout(String header, String text) {
        dialogs.inform("about", Text.get("workspace.about.title"), header, text);
    }

    @Override
    public Picture chartPicture(String chartId) {
        CurveChart chart = switch (chartId) {
            case "chart-size" -> charts.sizeChart();
            case "chart-time" -> charts.timeChart();
            default -> charts.leverageChart();
        };
        javafx.scene.image.Image image = chart.snapshotImage();
        return new io.liqlab.ui.export.PngPicture(image);
    }

    @Override
    public boolean systemIsDark() {
        return Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
    }

    public WorkspaceViewModel viewModel() {
        return vm;
    }

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private void installShortcuts() {
        // Ctrl+Tab / Ctrl+Shift+Tab switch tabs from anywhere: the TabPane only sees them when no text field has
        // taken them first (text fields use Ctrl+Tab to move the focus).
        getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Ctrl+Z right after the classic example replaced the inputs puts them back (elsewhere, and once the
            // user has edited since, Ctrl+Z is the text field's or the tier editor's own undo).
            if (UNDO.match(e) && shell.undoReplace.isExecutable()) {
                shell.undoReplace.execute();
                e.consume();
                return;
            }
            // Ctrl+S saves the session, except in the tier editor, where it saves the profile being edited.
            if (SAVE.match(e) && !ShellViewModel.TIERS_TAB.equals(shell.selectedTabProperty().get())) {
                shell.saveSession.execute();
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.TAB && e.isControlDown()) {
                int n = tabs.getTabs().size();
                int next = Math.floorMod(tabs.getSelectionModel().getSelectedIndex() + (e.isShiftDown() ? -1 : 1), n);
                tabs.getSelectionModel().select(next);
                e.consume();
            }
        });
        for (Command c : java.util.List.of(shell.classicExample, shell.togglePresentation, shell.toggleTheme, shell.copyResults,
                shell.leverageUp, shell.leverageDown)) {
            CommandActions.installShortcut(getScene(), c);
        }
        for (int i = 0; i < Math.min(9, tabs.getTabs().size()); i++) {
            String id = tabs.getTabs().get(i).getId();
            getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN),
                    () -> shell.selectedTabProperty().set(id));
        }
    }

    /** The classic example in place of the user's inputs, with an offer to put theirs back. */
    public void loadClassicExample() {
        shell.classicExample.execute();
    }

    /** Gives the keyboard focus to the form's first field (at start-up, so Space or Enter cannot replace the inputs). */
    public void focusFirstField() {
        Node first = form.lookup("#venue");
        if (first != null && tabs.getSelectionModel().getSelectedItem() != null
                && "tab-position".equals(tabs.getSelectionModel().getSelectedItem().getId())) {
            first.requestFocus();
        }
    }

    private boolean isDark() {
        return switch (vm.themeProperty().get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> systemIsDark();
        };
    }

    private void applyLook() {
        boolean dark = isDark();
        boolean big = vm.presentationProperty().get();
        // On the scene's root, so that Modena derives every colour (text on the window background too) from it.
        javafx.scene.Parent root = getScene() == null ? this : getScene().getRoot();
        for (javafx.scene.Parent p : java.util.List.of(this, root)) {
            p.getStyleClass().removeAll(Styles.DARK, Styles.PRESENTATION);
        }
        if (dark) {
            root.getStyleClass().add(Styles.DARK);
        }
        if (big) {
            root.getStyleClass().add(Styles.PRESENTATION);
        }
        // The charts take their colours from the stylesheet (.root.dark); only their text size is set here.
        chartFontScale.set(big ? 2.0 : 1.0);
        charts.setFontScale(chartFontScale.get());
    }
}
