package dev.reportsql.auth;

import java.time.Instant;

/**
 * One token response: the access token and, if the issuer gave one, a refresh token, with the
 * instants after which each should no longer be used. {@link #toString()} hides both tokens.
 */
record TokenGrant(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {
    boolean accessUsableAt(Instant now) {
        return now.isBefore(accessExpiresAt);
    }

    boolean refreshUsableAt(Instant now) {
        return refreshToken != null && now.isBefore(refreshExpiresAt);
    }

    /** For logs: how long each token may be used, never the tokens. */
    String lifetimes() {
        return "access token usable until " + accessExpiresAt + ", refresh token "
                + (refreshToken == null ? "none" : "usable until " + refreshExpiresAt);
    }

    @Override
    public String toString() {
        return "TokenGrant[access=***, accessExpiresAt=" + accessExpiresAt + ", refresh="
                + (refreshToken == null ? "none" : "***") + ", refreshExpiresAt=" + refreshExpiresAt + "]";
    }
}
