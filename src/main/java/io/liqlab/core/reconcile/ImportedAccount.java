package io.liqlab.core.reconcile;

import io.liqlab.core.Position;
import io.liqlab.core.VenueRules;
import io.liqlab.core.account.Account;

import java.util.List;

/**
 * An account read from a venue's own snapshot: the cross account LiqLab computes and the isolated positions beside
 * it, and with each position the figures the exchange sent, so the comparison starts from the exchange's own numbers.
 *
 * @param source              the snapshot format ("hyperliquid-clearinghouse", "bybit-position-list", ...)
 * @param venueRulesId        the venue-rules id of the positions ("okx-swap"), for the venue's display rule
 * @param account             the cross positions as an account; null when the snapshot holds only isolated positions
 * @param exchange            per cross position (same order as the account's), what the exchange sent
 * @param exchangeMaintenance the account's maintenance the exchange reported (NaN when the snapshot has none)
 * @param isolated            the isolated positions, each computed on its own
 * @param notes               what the import assumed or left out, in plain words
 */
public record ImportedAccount(String source, String venueRulesId, Account account, List<ExchangeFigures> exchange,
                              double exchangeMaintenance, List<IsolatedPosition> isolated, List<String> notes) {

    /**
     * What the exchange sent for one position.
     *
     * @param liquidation the liquidation price it sent; NaN where it sent none (Hyperliquid null {@code liquidationPx},
     *                    Binance "0", OKX and Bybit ""): exactly where LiqLab's figure helps
     * @param bankruptcy  the bankruptcy price it sent (Bybit {@code bustPrice}); NaN where none
     * @param tick        the market's tick from LiqLab's profile (NaN when unknown), for the venue's display rule
     */
    public record ExchangeFigures(double liquidation, double bankruptcy, double tick) {
    }

    /** An isolated position of the snapshot: its market (profile id), rules, the position, and the exchange's figures. */
    public record IsolatedPosition(String market, VenueRules rules, Position position, ExchangeFigures exchange) {
    }

    public ImportedAccount {
        exchange = List.copyOf(exchange);
        isolated = List.copyOf(isolated);
        notes = List.copyOf(notes);
        if (account == null && isolated.isEmpty()) {
            throw new IllegalArgumentException("an imported account holds a cross account or isolated positions");
        }
    }

    /** The exchange's liquidation price per cross position (NaN where it sent none). */
    public List<Double> exchangeLiquidation() {
        return exchange.stream().map(ExchangeFigures::liquidation).toList();
    }
}
