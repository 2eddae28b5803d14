package io.liqlab.ui.account;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.core.account.Account;
import io.liqlab.core.account.AccountAtMove;
import io.liqlab.core.account.AccountCurve;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.core.account.AccountPosition;
import io.liqlab.core.account.AccountResult;
import io.liqlab.core.account.AccountVenue;
import io.liqlab.core.account.PositionResult;
import io.liqlab.profile.AccountFile;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The Account screen: a wallet and a list of position rows at one venue, as typed, their validation, and the
 * account's result for the last valid input (the last good result stays, marked stale, while any field is wrong).
 * Every change recomputes at once on the calling thread: a 50-position account takes well under a millisecond.
 */
public final class AccountViewModel {

    /** A row's text fields. */
    public enum Field { ENTRY, QTY, LEVERAGE, MARGIN, MARK }

    /** The moves the chart spans at least, in percent either way. */
    static final double MIN_CHART_SPAN = 20;
    static final int CHART_POINTS = 241;

    private final AccountEngine engine;
    private final List<VenueProfile> allProfiles;
    private final ObservableList<VenueProfile> venues;
    private final ObjectProperty<VenueProfile> venue = new SimpleObjectProperty<>(this, "venue");
    private final ObservableList<VenueProfile> markets = FXCollections.observableArrayList();
    private final StringProperty wallet = new SimpleStringProperty(this, "wallet", "");
    private final ReadOnlyStringWrapper walletError = new ReadOnlyStringWrapper(this, "walletError", "");
    private final ReadOnlyStringWrapper accountError = new ReadOnlyStringWrapper(this, "accountError", "");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AccountResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<AccountCurve> curve = new ReadOnlyObjectWrapper<>(this, "curve");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private boolean loading;
    /** The last account computed without errors: what the move and the figures at the move are for. */
    private Account shownAccount;

    // Dragging the market-move axis: every mark moved by one percentage, the account and each position shown there.
    private final DoubleProperty move = new SimpleDoubleProperty(this, "move", 0);
    private final ReadOnlyDoubleWrapper moveMin = new ReadOnlyDoubleWrapper(this, "moveMin", -MIN_CHART_SPAN);
    private final ReadOnlyDoubleWrapper moveMax = new ReadOnlyDoubleWrapper(this, "moveMax", MIN_CHART_SPAN);
    private final ReadOnlyObjectWrapper<AccountAtMove> atMove = new ReadOnlyObjectWrapper<>(this, "atMove");
    private final ReadOnlyStringWrapper moveText = new ReadOnlyStringWrapper(this, "moveText", "");
    private final ReadOnlyStringWrapper atMoveText = new ReadOnlyStringWrapper(this, "atMoveText", "");
    private final ReadOnlyBooleanWrapper liquidatedAtMove = new ReadOnlyBooleanWrapper(this, "liquidatedAtMove", false);

    // Dragging one position's mark: the row it moves and the slider's range around that mark.
    private final ObjectProperty<Row> markTarget = new SimpleObjectProperty<>(this, "markTarget");
    private final ReadOnlyDoubleWrapper markMin = new ReadOnlyDoubleWrapper(this, "markMin", 0);
    private final ReadOnlyDoubleWrapper markMax = new ReadOnlyDoubleWrapper(this, "markMax", 1);
    private final ReadOnlyDoubleWrapper markValue = new ReadOnlyDoubleWrapper(this, "markValue", 0);
    private final ReadOnlyStringWrapper markTargetText = new ReadOnlyStringWrapper(this, "markTargetText", "");
    private boolean draggingMark;
    /** The least range the mark slider spans either way, and the most, as fractions of the mark. */
    static final double MARK_SPAN_MIN = 0.2;
    static final double MARK_SPAN_MAX = 0.9;

    /**
     * @param venues      the profiles the venue chooser offers (one per venue and market the app lists)
     * @param allProfiles every known profile, for the markets of the chosen venue (ETH, SOL, ... beside BTC)
     */
    public AccountViewModel(AccountEngine engine, ObservableList<VenueProfile> venues, List<VenueProfile> allProfiles) {
        this.engine = engine;
        this.venues = venues;
        this.allProfiles = List.copyOf(allProfiles);
        venue.subscribe(v -> {
            List<VenueProfile> list = new ArrayList<>();
            if (v != null) {
                String key = AccountFile.venueKey(v);
                list.add(v);
                for (VenueProfile p : this.allProfiles) {
                    if (p != v && !p.id().equals(v.id()) && AccountFile.venueKey(p).equals(key) && !p.rules().inverse()) {
                        list.add(p);
                    }
                }
            }
            markets.setAll(list);
            for (Row r : rows) {
                if (r.market.get() == null || !markets.contains(r.market.get())) {
                    r.market.set(v);
                }
            }
            recompute();
        });
        wallet.subscribe(w -> recompute());
        move.subscribe(m -> showMove());
        markTarget.subscribe(r -> recentreMark());
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> {
            if (markTarget.get() == null || !rows.contains(markTarget.get())) {
                markTarget.set(rows.isEmpty() ? null : rows.getFirst());
            }
        });
        venues.stream().filter(p -> p.id().equals(io.liqlab.profile.ProfileIds.BINANCE_USDM_BTC)).findFirst().or(() -> venues.stream().findFirst()).ifPresent(venue::set);
        loadExample();
    }

    /** A teaching account: a BTC long with a hedging short and a second market, at the chosen venue. */
    public void loadExample() {
        loading = true;
        try {
            wallet.set(LocalNumbers.plain(10_000));
            rows.clear();
            VenueProfile v = venue.get();
            Row btc = newRow(v, Side.LONG, 60_000, 1, 20, 59_000);
            VenueProfile second = markets.size() > 1 ? markets.get(1) : v;
            rows.add(btc);
            if (second != v) {
                rows.add(newRow(second, Side.SHORT, second.id().contains("eth") ? 3_000 : 100, second.id().contains("eth") ? 10 : 300,
                        10, second.id().contains("eth") ? 3_100 : 104));
            }
        } finally {
            loading = false;
        }
        recompute();
    }

    private Row newRow(VenueProfile market, Side side, double entry, double qty, double leverage, double mark) {
        Row r = new Row();
        r.market.set(market);
        r.side.set(side);
        r.text(Field.ENTRY).set(LocalNumbers.plain(entry));
        r.text(Field.QTY).set(LocalNumbers.plain(qty));
        r.text(Field.LEVERAGE).set(LocalNumbers.plain(leverage));
        r.text(Field.MARK).set(LocalNumbers.plain(mark));
        return r;
    }

    /** Adds a row: the venue's own market, long, at the last row's mark (or 60,000), 1 unit, 10x. */
    public Row addRow() {
        double mark = 60_000;
        if (!rows.isEmpty()) {
            OptionalDouble m = NumberText.parse(rows.getLast().text(Field.MARK).get());
            if (m.isPresent() && m.getAsDouble() > 0) {
                mark = m.getAsDouble();
            }
        }
        Row r = newRow(venue.get(), Side.LONG, mark, 1, 10, mark);
        rows.add(r);
        recompute();
        return r;
    }

    public void removeRow(Row row) {
        rows.remove(row);
        recompute();
    }

    /**
     * The position form's position as a one-position account (the form's "Open as an account"): same venue, side,
     * entry, size, mark and leverage; the wallet is the form's cross wallet, or the isolated margin.
     */
    public void openPosition(VenueProfile profile, Position p) {
        loading = true;
        try {
            venue.set(profile);
            rows.clear();
            Row r = newRow(profile, p.side(), p.entryPrice(), p.quantity(), p.effectiveLeverage(), p.markPrice());
            if (!Double.isFinite(p.effectiveLeverage()) || p.effectiveLeverage() > Position.MAX_INPUT_LEVERAGE) {
                r.text(Field.LEVERAGE).set(LocalNumbers.plain(10));
            }
            rows.add(r);
            wallet.set(LocalNumbers.plain(p.mode() == MarginMode.CROSS ? p.wallet() : p.margin()));
        } finally {
            loading = false;
        }
        recompute();
    }

    /**
     * An account read from a venue's snapshot ("Import snapshot…"): its venue, wallet and positions replace the
     * table's, each market by its profile id. False (nothing changed) when a market is not among the known profiles.
     */
    public boolean load(Account account) {
        List<VenueProfile> profiles = new ArrayList<>();
        for (AccountPosition p : account.positions()) {
            VenueProfile profile = allProfiles.stream().filter(v -> v.id().equals(p.market())).findFirst().orElse(null);
            if (profile == null) {
                return false;
            }
            profiles.add(profile);
        }
        loading = true;
        try {
            venue.set(profiles.getFirst());
            rows.clear();
            for (int i = 0; i < profiles.size(); i++) {
                AccountPosition p = account.positions().get(i);
                rows.add(newRow(profiles.get(i), p.side(), p.entry(), p.quantity(), p.leverage(), p.mark()));
            }
            wallet.set(LocalNumbers.plain(account.wallet()));
        } finally {
            loading = false;
        }
        recompute();
        return true;
    }

    /** Validates every field, then computes the account; on any error the last result stays, marked stale. */
    void recompute() {
        if (loading) {
            return;
        }
        boolean ok = true;
        VenueProfile v = venue.get();
        double w = Double.NaN;
        OptionalDouble wv = NumberText.parse(wallet.get());
        walletError.set("");
        accountError.set("");
        if (wv.isEmpty()) {
            walletError.set(Text.get("account.error.walletNumber"));
            ok = false;
        } else if (!(wv.getAsDouble() >= 0) || !Double.isFinite(wv.getAsDouble())) {
            walletError.set(Text.get("account.error.walletNumber"));
            ok = false;
        } else {
            w = wv.getAsDouble();
        }
        List<AccountPosition> positions = new ArrayList<>(rows.size());
        for (Row r : rows) {
            r.clearErrors();
            AccountPosition p = r.toPosition();
            if (p == null) {
                ok = false;
            } else {
                positions.add(p);
            }
        }
        if (!ok || v == null) {
            stale.set(result.get() != null);
            return;
        }
        try {
            String key = AccountFile.venueKey(v);
            Account account = new Account(AccountVenue.of(v.listing().venueRules(), v.rules().family()), key, w, positions);
            AccountResult r = engine.calculate(account);
            shownAccount = account;
            AccountCurve c = curveFor(account, r);
            moveMin.set(c.movePercent()[0]);
            moveMax.set(c.movePercent()[c.movePercent().length - 1]);
            result.set(r);
            curve.set(c);
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).show(r.positions().get(i));
            }
            stale.set(false);
            showMove();
            Row target = markTarget.get();
            if (target != null && !draggingMark) {
                recentreMark();
            } else if (target != null) {
                markTargetText.set(targetText(target));
            }
        } catch (InvalidInputException e) {
            showAccountError(e);
            stale.set(result.get() != null);
        }
    }

    /** An account-level refusal: on the row's field it names ("positions[2].side"), or under the table. */
    private void showAccountError(InvalidInputException e) {
        String f = e.field();
        if (f.equals("wallet")) {
            walletError.set(e.problem());
            return;
        }
        if (f.startsWith("positions[")) {
            int close = f.indexOf(']');
            int index = Integer.parseInt(f.substring("positions[".length(), close));
            String name = close + 2 <= f.length() ? f.substring(close + 2) : "";
            if (index < rows.size()) {
                Row r = rows.get(index);
                switch (name) {
                    case "side" -> r.sideError.set(e.problem());
                    case "market" -> r.marketError.set(e.problem());
                    default -> {
                        Field field = Row.field(name);
                        if (field != null) {
                            r.errors.get(field).set(e.problem());
                        } else {
                            r.marketError.set(e.problem());
                        }
                    }
                }
                return;
            }
        }
        accountError.set(e.problem());
    }

    /** The figures at the move for the last valid account; the move stays inside the chart's range. */
    private void showMove() {
        Account account = shownAccount;
        if (account == null) {
            return;
        }
        double m = Math.max(moveMin.get(), Math.min(moveMax.get(), move.get()));
        AccountAtMove a = engine.atMove(account, m);
        atMove.set(a);
        moveText.set(signedPercent(m));
        liquidatedAtMove.set(a.liquidated());
        String ratio = Double.isNaN(a.marginRatio()) ? Text.get("account.result.noRatio") : LocalNumbers.percent(a.marginRatio() * 100, 2);
        atMoveText.set(Text.format(a.liquidated() ? "account.move.readoutLiquidated" : "account.move.readout", signedPercent(m),
                LocalNumbers.money(a.equity()), LocalNumbers.money(a.maintenance()), ratio));
        for (int i = 0; i < rows.size() && i < a.price().length; i++) {
            rows.get(i).showAtMove(a.price()[i], a.pnl()[i]);
        }
    }

    private static String signedPercent(double m) {
        double r = Math.round(m * 100) / 100.0;
        return (r > 0 ? "+" : "") + LocalNumbers.fixed(r, 2) + "%";
    }

    /**
     * Moves the target row's mark to {@code price} as a drag does: the field takes the price (six significant digits)
     * and the account recomputes, the slider's range staying where the drag began.
     */
    public void dragMark(double price) {
        Row r = markTarget.get();
        if (r == null || !(price > 0) || !Double.isFinite(price)) {
            return;
        }
        draggingMark = true;
        try {
            markValue.set(price);
            r.text(Field.MARK).set(LocalNumbers.plain(io.liqlab.core.Numbers.significant(price, 6).doubleValue()));
        } finally {
            draggingMark = false;
        }
    }

    /** A drag of the mark ended: a mark left near an end of the range gets a range around it, so the next drag goes on. */
    public void endMarkDrag() {
        double span = markMax.get() - markMin.get();
        double v = markValue.get();
        if (v - markMin.get() < 0.05 * span || markMax.get() - v < 0.05 * span) {
            recentreMark();
        }
    }

    /**
     * The mark slider's range around the target's mark: at least 20% either way, and far enough to reach the
     * position's own liquidation (at most 90%).
     */
    private void recentreMark() {
        Row r = markTarget.get();
        if (r == null) {
            markTargetText.set("");
            return;
        }
        OptionalDouble m = NumberText.parse(r.text(Field.MARK).get());
        if (m.isEmpty() || !(m.getAsDouble() > 0)) {
            OptionalDouble e = NumberText.parse(r.text(Field.ENTRY).get());
            if (e.isEmpty() || !(e.getAsDouble() > 0)) {
                markTargetText.set(targetText(r));
                return;
            }
            m = e;
        }
        double mark = m.getAsDouble();
        double span = MARK_SPAN_MIN;
        PositionResult shown = r.shown.get();
        if (shown != null && shown.hasLiquidationPrice()) {
            span = Math.max(span, Math.abs(shown.liquidationPrice() / mark - 1) * 1.2);
        }
        span = Math.min(span, MARK_SPAN_MAX);
        markMin.set(mark * (1 - span));
        markMax.set(mark * (1 + span));
        markValue.set(mark);
        markTargetText.set(targetText(r));
    }

    private String targetText(Row r) {
        VenueProfile m = r.market.get();
        String market = m == null ? "" : m.listing().symbol().isEmpty() ? m.id() : m.listing().symbol();
        return Text.format("account.markDrag.target", rows.indexOf(r) + 1, market,
                Text.get(r.side.get() == Side.SHORT ? "account.side.short" : "account.side.long"));
    }

    private AccountCurve curveFor(Account account, AccountResult r) {
        double span = MIN_CHART_SPAN;
        if (r.hasLiquidationMove()) {
            span = Math.max(span, Math.abs(r.liquidationMovePercent()) * 1.3);
        }
        for (PositionResult p : r.positions()) {
            double m = p.liquidationMovePercent();
            if (Double.isFinite(m) && Math.abs(m) < 100) {
                span = Math.max(span, Math.abs(m) * 1.1);
            }
        }
        span = Math.min(span, 99);
        return engine.curve(account, -span, span, CHART_POINTS);
    }

    public ObservableList<VenueProfile> venues() {
        return venues;
    }

    public ObjectProperty<VenueProfile> venueProperty() {
        return venue;
    }

    /** The markets a row can choose: the venue's own and the other markets at the same venue. */
    public ObservableList<VenueProfile> markets() {
        return markets;
    }

    public StringProperty walletProperty() {
        return wallet;
    }

    public ReadOnlyStringProperty walletErrorProperty() {
        return walletError.getReadOnlyProperty();
    }

    /** A refusal of the account as a whole (no positions), empty when none. */
    public ReadOnlyStringProperty accountErrorProperty() {
        return accountError.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<AccountResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AccountCurve> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The market move the chart's cursor is at, in percent: every mark moved together by it. */
    public DoubleProperty moveProperty() {
        return move;
    }

    /** The lowest move the chart (and the move slider) spans, in percent. */
    public ReadOnlyDoubleProperty moveMinProperty() {
        return moveMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty moveMaxProperty() {
        return moveMax.getReadOnlyProperty();
    }

    /** The account at the move: equity, maintenance and each position's price and PnL there. */
    public ReadOnlyObjectProperty<AccountAtMove> atMoveProperty() {
        return atMove.getReadOnlyProperty();
    }

    /** The move in words: "-5.00%". */
    public ReadOnlyStringProperty moveTextProperty() {
        return moveText.getReadOnlyProperty();
    }

    /** "At -5.00%: equity 7,000.00, maintenance 340.00, margin ratio 4.9%" (or that it is liquidated there). */
    public ReadOnlyStringProperty atMoveTextProperty() {
        return atMoveText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liquidatedAtMoveProperty() {
        return liquidatedAtMove.getReadOnlyProperty();
    }

    /** The row whose mark the mark slider moves (the first row unless another is picked). */
    public ObjectProperty<Row> markTargetProperty() {
        return markTarget;
    }

    public ReadOnlyDoubleProperty markMinProperty() {
        return markMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty markMaxProperty() {
        return markMax.getReadOnlyProperty();
    }

    /** The target's mark as the slider shows it. */
    public ReadOnlyDoubleProperty markValueProperty() {
        return markValue.getReadOnlyProperty();
    }

    /** "Mark of #2 ETHUSDT short". */
    public ReadOnlyStringProperty markTargetTextProperty() {
        return markTargetText.getReadOnlyProperty();
    }

    /** The account figures in words for the summary card. */
    public String equityText() {
        return result.get() == null ? "" : LocalNumbers.money(result.get().equity());
    }

    public String maintenanceText() {
        return result.get() == null ? "" : LocalNumbers.money(result.get().maintenance());
    }

    public String marginRatioText() {
        AccountResult r = result.get();
        if (r == null) {
            return "";
        }
        return Double.isNaN(r.marginRatio()) ? Text.get("account.result.noRatio") : LocalNumbers.percentOf(r.marginRatio());
    }

    public String moveText() {
        AccountResult r = result.get();
        if (r == null) {
            return "";
        }
        if (r.liquidatableNow()) {
            return Text.get("account.result.liquidatableNow");
        }
        if (!r.hasLiquidationMove()) {
            return Text.get("account.result.noMove");
        }
        double m = r.liquidationMovePercent();
        return Text.format("account.result.move", (m > 0 ? "+" : "") + LocalNumbers.plain(Math.round(m * 100) / 100.0) + "%");
    }

    /** One position row: inputs as typed with their errors, and its figures from the last valid account. */
    public final class Row {
        private final ObjectProperty<VenueProfile> market = new SimpleObjectProperty<>(this, "market");
        private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
        private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
        private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
        private final ReadOnlyStringWrapper marketError = new ReadOnlyStringWrapper(this, "marketError", "");
        private final ReadOnlyStringWrapper sideError = new ReadOnlyStringWrapper(this, "sideError", "");
        private final ReadOnlyStringWrapper liquidation = new ReadOnlyStringWrapper(this, "liquidation", "");
        private final ReadOnlyStringWrapper bankruptcy = new ReadOnlyStringWrapper(this, "bankruptcy", "");
        private final ReadOnlyStringWrapper maintenance = new ReadOnlyStringWrapper(this, "maintenance", "");
        private final ReadOnlyStringWrapper upnl = new ReadOnlyStringWrapper(this, "upnl", "");
        private final ReadOnlyStringWrapper markAtMove = new ReadOnlyStringWrapper(this, "markAtMove", "");
        private final ReadOnlyStringWrapper upnlAtMove = new ReadOnlyStringWrapper(this, "upnlAtMove", "");
        private final ReadOnlyObjectWrapper<PositionResult> shown = new ReadOnlyObjectWrapper<>(this, "shown");

        Row() {
            for (Field f : Field.values()) {
                StringProperty p = new SimpleStringProperty(this, f.name(), "");
                p.subscribe(t -> recompute());
                text.put(f, p);
                errors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error", ""));
            }
            market.subscribe(m -> recompute());
            side.subscribe(s -> recompute());
        }

        void showAtMove(double price, double pnl) {
            markAtMove.set(LocalNumbers.price(price));
            upnlAtMove.set(LocalNumbers.money(pnl));
        }

        /** This position's mark after the chart's move. */
        public ReadOnlyStringProperty markAtMoveProperty() {
            return markAtMove.getReadOnlyProperty();
        }

        /** This position's unrealized PnL after the chart's move. */
        public ReadOnlyStringProperty upnlAtMoveProperty() {
            return upnlAtMove.getReadOnlyProperty();
        }

        static Field field(String name) {
            return switch (name) {
                case "entry" -> Field.ENTRY;
                case "qty", "notional" -> Field.QTY;
                case "leverage" -> Field.LEVERAGE;
                case "margin" -> Field.MARGIN;
                case "mark" -> Field.MARK;
                default -> null;
            };
        }

        void clearErrors() {
            errors.values().forEach(e -> e.set(""));
            marketError.set("");
            sideError.set("");
        }

        /** The row as a position, or null with its errors set. */
        AccountPosition toPosition() {
            double[] v = new double[Field.values().length];
            boolean ok = true;
            for (Field f : Field.values()) {
                String t = text.get(f).get();
                if (t == null || t.isBlank()) {
                    v[f.ordinal()] = Double.NaN;
                    continue;
                }
                OptionalDouble d = NumberText.parse(t);
                if (d.isEmpty()) {
                    errors.get(f).set(Text.get("account.error.number"));
                    ok = false;
                } else {
                    v[f.ordinal()] = d.getAsDouble();
                }
            }
            VenueProfile m = market.get();
            if (m == null) {
                marketError.set(Text.get("account.error.market"));
                ok = false;
            }
            if (!ok) {
                return null;
            }
            try {
                return AccountPosition.of(m.id(), AccountFile.venueKey(m), m.rules(), side.get(), v[Field.ENTRY.ordinal()],
                        v[Field.QTY.ordinal()], Double.NaN, v[Field.LEVERAGE.ordinal()], v[Field.MARGIN.ordinal()], v[Field.MARK.ordinal()]);
            } catch (InvalidInputException e) {
                Field f = field(e.field());
                if (f != null) {
                    errors.get(f).set(e.problem());
                } else if (e.field().equals("side")) {
                    sideError.set(e.problem());
                } else {
                    marketError.set(e.problem());
                }
                return null;
            }
        }

        void show(PositionResult r) {
            shown.set(r);
            liquidation.set(r.hasLiquidationPrice() ? LocalNumbers.price(r.liquidationPrice())
                    : r.liquidatableNow() ? Text.get("account.result.now") : Text.get("account.result.none"));
            bankruptcy.set(Double.isNaN(r.bankruptcyPrice()) ? Text.get("account.result.none") : LocalNumbers.price(r.bankruptcyPrice()));
            maintenance.set(LocalNumbers.money(r.maintenance()));
            upnl.set(LocalNumbers.money(r.unrealizedPnl()));
        }

        public ObjectProperty<VenueProfile> marketProperty() {
            return market;
        }

        public ObjectProperty<Side> sideProperty() {
            return side;
        }

        public StringProperty text(Field f) {
            return text.get(f);
        }

        public ReadOnlyStringProperty error(Field f) {
            return errors.get(f).getReadOnlyProperty();
        }

        public ReadOnlyStringProperty marketErrorProperty() {
            return marketError.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty sideErrorProperty() {
            return sideError.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty liquidationProperty() {
            return liquidation.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty bankruptcyProperty() {
            return bankruptcy.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty maintenanceProperty() {
            return maintenance.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty upnlProperty() {
            return upnl.getReadOnlyProperty();
        }

        /** The notes of the row's last result: the venue rule used and whether the price was solved numerically. */
        public String notesText() {
            PositionResult r = shown.get();
            return r == null ? "" : String.join(" ", r.notes());
        }

        /** The row's result from the last valid account (null before the first). */
        public ReadOnlyObjectProperty<PositionResult> shownProperty() {
            return shown.getReadOnlyProperty();
        }
    }
}
