package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.http.ResponseCache;

/**
 * EXPLAIN lists the calls a query will make: for each query, the bodies EXPLAIN shows equal the
 * bodies the sandbox receives when the query then runs. And the call budget refuses before any call.
 */
class ExplainCallsTest extends SandboxFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CALL = Pattern.compile("^  \\d+\\. POST \\S+/report/get-data for (\\S+): (\\{.*\\}); "
            + "calls: (\\d+|unknown); result cache: (\\w+)(; .*)?$");
    private static final String DAY = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";
    private static final String OPERATORS = "\"Date\" = '2025-01-01' AND LineCodes IN ('BR01-L001')";
    private static final String DAY2 = "StartDate = '2025-01-02' AND EndDate = '2025-01-02'";

    /** Queries whose EXPLAIN must list exactly the calls they make. */
    private static final List<String> QUERIES = List.of(
            "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY,
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAY + " AND BranchCode IN ('BR01', 'BR03')",
            "SELECT * FROM (SELECT * FROM LineOutputDaily WHERE " + DAY + ") t WHERE t.BranchCode = 'BR02'",
            "WITH d AS (SELECT * FROM LineOutputDaily) SELECT COUNT(*) FROM d WHERE " + DAY,
            "SELECT a.LineCode FROM LineOutputDaily a JOIN LineOutputDaily b ON a.LineCode = b.LineCode WHERE a."
                    + DAY.replace("AND ", "AND a.") + " AND b." + DAY2.replace("AND ", "AND b."),
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAY + " UNION ALL SELECT LineCode FROM LineOutputDaily WHERE "
                    + DAY2,
            "SELECT BranchCode, SUM(ProducedQty) FROM LineOutputDaily WHERE " + DAY + " GROUP BY BranchCode "
                    + "HAVING BranchCode = 'BR01'",
            "SELECT m.EventID FROM MachineDowntime m WHERE m.BranchCode = 'BR02' AND m.EventID < 50",
            "SELECT l.LineCode, m.EventID FROM LineOutputDaily l JOIN MachineDowntime m ON m.BranchCode = l.BranchCode "
                    + "WHERE l." + DAY.replace("AND ", "AND l.") + " AND l.LineCode = 'BR01-L001' AND m.EventID < 10",
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAY + " ORDER BY ProducedQty DESC LIMIT 5",
            "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY + " AND BranchCode IN (SELECT DISTINCT BranchCode "
                    + "FROM MachineDowntime WHERE EventID < 5)");

    @BeforeEach
    void clean() {
        ResponseCache.clearAll();
        sandbox.clearRequests();
    }

    private record Planned(String table, JsonNode body, String count, String cache, String note) {
    }

    private static List<Planned> explain(Connection c, String sql) throws Exception {
        String text;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            assertTrue(rs.next());
            text = rs.getString(1);
        }
        assertTrue(text.contains("API calls (EXPLAIN makes none of them):"), text);
        List<Planned> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = CALL.matcher(line);
            if (m.matches()) {
                out.add(new Planned(m.group(1), JSON.readTree(m.group(2)), m.group(3), m.group(4), m.group(5)));
            }
        }
        return out;
    }

    private static List<JsonNode> sorted(List<JsonNode> bodies) {
        List<JsonNode> out = new ArrayList<>(bodies);
        out.sort((x, y) -> x.toString().compareTo(y.toString()));
        return out;
    }

    @Test
    void explainListsTheCallsEachQueryThenMakes() throws Exception {
        try (Connection c = alice()) {
            for (String sql : QUERIES) {
                rows(c, sql); // columns learned: EXPLAIN then needs no call
                sandbox.clearRequests();
                List<Planned> planned = explain(c, sql);
                assertEquals(List.of(), sandbox.requests(DATA), "EXPLAIN made a call for " + sql);
                List<JsonNode> expected = new ArrayList<>();
                for (Planned p : planned) {
                    assertEquals("1", p.count(), sql);
                    expected.add(p.body());
                }
                rows(c, sql);
                assertEquals(sorted(expected), sorted(dataBodies()), sql);
                sandbox.clearRequests();
            }
        }
    }

    @Test
    void explainSaysWhenPlanningHadToReadAReport() throws Exception {
        dev.reportsql.sooperwizer.sql.ColumnRegistry.clearShared();
        Properties p = props("columnsTtl", "0s");
        try (Connection c = DriverManager.getConnection(url(), p); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR SELECT COUNT(*) FROM OperatorEfficiency WHERE "
                        + OPERATORS)) {
            assertTrue(rs.next());
            String text = rs.getString(1);
            assertTrue(text.contains("Planning read 1 report never seen before"), text);
            assertEquals(1, sandbox.requests(DATA).size(), "the one call planning needed");
        }
    }

    @Test
    void refusedQueriesAndCacheHitsShowNoCall() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), props("resultCacheTtl", "1m"))) {
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-03-01' AND EndDate = '2025-03-01'");
            ResponseCache.clearAll();
            List<Planned> refused = explain(c, "SELECT * FROM LineOutputDaily WHERE BranchCode = 'BR01'");
            assertEquals(1, refused.size());
            assertEquals("0", refused.get(0).count());
            assertTrue(refused.get(0).note().contains("428C9"), refused.get(0).note());
            String sql = "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY;
            assertEquals("miss", explain(c, sql).get(0).cache());
            rows(c, sql);
            assertEquals("hit", explain(c, sql).get(0).cache());
            sandbox.clearRequests();
            rows(c, sql);
            assertEquals(List.of(), sandbox.requests(DATA), "the cache answered, as EXPLAIN said");
        }
    }

    @Test
    void filterDefaultsAppearInTheBody() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), props("filterDefaults", "BranchCode=BR03"))) {
            List<Planned> planned = explain(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
            assertEquals("[\"BR03\"]", planned.get(0).body().path("filters").path("BranchCode").toString());
            sandbox.clearRequests();
            rows(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY);
            assertEquals(List.of(planned.get(0).body()), dataBodies());
        }
    }

    @Test
    void theCallBudgetRefusesBeforeAnyCall() throws Exception {
        String join3 = "SELECT COUNT(*) FROM LineOutputDaily a, LineOutputDaily b, LineOutputDaily c WHERE a."
                + DAY.replace("AND ", "AND a.") + " AND b." + DAY2.replace("AND ", "AND b.")
                + " AND c.StartDate = '2025-01-03' AND c.EndDate = '2025-01-03' AND a.LineCode = b.LineCode "
                + "AND b.LineCode = c.LineCode";
        try (Connection warm = alice()) {
            rows(warm, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAY); // columns known
        }
        try (Connection c = DriverManager.getConnection(url(), props("maxCallsPerQuery", "2"))) {
            sandbox.clearRequests();
            SQLException e = assertThrows(SQLException.class, () -> rows(c, join3));
            assertEquals("54000", e.getSQLState());
            assertTrue(e.getMessage().contains("at least 3 API calls") && e.getMessage().contains("maxCallsPerQuery=2"),
                    e.getMessage());
            assertEquals(List.of(), sandbox.requests(DATA), "refused before the first call");
            assertEquals(2, rows(c, "SELECT a.LineCode FROM LineOutputDaily a JOIN LineOutputDaily b "
                    + "ON a.LineCode = b.LineCode WHERE a." + DAY.replace("AND ", "AND a.") + " AND b."
                    + DAY2.replace("AND ", "AND b.") + " AND a.LineCode IN ('BR01-L001', 'BR01-L002')").size());
            assertEquals(2, sandbox.requests(DATA).size(), "within the budget");
            List<List<Object>> failed = rows(c, "SELECT \"sqlstate\", api_calls FROM sys.queries WHERE "
                    + "\"sqlstate\" IS NOT NULL");
            assertEquals(List.of(List.of("54000", 0)), failed);
        }
    }

    @Test
    void theBudgetCountsTheCallThatLearnsColumns() throws Exception {
        dev.reportsql.sooperwizer.sql.ColumnRegistry.clearShared();
        try (Connection c = DriverManager.getConnection(url(), props("maxCallsPerQuery", "1", "columnsTtl", "0s"))) {
            sandbox.clearRequests();
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT COUNT(*) FROM OperatorEfficiency o "
                    + "JOIN MachineDowntime m ON o.BranchCode = m.BranchCode WHERE o." + OPERATORS.replace("AND ", "AND o.")));
            assertEquals("54000", e.getSQLState(), e.getMessage());
            assertEquals(List.of(), sandbox.requests(DATA), "no report was read to learn its columns either");
            assertFalse(rows(c, "SELECT COUNT(*) FROM OperatorEfficiency WHERE " + OPERATORS).isEmpty());
            assertEquals(1, sandbox.requests(DATA).size());
        }
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
}
