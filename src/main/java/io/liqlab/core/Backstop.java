package io.liqlab.core;

/**
 * A venue's backstop: when equity falls below {@code equityFraction * MM} the position is handed to a vault or a
 * backstop book instead of being sold into the order book (Hyperliquid 2/3, GTE 1/3).
 *
 * @param vaultCapital       the capital the backstop may lose before it stops taking positions over and
 *                           auto-deleveraging takes its place, USD; {@link Double#POSITIVE_INFINITY} where the venue
 *                           sets no limit the model knows of (GTE's backstop book)
 * @param vaultCapitalSource where {@code vaultCapital} comes from (a venue page and how the figure was derived);
 *                           empty when unlimited
 * @param replacesInsuranceFund true where the venue has no separate insurance fund and the vault is the only buffer
 *                           (Hyperliquid): a book liquidation's remaining collateral stays with the trader, and a
 *                           loss the vault does not take is auto-deleveraged
 */
public record Backstop(double equityFraction, String taker, double vaultCapital, String vaultCapitalSource,
                       boolean replacesInsuranceFund) {

    public Backstop {
        if (!(vaultCapital > 0)) {
            throw new IllegalArgumentException("vaultCapital must be above 0, got " + vaultCapital);
        }
        vaultCapitalSource = vaultCapitalSource == null ? "" : vaultCapitalSource;
    }

    /** A backstop with no capital limit and a separate insurance fund beside it. */
    public Backstop(double equityFraction, String taker) {
        this(equityFraction, taker, Double.POSITIVE_INFINITY, "", false);
    }

    /** Whether the vault's capital is limited (it can run out and hand over to ADL). */
    public boolean hasVaultCapital() {
        return vaultCapital != Double.POSITIVE_INFINITY;
    }
}
