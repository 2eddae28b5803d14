package io.liqlab.ui;

import io.liqlab.profile.VenueProfile;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/** The market chooser: type-to-search over every market, each with its data date and, in amber, why it may mislead. */
public final class MarketChooser {

    private MarketChooser() {
    }

    /** Style class of a market's amber flag (old data, partial schedule), in the chooser's cells and under it. */
    public static final String MARKET_FLAG = "market-flag";

    /**
     * The market chooser of the Position form and the tier editor: ControlsFX's SearchableComboBox filtering by the
     * {@link MarketChoices} text, each entry its name over a second line with symbol, venue and data date,
     * flagged in amber with the reason where the data may mislead.
     */
    public static SearchableComboBox<VenueProfile> create(ObservableList<VenueProfile> profiles, MarketChoices markets) {
        return create(profiles, markets, null);
    }

    /** @param prompt shown in the box while nothing is chosen (null for none) */
    public static SearchableComboBox<VenueProfile> create(ObservableList<VenueProfile> profiles, MarketChoices markets, String prompt) {
        SearchableComboBox<VenueProfile> box = new SearchableComboBox<>(profiles);
        box.setConverter(markets.converter());
        box.setCellFactory(l -> new MarketCell(markets, true, null));
        box.setButtonCell(new MarketCell(markets, false, prompt));
        // Six entries of up to three lines: the popup fits under the box at 1280x720 (twelve covered the search field).
        box.setVisibleRowCount(6);
        box.setAccessibleText(Text.get("app.market.searchPrompt"));
        box.addEventFilter(KeyEvent.KEY_PRESSED, MarketChooser::shortcutsStayShortcuts);
        return box;
    }

    /**
     * ControlsFX's skin opens the search popup on any letter or digit key pressed in the box, modifiers or not, so
     * Ctrl+1 (the Position tab) with the focus here opened the list over the form. A key pressed with Ctrl, Alt or Meta
     * runs the window's shortcut for it instead, and never reaches the skin; typing a name still searches.
     */
    private static void shortcutsStayShortcuts(KeyEvent e) {
        if (!(e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown())
                || !(e.getCode().isLetterKey() || e.getCode().isDigitKey()) || !(e.getSource() instanceof Node box)
                || box.getScene() == null) {
            return;
        }
        for (var accelerator : box.getScene().getAccelerators().entrySet()) {
            if (accelerator.getKey().match(e)) {
                accelerator.getValue().run();
                break;
            }
        }
        e.consume();
    }

    /**
     * A market in the chooser: the name; in the list, a second line (symbol, venue, date) and the amber reason. Each
     * cell makes its two labels once and only changes their text: the combo box's skin measures cells for its list
     * already when the window opens (the list is not shown yet), and labels made anew per item were a good part of
     * the first frame's work. The reason's tooltip, which makes a popup window of its own, is made on the first hover.
     */
    private static final class MarketCell extends ListCell<VenueProfile> {
        private final MarketChoices markets;
        private final boolean detailed;
        private final String prompt;
        private Label title;
        private Label detail;
        private VBox lines;
        /** Why the entry shown now may mislead ("" when nothing): the tooltip's text, made on hover. */
        private String flag = "";
        private Tooltip tip;

        MarketCell(MarketChoices markets, boolean detailed, String prompt) {
            this.markets = markets;
            this.detailed = detailed;
            this.prompt = prompt;
            if (detailed) {
                setOnMouseEntered(e -> {
                    if (!flag.isEmpty() && getTooltip() == null) {
                        if (tip == null) {
                            tip = new Tooltip();
                        }
                        tip.setText(flag);
                        setTooltip(tip);
                    }
                });
            }
        }

        @Override
        protected void updateItem(VenueProfile item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(MARKET_FLAG);
            flag = "";
            if (getTooltip() != null) {
                setTooltip(null);
            }
            if (empty || item == null) {
                setText(prompt);
                setGraphic(null);
                return;
            }
            MarketChoices.Entry e = markets.entry(item);
            if (!detailed) {
                setText(e.title());
                setGraphic(null);
                return;
            }
            setText(null);
            if (lines == null) {
                title = new Label();
                detail = new Label();
                detail.getStyleClass().add(Styles.SUBTITLE);
                lines = new VBox(0, title, detail);
            }
            title.setText(e.title());
            detail.setText(e.flagged() ? e.detail() + "\n" + e.flag() : e.detail());
            detail.getStyleClass().remove(MARKET_FLAG);
            if (e.flagged()) {
                detail.getStyleClass().add(MARKET_FLAG);
                flag = e.flag();
            }
            setGraphic(lines);
        }
    }
}
