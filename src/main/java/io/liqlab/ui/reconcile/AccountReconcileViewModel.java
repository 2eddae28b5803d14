package io.liqlab.ui.reconcile;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Position;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.core.account.AccountPosition;
import io.liqlab.core.account.AccountResult;
import io.liqlab.core.account.PositionResult;
import io.liqlab.core.reconcile.ImportedAccount;
import io.liqlab.core.reconcile.SnapshotCheck;
import io.liqlab.core.reconcile.VenueDisplay;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.SnapshotImport;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.NumberText;
import io.liqlab.ui.Text;
import io.liqlab.ui.account.AccountViewModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Account tab's "Import snapshot…" and "Doesn't match the exchange?": a snapshot saved or pasted from a venue's
 * API (Hyperliquid clearinghouseState, Binance positionRisk, Bybit /v5/position/list, OKX /api/v5/account/positions,
 * found from its shape) becomes the account, with LiqLab's figures beside the exchange's, each also as the venue
 * displays it; and one position of the account is reconciled with the price the exchange shows (filled in from the
 * snapshot where it sent one). No nodes, no threads: the file is read by {@link SnapshotImport} on the caller's
 * thread (a snapshot is at most 1 MiB).
 */
public final class AccountReconcileViewModel {

    private final AccountViewModel account;
    private final ProfileCatalog catalog;
    private final ReconcileViewModel reconcile;

    private final StringProperty pasted = new SimpleStringProperty(this, "pasted", "");
    private final StringProperty wallet = new SimpleStringProperty(this, "wallet", "");
    private final ReadOnlyStringWrapper importError = new ReadOnlyStringWrapper(this, "importError", "");
    private final ReadOnlyStringWrapper walletError = new ReadOnlyStringWrapper(this, "walletError", "");
    private final ReadOnlyStringWrapper imported = new ReadOnlyStringWrapper(this, "imported", "");
    private final ObservableList<String> comparison = FXCollections.observableArrayList();
    private final ObservableList<String> comparisonView = FXCollections.unmodifiableObservableList(comparison);
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ObservableList<String> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    /** The exchange's liquidation price per account row of the last import (NaN where none), while the rows are the import's. */
    private List<Double> exchangeLiquidation = List.of();
    private final LiquidationEngine engine;

    public AccountReconcileViewModel(LiquidationEngine engine, AccountViewModel account, ProfileCatalog catalog) {
        this.account = account;
        this.catalog = catalog;
        this.engine = engine;
        this.reconcile = new ReconcileViewModel(engine);
        account.resultProperty().subscribe(this::follow);
        selected.subscribe(i -> {
            follow(account.resultProperty().get());
            prefillShown();
        });
    }

    /** The reconcile of the selected position (its exchange price typed in, the causes, the steps). */
    public ReconcileViewModel reconcile() {
        return reconcile;
    }

    /** Snapshot JSON pasted by the user. */
    public StringProperty pastedProperty() {
        return pasted;
    }

    /** The wallet balance for a position list (Binance, Bybit, OKX hold none), as typed. */
    public StringProperty walletProperty() {
        return wallet;
    }

    public ReadOnlyStringProperty importErrorProperty() {
        return importError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty walletErrorProperty() {
        return walletError.getReadOnlyProperty();
    }

    /** One line on what the last import was ("" before any). */
    public ReadOnlyStringProperty importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /** LiqLab beside the exchange, one line per position of the last import, then the import's notes. */
    public ObservableList<String> comparison() {
        return comparisonView;
    }

    /** The account's positions, for choosing which one to reconcile ("1. BTCUSDT long 0.5"). */
    public ObservableList<String> choices() {
        return choicesView;
    }

    /** Index of the position reconciled (into {@link #choices()}). */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Imports the pasted text. */
    public boolean importPasted() {
        return importSnapshot(null);
    }

    /** Imports a snapshot file (chosen by the view). */
    public boolean importFile(Path file) {
        return importSnapshot(file);
    }

    private boolean importSnapshot(Path file) {
        importError.set("");
        walletError.set("");
        double w = Double.NaN;
        String walletText = wallet.get() == null ? "" : wallet.get().strip();
        if (!walletText.isEmpty()) {
            OptionalDouble v = NumberText.parse(walletText);
            if (v.isEmpty() || !(v.getAsDouble() >= 0) || !Double.isFinite(v.getAsDouble())) {
                walletError.set(Text.get("account.import.error.wallet"));
                return false;
            }
            w = v.getAsDouble();
        }
        ImportedAccount in;
        try {
            in = file == null ? SnapshotImport.read(Text.get("account.import.pastedName"), pasted.get(), null, catalog, w)
                    : SnapshotImport.read(file, null, catalog, w);
        } catch (InvalidInputException e) {
            if (e.field().equals("wallet")) {
                walletError.set(e.problem());
            } else {
                importError.set(Text.format("account.import.error", e.field(), e.problem()));
            }
            return false;
        }
        AccountResult cross = null;
        if (in.account() != null) {
            if (!account.load(in.account())) {
                importError.set(Text.get("account.import.error.market"));
                return false;
            }
            try {
                cross = new AccountEngine().calculate(in.account());
            } catch (InvalidInputException e) {
                importError.set(Text.format("account.import.error", e.field(), e.problem()));
                return false;
            }
            exchangeLiquidation = in.exchangeLiquidation();
        } else {
            exchangeLiquidation = List.of();
        }
        imported.set(Text.format("account.import.done", in.source(), in.account() == null ? 0 : in.account().positions().size(), in.isolated().size()));
        List<String> lines = new ArrayList<>();
        VenueDisplay.Rule rule = VenueDisplay.ruleFor(in.venueRulesId());
        for (SnapshotCheck.Row row : SnapshotCheck.rows(in, cross, engine)) {
            lines.add(line(row, rule));
        }
        for (ImportedAccount.IsolatedPosition iso : in.isolated()) {
            lines.add(Text.format("account.import.isolatedNote", iso.market()));
        }
        lines.addAll(in.notes());
        comparison.setAll(lines);
        if (selected.get() != 0) {
            selected.set(0); // its listener follows the first position and fills in its exchange price
        } else {
            follow(account.resultProperty().get());
            prefillShown();
        }
        return true;
    }

    private static String line(SnapshotCheck.Row row, VenueDisplay.Rule rule) {
        String mine = Double.isNaN(row.liquidation()) ? Text.get("position.reconcile.none") : LocalNumbers.price(row.liquidation());
        String shown = ReconcileRows.displayed(rule, row.liquidation(), row.side(), row.exchange().tick());
        if (!shown.isEmpty()) {
            mine = Text.format("account.import.asDisplayed", mine, shown);
        }
        double theirs = row.exchange().liquidation();
        String verdict = switch (row.liquidationVerdict()) {
            case AGREES_AS_DISPLAYED -> Text.get("account.import.verdict.asDisplayed");
            case AGREES -> Text.get("account.import.verdict.agrees");
            case DIFFERS -> Text.format("account.import.verdict.differs", (theirs >= row.liquidation() ? "+" : "-")
                    + LocalNumbers.priceDifference(Math.abs(theirs - row.liquidation()), row.liquidation()));
            case EXCHANGE_SENDS_NONE -> Text.get("account.import.verdict.none");
            case LIQLAB_NONE -> Text.get("account.import.verdict.liqlabNone");
            case NEITHER -> Text.get("account.import.verdict.neither");
        };
        String text = Text.format("account.import.row", row.market(), row.side().id(), LocalNumbers.quantity(row.quantity()), mine,
                Double.isNaN(theirs) ? Text.get("position.reconcile.none") : LocalNumbers.price(theirs), verdict);
        if (!Double.isNaN(row.exchange().bankruptcy())) {
            String bust = Double.isNaN(row.bankruptcy()) ? Text.get("position.reconcile.none") : LocalNumbers.price(row.bankruptcy());
            String bustShown = ReconcileRows.displayed(rule, row.bankruptcy(), row.side(), row.exchange().tick());
            text += " " + Text.format("account.import.bankruptcy", bustShown.isEmpty() ? bust : Text.format("account.import.asDisplayed", bust, bustShown),
                    LocalNumbers.price(row.exchange().bankruptcy()));
        }
        return text;
    }

    /** Follows the account's result: the choices, and the selected position as a cross position for the reconciler. */
    private void follow(AccountResult r) {
        if (r == null) {
            choices.clear();
            reconcile.setPosition(null);
            return;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < r.positions().size(); i++) {
            AccountPosition p = r.positions().get(i).position();
            labels.add(Text.format("account.reconcile.choice", i + 1, p.market(), p.side().id(), LocalNumbers.quantity(p.quantity())));
        }
        if (!labels.equals(choices)) {
            choices.setAll(labels);
        }
        int i = Math.max(0, Math.min(selected.get(), r.positions().size() - 1));
        PositionResult pr = r.positions().get(i);
        VenueProfile profile = catalog.find(pr.position().market()).orElse(null);
        if (profile == null) {
            reconcile.setPosition(null);
            return;
        }
        reconcile.setPosition(new ReconcileViewModel.Subject(pr.position().rules(), crossPosition(r, i), profile.listing().venueRules(),
                profile.listing().tickSize()));
    }

    private void prefillShown() {
        int i = selected.get();
        if (i >= 0 && i < exchangeLiquidation.size() && !Double.isNaN(exchangeLiquidation.get(i))) {
            reconcile.shownProperty().set(LocalNumbers.plain(exchangeLiquidation.get(i)));
        }
    }

    /**
     * Position {@code i} of the account as the position calculator's cross position: the engine's own where it gave
     * the price, else (solved numerically: OKX, or a market's two legs) the wallet with every other position's
     * maintenance and unrealized PnL at its mark.
     */
    static Position crossPosition(AccountResult r, int i) {
        PositionResult pr = r.positions().get(i);
        if (pr.detail() != null) {
            return pr.detail().position();
        }
        double otherMm = 0;
        double otherUpnl = 0;
        for (int j = 0; j < r.positions().size(); j++) {
            if (j != i) {
                otherMm += r.positions().get(j).maintenance();
                otherUpnl += r.positions().get(j).unrealizedPnl();
            }
        }
        AccountPosition p = pr.position();
        return Position.builder().side(p.side()).mode(MarginMode.CROSS).entryPrice(p.entry()).markPrice(p.mark()).quantity(p.quantity())
                .leverage(p.leverage()).wallet(r.account().wallet()).otherMaintenance(otherMm).otherUnrealizedPnl(otherUpnl).build();
    }
}
