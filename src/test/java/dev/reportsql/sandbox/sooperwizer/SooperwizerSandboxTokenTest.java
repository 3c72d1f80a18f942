package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.SandboxHttp;

import static dev.reportsql.sandbox.SandboxHttp.form;
import static dev.reportsql.sandbox.SandboxHttp.passwordGrant;
import static dev.reportsql.sandbox.SandboxHttp.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reportsql.sandbox.SandboxHttp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated Keycloak token endpoint: grants, and each error Keycloak would answer. */
class SooperwizerSandboxTokenTest {
    private SooperwizerSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = SooperwizerSandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static void assertOAuthError(Reply reply, int status, String error, String description) {
        assertEquals(status, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals(error, json.path("error").asText(), reply.body());
        assertEquals(description, json.path("error_description").asText(), reply.body());
        assertEquals(2, json.size(), reply.body());
        assertEquals("application/json", reply.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void passwordGrantReturnsKeycloakShapedTokens() {
        Reply reply = passwordGrant(sandbox, "alice", "alice-pw");
        assertEquals(200, reply.status(), reply.body());
        JsonNode json = reply.json();
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("access_token", "expires_in", "refresh_expires_in", "refresh_token", "token_type",
                "id_token", "not-before-policy", "session_state", "scope"), fields);
        assertEquals(300, json.get("expires_in").asInt());
        assertEquals(1800, json.get("refresh_expires_in").asInt());
        assertEquals("Bearer", json.get("token_type").asText());
        assertEquals(0, json.get("not-before-policy").asInt());
        assertEquals("openid profile email", json.get("scope").asText());
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            String value = json.get(field).asText();
            assertTrue(value.matches("[A-Za-z0-9_-]{43,}"), field + " = " + value);
        }
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(null));

        JsonNode second = passwordGrant(sandbox, "alice", "alice-pw").json();
        assertNotEquals(json.get("access_token").asText(), second.get("access_token").asText());
        assertNotEquals(json.get("refresh_token").asText(), second.get("refresh_token").asText());
        assertNotEquals(json.get("session_state").asText(), second.get("session_state").asText());
    }

    @Test
    void withoutOpenidScopeThereIsNoIdToken() {
        JsonNode json = token(sandbox, form("grant_type", "password", "client_id", "frontend",
                "username", "demo", "password", "demo")).json();
        assertFalse(json.has("id_token"));
        assertEquals("profile email", json.get("scope").asText());
    }

    @Test
    void usernamesAreCaseInsensitive() {
        assertEquals(200, passwordGrant(sandbox, "ALICE", "alice-pw").status());
    }

    @Test
    void lifetimesAreConfigurable() {
        sandbox.setAccessTokenLifetime(Duration.ofSeconds(10));
        sandbox.setRefreshTokenLifetime(Duration.ofSeconds(120));
        JsonNode json = passwordGrant(sandbox, "alice", "alice-pw").json();
        assertEquals(10, json.get("expires_in").asInt());
        assertEquals(120, json.get("refresh_expires_in").asInt());
        assertThrows(IllegalArgumentException.class, () -> sandbox.setAccessTokenLifetime(Duration.ofSeconds(-1)));
    }

    @Test
    void badCredentialsAreInvalidGrant() {
        String creds = "Invalid user credentials";
        assertOAuthError(passwordGrant(sandbox, "alice", "wrong"), 400, "invalid_grant", creds);
        assertOAuthError(passwordGrant(sandbox, "nobody", "x"), 400, "invalid_grant", creds);
        assertOAuthError(token(sandbox, form("grant_type", "password", "client_id", "frontend",
                "username", "alice")), 400, "invalid_grant", creds);
        assertOAuthError(token(sandbox, form("grant_type", "password", "client_id", "frontend",
                "password", "alice-pw")), 401, "invalid_request", "Missing parameter: username");
    }

    @Test
    void disabledAccountIsRefusedBeforeThePasswordIsChecked() {
        assertOAuthError(passwordGrant(sandbox, "carol", "carol-pw"), 400, "invalid_grant", "Account disabled");
        assertOAuthError(passwordGrant(sandbox, "carol", "wrong"), 400, "invalid_grant", "Account disabled");
        sandbox.setDisabled("carol", false);
        assertEquals(200, passwordGrant(sandbox, "carol", "carol-pw").status());
        sandbox.setDisabled("alice", true);
        assertOAuthError(passwordGrant(sandbox, "alice", "alice-pw"), 400, "invalid_grant", "Account disabled");
    }

    @Test
    void passwordsCanBeChanged() {
        sandbox.setPassword("alice", "p&ss=w\u00f6rd +1");
        assertEquals(400, passwordGrant(sandbox, "alice", "alice-pw").status());
        assertEquals(200, passwordGrant(sandbox, "alice", "p&ss=w\u00f6rd +1").status());
        assertThrows(IllegalArgumentException.class, () -> sandbox.setPassword("nobody", "x"));
    }

    @Test
    void requestErrorsFollowKeycloakOrder() {
        String url = sandbox.keycloakUrl() + "/realms/other/protocol/openid-connect/token";
        Reply realm = SandboxHttp.post(url, "application/x-www-form-urlencoded",
                form("grant_type", "password", "client_id", "frontend"), null);
        assertOAuthError(realm, 404, "Realm does not exist", "Realm does not exist");

        assertOAuthError(token(sandbox, form("grant_type", "password", "client_id", "backend",
                "username", "alice", "password", "alice-pw")),
                401, "invalid_client", "Invalid client or Invalid client credentials");
        assertOAuthError(token(sandbox, form("grant_type", "password", "username", "alice", "password", "alice-pw")),
                400, "invalid_client", "Missing client_id parameter");
        // The grant type is checked before the client.
        assertOAuthError(token(sandbox, form("grant_type", "client_secret_magic", "client_id", "backend")),
                400, "unsupported_grant_type", "Unsupported grant_type");
        assertOAuthError(token(sandbox, form("client_id", "frontend")),
                400, "invalid_request", "Missing form parameter: grant_type");
        assertOAuthError(token(sandbox, form("grant_type", "password", "client_id", "frontend",
                "username", "alice", "username", "bob", "password", "alice-pw")),
                400, "invalid_request", "duplicated parameter");
    }

    @Test
    void aJsonBodyReadsAsAnEmptyForm() {
        Reply reply = SandboxHttp.post(sandbox.keycloakUrl() + SandboxHttp.TOKEN_PATH, "application/json",
                "{\"grant_type\":\"password\",\"client_id\":\"frontend\"}", null);
        assertOAuthError(reply, 400, "invalid_request", "Missing form parameter: grant_type");
    }

    @Test
    void onlyPostIsAllowed() {
        Reply reply = SandboxHttp.send(HttpRequest.newBuilder(URI.create(sandbox.keycloakUrl() + SandboxHttp.TOKEN_PATH)));
        assertEquals(405, reply.status());
        assertEquals("POST, OPTIONS", reply.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void refreshGrantIssuesNewTokensForTheSameSession() {
        JsonNode first = passwordGrant(sandbox, "alice", "alice-pw").json();
        sandbox.expireAccessTokens();
        assertEquals(403, SandboxHttp.catalog(sandbox, first.get("access_token").asText(), null).status());

        Reply refreshed = refresh(first.get("refresh_token").asText());
        assertEquals(200, refreshed.status(), refreshed.body());
        JsonNode second = refreshed.json();
        assertEquals(first.get("session_state").asText(), second.get("session_state").asText());
        assertNotEquals(first.get("access_token").asText(), second.get("access_token").asText());
        assertNotEquals(first.get("refresh_token").asText(), second.get("refresh_token").asText());
        assertEquals("openid profile email", second.get("scope").asText());
        assertTrue(second.has("id_token"));
        assertEquals(200, SandboxHttp.catalog(sandbox, second.get("access_token").asText(), null).status());
    }

    @Test
    void refreshErrors() {
        assertOAuthError(token(sandbox, form("grant_type", "refresh_token", "client_id", "frontend")),
                400, "invalid_request", "No refresh token");
        assertOAuthError(refresh("not-a-token"), 400, "invalid_grant", "Invalid refresh token");

        sandbox.setRefreshTokenLifetime(Duration.ZERO);
        String expired = passwordGrant(sandbox, "alice", "alice-pw").json().get("refresh_token").asText();
        assertOAuthError(refresh(expired), 400, "invalid_grant", "Token is not active");

        sandbox.setRefreshTokenLifetime(Duration.ofMinutes(30));
        String revoked = passwordGrant(sandbox, "alice", "alice-pw").json().get("refresh_token").asText();
        sandbox.revokeRefreshTokens();
        assertOAuthError(refresh(revoked), 400, "invalid_grant", "Session not active");
        String fresh = passwordGrant(sandbox, "alice", "alice-pw").json().get("refresh_token").asText();
        assertEquals(200, refresh(fresh).status(), "sessions started after the revocation still refresh");

        sandbox.setDisabled("alice", true);
        assertOAuthError(refresh(fresh), 400, "invalid_grant", "User disabled");
    }

    private Reply refresh(String refreshToken) {
        return token(sandbox, form("grant_type", "refresh_token", "client_id", "frontend",
                "refresh_token", refreshToken));
    }
}
