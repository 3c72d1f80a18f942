package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed or malformed response never looks like a complete result: each reaches the caller as
 * an SQLException with a SQLState, and inferred columns stay stable for the connection.
 */
class ScanFailuresTest extends SandboxFixture {
    private Connection c;

    @BeforeEach
    void learnColumns() throws SQLException {
        c = alice();
        assertEquals(480, count(c, "SELECT COUNT(*) FROM MachineDowntime"));
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws SQLException {
        c.close();
    }

    private SQLException failing(String status, String contentType, String body) {
        sandbox.enqueueFailure(DATA, Integer.parseInt(status), contentType, body);
        return assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM MachineDowntime"));
    }

    @Test
    void truncatedArrayIs08006() {
        SQLException e = failing("200", "application/json", "[{\"EventID\":1,\"MachineCode\":\"A\"},{\"EventID\":2");
        assertEquals("08006", e.getSQLState(), e.getMessage());
    }

    @Test
    void htmlErrorPageIs22P02() {
        SQLException e = failing("200", "text/html", "<html><body>Gateway timeout</body></html>");
        assertEquals("22P02", e.getSQLState(), e.getMessage());
    }

    @Test
    void objectInsteadOfArrayIs22P02WithItsText() {
        SQLException e = failing("200", "application/json", "{\"message\":\"maintenance\"}");
        assertEquals("22P02", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("maintenance"), e.getMessage());
    }

    @Test
    void serverErrorIs08006AndNamesTheEndpoint() {
        SQLException e = failing("500", "application/json", "{\"message\":\"database down\"}");
        assertEquals("08006", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("get-data") && e.getMessage().contains("500")
                && e.getMessage().contains("database down"), e.getMessage());
    }

    @Test
    void aValueThatDoesNotFitItsColumnReadsAsNullWithAWarningNamingReportColumnAndValue() throws SQLException {
        sandbox.enqueueFailure(DATA, 200, "application/json",
                "[{\"EventID\":1,\"Minutes\":5},{\"EventID\":2,\"Minutes\":7.5}]");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EventID, Minutes FROM MachineDowntime")) {
            assertTrue(rs.next());
            assertEquals(5, rs.getLong(2));
            assertTrue(rs.next());
            assertEquals(0, rs.getLong(2));
            assertTrue(rs.wasNull(), "7.5 does not fit the BIGINT column: NULL, not a failed query");
            assertTrue(!rs.next());
            java.sql.SQLWarning w = rs.getWarnings();
            assertEquals("01004", w.getSQLState());
            assertTrue(w.getMessage().contains("MachineDowntime") && w.getMessage().contains("Minutes")
                    && w.getMessage().contains("7.5") && w.getMessage().contains("BIGINT"), w.getMessage());
        } finally {
            // The column was widened for the user's next queries; the other tests expect it as learned.
            dev.reportsql.sooperwizer.sql.ColumnRegistry.clearShared();
        }
    }

    @Test
    void losslessConversionsAreAccepted() throws SQLException {
        sandbox.enqueueFailure(DATA, 200, "application/json",
                "[{\"EventID\":\"3\",\"Minutes\":12.0,\"Acknowledged\":\"true\",\"DownStart\":\"2025-03-01\"}]");
        List<List<Object>> rows = rows(c, "SELECT EventID, Minutes, Acknowledged, DownStart FROM MachineDowntime");
        assertEquals(1, rows.size());
        assertEquals(3L, rows.get(0).get(0));
        assertEquals(12L, rows.get(0).get(1));
        assertEquals(Boolean.TRUE, rows.get(0).get(2));
        assertEquals(java.sql.Timestamp.valueOf("2025-03-01 00:00:00"), rows.get(0).get(3));
    }

    @Test
    void columnsStayStableForTheConnectionWhenRowsChangeShape() throws SQLException {
        sandbox.enqueueFailure(DATA, 200, "application/json", "[{\"EventID\":9,\"Surprise\":\"new column\"}]");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM MachineDowntime")) {
            assertEquals(10, rs.getMetaData().getColumnCount());
            assertTrue(rs.next());
            assertEquals(9, rs.getLong("EventID"));
            rs.getString("MachineCode");
            assertTrue(rs.wasNull(), "keys missing from a row read as NULL");
            assertTrue(!rs.next());
            assertTrue(rs.getWarnings() != null && rs.getWarnings().getMessage().contains("Surprise"),
                    "unknown keys are reported, not dropped silently");
        }
    }
}
