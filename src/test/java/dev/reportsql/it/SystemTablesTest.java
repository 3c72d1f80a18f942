package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.http.ResponseCache;
import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sooperwizer.sql.ColumnRegistry;

/**
 * The {@code sys} and {@code information_schema} schemas through the front door: their rows
 * against what the sandbox received and what the API's catalog says.
 */
class SystemTablesTest extends SandboxFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";

    @BeforeEach
    void clean() {
        ResponseCache.clearAll();
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
    }

    @Test
    void requestsMatchTheCallsTheSandboxReceived() throws Exception {
        try (Connection c = alice()) {
            long sentBefore = sandbox.dataBytesSent();
            long counted = (Long) rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY
                    + " AND BranchCode IN ('BR01', 'BR02')").get(0).get(0);
            long selected = rows(c, "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-02' "
                    + "AND EndDate = '2025-01-03'").size();
            List<RecordedRequest> received = sandbox.requests(DATA);
            List<List<Object>> logged = rows(c, "SELECT filters, http_status, attempts, bytes, rows, cache_hit, "
                    + "error_sqlstate, duration_ms, table_name, method, endpoint FROM sys.requests "
                    + "WHERE endpoint LIKE '%/report/get-data' ORDER BY request_id");
            assertEquals(received.size(), logged.size());
            assertEquals(2, logged.size());
            long[] expectedRows = {counted, selected};
            for (int i = 0; i < received.size(); i++) {
                List<Object> row = logged.get(i);
                assertEquals(received.get(i).json(), JSON.readTree((String) row.get(0)), "the exact body sent");
                assertEquals(200, row.get(1));
                assertEquals(1, row.get(2));
                assertTrue(((Long) row.get(3)) > 1000, "bytes of the body: " + row.get(3));
                assertEquals(expectedRows[i], row.get(4));
                assertEquals(false, row.get(5));
                assertNull(row.get(6));
                assertNotNull(row.get(7), "ended calls have a duration");
                assertEquals("LineOutputDaily", row.get(8));
                assertEquals("POST", row.get(9));
                assertEquals("/api/report/get-data", row.get(10));
            }
            long bytes = 0;
            for (List<Object> row : logged) {
                bytes += (Long) row.get(3);
            }
            assertEquals(sandbox.dataBytesSent() - sentBefore, bytes, "the bytes the sandbox sent, all counted");
        }
    }

    @Test
    void queriesCountTheirCallsAndJoinWithRequests() throws SQLException {
        try (Connection c = alice()) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
            rows(c, "SELECT a.LineCode FROM LineOutputDaily a JOIN LineOutputDaily b ON a.LineCode = b.LineCode "
                    + "AND b.StartDate = '2025-01-02' AND b.EndDate = '2025-01-02' WHERE a." + DAY.replace("AND ", "AND a.")
                    + " AND a.BranchCode = 'BR01'");
            assertThrows(SQLException.class, () -> rows(c, "SELECT nope FROM LineOutputDaily"));
            List<List<Object>> queries = rows(c, "SELECT statement_id, sql, api_calls, sqlstate, rows "
                    + "FROM sys.queries ORDER BY statement_id");
            assertEquals(4, queries.size(), "three statements and this one: " + queries);
            assertEquals(1, queries.get(0).get(2));
            assertEquals(1L, queries.get(0).get(4));
            assertEquals(2, queries.get(1).get(2), "a self-join reads the report twice, with different filters");
            assertEquals("42703", queries.get(2).get(3));
            assertEquals(0, queries.get(2).get(2));
            assertTrue(((String) queries.get(3).get(1)).contains("sys.queries"));
            assertEquals(sandbox.requests(DATA).size(), 3);
            List<List<Object>> joined = rows(c, "SELECT q.statement_id, COUNT(*) FROM sys.queries q "
                    + "JOIN sys.requests r ON r.statement_id = q.statement_id GROUP BY q.statement_id ORDER BY 1");
            assertEquals(List.of(List.of(queries.get(0).get(0), 1L), List.of(queries.get(1).get(0), 2L)), joined);
        }
    }

    @Test
    void retriesAreAttemptsOfOneRequestAndFailuresKeepTheirState() throws SQLException {
        try (Connection c = alice()) {
            sandbox.enqueueFailure(DATA, 503, "text/plain", "busy");
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
            sandbox.enqueueFailure(DATA, 400, "application/json", "{\"message\":\"Bad filter\"}");
            assertThrows(SQLException.class, () -> rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = "
                    + "'2025-01-05' AND EndDate = '2025-01-05'"));
            assertEquals(3, sandbox.requests(DATA).size());
            List<List<Object>> logged = rows(c, "SELECT attempts, http_status, error_sqlstate, rows FROM sys.requests "
                    + "WHERE endpoint LIKE '%get-data' ORDER BY request_id");
            assertEquals(2, logged.size());
            assertEquals(List.of(2, 200), logged.get(0).subList(0, 2));
            assertNull(logged.get(0).get(2));
            assertEquals(1, logged.get(1).get(0));
            assertEquals(400, logged.get(1).get(1));
            assertNotNull(logged.get(1).get(2));
            String state = (String) logged.get(1).get(2);
            List<List<Object>> failed = rows(c, "SELECT sqlstate FROM sys.queries WHERE sqlstate IS NOT NULL");
            assertEquals(List.of(List.of(state)), failed);
        }
    }

    @Test
    void resultCacheHitsAreLoggedWithoutACall() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("resultCacheTtl", "1m");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            String sql = "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY;
            assertEquals(rows(c, sql), rows(c, sql));
            assertEquals(1, sandbox.requests(DATA).size());
            List<List<Object>> logged = rows(c, "SELECT cache_hit, attempts, http_status, rows FROM sys.requests "
                    + "WHERE endpoint LIKE '%get-data' ORDER BY request_id");
            assertEquals(List.of(List.of(false, 1, 200, 300L), Arrays.asList(true, 0, null, 300L)), logged);
        }
    }

    @Test
    void systemTablesMakeNoCallAndAreThisConnectionsOnly() throws SQLException {
        try (Connection c = alice(); Connection other = alice()) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
            int before = sandbox.requests().size();
            rows(other, "SELECT * FROM sys.requests");
            rows(other, "SELECT * FROM information_schema.columns");
            rows(other, "SELECT * FROM sys.report_filters");
            assertEquals(before, sandbox.requests().size(), "system tables never call the API");
            assertEquals(0, rows(other, "SELECT * FROM sys.requests WHERE endpoint LIKE '%get-data'").size());
            assertEquals(1, rows(c, "SELECT * FROM sys.requests WHERE endpoint LIKE '%get-data'").size());
        }
    }

    @Test
    void noSecretAppearsInTheLog() throws SQLException {
        try (Connection c = alice()) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
            String token = sandbox.requests(DATA).get(0).header("authorization").substring("Bearer ".length());
            for (String table : List.of("sys.requests", "sys.queries")) {
                for (List<Object> row : rows(c, "SELECT * FROM " + table)) {
                    String text = row.toString();
                    assertFalse(text.contains("alice-pw"), text);
                    assertFalse(text.contains(token), text);
                }
            }
        }
    }

    @Test
    void reportsAndFiltersAreTheApisCatalog() throws Exception {
        try (Connection c = alice()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "sooperwizer", "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            List<String> listed = new ArrayList<>();
            for (List<Object> row : rows(c, "SELECT table_name FROM sys.reports ORDER BY table_name")) {
                listed.add((String) row.get(0));
            }
            tables.sort(null);
            assertEquals(tables, listed);
            JsonNode catalog = RawApi.catalog(sandbox, "alice", "alice-pw");
            int filters = 0;
            for (JsonNode report : catalog) {
                List<List<Object>> row = rows(c, "SELECT report_name, display_name, description, api FROM sys.reports "
                        + "WHERE report_id = '" + report.get("ReportID").asText() + "'");
                assertEquals(1, row.size());
                assertEquals(report.get("ReportName").asText(), row.get(0).get(0));
                assertEquals("sooperwizer", row.get(0).get(3));
                var fields = report.path("Filters").fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    filters++;
                    List<List<Object>> fr = rows(c, "SELECT f.filter_type, f.required FROM sys.report_filters f "
                            + "JOIN sys.reports r ON r.table_name = f.table_name WHERE r.report_id = '"
                            + report.get("ReportID").asText() + "' AND f.filter_name = '" + f.getKey() + "'");
                    assertEquals(List.of(List.of(f.getValue().path("type").asText("single"),
                            f.getValue().path("required").asBoolean(false))), fr, f.getKey());
                }
            }
            assertEquals(filters, rows(c, "SELECT * FROM sys.report_filters").size());
        }
    }

    @Test
    void filterDefaultsShowInReportFilters() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("filterDefaults", "StartDate=7 days ago;LineOutputDaily.BranchCode=BR01,BR02");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            assertEquals(List.of(List.of("StartDate", "7 days ago"), List.of("BranchCode", "BR01,BR02")),
                    rows(c, "SELECT filter_name, default_value FROM sys.report_filters WHERE table_name = "
                            + "'LineOutputDaily' AND default_value IS NOT NULL"));
        }
    }

    @Test
    void informationSchemaAnswersGenericClients() throws SQLException {
        try (Connection c = alice()) {
            rows(c, "SELECT * FROM LineOutputDaily WHERE " + DAY + " AND 1 = 0");
            List<String> metadata = new ArrayList<>();
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getColumns(null, "sooperwizer", "LineOutputDaily", "%")) {
                while (rs.next()) {
                    metadata.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
                }
            }
            List<String> info = new ArrayList<>();
            for (List<Object> row : rows(c, "SELECT column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = 'sooperwizer' AND table_name = 'LineOutputDaily' ORDER BY ordinal_position")) {
                info.add(row.get(0) + " " + row.get(1));
            }
            assertEquals(metadata, info);
            // the upper-case spelling generic tools use works too, unquoted
            assertEquals(info.size(), rows(c, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_NAME = 'LineOutputDaily'").size());
            List<List<Object>> unknown = rows(c, "SELECT remarks FROM information_schema.tables "
                    + "WHERE table_name = 'OperatorEfficiency'");
            assertTrue(((String) unknown.get(0).get(0)).contains("not known yet"), unknown.toString());
            List<List<Object>> schemas = rows(c, "SELECT schema_name FROM information_schema.schemata ORDER BY 1");
            assertEquals(List.of(List.of("information_schema"), List.of("sooperwizer"), List.of("sys")), schemas);
            assertTrue(rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'sys'")
                    .contains(List.of("requests")));
        }
    }

    @Test
    void metadataListsTheSystemSchemas() throws SQLException {
        try (Connection c = alice()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> sys = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, "sys", "%", new String[] {"SYSTEM TABLE"})) {
                while (rs.next()) {
                    sys.add(rs.getString("TABLE_NAME"));
                }
            }
            assertEquals(List.of("queries", "report_filters", "reports", "requests"), sys);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "sys", "queries", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertEquals(List.of("statement_id", "sql", "started_at", "duration_ms", "rows", "api_calls", "sqlstate"),
                    columns);
        }
    }
}
