package dev.reportsql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import org.apache.calcite.avatica.util.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** Runtime errors are matched on where they come from, not on their type alone. */
class RuntimeFailuresTest {

    private static String state(Throwable t) {
        return CalciteErrors.translate(t).getSQLState();
    }

    @Test
    void calcitesDateParserFailureIs22007EvenWhenWrapped() {
        IllegalArgumentException fromCalcite = assertThrowsIae(() -> DateTimeUtils.dateStringToUnixDate("2025-02-30"));
        assertEquals("22007", state(fromCalcite));
        assertEquals("22007", state(new RuntimeException(new ExceptionInInitializerError(fromCalcite))));
        assertEquals("22007", state(new SQLException("Error while executing SQL", fromCalcite)));
    }

    @Test
    void theSameExceptionTypesFromOurOwnCodeStayGeneral() {
        assertEquals("HY000", state(new IllegalArgumentException("Value of DAY field is out of range")));
        assertEquals("HY000", state(new NumberFormatException("For input string: \"x\"")));
        assertEquals("HY000", state(new ArithmeticException("/ by zero")));
        assertEquals("HY000", state(new ArithmeticException("BigInteger would overflow supported range")));
    }

    @Test
    void aSubqueryCardinalityFailureIs21000() {
        assertEquals("21000", state(new RuntimeException(new IllegalStateException("more than one value in agg SINGLE_VALUE"))));
    }

    private static IllegalArgumentException assertThrowsIae(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    }
}
