package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

/**
 * java.time and java.sql date/time parameters where the query expects DATE, TIME or TIMESTAMP:
 * the query sees the same calendar date and wall-clock time whatever the JVM's default time zone.
 * Values are checked as text (CAST ... AS VARCHAR), which no time zone can shift.
 */
class TemporalParametersTest extends SandboxFixture {
    /** UTC, a zone 14 hours ahead and one behind UTC with daylight saving (2025-03-09 02:30 does not exist there). */
    private static final String[] ZONES = {"UTC", "Pacific/Kiritimati", "America/Los_Angeles"};

    @FunctionalInterface
    private interface Check {
        void run(Connection c) throws SQLException;
    }

    /** Runs the check with each zone as the JVM default (connection opened in that zone), restoring it after. */
    private static void inEachZone(Check check) throws SQLException {
        TimeZone original = TimeZone.getDefault();
        try {
            for (String zone : ZONES) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                try (Connection c = alice()) {
                    check.run(c);
                } catch (SQLException | RuntimeException | AssertionError e) {
                    throw new AssertionError("in time zone " + zone + ": " + e, e);
                }
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    private static String text(Connection c, String type, Object value, Integer sqlType) throws SQLException {
        int length = type.equals("DATE") ? 10 : 30;
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(CAST(? AS " + type + ") AS VARCHAR(" + length
                + ")) FROM (VALUES (1))")) {
            if (sqlType == null) {
                ps.setObject(1, value);
            } else {
                ps.setObject(1, value, sqlType);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    @Test
    void localDateIsTheSameCalendarDateInEveryZone() throws SQLException {
        inEachZone(c -> {
            assertEquals("2025-03-04", text(c, "DATE", LocalDate.of(2025, 3, 4), null));
            assertEquals("2025-03-04", text(c, "DATE", LocalDate.of(2025, 3, 4), Types.DATE));
            assertEquals("1900-01-01", text(c, "DATE", LocalDate.of(1900, 1, 1), null));
            assertEquals("2025-03-04", text(c, "DATE", Date.valueOf("2025-03-04"), Types.DATE));
            try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS DATE) FROM (VALUES (1))")) {
                ps.setObject(1, LocalDate.of(2024, 2, 29));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(1, LocalDate.class));
                }
            }
        });
    }

    @Test
    void localDateTimeAndLocalTimeKeepTheirWallClock() throws SQLException {
        inEachZone(c -> {
            assertEquals("2025-03-09 02:30:00", text(c, "TIMESTAMP", LocalDateTime.of(2025, 3, 9, 2, 30), null));
            assertEquals("2025-03-04 23:59:59", text(c, "TIMESTAMP", LocalDateTime.of(2025, 3, 4, 23, 59, 59),
                    Types.TIMESTAMP));
            assertEquals("2025-03-04 00:00:00", text(c, "TIMESTAMP", LocalDate.of(2025, 3, 4), null));
            assertEquals("23:30:15", text(c, "TIME", LocalTime.of(23, 30, 15), null));
            assertEquals("23:30:00", text(c, "TIME", Time.valueOf("23:30:00"), null));
        });
    }

    @Test
    void aCalendarSaysInWhichZoneAJavaSqlValueIsRead() throws SQLException {
        Timestamp instant = Timestamp.from(OffsetDateTime.of(2025, 3, 4, 23, 0, 0, 0, ZoneOffset.UTC).toInstant());
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        inEachZone(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT CAST(CAST(? AS DATE) AS VARCHAR(10)), CAST(CAST(? AS TIMESTAMP) AS VARCHAR(30)) FROM (VALUES (1))")) {
                ps.setDate(1, new Date(instant.getTime()), tokyo);
                ps.setTimestamp(2, instant, tokyo);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("2025-03-05", rs.getString(1));
                    assertEquals("2025-03-05 08:00:00", rs.getString(2));
                }
            }
        });
    }

    @Test
    void localDateOnADateColumnOfAReport() throws SQLException {
        String range = "StartDate = '2025-01-01' AND EndDate = '2025-01-03'";
        inEachZone(c -> {
            long literal = count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + range
                    + " AND ProductionDate = DATE '2025-01-02'");
            long all = count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + range);
            assertTrue(literal > 0 && literal < all, literal + " of " + all);
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(ProductionDate) FROM LineOutputDaily WHERE "
                    + "StartDate = ? AND EndDate = ? AND ProductionDate = ?")) {
                ps.setObject(1, LocalDate.of(2025, 1, 1)); // a filter column: sent to the API as ISO text
                ps.setObject(2, LocalDate.of(2025, 1, 3));
                ps.setObject(3, LocalDate.of(2025, 1, 2)); // a data column: compared as a DATE
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(literal, rs.getLong(1));
                    assertEquals(LocalDate.of(2025, 1, 2), rs.getObject(2, LocalDate.class));
                }
            }
            var filters = dataBodies().get(dataBodies().size() - 1).get("filters");
            assertEquals("2025-01-01", filters.get("StartDate").asText());
            assertEquals("2025-01-03", filters.get("EndDate").asText());
        });
    }

    @Test
    void localDateTimeOnATimestampColumnOfAReport() throws SQLException {
        inEachZone(c -> {
            long literal = count(c, "SELECT COUNT(*) FROM MachineDowntime WHERE DownStart < TIMESTAMP '2025-01-10 12:00:00'");
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM MachineDowntime WHERE DownStart < ?")) {
                ps.setObject(1, LocalDateTime.of(2025, 1, 10, 12, 0));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(literal, rs.getLong(1));
                }
            }
        });
    }

    @Test
    void aValueWithAZoneIsRefusedWithAHint() throws SQLException {
        try (Connection c = alice()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> text(c, "TIMESTAMP", OffsetDateTime.of(2025, 3, 4, 1, 0, 0, 0, ZoneOffset.UTC), null));
            assertEquals("22023", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("LocalDateTime"), e.getMessage());
        }
    }
}
