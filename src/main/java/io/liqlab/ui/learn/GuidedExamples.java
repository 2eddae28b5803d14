package io.liqlab.ui.learn;

import io.liqlab.core.MarginMode;
import io.liqlab.core.Side;
import io.liqlab.profile.ProfileIds;
import io.liqlab.profile.VenueProfile;
import io.liqlab.ui.position.InputField;
import io.liqlab.ui.position.PositionViewModel;
import io.liqlab.ui.position.PositionViewModel.MarginInput;
import io.liqlab.ui.position.PositionViewModel.SizeUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The guided examples (issue 7): the textbook 10x/25x/50x distances, the tier at the liquidation price, funding
 * eating a margin, a self-sustaining cascade, ADL after the fund runs dry. Their words live in the
 * {@code GuidedExamples} bundle; what each sets up is here, and a test checks each sets what it promises.
 */
public final class GuidedExamples {

    public static final String BUNDLE = "io.liqlab.ui.learn.GuidedExamples";

    private GuidedExamples() {
    }

    public static List<GuidedExample> all(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale);
        List<GuidedExample> list = new ArrayList<>();
        list.add(example(b, "textbook-leverage",
                t -> textbook(t, "10"), t -> textbook(t, "25"), t -> textbook(t, "50")));
        list.add(example(b, "tier-at-liquidation", t -> {
            PositionViewModel p = position(t, ProfileIds.BINANCE_USDM_BTC, SizeUnit.NOTIONAL);
            p.textProperty(InputField.ENTRY).set("60000");
            p.textProperty(InputField.SIZE).set("310000");
            p.textProperty(InputField.LEVERAGE).set("20");
            t.showTab("tab-position");
            t.showChart(LEVERAGE_CHART);
        }));
        list.add(example(b, "inverse-vs-linear", t -> sixThousandAt20x(t, ProfileIds.BINANCE_USDM_BTC),
                t -> sixThousandAt20x(t, ProfileIds.BINANCE_COINM_BTC)));
        list.add(example(b, "funding-eats-margin", t -> bybitFunding(t, "0"), t -> bybitFunding(t, "800")));
        list.add(example(b, "self-sustaining-cascade",
                t -> t.openCascade("thin-book-runaway", Double.NaN, true),
                t -> t.openCascade("deep-book-absorbs", Double.NaN, true)));
        list.add(example(b, "adl-after-fund", t -> t.openCascade("2025-10-10", FUND_EMPTY, false)));
        return list;
    }

    /** The Position charts a step can point at (their node ids). */
    public static final String LEVERAGE_CHART = "chart-leverage";
    public static final String TIME_CHART = "chart-time";

    /** Passed as the second to jump to: the cascade pane finds the moment the fund runs dry. */
    public static final double FUND_EMPTY = -1;

    @SafeVarargs
    private static GuidedExample example(ResourceBundle b, String id, Consumer<LearningTargets>... steps) {
        List<GuidedExample.Step> list = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            list.add(new GuidedExample.Step(b.getString(id + ".step." + (i + 1)), steps[i]));
        }
        return new GuidedExample(id, b.getString(id + ".title"), b.getString(id + ".explanation"), list);
    }

    private static void textbook(LearningTargets t, String leverage) {
        PositionViewModel p = t.position();
        p.resetToClassicExample();
        p.textProperty(InputField.LEVERAGE).set(leverage);
        t.showTab("tab-position");
        t.showChart(LEVERAGE_CHART); // "the marker on the leverage chart"
    }

    /** The same 6,000 USD long at 60,000 and 20x: BTCUSDT (margin 300 USDT), then BTCUSD_PERP (0.005 BTC). */
    private static void sixThousandAt20x(LearningTargets t, String profileId) {
        t.bringProfile(profileId);
        PositionViewModel p = position(t, profileId, SizeUnit.NOTIONAL);
        p.textProperty(InputField.ENTRY).set("60000");
        p.textProperty(InputField.SIZE).set("6000");
        p.textProperty(InputField.LEVERAGE).set("20");
        t.showTab("tab-position");
        t.showChart(LEVERAGE_CHART);
    }

    private static void bybitFunding(LearningTargets t, String hours) {
        PositionViewModel p = position(t, ProfileIds.BYBIT_LINEAR_BTC, SizeUnit.QUANTITY);
        p.textProperty(InputField.ENTRY).set("20000");
        p.textProperty(InputField.SIZE).set("1");
        p.textProperty(InputField.LEVERAGE).set("50");
        p.textProperty(InputField.FUNDING_RATE).set("0.01");
        p.textProperty(InputField.HOLDING_HOURS).set(hours);
        t.showTab("tab-position");
        t.showChart(TIME_CHART); // "the holding-time chart shows the creep"
    }

    /** A plain isolated long on {@code profileId}, everything else reset. */
    private static PositionViewModel position(LearningTargets t, String profileId, SizeUnit unit) {
        PositionViewModel p = t.position();
        p.resetToClassicExample();
        VenueProfile profile = p.profiles().stream().filter(x -> x.id().equals(profileId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no profile " + profileId + " for the guided example"));
        p.profileProperty().set(profile);
        p.sideProperty().set(Side.LONG);
        p.marginModeProperty().set(MarginMode.ISOLATED);
        p.marginInputProperty().set(MarginInput.LEVERAGE);
        p.sizeUnitProperty().set(unit);
        return p;
    }
}
