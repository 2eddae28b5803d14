package io.liqlab.ui.cascade;

import io.liqlab.TestProfiles;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Assumptions text is written from the scenario the run uses, so it cannot contradict it. */
class ScenarioAssumptionsTest {
    private static final List<Scenario> SCENARIOS = ScenarioCatalog.loadShipped(new ScenarioReader()).scenarios();
    private final ObservableList<VenueProfile> venues = FXCollections.observableArrayList(TestProfiles.catalog().profiles());

    static List<String> shipped() {
        return SCENARIOS.stream().map(Scenario::id).toList();
    }

    private static Scenario scenario(String id) {
        return SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private CascadeViewModel on(String id) {
        CascadeViewModel vm = new CascadeViewModel(SCENARIOS, venues, Runnable::run, Runnable::run, () -> 0L);
        vm.scenarioProperty().set(scenario(id));
        return vm;
    }

    @Test
    void october10thSaysWhatTheRunUses() {
        String text = on("2025-10-10").assumptionsText();
        assertTrue(text.contains("the mid jumps -5.0%"), text);
        assertTrue(text.contains("71% of them long"), text);
        // Re-centred over seeds (issue 19): a deeper ask side so the pre-shock squeeze does not run away.
        assertTrue(text.contains("$60M per 1% of bids and $90M per 1% of asks"), text);
        assertTrue(text.contains("Makers pull up to 70% of the depth when the price moves 5% within 60 s"), text);
        assertTrue(text.contains("Insurance fund at the start: $300k"), text);
        for (String stale : List.of("-4%", "85% long", "$6M per 1%", "90%")) {
            assertFalse(text.contains(stale), "no stale figure " + stale + ": " + text);
        }
    }

    @Test
    void changingAScenarioValueChangesTheText() {
        Scenario s = scenario("2025-10-10");
        String before = ScenarioAssumptions.text(s, "Binance");
        String after = ScenarioAssumptions.text(s.withDriver(s.driver().withShockPercent(-8)).withLongShare(0.5)
                .withBook(s.book().withDepthMultiplier(0.5)), "Binance");
        assertNotEquals(before, after);
        assertTrue(after.contains("the mid jumps -8.0%") && after.contains("50% of them long") && after.contains("$30M per 1%"), after);
    }

    @Test
    void whatIfSettingsShowInTheText() {
        CascadeViewModel vm = on("2025-10-10");
        vm.shockPercentProperty().set(-7.5);
        vm.longShareProperty().set(0.6);
        String text = vm.assumptionsText();
        assertTrue(text.contains("the mid jumps -7.5%") && text.contains("60% of them long"), text);
    }

    /** Every shock, long share and depth figure anywhere in the text (notes and description too) is the run's. */
    @ParameterizedTest
    @MethodSource("shipped")
    void noFigureInTheTextContradictsTheScenario(String id) {
        Scenario s = scenario(id);
        String text = on(id).assumptionsText();
        String shock = EventLog.signedPercent(s.driver().shock().percent());
        for (String found : all(text, "(-?\\d+(?:\\.\\d+)?%) shock")) {
            assertEquals(Double.parseDouble(shock.replace("%", "")), Double.parseDouble(found.replace("%", "")), id + ": " + text);
        }
        for (String found : all(text, "(\\d+)% (?:of them )?long\\b")) {
            assertEquals(Math.round(s.population().longShare() * 100), Long.parseLong(found), id + ": " + text);
        }
        for (String found : all(text, "(\\$[\\d.]+[kM]?) per 1%(?! of asks)")) {
            assertEquals(EventLog.usd(s.book().bidDepthPerPercent()), found, id + ": " + text);
        }
        for (String found : all(text, "(\\$[\\d.]+[kM]?) per 1%(?: of asks| on each side)")) {
            assertEquals(EventLog.usd(s.book().askDepthPerPercent()), found, id + ": " + text);
        }
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
