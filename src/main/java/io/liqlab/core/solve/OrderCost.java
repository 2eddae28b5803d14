package io.liqlab.core.solve;

/**
 * What a venue charges the wallet to open a position, beyond the initial margin {@code notional / leverage}.
 *
 * <ul>
 *   <li>Fee to open: {@code takerFeeRate x notional} (every venue takes it; the rate is the user's tier, 0 unless given).
 *   <li>Fee to close, Bybit only: Bybit's "Order Cost (USDT Contract)"
 *       (https://testnet.bybit.com/en/help-center/article/Order-Cost-USDT-Contract) states "Order Cost = Initial Margin
 *       + Fee to Open + Fee to Close", fee to close = {@code Q x price x (1 - 1/leverage) x taker fee} for a buy,
 *       {@code (1 + 1/leverage)} for a sell (the close at the bankruptcy price).
 *   <li>Open loss, Binance only: "Cost = Initial Margin + Open Loss", open loss = {@code Q x |min(0, direction x (mark -
 *       order price))|} (Binance FAQ "How to Calculate Cost Required to Open a Position in Perpetual Futures Contracts",
 *       https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b): a buy above the mark starts at a loss.
 * </ul>
 *
 * @param takerFeeRate fraction, 0.0005 = 0.05%
 */
public record OrderCost(double takerFeeRate, boolean feeToClose, boolean openLoss) {

    public static final OrderCost MARGIN_ONLY = new OrderCost(0, false, false);

    public OrderCost {
        if (!(takerFeeRate >= 0 && takerFeeRate < 0.1)) {
            throw new io.liqlab.core.InvalidInputException("takerFee", "must be from 0 to 0.1 (a fraction: 0.0005 = 0.05%), got " + takerFeeRate);
        }
    }

    /**
     * The order cost a venue counts, by its rules id ({@code "bybit-linear"}, {@code "binance-usdm"}; the profile id
     * where the profile names no rules): Bybit's fee to close, Binance's open loss. {@code takerFeeRate} NaN takes
     * the profile's fee in the trigger (OKX), else 0.
     */
    public static OrderCost forVenue(String venueRulesOrProfileId, io.liqlab.core.VenueRules rules, double takerFeeRate) {
        String id = venueRulesOrProfileId == null ? "" : venueRulesOrProfileId;
        double fee = !Double.isNaN(takerFeeRate) ? takerFeeRate
                : rules.family() instanceof io.liqlab.core.RuleFamily.FeeInTrigger f ? f.takerFee() : 0;
        return new OrderCost(fee, id.startsWith("bybit"), id.startsWith("binance"));
    }

    /** The cost terms for one base unit at {@code price}, a long ({@code sign} +1) or short (-1). */
    Terms perUnit(int sign, double price, double mark, double leverage) {
        double notional = price;
        double open = notional * takerFeeRate;
        double close = feeToClose ? notional * (1 - sign / leverage) * takerFeeRate : 0;
        double loss = openLoss ? Math.max(0, sign * (price - mark)) : 0;
        return new Terms(notional / leverage, open, close, loss);
    }

    record Terms(double initialMargin, double feeToOpen, double feeToClose, double openLoss) {
        double total() {
            return initialMargin + feeToOpen + feeToClose + openLoss;
        }

        Terms times(double q) {
            return new Terms(initialMargin * q, feeToOpen * q, feeToClose * q, openLoss * q);
        }
    }

    /** Which terms count, in words, for reports. */
    public String describe() {
        StringBuilder s = new StringBuilder("initial margin (notional / leverage)");
        if (takerFeeRate > 0) {
            s.append(" + fee to open (").append(io.liqlab.core.Numbers.percentOf(takerFeeRate)).append(" of the notional)");
            if (feeToClose) {
                s.append(" + fee to close at the bankruptcy price (Bybit's order cost)");
            }
        }
        if (openLoss) {
            s.append(" + open loss against the mark (Binance's order cost)");
        }
        return s.toString();
    }
}
