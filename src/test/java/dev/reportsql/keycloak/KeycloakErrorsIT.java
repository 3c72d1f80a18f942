package dev.reportsql.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Every way a login can fail against the real Keycloak 26 ends as an SQLException whose SQLState
 * class says what kind of problem it is (28 credentials/authorization, 08 unreachable) and whose
 * message says which problem, in Keycloak's words too. Keycloak answers most of these with 400 or
 * 401, so the mapping rests on its error body.
 */
class KeycloakErrorsIT extends KeycloakFixture {

    @Test
    void wrongPassword() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "not-her-password"));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "Wrong user name or password", "user 'alice'", "Invalid user credentials");
        assertEquals(400, lastTokenStatus(), "Keycloak says 400 invalid_grant, not 401");
    }

    @Test
    void unknownUserReadsLikeAWrongPassword() {
        SQLException e = assertThrows(SQLException.class, () -> connect("nobody", "x"));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "Wrong user name or password", "user 'nobody'");
    }

    @Test
    void disabledAccount() {
        SQLException e = assertThrows(SQLException.class, () -> connect("carol", "carol-pw"));
        assertEquals("28P01", e.getSQLState());
        assertMessage(e, "Account disabled", "user 'carol'", "enable it");
    }

    @Test
    void unknownClient() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "alice-pw", "clientId", "no-such-client"));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "Unknown client", "client 'no-such-client'", "clientId");
        assertEquals(401, lastTokenStatus());
    }

    @Test
    void unknownRealm() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "alice-pw", "realm", "no-such-realm"));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "Unknown realm", "realm 'no-such-realm'", "realm property");
        assertEquals(404, lastTokenStatus());
    }

    @Test
    void missingRoleLogsInButTheApiSays400() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> connect("bob", "bob-pw"));
        assertEquals("28P01", e.getSQLState());
        assertMessage(e, "report:integration:get", "HTTP 400");
        assertEquals(1, tokens.requests().stream()
                .filter(r -> "bob".equals(r.username()) && r.status() == 200).count(), "bob's login itself worked");
    }

    @Test
    void unreachableKeycloak() {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("keycloakUrl", "http://127.0.0.1:1");
        p.setProperty("connectTimeout", "2s");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sooperwizer:" + api.apiUrl(), p));
        assertEquals("08001", e.getSQLState());
        assertMessage(e, "Cannot connect", "127.0.0.1:1");
    }

    @Test
    void wrongKeycloakPathIsNotMistakenForAnUnknownRealm() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:sooperwizer:" + api.apiUrl() + "?keycloakUrl=" + tokens.url() + "/auth&user=alice&password=alice-pw"));
        assertEquals("08001", e.getSQLState());
        assertMessage(e, "No Keycloak token endpoint", "keycloakUrl");
    }

    @Test
    void clientWithoutDirectAccessGrants() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "alice-pw",
                "clientId", TestRealm.ADMIN_CLIENT, "clientSecret", TestRealm.ADMIN_SECRET));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "Password grant not allowed", "client 'test-admin'", "Direct access grants");
    }

    @Test
    void confidentialClientWithoutItsSecret() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "alice-pw", "clientId", TestRealm.CONFIDENTIAL));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "Unknown client", "needs clientSecret");
    }

    @Test
    void wrongClientSecret() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "alice-pw",
                "clientId", TestRealm.CONFIDENTIAL, "clientSecret", "wrong-secret"));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "wrong client secret", "client '" + TestRealm.CONFIDENTIAL + "'");
        assertTrue(!e.getMessage().contains("wrong-secret"), "the secret is not echoed: " + e.getMessage());
    }

    @Test
    void clientCredentialsWithAPublicClient() {
        SQLException e = assertThrows(SQLException.class, () -> connect(null, null,
                "grantType", "client_credentials", "clientSecret", "anything"));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "Client-credentials grant not allowed", "public client");
    }

    @Test
    void unknownScope() {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "alice-pw", "scope", "openid reports:everything"));
        assertEquals("28000", e.getSQLState());
        assertMessage(e, "scope", "reports:everything");
    }

    private static long lastTokenStatus() {
        var all = tokens.requests();
        return all.get(all.size() - 1).status();
    }

    private static void assertMessage(SQLException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

}
