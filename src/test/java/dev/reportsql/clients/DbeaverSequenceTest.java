package dev.reportsql.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * The calls DBeaver makes (read from its source: JDBCDataSource, GenericMetaModel, JDBC data
 * container), in its order, each answered correctly. DBeaver itself cannot run here.
 */
class DbeaverSequenceTest {
    private static SooperwizerSandbox sandbox;
    private static String url;

    @BeforeAll
    static void start() {
        sandbox = SooperwizerSandbox.start();
        url = "jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        return p;
    }

    @Test
    void connectAndBrowseMetadata() throws SQLException {
        Driver driver = DriverManager.getDriver(url);
        DriverPropertyInfo[] info = driver.getPropertyInfo(url, new Properties());
        assertTrue(info.length >= 8);
        for (DriverPropertyInfo i : info) {
            assertNotNull(i.description, i.name);
        }
        try (Connection c = driver.connect(url, credentials())) {
            c.setClientInfo("ApplicationName", "DBeaver 25.0.0 - Main <demo>");
            DatabaseMetaData md = c.getMetaData();
            assertEquals("Sooperwizer Reverse Integration API", md.getDatabaseProductName());
            assertNotNull(md.getDatabaseProductVersion());
            assertEquals("ReportSQL JDBC", md.getDriverName());
            assertNotNull(md.getDriverVersion());
            assertEquals(4, md.getJDBCMajorVersion());
            assertFalse(md.supportsTransactions());
            assertFalse(md.supportsSavepoints());
            assertTrue(md.supportsSchemasInTableDefinitions());
            assertFalse(md.supportsCatalogsInTableDefinitions());
            assertFalse(md.storesLowerCaseIdentifiers());
            assertFalse(md.storesUpperCaseIdentifiers());
            assertTrue(md.storesMixedCaseIdentifiers());
            assertEquals("\"", md.getIdentifierQuoteString());
            assertEquals("\\", md.getSearchStringEscape());
            assertNotNull(md.getSQLKeywords());
            assertTrue(md.isReadOnly());

            assertEquals(List.of(), names(md.getCatalogs(), "TABLE_CAT"));
            List<String> schemas = List.of("information_schema", "sooperwizer", "sys");
            assertEquals(schemas, names(md.getSchemas(), "TABLE_SCHEM"));
            assertEquals(schemas, names(md.getSchemas(null, null), "TABLE_SCHEM"));
            assertEquals(List.of("SYSTEM TABLE", "TABLE"), names(md.getTableTypes(), "TABLE_TYPE"));
            List<String> tables = names(md.getTables(null, "sooperwizer", "%", new String[] {"TABLE"}), "TABLE_NAME");
            assertEquals(6, tables.size());
            for (String t : tables) {
                String pattern = t.replace("_", md.getSearchStringEscape() + "_");
                List<String> cols = names(md.getColumns(null, "sooperwizer", pattern, "%"), "COLUMN_NAME");
                assertFalse(cols.isEmpty(), t);
                assertEmpty(md.getPrimaryKeys(null, "sooperwizer", t), 6);
                assertEmpty(md.getImportedKeys(null, "sooperwizer", t), 14);
                assertEmpty(md.getExportedKeys(null, "sooperwizer", t), 14);
                assertEmpty(md.getIndexInfo(null, "sooperwizer", t, false, true), 13);
            }
            assertEquals(10, names(md.getColumns(null, "sooperwizer", "MachineDowntime", "%"), "COLUMN_NAME").size());
            assertEquals(List.of("MachineDowntime"), names(md.getTables(null, null, "MachineDowntime", null), "TABLE_NAME"),
                    "escaped underscore patterns and plain names both work");
            assertTrue(names(md.getTypeInfo(), "TYPE_NAME").contains("VARCHAR"));
            assertEmpty(md.getProcedures(null, "sooperwizer", "%"), 9);
            assertEmpty(md.getFunctions(null, "sooperwizer", "%"), 6);
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void dataTabReadsAPageAndCountsRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, credentials()); Statement s = c.createStatement()) {
            s.setMaxRows(200);
            s.setFetchSize(200);
            int rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT * FROM MachineDowntime")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(10, md.getColumnCount());
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    assertNotNull(md.getColumnName(i));
                    assertEquals(md.getColumnName(i), md.getColumnLabel(i));
                    assertNotNull(md.getColumnTypeName(i));
                    assertTrue(md.getColumnDisplaySize(i) > 0, md.getColumnName(i));
                    assertEquals(ResultSetMetaData.columnNullable, md.isNullable(i));
                    assertFalse(md.isWritable(i));
                }
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v != null) {
                            assertEquals(md.getColumnClassName(i), v.getClass().getName(), md.getColumnName(i));
                        }
                    }
                }
            }
            assertEquals(200, rows, "setMaxRows(200) is honoured");
            s.setMaxRows(0);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT * FROM MachineDowntime) dbvrcnt")) {
                assertTrue(rs.next());
                assertEquals(480, rs.getLong(1));
            }
        }
    }

    @Test
    void reportsWithRequiredFiltersBrowseWithFilterDefaults() throws SQLException {
        Properties p = credentials();
        p.setProperty("filterDefaults", "StartDate=2 days ago;EndDate=today;Quality_Audit_Legacy.AuditMonth=2025-03;"
                + "OperatorEfficiency.Date=yesterday;OperatorEfficiency.LineCodes=BR01-L001,BR01-L002");
        sandbox.clearRequests();
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            List<String> cols = names(c.getMetaData().getColumns(null, null, "LineOutputDaily", "%"), "COLUMN_NAME");
            assertTrue(cols.contains("ProducedQty"), "the defaults let getColumns probe: " + cols);
            s.setMaxRows(200);
            int rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT * FROM LineOutputDaily")) {
                while (rs.next()) {
                    rows++;
                }
                SQLWarning w = s.getWarnings();
                assertNotNull(w, "the defaults used are reported");
                LocalDate today = LocalDate.now();
                assertTrue(w.getMessage().contains("StartDate = '" + today.minusDays(2) + "'"), w.getMessage());
                assertTrue(w.getMessage().contains("EndDate = '" + today + "'"), w.getMessage());
            }
            assertEquals(200, rows);
            assertEquals(40, count(s, "SELECT COUNT(*) FROM OperatorEfficiency"));
            assertEquals(300, count(s, "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' "
                    + "AND EndDate = '2025-01-01'"), "a filter the query gives wins over its default");
            assertTrue(count(s, "SELECT COUNT(*) FROM Quality_Audit_Legacy") > 0);
        }
        List<JsonNode> bodies = new ArrayList<>();
        sandbox.requests("/report/get-data").forEach(r -> bodies.add(r.json()));
        JsonNode lineOutput = bodies.stream().filter(b -> b.get("ReportID").asInt() == 101).findFirst().orElseThrow();
        assertEquals(LocalDate.now().minusDays(2).toString(), lineOutput.get("filters").get("StartDate").asText());
        assertTrue(bodies.stream().anyMatch(b -> b.get("ReportID").asInt() == 101
                && "2025-01-01".equals(b.get("filters").get("StartDate").asText())));
    }

    @Test
    void withoutDefaultsTheRequiredFilterErrorStands() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, credentials()); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM LineOutputDaily"));
            assertEquals("428C9", e.getSQLState());
        }
    }

    @Test
    void malformedDefaultsFailTheConnectionNamingTheProperty() {
        Properties p = credentials();
        p.setProperty("filterDefaults", "StartDate=seven days ago");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, p));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("filterDefaults"), e.getMessage());
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> names(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    private static void assertEmpty(ResultSet rs, int columns) throws SQLException {
        try (rs) {
            assertEquals(columns, rs.getMetaData().getColumnCount());
            assertFalse(rs.next());
            assertNull(rs.getWarnings());
        }
    }
}
