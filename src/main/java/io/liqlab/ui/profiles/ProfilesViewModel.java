package io.liqlab.ui.profiles;

import io.liqlab.core.Tier;
import io.liqlab.core.TierSchedule;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileProblem;
import io.liqlab.profile.Provenance;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.LocalNumbers;
import io.liqlab.ui.Text;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/** The venue-profile browser: which profiles are loaded, which is selected, and what to say about it. */
public final class ProfilesViewModel {

    /** One tier row as the table shows it. */
    public record TierRow(String tier, String floor, String cap, String maxLeverage, String maintenanceRate, String amount) {
    }

    /** What the detail pane shows for the selected profile. */
    public record Detail(String title, String subtitle, String family, List<String[]> rules, String tierUnit,
                         List<TierRow> tiers, String dataLine, List<String> sources, List<String> standIns) {
    }

    private final ObservableList<VenueProfile> backing;
    private final ObservableList<VenueProfile> profiles;
    private final List<String> problems;
    private final ObjectProperty<VenueProfile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableValue<Detail> detail = selected.map(ProfilesViewModel::describe);

    private ProfileCatalog catalog;

    public ProfilesViewModel(ProfileCatalog catalog) {
        this.catalog = catalog;
        this.backing = FXCollections.observableArrayList(catalog.allProfiles());
        this.profiles = FXCollections.unmodifiableObservableList(backing);
        this.problems = catalog.problems().stream().map(ProfileProblem::toString).toList();
        if (!profiles.isEmpty()) {
            selected.set(profiles.getFirst());
        }
    }

    private io.liqlab.ui.update.UpdateDataViewModel update;

    /** Shows the profiles read again (after an update wrote new ones); the selection follows its id. */
    public void reload(ProfileCatalog fresh) {
        String id = selected.get() == null ? null : selected.get().id();
        catalog = fresh;
        backing.setAll(fresh.allProfiles());
        selected.set(backing.stream().filter(p -> p.id().equals(id)).findFirst().orElse(backing.isEmpty() ? null : backing.getFirst()));
    }

    /** Offers "Update venue data" in this tab (the app does; tests of the browser alone need not). */
    public void offerUpdates(io.liqlab.ui.update.UpdateDataViewModel update) {
        this.update = update;
    }

    /** The update window's model, or null when updates are not offered. */
    public io.liqlab.ui.update.UpdateDataViewModel updates() {
        return update;
    }

    /** Any profile known by id, the shipped markets snapshot included (a guided example brings one in). */
    public java.util.Optional<VenueProfile> find(String id) {
        return catalog.find(id);
    }

    public ObservableList<VenueProfile> profiles() {
        return profiles;
    }

    /** Files that could not be loaded, one line each. */
    public List<String> problems() {
        return problems;
    }

    public ObjectProperty<VenueProfile> selectedProperty() {
        return selected;
    }

    /** Null when nothing is selected. */
    public ObservableValue<Detail> detailProperty() {
        return detail;
    }

    /** The list cell text: name, then data date, confidence, and a stand-in flag. */
    public static String listLabel(VenueProfile p) {
        String label = Text.format(p.hasStandIns() ? "profiles.listLabelStandIn" : "profiles.listLabel", p.name(), p.provenance().asOf(),
                p.provenance().confidence());
        return p.isPartial() ? label + "\n" + Text.format("profiles.partial", p.rules().tiers().partialNote()) : label;
    }

    static Detail describe(VenueProfile p) {
        List<String[]> rules = new ArrayList<>();
        rules.add(new String[] {Text.get("profiles.rule.maintenance"), p.text().maintenanceMargin()});
        rules.add(new String[] {Text.get("profiles.rule.tierSelection"), p.text().tierSelection()});
        String fee = LocalNumbers.percentOf(p.rules().liquidationFeeRate());
        rules.add(new String[] {Text.get("profiles.rule.liquidationFee"), p.text().liquidationFee().isEmpty() ? fee
                : Text.format("profiles.rule.liquidationFeeText", fee, p.text().liquidationFee())});
        rules.add(new String[] {Text.get("profiles.rule.partial"), p.text().partialLiquidation().isEmpty()
                ? p.rules().partialLiquidation().id() : p.text().partialLiquidation()});
        rules.add(new String[] {Text.get("profiles.rule.backstop"), p.rules().hasBackstop() ? p.text().backstop() : Text.get("profiles.none")});
        rules.add(new String[] {Text.get("profiles.rule.insuranceFund"), p.text().insuranceFund()});
        rules.add(new String[] {Text.get("profiles.rule.adl"), p.text().adl()});
        rules.add(new String[] {Text.get("profiles.rule.markPrice"), p.text().markPrice()});
        rules.removeIf(r -> r[1] == null || r[1].isBlank());

        boolean contracts = p.rules().tiers().basis() == TierSchedule.Basis.CONTRACTS;
        List<TierRow> tiers = new ArrayList<>();
        for (int i = 0; i < p.rules().tiers().size(); i++) {
            Tier t = p.rules().tiers().tier(i);
            String amount = contracts ? Text.get("profiles.none") : p.amountSources().get(i) == VenueProfile.AmountSource.DERIVED
                    ? Text.format("profiles.amountDerived", LocalNumbers.money(t.maintenanceAmount())) : LocalNumbers.money(t.maintenanceAmount());
            tiers.add(new TierRow(Integer.toString(t.number()), LocalNumbers.bound(t.floor()),
                    t.isUnbounded() ? Text.get("profiles.unbounded") : LocalNumbers.bound(t.cap()), LocalNumbers.leverage(t.maxLeverage()),
                    LocalNumbers.percentOf(t.maintenanceMarginRate()), amount));
        }
        Provenance prov = p.provenance();
        String asOf = prov.asOfNote().isEmpty() ? prov.asOf() : Text.format("profiles.withNote", prov.asOf(), prov.asOfNote());
        String confidence = prov.confidenceNote().isEmpty() ? prov.confidence() : Text.format("profiles.withNote", prov.confidence(), prov.confidenceNote());
        String data = Text.format("profiles.dataLine", asOf, confidence)
                + (p.isPartial() ? " " + Text.format("profiles.partialDetail", p.rules().tiers().partialNote()) : "");
        List<String> standIns = prov.standIns().stream().map(s -> Text.format("profiles.standIn", s.values(), s.note())).toList();
        return new Detail(p.name(), p.venue() + (p.market().isEmpty() ? "" : " · " + p.market()),
                p.rules().family().summary(), rules, Text.get(contracts ? "profiles.unit.contracts" : "profiles.unit.notional"), tiers, data, prov.sources(), standIns);
    }
}
