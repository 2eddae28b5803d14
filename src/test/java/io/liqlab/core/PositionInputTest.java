package io.liqlab.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed input is refused with the field named and the allowed range said. */
class PositionInputTest {

    private static Position.Builder valid() {
        return Position.builder().side(Side.LONG).entryPrice(60_000).notional(12_500).leverage(25);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("entryPrice", "greater than 0", b -> b.entryPrice(-5)),
                bad("entryPrice", "greater than 0", b -> b.entryPrice(Double.POSITIVE_INFINITY)),
                bad("markPrice", "greater than 0", b -> b.markPrice(0)),
                bad("notional", "greater than 0", b -> b.notional(-1)),
                bad("notional", "not both", b -> b.quantity(1)),
                bad("quantity", "is required", b -> Position.builder().side(Side.LONG).entryPrice(1).leverage(2)),
                bad("leverage", "(0, 1000]", b -> b.leverage(0)),
                bad("leverage", "(0, 1000]", b -> b.leverage(5000)),
                bad("leverage", "is required in isolated mode", b -> Position.builder().side(Side.LONG).entryPrice(1).quantity(1)),
                bad("margin", "greater than 0", b -> b.margin(-10)),
                bad("extraMargin", "0 or more", b -> b.extraMargin(-1)),
                bad("openingFee", "0 or more", b -> b.openingFee(-1)),
                bad("wallet", "cross margin only", b -> b.wallet(100)),
                bad("wallet", "is required in cross mode", b -> Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(1).quantity(1)),
                bad("margin", "isolated margin only", b -> Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(1).quantity(1).wallet(5).margin(1)),
                bad("otherMaintenance", "0 or more", b -> Position.builder().side(Side.LONG).mode(MarginMode.CROSS).entryPrice(1).quantity(1).wallet(5).otherMaintenance(-1)),
                bad("fundingPaid", "not both", b -> b.fundingPaid(1).fundingRate(0.001, 3)),
                bad("fundingRate", "(-1, 1)", b -> b.fundingRate(2, 3)),
                bad("fundingIntervals", "is required", b -> b.fundingRate(0.001, Double.NaN)),
                bad("fundingIntervals", "[0, 1000000]", b -> b.fundingRate(0.001, -3)),
                bad("maintenanceMarginRate", "(0, 1)", b -> b.maintenanceOverride(1.5, 0)),
                bad("maintenanceAmount", "needs the maintenance rate", b -> b.maintenanceOverride(Double.NaN, 10)),
                bad("maintenanceAmount", "0 or more", b -> b.maintenanceOverride(0.01, -10)),
                bad("openInterest", "0 or more", b -> b.openInterest(-1)),
                bad("side", "is required", b -> Position.builder().entryPrice(1).quantity(1).leverage(2)));
    }

    private static Arguments bad(String field, String says, UnaryOperator<Position.Builder> edit) {
        return Arguments.of(field, says, edit);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void badInputNamesTheFieldAndWhatIsAllowed(String field, String says, UnaryOperator<Position.Builder> edit) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> edit.apply(valid()).build());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains(says), () -> "message '" + e.getMessage() + "' should say '" + says + "'");
    }

    @Test
    void sideAndModeParseWithClearMessages() {
        assertEquals(Side.SHORT, Side.parse(" Short "));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Side.parse("up"));
        assertTrue(e.getMessage().contains("long or short"));
        assertTrue(assertThrows(InvalidInputException.class, () -> MarginMode.parse("portfolio")).getMessage().contains("isolated or cross"));
    }

    @Test
    void notionalIsConvertedToQuantityAtTheEntryPrice() {
        Position p = valid().build();
        assertEquals(12_500 / 60_000.0, p.quantity(), 1e-15);
        assertEquals(500, p.margin(), 1e-9);
        assertEquals(60_000, p.markPrice());
    }
}
