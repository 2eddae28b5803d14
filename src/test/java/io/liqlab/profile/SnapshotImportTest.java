package io.liqlab.profile;

import io.liqlab.TestProfiles;
import io.liqlab.core.InvalidInputException;
import io.liqlab.core.Side;
import io.liqlab.core.account.AccountEngine;
import io.liqlab.core.account.AccountResult;
import io.liqlab.core.reconcile.ImportedAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A venue's own snapshot becomes an Account whose figures match what the exchange recorded. */
class SnapshotImportTest {

    static final Path HL = VenueImportTest.RESPONSES.resolve("hyperliquid").resolve("clearinghouseState.json");

    @Test
    void hyperliquidClearinghouseStateGivesTheRecordedMaintenanceAndEquity() {
        ImportedAccount imported = SnapshotImport.read(HL, "hyperliquid-clearinghouse", TestProfiles.catalog());
        assertEquals(1, imported.account().positions().size());
        var p = imported.account().positions().getFirst();
        assertEquals(Side.LONG, p.side());
        assertEquals(4.5, p.quantity());
        assertEquals(81_285.0, p.entry());
        assertEquals(377_667.0 / 4.5, p.mark(), 1e-9);
        AccountResult r = new AccountEngine().calculate(imported.account());
        // crossMaintenanceMarginUsed: 377,667 / (2 x 40), the asset's 40x, not the account's chosen 10x
        assertEquals(4_720.8375, r.maintenance(), 1e-6);
        assertEquals(4_720.8375, imported.exchangeMaintenance(), 0);
        assertEquals(38_252.7, r.equity(), 1e-6, "accountValue");
        assertEquals(74_501.802790436, imported.exchangeLiquidation().getFirst(), 0);
        // LiqLab: equity = maintenance at P: 38,252.7 + 4.5 (P - 83,926) = 4.5 P x 0.0125 -> P = 339,414.3 / 4.44375.
        // The exchange sent 74,501.80: it holds about 8,450 USDC more than accountValue shows (a difference reconcile reports).
        assertEquals(339_414.3 / 4.44375, r.positions().getFirst().liquidationPrice(), 1e-6);
    }

    @Test
    void aNullLiquidationPriceIsKeptAsNoneAndBadFieldsAreNamed(@TempDir Path dir) throws Exception {
        String json = Files.readString(HL).replace("\"liquidationPx\":\"74501.802790436\"", "\"liquidationPx\":null");
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        assertTrue(Double.isNaN(SnapshotImport.read(f, "hyperliquid-clearinghouse", TestProfiles.catalog()).exchangeLiquidation().getFirst()));
        Files.writeString(f, json.replace("\"szi\":\"4.5\"", "\"szi\":\"lots\""));
        assertEquals("assetPositions[0].position.szi",
                assertThrows(InvalidInputException.class, () -> SnapshotImport.read(f, "hyperliquid-clearinghouse", TestProfiles.catalog())).field());
        Files.writeString(f, json.replace("\"coin\":\"BTC\"", "\"coin\":\"NOPE\""));
        assertEquals("assetPositions[0].position.coin",
                assertThrows(InvalidInputException.class, () -> SnapshotImport.read(f, "hyperliquid-clearinghouse", TestProfiles.catalog())).field());
    }

    /**
     * Binance {@code positionRisk} v2: a fixture written from the documented field names (no recorded response with
     * provenance was found): zero rows skipped, "0" read as no liquidation price, the wallet given by the caller.
     */
    @Test
    void binancePositionRiskReadsCrossPositionsWithTheGivenWallet() {
        Path f = Path.of("src", "test", "resources", "snapshots", "binance-positionRisk.json");
        ImportedAccount imported = SnapshotImport.read(f, "binance-position-risk", TestProfiles.catalog(), 2_000);
        assertEquals(1, imported.account().positions().size(), "the ETHUSDT row has positionAmt 0");
        var p = imported.account().positions().getFirst();
        assertEquals("binance-usdm-btc", p.market());
        assertEquals(0.5, p.quantity());
        assertEquals(61_000, p.mark());
        assertTrue(Double.isNaN(imported.exchangeLiquidation().getFirst()), "liquidationPrice \"0\" is none");
        AccountResult r = new AccountEngine().calculate(imported.account());
        assertEquals(2_000 + 500, r.equity(), 1e-9);
        assertEquals(0.5 * 61_000 * 0.004, r.maintenance(), 1e-9, "tier 1, 0.4 % of the notional at the mark");
        assertEquals("wallet", assertThrows(InvalidInputException.class,
                () -> SnapshotImport.read(f, "binance-position-risk", TestProfiles.catalog())).field());
    }
}
