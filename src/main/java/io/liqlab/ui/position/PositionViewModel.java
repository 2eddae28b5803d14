package io.liqlab.ui.position;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.MarginMode;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.profile.ProfileIds;
import io.liqlab.profile.VenueProfile;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
 * The position form: text inputs as typed, their validation, and the engine's result for the last valid input.
 * Invalid input never produces a wrong number: the last good result stays, marked stale.
 */
public final class PositionViewModel {

    /** How the size field is read. */
    public enum SizeUnit { QUANTITY, NOTIONAL }

    /** Whether isolated margin comes from the leverage or is typed in. */
    public enum MarginInput { LEVERAGE, MARGIN }

    /** Hours per funding interval (Binance, Bybit, OKX, GTE; Hyperliquid and dYdX pay hourly at an 8-hour-equivalent rate). */
    public static final double FUNDING_INTERVAL_HOURS = 8;

    private final LiquidationEngine engine;
    private final ObservableList<VenueProfile> profiles;
    private final io.liqlab.ui.MarketChoices markets;
    private final javafx.collections.transformation.FilteredList<VenueProfile> sameMarket;
    private final MarkPriceSource markSource;
    private final io.liqlab.ui.task.TaskExecutor tasks;
    private final ReadOnlyStringWrapper marketFlag = new ReadOnlyStringWrapper(this, "marketFlag", "");
    private final ReadOnlyBooleanWrapper markFetching = new ReadOnlyBooleanWrapper(this, "markFetching");
    private final ReadOnlyStringWrapper markStatus = new ReadOnlyStringWrapper(this, "markStatus", "");
    private final ReadOnlyBooleanWrapper markFailed = new ReadOnlyBooleanWrapper(this, "markFailed");
    private final BooleanBinding canFetchMark;
    /** The last mark fetched per profile id: the market's own price, against which a far entry is flagged. */
    private final Map<String, MarkPriceSource.Quote> fetchedMarks = new java.util.HashMap<>();

    private final ObjectProperty<VenueProfile> profile = new SimpleObjectProperty<>(this, "profile");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
    private final ObjectProperty<MarginMode> marginMode = new SimpleObjectProperty<>(this, "marginMode", MarginMode.ISOLATED);
    private final ObjectProperty<SizeUnit> sizeUnit = new SimpleObjectProperty<>(this, "sizeUnit", SizeUnit.NOTIONAL);
    private final ObjectProperty<MarginInput> marginInput = new SimpleObjectProperty<>(this, "marginInput", MarginInput.LEVERAGE);
    private final Map<InputField, StringProperty> text = new EnumMap<>(InputField.class);
    private final DoubleProperty leverage = new SimpleDoubleProperty(this, "leverage", 25);

    private final Map<InputField, ReadOnlyStringWrapper> errors = new EnumMap<>(InputField.class);
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(this, "position");
    private final ReadOnlyObjectWrapper<LiquidationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper derivedSize = new ReadOnlyStringWrapper(this, "derivedSize", "");
    private final ReadOnlyDoubleWrapper maxLeverage = new ReadOnlyDoubleWrapper(this, "maxLeverage", 125);
    private final ReadOnlyStringWrapper leverageLimit = new ReadOnlyStringWrapper(this, "leverageLimit", "");
    private final ReadOnlyStringWrapper marketWarning = new ReadOnlyStringWrapper(this, "marketWarning", "");
    private final ReadOnlyStringWrapper contractNote = new ReadOnlyStringWrapper(this, "contractNote", "");
    private final ReadOnlyStringWrapper leverageNote = new ReadOnlyStringWrapper(this, "leverageNote", "");
    private final BooleanBinding valid;
    private final BooleanProperty syncingLeverage = new SimpleBooleanProperty(false);
    /** True while the form itself writes a derived value into a field it does not read (no recompute for that). */
    private boolean publishing;
    /** The wallet the form filled in itself on switching to cross; a wallet still equal to it may be refilled. */
    private String autoWallet = "";
    /** The margin of the last valid isolated position (invalidation listeners have recomputed in cross by the time the switch is seen). */
    private double isolatedMargin = Double.NaN;

    public PositionViewModel(LiquidationEngine engine, List<VenueProfile> profiles) {
        this(engine, FXCollections.observableArrayList(profiles));
    }

    /**
     * With a live list of profiles: a profile saved in the tier editor appears here at once, and a new version of
     * the selected profile replaces it in the calculation.
     */
    public PositionViewModel(LiquidationEngine engine, ObservableList<VenueProfile> liveProfiles) {
        this(engine, liveProfiles, java.time.Clock.systemDefaultZone(), MarkPriceSource.NONE, io.liqlab.ui.task.TaskExecutor.callingThread());
    }

    /**
     * @param clock      today's date, for how old each market's data is (tests fix it)
     * @param markSource where "Fetch mark" asks, only when the user asks
     * @param tasks      runs the fetch off the FX thread, listed with the app's other tasks (tests run it in place)
     */
    public PositionViewModel(LiquidationEngine engine, ObservableList<VenueProfile> liveProfiles, java.time.Clock clock,
                             MarkPriceSource markSource, io.liqlab.ui.task.TaskExecutor tasks) {
        this.engine = engine;
        this.profiles = FXCollections.unmodifiableObservableList(liveProfiles);
        this.markets = new io.liqlab.ui.MarketChoices(clock);
        this.markSource = markSource;
        this.tasks = tasks;
        // The charts compare venues on the chosen market: its base's profiles, and those for any market (textbook).
        this.sameMarket = new javafx.collections.transformation.FilteredList<>(profiles);
        profile.subscribe(p -> {
            // A profile for any market (the textbook) keeps the market the charts were on: BTC's at first, the classic example's.
            String chosen = p == null ? "" : io.liqlab.ui.MarketChoices.baseOf(p);
            if (!chosen.isEmpty() || sameMarket.getPredicate() == null) {
                String base = chosen.isEmpty() ? "BTC" : chosen;
                // The same kind of contract as the form's (USD- or coin-margined), so BTC's curves do not double; the
                // textbook (any market) stays, the linear trade an inverse one is compared with.
                boolean inverse = p != null && p.rules().inverse();
                sameMarket.setPredicate(v -> {
                    String b = io.liqlab.ui.MarketChoices.baseOf(v);
                    return b.isEmpty() || b.equals(base) && v.rules().inverse() == inverse;
                });
            }
            marketFlag.set(p == null ? "" : markets.entry(p).flag());
        });
        canFetchMark = Bindings.createBooleanBinding(() -> !markFetching.get() && profile.get() != null
                && markSource.covers(io.liqlab.ui.MarketChoices.venueOf(profile.get())) && !profile.get().listing().symbol().isEmpty(),
                markFetching, profile);
        liveProfiles.addListener((javafx.collections.ListChangeListener<VenueProfile>) change -> {
            VenueProfile current = profile.get();
            if (current != null && !liveProfiles.contains(current)) {
                profile.set(liveProfiles.stream().filter(p -> p.id().equals(current.id())).findFirst()
                        .orElse(liveProfiles.isEmpty() ? null : liveProfiles.getFirst()));
            }
        });
        for (InputField f : InputField.values()) {
            text.put(f, new SimpleStringProperty(this, f.name(), ""));
            errors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error", ""));
        }
        valid = Bindings.createBooleanBinding(() -> errors.values().stream().allMatch(e -> e.get().isEmpty()),
                errors.values().toArray(Observable[]::new));
        resetToClassicExample();

        // The slider and the leverage field are two views of one number.
        leverage.addListener((obs, was, now) -> {
            if (!syncingLeverage.get()) {
                syncingLeverage.set(true);
                text.get(InputField.LEVERAGE).set(formatLeverage(now.doubleValue()));
                syncingLeverage.set(false);
            }
        });
        text.get(InputField.LEVERAGE).addListener((obs, was, now) -> {
            if (!syncingLeverage.get()) {
                OptionalDouble v = NumberText.parse(now);
                if (v.isPresent() && v.getAsDouble() > 0) {
                    syncingLeverage.set(true);
                    leverage.set(v.getAsDouble());
                    syncingLeverage.set(false);
                }
            }
        });
        // Switching the unit converts the number: 12,500 notional at 60,000 is 0.20833333 units, not 12,500 units.
        sizeUnit.addListener((obs, was, now) -> convertSize(was, now));
        // Cross mode: a wallet the user never typed starts at the position's current margin, not at a stale 500.
        marginMode.addListener((obs, was, now) -> {
            if (now == MarginMode.CROSS) {
                fillWalletFromMargin();
            }
        });
        List<Observable> inputs = new ArrayList<>(text.values());
        inputs.addAll(List.of(profile, side, marginMode, sizeUnit, marginInput));
        for (Observable o : inputs) {
            o.addListener(x -> {
                if (!publishing) {
                    recompute();
                }
            });
        }
        recompute();
    }

    /** The classic teaching example: BTC long, entry 60,000, 25x, 500 margin (12,500 notional), textbook. */
    public void resetToClassicExample() {
        profile.set(profiles.stream().filter(ProfileIds::isTextbook).findFirst().orElse(profiles.isEmpty() ? null : profiles.getFirst()));
        side.set(Side.LONG);
        marginMode.set(MarginMode.ISOLATED);
        sizeUnit.set(SizeUnit.NOTIONAL);
        marginInput.set(MarginInput.LEVERAGE);
        text.get(InputField.ENTRY).set(input(60000));
        text.get(InputField.MARK).set("");
        text.get(InputField.SIZE).set(input(12500));
        text.get(InputField.LEVERAGE).set(input(25));
        text.get(InputField.MARGIN).set(input(500));
        text.get(InputField.WALLET).set(input(500));
        autoWallet = text.get(InputField.WALLET).get();
        text.get(InputField.OTHER_MAINTENANCE).set("0");
        text.get(InputField.OTHER_UPNL).set("0");
        text.get(InputField.OPENING_FEE).set("0");
        text.get(InputField.FUNDING_RATE).set(input(0.01));
        text.get(InputField.HOLDING_HOURS).set("0");
    }

    // ---- inputs ----

    public ObservableList<VenueProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<VenueProfile> profileProperty() {
        return profile;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public ObjectProperty<MarginMode> marginModeProperty() {
        return marginMode;
    }

    public ObjectProperty<SizeUnit> sizeUnitProperty() {
        return sizeUnit;
    }

    public ObjectProperty<MarginInput> marginInputProperty() {
        return marginInput;
    }

    /** The text of a field as typed. Funding rate is in percent per 8-hour interval; holding time in hours. */
    public StringProperty textProperty(InputField field) {
        return text.get(field);
    }

    /** The leverage as a number (the slider); the LEVERAGE text follows it and it follows the text. */
    public DoubleProperty leverageProperty() {
        return leverage;
    }

    // ---- outputs ----

    /** "" when the field is fine, otherwise what is wrong and what is allowed. */
    public ReadOnlyStringProperty errorProperty(InputField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    /** The last valid position; null until there is one. */
    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The result for the last valid position. */
    public ReadOnlyObjectProperty<LiquidationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True while some input is invalid: the result shown belongs to earlier input. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The size in the other unit: "= 0.2083 BTC" when typed as notional, "= 12,500.00 notional" when typed as quantity. */
    public ReadOnlyStringProperty derivedSizeProperty() {
        return derivedSize.getReadOnlyProperty();
    }

    /** The highest leverage the selected venue allows for this size. */
    public ReadOnlyDoubleProperty maxLeverageProperty() {
        return maxLeverage.getReadOnlyProperty();
    }

    /** "Coin-margined (BTC): ..." under the venue for an inverse profile: what size, margin and fees are in. */
    public ReadOnlyStringProperty contractNoteProperty() {
        return contractNote.getReadOnlyProperty();
    }

    /**
     * "" when the numbers may belong to the chosen market; otherwise a warning that the entry price is far from that
     * market's last fetched mark (an ETH price on a BTC profile silently uses BTC's tiers).
     */
    public ReadOnlyStringProperty marketWarningProperty() {
        return marketWarning.getReadOnlyProperty();
    }

    /** Why the leverage slider is greyed ("" while it is the input): cross mode, or margin typed in. */
    public ReadOnlyStringProperty leverageNoteProperty() {
        return leverageNote.getReadOnlyProperty();
    }

    /** Whether the leverage is the input (isolated by leverage); otherwise it is derived and shown greyed. */
    public boolean leverageIsInput() {
        return marginMode.get() == MarginMode.ISOLATED && marginInput.get() == MarginInput.LEVERAGE;
    }

    /**
     * Sets the leverage from the slider, snapped to whole numbers, or to tenths when {@code fine} (Shift held):
     * a drag gives 96x, not 95.82x.
     */
    public void setLeverageFromSlider(double raw, boolean fine) {
        double step = fine ? 0.1 : 1;
        double snapped = Math.max(step, Math.round(raw / step) * step);
        snapped = Math.round(snapped * 10) / 10.0; // 0.30000000000000004 -> 0.3
        leverage.set(snapped);
    }

    /** "max 125x at this size (tier 1)". */
    public ReadOnlyStringProperty leverageLimitProperty() {
        return leverageLimit.getReadOnlyProperty();
    }

    // ---- the work ----

    private void recompute() {
        for (ReadOnlyStringWrapper e : errors.values()) {
            e.set("");
        }
        VenueProfile venue = profile.get();
        if (venue == null) {
            stale.set(true);
            return;
        }
        boolean cross = marginMode.get() == MarginMode.CROSS;
        boolean byMargin = !cross && marginInput.get() == MarginInput.MARGIN;
        // a coin-margined profile: the size is the USD value (or the coin), margin and the other amounts in the coin
        Position.Builder b = Position.builder().side(side.get()).mode(marginMode.get()).inverse(venue.rules().inverse());
        double entry = number(InputField.ENTRY, true);
        double mark = number(InputField.MARK, false);
        double size = number(InputField.SIZE, true);
        // Only isolated-by-leverage reads the leverage; otherwise the field shows the derived leverage.
        double lev = !cross && !byMargin ? number(InputField.LEVERAGE, true) : Double.NaN;
        double margin = byMargin ? number(InputField.MARGIN, true) : Double.NaN;
        marketWarning.set(marketWarningFor(venue, text.get(InputField.ENTRY).get()));
        contractNote.set(contractNoteFor(venue));
        leverageNote.set(cross ? Text.get("position.leverage.crossNote") : byMargin ? Text.get("position.leverage.marginNote") : "");
        double wallet = cross ? number(InputField.WALLET, true) : Double.NaN;
        double otherMm = cross ? number(InputField.OTHER_MAINTENANCE, false) : Double.NaN;
        double otherUpnl = cross ? number(InputField.OTHER_UPNL, false) : Double.NaN;
        double fee = number(InputField.OPENING_FEE, false);
        double fundingPercent = number(InputField.FUNDING_RATE, false);
        double hours = number(InputField.HOLDING_HOURS, false);
        if (!errorsEmpty()) {
            stale.set(result.get() != null);
            return;
        }
        b.entryPrice(entry).markPrice(mark);
        if (sizeUnit.get() == SizeUnit.QUANTITY) {
            b.quantity(size);
        } else {
            b.notional(size);
        }
        if (!cross && !byMargin) {
            b.leverage(lev);
        }
        b.margin(margin).wallet(wallet).otherMaintenance(otherMm).otherUnrealizedPnl(otherUpnl);
        if (!Double.isNaN(fee)) {
            b.openingFee(fee);
        }
        if (!Double.isNaN(hours) && hours > 0 && !Double.isNaN(fundingPercent) && fundingPercent != 0) {
            b.fundingRate(fundingPercent / 100, hours / FUNDING_INTERVAL_HOURS);
        } else if (!Double.isNaN(hours) && hours < 0) {
            errors.get(InputField.HOLDING_HOURS).set(Text.format("position.error.hoursNegative", LocalNumbers.quantity(hours)));
        } else if (!Double.isNaN(fundingPercent) && (fundingPercent <= -100 || fundingPercent >= 100)) {
            errors.get(InputField.FUNDING_RATE).set(Text.format("position.error.fundingRange", LocalNumbers.quantity(fundingPercent)));
        }
        if (!errorsEmpty()) {
            stale.set(result.get() != null);
            return;
        }
        Position p;
        LiquidationResult r;
        try {
            p = b.build();
            // The venue can refuse what the position alone allows (a size beyond its recorded tiers).
            r = engine.calculate(venue.rules(), p);
        } catch (InvalidInputException e) {
            InputField f = InputField.forModelField(e.field());
            errors.get(f).set(explain(f, e.problem()));
            stale.set(result.get() != null);
            return;
        }
        double max = r.maxLeverage();
        maxLeverage.set(max);
        leverageLimit.set(Text.format("position.leverageLimit", LocalNumbers.leverage(max), r.tierAtEntry().number()));
        derivedSize.set(sizeUnit.get() == SizeUnit.QUANTITY ? Text.format("position.derivedNotional", LocalNumbers.money(p.notional()))
                : Text.format("position.derivedQuantity", LocalNumbers.quantity(p.quantity())));
        position.set(p);
        result.set(r);
        stale.set(false);
        publishDerived(r, cross, byMargin);
        if (!cross) {
            isolatedMargin = r.margin();
        }
    }

    /**
     * Writes the value the form derives into the greyed field, so it never shows a stale number: the margin for the
     * current leverage, or the leverage for the current margin (and in cross mode, notional over the cross margin).
     * Switching "Isolated by" then carries the shown value over.
     */
    private void publishDerived(LiquidationResult r, boolean cross, boolean byMargin) {
        publishing = true;
        try {
            if (!cross && !byMargin) {
                // to the cent, or to the satoshi in a coin (0.005 BTC would read 0.01)
                text.get(InputField.MARGIN).set(input(round(r.margin(), r.position().inverse() ? 8 : 2)));
            } else if (Double.isFinite(r.leverage()) && r.leverage() > 0) {
                text.get(InputField.LEVERAGE).set(formatLeverage(r.leverage()));
            }
        } finally {
            publishing = false;
        }
    }

    private void convertSize(SizeUnit was, SizeUnit now) {
        if (was == null || now == null || was == now) {
            return;
        }
        OptionalDouble size = NumberText.parse(text.get(InputField.SIZE).get());
        OptionalDouble entry = NumberText.parse(text.get(InputField.ENTRY).get());
        if (size.isEmpty() || entry.isEmpty() || entry.getAsDouble() <= 0) {
            return; // nothing sensible to convert; the field keeps what was typed and is validated as usual
        }
        double converted = now == SizeUnit.QUANTITY ? size.getAsDouble() / entry.getAsDouble() : size.getAsDouble() * entry.getAsDouble();
        text.get(InputField.SIZE).set(input(round(converted, now == SizeUnit.QUANTITY ? 8 : 2)));
    }

    private void fillWalletFromMargin() {
        String wallet = text.get(InputField.WALLET).get();
        if (Double.isNaN(isolatedMargin) || !(wallet == null || wallet.isBlank() || wallet.equals(autoWallet))) {
            return;
        }
        autoWallet = input(round(isolatedMargin, 2));
        text.get(InputField.WALLET).set(autoWallet);
    }

    private static double round(double v, int decimals) {
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The market's short name as the profile states it: "BTCUSDT" from "BTCUSDT linear perpetual". */
    static String marketName(VenueProfile venue) {
        return io.liqlab.ui.MarketChoices.marketName(venue);
    }

    /** The currency a profile's market settles in: USDT for BTCUSDT, USD for BTC-USD and for a market that does not say. */
    public static String quoteCurrency(VenueProfile venue) {
        String market = venue == null ? "" : marketName(venue).toUpperCase(java.util.Locale.ROOT);
        for (String quote : new String[] {"USDT", "USDC", "USD"}) {
            if (market.endsWith(quote) && market.length() > quote.length()) {
                return quote;
            }
        }
        return "USD";
    }

    /** The currency margin, funding and fees are in: the coin on a coin-margined profile, else the quote. */
    public static String marginCurrency(VenueProfile venue) {
        if (venue != null && venue.rules().inverse()) {
            return io.liqlab.report.ResultReport.coinOf(venue);
        }
        return quoteCurrency(venue);
    }

    /** For a coin-margined profile, what the form's fields are counted in; empty for a linear one. */
    static String contractNoteFor(VenueProfile venue) {
        if (venue == null || !venue.rules().inverse()) {
            return "";
        }
        return Text.format("position.contract.inverse", marginCurrency(venue), LocalNumbers.bound(venue.rules().contract().contractValue()));
    }

    /**
     * A warning when the entry is far from the chosen market's own price: the last mark fetched for it (no table of
     * price ranges: the market is chosen explicitly, and only its fetched price says what its prices look like).
     * "Far" is more than a factor of 2 away: an ETH price on a BTC market, not a volatile day.
     */
    private String marketWarningFor(VenueProfile venue, String entryText) {
        MarkPriceSource.Quote mark = fetchedMarks.get(venue.id());
        OptionalDouble entry = NumberText.parse(entryText);
        if (mark == null || entry.isEmpty() || entry.getAsDouble() <= 0) {
            return "";
        }
        double e = entry.getAsDouble();
        if (e >= mark.price() / 2 && e <= mark.price() * 2) {
            return "";
        }
        return Text.format("position.marketWarning", marketName(venue), LocalNumbers.price(e), LocalNumbers.price(mark.price()),
                timeOf(mark.at()));
    }

    private static String timeOf(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", java.util.Locale.ROOT)
                .format(at.atZone(java.time.ZoneOffset.UTC));
    }

    // ---- the market and its mark price ----

    /** What the market choosers show of each profile (name, symbol, data date, amber flag) and how typing filters. */
    public io.liqlab.ui.MarketChoices markets() {
        return markets;
    }

    /** The profiles the charts offer: those for the chosen market's base asset, and those for any market. */
    public ObservableList<VenueProfile> sameMarketProfiles() {
        return sameMarket;
    }

    /** Why the chosen market's data may mislead (old, partly recorded), "" when nothing: shown in amber. */
    public ReadOnlyStringProperty marketFlagProperty() {
        return marketFlag.getReadOnlyProperty();
    }

    /** Whether "Fetch mark" can run: a market whose venue publishes a mark price, no fetch under way. */
    public BooleanBinding canFetchMarkBinding() {
        return canFetchMark;
    }

    public ReadOnlyBooleanProperty markFetchingProperty() {
        return markFetching.getReadOnlyProperty();
    }

    /** The last fetch in one line: the price and its time, or the venue and the cause of the failure. */
    public ReadOnlyStringProperty markStatusProperty() {
        return markStatus.getReadOnlyProperty();
    }

    /** Whether {@link #markStatusProperty()} tells a failure. */
    public ReadOnlyBooleanProperty markFailedProperty() {
        return markFailed.getReadOnlyProperty();
    }

    /**
     * Fetches the chosen market's mark price off the FX thread and fills Mark with it; a failure says why in one line
     * and leaves Mark as it was. The only network use of the form, and only when asked.
     */
    public void fetchMark() {
        VenueProfile p = profile.get();
        if (!canFetchMark.get()) {
            return;
        }
        String venue = io.liqlab.ui.MarketChoices.venueOf(p);
        String symbol = p.listing().symbol();
        markFetching.set(true);
        markFailed.set(false);
        markStatus.set(Text.format("position.mark.fetching", symbol, p.venue()));
        tasks.submit(io.liqlab.ui.task.BackgroundTask.of(Text.format("position.mark.task", symbol, p.venue()),
                        progress -> markSource.fetch(venue, symbol))
                .onSuccess(q -> markFetched(p, q))
                .onFailure(e -> markFailed(switch (e) {
                    case MarkPriceSource.Unavailable u -> u.getMessage();
                    case java.util.concurrent.CancellationException c -> Text.format("position.mark.cancelled", venue);
                    case InterruptedException i -> Text.format("position.mark.cancelled", venue);
                    default -> venue + ": " + io.liqlab.ui.task.BackgroundTask.messageOf(e);
                })));
    }

    private void markFetched(VenueProfile asked, MarkPriceSource.Quote q) {
        markFetching.set(false);
        fetchedMarks.put(asked.id(), q);
        String symbol = asked.listing().symbol();
        if (profile.get() != asked) {
            markStatus.set(Text.format("position.mark.otherMarket", LocalNumbers.price(q.price()), symbol, timeOf(q.at())));
            return;
        }
        markStatus.set(Text.format("position.mark.fetched", LocalNumbers.price(q.price()), symbol, asked.venue(), timeOf(q.at())));
        text.get(InputField.MARK).set(input(q.price())); // the form recomputes with it, as when typed
    }

    private void markFailed(String message) {
        markFetching.set(false);
        markFailed.set(true);
        markStatus.set(message);
    }

    private boolean errorsEmpty() {
        return errors.values().stream().allMatch(e -> e.get().isEmpty());
    }

    /** Parses a field; records "required" or "not a number" on it; NaN when blank and optional. */
    private double number(InputField field, boolean required) {
        String t = text.get(field).get();
        if (t == null || t.isBlank()) {
            if (required) {
                errors.get(field).set(Text.get("position.error.required"));
            }
            return Double.NaN;
        }
        OptionalDouble v = NumberText.parse(t);
        if (v.isEmpty()) {
            errors.get(field).set(Text.format("position.error.notANumber", t.strip()));
            return Double.NaN;
        }
        return v.getAsDouble();
    }

    private static String explain(InputField field, String problem) {
        if (field == InputField.HOLDING_HOURS) {
            return Text.get("position.error.hoursRange");
        }
        if (field == InputField.FUNDING_RATE) {
            return Text.get("position.error.fundingRangeOnly");
        }
        return problem;
    }

    /** The leverage as the field shows it: 25, 12.5 (12,5 in German), at most two decimals. */
    static String formatLeverage(double v) {
        return LocalNumbers.leverage(v).replace("x", "");
    }

    /** A number as the form's fields show it in the user's locale: 60000, 0.01 (0,01 in German). */
    private static String input(double v) {
        return LocalNumbers.plain(v);
    }

    /** Funding paid per hour at the current inputs (signed: negative = received), NaN when unknown. */
    public double fundingPerHour() {
        Position p = position.get();
        OptionalDouble rate = NumberText.parse(text.get(InputField.FUNDING_RATE).get());
        if (p == null || rate.isEmpty()) {
            return Double.NaN;
        }
        // coin-margined: the rate on the value in the coin at the mark, V / mark
        double exposure = p.inverse() ? p.notional() / p.markPrice() : p.quantity() * p.markPrice();
        return p.side().sign() * rate.getAsDouble() / 100 * exposure / FUNDING_INTERVAL_HOURS;
    }
}
