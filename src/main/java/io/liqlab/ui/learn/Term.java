package io.liqlab.ui.learn;

/** The terms the glossary explains; each has a glossary entry and is linked from where it shows on screen. */
public enum Term {
    LIQUIDATION_PRICE("liquidation-price"),
    BANKRUPTCY_PRICE("bankruptcy-price"),
    MAINTENANCE_MARGIN("maintenance-margin"),
    MAINTENANCE_AMOUNT("maintenance-amount"),
    TIERS("tiers"),
    MARK_PRICE("mark-price"),
    PARTIAL_LIQUIDATION("partial-liquidation"),
    BACKSTOP("backstop"),
    INSURANCE_FUND("insurance-fund"),
    ADL("adl"),
    FUNDING("funding"),
    LEVERAGE("leverage"),
    CASCADE_RATIO("cascade-ratio"),
    INVERSE_CONTRACT("inverse-contract"),
    CROSS_MARGIN("cross-margin"),
    HEDGE_MODE("hedge-mode"),
    ROE("roe");

    private final String key;

    Term(String key) {
        this.key = key;
    }

    /** The key of this term's entries in the glossary bundle. */
    public String key() {
        return key;
    }
}
