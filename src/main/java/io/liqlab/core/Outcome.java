package io.liqlab.core;

/** Where, if anywhere, a position is liquidated. */
public sealed interface Outcome {

    /** The position is liquidated when the mark reaches {@code price}. */
    record LiquidatesAt(double price) implements Outcome {
    }

    /**
     * No price liquidates the position, for example a 1x long whose maintenance is charged at the mark.
     *
     * @param maintenanceShrinksWithPrice true where maintenance is charged at the price (it falls to zero with it)
     */
    record NeverLiquidated(boolean maintenanceShrinksWithPrice) implements Outcome {
        public String reason() {
            return "No liquidation price: the margin covers the whole move to zero (equity stays above maintenance at every price"
                    + (maintenanceShrinksWithPrice ? ", because maintenance shrinks with the price" : "") + ").";
        }
    }

    /** Equity is already at or below maintenance margin at entry: the position cannot be held at all. */
    record LiquidatableAtEntry(double equityAtEntry, double maintenanceAtEntry) implements Outcome {
    }

    /** The liquidation price, or NaN when there is none. */
    default double priceOrNaN() {
        return this instanceof LiquidatesAt(double price) ? price : Double.NaN;
    }
}
