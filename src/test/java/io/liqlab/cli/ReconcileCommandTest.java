package io.liqlab.cli;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.MarginMode;
import io.liqlab.core.Numbers;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reconcile}: one report per shown price, the snapshot comparison, bad input as one line with exit 2. */
class ReconcileCommandTest {

    static final String[] POSITION = {"--venue", "binance-usdm-btc", "--side", "long", "--entry", "60000", "--qty", "1", "--margin", "1000"};

    private static String[] with(String... head) {
        String[] all = new String[head.length + POSITION.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(POSITION, 0, all, head.length, POSITION.length);
        return all;
    }

    @Test
    void aPlantedMarginIsNamedAsTheMostLikelyCause() {
        double shown = new LiquidationEngine().calculate(TestProfiles.get("binance-usdm-btc").rules(), Position.builder().side(Side.LONG)
                .mode(MarginMode.ISOLATED).entryPrice(60_000).quantity(1).margin(1_234.56).build()).liquidationPrice();
        CliContractTest.Run r = CliContractTest.run(with("reconcile", "--shown", Numbers.decimals(shown, 2)));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("LiqLab (exact):       59,236.95"), r.out());
        assertTrue(r.out().contains("  1. isolated margin"), r.out());
        assertTrue(r.out().contains("Most likely: The exchange's figure " + Numbers.price(shown) + " is matched if your margin were 1,234.5"), r.out());

        assertTrue(r.out().contains("Steps:"), r.out());
        assertTrue(r.out().contains("Hold every other input and solve for the isolated margin: matched if the isolated margin were 1,234.5"), r.out());
        assertTrue(r.out().contains("Plausibility: medium: a value the venue could hold."), r.out());

        JsonNode j = CliContractTest.run(with("reconcile", "--shown", Numbers.decimals(shown, 2), "--format", "json")).json();
        JsonNode steps = j.get("steps");
        assertEquals("start", steps.get(0).get("kind").asString());
        assertEquals("bankruptcy-check", steps.get(1).get("kind").asString());
        assertEquals("margin", steps.get(3).get("unknown").asString(), "display first, then the margin: the order solved");
        assertEquals("medium", steps.get(3).get("plausibility").asString());
        assertEquals(1_234.56, steps.get(3).get("value").asDouble(), 0.01);
        assertEquals("conclusion", steps.get(steps.size() - 1).get("kind").asString());
        assertEquals("margin", j.get("candidates").get(0).get("unknown").asString());
        assertEquals(1_234.56, j.get("candidates").get(0).get("needed").asDouble(), 0.01);
        assertTrue(j.get("candidates").get(0).get("plausible").asBoolean());
    }

    @Test
    void theVenueDisplayUsesTheTick() {
        CliContractTest.Run r = CliContractTest.run("reconcile", "--shown", "59266.8", "--tick", "0.1", "--venue", "okx-swap-btc", "--side", "long",
                "--entry", "60000", "--qty", "1", "--margin", "1000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("The venue displays:   59,266.80  (moved to the next tick toward the mark (OKX), tick 0.1)"), r.out());
        assertTrue(r.out().contains("Most likely: LiqLab agrees"), r.out());
        // bankruptcy: 60,000 - 1,000 = 59,000.00 exactly for 1 BTC with 1,000 margin, already on a tick
        assertTrue(r.out().contains("Bankruptcy price:     59,000.00, the venue displays 59,000.00"), r.out());
    }

    @Test
    void theHyperliquidSnapshotShowsBothFigures() {
        Path f = Path.of("src", "test", "resources", "venue-responses", "hyperliquid", "clearinghouseState.json");
        CliContractTest.Run r = CliContractTest.run("reconcile", "--snapshot", f.toString(), "--snapshot-format", "hyperliquid-clearinghouse");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hyperliquid-btc long 4.5: LiqLab 76,380.15, exchange 74,501.80"), r.out());
        assertTrue(r.out().contains("maintenance: LiqLab 4,720.84, exchange 4,720.84"), r.out());
        JsonNode j = CliContractTest.run("reconcile", "--snapshot", f.toString(), "--snapshot-format", "hyperliquid-clearinghouse", "--format", "json").json();
        assertEquals(74_501.802790436, j.get("exchange").get(0).get("exchangeLiquidationPrice").asDouble(), 1e-6);
    }

    @Test
    void crossTakesTheWalletAsCalcDoesAndBinanceSnapshotsFlagMissingPrices() {
        CliContractTest.Run r = CliContractTest.run("reconcile", "--shown", "40000", "--venue", "binance-usdm-btc", "--side", "long", "--mode", "cross",
                "--entry", "60000", "--qty", "1", "--leverage", "20", "--wallet", "5000", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("wallet", r.json().get("candidates").get(0).get("unknown").asString());
        assertEquals(5_000, r.json().get("candidates").get(0).get("current").asDouble());
        CliContractTest.Run s = CliContractTest.run("reconcile", "--snapshot", "src/test/resources/snapshots/binance-positionRisk.json",
                "--snapshot-format", "binance-position-risk", "--wallet", "2000");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("binance-usdm-btc long 0.5: LiqLab 56,224.90, exchange sends none: LiqLab's figure is the one to watch"), s.out());
    }

    @Test
    void badInputIsOneLineNamingTheOption() {
        String[][] cases = {
                with("reconcile", "--shown", "61000"),
                with("reconcile", "--shown", "abc"),
                with("reconcile", "--shown", "55000", "--tick", "-1"),
                {"reconcile", "--snapshot", "x.json"},
                {"reconcile", "--snapshot", "x.json", "--snapshot-format", "bybit"},
                {"reconcile"},
                {"reconcile", "--snapshot", "src/test/resources/snapshots/binance-positionRisk.json", "--snapshot-format", "binance-position-risk"},
                {"reconcile", "--snapshot", "src/test/resources/snapshots/binance-positionRisk.json", "--snapshot-format", "binance-position-risk", "--wallet", "-3"},
        };
        String[] options = {"--shown", "--shown", "--tick", "--snapshot", "--snapshot-format", "--shown", "--wallet", "--wallet"};
        for (int i = 0; i < cases.length; i++) {
            CliContractTest.Run r = CliContractTest.run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(options[i]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        CliContractTest.Run missingMargin = CliContractTest.run("reconcile", "--shown", "55000", "--venue", "binance-usdm-btc", "--side", "long",
                "--entry", "60000", "--qty", "1", "--margin", "-5");
        assertEquals(2, missingMargin.code(), missingMargin.err());
        assertTrue(missingMargin.err().contains("--margin"), missingMargin.err());
    }

    /** A pasted snapshot on standard input ({@code --snapshot -}), its format found from its shape; Bybit's bustPrice checked. */
    @Test
    void aSnapshotOnStandardInputIsDetectedAndComparedAsTheVenueDisplays() throws Exception {
        byte[] bybit = java.nio.file.Files.readAllBytes(Path.of("src", "test", "resources", "snapshots", "bybit-position-list.json"));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new Cli(new java.io.PrintWriter(out), new java.io.PrintWriter(err), TestProfiles::catalog).input(new java.io.ByteArrayInputStream(bybit))
                .execute(new String[]{"reconcile", "--snapshot", "-", "--wallet", "10000"});
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("LiqLab vs the exchange (bybit-position-list):"), text);
        assertTrue(text.contains("bybit-linear-btc long 0.5: LiqLab "), text);
        assertTrue(text.contains(", exchange 45,000.00 ("), text);
        assertTrue(text.contains("    bankruptcy: LiqLab "), text);
        assertTrue(text.contains(", exchange 44,500.00: differs by "), text);

        java.io.StringWriter noWallet = new java.io.StringWriter();
        int refused = new Cli(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(noWallet), TestProfiles::catalog)
                .input(new java.io.ByteArrayInputStream(bybit)).execute(new String[]{"reconcile", "--snapshot", "-"});
        assertEquals(2, refused);
        assertTrue(noWallet.toString().startsWith("error: --wallet: is required for the cross positions"), noWallet.toString());

        JsonNode j = CliContractTest.run("reconcile", "--snapshot", "src/test/resources/snapshots/okx-positions.json", "--format", "json").json();
        assertEquals("okx-positions", j.get("snapshotFormat").asString());
        assertEquals("isolated", j.get("exchange").get(1).get("mode").asString());
        assertEquals(36_000, j.get("exchange").get(1).get("exchangeLiquidationPrice").asDouble());
        assertEquals("differs", j.get("exchange").get(1).get("liquidationVerdict").asString());
        assertEquals("liqlab-none", j.get("exchange").get(0).get("liquidationVerdict").asString());
    }
}
