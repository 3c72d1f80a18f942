package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Statement.cancel, setQueryTimeout and closing stop a running scan promptly, with the right SQLState. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CancelAndTimeoutTest extends SandboxFixture {
    private static final String YEAR = "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-12-31'";

    @Test
    void cancelFromAnotherThreadFailsTheResultSetWithHY008() throws Exception {
        try (Connection c = alice(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(YEAR)) {
            for (int i = 0; i < 1000; i++) {
                assertTrue(rs.next());
            }
            CompletableFuture.runAsync(() -> {
                try {
                    s.cancel();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).get(5, TimeUnit.SECONDS);
            long before = System.nanoTime();
            int[] read = {1000};
            SQLException e = assertThrows(SQLException.class, () -> {
                while (rs.next()) {
                    read[0]++;
                }
            });
            assertEquals("HY008", e.getSQLState(), e.getMessage());
            assertTrue(read[0] < 109_500, "the scan stopped early: " + read[0]);
            assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(2), "promptly");
        }
    }

    @Test
    void queryTimeoutFailsWithHYT00() throws Exception {
        try (Connection c = alice(); Statement s = c.createStatement()) {
            // Plan both queries once: Calcite's first planning of a query can take seconds on a cold,
            // busy JVM, and planning cannot be interrupted (the timeout is seen right after it).
            count(c, YEAR.replace("SELECT *", "SELECT COUNT(*)"));
            count(c, "SELECT COUNT(*) FROM MachineDowntime");
            s.setQueryTimeout(2);
            assertEquals(2, s.getQueryTimeout());
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery(YEAR)) {
                    int n = 0;
                    while (rs.next()) {
                        if (++n % 1000 == 0) {
                            Thread.sleep(50); // a slow consumer: the whole read would take > 5 s
                        }
                    }
                }
            });
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("HYT00", e.getSQLState(), e.getMessage());
            assertTrue(e instanceof SQLTimeoutException);
            assertTrue(millis >= 1_900 && millis < 3_500, "stopped about when the timeout expired: " + millis + " ms");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM MachineDowntime")) {
                assertTrue(rs.next(), "the statement is usable again after a timeout");
                assertEquals(480, rs.getLong(1));
            }
        }
    }

    @Test
    void aPreparedStatementCanRunAgainAfterACancel() throws Exception {
        try (Connection c = alice(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ?")) {
            ps.setString(1, "2025-01-01");
            ps.setString(2, "2025-12-31");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                ps.cancel();
                SQLException e = assertThrows(SQLException.class, () -> {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                });
                assertEquals("HY008", e.getSQLState());
            }
            ps.setString(2, "2025-01-01");
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(300, n);
            }
        }
    }

    @Test
    void closingTheConnectionEndsARunningQuery() throws Exception {
        Connection c = alice();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(YEAR);
        assertTrue(rs.next());
        c.close();
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
        SQLException e = assertThrows(SQLException.class, rs::next);
        assertEquals("08003", e.getSQLState());
    }
}
