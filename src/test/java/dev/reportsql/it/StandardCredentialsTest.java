package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.reportsql.jdbc.ReportSqlDataSource;
import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/**
 * Credentials and properties the way tools pass them: Reportei's API token in the password field,
 * user names Reportei does not have, and properties tools add for other drivers.
 */
class StandardCredentialsTest extends ReporteiFixture {
    private static final String COUNT = "SELECT COUNT(*) FROM customers";

    @Test
    void reporteiTakesThePasswordAsTheApiToken() throws SQLException {
        sandbox.clearRequests();
        try (Connection c = DriverManager.getConnection(url(), null, ReporteiSandbox.API_TOKEN)) {
            assertEquals(320L, rows(c, COUNT).get(0).get(0));
            assertNull(c.getWarnings(), "no user, nothing to warn about");
        }
        List<RecordedRequest> requests = sandbox.requests();
        assertFalse(requests.isEmpty());
        for (RecordedRequest r : requests) {
            assertEquals("Bearer " + ReporteiSandbox.API_TOKEN, r.header("Authorization"), r.path());
        }
        Properties empty = new Properties();
        empty.setProperty("user", "");
        empty.setProperty("password", ReporteiSandbox.API_TOKEN);
        try (Connection c = DriverManager.getConnection(url(), empty)) {
            assertEquals(320L, rows(c, COUNT).get(0).get(0));
            assertNull(c.getWarnings());
        }
    }

    @Test
    void reporteiIgnoresAUserNameWithAWarning() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "analyst", ReporteiSandbox.API_TOKEN)) {
            assertEquals(320L, rows(c, COUNT).get(0).get(0));
            List<String> warnings = warnings(c);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("user 'analyst' is ignored"), warnings.toString());
        }
    }

    @Test
    void reporteiRefusesTwoDifferentTokensAndAWrongOne() throws SQLException {
        Properties both = new Properties();
        both.setProperty("password", ReporteiSandbox.API_TOKEN);
        both.setProperty("apiToken", "another-token");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), both));
        assertEquals("22023", e.getSQLState());
        assertFalse(e.getMessage().contains("another-token") || e.getMessage().contains(ReporteiSandbox.API_TOKEN),
                "no token in the message: " + e.getMessage());

        SQLException none = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), "analyst", null));
        assertTrue(none.getMessage().contains("apiToken"), none.getMessage());

        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url(), null, "not-the-token"));
        assertEquals("28000", wrong.getSQLState(), wrong.getMessage());
    }

    @Test
    void dataSourceCredentialsReachReportei() throws SQLException {
        ReportSqlDataSource ds = new ReportSqlDataSource();
        ds.setUrl(url());
        try (Connection c = ds.getConnection(null, ReporteiSandbox.API_TOKEN)) {
            assertEquals(320L, rows(c, COUNT).get(0).get(0));
        }
        try (Connection c = ds.getConnection("", ReporteiSandbox.API_TOKEN)) {
            assertEquals(320L, rows(c, COUNT).get(0).get(0));
        }
    }

    @Test
    void dataSourceWithoutUrlFailsInsteadOfOpeningTheDemo() {
        ReportSqlDataSource ds = new ReportSqlDataSource();
        SQLException e = assertThrows(SQLException.class, ds::getConnection);
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("setUrl"), e.getMessage());
        assertThrows(SQLException.class, () -> ds.getConnection("alice", "alice-pw"));
    }

    @Test
    void propertiesToolsAddForOtherDriversAreIgnoredWithWarnings() throws SQLException {
        Properties p = new Properties();
        p.setProperty("password", ReporteiSandbox.API_TOKEN);
        p.setProperty("ApplicationName", "DBeaver 25.2");
        p.setProperty("loginTimeout", "30");
        p.setProperty("socketTimeout", "0");
        try (Connection c = DriverManager.getConnection(url() + "?sslmode=disable", p)) {
            assertEquals(320L, rows(c, COUNT).get(0).get(0));
            List<String> warnings = warnings(c);
            assertEquals(4, warnings.size(), warnings.toString());
            for (String key : List.of("ApplicationName", "loginTimeout", "socketTimeout", "sslmode")) {
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Connection property '" + key + "' is not a "
                        + "ReportSQL property and is ignored")), key + " in " + warnings);
            }
            assertFalse(warnings.toString().contains("DBeaver 25.2"), "values are not repeated");
        }
        Properties typo = new Properties();
        typo.setProperty("password", ReporteiSandbox.API_TOKEN);
        typo.setProperty("pageSise", "50");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), typo));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("Unknown connection property 'pageSise'"), e.getMessage());
    }

    private static List<String> warnings(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
            assertEquals("01000", w.getSQLState());
            out.add(w.getMessage());
        }
        return out;
    }
}
