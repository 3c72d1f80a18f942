package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.RecordedRequest;

/** Keycloak password grant, token reuse, refresh, re-login on 403, and errors a user can act on. */
class AuthenticationTest extends SandboxFixture {

    @Test
    void wrongPasswordIs28000WithKeycloaksDescription() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "wrong"));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("Invalid user credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), "the password never appears: " + e.getMessage());
    }

    @Test
    void aWrongPasswordNeverBorrowsAnotherConnectionsToken() throws SQLException {
        try (Connection ok = alice()) {
            SQLException e = assertThrows(SQLException.class, () -> connect("alice", "not-alice-pw"));
            assertEquals("28000", e.getSQLState());
            assertTrue(ok.isValid(5));
        }
    }

    @Test
    void disabledAccountSaysSo() {
        SQLException e = assertThrows(SQLException.class, () -> connect("carol", "carol-pw"));
        assertEquals("28P01", e.getSQLState(), "the account exists but may not be used");
        assertTrue(e.getMessage().contains("disabled"), e.getMessage());
    }

    @Test
    void missingRoleIsAnAuthorizationError() {
        SQLException e = assertThrows(SQLException.class, () -> connect("bob", "bob-pw"));
        assertTrue(e.getSQLState().startsWith("28"), e.getSQLState());
        assertTrue(e.getMessage().contains("report:integration:get"), e.getMessage());
    }

    @Test
    void unreachableKeycloakIs08001() {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("keycloakUrl", "http://127.0.0.1:1");
        p.setProperty("connectTimeout", "2s");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sooperwizer:" + sandbox.apiUrl(), p));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
    }

    @Test
    void unknownRealmAndClientAreNamed() {
        SQLException realm = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url() + "&realm=nope&user=alice&password=alice-pw"));
        assertEquals("28000", realm.getSQLState());
        assertTrue(realm.getMessage().contains("realm 'nope'"), realm.getMessage());
        SQLException client = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url() + "&clientId=other&user=alice&password=alice-pw"));
        assertEquals("28000", client.getSQLState());
        assertTrue(client.getMessage().contains("client 'other'"), client.getMessage());
    }

    @Test
    void connectionsOfOneUserShareOneToken() throws SQLException {
        sandbox.clearRequests();
        try (Connection a = connect("dave", "dave-pw"); Connection b = connect("dave", "dave-pw")) {
            count(a, "SELECT COUNT(*) FROM MachineDowntime");
            count(b, "SELECT COUNT(*) FROM MachineDowntime");
        }
        assertEquals(1, grants("password", "dave").size());
    }

    @Test
    void an403LeadsToOneNewLoginAndOneRetry() throws SQLException {
        try (Connection c = alice()) {
            count(c, "SELECT COUNT(*) FROM MachineDowntime");
            sandbox.clearRequests();
            sandbox.expireAccessTokens();
            assertEquals(480, count(c, "SELECT COUNT(*) FROM MachineDowntime"));
        }
        assertEquals(2, sandbox.requests(DATA).size(), "the rejected call and its retry");
        assertEquals(1, grants("password", "alice").size());
        List<RecordedRequest> data = sandbox.requests(DATA);
        assertFalse(data.get(0).header("Authorization").equals(data.get(1).header("Authorization")));
    }

    @Test
    void aSecond403IsReportedNotRetriedForever() throws SQLException {
        try (Connection c = alice()) {
            count(c, "SELECT COUNT(*) FROM MachineDowntime");
            sandbox.clearRequests();
            sandbox.enqueueFailure(DATA, 403, "application/json", "{\"message\":\"Forbidden\"}");
            sandbox.enqueueFailure(DATA, 403, "application/json", "{\"message\":\"Forbidden\"}");
            SQLException e = assertThrows(SQLException.class, () -> count(c, "SELECT COUNT(*) FROM MachineDowntime"));
            assertEquals("28000", e.getSQLState());
            assertEquals(2, sandbox.requests(DATA).size());
        }
    }

    @Test
    void tokensAreRefreshedBeforeTheyExpireAndRegrantedWhenRefreshIsDead() throws Exception {
        sandbox.setAccessTokenLifetime(Duration.ofSeconds(2));
        try (Connection c = connect("demo", "demo")) {
            sandbox.clearRequests();
            Thread.sleep(2_100);
            assertEquals(480, count(c, "SELECT COUNT(*) FROM MachineDowntime"));
            assertEquals(1, grants("refresh_token", null).size(), "expired access token → refresh grant");
            assertEquals(0, grants("password", "demo").size());

            sandbox.revokeRefreshTokens();
            Thread.sleep(2_100);
            assertEquals(480, count(c, "SELECT COUNT(*) FROM MachineDowntime"));
            assertEquals(2, grants("refresh_token", null).size());
            assertEquals(1, grants("password", "demo").size(), "dead refresh token → new password grant");
        } finally {
            sandbox.setAccessTokenLifetime(Duration.ofSeconds(300));
        }
    }

    @Test
    void isValidReportsCredentialsThatNoLongerWork() throws SQLException {
        try (Connection c = connect("dave", "dave-pw")) {
            assertTrue(c.isValid(5));
            sandbox.setPassword("dave", "changed");
            try {
                assertFalse(c.isValid(5));
            } finally {
                sandbox.setPassword("dave", "dave-pw");
            }
            assertTrue(c.isValid(5));
        }
    }

    /** Token requests of a grant type (and user, for password grants). */
    private static List<RecordedRequest> grants(String grantType, String user) {
        return sandbox.requests(TOKEN).stream()
                .filter(r -> r.body().contains("grant_type=" + grantType))
                .filter(r -> user == null || r.body().contains("username=" + user))
                .toList();
    }
}
