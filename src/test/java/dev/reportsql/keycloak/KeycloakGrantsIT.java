package dev.reportsql.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * The grants besides a public client's password grant, against the real Keycloak: the password
 * grant through a confidential client (clientSecret), and the client-credentials grant for service
 * accounts, both through login, renewal and the API.
 */
class KeycloakGrantsIT extends KeycloakFixture {

    @Test
    void confidentialPasswordGrantAndClientCredentialsBothLogInAndRenew() throws Exception {
        try (TokenCounter counter = new TokenCounter(keycloak.baseUrl());
             Connection confidential = connectVia(counter, "alice", "alice-pw",
                     "clientId", TestRealm.CONFIDENTIAL, "clientSecret", TestRealm.CONFIDENTIAL_SECRET);
             Connection service = connectVia(counter, null, null, "grantType", "client_credentials",
                     "clientId", TestRealm.CONFIDENTIAL, "clientSecret", TestRealm.CONFIDENTIAL_SECRET)) {
            assertEquals(480, count(confidential, "SELECT COUNT(*) FROM MachineDowntime"));
            assertEquals(480, count(service, "SELECT COUNT(*) FROM MachineDowntime"));
            assertEquals("alice", confidential.getMetaData().getUserName());
            assertEquals("service-account-" + TestRealm.CONFIDENTIAL, service.getMetaData().getUserName());
            assertEquals(6, tables(service).size(), "the service account has the role and sees every report");
            assertEquals(1, counter.count("password"));
            assertEquals(1, counter.count("client_credentials"));
            assertTrue(counter.requests().stream().allMatch(r -> TestRealm.CONFIDENTIAL.equals(r.clientId())));

            sleepSeconds(9); // both access tokens are past their usable life
            assertEquals(480, count(confidential, "SELECT COUNT(*) FROM MachineDowntime"));
            assertEquals(480, count(service, "SELECT COUNT(*) FROM MachineDowntime"));
            assertEquals(1, counter.count("refresh_token"), "the confidential client refreshes (with its secret)");
            assertEquals(200, counter.requests().stream().filter(r -> r.grantType().equals("refresh_token"))
                    .findFirst().orElseThrow().status());
            assertEquals(2, counter.count("client_credentials"),
                    "Keycloak gives no refresh token to client credentials: a new grant instead");
            assertEquals(1, counter.count("password"));
            assertTrue(service.isValid(5));
            assertTrue(confidential.isValid(5));
        }
    }

    @Test
    void aServiceAccountWithoutTheRoleLogsInButTheApiSays400() {
        SQLException e = assertThrows(SQLException.class, () -> connect(null, null, "grantType", "client_credentials",
                "clientId", TestRealm.ADMIN_CLIENT, "clientSecret", TestRealm.ADMIN_SECRET));
        assertEquals("28P01", e.getSQLState());
        assertTrue(e.getMessage().contains("report:integration:get"), e.getMessage());
        assertTrue(tokens.requests().stream().anyMatch(r -> r.grantType().equals("client_credentials")
                && TestRealm.ADMIN_CLIENT.equals(r.clientId()) && r.status() == 200), tokens.requests().toString());
    }

    @Test
    void clientCredentialsWithoutASecretFailBeforeAnyRequest() {
        tokens.clear();
        SQLException e = assertThrows(SQLException.class, () -> connect(null, null, "grantType", "client_credentials",
                "clientId", TestRealm.CONFIDENTIAL));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("clientSecret"), e.getMessage());
        assertEquals(0, tokens.requests().size());
    }

    @Test
    void thePasswordGrantStillNeedsUserAndPassword() {
        SQLException e = assertThrows(SQLException.class, () -> connect(null, null,
                "clientId", TestRealm.CONFIDENTIAL, "clientSecret", TestRealm.CONFIDENTIAL_SECRET));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("'user' is required"), e.getMessage());
    }
}
