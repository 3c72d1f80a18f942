package dev.reportsql.sandbox.keycloak;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opaque tokens issued by the simulated Keycloak, tracked server-side with their user, session
 * and expiry. Each grant issues fresh tokens; a refresh token stays usable after it was used
 * (Keycloak's default, without refresh-token rotation).
 */
final class TokenStore {
    /** A successful grant. */
    record Grant(String accessToken, String refreshToken, String idToken, String sessionState,
                 long expiresIn, long refreshExpiresIn, boolean openid) {
    }

    /** Why a refresh token was refused; each maps to Keycloak's error_description. */
    enum RefreshFailure {
        UNKNOWN("Invalid refresh token"),
        EXPIRED("Token is not active"),
        SESSION_ENDED("Session not active");

        private final String description;

        RefreshFailure(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** The outcome of looking up a refresh token: a session to refresh, or a failure. */
    record RefreshLookup(String user, String sessionState, boolean openid, RefreshFailure failure) {
    }

    private record AccessEntry(String user, Instant expiresAt) {
    }

    private record RefreshEntry(String user, String sessionState, boolean openid, Instant expiresAt) {
    }

    /** Expired tokens are forgotten this long after expiry, so a long-lived sandbox stays small. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessEntry> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshEntry> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> activeSessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger grantsSincePurge = new AtomicInteger();
    private volatile Duration accessLifetime = Duration.ofSeconds(300);
    private volatile Duration refreshLifetime = Duration.ofSeconds(1800);

    void setAccessTokenLifetime(Duration d) {
        accessLifetime = checkLifetime(d);
    }

    void setRefreshTokenLifetime(Duration d) {
        refreshLifetime = checkLifetime(d);
    }

    /** Starts a new session (a password grant) and issues its first tokens. */
    Grant login(String user, boolean openid) {
        String session = UUID.randomUUID().toString();
        activeSessions.add(session);
        return issue(user, session, openid);
    }

    /** Issues fresh tokens for an existing session (a refresh grant). */
    Grant refresh(RefreshLookup lookup) {
        return issue(lookup.user(), lookup.sessionState(), lookup.openid());
    }

    RefreshLookup lookupRefreshToken(String token) {
        RefreshEntry e = refreshTokens.get(token);
        if (e == null) {
            return new RefreshLookup(null, null, false, RefreshFailure.UNKNOWN);
        }
        if (!Instant.now().isBefore(e.expiresAt())) {
            return new RefreshLookup(e.user(), e.sessionState(), e.openid(), RefreshFailure.EXPIRED);
        }
        if (!activeSessions.contains(e.sessionState())) {
            return new RefreshLookup(e.user(), e.sessionState(), e.openid(), RefreshFailure.SESSION_ENDED);
        }
        return new RefreshLookup(e.user(), e.sessionState(), e.openid(), null);
    }

    /** The user of a valid, unexpired access token, or null. */
    String userOfAccessToken(String token) {
        AccessEntry e = token == null ? null : accessTokens.get(token);
        return e != null && Instant.now().isBefore(e.expiresAt()) ? e.user() : null;
    }

    void expireAccessTokens() {
        accessTokens.replaceAll((token, e) -> new AccessEntry(e.user(), Instant.EPOCH));
    }

    /** Ends every session so far, as an administrator's "sign out all sessions" does. */
    void revokeRefreshTokens() {
        activeSessions.clear();
    }

    private Grant issue(String user, String session, boolean openid) {
        purgeOccasionally();
        Duration access = accessLifetime;
        Duration refresh = refreshLifetime;
        Instant now = Instant.now();
        String accessToken = newToken();
        String refreshToken = newToken();
        accessTokens.put(accessToken, new AccessEntry(user, now.plus(access)));
        refreshTokens.put(refreshToken, new RefreshEntry(user, session, openid, now.plus(refresh)));
        return new Grant(accessToken, refreshToken, openid ? newToken() : null, session,
                access.getSeconds(), refresh.getSeconds(), openid);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void purgeOccasionally() {
        if (grantsSincePurge.incrementAndGet() % 256 != 0) {
            return;
        }
        Instant horizon = Instant.now().minus(FORGET_AFTER);
        accessTokens.values().removeIf(e -> e.expiresAt().isBefore(horizon));
        refreshTokens.values().removeIf(e -> e.expiresAt().isBefore(horizon));
    }

    private static Duration checkLifetime(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("Token lifetime must be zero or positive, got " + d);
        }
        return d;
    }
}
