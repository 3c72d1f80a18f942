package dev.reportsql.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.RetryPolicy;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Token sources shared by every connection of the same user at the same issuer, so that a pool of
 * connections holds one token, not one each.
 *
 * <p>The key holds a salted hash of the password, never the password: a connection with a
 * different password must not borrow a token someone else obtained, yet nothing in the cache can
 * give the password back. The salt is random per JVM.
 */
public final class TokenSources {
    private static final byte[] SALT = new SecureRandom().generateSeed(16);
    private static final Cache<Key, KeycloakTokenSource> SHARED = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30))
            .maximumSize(10_000)
            .build();

    private record Key(String tokenUrl, String clientId, String scope, String user, String credentialHash) {
    }

    private TokenSources() {
    }

    /**
     * The token source of one connection: the shared state of its Keycloak user (created on first
     * use), reached through this connection's HTTP client, timeouts and retry policy.
     */
    public static TokenSource keycloak(ConnectionConfig config, OkHttpClient http, RetryPolicy retry)
            throws SQLException {
        String base = config.get(ConnectionProperty.KEYCLOAK_URL);
        HttpUrl keycloak = HttpUrl.parse(base);
        if (keycloak == null) {
            throw Errors.badProperty(ConnectionProperty.KEYCLOAK_URL.key(), base, "an http:// or https:// URL");
        }
        String realm = config.get(ConnectionProperty.REALM);
        HttpUrl tokenUrl = keycloak.newBuilder()
                .addPathSegment("realms").addPathSegment(realm)
                .addPathSegments("protocol/openid-connect/token")
                .build();
        String user = config.get(ConnectionProperty.USER);
        String password = config.get(ConnectionProperty.PASSWORD);
        if (user == null || password == null) {
            throw Errors.sql(SqlState.INVALID_AUTHORIZATION, "Both user and password are required to log in to Keycloak");
        }
        String clientId = config.get(ConnectionProperty.CLIENT_ID);
        String scope = config.get(ConnectionProperty.SCOPE);
        Key key = new Key(tokenUrl.toString(), clientId, scope, user, hash(password));
        KeycloakTokenSource shared = SHARED.get(key, k -> new KeycloakTokenSource(tokenUrl, realm, clientId, scope, user,
                password, Clock.systemUTC()));
        long maxBytes = config.integer(ConnectionProperty.MAX_RESPONSE_BYTES);
        return new TokenSource() {
            private KeycloakTokenSource.Transport via(CallTracker tracker) {
                return new KeycloakTokenSource.Transport(http, retry, maxBytes, tracker);
            }

            @Override
            public String accessToken(CallTracker tracker) throws SQLException {
                return shared.accessToken(via(tracker));
            }

            @Override
            public String renewAfterRejection(String rejected, CallTracker tracker) throws SQLException {
                return shared.renewAfterRejection(rejected, via(tracker));
            }

            @Override
            public void verifyCredentials() throws SQLException {
                shared.verifyCredentials(via(CallTracker.NONE));
            }

            @Override
            public String toString() {
                return shared.toString();
            }
        };
    }

    private static String hash(String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SALT);
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
