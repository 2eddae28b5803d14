package io.liqlab.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's speed-ups (buffers kept between runs, levels not re-priced, rankings that skip what cannot rank) must
 * not change a single bit of any run. These runs of 2025-10-10 are pinned to the SHA-256 of every frame (every column,
 * every heatmap cell, as bits) and the summary, as the engine computed them before those speed-ups (main at 6513765,
 * 7 December 2026). They cover each venue's liquidation path: Binance's IOC order and its fund, Hyperliquid's vault and
 * ADL (at -7.5% with the book at 1x its ADL re-ranks every tick: the ranking's skipping is exercised), OKX's and
 * Bybit's tier step-down, dYdX's fillable price. A change that is meant to change the model changes these on purpose:
 * recompute them then, and say so in the commit.
 */
class EngineFingerprintTest {

    @ParameterizedTest(name = "{0} at {1}% shock, depth x{2}")
    @CsvSource({
            "binance-usdm-btc, -5, 1, ce28ee5565c43fec40f9578fe87928151effcc51caed4e8df848a48816ef92a0",
            "binance-usdm-btc, -7.5, 1.5, ad34af05c716de3cc504ee9031dd757b3a737b145b15249eeae02bf114113b80",
            "hyperliquid-btc, -5, 1, da97e116d12e255fcc348655d4c1764cbffa42bb409aa5506312f47c51bbec9d",
            "hyperliquid-btc, -7.5, 1, 47afc3b285ccd803be5fbeb8c1158ab0cd8d9448b33cdcf96ca7906df9b5f186",
            "okx-swap-btc, -6, 1.25, b446750769f59101d8fb1f06891ff1e3c329f4ab3ac5200e234ea4dcb4a56e06",
            "bybit-linear-btc, -7.5, 1, d305abbf725ab3ebcf8c138f271ea38dad6d5133a06ccb1e55495524bfaa44af",
            "dydx-v4-btc, -9, 0.75, f1e4569d4836445e9e47f97877d8235b13050e532ba3ae35b4dea1c13b060699",
    })
    void aRunIsTheSameBitForBit(String venue, double shock, double depth, String expected) throws Exception {
        Scenario base = ScenarioCatalog.loadShipped(new ScenarioReader()).byId("2025-10-10").orElseThrow()
                .withPositions(20_000).withDuration(900);
        Scenario s = base.withVenue(venue).withDriver(base.driver().withShockPercent(shock))
                .withBook(base.book().withDepthMultiplier(depth));
        assertEquals(expected, fingerprint(Simulator.run(s, SimFixtures.rules(venue))));
    }

    static String fingerprint(SimulationResult r) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Frames f = r.frames();
        ByteBuffer b = ByteBuffer.allocate(8);
        for (FrameColumn c : FrameColumn.values()) {
            for (double v : f.column(c)) {
                sha.update(b.clear().putLong(Double.doubleToRawLongBits(v)).array());
            }
        }
        for (int i = 0; i < f.size(); i++) {
            for (int k = 0; k < f.heatBuckets(); k++) {
                sha.update(b.clear().putLong(Double.doubleToRawLongBits(f.heat(i, k))).array());
            }
        }
        sha.update(r.summary().toString().replaceAll("elapsedMillis=[0-9]+", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
