package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/** Reportei's {"message": ...} errors as SQLExceptions: SQLState class and the server's message. */
class ReporteiErrorsTest extends ReporteiFixture {

    private static void assertNoSecrets(SQLException e) {
        assertFalse(e.getMessage().contains(ReporteiSandbox.API_TOKEN), "no API token in messages");
        for (int i = 1; i <= 6; i++) {
            assertFalse(e.getMessage().contains(ReporteiSandbox.customerToken(i)), "no customer token in messages");
        }
    }

    @Test
    void wrongApiTokenFailsGetConnectionWith28000() {
        Properties p = new Properties();
        p.setProperty("apiToken", "not-the-token");
        SQLException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
                () -> DriverManager.getConnection(url(), p));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("Unauthenticated."), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-token"));
    }

    @Test
    void missingApiTokenIsAnAuthorizationError() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), new Properties()));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("apiToken"));
    }

    @Test
    void invalidCustomerToken() throws SQLException {
        Properties p = new Properties();
        p.setProperty("apiToken", ReporteiSandbox.API_TOKEN);
        p.setProperty("customerToken", "bogus-customer-token");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM customer_settings"));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("Invalid Customer Token"), e.getMessage());
            assertFalse(e.getMessage().contains("bogus-customer-token"));
        }
    }

    @Test
    void endedTrialIs401WithTheServersMessage() throws SQLException {
        try (Connection c = connect(6)) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM customer_integrations"));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("The customer's trial period has ended."), e.getMessage());
            assertNoSecrets(e);
        }
    }

    @Test
    void customerTablesWithoutCustomerTokenSayWhatToSet() throws SQLException {
        try (Connection c = connect(0)) {
            sandbox.clearRequests();
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM customer_settings"));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("customerToken"), e.getMessage());
            assertEquals(0, sandbox.requests("/customers/settings").size(), "refused before any call");
        }
    }

    @Test
    void anotherCustomersIntegrationIs403() throws SQLException {
        try (Connection c = connect(1)) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c,
                    "SELECT * FROM customer_integrations WHERE \"uuid\" = '" + ReporteiSandbox.integrationUuid(2, 0) + "'"));
            assertEquals("28P01", e.getSQLState());
            assertTrue(e.getMessage().contains("This action is unauthorized."), e.getMessage());
            assertNoSecrets(e);
        }
    }

    @Test
    void wrongBaseUrlIs404At08001() {
        Properties p = new Properties();
        p.setProperty("apiToken", ReporteiSandbox.API_TOKEN);
        String base = sandbox.apiUrl().replace("/api", "/v2");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:reportei:" + base, p));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("HTTP 404: Not found."), e.getMessage());
    }

    @Test
    void unknownCustomerIntegrationInMetricsIs404At22023() throws SQLException {
        try (Connection c = connect(1)) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c,
                    "SELECT * FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) WHERE customer_integration = "
                            + "'00000000-0000-0000-0000-000000000000' AND \"start\" = DATE '2024-01-01' "
                            + "AND \"end\" = DATE '2024-01-31'"));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("Customer integration not found."), e.getMessage());
        }
    }

    @Test
    void invalidMetricRequestIs422At22023() throws SQLException {
        // customer 3's third integration is expired: Reportei refuses its data with 422
        try (Connection c = connect(3)) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c,
                    "SELECT * FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) WHERE customer_integration = '"
                            + ReporteiSandbox.integrationUuid(3, 2) + "' AND \"start\" = DATE '2024-01-01' "
                            + "AND \"end\" = DATE '2024-01-31'"));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("HTTP 422: The customer integration is expired"), e.getMessage());
        }
    }

    @Test
    void serverErrorIs08006WithTheMessage() throws SQLException {
        try (Connection c = connect(0)) {
            sandbox.enqueueFailure("/merchants/settings", 500, Map.of(), "{\"message\":\"Server Error\"}");
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM merchant_settings"));
            assertEquals("08006", e.getSQLState());
            assertTrue(e.getMessage().contains("HTTP 500: Server Error"), e.getMessage());
            assertEquals(1, rows(c, "SELECT * FROM merchant_settings").size(), "the next query works again");
        }
    }

    @Test
    void nonJsonSuccessIs22P02() throws SQLException {
        try (Connection c = connect(0)) {
            sandbox.enqueueFailure("/merchants/settings", 200, Map.of(), "<html>maintenance</html>");
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM available_integrations"));
            assertEquals("22P02", e.getSQLState());
        }
    }

    @Test
    void aPassingServerErrorIsRetriedAndAPersistentOneFails() throws SQLException {
        try (Connection c = connect(1, "retryInitialBackoff", "10ms")) {
            sandbox.clearRequests();
            sandbox.enqueueFailure("/customers/settings", 503, Map.of(), "{\"message\":\"Service Unavailable\"}");
            assertEquals(1, rows(c, "SELECT * FROM customer_settings").size(), "the answer after one retry");
            assertEquals(2, sandbox.requests("/customers/settings").size());
        }
        try (Connection c = connect(1, "maxRetries", "0")) {
            sandbox.clearRequests();
            sandbox.enqueueFailure("/customers/settings", 503, Map.of(), "{\"message\":\"Service Unavailable\"}");
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM customer_settings"));
            assertEquals("08006", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("Service Unavailable"), e.getMessage());
            assertEquals(1, sandbox.requests("/customers/settings").size());
        }
    }
}
