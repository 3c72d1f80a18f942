package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.Vendored;
import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/** POST /metrics/get-data as SQL: each component, WHERE inputs, table-function arguments, the catalog file. */
class ReporteiMetricsTest extends ReporteiFixture {
    static final String CI = ReporteiSandbox.integrationUuid(1, 0);
    static final String PERIOD = " customer_integration = '" + CI + "' AND \"start\" = DATE '2024-01-01' "
            + "AND \"end\" = DATE '2024-01-10'";

    private static List<JsonNode> dataBodies() {
        List<JsonNode> out = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests(GET_DATA)) {
            out.add(r.json());
        }
        return out;
    }

    private static Path payloads() {
        return Vendored.path("reportei/payloads");
    }

    @Test
    void numberIsOneRowWithComparison() throws SQLException {
        try (Connection c = connect(1)) {
            sandbox.clearRequests();
            List<List<Object>> rows = rows(c, "SELECT metric_value, comparison_value, difference, absolute_difference, "
                    + "customer_integration, \"start\", \"end\", comparison_start "
                    + "FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) WHERE" + PERIOD
                    + " AND comparison_start = DATE '2023-12-22' AND comparison_end = DATE '2023-12-31'");
            assertEquals(1, rows.size());
            List<Object> r = rows.get(0);
            double value = (Double) r.get(0);
            assertEquals(0, value % 10, "a count over 10 days");
            assertEquals(value - (Double) r.get(1), (Double) r.get(3), 1e-9);
            assertEquals(CI, r.get(4));
            assertEquals(Date.valueOf("2024-01-01"), r.get(5));
            assertEquals(Date.valueOf("2023-12-22"), r.get(7));
            JsonNode body = dataBodies().get(0);
            assertEquals(CI, body.get("customer_integration").asText());
            assertEquals("2024-01-01", body.get("start").asText());
            assertEquals("2024-01-10", body.get("end").asText());
            assertEquals("2023-12-31", body.get("comparison_end").asText());
            JsonNode widget = body.get("metrics").get(0);
            assertEquals("ig:reach", widget.get("reference_key").asText());
            assertEquals("number_v1", widget.get("component").asText());
            assertEquals("reach", widget.get("metrics").get(0).asText());

            List<List<Object>> plain = rows(c, "SELECT metric_value, comparison_value FROM TABLE(widget_data('ig:reach', "
                    + "'number_v1', 'reach')) WHERE" + PERIOD);
            assertEquals(value, plain.get(0).get(0), "same inputs, same value");
            assertNull(plain.get(0).get(1), "no comparison asked");
        }
    }

    @Test
    void chartIsOneRowPerLabelAndSeries() throws SQLException {
        try (Connection c = connect(1)) {
            List<List<Object>> gender = rows(c, "SELECT label, series, series_name, metric_value FROM TABLE(widget_data("
                    + "'ig:followers_gender', 'chart_v1', 'followers', 'gender')) WHERE" + PERIOD);
            assertEquals(3, gender.size());
            assertEquals(List.of("Male", "Female", "Unknown"), gender.stream().map(r -> r.get(0)).toList());
            assertEquals(List.of(1L, 1L, 1L), gender.stream().map(r -> r.get(1)).toList());
            assertEquals("followers", gender.get(0).get(2), "one series per metric: named after it");

            List<List<Object>> daily = rows(c, "SELECT series_name, COUNT(*) FROM TABLE(widget_data('ig:ir', 'chart_v1', "
                    + "'impressions,reach', 'date')) WHERE" + PERIOD + " GROUP BY series_name ORDER BY series_name");
            assertEquals(List.of(List.of("impressions", 10L), List.of("reach", 10L)), daily);
        }
    }

    @Test
    void datatableColumnsAreNamedFromTheRequest() throws SQLException {
        try (Connection c = connect(1); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM TABLE(widget_data('ig:clicks', 'datatable_v1', 'followers,ctr', "
                     + "'country')) WHERE" + PERIOD)) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals("country", md.getColumnLabel(1));
            assertEquals("followers", md.getColumnLabel(2));
            assertEquals(Types.DOUBLE, md.getColumnType(2));
            assertEquals("ctr", md.getColumnLabel(3));
            List<List<Object>> rows = SandboxFixture.rows(rs);
            assertEquals(9, rows.size(), "8 countries and the Total row the API adds");
            assertEquals("BR", rows.get(0).get(0));
            assertEquals("Total", rows.get(8).get(0));
            double sum = rows.subList(0, 8).stream().mapToDouble(r -> (Double) r.get(1)).sum();
            assertEquals(sum, (Double) rows.get(8).get(1), 1e-6);
        }
    }

    @Test
    void inputsMayComeFromArgumentsParametersAndLists() throws SQLException {
        String other = ReporteiSandbox.integrationUuid(1, 1);
        try (Connection c = connect(1)) {
            sandbox.clearRequests();
            List<List<Object>> fixed = rows(c, "SELECT metric_value FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach', "
                    + "NULL, '" + CI + "', '2024-01-01', '2024-01-10'))");
            assertEquals(1, fixed.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_integration, metric_value FROM TABLE(widget_data("
                    + "'ig:reach', 'number_v1', 'reach')) WHERE customer_integration IN (?, ?) AND \"start\" = ? "
                    + "AND \"end\" = ? ORDER BY customer_integration")) {
                ps.setString(1, CI);
                ps.setString(2, other);
                ps.setDate(3, Date.valueOf("2024-01-01"));
                ps.setDate(4, Date.valueOf("2024-01-10"));
                try (ResultSet rs = ps.executeQuery()) {
                    List<List<Object>> rows = SandboxFixture.rows(rs);
                    assertEquals(2, rows.size(), "one call per customer integration");
                    assertTrue(rows.stream().anyMatch(r -> r.get(1).equals(fixed.get(0).get(0))));
                }
            }
            assertEquals(3, sandbox.requests(GET_DATA).size());
        }
    }

    @Test
    void missingInputsAndUnsupportedComponentsFailBeforeAnyCall() throws SQLException {
        try (Connection c = connect(1)) {
            sandbox.clearRequests();
            SQLException missing = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM TABLE(widget_data("
                    + "'ig:reach', 'number_v1', 'reach')) WHERE customer_integration = '" + CI + "'"));
            assertEquals("428C9", missing.getSQLState());
            assertTrue(missing.getMessage().contains("start, end"), missing.getMessage());
            SQLException unsupported = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM TABLE(widget_data("
                    + "'ga4:funnel', 'pipeline_v1', 'sessions')) WHERE" + PERIOD));
            assertEquals("0A000", unsupported.getSQLState());
            assertTrue(unsupported.getMessage().contains("pipeline_v1"), unsupported.getMessage());
            assertEquals(0, sandbox.requests(GET_DATA).size());
        }
    }

    @Test
    void catalogFileWidgetsAreTables() throws SQLException {
        Path file = payloads().resolve("instagram_business").resolve("metrics.json");
        try (Connection c = connect(1, "metricsCatalog", file.toString())) {
            sandbox.clearRequests();
            List<List<Object>> rows = rows(c, "SELECT city, followers FROM \"ig:followers_city\" WHERE" + PERIOD
                    + " AND city <> 'Total' ORDER BY followers DESC LIMIT 3");
            assertEquals(3, rows.size());
            JsonNode widget = dataBodies().get(0).get("metrics").get(0);
            assertEquals("ig:followers_city", widget.get("reference_key").asText());
            assertEquals("-followers", widget.get("sort").get(0).asText(), "the catalog entry is sent as published");
            try (ResultSet rs = c.getMetaData().getTables(null, null, "ig:%", null)) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(87, n, "every widget of the file");
            }
            List<List<Object>> number = rows(c, "SELECT metric_value FROM \"ig:impressions\" WHERE" + PERIOD);
            assertEquals(1, number.size());
        }
    }

    @Test
    void catalogDirectoryLoadsEveryIntegration() throws SQLException {
        Path dir = payloads();
        try (Connection c = connect(1, "metricsCatalog", dir.toString())) {
            int tables = 0;
            try (ResultSet rs = c.getMetaData().getTables(null, "reportei", "%", null)) {
                while (rs.next()) {
                    tables++;
                }
            }
            assertEquals(5 + 1668, tables, "5 API tables and every published widget (repeated keys get a suffix)");
            SQLException e = assertThrows(SQLException.class, () -> rows(c,
                    "SELECT * FROM \"rd_crm:summary\" WHERE" + PERIOD));
            assertEquals("0A000", e.getSQLState(), "a container_v1 widget");
            List<List<Object>> fb = rows(c, "SELECT * FROM \"fb_ads:impressions_reach_by_age\" WHERE" + PERIOD);
            assertTrue(fb.size() > 0, "dimension objects name their columns by field");
        }
    }

    @Test
    void unreadableCatalogFailsTheConnection() {
        SQLException e = assertThrows(SQLException.class, () -> connect(1, "metricsCatalog", "/no/such/metrics.json"));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("metricsCatalog"));
    }
}
