package io.liqlab.core.reconcile;

import io.liqlab.core.account.Account;

import java.util.List;

/**
 * An account read from a venue's own snapshot: the account LiqLab computes, and beside each position the figures
 * the exchange sent, so the comparison starts from the exchange's own numbers.
 *
 * @param source               the snapshot format ("hyperliquid-clearinghouse")
 * @param exchangeLiquidation  per position (same order as the account's), the liquidation price the exchange sent;
 *                             NaN where it sent none (Hyperliquid null {@code liquidationPx}, Binance "0"): exactly
 *                             where LiqLab's figure helps
 * @param exchangeMaintenance  the account's maintenance the exchange reported (NaN when the snapshot has none)
 * @param notes                what the import assumed or left out, in plain words
 */
public record ImportedAccount(String source, Account account, List<Double> exchangeLiquidation, double exchangeMaintenance,
                              List<String> notes) {

    public ImportedAccount {
        exchangeLiquidation = List.copyOf(exchangeLiquidation);
        notes = List.copyOf(notes);
    }
}
