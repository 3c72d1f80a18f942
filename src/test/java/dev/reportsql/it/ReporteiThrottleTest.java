package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/**
 * Throttling ends: a statement waits on 429 answers at most maxThrottleWait in total, then fails
 * with 57P03 saying what the server asked. Each case has a sandbox of its own, because a 429 pauses
 * every connection of the merchant.
 */
class ReporteiThrottleTest {
    private static final String TOO_MANY = "{\"message\":\"Too Many Attempts.\"}";

    @Test
    void aWaitLongerThanTheBudgetFailsAtOnceSayingWhatTheServerAsked() throws SQLException {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50); Connection c = connect(own, "1s")) {
            own.clearRequests();
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", "120"), TOO_MANY);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> drain(c, "SELECT * FROM customers"));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "failed without waiting the 120 s");
            assertEquals("57P03", e.getSQLState());
            assertTrue(e.getMessage().contains("Retry-After: 120") && e.getMessage().contains("maxThrottleWait (1.0 s"),
                    e.getMessage());
            assertEquals(1, own.requests("/customers").size(), "not sent again");
        }
    }

    @Test
    void theBudgetCountsEveryWaitOfTheStatement() throws SQLException {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50); Connection c = connect(own, "2500ms")) {
            own.clearRequests();
            for (int i = 0; i < 3; i++) {
                own.enqueueFailure("/customers", 429, Map.of("Retry-After", "1"), TOO_MANY);
            }
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> drain(c, "SELECT * FROM customers"));
            long elapsed = System.nanoTime() - start;
            assertEquals("57P03", e.getSQLState());
            assertTrue(e.getMessage().contains("2.0 s waited already"), e.getMessage());
            assertTrue(elapsed >= 1_900_000_000L, "waited twice as asked before giving up: " + elapsed);
            assertEquals(3, own.requests("/customers").size());

            // The next statement has a budget of its own.
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", "1"), TOO_MANY);
            assertEquals(50, drain(c, "SELECT * FROM customers"));
        }
    }

    @Test
    void anHttpDateIsAWaitToo() throws SQLException {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50); Connection c = connect(own, "10s")) {
            String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", inTwoSeconds), TOO_MANY);
            long start = System.nanoTime();
            assertEquals(50, drain(c, "SELECT * FROM customers"));
            assertTrue(System.nanoTime() - start >= 900_000_000L, "waited until the date the server gave");
        }
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50); Connection c = connect(own, "1s")) {
            String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1));
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", inAMinute), TOO_MANY);
            SQLException e = assertThrows(SQLException.class, () -> drain(c, "SELECT * FROM customers"));
            assertEquals("57P03", e.getSQLState(), e.getMessage());
        }
    }

    @Test
    void zeroAllowsOnlyImmediateRetries() throws SQLException {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50); Connection c = connect(own, "0")) {
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", "0"), TOO_MANY);
            assertEquals(50, drain(c, "SELECT * FROM customers"));
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", "1"), TOO_MANY);
            SQLException e = assertThrows(SQLException.class, () -> drain(c, "SELECT * FROM customers"));
            assertEquals("57P03", e.getSQLState());
        }
    }

    private static Connection connect(ReporteiSandbox sandbox, String maxThrottleWait) throws SQLException {
        return DriverManager.getConnection("jdbc:reportei:" + sandbox.apiUrl() + "?maxThrottleWait=" + maxThrottleWait,
                null, ReporteiSandbox.API_TOKEN);
    }

    private static int drain(Connection c, String sql) throws SQLException {
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }
}
