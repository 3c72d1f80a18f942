package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Every column kind arrives with the right JDBC type and exactly the value the API sent. */
class ValuesAndTypesTest extends SandboxFixture {

    @Test
    void workOrdersMatchTheRawResponseCellByCell() throws Exception {
        List<JsonNode> raw = RawApi.rows(sandbox, "{\"ReportID\":104,\"filters\":{}}");
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM WorkOrderStatus")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(11, md.getColumnCount());
            assertType(md, "OrderQty", Types.BIGINT, Long.class);
            assertType(md, "DueDate", Types.DATE, Date.class);
            assertType(md, "IsUrgent", Types.BOOLEAN, Boolean.class);
            assertType(md, "UnitPrice", Types.DECIMAL, BigDecimal.class);
            assertEquals(2, md.getScale(rs.findColumn("UnitPrice")));
            assertType(md, "LastUpdate", Types.TIMESTAMP, Timestamp.class);
            assertType(md, "Meta", Types.VARCHAR, String.class);
            int i = 0;
            while (rs.next()) {
                JsonNode row = raw.get(i++);
                assertEquals(row.get("WorkOrderNo").asText(), rs.getString("WorkOrderNo"));
                assertEquals(row.get("OrderQty").asLong(), rs.getLong("OrderQty"));
                assertEquals(Long.valueOf(row.get("OrderQty").asLong()), rs.getObject("OrderQty"));
                assertEquals(row.get("DueDate").asText(), rs.getDate("DueDate").toLocalDate().toString());
                assertEquals(LocalDate.parse(row.get("DueDate").asText()), rs.getObject("DueDate", LocalDate.class));
                assertEquals(row.get("IsUrgent").asBoolean(), rs.getBoolean("IsUrgent"));
                assertEquals(row.get("UnitPrice").decimalValue().setScale(2), rs.getBigDecimal("UnitPrice"));
                LocalDateTime updated = LocalDateTime.parse(row.get("LastUpdate").asText().replace(' ', 'T'));
                assertEquals(updated, rs.getTimestamp("LastUpdate").toLocalDateTime());
                assertEquals(updated, rs.getObject("LastUpdate", LocalDateTime.class));
                assertEquals(row.get("Meta").toString(), rs.getString("Meta"));
                assertFalse(rs.wasNull());
            }
            assertEquals(raw.size(), i);
            assertEquals(1200, i);
        }
    }

    @Test
    void calendarsReadTimestampsInTheirZone() throws Exception {
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT LastUpdate, DueDate FROM WorkOrderStatus WHERE WorkOrderNo = 'WO-2025-00001'")) {
            assertTrue(rs.next());
            LocalDateTime local = rs.getTimestamp(1).toLocalDateTime();
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            assertEquals(local.toInstant(ZoneOffset.UTC).toEpochMilli(), rs.getTimestamp(1, utc).getTime());
            LocalDate due = rs.getDate(2).toLocalDate();
            assertEquals(due.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(), rs.getDate(2, utc).getTime());
        }
    }

    @Test
    void nullsAndNestedValuesOfMachineDowntime() throws Exception {
        List<JsonNode> raw = RawApi.rows(sandbox, "{\"ReportID\":103,\"filters\":{}}");
        int nullEnds = 0;
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM MachineDowntime")) {
            ResultSetMetaData md = rs.getMetaData();
            assertType(md, "DownEnd", Types.TIMESTAMP, Timestamp.class);
            assertType(md, "Minutes", Types.BIGINT, Long.class);
            assertType(md, "Parts", Types.VARCHAR, String.class);
            int i = 0;
            while (rs.next()) {
                JsonNode row = raw.get(i++);
                if (row.get("DownEnd").isNull()) {
                    nullEnds++;
                    assertNull(rs.getTimestamp("DownEnd"));
                    assertTrue(rs.wasNull());
                    assertEquals(0, rs.getLong("Minutes"));
                    assertTrue(rs.wasNull());
                    assertNull(rs.getObject("Minutes"));
                } else {
                    assertEquals(LocalDateTime.parse(row.get("DownEnd").asText()),
                            rs.getTimestamp("DownEnd").toLocalDateTime());
                    assertEquals(row.get("Minutes").asLong(), rs.getLong("Minutes"));
                    assertFalse(rs.wasNull());
                }
                JsonNode parts = row.get("Parts");
                assertEquals(parts.isNull() ? null : parts.toString(), rs.getString("Parts"));
                assertEquals(row.get("Acknowledged").asBoolean(), rs.getBoolean("Acknowledged"));
            }
            assertEquals(480, i);
        }
        assertTrue(nullEnds > 0, "the dataset has ongoing stoppages");
    }

    @Test
    void awkwardDataKeepsItsExactValues() throws Exception {
        List<JsonNode> raw = RawApi.rows(sandbox, "{\"ReportID\":105,\"filters\":{\"AuditMonth\":\"2025-03\"}}");
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-03'")) {
            ResultSetMetaData md = rs.getMetaData();
            assertType(md, "Audit #", Types.BIGINT, Long.class);
            assertType(md, "Defect %", Types.DECIMAL, BigDecimal.class);
            assertType(md, "BigCount", Types.BIGINT, Long.class);
            assertType(md, "Ratio", Types.DOUBLE, Double.class);
            assertType(md, "EmptyCol", Types.VARCHAR, String.class);
            assertType(md, "AuditMonth", Types.VARCHAR, String.class);
            int i = 0;
            while (rs.next()) {
                JsonNode row = raw.get(i++);
                assertEquals(0, row.get("Defect %").decimalValue().compareTo(rs.getBigDecimal("Defect %")));
                assertEquals(row.get("BigCount").bigIntegerValue().longValueExact(), rs.getLong("BigCount"));
                assertEquals(row.get("Ratio").doubleValue(), rs.getDouble("Ratio"));
                assertEquals(row.get("line code").asText(), rs.getString("line code"));
                JsonNode remarks = row.get("Remarks");
                assertEquals(remarks.isNull() ? null : remarks.asText(), rs.getString("Remarks"));
                assertNull(rs.getString("EmptyCol"));
                assertEquals("2025-03", rs.getString("AuditMonth"));
            }
            assertEquals(raw.size(), i);
        }
    }

    @Test
    void doublesOfOperatorEfficiency() throws Exception {
        List<JsonNode> raw = RawApi.rows(sandbox,
                "{\"ReportID\":102,\"filters\":{\"Date\":\"2025-04-02\",\"LineCodes\":[\"BR02-L010\"]}}");
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM OperatorEfficiency WHERE \"Date\" = '2025-04-02'"
                        + " AND LineCodes = 'BR02-L010'")) {
            assertType(rs.getMetaData(), "EfficiencyPct", Types.DOUBLE, Double.class);
            assertType(rs.getMetaData(), "IsTrainee", Types.BOOLEAN, Boolean.class);
            int i = 0;
            while (rs.next()) {
                JsonNode row = raw.get(i++);
                assertEquals(row.get("EfficiencyPct").doubleValue(), rs.getDouble("EfficiencyPct"));
                assertEquals(row.get("EfficiencyPct").doubleValue(), rs.getObject("EfficiencyPct", Double.class));
                assertEquals(row.get("SAM").decimalValue(), rs.getBigDecimal("SAM"));
                assertEquals(row.get("IsTrainee").asBoolean(), rs.getObject("IsTrainee", Boolean.class));
            }
            assertEquals(20, i);
        }
    }

    private static void assertType(ResultSetMetaData md, String column, int jdbcType, Class<?> javaClass)
            throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnName(i).equals(column)) {
                assertEquals(jdbcType, md.getColumnType(i), column);
                assertEquals(javaClass.getName(), md.getColumnClassName(i), column);
                return;
            }
        }
        throw new AssertionError("no column " + column);
    }
}
