package io.liqlab.ui.position;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Outcome;
import io.liqlab.core.Side;
import io.liqlab.profile.VenueProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The position form's view-model, without a toolkit: every input, validation rule and derived result. */
class PositionViewModelTest {

    private final PositionViewModel vm = new PositionViewModel(new LiquidationEngine(), TestProfiles.catalog().profiles());

    private static VenueProfile profile(String id) {
        return TestProfiles.get(id);
    }

    private double liquidation() {
        return vm.resultProperty().get().liquidationPrice();
    }

    @Test
    void startsOnTheClassicTextbookExample() {
        assertEquals("textbook", vm.profileProperty().get().id());
        assertEquals(Side.LONG, vm.sideProperty().get());
        assertEquals(25, vm.leverageProperty().get());
        assertEquals(57_900, liquidation(), 1e-6);
        assertEquals(500, vm.resultProperty().get().margin(), 1e-9);
        assertFalse(vm.staleProperty().get());
        assertEquals("= 0.20833333 units", vm.derivedSizeProperty().get());
    }

    @Test
    void typingAnEntryPriceRecomputes() {
        vm.textProperty(InputField.ENTRY).set("50000");
        assertEquals(50_000 * (1 - 0.04 + 0.005), liquidation(), 1e-6);
        vm.textProperty(InputField.ENTRY).set("50,000");
        assertEquals(50_000 * (1 - 0.04 + 0.005), liquidation(), 1e-6);
    }

    @Test
    void sliderAndLeverageFieldFollowEachOther() {
        vm.leverageProperty().set(50);
        assertEquals("50", vm.textProperty(InputField.LEVERAGE).get());
        assertEquals(59_100, liquidation(), 1e-6);
        vm.textProperty(InputField.LEVERAGE).set("10");
        assertEquals(10, vm.leverageProperty().get());
        assertEquals(54_300, liquidation(), 1e-6);
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({"ENTRY, abc, is not a number", "ENTRY, -5, greater than 0", "ENTRY, '', is required", "SIZE, 0, greater than 0",
            "LEVERAGE, 0, '(0, 1000]'", "LEVERAGE, 2000, '(0, 1000]'", "MARK, x, is not a number", "OPENING_FEE, -1, 0 or more",
            "FUNDING_RATE, 200, '(-100, 100)'", "HOLDING_HOURS, -3, 0 or more hours"})
    void invalidInputIsMarkedAtItsFieldAndTheResultGoesStaleNotWrong(InputField field, String text, String says) {
        double before = liquidation();
        if (field == InputField.FUNDING_RATE) {
            vm.textProperty(InputField.HOLDING_HOURS).set("8");
            before = liquidation();
        }
        vm.textProperty(field).set(text);
        assertTrue(vm.errorProperty(field).get().contains(says), () -> field + ": '" + vm.errorProperty(field).get() + "' should say " + says);
        assertTrue(vm.staleProperty().get());
        assertFalse(vm.validBinding().get());
        assertEquals(before, liquidation(), 1e-9, "the last good result stays");
    }

    @Test
    void fixingTheFieldClearsTheMessageAndTheStaleMark() {
        vm.textProperty(InputField.ENTRY).set("oops");
        vm.textProperty(InputField.ENTRY).set("60000");
        assertEquals("", vm.errorProperty(InputField.ENTRY).get());
        assertFalse(vm.staleProperty().get());
    }

    @Test
    void sizeAsQuantityShowsTheNotional() {
        vm.sizeUnitProperty().set(PositionViewModel.SizeUnit.QUANTITY);
        vm.textProperty(InputField.SIZE).set("2");
        assertEquals("= 120,000.00 notional", vm.derivedSizeProperty().get());
        assertEquals(2, vm.positionProperty().get().quantity());
    }

    @Test
    void explicitMarginWinsAndLeverageFollows() {
        vm.marginInputProperty().set(PositionViewModel.MarginInput.MARGIN);
        vm.textProperty(InputField.MARGIN).set("1250");
        assertEquals(10, vm.resultProperty().get().leverage(), 1e-9);
        assertEquals(54_300, liquidation(), 1e-6);
    }

    @Test
    void crossModeUsesTheWalletAndOtherPositions() {
        vm.profileProperty().set(profile("binance-usdm-btc"));
        vm.marginModeProperty().set(MarginMode.CROSS);
        vm.textProperty(InputField.WALLET).set("1000");
        vm.textProperty(InputField.OTHER_MAINTENANCE).set("100");
        vm.textProperty(InputField.OTHER_UPNL).set("-200");
        assertEquals(700, vm.resultProperty().get().margin(), 1e-9);
        vm.textProperty(InputField.WALLET).set("");
        assertTrue(vm.errorProperty(InputField.WALLET).get().contains("required"));
    }

    @Test
    void shortSideMirrorsTheTextbook() {
        vm.sideProperty().set(Side.SHORT);
        assertEquals(62_100, liquidation(), 1e-6);
    }

    @Test
    void aSizeBeyondTheRecordedTiersIsRefusedOnTheSizeFieldAndTheLastResultGoesStale() {
        vm.profileProperty().set(profile("okx-swap-btc"));
        double before = vm.resultProperty().get().liquidationPrice();
        vm.textProperty(InputField.SIZE).set("120000000"); // 2,000 BTC = 200,000 contracts; recorded up to 160,000
        assertTrue(vm.errorProperty(InputField.SIZE).get().contains("beyond the last recorded tier"), vm.errorProperty(InputField.SIZE).get());
        assertTrue(vm.staleProperty().get());
        assertEquals(before, vm.resultProperty().get().liquidationPrice(), "the last valid result is kept, never a wrong one");
        vm.textProperty(InputField.SIZE).set("12500");
        assertEquals("", vm.errorProperty(InputField.SIZE).get());
        assertFalse(vm.staleProperty().get());
    }

    @Test
    void switchingVenueUsesItsRulesAndShowsItsLeverageLimit() {
        vm.profileProperty().set(profile("hyperliquid-btc"));
        assertEquals(40, vm.maxLeverageProperty().get());
        assertEquals("max 40x at this size (tier 1)", vm.leverageLimitProperty().get());
        vm.profileProperty().set(profile("binance-usdm-btc"));
        assertEquals(150, vm.maxLeverageProperty().get());
    }

    @Test
    void aOneXLongAtBinanceHasNoLiquidationPrice() {
        vm.profileProperty().set(profile("binance-usdm-btc"));
        vm.leverageProperty().set(1);
        assertTrue(vm.resultProperty().get().outcome() instanceof Outcome.NeverLiquidated);
    }

    @Test
    void holdingTimeAndFundingRateBecomeFundingPaid() {
        vm.textProperty(InputField.FUNDING_RATE).set("0.01");
        vm.textProperty(InputField.HOLDING_HOURS).set("80");
        // 10 intervals x 0.01% x 12,500 = 12.50 paid by the long
        assertEquals(12.5, vm.positionProperty().get().fundingPaid(), 1e-9);
        assertEquals(57_900 + 12.5 / (12_500 / 60_000.0), liquidation(), 1e-6);
        assertEquals(12.5 / 80, vm.fundingPerHour(), 1e-12);
    }

    @Test
    void resetBringsBackTheClassicExample() {
        vm.profileProperty().set(profile("okx-swap-btc"));
        vm.textProperty(InputField.ENTRY).set("1");
        vm.resetToClassicExample();
        assertEquals(57_900, liquidation(), 1e-6);
    }

    @Test
    void inGermanTheFormReadsAndShowsGermanNumbers() {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.GERMANY);
            PositionViewModel german = new PositionViewModel(new LiquidationEngine(), TestProfiles.catalog().profiles());
            assertEquals(57_900, german.resultProperty().get().liquidationPrice(), 1e-6);
            assertEquals("= 0,20833333 units", german.derivedSizeProperty().get());
            assertEquals("max 125x at this size (tier 1)", german.leverageLimitProperty().get());
            String step = io.liqlab.core.FormulaExplanation.of(german.profileProperty().get().rules(), german.resultProperty().get(),
                    java.util.Locale.GERMANY).steps().getFirst();
            assertTrue(step.contains("E = 60.000,00"), step);
            assertTrue(io.liqlab.core.FormulaExplanation.of(german.profileProperty().get().rules(), german.resultProperty().get())
                    .steps().getFirst().contains("E = 60,000.00"), "without a locale: as the CLI prints it");
            german.textProperty(InputField.ENTRY).set("50.000");
            assertEquals(50_000, german.positionProperty().get().entryPrice());
            german.leverageProperty().set(12.5);
            assertEquals("12,5", german.textProperty(InputField.LEVERAGE).get());
            german.textProperty(InputField.LEVERAGE).set("10,5");
            assertEquals(10.5, german.leverageProperty().get());
            german.textProperty(InputField.HOLDING_HOURS).set("-1,5");
            assertEquals("must be 0 or more hours, got -1,5", german.errorProperty(InputField.HOLDING_HOURS).get());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, before);
        }
    }

    // ---- issue 14: switching modes with values typed in ----

    @Test
    void switchingSizeUnitConvertsTheNumberBothWays() {
        assertEquals("12500", vm.textProperty(InputField.SIZE).get());
        vm.sizeUnitProperty().set(PositionViewModel.SizeUnit.QUANTITY);
        assertEquals("0.20833333", vm.textProperty(InputField.SIZE).get());
        assertEquals(0.20833333, vm.positionProperty().get().quantity(), 1e-12);
        assertEquals(12_500, vm.positionProperty().get().notional(), 0.01, "the same position, not 12,500 BTC");
        vm.textProperty(InputField.SIZE).set("2");
        vm.sizeUnitProperty().set(PositionViewModel.SizeUnit.NOTIONAL);
        assertEquals("120000", vm.textProperty(InputField.SIZE).get());
        assertEquals(2, vm.positionProperty().get().quantity(), 1e-12);
    }

    /** 2 BTC at 97,000 and 50x: the margin is 3,880; switching to Margin keeps 50x instead of a stale 500 (388x). */
    @Test
    void theGreyedFieldShowsTheDerivedValueAndSwitchingCarriesItOver() {
        vm.textProperty(InputField.ENTRY).set("97000");
        vm.sizeUnitProperty().set(PositionViewModel.SizeUnit.QUANTITY);
        vm.textProperty(InputField.SIZE).set("2");
        vm.textProperty(InputField.LEVERAGE).set("50");
        assertEquals("3880", vm.textProperty(InputField.MARGIN).get(), "the greyed margin follows the leverage");
        vm.leverageProperty().set(20);
        assertEquals("9700", vm.textProperty(InputField.MARGIN).get());
        vm.leverageProperty().set(50);

        vm.marginInputProperty().set(PositionViewModel.MarginInput.MARGIN);
        assertEquals(50, vm.resultProperty().get().leverage(), 1e-9);
        assertTrue(vm.resultProperty().get().leverageAllowed());
        assertFalse(vm.resultProperty().get().outcome() instanceof Outcome.LiquidatableAtEntry);

        vm.textProperty(InputField.MARGIN).set("19400");
        assertEquals("10", vm.textProperty(InputField.LEVERAGE).get(), "the greyed leverage follows the margin");
        assertEquals(10, vm.leverageProperty().get(), 1e-9, "and the slider with it");
        vm.marginInputProperty().set(PositionViewModel.MarginInput.LEVERAGE);
        assertEquals(10, vm.resultProperty().get().leverage(), 1e-9);
        assertEquals(19_400, vm.resultProperty().get().margin(), 1e-9);
    }

    @Test
    void crossModeStartsTheWalletAtTheCurrentMarginAndDerivesTheLeverage() {
        vm.profileProperty().set(profile("binance-usdm-btc"));
        vm.textProperty(InputField.ENTRY).set("97000");
        vm.sizeUnitProperty().set(PositionViewModel.SizeUnit.QUANTITY);
        vm.textProperty(InputField.SIZE).set("2");
        vm.textProperty(InputField.LEVERAGE).set("50");
        vm.marginModeProperty().set(MarginMode.CROSS);
        assertEquals("3880", vm.textProperty(InputField.WALLET).get());
        assertTrue(vm.resultProperty().get().outcome() instanceof Outcome.LiquidatesAt, "a realistic position is not liquidatable at entry");
        assertFalse(vm.leverageIsInput());
        assertFalse(vm.leverageNoteProperty().get().isEmpty(), "the greyed slider says why");
        vm.textProperty(InputField.WALLET).set("9700");
        assertEquals("20", vm.textProperty(InputField.LEVERAGE).get(), "leverage = notional / wallet");
        vm.marginModeProperty().set(MarginMode.ISOLATED);
        vm.marginModeProperty().set(MarginMode.CROSS);
        assertEquals("9700", vm.textProperty(InputField.WALLET).get(), "a wallet the user typed is kept");
    }

    @Test
    void theSliderSnapsToWholeLeveragesAndToTenthsWhenFine() {
        vm.setLeverageFromSlider(95.82, false);
        assertEquals(96, vm.leverageProperty().get());
        assertEquals("96", vm.textProperty(InputField.LEVERAGE).get());
        vm.setLeverageFromSlider(95.82, true);
        assertEquals(95.8, vm.leverageProperty().get());
        assertEquals("95.8", vm.textProperty(InputField.LEVERAGE).get());
        vm.setLeverageFromSlider(0.3, false);
        assertEquals(1, vm.leverageProperty().get());
    }

    @Test
    void anEntryFarFromTheMarketsFetchedMarkIsFlaggedWithNoTableOfPriceRanges() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        PositionViewModel fetching = withMarks(asked, (venue, symbol) -> new MarkPriceSource.Quote(97_000, java.time.Instant.parse("2026-12-07T18:00:00Z")));
        fetching.profileProperty().set(profile("bybit-linear-btc"));
        fetching.textProperty(InputField.ENTRY).set("3400");
        assertEquals("", fetching.marketWarningProperty().get(), "no mark fetched: nothing to compare the entry with");
        fetching.fetchMark();
        assertEquals(java.util.List.of("bybit-linear BTCUSDT"), asked);
        String warning = fetching.marketWarningProperty().get();
        assertTrue(warning.contains("far from BTCUSDT's mark price 97,000.00") && warning.contains("these tiers are for BTCUSDT"), warning);
        fetching.textProperty(InputField.ENTRY).set("96000");
        assertEquals("", fetching.marketWarningProperty().get());
        fetching.profileProperty().set(profile("bybit-linear-eth"));
        fetching.textProperty(InputField.ENTRY).set("3400");
        assertEquals("", fetching.marketWarningProperty().get(), "BTC's mark says nothing about the ETH market");
    }

    /** A form over every market (shipped and snapshot) whose mark source records what was asked and answers {@code answer}. */
    private static PositionViewModel withMarks(java.util.List<String> asked, Answer answer) {
        MarkPriceSource source = new MarkPriceSource() {
            @Override
            public boolean covers(String venue) {
                return !venue.equals("gte") && !venue.equals("textbook");
            }

            @Override
            public Quote fetch(String venue, String symbol) throws Unavailable {
                asked.add(venue + " " + symbol);
                return answer.answer(venue, symbol);
            }
        };
        return new PositionViewModel(new LiquidationEngine(), javafx.collections.FXCollections.observableArrayList(io.liqlab.ui.MarketChoices.offered(TestProfiles.catalog().allProfiles())),
                java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T12:00:00Z"), java.time.ZoneOffset.UTC), source,
                io.liqlab.ui.task.TaskExecutor.callingThread());
    }

    private interface Answer {
        MarkPriceSource.Quote answer(String venue, String symbol) throws MarkPriceSource.Unavailable;
    }

    @Test
    void aFetchedMarkFillsMarkWithItsTimeAndTheResultFollows() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        PositionViewModel form = withMarks(asked, (venue, symbol) -> new MarkPriceSource.Quote(3_300.5, java.time.Instant.parse("2026-12-07T18:02:11Z")));
        form.profileProperty().set(profile("bybit-linear-eth"));
        form.textProperty(InputField.ENTRY).set("3400");
        assertTrue(form.canFetchMarkBinding().get());
        form.fetchMark();
        assertEquals(java.util.List.of("bybit-linear ETHUSDT"), asked);
        assertEquals("3300.5", form.textProperty(InputField.MARK).get());
        assertEquals(3_300.5, form.positionProperty().get().markPrice(), 1e-9);
        assertEquals("Mark 3,300.50 for ETHUSDT at Bybit, as of 2026-12-07 18:02:11 UTC", form.markStatusProperty().get());
        assertFalse(form.markFailedProperty().get());
        assertFalse(form.markFetchingProperty().get());
    }

    @Test
    void aFailedFetchSaysWhyInOneLineAndLeavesMarkUntouched() {
        PositionViewModel form = withMarks(new java.util.ArrayList<>(), (venue, symbol) -> {
            throw new MarkPriceSource.Unavailable("bybit-linear: rate limited by api.bybit.com (HTTP 429, retry after 5 s); nothing changed, try again later");
        });
        form.profileProperty().set(profile("bybit-linear-eth"));
        form.textProperty(InputField.MARK).set("3350");
        form.fetchMark();
        assertEquals("3350", form.textProperty(InputField.MARK).get());
        assertEquals("bybit-linear: rate limited by api.bybit.com (HTTP 429, retry after 5 s); nothing changed, try again later",
                form.markStatusProperty().get());
        assertTrue(form.markFailedProperty().get());
        assertTrue(form.canFetchMarkBinding().get(), "another try is possible");
    }

    @Test
    void theFetchRunsOnTheBackgroundExecutorAndItsOutcomeOnTheFxOne() {
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        java.util.List<Runnable> fx = new java.util.ArrayList<>();
        MarkPriceSource source = new MarkPriceSource() {
            @Override
            public boolean covers(String venue) {
                return true;
            }

            @Override
            public Quote fetch(String venue, String symbol) {
                return new Quote(100, java.time.Instant.EPOCH);
            }
        };
        PositionViewModel form = new PositionViewModel(new LiquidationEngine(), javafx.collections.FXCollections.observableArrayList(io.liqlab.ui.MarketChoices.offered(TestProfiles.catalog().allProfiles())),
                java.time.Clock.systemUTC(), source, io.liqlab.ui.task.TaskExecutor.using(background::add, fx::add));
        form.profileProperty().set(profile("hyperliquid-sol"));
        form.fetchMark();
        assertTrue(form.markFetchingProperty().get());
        assertFalse(form.canFetchMarkBinding().get(), "one fetch at a time");
        assertEquals("", form.textProperty(InputField.MARK).get());
        background.removeFirst().run();
        assertEquals("", form.textProperty(InputField.MARK).get(), "nothing touched off the FX thread");
        fx.removeFirst().run();
        assertEquals("100", form.textProperty(InputField.MARK).get());
        assertFalse(form.markFetchingProperty().get());
    }

    @Test
    void theTextbookAndGteCannotFetchAMark() {
        PositionViewModel form = withMarks(new java.util.ArrayList<>(), (venue, symbol) -> new MarkPriceSource.Quote(1, java.time.Instant.EPOCH));
        form.profileProperty().set(profile("textbook"));
        assertFalse(form.canFetchMarkBinding().get());
        form.profileProperty().set(profile("gte-btc"));
        assertFalse(form.canFetchMarkBinding().get());
        form.profileProperty().set(profile("dydx-v4-eth"));
        assertTrue(form.canFetchMarkBinding().get());
    }

    @Test
    void choosingBybitEthComputesWithEthsTiersAsTheCliDoes() {
        PositionViewModel form = withMarks(new java.util.ArrayList<>(), (venue, symbol) -> new MarkPriceSource.Quote(1, java.time.Instant.EPOCH));
        form.profileProperty().set(profile("bybit-linear-eth"));
        form.sizeUnitProperty().set(PositionViewModel.SizeUnit.QUANTITY);
        form.textProperty(InputField.ENTRY).set("3400");
        form.textProperty(InputField.SIZE).set("0.8");
        form.textProperty(InputField.LEVERAGE).set("20");
        java.io.StringWriter out = new java.io.StringWriter();
        int code = new io.liqlab.cli.Cli(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), TestProfiles::catalog)
                .execute(new String[] {"calc", "--venue", "bybit-linear-eth", "--side", "long", "--entry", "3400", "--qty", "0.8", "--leverage", "20", "--format", "json"});
        assertEquals(0, code);
        double cli = tools.jackson.databind.json.JsonMapper.shared().readTree(out.toString()).path("liquidationPrice").asDouble();
        assertEquals(cli, form.resultProperty().get().liquidationPrice(), 1e-9);
        // Bybit's ETH table, not its BTC one: ETHUSDT's first tier is 1% (BTCUSDT's 0.33%), so L sits above 3,264.
        form.profileProperty().set(profile("bybit-linear-btc"));
        double onBtcTiers = form.resultProperty().get().liquidationPrice();
        assertTrue(Math.abs(onBtcTiers - cli) > 1, "the BTC profile gives " + onBtcTiers + ", the ETH one " + cli);
    }

    @Test
    void theChartsOfferTheChosenMarketsVenuesAndTheTextbook() {
        PositionViewModel form = withMarks(new java.util.ArrayList<>(), (venue, symbol) -> new MarkPriceSource.Quote(1, java.time.Instant.EPOCH));
        form.profileProperty().set(profile("hyperliquid-eth"));
        assertEquals(java.util.List.of("textbook", "binance-usdm-eth", "bybit-linear-eth", "dydx-v4-eth", "hyperliquid-eth", "okx-swap-eth"),
                form.sameMarketProfiles().stream().map(VenueProfile::id).sorted((a, b) -> a.equals("textbook") ? -1 : b.equals("textbook") ? 1 : a.compareTo(b)).toList());
        form.profileProperty().set(profile("bybit-linear-btc"));
        assertTrue(form.sameMarketProfiles().stream().allMatch(p -> p.id().equals("textbook") || p.id().endsWith("-btc")));
        assertEquals(7, form.sameMarketProfiles().size());
    }

    @Test
    void theChosenMarketsFlagSaysWhyItsDataMayMislead() {
        PositionViewModel form = withMarks(new java.util.ArrayList<>(), (venue, symbol) -> new MarkPriceSource.Quote(1, java.time.Instant.EPOCH));
        form.profileProperty().set(profile("okx-swap-eth"));
        String flag = form.marketFlagProperty().get();
        assertTrue(flag.contains("data older than 30 days (6 months old)") && flag.contains("tiers 1-10 of 37 recorded"), flag);
        form.profileProperty().set(profile("textbook"));
        assertEquals("", form.marketFlagProperty().get());
    }

    @Test
    void aHalfTypedLeverageLeavesTheResultStale() {
        for (String typed : new String[] {"9", "97", "97,", "97,0", "97,000", "97,000.5", "97,000.5x"}) {
            vm.textProperty(InputField.LEVERAGE).set(typed);
        }
        assertFalse(vm.errorProperty(InputField.LEVERAGE).get().isEmpty());
        assertTrue(vm.staleProperty().get());
    }
}
