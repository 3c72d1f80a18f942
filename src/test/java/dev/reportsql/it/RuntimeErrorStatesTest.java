package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * SQL errors raised while a query runs (inside Calcite's generated code) carry their SQL states and
 * a message naming the problem and the value, not HY000 with a Java exception's text.
 */
class RuntimeErrorStatesTest extends SandboxFixture {

    private static SQLException failure(String sql) throws SQLException {
        try (Connection c = alice()) {
            return assertThrows(SQLException.class, () -> rows(c, sql), sql);
        }
    }

    private static SQLException assertState(String state, String sql, String... messageParts) throws SQLException {
        SQLException e = failure(sql);
        assertEquals(state, e.getSQLState(), e.getMessage());
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing from: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("java.lang"), e.getMessage());
        return e;
    }

    @Test
    void divisionByZeroIs22012() throws SQLException {
        SQLException e = assertState("22012", "SELECT 1/0 FROM (VALUES (1))", "Division by zero", "NULLIF");
        assertInstanceOf(SQLDataException.class, e);
        assertInstanceOf(ArithmeticException.class, rootCause(e));
        assertState("22012", "SELECT 1.5/0 FROM (VALUES (1))", "Division by zero");
        assertState("22012", "SELECT MOD(x, 0) FROM (VALUES (7)) t(x)", "Division by zero");
    }

    @Test
    void divisionByZeroOverAReportColumn() throws SQLException {
        assertState("22012", "SELECT EventID / (EventID - EventID) FROM MachineDowntime", "Division by zero");
    }

    @Test
    void textThatIsNotANumberIs22018AndNamesTheValue() throws SQLException {
        assertState("22018", "SELECT CAST('x' AS INTEGER) FROM (VALUES (1))", "'x'", "CASE WHEN");
        assertState("22018", "SELECT CAST(s AS DOUBLE) FROM (VALUES ('1,5')) t(s)", "'1,5'");
        assertState("22018", "SELECT CAST(s AS DECIMAL(5, 2)) FROM (VALUES ('1.5x')) t(s)", "number");
        assertState("22018", "SELECT CAST(s AS BOOLEAN) FROM (VALUES ('yes')) t(s)", "yes", "'TRUE' or 'FALSE'");
    }

    @Test
    void aBadCastOverAReportColumnNamesTheValue() throws SQLException {
        SQLException e = assertState("22018", "SELECT CAST(MachineCode AS INTEGER) FROM MachineDowntime", "Cannot convert '");
        assertTrue(e.getMessage().matches("(?s).*'[A-Z]+-BR\\d\\d-\\d+'.*"), e.getMessage());
    }

    @Test
    void anIntegerTooLargeForItsTypeIs22003() throws SQLException {
        assertState("22003", "SELECT CAST(s AS INTEGER) FROM (VALUES ('99999999999')) t(s)", "'99999999999'", "BIGINT");
    }

    @Test
    void integerArithmeticPastTheBigintRangeIs22003AndSaysToComputeInDecimal() throws SQLException {
        assertState("22003", "SELECT EventID * 4611686018427387904 FROM MachineDowntime WHERE EventID = 2",
                "overflow", "CAST(x AS DECIMAL(38, 0))");
        assertState("22003", "SELECT 9223372036854775807 + EventID FROM MachineDowntime WHERE EventID = 1", "overflow");
    }

    @Test
    void anImpossibleDateIs22007() throws SQLException {
        assertState("22007", "SELECT CAST('2025-02-30' AS DATE) FROM (VALUES (1))", "'2025-02-30'", "YYYY-MM-DD");
        assertState("22007", "SELECT CAST(s AS DATE) FROM (VALUES ('not a date')) t(s)", "'not a date'");
        assertState("22007", "SELECT CAST(s AS TIMESTAMP) FROM (VALUES ('2025-13-01 00:00:00')) t(s)", "2025-13-01");
        assertState("22007", "SELECT CAST('2025-02-30' AS DATE) FROM MachineDowntime_106", "'2025-02-30'");
    }

    @Test
    void aScalarSubqueryWithTwoRowsIs21000() throws SQLException {
        assertState("21000", "SELECT (SELECT x FROM (VALUES (1), (2)) t(x)) FROM (VALUES (1))",
                "more than one row", "LIMIT 1");
        assertState("21000", "SELECT (SELECT EventID FROM MachineDowntime_106) FROM (VALUES (1))", "more than one row");
    }

    @Test
    void theSameQueriesWithGuardsSucceed() throws SQLException {
        try (Connection c = alice()) {
            assertEquals(java.util.Arrays.asList((Object) null),
                    rows(c, "SELECT 1 / NULLIF(0, 0) FROM (VALUES (1))").get(0));
            assertEquals(1, rows(c, "SELECT (SELECT MAX(EventID) FROM MachineDowntime_106) FROM (VALUES (1))").size());
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
