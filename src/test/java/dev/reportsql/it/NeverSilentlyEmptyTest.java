package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/**
 * An empty result is never silent: a call that succeeded with no rows leaves a warning naming the
 * call, and an answer that is not a success (400, 404, 204) fails the query rather than look empty.
 */
class NeverSilentlyEmptyTest extends SandboxFixture {
    private static final String DAY = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";

    private static String warnings(ResultSet rs, Statement s) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (SQLWarning w = rs.getWarnings(); w != null; w = w.getNextWarning()) {
            b.append(w.getSQLState()).append(' ').append(w.getMessage()).append('\n');
        }
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            b.append(w.getSQLState()).append(' ').append(w.getMessage()).append('\n');
        }
        return b.toString();
    }

    @Test
    void anEmptyReportAnswerWarnsWithTheFiltersSent() throws SQLException {
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM LineOutputDaily WHERE " + DAY
                        + " AND BranchCode IN ('NOPE')")) {
            assertFalse(rs.next());
            String w = warnings(rs, s);
            assertTrue(w.contains("01000") && w.contains("returned no rows") && w.contains("BranchCode = 'NOPE'"), w);
        }
    }

    @Test
    void answersThatAreNotRowsFailInsteadOfLookingEmpty() throws SQLException {
        try (Connection c = alice()) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
            for (int status : new int[] {400, 404, 204}) {
                sandbox.enqueueFailure(DATA, status, status == 204 ? null : "application/json",
                        status == 204 ? null : "{\"message\":\"said " + status + "\"}");
                SQLException e = assertThrows(SQLException.class,
                        () -> rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY), "HTTP " + status);
                assertNotNull(e.getSQLState());
                assertTrue(e.getMessage().contains(Integer.toString(status)), e.getMessage());
            }
        }
    }

    @Test
    void anEmptyReporteiListWarns() throws SQLException {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 0); Connection c = DriverManager.getConnection(
                "jdbc:reportei:" + own.apiUrl(), props("apiToken", ReporteiSandbox.API_TOKEN));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM customers")) {
            assertFalse(rs.next());
            String w = warnings(rs, s);
            assertTrue(w.contains("GET /customers (table customers) answered HTTP 200 with no rows"), w);
        }
    }

    @Test
    void anUnknownReporteiKeyWarns() throws SQLException {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 5); Connection c = DriverManager.getConnection(
                "jdbc:reportei:" + own.apiUrl(), props("apiToken", ReporteiSandbox.API_TOKEN));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT name FROM customers WHERE uuid = '00000000-0000-0000-0000-000000000000'")) {
            assertFalse(rs.next());
            String w = warnings(rs, s);
            assertTrue(w.contains("HTTP 404") && w.contains("00000000-0000-0000-0000-000000000000"), w);
            assertEquals(1, own.requests().stream().filter(r -> r.path().contains("/customers/")).count());
        }
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }
}
