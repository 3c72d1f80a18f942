package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reports become tables, filters become columns, and data columns come from rows. */
class CatalogTest extends SandboxFixture {

    @Test
    void reportsAreTablesWithUniqueSqlFriendlyNames() throws SQLException {
        try (Connection c = alice()) {
            Map<String, String> tables = tables(c.getMetaData());
            // JDBC orders getTables by name
            assertEquals(List.of("LineOutputDaily", "MachineDowntime", "MachineDowntime_106", "OperatorEfficiency",
                    "Quality_Audit_Legacy", "WorkOrderStatus"), new ArrayList<>(tables.keySet()));
            assertEquals("Daily Line Output: Pieces produced per sewing line per day", tables.get("LineOutputDaily"));
            assertEquals("Machine Downtime (archive 2024): Stoppages of sewing machines in 2024", tables.get("MachineDowntime_106"));
            assertEquals(24, count(c, "SELECT COUNT(*) FROM MachineDowntime_106"));
            assertEquals(480, count(c, "SELECT COUNT(*) FROM machinedowntime"), "names are case-insensitive");
        }
    }

    @Test
    void eachUserSeesOnlyTheirReports() throws SQLException {
        try (Connection c = connect("dave", "dave-pw")) {
            assertEquals(List.of("LineOutputDaily", "MachineDowntime"), new ArrayList<>(tables(c.getMetaData()).keySet()));
            SQLException e = assertThrows(SQLException.class, () -> count(c, "SELECT COUNT(*) FROM WorkOrderStatus"));
            assertEquals("42P01", e.getSQLState());
        }
    }

    @Test
    void filterColumnsAreListedBeforeAnyRowIsSeen() throws SQLException {
        try (Connection c = alice()) {
            sandbox.clearRequests();
            List<String[]> cols = columns(c.getMetaData(), "OperatorEfficiency");
            assertEquals(2, cols.size());
            assertEquals("Date", cols.get(0)[0]);
            assertEquals(Integer.toString(Types.VARCHAR), cols.get(0)[1]);
            assertTrue(cols.get(0)[2].startsWith("Filter: single value, required"), cols.get(0)[2]);
            assertEquals("LineCodes", cols.get(1)[0]);
            assertTrue(cols.get(1)[2].startsWith("Filter: list of values, required"), cols.get(1)[2]);
            assertEquals(0, sandbox.requests(DATA).size(), "a report with required filters is not probed");
        }
    }

    @Test
    void reportsWithoutRequiredFiltersAreProbedForColumns() throws SQLException {
        try (Connection c = connect("demo", "demo")) {
            sandbox.clearRequests();
            List<String[]> cols = columns(c.getMetaData(), "MachineDowntime");
            List<String> names = cols.stream().map(x -> x[0]).toList();
            assertEquals(List.of("EventID", "MachineCode", "MachineType", "BranchCode", "DownStart", "DownEnd", "Minutes",
                    "Reason", "Parts", "Acknowledged"), names);
            assertEquals(Integer.toString(Types.BIGINT), cols.get(0)[1]);
            assertEquals(Integer.toString(Types.TIMESTAMP), cols.get(4)[1]);
            assertEquals(Integer.toString(Types.BOOLEAN), cols.get(9)[1]);
            assertEquals(1, sandbox.requests(DATA).size());
            assertEquals(0, sandbox.requests(DATA).get(0).json().get("filters").size());
            columns(c.getMetaData(), "MachineDowntime");
            assertEquals(1, sandbox.requests(DATA).size(), "columns are cached after the probe");
        }
    }

    @Test
    void dataColumnsAppearOnceAQueryHasSeenRows() throws SQLException {
        try (Connection c = connect("demo", "demo")) {
            count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-05-01' AND EndDate = '2025-05-01'");
            List<String[]> cols = columns(c.getMetaData(), "LineOutputDaily");
            List<String> names = cols.stream().map(x -> x[0]).toList();
            assertEquals(List.of("ProductionDate", "BranchCode", "LineCode", "Shift", "StyleCode", "TargetQty",
                    "ProducedQty", "DefectQty", "EfficiencyPct", "Operators", "StartDate", "EndDate"), names);
            assertEquals(Integer.toString(Types.DATE), cols.get(0)[1]);
            assertTrue(cols.get(1)[2].contains("also Filter: list of values, optional"), cols.get(1)[2]);
            assertEquals(Integer.toString(Types.DECIMAL), cols.get(8)[1]);
        }
    }

    @Test
    void theCatalogIsReadOncePerUserAndCached() throws SQLException {
        sandbox.clearRequests();
        try (Connection a = connect("carol-less", "x")) {
            throw new AssertionError("unknown user must not connect");
        } catch (SQLException expected) {
            assertEquals("28000", expected.getSQLState());
        }
        try (Connection a = connect("dave", "dave-pw"); Connection b = connect("dave", "dave-pw")) {
            assertEquals(tables(a.getMetaData()), tables(b.getMetaData()));
        }
        long catalogCalls = sandbox.requests(CATALOG).size();
        assertTrue(catalogCalls <= 1, "catalog calls: " + catalogCalls);
    }

    @Test
    void columnsOfUnknownReportsExplainWhatIsMissing() throws SQLException {
        try (Connection c = connect("demo", "demo")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> rows(c, "SELECT PiecesCompleted FROM OperatorEfficiency"));
            assertEquals("428C9", e.getSQLState());
            assertTrue(e.getMessage().contains("\"Date\" = '2025-01-01'"), e.getMessage());
        }
    }

    private static Map<String, String> tables(DatabaseMetaData md) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                assertEquals("sooperwizer", rs.getString("TABLE_SCHEM"));
                assertNull(rs.getString("TABLE_CAT"));
                out.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
            }
        }
        return out;
    }

    private static List<String[]> columns(DatabaseMetaData md, String table) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, "sooperwizer", table.replace("_", "\\_"), "%")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString("COLUMN_NAME"), Integer.toString(rs.getInt("DATA_TYPE")),
                        rs.getString("REMARKS")});
            }
        }
        return out;
    }
}
