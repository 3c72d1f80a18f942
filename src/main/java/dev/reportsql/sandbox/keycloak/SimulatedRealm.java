package dev.reportsql.sandbox.keycloak;

import com.sun.net.httpserver.HttpExchange;
import dev.reportsql.sandbox.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * The built-in Keycloak realm {@code wimetrix}: its users, the opaque tokens it issued and its
 * token endpoint under {@link #PREFIX}. As a {@link BearerCheck} it tells an API who holds an
 * access token, the way the real API learns it from Keycloak. A server mounts it and drives it
 * only through this class, so the user and token bookkeeping stays inside this package.
 */
public final class SimulatedRealm implements BearerCheck {
    /** Where the realm is mounted on the server: the Keycloak base path. */
    public static final String PREFIX = KeycloakTokenEndpoint.PREFIX;

    private final UserDirectory users = new UserDirectory();
    private final TokenStore tokens = new TokenStore();
    private final KeycloakTokenEndpoint endpoint = new KeycloakTokenEndpoint(users, tokens);

    /** Answers a request under {@link #PREFIX}. */
    public void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        endpoint.handle(exchange, request);
    }

    /** Opaque access tokens, looked up in the tokens this realm issued. */
    @Override
    public Caller check(String token) throws TokenRejected {
        String user = tokens.userOfAccessToken(token);
        if (user == null) {
            throw new TokenRejected(token == null ? "no bearer token" : "unknown or expired access token");
        }
        return new Caller(user, users.hasReportRole(user) ? Set.of(Caller.REPORT_ROLE) : Set.of());
    }

    /** Lifetime of access tokens issued from now on. */
    public void setAccessTokenLifetime(Duration d) {
        tokens.setAccessTokenLifetime(d);
    }

    /** Lifetime of refresh tokens issued from now on. */
    public void setRefreshTokenLifetime(Duration d) {
        tokens.setRefreshTokenLifetime(d);
    }

    /** Expires every access token issued so far. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /** Ends every session so far: their refresh tokens are refused. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /** Changes a user's password. */
    public void setPassword(String user, String password) {
        users.setPassword(user, password);
    }

    /** Disables or re-enables a user. */
    public void setDisabled(String user, boolean disabled) {
        users.setDisabled(user, disabled);
    }
}
