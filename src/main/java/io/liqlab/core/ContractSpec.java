package io.liqlab.core;

/**
 * What one contract of a market is and in which currency its margin and PnL are counted.
 *
 * <p>Linear (USDT- or USD-margined): size in the base coin, margin and PnL in the quote currency, PnL
 * {@code s * Q * (P - E)}. Inverse (coin-margined: Binance COIN-M, Bybit inverse, OKX coin-margined swaps): each
 * contract is worth a fixed amount of USD ({@code contractValue}: 100 USD for BTCUSD_PERP and BTC-USD-SWAP, 10 USD
 * for the ETH ones, 1 USD at Bybit), margin and PnL are in the coin, and PnL is
 * {@code s * V * (1/E - 1/P)} for a position of V USD. Maintenance is charged on the position's value in the coin,
 * {@code V / P}, and tiers are stated in coin (Binance, Bybit) or in contracts (OKX).
 *
 * @param inverse       true for a coin-margined (inverse) contract
 * @param contractValue USD per contract for an inverse contract; NaN for a linear one (whose contract value, where a
 *                      venue has one, belongs to its rule family)
 */
public record ContractSpec(boolean inverse, double contractValue) {

    /** A linear (USDT/USD-margined) contract. */
    public static final ContractSpec LINEAR = new ContractSpec(false, Double.NaN);

    public ContractSpec {
        if (inverse && !(contractValue > 0 && Double.isFinite(contractValue))) {
            throw new IllegalArgumentException("an inverse contract needs a contract value in USD above 0, got " + contractValue);
        }
    }

    /** A coin-margined contract worth {@code usdPerContract} USD. */
    public static ContractSpec inverse(double usdPerContract) {
        return new ContractSpec(true, usdPerContract);
    }

    /** The id used in profile files: {@code linear} or {@code inverse}. */
    public String id() {
        return inverse ? "inverse" : "linear";
    }
}
