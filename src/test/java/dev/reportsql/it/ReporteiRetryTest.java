package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/**
 * A Reportei call whose connection closes before any answer (EOF before the response headers)
 * reads data and is safe to repeat: it is retried like a 503, for the metrics POST, the first page
 * of a list and a page fetched ahead. When every attempt fails, the statement fails with 08006; a
 * result that had rows never ends as if complete.
 */
class ReporteiRetryTest extends ReporteiFixture {
    private static final String METRICS = "/api/metrics/get-data";
    private static final String NUMBER = "SELECT metric_value FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) "
            + "WHERE" + ReporteiMetricsTest.PERIOD;

    private static Connection retrying(int customer, String... more) throws SQLException {
        String[] kv = new String[more.length + 2];
        kv[0] = "retryInitialBackoff";
        kv[1] = "10ms";
        System.arraycopy(more, 0, kv, 2, more.length);
        return connect(customer, kv);
    }

    @Test
    void metricsPostDroppedBeforeTheHeadersIsRetried() throws SQLException {
        try (Connection c = retrying(1)) {
            List<List<Object>> expected = rows(c, NUMBER);
            sandbox.clearRequests();
            sandbox.enqueueFailure(METRICS, ReporteiSandbox.DROP_CONNECTION, Map.of(), null);
            assertEquals(expected, rows(c, NUMBER));
            assertEquals(2, sandbox.requests(METRICS).size(), "the dropped call and its retry");
            assertEquals(sandbox.requests(METRICS).get(0).body(), sandbox.requests(METRICS).get(1).body(),
                    "the same request again");
        }
    }

    @Test
    void firstPageDroppedOnceIsReadAgain() throws SQLException {
        try (Connection c = retrying(0, "pageSize", "100", "prefetchPages", "2")) {
            sandbox.clearRequests();
            sandbox.enqueueFailure(CUSTOMERS, ReporteiSandbox.DROP_CONNECTION, Map.of(), null);
            List<List<Object>> rows = rows(c, "SELECT name FROM customers");
            assertEquals(ReporteiSandbox.DEFAULT_CUSTOMERS, rows.size());
            assertEquals("Customer 320 Dental", rows.get(319).get(0));
            assertEquals(List.of("1", "1", "2", "3", "4"), pagesRequested().stream().sorted().toList());
        }
    }

    @Test
    void pageFetchedAheadDroppedOnceIsReadAgain() throws SQLException {
        try (Connection c = retrying(0, "pageSize", "100", "prefetchPages", "1");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM customers")) {
            sandbox.clearRequests();
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
                if (names.size() == 1) {
                    // Hits the next page request: page 2 fetched ahead, or page 3 if page 2 was already answered.
                    sandbox.enqueueFailure(CUSTOMERS, ReporteiSandbox.DROP_CONNECTION, Map.of(), null);
                }
            }
            assertEquals(ReporteiSandbox.DEFAULT_CUSTOMERS, names.size());
            assertEquals("Customer 320 Dental", names.get(319));
            List<String> pages = pagesRequested();
            long twice = pages.stream().distinct().filter(p -> pages.stream().filter(p::equals).count() == 2).count();
            assertEquals(1, twice, "one page requested twice: " + pages);
            assertTrue(pages.size() == 3 || pages.size() == 4, "pages after the first row: " + pages);
        }
    }

    @Test
    void droppedEveryTimeFailsWith08006AndNeverLooksComplete() throws SQLException {
        try (Connection c = retrying(1, "maxRetries", "2")) {
            sandbox.clearRequests();
            for (int i = 0; i < 3; i++) {
                sandbox.enqueueFailure(METRICS, ReporteiSandbox.DROP_CONNECTION, Map.of(), null);
            }
            SQLException e = assertThrows(SQLException.class, () -> rows(c, NUMBER));
            assertEquals("08006", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
            assertEquals(3, sandbox.requests(METRICS).size());
        }
        try (Connection c = retrying(0, "pageSize", "100", "prefetchPages", "1", "maxRetries", "1");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM customers")) {
            // Page 2: the fetch ahead and both synchronous attempts are dropped.
            sandbox.clearRequests();
            int read = 0;
            SQLException e = null;
            try {
                while (rs.next()) {
                    read++;
                    if (read == 1) {
                        for (int i = 0; i < 3; i++) {
                            sandbox.enqueueFailure(CUSTOMERS, ReporteiSandbox.DROP_CONNECTION, Map.of(), null);
                        }
                    }
                }
            } catch (SQLException failed) {
                e = failed;
            }
            assertTrue(e != null, "a cut list must fail, not end after " + read + " rows");
            assertEquals("08006", e.getSQLState(), e.getMessage());
            assertTrue(read < ReporteiSandbox.DEFAULT_CUSTOMERS);
        }
    }
}
