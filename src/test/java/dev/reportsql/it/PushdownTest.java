package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** WHERE predicates on filter columns reach the API as the documented filters body. */
class PushdownTest extends SandboxFixture {
    private static final String DAY = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";

    @BeforeEach
    void clear() {
        sandbox.clearRequests();
    }

    @Test
    void literalsBecomeSingleFilterStrings() throws SQLException {
        try (Connection c = alice()) {
            assertEquals(300, count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY));
        }
        List<JsonNode> bodies = dataBodies();
        assertEquals(1, bodies.size(), "discovery and scan share one data call");
        assertEquals(101, bodies.get(0).get("ReportID").asInt());
        JsonNode filters = bodies.get(0).get("filters");
        assertEquals("2025-01-01", filters.get("StartDate").asText());
        assertTrue(filters.get("StartDate").isTextual());
        assertEquals("2025-01-01", filters.get("EndDate").asText());
        assertEquals(2, filters.size());
    }

    @Test
    void inListBecomesAnArray() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> rows = rows(c, "SELECT DISTINCT BranchCode FROM LineOutputDaily WHERE " + DAY
                    + " AND BranchCode IN ('BR01', 'BR03') ORDER BY 1");
            assertEquals(List.of(List.of("BR01"), List.of("BR03")), rows);
        }
        JsonNode branch = dataBodies().get(0).get("filters").get("BranchCode");
        assertTrue(branch.isArray());
        assertEquals(Set.of("BR01", "BR03"), texts(branch));
    }

    @Test
    void orOfEqualsOnOneColumnIsPushed() throws SQLException {
        try (Connection c = alice()) {
            assertEquals(200, count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY
                    + " AND (BranchCode = 'BR02' OR BranchCode = 'BR03')"));
        }
        assertEquals(Set.of("BR02", "BR03"), texts(dataBodies().get(0).get("filters").get("BranchCode")));
    }

    @Test
    void oneValueForAListFilterIsStillAnArray() throws SQLException {
        try (Connection c = alice()) {
            assertEquals(100, count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY + " AND BranchCode = 'BR02'"));
        }
        JsonNode branch = dataBodies().get(0).get("filters").get("BranchCode");
        assertTrue(branch.isArray());
        assertEquals(Set.of("BR02"), texts(branch));
    }

    @Test
    void parametersAreReadAtEachExecution() throws SQLException {
        try (Connection c = alice();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(ProductionDate), MAX(BranchCode) "
                        + "FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ? AND BranchCode IN (?, ?)")) {
            ps.setString(1, "2025-02-01");
            ps.setString(2, "2025-02-02");
            ps.setString(3, "BR01");
            ps.setString(4, "BR02");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(400, rs.getLong(1));
                assertEquals("2025-02-01", rs.getDate(2).toLocalDate().toString());
                assertEquals("BR02", rs.getString(3));
            }
            ps.setString(1, "2025-03-05");
            ps.setString(2, "2025-03-05");
            ps.setString(3, "BR03");
            ps.setString(4, "BR03");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(100, rs.getLong(1));
                assertEquals("BR03", rs.getString(3));
            }
        }
        List<JsonNode> bodies = dataBodies();
        assertEquals(2, bodies.size());
        assertEquals("2025-02-01", bodies.get(0).get("filters").get("StartDate").asText());
        assertEquals(Set.of("BR01", "BR02"), texts(bodies.get(0).get("filters").get("BranchCode")));
        assertEquals("2025-03-05", bodies.get(1).get("filters").get("StartDate").asText());
        assertEquals(Set.of("BR03"), texts(bodies.get(1).get("filters").get("BranchCode")));
    }

    @Test
    void dateAndTimestampParametersOfTextFiltersTravelAsIsoText() throws SQLException {
        // JasperReports binds a java.sql.Date report parameter with setDate; the filter column is text.
        try (Connection c = alice();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM LineOutputDaily "
                        + "WHERE StartDate = ? AND EndDate = ? AND BranchCode = ?")) {
            ps.setDate(1, java.sql.Date.valueOf("2025-06-03"));
            ps.setObject(2, java.time.LocalDate.of(2025, 6, 4));
            ps.setString(3, "BR02");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(200, rs.getLong(1));
            }
        }
        try (Connection c = alice();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM OperatorEfficiency WHERE \"Date\" = ? AND LineCodes = 'BR01-L001'")) {
            ps.setTimestamp(1, java.sql.Timestamp.valueOf("2025-02-03 00:00:00"));
            SQLException e = assertThrows(SQLException.class, ps::executeQuery);
            assertTrue(e.getMessage().contains("2025-02-03T00:00"), e.getMessage());
        }
        List<JsonNode> bodies = dataBodies();
        JsonNode filters = bodies.get(bodies.size() - 2).get("filters");
        assertEquals("2025-06-03", filters.get("StartDate").asText());
        assertEquals("2025-06-04", filters.get("EndDate").asText());
        assertEquals("2025-02-03T00:00:00", bodies.get(bodies.size() - 1).get("filters").get("Date").asText());
    }

    @Test
    void pureFilterColumnsEchoTheirValue() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> rows = rows(c, "SELECT DISTINCT \"Date\", LineCodes, LineCode FROM OperatorEfficiency "
                    + "WHERE \"Date\" = '2025-02-03' AND LineCodes IN ('BR01-L001')");
            assertEquals(List.of(List.of("2025-02-03", "BR01-L001", "BR01-L001")), rows);
        }
        JsonNode filters = dataBodies().get(0).get("filters");
        assertEquals("2025-02-03", filters.get("Date").asText());
        assertEquals(Set.of("BR01-L001"), texts(filters.get("LineCodes")));
    }

    @Test
    void otherPredicatesRunLocally() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> rows = rows(c, "SELECT ProducedQty FROM LineOutputDaily WHERE " + DAY
                    + " AND ProducedQty > 700 AND LineCode LIKE 'BR01%'");
            assertTrue(!rows.isEmpty());
            for (List<Object> r : rows) {
                assertTrue(((Number) r.get(0)).longValue() > 700);
            }
        }
        JsonNode filters = dataBodies().get(0).get("filters");
        assertEquals(2, filters.size(), "only the filters went to the API: " + filters);
    }

    @Test
    void aFilterThatIsAlsoADataColumnIsCheckedOnTheRows() throws SQLException {
        try (Connection c = alice()) {
            rows(c, "SELECT * FROM LineOutputDaily WHERE " + DAY + " LIMIT 1"); // learn the columns
            sandbox.clearRequests();
            // The API misbehaves and returns a row of another branch: the local check drops it.
            sandbox.enqueueFailure(DATA, 200, "application/json",
                    "[{\"ProductionDate\":\"2025-01-01\",\"BranchCode\":\"BR01\",\"LineCode\":\"BR01-L001\"},"
                            + "{\"ProductionDate\":\"2025-01-01\",\"BranchCode\":\"BR09\",\"LineCode\":\"BR09-L001\"}]");
            List<List<Object>> rows = rows(c, "SELECT LineCode FROM LineOutputDaily WHERE " + DAY
                    + " AND BranchCode = 'BR01'");
            assertEquals(List.of(List.of("BR01-L001")), rows);
        }
    }

    @Test
    void schemaProbeOfAReportWithUnknownColumnsAsksForItsFilters() throws SQLException {
        // No other test here logs in as demo, so demo's column cache starts empty.
        try (Connection c = connect("demo", "demo")) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM LineOutputDaily WHERE 1=0"));
            assertEquals("428C9", e.getSQLState());
            assertTrue(e.getMessage().contains("StartDate, EndDate"), e.getMessage());
            assertTrue(e.getMessage().contains("filterDefaults"), e.getMessage());
            assertEquals(0, sandbox.requests(DATA).size());

            assertEquals(200, count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY + " AND BranchCode IN ('BR01', 'BR02')"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM LineOutputDaily WHERE 1=0")) {
                assertTrue(!rs.next());
                assertEquals(12, rs.getMetaData().getColumnCount(), "10 data columns, then StartDate and EndDate");
                assertEquals("ProductionDate", rs.getMetaData().getColumnLabel(1));
            }
        }
        assertEquals(1, sandbox.requests(DATA).size(), "once the columns are known the probe needs no data call");
    }

    @Test
    void missingRequiredFilterFailsBeforeAnyDataCall() throws SQLException {
        try (Connection c = alice()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> rows(c, "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01'"));
            assertEquals("428C9", e.getSQLState());
            assertTrue(e.getMessage().contains("LineOutputDaily"), e.getMessage());
            assertTrue(e.getMessage().contains("EndDate"), e.getMessage());
            assertTrue(e.getMessage().contains("WHERE \"EndDate\" = '2025-01-31'"), e.getMessage());
            SQLException list = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM OperatorEfficiency"));
            assertEquals("428C9", list.getSQLState());
            assertTrue(list.getMessage().contains("\"LineCodes\" IN ("), list.getMessage());
        }
        assertEquals(0, sandbox.requests(DATA).size());
    }

    @Test
    void aProbeWithoutRowsSaysWhyTheColumnsAreUnknown() throws SQLException {
        // dave is used by no other test here, so his column cache starts empty.
        try (Connection c = connect("dave", "dave-pw")) {
            String sql = "SELECT ProducedQty FROM LineOutputDaily WHERE " + DAY + " AND BranchCode IN ('BR77')";
            SQLException e = assertThrows(SQLException.class, () -> rows(c, sql));
            assertEquals("42703", e.getSQLState());
            assertTrue(e.getMessage().contains("returned no rows for the filter values in this query"), e.getMessage());
            assertEquals(1, sandbox.requests(DATA).size(), "the probe");
            assertEquals(List.of("BR77"), List.of(sandbox.requests(DATA).get(0).json().path("filters")
                    .path("BranchCode").get(0).asText()));
            // Once a query with matching values taught the columns, the same query runs and finds nothing.
            assertEquals(100, count(c, "SELECT COUNT(ProducedQty) FROM LineOutputDaily WHERE " + DAY
                    + " AND BranchCode IN ('BR01')"));
            assertEquals(0, rows(c, sql).size());
        }
    }

    @Test
    void twoValuesForASingleFilterAreRefused() throws SQLException {
        try (Connection c = alice()) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM LineOutputDaily "
                    + "WHERE StartDate IN ('2025-01-01', '2025-01-02') AND EndDate = '2025-01-03'"));
            assertEquals("42804", e.getSQLState());
            assertTrue(e.getMessage().contains("StartDate"), e.getMessage());
        }
        assertEquals(0, sandbox.requests(DATA).size());
    }

    @Test
    void valuesAreEscapedInsideTheJsonBody() throws SQLException {
        try (Connection c = alice()) {
            count(c, "SELECT COUNT(*) FROM WorkOrderStatus WHERE Status = 'Open'' \"x\\y'");
        } catch (SQLException e) {
            // the sandbox rejects the unknown status; what matters is what was sent
        }
        assertEquals("Open' \"x\\y", dataBodies().get(0).get("filters").get("Status").asText());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
