package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Faults injected with the sandbox (canned answers, and the server going away mid-stream), on the
 * real reports. The table of these cases in docs/reliability.md is generated from {@link #ROWS}.
 */
@Timeout(60)
class SandboxFaultsTest extends SandboxFixture {
    private static final String BEGIN = "<!-- BEGIN GENERATED SANDBOX FAULTS -->";
    private static final String END = "<!-- END GENERATED SANDBOX FAULTS -->";
    /** call, fault, outcome: one row per test below, in the same order. */
    static final List<String[]> ROWS = List.of(
            new String[] {"token", "503 once at getConnection", "connects (1 retry)"},
            new String[] {"catalog", "502 once at getConnection", "connects (1 retry)"},
            new String[] {"data", "503, then 429 with Retry-After: 0", "all 480 rows (2 retries)"},
            new String[] {"data", "500 (not a retryable status)", "SQLException 08006 naming get-data, HTTP 500 and the body (not retried)"},
            new String[] {"data", "server stops in the middle of a 109,500-row stream", "SQLException 08006 after part of the rows (not retried)"},
            new String[] {"all", "server gone before the query", "SQLException 08001 (connection refused, 3 retries)"});

    @BeforeEach
    void clear() {
        sandbox.clearRequests();
    }

    private static Connection open(SooperwizerSandbox s) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        return DriverManager.getConnection("jdbc:sooperwizer:" + s.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(s.keycloakUrl(), StandardCharsets.UTF_8)
                + "&retryInitialBackoff=10ms&retryMaxBackoff=1s&catalogTtl=0", p);
    }

    @Test
    void tokenEndpoint503OnceIsRetried() throws SQLException {
        dev.reportsql.sooperwizer.SooperwizerSource.clearCatalogCache();
        sandbox.enqueueFailure("/token", 503, "text/plain", "busy");
        Properties p = new Properties();
        p.setProperty("user", "dave"); // a user with no token yet, so getConnection asks for one
        p.setProperty("password", "dave-pw");
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8) + "&retryInitialBackoff=10ms", p)) {
            assertEquals(480, count(c, "SELECT COUNT(*) FROM MachineDowntime"));
        }
        assertEquals(2, sandbox.requests(TOKEN).size());
    }

    @Test
    void catalog502OnceIsRetried() throws SQLException {
        sandbox.enqueueFailure(CATALOG, 502, "text/html", "<html>bad gateway</html>");
        try (Connection c = open(sandbox)) {
            assertTrue(c.getMetaData().getTables(null, null, "MachineDowntime", null).next());
        }
        assertEquals(2, sandbox.requests(CATALOG).size());
    }

    @Test
    void dataThrottledIsRetriedToCompleteRows() throws SQLException {
        try (Connection c = open(sandbox)) {
            assertEquals(480, count(c, "SELECT COUNT(*) FROM MachineDowntime")); // columns known
            sandbox.clearRequests();
            sandbox.enqueueFailure(DATA, 503, "application/json", "{\"message\":\"busy\"}");
            sandbox.enqueueFailure(DATA, 429, "application/json", "{\"message\":\"slow down\"}");
            assertEquals(List.of(List.of(480L, BigDecimal.valueOf(115440))), rows(c, "SELECT COUNT(*), SUM(EventID) FROM MachineDowntime"));
        }
        assertEquals(3, sandbox.requests(DATA).size());
    }

    @Test
    void data500FailsAtOnceNamingEndpointStatusAndBody() throws SQLException {
        try (Connection c = open(sandbox)) {
            sandbox.enqueueFailure(DATA, 500, "application/json", "{\"message\":\"database down\"}");
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM MachineDowntime"));
            assertEquals("08006", e.getSQLState());
            assertTrue(e.getMessage().contains("get-data") && e.getMessage().contains("HTTP 500")
                    && e.getMessage().contains("database down"), e.getMessage());
        }
        assertEquals(1, sandbox.requests(DATA).size());
    }

    @Test
    void serverStoppingMidStreamFailsTheResultSet() throws SQLException {
        SooperwizerSandbox own = SooperwizerSandbox.start();
        try (Connection c = open(own); Statement s = c.createStatement();
                // A report's first response is read whole (its types depend on every value); once the
                // columns are known, a response streams and the stop reaches the reader mid-rows.
                ResultSet known = s.executeQuery("SELECT COUNT(*) FROM LineOutputDaily "
                        + "WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-01'");
                ResultSet rs = s.executeQuery("SELECT LineCode FROM LineOutputDaily "
                        + "WHERE StartDate = '2025-01-01' AND EndDate = '2025-12-31'")) {
            int[] read = {0};
            SQLException e = assertThrows(SQLException.class, () -> {
                while (rs.next()) {
                    if (++read[0] == 1000) {
                        own.close();
                    }
                }
            });
            assertEquals("08006", e.getSQLState(), e.getMessage());
            assertTrue(read[0] >= 1000 && read[0] < 109_500, read[0] + " rows");
        } finally {
            own.close();
        }
    }

    @Test
    void serverGoneIsUnableToConnectAfterRetries() throws SQLException {
        SooperwizerSandbox own = SooperwizerSandbox.start();
        try (Connection c = open(own)) {
            own.close();
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM MachineDowntime"));
            assertEquals("08001", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("gave up after 4 attempts"), e.getMessage());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        } finally {
            own.close();
        }
    }

    static String table() {
        StringBuilder b = new StringBuilder("\n| call | fault | outcome |\n|---|---|---|\n");
        for (String[] r : ROWS) {
            b.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void reliabilityDocListsTheSandboxCases() throws IOException {
        Path doc = Path.of("docs/reliability.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "markers missing in " + doc);
        String expected = table();
        if (Boolean.getBoolean("reportsql.updateDocs") && !expected.equals(text.substring(begin + BEGIN.length(), end))) {
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, text.substring(begin + BEGIN.length(), end), "regenerate with -Dreportsql.updateDocs=true");
    }
}
