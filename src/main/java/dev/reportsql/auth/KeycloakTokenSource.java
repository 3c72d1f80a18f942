package dev.reportsql.auth;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.HttpFailures;
import dev.reportsql.http.RetryPolicy;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Keycloak's OpenID Connect password grant, with refresh. One instance serves every connection of
 * the same user, client and issuer (see {@link TokenSources}); it is synchronized so that many
 * threads needing a token at once cause one token request, not one each. Each token call is made
 * with the HTTP client, retry policy and statement of the connection that needs the token, so
 * every connection's own timeouts apply.
 */
final class KeycloakTokenSource {
    /** How one connection makes token calls, and the statement (if any) that waits for the token. */
    record Transport(OkHttpClient http, RetryPolicy retry, long maxResponseBytes, CallTracker tracker) {
    }

    private static final Logger LOG = Logger.getLogger(KeycloakTokenSource.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Renew this long before expiry at most, so a token never expires between check and use. */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final HttpUrl tokenUrl;
    private final String realm;
    private final String clientId;
    private final String scope;
    private final String user;
    private final String password;
    private final Clock clock;

    private TokenGrant grant; // guarded by this

    KeycloakTokenSource(HttpUrl tokenUrl, String realm, String clientId, String scope,
            String user, String password, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.scope = scope;
        this.user = user;
        this.password = password;
        this.clock = clock;
    }

    synchronized String accessToken(Transport via) throws SQLException {
        Instant now = clock.instant();
        if (grant != null && grant.accessUsableAt(now)) {
            return grant.accessToken();
        }
        if (grant != null && grant.refreshUsableAt(now)) {
            TokenGrant refreshed = refresh(via);
            if (refreshed != null) {
                grant = refreshed;
                return grant.accessToken();
            }
        }
        grant = passwordGrant(via);
        return grant.accessToken();
    }

    synchronized String renewAfterRejection(String rejected, Transport via) throws SQLException {
        if (grant != null && !grant.accessToken().equals(rejected) && grant.accessUsableAt(clock.instant())) {
            return grant.accessToken(); // another thread renewed it already
        }
        LOG.fine(() -> "API rejected the access token of user '" + user + "'; requesting a new one");
        grant = passwordGrant(via);
        return grant.accessToken();
    }

    synchronized void verifyCredentials(Transport via) throws SQLException {
        grant = passwordGrant(via);
    }

    /** The refresh grant; null when the refresh token is no longer accepted (then a password grant follows). */
    private TokenGrant refresh(Transport via) throws SQLException {
        FormBody form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("client_id", clientId)
                .add("refresh_token", grant.refreshToken())
                .build();
        try {
            TokenGrant g = call(form, "refresh", via);
            LOG.fine(() -> "Refreshed the access token of user '" + user + "'");
            return g;
        } catch (SQLException e) {
            if (!SqlState.INVALID_AUTHORIZATION.code().equals(e.getSQLState())) {
                throw e;
            }
            LOG.log(Level.FINE, "Refresh for user ''{0}'' was refused ({1}); falling back to a password grant",
                    new Object[] {user, e.getMessage()});
            return null;
        }
    }

    private TokenGrant passwordGrant(Transport via) throws SQLException {
        FormBody form = new FormBody.Builder()
                .add("grant_type", "password")
                .add("client_id", clientId)
                .add("scope", scope)
                .add("username", user)
                .add("password", password)
                .build();
        TokenGrant g = call(form, "password", via);
        LOG.fine(() -> "Password grant succeeded for user '" + user + "'");
        return g;
    }

    /** One token request, retried by the connection's policy; the body is read whole, inside the retry. */
    private TokenGrant call(FormBody form, String grantType, Transport via) throws SQLException {
        Request request = new Request.Builder().url(tokenUrl).post(form).build();
        String endpoint = "the Keycloak token endpoint " + tokenUrl;
        CallTracker tracker = via.tracker();
        return via.retry().execute(endpoint, tracker, () -> {
            Instant sent = clock.instant();
            Call call = via.http().newCall(request);
            tracker.register(call);
            try (Response response = call.execute()) {
                String body = HttpFailures.readText(response, via.maxResponseBytes(), endpoint);
                if (response.code() == 200) {
                    return parseGrant(body, sent);
                }
                SQLException failure = rejection(response, body, grantType);
                if (RetryPolicy.retryableStatus(response.code())) {
                    throw new RetryPolicy.RetryableStatus(response, failure);
                }
                throw failure;
            } finally {
                tracker.unregister(call);
            }
        });
    }

    private TokenGrant parseGrant(String body, Instant sent) throws SQLException {
        try {
            JsonNode node = JSON.readTree(body);
            String access = node.path("access_token").asText(null);
            if (access == null || access.isEmpty()) {
                throw Errors.sql(SqlState.COMMUNICATION_LINK_FAILURE, "The token endpoint " + tokenUrl
                        + " answered HTTP 200 without an access_token: " + HttpFailures.excerpt(body));
            }
            long expiresIn = node.path("expires_in").asLong(60);
            String refresh = node.path("refresh_token").asText(null);
            long refreshIn = node.path("refresh_expires_in").asLong(0);
            return new TokenGrant(access, sent.plus(usable(expiresIn)), refresh,
                    refreshIn <= 0 ? Instant.MAX : sent.plus(usable(refreshIn)));
        } catch (IOException e) {
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, "The token endpoint " + tokenUrl
                    + " answered HTTP 200 with a body that is not JSON: " + HttpFailures.excerpt(body), e);
        }
    }

    /** The lifetime minus a safety margin of a fifth of it, at most 30 s. */
    private static Duration usable(long seconds) {
        Duration life = Duration.ofSeconds(seconds);
        Duration margin = life.dividedBy(5);
        return life.minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }

    /** Maps Keycloak's OIDC error answers by status and by the {@code error} field of the body. */
    private SQLException rejection(Response response, String body, String grantType) {
        String error = "";
        String description = "";
        try {
            JsonNode node = JSON.readTree(body);
            error = node.path("error").asText("");
            description = node.path("error_description").asText(error);
        } catch (IOException | RuntimeException e) {
            description = HttpFailures.excerpt(body);
        }
        int status = response.code();
        String who = "user '" + user + "' (realm '" + realm + "', client '" + clientId + "')";
        if (status == 404) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak at " + tokenUrl.newBuilder().encodedPath("/")
                    .build() + " has no realm '" + realm + "' (HTTP 404: " + description
                    + "); check the realm and keycloakUrl properties");
        }
        if (status == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak rejected client '" + clientId + "' of realm '"
                    + realm + "': " + description + "; check the clientId property");
        }
        if ("invalid_grant".equals(error)) {
            String hint = description.toLowerCase(java.util.Locale.ROOT).contains("disabled")
                    ? "the account is disabled; ask your Keycloak administrator to enable it"
                    : "check the user and password";
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak refused the " + grantType + " login of "
                    + who + ": " + description + "; " + hint);
        }
        if (status == 429) {
            return Errors.sql(SqlState.CONNECTION_FAILURE, "The Keycloak token endpoint " + tokenUrl
                    + " is throttling requests (HTTP 429: " + HttpFailures.excerpt(body) + "); try again later");
        }
        if (status >= 500) {
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, "The Keycloak token endpoint " + tokenUrl
                    + " failed with HTTP " + status + ": " + HttpFailures.excerpt(body) + "; try again later");
        }
        return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak refused the " + grantType + " login of " + who
                + " with HTTP " + status + ": " + (error.isEmpty() ? "" : error + ": ") + description);
    }

    @Override
    public String toString() {
        return "KeycloakTokenSource[" + tokenUrl + ", client=" + clientId + ", user=" + user + "]";
    }
}
