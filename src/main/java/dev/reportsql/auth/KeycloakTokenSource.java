package dev.reportsql.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.HttpFailures;
import dev.reportsql.http.JsonBody;
import dev.reportsql.http.RetryPolicy;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tokens from Keycloak's OpenID Connect token endpoint: a password or client-credentials login,
 * then refresh grants while the refresh token lives, and a new login when it does not. One
 * instance serves every connection of the same login (see {@link TokenSources}); it is
 * synchronized so that many threads needing a token at once cause one token request, not one each.
 *
 * <p>Each token call is made with the HTTP client, retry policy and statement of the connection that
 * needs the token ({@link Transport}), so every connection's own timeouts, retries and cancel apply.
 *
 * <p>Logs token events at FINE (who, which grant, lifetimes, Keycloak's refusal text), never a
 * password, client secret or token.
 */
final class KeycloakTokenSource {
    /** How one connection makes token calls, and the statement (if any) that waits for the token. */
    record Transport(OkHttpClient http, RetryPolicy retry, long maxResponseBytes, CallTracker tracker) {
    }

    private static final Logger LOG = Logger.getLogger(KeycloakTokenSource.class.getName());
    /** Renew this long before expiry at most, so a token never expires between check and use. */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final KeycloakLogin login;
    private final Clock clock;

    private TokenGrant grant; // guarded by this

    KeycloakTokenSource(KeycloakLogin login, Clock clock) {
        this.login = login;
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
        grant = relogin("the access token expired and cannot be refreshed", via);
        return grant.accessToken();
    }

    synchronized String renewAfterRejection(String rejected, Transport via) throws SQLException {
        if (grant != null && !grant.accessToken().equals(rejected) && grant.accessUsableAt(clock.instant())) {
            return grant.accessToken(); // another thread renewed it already
        }
        grant = relogin("the API rejected the access token", via);
        return grant.accessToken();
    }

    synchronized void verifyCredentials(Transport via) throws SQLException {
        grant = relogin("the credentials are being verified", via);
    }

    /**
     * A new login. When Keycloak refuses it (28xxx: password changed, account disabled), the cached
     * tokens are dropped too, so no connection of this login keeps working on tokens obtained with
     * credentials that are now known to be bad; an unreachable Keycloak (08xxx) keeps them.
     */
    private TokenGrant relogin(String why, Transport via) throws SQLException {
        try {
            return login(why, via);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                grant = null;
                LOG.log(Level.FINE, "Dropped the cached tokens of {0}: its credentials no longer work", login.describe());
            }
            throw e;
        }
    }

    String identity() {
        return enc(login.principal()) + " via " + enc(login.tokenUrl().toString()) + " client " + enc(login.clientId());
    }

    String principal() {
        return login.principal();
    }

    /** The refresh grant; null when the refresh token is no longer accepted (then a new login follows). */
    private TokenGrant refresh(Transport via) throws SQLException {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("client_id", login.clientId());
        addSecret(form);
        form.add("refresh_token", grant.refreshToken());
        try {
            TokenGrant g = call(form.build(), "refresh", via);
            LOG.log(Level.FINE, "Refreshed the access token of {0}; {1}", new Object[] {login.describe(), g.lifetimes()});
            return g;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e; // Keycloak unreachable: a new login would fail the same way
            }
            LOG.log(Level.FINE, "Keycloak refused the refresh token of {0} ({1}); logging in again",
                    new Object[] {login.describe(), e.getMessage()});
            return null;
        }
    }

    /** A new login with the configured grant. */
    private TokenGrant login(String why, Transport via) throws SQLException {
        String grantName = login.grant().formValue();
        LOG.log(Level.FINE, "Requesting a {0} grant for {1} at {2} because {3}",
                new Object[] {grantName, login.describe(), login.tokenUrl(), why});
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", grantName)
                .add("client_id", login.clientId());
        addSecret(form);
        form.add("scope", login.scope());
        if (login.grant() == GrantType.PASSWORD) {
            form.add("username", login.user()).add("password", login.password());
        }
        TokenGrant g = call(form.build(), grantName, via);
        LOG.log(Level.FINE, "The {0} grant for {1} succeeded; {2}", new Object[] {grantName, login.describe(), g.lifetimes()});
        return g;
    }

    private void addSecret(FormBody.Builder form) {
        if (login.clientSecret() != null) {
            form.add("client_secret", login.clientSecret());
        }
    }

    /** One token request, retried by the connection's policy; the body is read whole, inside the retry. */
    private TokenGrant call(FormBody form, String grantName, Transport via) throws SQLException {
        Request request = new Request.Builder().url(login.tokenUrl()).post(form).build();
        String endpoint = "the Keycloak token endpoint " + login.tokenUrl();
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
                KeycloakErrors.OAuthError error = KeycloakErrors.OAuthError.parse(response.code(), body);
                SQLException refused = KeycloakErrors.refused(login, grantName, error, HttpFailures.excerpt(body));
                if (RetryPolicy.retryableStatus(response.code())) {
                    throw new RetryPolicy.RetryableStatus(response, refused);
                }
                LOG.log(Level.FINE, "Keycloak refused the {0} grant for {1}: {2}",
                        new Object[] {grantName, login.describe(), error.keycloakSays("")});
                throw refused;
            } finally {
                tracker.unregister(call);
            }
        });
    }

    private TokenGrant parseGrant(String body, Instant sent) throws SQLException {
        try {
            Object node = JsonBody.parse(body);
            String access = JsonBody.text(JsonBody.field(node, "access_token"), null);
            if (access == null || access.isEmpty()) {
                throw Errors.sql(SqlState.COMMUNICATION_LINK_FAILURE,
                        "The token endpoint " + login.tokenUrl() + " answered 200 without an access_token");
            }
            long expiresIn = JsonBody.asLong(JsonBody.field(node, "expires_in"), 60);
            String refresh = JsonBody.text(JsonBody.field(node, "refresh_token"), null);
            long refreshIn = JsonBody.asLong(JsonBody.field(node, "refresh_expires_in"), 0);
            return new TokenGrant(access, sent.plus(usable(expiresIn)), refresh,
                    refreshIn <= 0 ? Instant.MAX : sent.plus(usable(refreshIn)));
        } catch (IOException e) {
            // The parser's message may quote the body, which holds tokens: keep neither message nor cause.
            // The excerpt masks every token, password and secret field, even one cut off mid-value.
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, "The token endpoint " + login.tokenUrl()
                    + " answered HTTP 200 with a body that is not JSON: " + HttpFailures.excerpt(body));
        }
    }

    /** The lifetime minus a safety margin of a fifth of it, at most 30 s. */
    private static Duration usable(long seconds) {
        Duration life = Duration.ofSeconds(seconds);
        Duration margin = life.dividedBy(5);
        return life.minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KeycloakTokenSource[" + login + "]";
    }
}
