package io.liqlab.core.account;

import io.liqlab.core.InvalidInputException;
import io.liqlab.core.Side;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cross account at one venue: a wallet balance and any number of positions (markets and sides mixed; where the
 * venue has hedge mode, a long and a short of one market as two positions). The constructor refuses what the
 * venue would not hold, naming the field as the account file does ({@code positions[2].side}).
 *
 * @param venue    the venue's cross rules
 * @param venueKey the venue-rules id every position must share ("binance-usdm")
 * @param wallet   wallet balance in the settlement currency, &gt;= 0
 */
public record Account(AccountVenue venue, String venueKey, double wallet, List<AccountPosition> positions) {

    public Account {
        if (venue == null) {
            throw new InvalidInputException("venue", "is required: a profile id or a profile file");
        }
        venueKey = venueKey == null ? "" : venueKey;
        if (!Double.isFinite(wallet) || wallet < 0) {
            throw new InvalidInputException("wallet", "must be 0 or more (the wallet balance), got " + wallet);
        }
        if (positions == null || positions.isEmpty()) {
            throw new InvalidInputException("positions", "must hold at least one position (an empty account has nothing to liquidate)");
        }
        positions = List.copyOf(positions);
        Map<String, Integer> longs = new HashMap<>();
        Map<String, Integer> shorts = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            AccountPosition p = positions.get(i);
            String at = "positions[" + i + "]";
            if (!p.venueKey().equals(venueKey)) {
                throw new InvalidInputException(at + ".market", "'" + p.market() + "' is at another venue (" + shown(p.venueKey())
                        + "), not at this account's " + venue.displayName() + " (" + shown(venueKey) + "); an account holds positions at one venue");
            }
            String key = p.market().toLowerCase(Locale.ROOT);
            Map<String, Integer> same = p.side() == Side.LONG ? longs : shorts;
            Map<String, Integer> opposite = p.side() == Side.LONG ? shorts : longs;
            Integer twin = same.putIfAbsent(key, i);
            if (twin != null) {
                throw new InvalidInputException(at + ".side", "a second " + p.side().id() + " of " + p.market() + " (positions[" + twin
                        + "] is one): an account holds one position per market and side; add the sizes into one position");
            }
            Integer other = opposite.get(key);
            if (other != null) {
                if (!venue.hedgeMode()) {
                    throw new InvalidInputException(at + ".side", "hedge mode (a long and a short of " + p.market() + ", with positions["
                            + other + "]) is not available at " + venue.displayName() + ": " + venue.noHedgeReason()
                            + "; allowed: one side per market");
                }
                AccountPosition o = positions.get(other);
                if (o.mark() != p.mark()) {
                    throw new InvalidInputException(at + ".mark", "must equal the mark of positions[" + other + "] (" + o.mark()
                            + "): the long and the short of " + p.market() + " share one mark price");
                }
            }
        }
    }

    private static String shown(String key) {
        return key.isEmpty() ? "no venue named" : key;
    }

    /** The same account with position {@code index} replaced (what an edit in the Account screen does). */
    public Account withPosition(int index, AccountPosition replacement) {
        List<AccountPosition> copy = new java.util.ArrayList<>(positions);
        copy.set(index, replacement);
        return new Account(venue, venueKey, wallet, copy);
    }

    public Account withWallet(double newWallet) {
        return new Account(venue, venueKey, newWallet, positions);
    }
}
