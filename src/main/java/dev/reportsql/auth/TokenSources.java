package dev.reportsql.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.HttpTransport;
import dev.reportsql.http.RetryPolicy;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Token sources shared by every connection of the same login (issuer, client, scope, grant,
 * user, secrets, trust settings), so that a pool of connections holds one token, not one each.
 *
 * <p>The key holds a salted hash of the password and client secret, never the secrets: a
 * connection with a different password must not borrow a token someone else obtained, yet nothing
 * in the cache can give the password back. The salt is random per JVM. The trust settings are part
 * of the key too, so a connection never uses a token source that trusts other certificates than it does.
 */
public final class TokenSources {
    private static final byte[] SALT = new SecureRandom().generateSeed(16);
    private static final Cache<Key, KeycloakTokenSource> SHARED = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30))
            .maximumSize(10_000)
            .build();

    private record Key(String tokenUrl, String clientId, String scope, String grantType, String principal,
            String credentialHash, String transport) {
        @Override
        public boolean equals(Object other) {
            // Written out: a record's generated equals and hashCode link through an invokedynamic bootstrap
            // (ObjectMethods) that costs a new JVM's first query tens of milliseconds; this one is on that path.
            return other instanceof Key o && Objects.equals(tokenUrl, o.tokenUrl)
                    && Objects.equals(clientId, o.clientId) && Objects.equals(scope, o.scope)
                    && Objects.equals(grantType, o.grantType) && Objects.equals(principal, o.principal)
                    && Objects.equals(credentialHash, o.credentialHash) && Objects.equals(transport, o.transport);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tokenUrl, clientId, scope, grantType, principal, credentialHash, transport);
        }
    }

    private TokenSources() {
    }

    /**
     * The token source of one connection: the shared state of its Keycloak login (created on first
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
        GrantType grant = GrantType.of(config.get(ConnectionProperty.GRANT_TYPE));
        String clientId = config.get(ConnectionProperty.CLIENT_ID);
        String secret = config.get(ConnectionProperty.CLIENT_SECRET);
        String user = null;
        String password = null;
        if (grant == GrantType.PASSWORD) {
            user = config.get(ConnectionProperty.USER);
            password = config.get(ConnectionProperty.PASSWORD);
            if (user == null || password == null) {
                throw Errors.sql(SqlState.INVALID_AUTHORIZATION,
                        "Both user and password are required to log in to Keycloak with the password grant");
            }
        } else if (secret == null || secret.isEmpty()) {
            throw Errors.sql(SqlState.INVALID_AUTHORIZATION, "grantType=client_credentials needs the clientSecret of "
                    + "confidential client '" + clientId + "'; set the clientSecret property");
        }
        HttpTransport.requireSecureFor(tokenUrl, grant == GrantType.PASSWORD ? "the password" : "the client secret",
                config);
        KeycloakLogin login = new KeycloakLogin(tokenUrl, realm, clientId, secret, config.get(ConnectionProperty.SCOPE),
                grant, user, password);
        Key key = new Key(tokenUrl.toString(), clientId, login.scope(), grant.formValue(), login.principal(),
                hash(grant.formValue(), password, secret), HttpTransport.securityKey(config));
        KeycloakTokenSource shared = SHARED.get(key, k -> new KeycloakTokenSource(login, Clock.systemUTC()));
        long maxBytes = config.integer(ConnectionProperty.MAX_RESPONSE_BYTES);
        return new PerConnection(shared, http, retry, maxBytes);
    }

    /** One connection's view of a shared token source: its own HTTP client, retry policy and limits. */
    static final class PerConnection implements TokenSource {
        final KeycloakTokenSource shared;
        private final OkHttpClient http;
        private final RetryPolicy retry;
        private final long maxBytes;

        PerConnection(KeycloakTokenSource shared, OkHttpClient http, RetryPolicy retry, long maxBytes) {
            this.shared = shared;
            this.http = http;
            this.retry = retry;
            this.maxBytes = maxBytes;
        }

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
        public String identity() {
            return shared.identity();
        }

        @Override
        public String principal() {
            return shared.principal();
        }

        @Override
        public String toString() {
            return shared.toString();
        }
    }

    /** A salted hash of the secrets; each part is length-prefixed so that no two inputs hash alike. */
    private static String hash(String... secrets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SALT);
            for (String s : secrets) {
                byte[] bytes = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) (s == null ? 0 : 1));
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
