package io.liqlab.ui.compare;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.ui.position.InputField;
import io.liqlab.ui.position.PositionViewModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The side-by-side table: every profile, the extremes marked, a one-line reason each. */
class ComparisonViewModelTest {
    private final LiquidationEngine engine = new LiquidationEngine();
    private final PositionViewModel position = new PositionViewModel(engine, TestProfiles.catalog().profiles());
    private final ComparisonViewModel vm = new ComparisonViewModel(engine, TestProfiles.catalog().profiles(), position.positionProperty());

    private ComparisonViewModel.Row row(String id) {
        return vm.rows().stream().filter(r -> r.profileId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsAllSevenProfilesForTheSamePosition() {
        assertEquals(7, vm.rows().size());
        assertEquals(57_900, row("textbook").liquidationPrice(), 1e-6);
        assertEquals(3.5, row("textbook").distancePercent(), 1e-9);
    }

    @Test
    void aVenueThatRefusesTheSizeSaysWhyAndTheOthersStillAnswer() {
        // 2,000 BTC is 200,000 OKX contracts, beyond its last recorded tier (160,000): OKX refuses, the rest answer.
        position.textProperty(InputField.SIZE).set("120000000");
        assertEquals(7, vm.rows().size());
        assertTrue(Double.isNaN(row("okx-swap-btc").liquidationPrice()));
        assertTrue(row("okx-swap-btc").explanation().contains("beyond the last recorded tier"), row("okx-swap-btc").explanation());
        assertTrue(row("okx-swap-btc").extreme() == ComparisonViewModel.Extreme.NONE);
        assertTrue(Double.isFinite(row("binance-usdm-btc").liquidationPrice()), "the other venues still answer");
    }

    @Test
    void closestAndFarthestAreMarked() {
        long closest = vm.rows().stream().filter(r -> r.extreme() == ComparisonViewModel.Extreme.CLOSEST).count();
        long farthest = vm.rows().stream().filter(r -> r.extreme() == ComparisonViewModel.Extreme.FARTHEST).count();
        assertEquals(1, closest);
        assertEquals(1, farthest);
        ComparisonViewModel.Row c = vm.rows().stream().filter(r -> r.extreme() == ComparisonViewModel.Extreme.CLOSEST).findFirst().orElseThrow();
        assertTrue(vm.rows().stream().allMatch(r -> Double.isNaN(r.distancePercent()) || r.distancePercent() >= c.distancePercent()));
    }

    @Test
    void eachRowExplainsItselfInOneLine() {
        assertTrue(row("okx-swap-btc").explanation().contains("taker fee"), row("okx-swap-btc").explanation());
        assertTrue(row("binance-usdm-btc").explanation().contains("than the textbook"), row("binance-usdm-btc").explanation());
        assertTrue(row("hyperliquid-btc").backstop().contains("2/3"));
        vm.rows().forEach(r -> assertEquals(1, r.explanation().lines().count()));
    }

    @Test
    void followsThePosition() {
        position.textProperty(InputField.LEVERAGE).set("50");
        assertEquals(59_100, row("textbook").liquidationPrice(), 1e-6);
        assertTrue(row("hyperliquid-btc").explanation().contains("above its maximum"));
    }

    @Test
    void csvHasAHeaderAndOneLinePerProfile() {
        String csv = vm.toCsv();
        assertEquals(8, csv.lines().count());
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("textbook,57900.0")), csv);
    }

    @Test
    void eachVenuesDataDateSaysHowOldItIsOnScreenButNotInTheCsv() {
        java.time.Clock december2026 = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T12:00:00Z"), java.time.ZoneOffset.UTC);
        ComparisonViewModel dated = new ComparisonViewModel(engine, TestProfiles.catalog().profiles(), position.positionProperty(), true, december2026);
        var binance = TestProfiles.catalog().profiles().stream().filter(p -> p.id().equals("binance-usdm-btc")).findFirst().orElseThrow();
        String asOf = binance.provenance().asOf();
        ComparisonViewModel.Row row = dated.rows().stream().filter(r -> r.profileId().equals("binance-usdm-btc")).findFirst().orElseThrow();
        String age = io.liqlab.ui.DataAge.age(asOf, december2026).orElseThrow();
        assertTrue(age.endsWith(" old") && !age.startsWith("0"), age);
        assertTrue(row.dataAsOf().startsWith(asOf) && row.dataAsOf().endsWith(", " + age), row.dataAsOf());
        assertTrue(dated.dataOld("binance-usdm-btc"));
        assertTrue(!dated.toCsv().contains(" old"), "a file does not age with the clock it was written by");
    }

    @Test
    void csvNumbersAreRoundedAsMeant() {
        position.textProperty(InputField.LEVERAGE).set("50");
        String csv = vm.toCsv();
        // 16-17 digit doubles (57900.00000000001, 3.4999999999999996) are noise in a spreadsheet.
        java.util.regex.Matcher noisy = java.util.regex.Pattern.compile("\\d\\.\\d{9,}").matcher(csv);
        boolean found = noisy.find();
        assertTrue(!found, () -> "a number with more than 8 decimals: " + noisy.group() + "\n" + csv);
        String textbook = csv.lines().filter(l -> l.startsWith("textbook,")).findFirst().orElseThrow();
        assertTrue(textbook.startsWith("textbook,59100.00,1.5000,"), textbook);
    }

    @Test
    void csvSaysWhichPositionItCompares() {
        String csv = vm.toCsv();
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.endsWith(",side,marginMode,entryPrice,markPrice,quantity,notional,leverage,margin"), header);
        String textbook = csv.lines().filter(l -> l.startsWith("textbook,")).findFirst().orElseThrow();
        assertTrue(textbook.endsWith(",long,isolated,60000.00,60000.00,0.20833333,12500.00,25.00,500.00"), textbook);
    }

    @Test
    void theSameMarketSideBySideAndAVenueWithoutItSaysNotListed() {
        javafx.collections.ObservableList<io.liqlab.profile.VenueProfile> all =
                javafx.collections.FXCollections.observableArrayList(io.liqlab.ui.MarketChoices.offered(TestProfiles.catalog().allProfiles()));
        PositionViewModel form = new PositionViewModel(engine, all);
        ComparisonViewModel markets = new ComparisonViewModel(engine, all, form.positionProperty());
        markets.formProfileProperty().bind(form.profileProperty());
        assertEquals("BTC", markets.baseProperty().get());
        assertEquals(7, markets.rows().size(), "BTC: the seven, as before");
        assertTrue(markets.rows().stream().allMatch(ComparisonViewModel.Row::listed));
        assertTrue(markets.bases().containsAll(java.util.List.of("BTC", "ETH", "SOL", "ATOM", "DYDX")));

        form.profileProperty().set(TestProfiles.get("bybit-linear-eth"));
        form.sizeUnitProperty().set(PositionViewModel.SizeUnit.QUANTITY);
        form.textProperty(InputField.ENTRY).set("3400");
        form.textProperty(InputField.SIZE).set("0.8");
        form.textProperty(InputField.LEVERAGE).set("20");
        assertEquals("ETH", markets.baseProperty().get(), "the table follows the form's market");
        java.util.List<String> ids = markets.rows().stream().filter(ComparisonViewModel.Row::listed).map(ComparisonViewModel.Row::profileId).sorted().toList();
        assertEquals(java.util.List.of("binance-usdm-eth", "bybit-linear-eth", "dydx-v4-eth", "hyperliquid-eth", "okx-swap-eth", "textbook"), ids);
        ComparisonViewModel.Row gte = markets.rows().stream().filter(r -> !r.listed()).findFirst().orElseThrow();
        assertEquals(1, markets.rows().stream().filter(r -> !r.listed()).count(), "only GTE has no ETH market");
        assertTrue(gte.profile().startsWith("GTE"), gte.profile());
        assertTrue(Double.isNaN(gte.liquidationPrice()) && Double.isNaN(gte.maxLeverage()), "no number for a venue without the market");
        assertEquals("not listed", gte.tierAtLiquidation());
        assertTrue(gte.explanation().contains("lists no ETH market in LiqLab's data"), gte.explanation());
        // Each venue's row is its ETH profile: Bybit's equals the form's own result on bybit-linear-eth.
        ComparisonViewModel.Row bybit = markets.rows().stream().filter(r -> r.profileId().equals("bybit-linear-eth")).findFirst().orElseThrow();
        assertEquals(form.resultProperty().get().liquidationPrice(), bybit.liquidationPrice(), 1e-9);

        markets.baseProperty().set("SOL");
        assertEquals(java.util.List.of("binance-usdm-sol", "dydx-v4-sol", "hyperliquid-sol", "textbook"),
                markets.rows().stream().filter(ComparisonViewModel.Row::listed).map(ComparisonViewModel.Row::profileId).sorted().toList());
        assertEquals(java.util.List.of("Bybit", "GTE (perpetuals, testnet)", "OKX"),
                markets.rows().stream().filter(r -> !r.listed()).map(ComparisonViewModel.Row::profile).sorted().toList());
        assertTrue(markets.toCsv().lines().anyMatch(l -> l.startsWith("OKX,,")), markets.toCsv());
    }

    @Test
    void aCoinMarginedMarketComparesTheCoinMarginedGroupBesideTheTextbookAndBtcDoesNotDouble() {
        javafx.collections.ObservableList<io.liqlab.profile.VenueProfile> all =
                javafx.collections.FXCollections.observableArrayList(io.liqlab.ui.MarketChoices.offered(TestProfiles.catalog().allProfiles()));
        PositionViewModel form = new PositionViewModel(engine, all);
        ComparisonViewModel markets = new ComparisonViewModel(engine, all, form.positionProperty());
        markets.formProfileProperty().bind(form.profileProperty());
        assertFalse(markets.coinMarginedProperty().get());
        assertEquals(7, markets.rows().size(), "BTC's USD-margined seven; its coin-margined three only when asked");
        assertTrue(markets.rows().stream().noneMatch(r -> r.profileId().contains("coinm") || r.profileId().contains("inverse")));

        // A teacher picks Binance COIN-M: 6,000 USD long at 60,000 and 20x (margin 0.005 BTC).
        form.profileProperty().set(TestProfiles.get("binance-coinm-btc"));
        form.sizeUnitProperty().set(PositionViewModel.SizeUnit.NOTIONAL);
        form.textProperty(InputField.ENTRY).set("60000");
        form.textProperty(InputField.SIZE).set("6000");
        form.textProperty(InputField.LEVERAGE).set("20");
        assertTrue(markets.coinMarginedProperty().get(), "the table follows the form's kind of contract");
        assertEquals(java.util.List.of("binance-coinm-btc", "bybit-inverse-btc", "okx-swap-btc-usd", "textbook"),
                markets.rows().stream().filter(ComparisonViewModel.Row::listed).map(ComparisonViewModel.Row::profileId).sorted().toList());
        ComparisonViewModel.Row coinM = markets.rows().stream().filter(r -> r.profileId().equals("binance-coinm-btc")).findFirst().orElseThrow();
        assertEquals(57_371.43, Math.round(coinM.liquidationPrice() * 100) / 100.0, 1e-9);
        assertEquals(form.resultProperty().get().liquidationPrice(), coinM.liquidationPrice(), 1e-9);
        assertTrue(coinM.explanation().contains("coin-margined: margin and maintenance in BTC"), coinM.explanation());
        ComparisonViewModel.Row textbook = markets.rows().stream().filter(r -> r.profileId().equals("textbook")).findFirst().orElseThrow();
        assertTrue(Double.isFinite(textbook.liquidationPrice()), "the same USD trade on the linear textbook, for the contrast");

        // Back to the USD-margined group of BTC: no coin-margined row.
        markets.coinMarginedProperty().set(false);
        assertTrue(markets.rows().stream().filter(ComparisonViewModel.Row::listed).map(ComparisonViewModel.Row::profileId)
                .toList().containsAll(java.util.List.of("binance-usdm-btc", "bybit-linear-btc", "okx-swap-btc")));
        assertTrue(markets.rows().stream().noneMatch(r -> r.profileId().contains("coinm")));
    }
}
