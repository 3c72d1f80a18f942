package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reportsql.jdbc.ReportSqlDataSource;

/** logLevel and logFile: a trace of one connection, captured without JVM flags, never with secrets. */
class TraceTest extends SandboxFixture {
    private static final String DAY = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        sandbox.clearRequests();
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void debugTraceShowsStatementsCallsAttemptsAndFilters() throws SQLException, IOException {
        Path file = dir.resolve("trace.log");
        try (Connection c = DriverManager.getConnection(url(), props("logLevel", "debug", "logFile", file.toString()))) {
            sandbox.enqueueFailure(DATA, 503, "text/plain", "busy");
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY + " AND BranchCode = 'BR02'");
            assertThrows(SQLException.class, () -> rows(c, "SELECT nope FROM LineOutputDaily"));
        }
        String trace = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(trace.contains("connecting to jdbc:sooperwizer:"), trace);
        assertTrue(trace.contains("connected as alice"), trace);
        assertTrue(trace.contains("statement 1 starts: SELECT COUNT(*) FROM LineOutputDaily"), trace);
        assertTrue(trace.contains("\"BranchCode\":[\"BR02\"]"), "DEBUG shows the filters sent: " + trace);
        assertTrue(trace.contains("HTTP 503"), trace);
        assertTrue(trace.contains("attempt 2"), trace);
        assertTrue(trace.contains("(statement 1) ends: HTTP 200, 2 attempts, 100 rows"), trace);
        assertTrue(trace.contains("statement 1 ends: 1 rows, 1 API calls"), trace);
        assertTrue(trace.contains("statement 2 fails with SQLState 42703"), trace);
        assertTrue(trace.contains("connection closed"), trace);
        String token = sandbox.requests(DATA).get(0).header("authorization").substring("Bearer ".length());
        assertFalse(trace.contains("alice-pw"), "no password");
        assertFalse(trace.contains(token), "no token");
        for (String line : trace.split("\n")) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ (ERROR|WARN|INFO|DEBUG|TRACE) \\[connection \\w+\\] .+"),
                    line);
        }
    }

    @Test
    void infoLeavesFiltersOutAndOffWritesNothing() throws SQLException, IOException {
        Path info = dir.resolve("info.log");
        try (Connection c = DriverManager.getConnection(url(), props("logLevel", "INFO", "logFile", info.toString()))) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
        }
        String trace = Files.readString(info, StandardCharsets.UTF_8);
        assertTrue(trace.contains(" ends: HTTP 200, 1 attempts, 300 rows"), trace);
        assertFalse(trace.contains("\"ReportID\""), "request bodies are DEBUG: " + trace);
        assertFalse(trace.contains(" DEBUG "), trace);
        Path off = dir.resolve("off.log");
        try (Connection c = DriverManager.getConnection(url(), props("logFile", off.toString()))) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
        }
        assertFalse(Files.exists(off), "logLevel defaults to OFF");
    }

    @Test
    void badSettingsFailClearly() {
        SQLException level = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url(), props("logLevel", "LOUD")));
        assertEquals("22023", level.getSQLState());
        assertTrue(level.getMessage().contains("logLevel"), level.getMessage());
        SQLException file = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(),
                props("logLevel", "INFO", "logFile", dir.resolve("missing/dir/trace.log").toString())));
        assertEquals("08001", file.getSQLState());
        assertTrue(file.getMessage().contains("logFile"), file.getMessage());
    }

    @Test
    void aFailedConnectIsTraced() throws IOException {
        Path file = dir.resolve("failed.log");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), props(
                "password", "wrong-pw", "logLevel", "INFO", "logFile", file.toString())));
        String trace = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(trace.contains("connecting fails with SQLState " + e.getSQLState()), trace);
        assertFalse(trace.contains("wrong-pw"), trace);
    }

    @Test
    void dataSourceSetsTheTrace() throws SQLException, IOException {
        Path file = dir.resolve("ds.log");
        ReportSqlDataSource ds = new ReportSqlDataSource();
        ds.setUrl(url());
        ds.setLogLevel("INFO");
        ds.setLogFile(file.toString());
        try (Connection c = ds.getConnection("alice", "alice-pw")) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
        }
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("statement 1 ends: 1 rows"));
    }
}
