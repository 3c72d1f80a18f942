package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/** Every Reportei table through DriverManager: rows, column types, pushdown to lookups, headers sent. */
class ReporteiTablesTest extends ReporteiFixture {

    @Test
    void merchantSettingsIsOneTypedRow() throws SQLException {
        try (Connection c = connect(0); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM merchant_settings")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(Types.TIMESTAMP, md.getColumnType(rs.findColumn("created_at")));
            assertEquals(Types.BIGINT, md.getColumnType(rs.findColumn("rate_limit_per_second")));
            assertTrue(rs.next());
            assertEquals("Sandbox Agency", rs.getString("name"));
            assertEquals(Timestamp.valueOf("2023-11-20 14:03:12"), rs.getTimestamp("created_at"));
            assertEquals(ReporteiSandbox.DEFAULT_PER_SECOND, rs.getLong("rate_limit_per_second"));
            assertEquals(ReporteiSandbox.DEFAULT_PER_MINUTE, rs.getLong("rate_limit_per_minute"));
            assertEquals(ReporteiSandbox.DEFAULT_CUSTOMERS, rs.getLong("total_customers"));
            assertFalse(rs.next());
        }
        RecordedRequest last = sandbox.requests("/merchants/settings").get(0);
        assertEquals("Bearer " + ReporteiSandbox.API_TOKEN, last.header("Authorization"));
        assertNull(last.header("x-customer-token"), "merchant calls never carry a customer token");
    }

    @Test
    void availableIntegrations() throws SQLException {
        try (Connection c = connect(0)) {
            List<List<Object>> rows = rows(c, "SELECT name, slug FROM available_integrations WHERE slug LIKE 'google%' "
                    + "ORDER BY slug");
            assertEquals(List.of(List.of("Google Ads", "google_ads"), List.of("Google Analytics 4", "google_analytics_4"),
                    List.of("Google My Business", "google_my_business")), rows);
        }
    }

    @Test
    void customersHaveDocumentedTypes() throws SQLException {
        try (Connection c = connect(0); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM customers WHERE name = 'Customer 3 Motors'")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(Types.BOOLEAN, md.getColumnType(rs.findColumn("is_paying")));
            assertEquals(Types.TIMESTAMP, md.getColumnType(rs.findColumn("trial_ends_at")));
            assertTrue(rs.next());
            assertFalse(rs.getBoolean("is_paying"));
            assertEquals(Timestamp.valueOf("2099-12-31 23:59:59"), rs.getTimestamp("trial_ends_at"));
            assertEquals("Sandbox Agency", rs.getString("merchant"));
            assertFalse(rs.next());
        }
    }

    @Test
    void uuidPredicateBecomesLookups() throws SQLException {
        String u5;
        String u7;
        try (Connection c = connect(0)) {
            List<List<Object>> all = rows(c, "SELECT \"uuid\" FROM customers WHERE name IN ('Customer 5 Fitness', "
                    + "'Customer 7 Coffee')");
            u5 = (String) all.get(0).get(0);
            u7 = (String) all.get(1).get(0);
            sandbox.clearRequests();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE \"uuid\" IN (?, ?, ?)")) {
                ps.setString(1, u5);
                ps.setString(2, u7);
                ps.setString(3, "00000000-0000-0000-0000-000000000000");
                try (ResultSet rs = ps.executeQuery()) {
                    List<List<Object>> rows = SandboxFixture.rows(rs);
                    assertEquals(List.of(List.of("Customer 5 Fitness"), List.of("Customer 7 Coffee")), rows);
                    assertNotNull(rs.getWarnings(), "the unknown uuid is reported");
                    assertTrue(rs.getWarnings().getMessage().contains("00000000-0000"));
                }
            }
        }
        List<String> paths = new ArrayList<>();
        sandbox.requests().forEach(r -> paths.add(r.path()));
        assertEquals(List.of("/api/customers/" + u5, "/api/customers/" + u7,
                "/api/customers/00000000-0000-0000-0000-000000000000"), paths, "no list pages");
    }

    @Test
    void customerSettingsAndIntegrationsCarryTheCustomerToken() throws SQLException {
        try (Connection c = connect(2)) {
            List<List<Object>> settings = rows(c, "SELECT name, is_paying FROM customer_settings");
            assertEquals(List.of(List.of("Customer 2 Clinic", true)), settings);
            List<List<Object>> list = rows(c, "SELECT \"uuid\", status, integration_slug, created_at FROM "
                    + "customer_integrations ORDER BY created_at");
            assertEquals(3, list.size(), "customer 2 has 1 + 2 % 4 integrations");
            assertEquals(ReporteiSandbox.integrationUuid(2, 0), list.get(0).get(0));
            assertEquals("active", list.get(0).get(1));
            assertTrue(list.get(0).get(3) instanceof Timestamp);
            sandbox.clearRequests();
            String second = ReporteiSandbox.integrationUuid(2, 1);
            List<List<Object>> one = rows(c, "SELECT status, integration_name FROM customer_integrations WHERE \"uuid\" = '"
                    + second + "'");
            assertEquals(1, one.size());
            assertEquals(list.get(1).get(1), one.get(0).get(0));
            assertEquals("/api/customer-integrations/" + second, sandbox.requests().get(0).path());
            assertEquals(ReporteiSandbox.customerToken(2), sandbox.requests().get(0).header("x-customer-token"));
        }
    }

    @Test
    void metadataListsEveryTableWithTypedColumns() throws SQLException {
        try (Connection c = connect(0)) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, "reportei", "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertEquals(List.of("available_integrations", "customer_integrations", "customer_settings", "customers",
                    "merchant_settings"), tables.stream().sorted().toList());
            try (ResultSet rs = md.getColumns(null, "reportei", "customers", "trial_ends_at")) {
                assertTrue(rs.next());
                assertEquals(Types.TIMESTAMP, rs.getInt("DATA_TYPE"));
            }
            assertEquals("Reportei Connect API", md.getDatabaseProductName());
        }
    }

    @Test
    void demoUrlRunsTheSandboxAsItsFirstCustomer() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:reportei:demo")) {
            assertEquals(List.of(List.of((long) ReporteiSandbox.DEFAULT_CUSTOMERS)), rows(c, "SELECT COUNT(*) FROM customers"));
            assertEquals(List.of(List.of("Customer 1 Studio")), rows(c, "SELECT name FROM customer_settings"));
            assertEquals("jdbc:reportei:demo", c.getMetaData().getURL());
        }
    }

    @Test
    void baseUrlDefaultsToReporteiConnect() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("apiToken", "t");
        dev.reportsql.config.ConnectionConfig config = dev.reportsql.config.ConnectionConfig.parse("jdbc:reportei:", p);
        assertEquals("https://connect.reportei.com/api", config.target());
        assertFalse(config.toString().contains("apiToken=t"), "secrets are masked: " + config);
    }
}
