package io.liqlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code calc} on coin-margined markets: sizes in contracts or USD, amounts in the coin, units said. */
class InverseCalcCliTest {

    @Test
    void bybitInverseExampleThroughContractsWithMarginInBtc() {
        // Bybit UTA isolated inverse example: 60,000 contracts of 1 USD at 50,000, 10x (0.12 BTC), MMR 0.5%
        JsonNode j = CliContractTest.calc("--venue", "bybit-inverse-btc", "--side", "long", "--entry", "50000",
                "--contracts", "60000", "--margin", "0.12BTC");
        assertEquals(45_662.10, Math.round(j.get("liquidationPrice").asDouble() * 100) / 100.0, 1e-9);
        assertEquals(60_000, j.get("notional").asDouble(), 1e-9, "the USD value");
        assertEquals(1.2, j.get("quantity").asDouble(), 1e-12, "the size in BTC at entry");
        assertEquals(10, j.get("leverage").asDouble(), 1e-9);
        assertEquals("inverse", j.get("contractType").asString());
        assertEquals("BTC", j.get("marginCurrency").asString());
        assertEquals(60_000, j.get("contracts").asDouble(), 1e-9);
    }

    @Test
    void textOutputStatesTheCoin() {
        CliContractTest.Run r = CliContractTest.run("calc", "--venue", "binance-coinm-btc", "--side", "long", "--entry", "60000",
                "--contracts", "60", "--leverage", "20");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("contracts 60 x 100 USD   value 6,000.00 USD (0.1 BTC at entry)"), r.out());
        assertTrue(r.out().contains("margin 0.00500000 BTC"), r.out());
        assertTrue(r.out().contains("Maintenance at liq.  0.00041833 BTC"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--margin|500USDT|error: --margin: BTCUSD_PERP is coin-margined: amounts are in BTC (a number, or with the suffix BTC), not USDT",
            "--margin|500 USD|error: --margin: BTCUSD_PERP is coin-margined: amounts are in BTC (a number, or with the suffix BTC), not USD",
            "--opening-fee|3USDT|error: --opening-fee: BTCUSD_PERP is coin-margined: amounts are in BTC (a number, or with the suffix BTC), not USDT",
            "--qty|0.1|error: --qty: BTCUSD_PERP is coin-margined and sized in contracts of 100 USD: give --contracts N or --notional USD (the USD value)"})
    void quoteSizedFieldOnACoinMarginedMarketIsOneLineAndExit2(String option, String value, String line) {
        CliContractTest.Run r = CliContractTest.run("calc", "--venue", "binance-coinm-btc", "--side", "long", "--entry", "60000",
                "--contracts", "60", "--leverage", "20", option, value);
        if (option.equals("--qty")) {
            r = CliContractTest.run("calc", "--venue", "binance-coinm-btc", "--side", "long", "--entry", "60000", "--leverage", "20", option, value);
        }
        assertEquals(2, r.code());
        assertEquals(line, r.err().strip());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void contractsOnALinearMarketIsRefused() {
        CliContractTest.Run r = CliContractTest.run("calc", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000",
                "--contracts", "10", "--leverage", "20");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --contracts: applies to coin-margined (inverse) markets only"), r.err());
    }

    @Test
    void linearAmountMayNameItsQuoteButNotTheCoin() {
        JsonNode same = CliContractTest.calc("--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--notional", "12500", "--margin", "500USDT");
        JsonNode plain = CliContractTest.calc("--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--notional", "12500", "--margin", "500");
        assertEquals(plain, same);
        CliContractTest.Run r = CliContractTest.run("calc", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000",
                "--notional", "12500", "--margin", "0.01BTC");
        assertEquals(2, r.code());
        assertEquals("error: --margin: BTCUSDT is margined in USDT: give the amount in USDT, not BTC", r.err().strip());
    }

    @Test
    void aBadNumberReadsAsBefore() {
        CliContractTest.Run r = CliContractTest.run("calc", "--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000",
                "--notional", "12500", "--margin", "abc");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'abc' is not a number"), r.err());
    }
}
