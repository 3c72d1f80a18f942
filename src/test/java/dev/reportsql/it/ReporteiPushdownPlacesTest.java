package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/**
 * Reportei: a predicate on a table's pushdown column (a widget's inputs, a uuid) reaches the API
 * call wherever it is written, and each shape makes the same calls and returns the same rows as
 * the query with the predicate next to the table.
 */
class ReporteiPushdownPlacesTest extends ReporteiFixture {
    private static final String CI = ReporteiSandbox.integrationUuid(1, 0);
    private static final String CHART = "TABLE(widget_data('ig:ir', 'chart_v1', 'impressions,reach', 'date'))";
    private static final String REACH = "TABLE(widget_data('ig:reach', 'number_v1', 'reach'))";
    private static final String PERIOD = "\"start\" = DATE '2024-01-01' AND \"end\" = DATE '2024-01-10'";
    private static final String INPUTS = "customer_integration = '" + CI + "' AND " + PERIOD;

    @Test
    void outsideADerivedTable() throws SQLException {
        List<String> calls = assertSameCalls(
                "SELECT label, series_name, metric_value FROM " + CHART + " WHERE " + INPUTS + " ORDER BY 1, 2",
                "SELECT label, series_name, metric_value FROM (SELECT * FROM " + CHART + ") t WHERE t."
                        + INPUTS.replace("AND ", "AND t.") + " ORDER BY 1, 2");
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).contains("\"customer_integration\":\"" + CI + "\""), calls.get(0));
    }

    @Test
    void outsideAWithQuery() throws SQLException {
        assertSameCalls(
                "SELECT label, metric_value FROM " + CHART + " WHERE " + INPUTS + " AND series_name = 'reach' ORDER BY 1",
                "WITH w AS (SELECT * FROM " + CHART + " WHERE " + PERIOD + ") SELECT label, metric_value FROM w "
                        + "WHERE customer_integration = '" + CI + "' AND series_name = 'reach' ORDER BY 1");
    }

    @Test
    void havingOnTheGroupByKey() throws SQLException {
        assertSameCalls(
                "SELECT customer_integration, SUM(metric_value) FROM " + CHART + " WHERE " + INPUTS
                        + " GROUP BY customer_integration",
                "SELECT customer_integration, SUM(metric_value) FROM " + CHART + " WHERE " + PERIOD
                        + " GROUP BY customer_integration HAVING customer_integration = '" + CI + "'");
    }

    @Test
    void outerWhereOverUnionAllReachesEveryBranch() throws SQLException {
        String columns = "metric_value, customer_integration, \"start\", \"end\"";
        List<String> calls = assertSameCalls(
                "SELECT metric_value FROM (SELECT " + columns + " FROM " + REACH + " WHERE " + INPUTS
                        + " UNION ALL SELECT label_count, customer_integration, \"start\", \"end\" FROM (SELECT "
                        + "COUNT(*) * 1.0 AS label_count, customer_integration, \"start\", \"end\" FROM " + CHART
                        + " WHERE " + INPUTS + " GROUP BY customer_integration, \"start\", \"end\")) u ORDER BY 1",
                "SELECT metric_value FROM (SELECT " + columns + " FROM " + REACH + " UNION ALL SELECT label_count, "
                        + "customer_integration, \"start\", \"end\" FROM (SELECT COUNT(*) * 1.0 AS label_count, "
                        + "customer_integration, \"start\", \"end\" FROM " + CHART + " GROUP BY customer_integration, "
                        + "\"start\", \"end\")) u WHERE " + INPUTS + " ORDER BY 1");
        assertEquals(2, calls.size(), "one call per widget: " + calls);
    }

    @Test
    void valueCrossesAJoinKeyIntoTheWidgetCall() throws SQLException {
        List<String> calls = assertSameCalls(
                "SELECT i.status, w.label, w.metric_value FROM customer_integrations i JOIN (SELECT * FROM " + CHART
                        + " WHERE " + INPUTS + ") w ON w.customer_integration = i.\"uuid\" WHERE i.\"uuid\" = '" + CI
                        + "' ORDER BY 2, 3",
                "SELECT i.status, w.label, w.metric_value FROM customer_integrations i JOIN " + CHART
                        + " w ON w.customer_integration = i.\"uuid\" WHERE i.\"uuid\" = '" + CI + "' AND w."
                        + PERIOD.replace("AND ", "AND w.") + " ORDER BY 2, 3");
        assertTrue(calls.contains("GET /api/customer-integrations/" + CI + " "), "a uuid lookup: " + calls);
    }

    @Test
    void filterInTheOnOfALeftJoinReachesItsRightSide() throws SQLException {
        assertSameCalls(
                "SELECT i.\"uuid\", w.metric_value FROM customer_integrations i LEFT JOIN (SELECT * FROM " + REACH
                        + " WHERE " + INPUTS + ") w ON w.customer_integration = i.\"uuid\" ORDER BY 1",
                "SELECT i.\"uuid\", w.metric_value FROM customer_integrations i LEFT JOIN " + REACH
                        + " w ON w.customer_integration = i.\"uuid\" AND w." + INPUTS.replace("AND ", "AND w.")
                        + " ORDER BY 1");
    }

    @Test
    void onConditionOnThePreservedSideOfALeftJoinIsNotPushed() throws SQLException {
        try (Connection c = connect(1)) {
            sandbox.clearRequests();
            List<List<Object>> rows = rows(c, "SELECT COUNT(*), COUNT(w.metric_value) FROM customer_integrations i "
                    + "LEFT JOIN " + REACH + " w ON i.\"uuid\" = '" + CI + "' AND w." + INPUTS.replace("AND ", "AND w."));
            // Customer 1 has 1 + 1 % 4 integrations; all stay, only the one named in ON finds the widget row.
            assertEquals(List.of(List.of(2L, 1L)), rows);
        }
        List<String> calls = calls();
        assertTrue(calls.contains("GET /api/customer-integrations "), "the whole list, no uuid lookup: " + calls);
    }

    @Test
    void parametersOutsideADerivedTable() throws SQLException {
        String reference = "SELECT label, metric_value FROM " + CHART + " WHERE customer_integration = ? AND \"start\" = ? "
                + "AND \"end\" = ? ORDER BY 1, 2";
        String shaped = "SELECT label, metric_value FROM (SELECT * FROM " + CHART + ") t WHERE t.customer_integration = ? "
                + "AND t.\"start\" = ? AND t.\"end\" = ? ORDER BY 1, 2";
        Object[] params = {CI, java.sql.Date.valueOf("2024-01-01"), java.sql.Date.valueOf("2024-01-10")};
        Run expected = run(reference, params);
        assertEquals(20, expected.rows().size(), "10 days, 2 series");
        assertEquals(expected, run(shaped, params));
    }

    // --- helpers ------------------------------------------------------------------------------

    private record Run(List<List<Object>> rows, List<String> calls) {
    }

    /** Runs both, asserts equal rows and calls, and returns the calls. */
    private static List<String> assertSameCalls(String reference, String shaped) throws SQLException {
        Run expected = run(reference);
        Run actual = run(shaped);
        assertFalse(expected.rows().isEmpty(), "the reference query finds rows");
        assertEquals(expected, actual, shaped);
        return actual.calls();
    }

    private static Run run(String sql, Object... params) throws SQLException {
        try (Connection c = connect(1)) {
            sandbox.clearRequests();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return new Run(SandboxFixture.rows(rs), calls());
                }
            }
        }
    }

    /** Every request the sandbox received since the last clear, as "METHOD path?query body", sorted. */
    private static List<String> calls() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests()) {
            out.add(r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()) + " " + r.body());
        }
        out.sort(null);
        return out;
    }
}
