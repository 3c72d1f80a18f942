package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/** {@code sys} and {@code information_schema} on Reportei: the log against the sandbox's requests. */
class ReporteiSystemTablesTest extends ReporteiFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void requestsMatchTheSandboxLogPagesAndPostsIncluded() throws Exception {
        try (Connection c = connect(1, "pageSize", "10", "prefetchPages", "0")) {
            sandbox.clearRequests();
            int customers = rows(c, "SELECT name FROM customers").size();
            rows(c, "SELECT metric_value FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) WHERE"
                    + ReporteiMetricsTest.PERIOD);
            List<RecordedRequest> received = sandbox.requests();
            List<List<Object>> logged = rows(c, "SELECT method, endpoint, filters, http_status, attempts, rows "
                    + "FROM sys.requests WHERE statement_id IS NOT NULL ORDER BY request_id");
            assertEquals(received.size(), logged.size(), logged.toString());
            long listed = 0;
            for (int i = 0; i < received.size(); i++) {
                RecordedRequest r = received.get(i);
                List<Object> row = logged.get(i);
                assertEquals(r.method(), row.get(0));
                assertEquals(r.path(), row.get(1));
                if (r.method().equals("POST")) {
                    assertEquals(r.json(), JSON.readTree((String) row.get(2)), "the body sent");
                } else {
                    assertEquals(r.query(), row.get(2), "the query sent");
                    listed += (Long) row.get(5);
                }
                assertEquals(200, row.get(3));
                assertEquals(1, row.get(4));
            }
            assertEquals(customers, listed, "the rows of every page add up to the table");
        }
    }

    @Test
    void throttledCallsShowTheirWaitAndAttempts() throws SQLException {
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50);
                Connection c = java.sql.DriverManager.getConnection("jdbc:reportei:" + own.apiUrl(),
                        props("apiToken", ReporteiSandbox.API_TOKEN))) {
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", "1"), "{\"message\":\"Too Many Attempts.\"}");
            rows(c, "SELECT COUNT(*) FROM customers");
            List<List<Object>> logged = rows(c, "SELECT attempts, rate_limit_wait_ms, http_status FROM sys.requests "
                    + "WHERE endpoint LIKE '%/customers' ORDER BY request_id");
            assertEquals(2, logged.get(0).get(0), "the 429 and its repeat: " + logged);
            assertTrue((Long) logged.get(0).get(1) >= 900, "waited about the second asked: " + logged);
            assertEquals(200, logged.get(0).get(2));
        }
    }

    @Test
    void filtersAndInformationSchema() throws SQLException {
        try (Connection c = connect(1, "metricsCatalog", dev.reportsql.Vendored.path("reportei/payloads").toString())) {
            List<List<Object>> keys = rows(c, "SELECT filter_name, required, filter_type FROM sys.report_filters "
                    + "WHERE table_name = 'customers'");
            assertEquals(List.of(List.of("uuid", false, "single")), keys, "a lookup key, not required");
            List<List<Object>> inputs = rows(c, "SELECT filter_name, required FROM sys.report_filters "
                    + "WHERE table_name = 'fb_ads:impressions_reach_by_age' ORDER BY filter_name");
            List<String> names = new ArrayList<>();
            inputs.forEach(r -> names.add((String) r.get(0)));
            assertTrue(names.containsAll(List.of("customer_integration", "start", "end")), names.toString());
            assertTrue(inputs.contains(List.of("start", true)), inputs.toString());
            assertTrue(inputs.contains(List.of("comparison_start", false)), inputs.toString());
            List<List<Object>> api = rows(c, "SELECT DISTINCT api FROM sys.reports");
            assertEquals(List.of(List.of("reportei")), api);
            sandbox.clearRequests();
            List<String> columns = new ArrayList<>();
            rows(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'reportei' "
                    + "AND table_name = 'customers' ORDER BY ordinal_position").forEach(r -> columns.add((String) r.get(0)));
            assertEquals(List.of(), sandbox.requests(), "listed without a call");
            List<String> metadata = new ArrayList<>();
            try (var rs = c.getMetaData().getColumns(null, "reportei", "customers", "%")) {
                while (rs.next()) {
                    metadata.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertFalse(columns.isEmpty());
            assertEquals(metadata, columns);
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
