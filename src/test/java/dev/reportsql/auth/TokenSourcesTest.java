package dev.reportsql.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.http.HttpTransport;
import dev.reportsql.http.RetryPolicy;

/** Which connections share a token source, and what a token source shows of itself. */
class TokenSourcesTest {
    private static final String URL = "jdbc:sooperwizer:https://api.example.test?keycloakUrl=https://auth.example.test";

    private static TokenSource source(String... keyValues) throws SQLException {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        ConnectionConfig config = ConnectionConfig.parse(URL, p);
        return TokenSources.keycloak(config, HttpTransport.forConnection(config), RetryPolicy.from(config));
    }

    /** The state shared by every connection of one login. */
    private static Object shared(TokenSource perConnection) {
        return ((TokenSources.PerConnection) perConnection).shared;
    }

    @Test
    void toStringAndIdentityShowNoSecret() throws SQLException {
        TokenSource s = source("user", "alice", "password", "pw-Secret-1", "clientId", "reporting",
                "clientSecret", "cs-Secret-2");
        for (String shown : new String[] {s.toString(), s.identity(), s.principal()}) {
            assertFalse(shown.contains("pw-Secret-1"), shown);
            assertFalse(shown.contains("cs-Secret-2"), shown);
        }
        assertTrue(s.toString().contains("password=***") && s.toString().contains("clientSecret=***"), s.toString());
        assertEquals("alice", s.principal());
    }

    @Test
    void sharedOnlyBySameLoginAndSecrets() throws SQLException {
        Object a = shared(source("user", "alice", "password", "one"));
        assertSame(a, shared(source("user", "alice", "password", "one")));
        assertNotSame(a, shared(source("user", "alice", "password", "two")), "another password, another source");
        assertNotSame(a, shared(source("user", "bob", "password", "one")));
        assertNotSame(a, shared(source("user", "alice", "password", "one", "clientId", "other")));
        assertNotSame(a, shared(source("user", "alice", "password", "one", "clientSecret", "x")));
    }

    @Test
    void identitiesCannotBeImitatedByAUserName() throws SQLException {
        TokenSource plain = source("user", "alice", "password", "x");
        TokenSource tricky = source("user", "alice via https://auth.example.test", "password", "x");
        assertFalse(plain.identity().equals(tricky.identity()));
        assertFalse(tricky.identity().contains(" via https://auth.example.test via"), tricky.identity());
    }

    @Test
    void serviceAccountsAreNamedAsKeycloakNamesThem() throws SQLException {
        TokenSource s = source("grantType", "client_credentials", "clientId", "Reporting-Robot", "clientSecret", "s");
        assertEquals("service-account-reporting-robot", s.principal());
        SQLException noSecret = assertThrows(SQLException.class, () -> source("grantType", "client_credentials"));
        assertEquals("28000", noSecret.getSQLState());
    }
}
