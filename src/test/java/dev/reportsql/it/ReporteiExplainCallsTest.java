package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/** EXPLAIN and the call budget on Reportei: lookups, widget input combinations, list pages, the rate limit. */
class ReporteiExplainCallsTest extends ReporteiFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String explain(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static List<String> callLines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.matches("^  \\d+\\. (GET|POST) .*")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void widgetCombinationsAreOneCallEachWithTheBodySent() throws Exception {
        String sql = "SELECT metric_value, \"start\" FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) WHERE "
                + "customer_integration = '" + ReporteiMetricsTest.CI + "' AND \"start\" IN (DATE '2024-01-01', "
                + "DATE '2024-02-01') AND \"end\" = DATE '2024-02-10'";
        try (Connection c = connect(1)) {
            sandbox.clearRequests();
            String text = explain(c, sql);
            assertEquals(List.of(), sandbox.requests(GET_DATA), "EXPLAIN made no call");
            List<String> lines = callLines(text);
            assertEquals(2, lines.size(), text);
            List<JsonNode> planned = new ArrayList<>();
            for (String line : lines) {
                assertTrue(line.contains("POST /api/metrics/get-data"), line);
                planned.add(JSON.readTree(line.substring(line.indexOf(": {") + 2, line.indexOf("; calls: "))));
            }
            assertTrue(text.contains("Total: 2 calls"), text);
            assertEquals(2, rows(c, sql).size());
            List<JsonNode> sent = new ArrayList<>();
            for (RecordedRequest r : sandbox.requests(GET_DATA)) {
                sent.add(r.json());
            }
            assertEquals(planned, sent);
        }
    }

    @Test
    void lookupsAndPagesAndTheRateLimit() throws Exception {
        try (Connection c = connect(0, "pageSize", "10")) {
            List<List<Object>> two = rows(c, "SELECT \"uuid\" FROM customers ORDER BY name LIMIT 3");
            String in = "'" + two.get(0).get(0) + "', '" + two.get(1).get(0) + "', '" + two.get(2).get(0) + "'";
            String text = explain(c, "SELECT name FROM customers WHERE \"uuid\" IN (" + in + ")");
            List<String> lines = callLines(text);
            assertEquals(3, lines.size(), text);
            sandbox.clearRequests();
            rows(c, "SELECT name FROM customers WHERE \"uuid\" IN (" + in + ")");
            List<String> paths = new ArrayList<>();
            sandbox.requests().forEach(r -> paths.add("GET " + r.path()));
            for (int i = 0; i < 3; i++) {
                assertTrue(lines.get(i).contains(paths.get(i) + " for customers"), lines.get(i) + " vs " + paths);
            }
            String pages = explain(c, "SELECT name FROM customers");
            assertTrue(pages.contains("GET /api/customers for customers: page=1&per_page=10; calls: unknown"), pages);
            assertTrue(pages.contains("one call per page of 10 rows"), pages);
            assertTrue(pages.contains("Total: at least 1 call"), pages);
        }
    }

    @Test
    void theRateLimitAloneSetsALeastTime() throws Exception {
        try (Connection c = connect(1, "rateLimitPerSecond", "2")) {
            String text = explain(c, "SELECT metric_value FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) "
                    + "WHERE customer_integration = '" + ReporteiMetricsTest.CI + "' AND \"end\" = DATE '2024-03-01' AND "
                    + "\"start\" IN (DATE '2024-01-01', DATE '2024-01-02', DATE '2024-01-03', DATE '2024-01-04', "
                    + "DATE '2024-01-05')");
            assertTrue(text.contains("Total: 5 calls; the rate limit (2/s, "), text);
            assertTrue(text.contains("alone makes them take at least 2 s"), text);
        }
    }

    @Test
    void theBudgetRefusesLookupsBeforeAndPagesAfterTheFirst() throws Exception {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50);
                Connection c = java.sql.DriverManager.getConnection("jdbc:reportei:" + own.apiUrl(),
                        props("apiToken", ReporteiSandbox.API_TOKEN, "maxCallsPerQuery", "2", "pageSize", "10",
                                "prefetchPages", "0"))) {
            own.clearRequests();
            SQLException lookups = assertThrows(SQLException.class, () -> rows(c, "SELECT name FROM customers WHERE "
                    + "\"uuid\" IN ('a', 'b', 'c')"));
            assertEquals("54000", lookups.getSQLState());
            assertEquals(List.of(), own.requests(), "refused before the first lookup");
            SQLException pages = assertThrows(SQLException.class, () -> rows(c, "SELECT name FROM customers"));
            assertEquals("54000", pages.getSQLState(), pages.getMessage());
            assertEquals(1, own.requests().size(), "the first page says how many follow; none of them is asked for");
        }
    }

    private static java.util.Properties props(String... kv) {
        java.util.Properties p = new java.util.Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }
}
