package io.liqlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code account FILE [--format text|json]}: the issue 18 contract, and one line on stderr for bad input. */
class AccountCommandTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path f = dir.resolve("account.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void jsonHasOneObjectPerPositionAndTheAccount() throws IOException {
        // Hyperliquid: L = P - s x marginAvailable / Q / (1 - s x mmr); BTC tier 1 mmr 1.25%, ETH 2%.
        Path f = file("""
                {"venue": "hyperliquid-btc", "wallet": 3000, "positions": [
                  {"market": "BTC", "side": "long", "entry": 60000, "qty": 0.5, "leverage": 20, "mark": 61000},
                  {"market": "hyperliquid-eth", "side": "short", "entry": 3000, "notional": 24000, "margin": 2400, "mark": 2900}]}
                """);
        CliContractTest.Run r = CliContractTest.run("account", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = r.json();
        assertEquals(2, o.get("positions").size());
        double value = 3_000 + 500 + 800;
        double mm = 0.5 * 61_000 * 0.0125 + 8 * 2_900 * 0.02;
        JsonNode btc = o.get("positions").get(0);
        for (String field : new String[] {"liquidationPrice", "bankruptcyPrice", "maintenance", "unrealizedPnl"}) {
            assertTrue(btc.get(field).isNumber(), field);
        }
        assertEquals(61_000 - (value - mm) / 0.5 / (1 - 0.0125), btc.get("liquidationPrice").doubleValue(), 1e-6);
        assertEquals(500, btc.get("unrealizedPnl").doubleValue(), 1e-9);
        assertEquals(0.5 * 61_000 * 0.0125, btc.get("maintenance").doubleValue(), 1e-9);
        JsonNode account = o.get("account");
        assertEquals(value, account.get("equity").doubleValue(), 1e-9);
        assertEquals(mm, account.get("maintenance").doubleValue(), 1e-9);
        assertEquals(mm / value, account.get("marginRatio").doubleValue(), 1e-9);
        assertTrue(account.get("liquidationMovePercent").isNumber());
    }

    @Test
    void textNamesEachPositionAndTheAccountFigures() throws IOException {
        Path f = file("""
                {"venue": "binance-usdm-btc", "wallet": 10000, "positions": [
                  {"side": "long", "entry": 60000, "qty": 1, "leverage": 20, "mark": 59000},
                  {"market": "ETHUSDT", "side": "short", "entry": 3000, "qty": 10, "leverage": 10, "mark": 3100}]}
                """);
        CliContractTest.Run r = CliContractTest.run("account", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("binance-usdm-eth") && r.out().contains("Equity") && r.out().contains("Liquidation move"), r.out());
        // Equity = wallet + uPnL = 10,000 - 1,000 (BTC long, 1,000 lower) - 1,000 (ETH short, 100 higher x 10).
        assertTrue(r.out().contains("Equity               8,000.00"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"venue\": \"gte-btc\", \"wallet\": 100, \"positions\": []}|positions: must hold at least one position",
            "{\"venue\": \"hyperliquid-btc\", \"wallet\": 100, \"positions\": [{\"side\": \"long\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10},"
                    + " {\"side\": \"short\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10}]}|positions[1].side: hedge mode",
            "{\"venue\": \"hyperliquid-btc\", \"wallet\": 100, \"positions\": [{\"side\": \"long\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10},"
                    + " {\"venue\": \"binance-usdm-btc\", \"side\": \"short\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10}]}|positions[1].venue: 'binance-usdm-btc' is at Binance",
            "{\"venue\": \"gte-btc\", \"wallet\": 100, \"positions\": [{\"side\": \"long\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10},"
                    + " {\"market\": \"gte-btc\", \"side\": \"long\", \"entry\": -5, \"qty\": 1, \"leverage\": 10}]}|positions[1].entry: must be a price from 1e-12 to 1e12",
            "{\"venue\": \"gte-btc\", \"wallet\": 100, \"positions\": [{\"side\": \"long\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10, \"stop\": 1}]}"
                    + "|positions[0].stop: is not a field of a position; allowed: market, venue, side, entry, qty, notional, leverage, margin, mark",
            "{\"venue\": \"gte-btc\", \"wallet\": -1, \"positions\": [{\"side\": \"long\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10}]}|wallet: must be the wallet balance, a number 0 or more",
            "{\"venue\": \"gte-btc\", \"wallet\": 1, \"positions\": [{\"side\": \"long\", \"entry\": 60000, \"qty\": -1, \"leverage\": 10}]}|positions[0].qty: must be",
            "{\"venue\": \"gte-btc\", \"wallet\": 1, \"positions\": [{\"side\": \"up\", \"entry\": 60000, \"qty\": 1, \"leverage\": 10}]}|positions[0].side: must be long or short",
            "{\"venue\": \"gte-btc\", \"wallet\": 1, \"colour\": 3, \"positions\": []}|colour: is not a field of an account; allowed: venue, wallet, positions",
    })
    void badInputIsOneLineNamingTheFieldAndExitTwo(String json, String expected) throws IOException {
        Path f = file(json);
        CliContractTest.Run r = CliContractTest.run("account", f.toString(), "--format", "json");
        assertEquals(2, r.code(), r.out());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: " + f + ": " + expected), err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(r.out().isEmpty());
    }

    @Test
    void aMissingFileIsOneLine() {
        CliContractTest.Run r = CliContractTest.run("account", dir.resolve("none.json").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count());
        assertTrue(r.err().contains("no such file"), r.err());
    }
}
