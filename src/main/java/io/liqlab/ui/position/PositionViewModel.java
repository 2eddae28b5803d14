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
    private final BooleanBinding valid;
    private final BooleanProperty syncingLeverage = new SimpleBooleanProperty(false);

    public PositionViewModel(LiquidationEngine engine, List<VenueProfile> profiles) {
        this(engine, FXCollections.observableArrayList(profiles));
    }

    /**
     * With a live list of profiles: a profile saved in the tier editor appears here at once, and a new version of
     * the selected profile replaces it in the calculation.
     */
    public PositionViewModel(LiquidationEngine engine, ObservableList<VenueProfile> liveProfiles) {
        this.engine = engine;
        this.profiles = FXCollections.unmodifiableObservableList(liveProfiles);
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
        List<Observable> inputs = new ArrayList<>(text.values());
        inputs.addAll(List.of(profile, side, marginMode, sizeUnit, marginInput));
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        recompute();
    }

    /** The classic teaching example: BTC long, entry 60,000, 25x, 500 margin (12,500 notional), textbook. */
    public void resetToClassicExample() {
        profile.set(profiles.stream().filter(p -> p.id().equals("textbook")).findFirst().orElse(profiles.isEmpty() ? null : profiles.getFirst()));
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
        Position.Builder b = Position.builder().side(side.get()).mode(marginMode.get());
        double entry = number(InputField.ENTRY, true);
        double mark = number(InputField.MARK, false);
        double size = number(InputField.SIZE, true);
        double lev = number(InputField.LEVERAGE, !cross && !byMargin);
        double margin = byMargin ? number(InputField.MARGIN, true) : Double.NaN;
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
        if (!byMargin) {
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
        return p.side().sign() * rate.getAsDouble() / 100 * p.quantity() * p.markPrice() / FUNDING_INTERVAL_HOURS;
    }
}
