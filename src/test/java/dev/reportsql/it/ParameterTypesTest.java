package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Setters of every common type work, for filter columns (sent as text) and data columns (compared locally). */
class ParameterTypesTest extends SandboxFixture {

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void datesAndObjectsAsFilterValues() throws SQLException {
        try (Connection c = alice(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ?")) {
            ps.setDate(1, Date.valueOf("2025-01-01"));
            ps.setObject(2, LocalDate.of(2025, 1, 2));
            assertEquals(600, single(ps));
            ps.setObject(1, "2025-01-03", Types.VARCHAR);
            ps.setString(2, "2025-01-03");
            assertEquals(300, single(ps));
            ParameterMetaData pmd = ps.getParameterMetaData();
            assertEquals(2, pmd.getParameterCount());
            assertEquals(Types.VARCHAR, pmd.getParameterType(1));
        }
        assertEquals("2025-01-01", dataBodies().get(dataBodies().size() - 2).get("filters").get("StartDate").asText());
        assertEquals("2025-01-02", dataBodies().get(dataBodies().size() - 2).get("filters").get("EndDate").asText());
    }

    @Test
    void typedParametersOnDataColumns() throws SQLException {
        try (Connection c = alice(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM WorkOrderStatus WHERE OrderQty >= ? AND UnitPrice < ? AND IsUrgent = ? "
                        + "AND DueDate >= ? AND LastUpdate < ?")) {
            ps.setInt(1, 0);
            ps.setBigDecimal(2, new BigDecimal("1000000"));
            ps.setBoolean(3, true);
            ps.setDate(4, Date.valueOf("2000-01-01"));
            ps.setTimestamp(5, Timestamp.valueOf("2100-01-01 00:00:00"));
            long urgent = single(ps);
            long expected = count(c, "SELECT COUNT(*) FROM WorkOrderStatus WHERE IsUrgent");
            assertEquals(expected, urgent);
            ps.setLong(1, Long.MAX_VALUE);
            assertEquals(0, single(ps));
        }
    }

    @Test
    void aNullParameterMatchesNothingWithoutACall() throws SQLException {
        try (Connection c = alice(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ?")) {
            ps.setNull(1, Types.VARCHAR);
            ps.setString(2, "2025-01-01");
            sandbox.clearRequests();
            assertEquals(0, single(ps));
            assertEquals(0, sandbox.requests(DATA).size());
        }
    }

    @Test
    void anUnsetParameterIsAClearError() throws SQLException {
        try (Connection c = alice(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ?")) {
            ps.setString(1, "2025-01-01");
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, ps::executeQuery);
            assertTrue(e.getSQLState().startsWith("22") || e.getSQLState().startsWith("07"), e.getSQLState());
            assertTrue(e.getMessage().contains("parameter 2"), e.getMessage());
        }
    }
}
