package io.liqlab.ui.position;

import io.liqlab.TestProfiles;
import io.liqlab.core.LiquidationEngine;
import io.liqlab.core.LiquidationResult;
import io.liqlab.core.Position;
import io.liqlab.core.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "What if…" calculators on the form's position, without a toolkit. */
class SolveViewModelTest {

    private final LiquidationEngine engine = new LiquidationEngine();
    private final PositionViewModel position = new PositionViewModel(engine, TestProfiles.catalog().profiles());
    private final SolveViewModel vm = new SolveViewModel(engine, position);

    private double liquidationWith(Position.Builder b) {
        return engine.calculate(position.profileProperty().get().rules(), b.build()).liquidationPrice();
    }

    private static Position.Builder classic() {
        return Position.builder().side(Side.LONG).entryPrice(60_000).notional(12_500);
    }

    @Test
    void switchingBetweenMarginAndLeverageForALiquidationKeepsTheTargetAndBothReachIt() {
        vm.questionProperty().set(SolveViewModel.Question.MARGIN_FOR_LIQ);
        vm.inputProperty().set("57000");
        double margin = vm.answerValueProperty().get();
        assertEquals(57_000, liquidationWith(classic().margin(margin)), 0.005);

        vm.questionProperty().set(SolveViewModel.Question.LEVERAGE_FOR_LIQ);
        assertEquals("57000", vm.inputProperty().get(), "the target carries over");
        double leverage = vm.answerValueProperty().get();
        assertEquals(12_500 / margin, leverage, 1e-6, "the same target: the leverage of that margin");
        assertEquals(57_000, liquidationWith(classic().leverage(leverage)), 0.005);
        assertEquals("", vm.impossibleProperty().get());

        vm.questionProperty().set(SolveViewModel.Question.MARGIN_FOR_LIQ);
        assertEquals(margin, vm.answerValueProperty().get(), 1e-9);
    }

    @Test
    void eachQuestionKeepsWhatWasTypedForIt() {
        vm.questionProperty().set(SolveViewModel.Question.PNL);
        vm.inputProperty().set("63000");
        vm.questionProperty().set(SolveViewModel.Question.STOP);
        vm.inputProperty().set("58500");
        vm.questionProperty().set(SolveViewModel.Question.PNL);
        assertEquals("63000", vm.inputProperty().get());
        assertEquals(625, vm.answerValueProperty().get(), 1e-9); // 0.2083 BTC x 3,000
        vm.questionProperty().set(SolveViewModel.Question.STOP);
        assertEquals("58500", vm.inputProperty().get());
    }

    @Test
    void aTargetOnTheWrongSideMarksTheFieldAndKeepsTheText() {
        vm.questionProperty().set(SolveViewModel.Question.MARGIN_FOR_LIQ);
        vm.inputProperty().set("61000");
        assertTrue(vm.inputErrorProperty().get().contains("below the mark"), vm.inputErrorProperty().get());
        assertEquals("61000", vm.inputProperty().get());
        assertTrue(vm.rows().isEmpty());
        vm.inputProperty().set("abc");
        assertFalse(vm.inputErrorProperty().get().isEmpty());
    }

    @Test
    void anImpossibleAnswerSaysWhy() {
        vm.questionProperty().set(SolveViewModel.Question.EXIT_FOR_ROE);
        vm.inputProperty().set("-90");
        assertTrue(vm.impossibleProperty().get().contains("57,900.00"), vm.impossibleProperty().get());
        assertTrue(vm.rows().isEmpty());
        vm.inputProperty().set("-50");
        assertEquals("", vm.impossibleProperty().get());
        assertEquals(58_800, vm.answerValueProperty().get(), 1e-6);
    }

    @Test
    void addingSizeShowsBeforeAndAfterAndFollowsTheForm() {
        position.profileProperty().set(TestProfiles.get("binance-usdm-btc"));
        position.textProperty(InputField.SIZE).set("250000");
        position.leverageProperty().set(20);
        vm.questionProperty().set(SolveViewModel.Question.ADD_SIZE);
        vm.inputProperty().set("1.6666666667");
        vm.secondProperty().set("60000");
        assertTrue(vm.showsBeforeAfterProperty().get());
        SolveViewModel.Row tier = vm.rows().stream().filter(r -> r.label().equals("Tier at entry")).findFirst().orElseThrow();
        assertTrue(tier.value().startsWith("1 "), tier.value());
        assertTrue(tier.after().startsWith("2 "), tier.after());
        assertTrue(tier.changed());
        LiquidationResult direct = engine.calculate(TestProfiles.get("binance-usdm-btc").rules(),
                Position.builder().side(Side.LONG).entryPrice(60_000).notional(350_000.000000002).leverage(20).build());
        assertEquals(direct.liquidationPrice(), vm.answerValueProperty().get(), 1e-3);

        position.leverageProperty().set(10); // the form changed: the answer follows
        assertTrue(vm.answerValueProperty().get() < direct.liquidationPrice());
    }

    @Test
    void theStopCheckSuggestsAStopHalfWay() {
        vm.questionProperty().set(SolveViewModel.Question.STOP);
        vm.inputProperty().set("57950");
        vm.secondProperty().set("0.5");
        String verdict = vm.rows().get(0).value();
        assertTrue(verdict.startsWith("At risk"), verdict);
        assertEquals(58_950, vm.answerValueProperty().get(), 1e-6);
        vm.inputProperty().set("58500");
        assertTrue(vm.rows().get(0).value().startsWith("Triggers before"), vm.rows().get(0).value());
    }
}
