package io.liqlab.profile;

/**
 * The venue's rules in words, as its documentation states them; shown beside the numbers. Any may be empty.
 */
public record ProfileText(String maintenanceMargin, String tierSelection, String liquidationTrigger, String markPrice,
                          String liquidationFee, String partialLiquidation, String backstop, String insuranceFund,
                          String adl, String notes) {
}
