package io.liqlab.ui.tiers;

import io.liqlab.TestProfiles;
import io.liqlab.core.Numbers;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import io.liqlab.ui.tiers.TierEditorViewModel.Column;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tier editor's view-model without a toolkit: each edit, its undo and redo, each validation rule, drafts. */
class TierEditorViewModelTest {

    // Binance's 2024-10-24 brackets, kept as a fixture so that refreshed shipped data does not move these numbers.
    private final TierEditorViewModel vm = new TierEditorViewModel(TestProfiles.fixture("binance-usdm-btc-2024-10-24"));

    @Test
    void opensWithTheProfilesTiersAndIsValid() {
        assertEquals(12, vm.rows().size());
        assertEquals("50,000", vm.rows().get(0).cell(Column.CAP), "sizes grouped as everywhere else");
        assertEquals("0.4", vm.rows().get(0).cell(Column.MMR), "rates in percent as everywhere else");
        assertNotNull(vm.editedProperty().get());
        assertEquals("50.00 (derived)", vm.amountShown(1));
        assertFalse(vm.differsFromOriginal());
    }

    @Test
    void settingACellChangesTheEditedProfileAndTheLiquidationPrice() {
        Position p = Position.builder().side(Side.LONG).entryPrice(60_000).notional(12_500).leverage(25).build();
        double before = new LiquidationEngine().calculate(vm.editedProperty().get().rules(), p).liquidationPrice();
        vm.setCell(0, Column.MMR, "0.6");
        double after = new LiquidationEngine().calculate(vm.editedProperty().get().rules(), p).liquidationPrice();
        assertTrue(after > before, before + " -> " + after);
        assertTrue(vm.differsFromOriginal());
        assertEquals("Undo Set tier 1 maintenance rate to 0.6", vm.undoStack().undoDescription().get());
    }

    @Test
    void undoAndRedoEveryEdit() {
        vm.setCell(2, Column.MAX_LEVERAGE, "70");
        vm.splitTier(0, 20_000);
        vm.mergeWithNext(3);
        vm.removeTier(5);
        vm.addTier();
        assertEquals(12, vm.rows().size());
        for (int i = 0; i < 5; i++) {
            vm.undoStack().undo();
        }
        assertFalse(vm.undoStack().canUndo().get());
        assertFalse(vm.differsFromOriginal());
        assertEquals("75", vm.rows().get(2).cell(Column.MAX_LEVERAGE));
        for (int i = 0; i < 5; i++) {
            vm.undoStack().redo();
        }
        assertEquals(12, vm.rows().size());
        assertEquals("20,000", vm.rows().get(0).cell(Column.CAP));
        assertFalse(vm.undoStack().canRedo().get());
    }

    @Test
    void splitAndMergeKeepTheScheduleContiguous() {
        vm.splitTier(1, 100_000);
        assertEquals("100,000", vm.rows().get(1).cell(Column.CAP));
        assertEquals("100,000", vm.rows().get(2).cell(Column.FLOOR));
        assertNotNull(vm.editedProperty().get(), vm.scheduleProblems().toString());
        vm.mergeWithNext(1);
        assertEquals("600,000", vm.rows().get(1).cell(Column.CAP));
        assertThrows(IllegalArgumentException.class, () -> vm.splitTier(0, 60_000));
    }

    @Test
    void eachCellRuleIsShownAtItsCell() {
        vm.setCell(1, Column.MMR, "150");
        assertTrue(vm.rows().get(1).errorProperty(Column.MMR).get().contains("(0, 1)"));
        assertNull(vm.editedProperty().get(), "an invalid schedule cannot be saved");
        vm.setCell(1, Column.MMR, "abc");
        assertTrue(vm.rows().get(1).errorProperty(Column.MMR).get().contains("must be a number"));
        vm.setCell(1, Column.MMR, "2");
        assertTrue(vm.rows().get(1).errorProperty(Column.MMR).get().contains("below 1/maxLeverage"));
        assertTrue(vm.rows().get(1).errorProperty(Column.MMR).get().endsWith("a cell of 3 is 0.03)"), "says the rule is on the fraction");
        vm.setCell(1, Column.MMR, "0.5");
        vm.setCell(2, Column.FLOOR, "700000");
        assertTrue(vm.rows().get(2).errorProperty(Column.FLOOR).get().contains("leaves a gap"));
        vm.setCell(2, Column.FLOOR, "500000");
        assertTrue(vm.rows().get(2).errorProperty(Column.FLOOR).get().contains("overlaps"));
        vm.setCell(2, Column.FLOOR, "600000");
        vm.setCell(3, Column.MAX_LEVERAGE, "90");
        assertTrue(vm.rows().get(3).errorProperty(Column.MAX_LEVERAGE).get().contains("must not increase"));
        vm.setCell(3, Column.MAX_LEVERAGE, "50");
        assertNotNull(vm.editedProperty().get());
    }

    @Test
    void aPublishedAmountOverridesTheContinuityRule() {
        vm.setCell(2, Column.AMOUNT, "900");
        assertEquals("900.00 (override)", vm.amountShown(2));
        assertEquals(900 + 3_000_000 * 0.0035, vm.editedProperty().get().rules().tiers().tier(3).maintenanceAmount(), 1e-6);
    }

    @Test
    void aDraftGivesBackExactlyWhatWasOnScreenEvenWhenInvalid() {
        vm.setCell(4, Column.MMR, "oops");
        vm.splitTier(0, 10_000);
        String draft = vm.toDraft();
        TierEditorViewModel fresh = new TierEditorViewModel(TestProfiles.get("binance-usdm-btc"));
        fresh.restoreDraft(draft);
        assertEquals(draft, fresh.toDraft());
        assertEquals("oops", fresh.rows().get(5).cell(Column.MMR));
        assertNull(fresh.editedProperty().get());
    }

    @Test
    void ratesAreTypedInPercentAndSizesWithThousandsSeparatorsButTheFileKeepsFractionsAndPlainNumbers() {
        TierEditorViewModel shipped = new TierEditorViewModel(TestProfiles.get("binance-usdm-btc"));
        int last = shipped.rows().size() - 1;
        double floor = TestProfiles.get("binance-usdm-btc").rules().tiers().tier(last).floor();
        assertTrue(floor >= 1_000_000_000, "a floor in the billions: " + floor);
        assertEquals(String.format(java.util.Locale.US, "%,.0f", floor), shipped.rows().get(last).cell(Column.FLOOR));
        vm.setCell(0, Column.MMR, "0.45%");
        assertEquals(0.0045, vm.editedProperty().get().rules().tiers().tier(0).maintenanceMarginRate());
        vm.setCell(0, Column.IMR, "0.8");
        assertEquals(0.008, vm.editedProperty().get().rules().tiers().tier(0).initialMarginRate());
        vm.setCell(0, Column.CAP, "45,000");
        vm.setCell(1, Column.FLOOR, "45,000");
        assertEquals(45_000, vm.editedProperty().get().rules().tiers().tier(0).cap());
        double fee = vm.original().rules().liquidationFeeRate();
        assertEquals(fee * 100, Double.parseDouble(vm.fieldProperty(TierEditorViewModel.ProfileField.LIQUIDATION_FEE).get()), 1e-12,
                "the liquidation fee in percent too");
    }

    @Test
    void aDraftFromBeforePercentCellsComesBackInPercent() {
        vm.setCell(0, Column.MMR, "0.6");
        // As an older version wrote it: no "rates" marker, every rate a fraction.
        String old = java.util.regex.Pattern.compile("\"(MMR|IMR|LIQUIDATION_FEE)\" : \"([0-9.]+)\"").matcher(
                        vm.toDraft().replace("\"rates\" : \"percent\",", ""))
                .replaceAll(m -> "\"" + m.group(1) + "\" : \"" + new java.math.BigDecimal(m.group(2)).movePointLeft(2).toPlainString() + "\"");
        assertTrue(old.contains("\"MMR\" : \"0.006\""), old);
        assertFalse(old.contains("\"rates\""), old);
        TierEditorViewModel fresh = new TierEditorViewModel(vm.original());
        fresh.restoreDraft(old);
        assertEquals("0.6", fresh.rows().get(0).cell(Column.MMR));
        assertNotNull(fresh.editedProperty().get(), () -> fresh.rows().stream().map(r -> r.errorProperty(Column.MMR).get()).toList().toString());
        assertEquals(0.006, fresh.editedProperty().get().rules().tiers().tier(0).maintenanceMarginRate());
    }

    @Test
    void breakingContinuityKeepsTheAmountsAndMarksTheBrokenTier() {
        vm.setCell(2, Column.FLOOR, "700000"); // a gap above tier 2's cap of 600,000: the schedule is invalid
        assertNull(vm.editedProperty().get());
        // Tier 3 derived from its own floor: 50 + 700,000 x (0.0065 - 0.005) = 1,100; the others as before.
        assertEquals("1,100.00 (derived; this floor is not tier 2's cap)", vm.amountShown(2));
        assertEquals("50.00 (derived)", vm.amountShown(1));
        assertEquals("0.00 (derived)", vm.amountShown(0));
        assertEquals(Numbers.money(1_100 + 3_000_000 * 0.0035) + " (derived)", vm.amountShown(3));
        vm.setCell(1, Column.MMR, "oops");
        assertEquals("? (needs numbers in floor and maintenance rate)", vm.amountShown(1));
    }

    @Test
    void aCopysNameDoesNotPileUpEditedAndCopy() {
        TierEditorViewModel shipped = new TierEditorViewModel(TestProfiles.get("binance-usdm-btc"));
        assertEquals("Binance USD-M BTCUSDT (edited)", shipped.fieldProperty(TierEditorViewModel.ProfileField.NAME).get());
        assertEquals("Binance USD-M BTCUSDT (copy)", shipped.copyName());
        shipped.setField(TierEditorViewModel.ProfileField.NAME, "Binance USD-M BTCUSDT (edited) (copy) (copy)");
        assertEquals("Binance USD-M BTCUSDT (copy)", shipped.copyName());
    }

    @Test
    void contractTieredProfilesHaveNoAmounts() {
        TierEditorViewModel okx = new TierEditorViewModel(TestProfiles.get("okx-swap-btc"));
        assertEquals("none", okx.amountShown(0));
        okx.setCell(0, Column.AMOUNT, "5");
        assertTrue(okx.rows().get(0).errorProperty(Column.AMOUNT).get().contains("no maintenance amount"));
    }

    @Test
    void aShippedProfileIsEditedAsAUserCopy() {
        TierEditorViewModel shipped = new TierEditorViewModel(TestProfiles.get("binance-usdm-btc"));
        assertEquals("binance-usdm-btc-edited", shipped.idProperty().get());
        assertEquals("Binance USD-M BTCUSDT (edited)", shipped.fieldProperty(TierEditorViewModel.ProfileField.NAME).get());
        assertEquals("binance-usdm-btc-edited", shipped.editedProperty().get().id());
    }

    @Test
    void ruleParametersAreEditableValidatedAndUndoable() {
        assertTrue(vm.fields().contains(TierEditorViewModel.ProfileField.LIQUIDATION_FEE));
        assertFalse(vm.fields().contains(TierEditorViewModel.ProfileField.BACKSTOP_FRACTION), "Binance has no backstop");
        vm.setField(TierEditorViewModel.ProfileField.LIQUIDATION_FEE, "0.5");
        assertEquals(0.005, vm.editedProperty().get().rules().liquidationFeeRate());
        vm.setField(TierEditorViewModel.ProfileField.LIQUIDATION_FEE, "200");
        assertTrue(vm.fieldErrorProperty(TierEditorViewModel.ProfileField.LIQUIDATION_FEE).get().contains("[0, 1)"));
        assertNull(vm.editedProperty().get());
        vm.undoStack().undo();
        assertEquals(0.005, vm.editedProperty().get().rules().liquidationFeeRate());
        TierEditorViewModel hl = new TierEditorViewModel(TestProfiles.get("hyperliquid-btc"));
        hl.setField(TierEditorViewModel.ProfileField.PARTIAL_COOLDOWN, "60");
        assertEquals(60, ((io.liqlab.core.PartialLiquidation.Fraction) hl.editedProperty().get().rules().partialLiquidation()).cooldownSeconds());
        hl.setField(TierEditorViewModel.ProfileField.BACKSTOP_FRACTION, "0.5");
        assertEquals(0.5, hl.editedProperty().get().rules().backstop().equityFraction());
    }

    @Test
    void changedCellsAreMarkedAndCanBeReverted() {
        vm.setCell(1, Column.MMR, "0.55");
        assertTrue(vm.changed(1, Column.MMR));
        assertFalse(vm.changed(1, Column.CAP));
        vm.revertCell(1, Column.MMR);
        assertFalse(vm.changed(1, Column.MMR));
        vm.setCell(0, Column.CAP, "40000");
        vm.setCell(1, Column.FLOOR, "40000");
        vm.revertAll();
        assertFalse(vm.differsFromOriginal());
        vm.undoStack().undo();
        assertEquals("40000", vm.rows().get(0).cell(Column.CAP), "as typed");
    }

    @Test
    void aCellIsCheckedWhileItIsTypedWithoutChangingAnything() {
        assertTrue(vm.checkCell(0, Column.MMR, "0.0").contains("(0, 1)"));
        assertTrue(vm.checkCell(0, Column.MMR, "0.0").length() > 0);
        assertEquals("", vm.checkCell(0, Column.MMR, "0.6"));
        assertTrue(vm.checkCell(1, Column.FLOOR, "60000").contains("leaves a gap"));
        assertEquals("0.4", vm.rows().get(0).cell(Column.MMR), "nothing committed");
        assertFalse(vm.undoStack().canUndo().get());
    }

    @Test
    void theEditorsFileOfEveryShippedProfileIsWhatTheProfileWriterWrites() {
        // The editor holds cells as text (percent, grouped sizes); untouched, they stand for exactly the file the
        // profile package writes, published maintenance amounts included, under the copy's id and name.
        for (io.liqlab.profile.VenueProfile p : TestProfiles.catalog().allProfiles()) {
            TierEditorViewModel vm = new TierEditorViewModel(p);
            tools.jackson.databind.node.ObjectNode expected = new io.liqlab.profile.ProfileWriter().toTree(p);
            expected.put("id", p.id() + "-edited");
            expected.put("name", io.liqlab.ui.Text.format("tiers.editedName", p.name()));
            assertEquals(expected, vm.tree(), p.id());
        }
    }

    @Test
    void anEditedCellIsWrittenAsTheWriterWritesNumbers() {
        TierEditorViewModel vm = new TierEditorViewModel(TestProfiles.get("binance-usdm-btc"));
        vm.setCell(0, Column.MMR, "0.45"); // percent in the cell, the fraction in the file
        vm.setCell(1, Column.MAX_LEVERAGE, "90");
        tools.jackson.databind.JsonNode tier1 = vm.tree().get("tiers").get(0);
        assertEquals(new java.math.BigDecimal("0.0045"), tier1.get("maintenanceMarginRate").decimalValue());
        assertTrue(vm.tree().get("tiers").get(1).get("maxLeverage").isIntegralNumber(), "90, as the writer writes whole numbers");
        assertFalse(tier1.has("maintenanceAmount"), "edited schedules derive their amounts");
        assertNotNull(vm.editedProperty().get());
    }

    @Test
    void aRateShownRoundedKeepsEveryDigitWhenAnotherCellIsEdited() {
        // Hyperliquid ETH's tier 2 rate is 1/30, shown as 3.33333333333 (%): editing tier 1 must not round it in the file.
        io.liqlab.profile.VenueProfile eth = TestProfiles.get("hyperliquid-eth");
        TierEditorViewModel vm = new TierEditorViewModel(eth);
        vm.setCell(0, Column.MAX_LEVERAGE, "20");
        assertNotNull(vm.editedProperty().get(), vm.scheduleProblems().toString());
        assertEquals(eth.rules().tiers().tier(1).maintenanceMarginRate(), vm.editedProperty().get().rules().tiers().tier(1).maintenanceMarginRate());
        assertEquals(20, vm.editedProperty().get().rules().tiers().tier(0).maxLeverage());
    }
}
