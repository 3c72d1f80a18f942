package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.jdbc.ReportSqlDriver;

/** Driver registration, URL and property validation, and the demo URL. */
class DriverTest extends SandboxFixture {

    @Test
    void driverManagerFindsTheDriverWithoutClassForName() throws SQLException {
        Driver d = DriverManager.getDriver("jdbc:sooperwizer:demo");
        assertTrue(d instanceof ReportSqlDriver);
        assertTrue(d.acceptsURL("jdbc:reportei:demo"));
        assertFalse(d.acceptsURL("jdbc:postgresql://x/y"));
        assertNull(d.connect("jdbc:postgresql://x/y", new Properties()), "other URLs are left to other drivers");
    }

    @Test
    void propertyInfoDescribesEveryProperty() throws SQLException {
        DriverPropertyInfo[] info = DriverManager.getDriver("jdbc:sooperwizer:demo")
                .getPropertyInfo("jdbc:sooperwizer:demo", new Properties());
        Map<String, DriverPropertyInfo> byKey = new HashMap<>();
        for (DriverPropertyInfo i : info) {
            assertFalse(i.description == null || i.description.isBlank(), i.name);
            byKey.put(i.name, i);
        }
        for (ConnectionProperty p : ConnectionProperty.values()) {
            if (p.appliesTo(dev.reportsql.config.Api.SOOPERWIZER)) {
                assertTrue(byKey.containsKey(p.key()), p.key());
            }
        }
        assertEquals("wimetrix", byKey.get("realm").value);
        assertEquals("frontend", byKey.get("clientId").value);
        assertEquals("openid", byKey.get("scope").value);
        assertTrue(byKey.get("user").required);
        assertTrue(byKey.containsKey("connectTimeout") && byKey.containsKey("readTimeout"));
        Properties withPassword = new Properties();
        withPassword.setProperty("password", "s3cret");
        for (DriverPropertyInfo i : DriverManager.getDriver("jdbc:sooperwizer:demo")
                .getPropertyInfo("jdbc:sooperwizer:demo", withPassword)) {
            assertFalse("s3cret".equals(i.value), "secrets are never echoed");
        }
    }

    @Test
    void badPropertiesFailWith22023NamingTheKey() {
        assertState("22023", "colour", () -> DriverManager.getConnection("jdbc:sooperwizer:demo?colour=blue"));
        Properties p = new Properties();
        p.setProperty("colour", "blue");
        assertState("22023", "colour", () -> DriverManager.getConnection("jdbc:sooperwizer:demo", p));
        Properties dup = new Properties();
        dup.setProperty("realm", "a");
        assertState("22023", "realm", () -> DriverManager.getConnection("jdbc:sooperwizer:demo?realm=b", dup));
        assertState("22023", "realm", () -> DriverManager.getConnection("jdbc:sooperwizer:demo?realm=a&realm=b"));
        assertState("22023", "readTimeout", () -> DriverManager.getConnection("jdbc:sooperwizer:demo?readTimeout=soon"));
        assertState("22023", "inferenceRows", () -> DriverManager.getConnection("jdbc:sooperwizer:demo?inferenceRows=-4"));
        assertState("22023", "keycloakUrl",
                () -> DriverManager.getConnection("jdbc:sooperwizer:https://api.example.com?user=a&password=b"));
        assertState("22023", "keycloakUrl", () -> DriverManager.getConnection(
                "jdbc:sooperwizer:https://api.example.com?user=a&password=b&keycloakUrl=not-a-url"));
        assertState("28000", "user", () -> DriverManager.getConnection(
                "jdbc:sooperwizer:https://api.example.com?keycloakUrl=https://kc.example.com"));
    }

    @Test
    void theDemoUrlNeedsNothingElse() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo")) {
            assertEquals(480, count(c, "SELECT COUNT(*) FROM MachineDowntime"));
            DatabaseMetaData md = c.getMetaData();
            assertEquals("jdbc:sooperwizer:demo", md.getURL());
            assertEquals("demo", md.getUserName());
            assertTrue(md.isReadOnly());
            assertEquals("sooperwizer", c.getSchema());
        }
    }

    @Test
    void secretsStayOutOfToStringAndMetadata() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            assertFalse(c.toString().contains("alice-pw"), c.toString());
            assertFalse(c.getMetaData().getURL().contains("alice-pw"));
        }
        try (Connection c = DriverManager.getConnection(url() + "&user=alice&password=alice-pw")) {
            assertFalse(c.getMetaData().getURL().contains("alice-pw"), c.getMetaData().getURL());
        }
    }

    @Test
    void readOnlyConnectionSemantics() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo")) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.commit();
            c.rollback();
            assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
            assertState("0A000", "Savepoints", c::setSavepoint);
            assertState("0A000", "procedures", () -> c.prepareCall("{call x()}"));
            c.setClientInfo("ApplicationName", "DBeaver");
            assertEquals("DBeaver", c.getClientInfo("ApplicationName"));
            c.close();
            assertTrue(c.isClosed());
            assertFalse(c.isValid(1));
            assertState("08003", "closed", c::createStatement);
        }
    }

    private interface Call {
        Object run() throws SQLException;
    }

    private static void assertState(String state, String mention, Call call) {
        SQLException e = assertThrows(SQLException.class, call::run);
        assertEquals(state, e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(mention), e.getMessage());
    }
}
