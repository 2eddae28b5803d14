package io.liqlab.ui.cascade;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every line of the event log, for every shipped scenario, tells what the readout shows when playback stands on the
 * line's moment: its time stamp, the fund, the move from the start, ADL fills, bad debt, R.
 */
class EventLogReadoutTest {
    private static final List<Scenario> SCENARIOS = ScenarioCatalog.loadShipped(new ScenarioReader()).scenarios();
    private static final Pattern READOUT = Pattern.compile(
            "Mid [^ ]+ \\((?<pct>[^)]*)\\)   Liquidated (?<liq>[^ ]+)   Fund (?<fund>[^ ]+)   ADL (?<adl>[\\d,]+) fills"
                    + "   Bad debt (?<bad>[^ ]+)   R (?<r>[\\d.,]+)");

    static List<String> shipped() {
        return SCENARIOS.stream().map(Scenario::id).toList();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyLineMatchesTheReadoutAtItsMoment(String id) {
        ObservableList<VenueProfile> venues = FXCollections.observableArrayList(TestProfiles.catalog().profiles());
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues, Runnable::run, Runnable::run, () -> 0L);
        vm.scenarioProperty().set(SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow());
        assertFalse(vm.log().isEmpty(), id);
        for (EventLog.Entry e : vm.log()) {
            vm.scrub(e.frame());
            String at = vm.timeProperty().get().substring(0, vm.timeProperty().get().indexOf(" / "));
            String line = e.text();
            assertTrue(line.startsWith(at + " - "), id + ": the line is stamped with the moment it jumps to (" + at + "): " + line);
            Matcher r = READOUT.matcher(vm.readoutProperty().get());
            assertTrue(r.matches(), vm.readoutProperty().get());
            long adlFills = Long.parseLong(r.group("adl").replace(",", ""));
            switch (e.kind()) {
                case LIQUIDATIONS -> {
                    assertEquals(group(line, "insurance fund (\\S+) left"), r.group("fund"), id + " fund: " + line);
                    assertEquals(group(line, "\\((\\S+) from start\\)"), r.group("pct"), id + " move: " + line);
                    String adl = group(line, "ADL closed ([\\d,]+) opposing");
                    if (adl != null) {
                        assertTrue(adlFills >= Long.parseLong(adl.replace(",", "")), id + " ADL: " + line + " / " + r.group());
                    }
                }
                case ADL -> {
                    assertTrue(adlFills > 0, id + ": first ADL with " + r.group());
                    vm.scrub(e.frame() - 1);
                    Matcher before = READOUT.matcher(vm.readoutProperty().get());
                    assertTrue(before.matches());
                    assertEquals("0", before.group("adl"), id + ": no ADL before the first: " + line);
                }
                case FUND_EMPTY -> assertEquals("$0", r.group("fund"), id + ": " + line + " / " + r.group());
                case BAD_DEBT -> assertEquals(group(line, "nobody covers, (\\S+)$"), r.group("bad"), id + ": " + line);
                case CASCADE -> assertTrue(Double.parseDouble(r.group("r").replace(",", "")) > 1, id + ": " + r.group());
                case SHOCK -> {
                    // The frame shown first after the shock: the mid has jumped.
                    double jumped = vm.runsProperty().get().main().frames().get(io.liqlab.sim.FrameColumn.MID, e.frame());
                    double before = vm.runsProperty().get().main().frames().get(io.liqlab.sim.FrameColumn.MID, e.frame() - 1);
                    double shock = vm.runsProperty().get().main().scenario().driver().shock().percent();
                    assertEquals(shock, (jumped / before - 1) * 100, Math.abs(shock) * 0.5, id + ": " + line);
                }
            }
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
