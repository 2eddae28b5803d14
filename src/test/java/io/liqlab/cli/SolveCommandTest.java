package io.liqlab.cli;

import io.liqlab.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code solve} as a script uses it: the answers, the lines, exit 0, 2 (bad input) and 3 (impossible). */
class SolveCommandTest {

    record Run(int code, String out, String err) {
        JsonNode json() {
            return JsonMapper.shared().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out), new PrintWriter(err), TestProfiles::catalog).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String[] TEXTBOOK = {"--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500", "--leverage", "25"};

    static String[] args(String question, String[] position, String... more) {
        List<String> all = new ArrayList<>(List.of("solve", question));
        all.addAll(List.of(position));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void pnlAtAnExitPrintsPnlAndRoeOnTheInitialMargin() {
        Run r = run(args("pnl", TEXTBOOK, "--exit", "63000"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PnL                            625.00"), r.out());
        assertTrue(r.out().contains("ROE                           125.00%"), r.out());
        JsonNode j = run(args("pnl", TEXTBOOK, "--exit", "63000", "--format", "json")).json();
        assertEquals(625.0, j.get("pnl").doubleValue());
        assertEquals(500.0, j.get("initialMargin").doubleValue());
        assertEquals(125.0, j.get("roePercent").doubleValue());
        assertEquals("pnl", j.get("question").asString());
    }

    @Test
    void anRoeBeyondLiquidationExits3WithOneLine() {
        Run r = run(args("exit-for-roe", TEXTBOOK, "--roe", "-90"));
        assertEquals(Cli.EXIT_IMPOSSIBLE, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("impossible: the position is liquidated at 57,900.00 first"), r.err());
    }

    @Test
    void aLiquidationTargetOnTheWrongSideOfTheMarkExits2NamingTheOption() {
        Run r = run(args("margin-for-liq", TEXTBOOK, "--liq-price", "61000"));
        assertEquals(Cli.EXIT_BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: --liq-price: must be below the mark"), r.err());
    }

    @Test
    void marginForLiquidationAnswersWithTheChangeAndTheEngineAgrees() {
        JsonNode j = run(args("margin-for-liq", TEXTBOOK, "--liq-price", "57000", "--format", "json")).json();
        double margin = j.get("margin").doubleValue();
        assertEquals(57_000.0, Math.round(j.get("position").get("liquidationPrice").doubleValue() * 100) / 100.0);
        assertEquals(margin - 500, j.get("marginChange").doubleValue(), 1e-6);
        Run calc = run("calc", "--venue", "textbook", "--side", "long", "--entry", "60000", "--notional", "12500",
                "--margin", Double.toString(margin), "--format", "json");
        assertEquals(57_000.0, Math.round(calc.json().get("liquidationPrice").doubleValue() * 100) / 100.0);
    }

    @Test
    void leverageForLiquidationAboveTheTiersMaximumExits3() {
        Run r = run("solve", "leverage-for-liq", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000",
                "--notional", "610000", "--liq-price", "59900");
        assertEquals(Cli.EXIT_IMPOSSIBLE, r.code());
        assertTrue(r.err().contains("above the 100x this size allows (tier 2)"), r.err());
    }

    @Test
    void maxSizeNeedsAWalletAndRefusesASize() {
        Run noWallet = run("solve", "max-size", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--leverage", "20");
        assertEquals(Cli.EXIT_BAD_INPUT, noWallet.code());
        assertTrue(noWallet.err().startsWith("error: --wallet:"), noWallet.err());
        Run withSize = run("solve", "max-size", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--leverage", "20",
                "--wallet", "1000", "--qty", "1");
        assertEquals(Cli.EXIT_BAD_INPUT, withSize.code());
        assertTrue(withSize.err().startsWith("error: --qty:"), withSize.err());
    }

    @Test
    void maxSizeAtAHighLeverageStopsAtTheTier() {
        JsonNode j = run("solve", "max-size", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--leverage", "100",
                "--wallet", "10000000", "--format", "json").json();
        assertEquals("tier", j.get("limitedBy").asString());
        assertEquals(800_000.0, j.get("notional").doubleValue(), 0.01);
        assertEquals(2, j.get("tier").intValue());
        assertTrue(j.get("position").get("leverageAllowed").booleanValue());
    }

    @ParameterizedTest
    @CsvSource({"--taker-fee,0.5", "--leverage,0", "--entry,-1"})
    void badNumbersExit2NamingTheOptionAndRange(String option, String value) {
        List<String> a = new ArrayList<>(List.of("solve", "max-size", "--venue", "bybit-linear-btc", "--side", "long", "--entry", "60000",
                "--leverage", "20", "--wallet", "1000"));
        int at = a.indexOf(option);
        if (at >= 0) {
            a.set(at + 1, value);
        } else {
            a.addAll(List.of(option, value));
        }
        Run r = run(a.toArray(String[]::new));
        assertEquals(Cli.EXIT_BAD_INPUT, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + option + ": must be"), r.err());
    }

    @Test
    void addSizeShowsBeforeAndAfterWithTheTierChange() {
        Run r = run("solve", "add-size", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--notional", "250000",
                "--leverage", "20", "--add-notional", "100000", "--price", "60000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("before"), r.out());
        assertTrue(r.out().contains("The tier changes from 1 to 2"), r.out());
        JsonNode j = run("solve", "add-size", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--notional", "250000",
                "--leverage", "20", "--add-notional", "100000", "--format", "json").json();
        assertEquals(1, j.get("before").get("tierAtEntry").intValue());
        assertEquals(2, j.get("after").get("tierAtEntry").intValue());
        assertTrue(j.get("tierChanged").booleanValue());
    }

    @Test
    void closingEverythingIsBadInput() {
        Run r = run(args("close", TEXTBOOK, "--close-fraction", "1"));
        assertEquals(Cli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("error: --close-fraction: must be above 0 and below 1"), r.err());
    }

    @Test
    void stopCheckSaysWhetherItTriggersFirst() {
        JsonNode safe = run(args("stop", TEXTBOOK, "--stop", "58500", "--spread", "0.5", "--format", "json")).json();
        assertEquals("triggers-first", safe.get("verdict").asString());
        assertTrue(safe.get("triggersFirst").booleanValue());
        assertEquals(58_950.0, safe.get("suggestedStop").doubleValue(), 1e-6); // half way from 60,000 to 57,900
        JsonNode risky = run(args("stop", TEXTBOOK, "--stop", "58000", "--spread", "0.5", "--format", "json")).json();
        assertEquals("at-risk", risky.get("verdict").asString());
        assertFalse(risky.get("triggersFirst").booleanValue());
        Run text = run(args("stop", TEXTBOOK, "--stop", "57800"));
        assertTrue(text.out().contains("liquidated first"), text.out());
    }

    @Test
    void withoutAQuestionItSaysWhichThereAre() {
        Run r = run("solve");
        assertEquals(Cli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("size-for-distance"), r.err());
    }

    static final String[] COIN_M = {"--venue", "binance-coinm-btc", "--side", "long", "--entry", "60000", "--contracts", "60", "--leverage", "20"};

    @Test
    void aCoinMarginedMarginIsPrintedInTheCoinToTheSatoshiNotToTheCent() {
        // 60 contracts x 100 USD at 60,000 and 20x: 0.005 BTC; adding 1,500 USD more at 20x posts 0.00125 BTC.
        Run r = run(args("add-size", COIN_M, "--add-notional", "1500"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Margin                         0.00500000 BTC           0.00625000 BTC   *"), r.out());
        Run j = run(args("close", COIN_M, "--close-fraction", "0.5", "--price", "63000", "--format", "json"));
        assertEquals(0, j.code(), j.err());
        // half of 6,000 USD closed at 63,000: 3,000 x (1/60,000 - 1/63,000) BTC, which cents would print as 0.00
        assertEquals(0.00238095, j.json().get("realizedPnl").doubleValue());
        assertTrue(run(args("close", COIN_M, "--close-fraction", "0.5", "--price", "63000")).out().contains("Realized PnL 0.00238095 BTC"));
    }

    @Test
    void pnlOnACoinMarginedMarketIsInTheCoin() {
        Run r = run(args("pnl", COIN_M, "--exit", "63000"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("initial margin 0.00500000 BTC"), r.out());
        assertTrue(r.out().contains("PnL                    0.00476190 BTC"), r.out());
        JsonNode j = run(args("pnl", COIN_M, "--exit", "63000", "--format", "json")).json();
        assertEquals(0.0047619, j.get("pnl").doubleValue());
        assertEquals(0.005, j.get("initialMargin").doubleValue());
        assertEquals(95.238095238, j.get("roePercent").doubleValue(), 1e-6);
        // a linear market keeps its amounts to the cent
        assertEquals(625.0, run(args("pnl", TEXTBOOK, "--exit", "63000", "--format", "json")).json().get("pnl").doubleValue());
    }

    @Test
    void marginForALiquidationOnACoinMarginedMarketIsInTheCoin() {
        Run r = run(args("margin-for-liq", COIN_M, "--liq-price", "55000"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  Margin +0\\.0\\d{7} BTC   \\(\\+0\\.0\\d{7} BTC from now\\)")), r.out());
    }
}
