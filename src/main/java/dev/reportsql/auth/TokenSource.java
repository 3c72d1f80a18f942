package dev.reportsql.auth;

import java.sql.SQLException;

import dev.reportsql.http.CallTracker;

/** Supplies bearer tokens for API calls and renews them when they expire or are rejected. */
public interface TokenSource {
    /**
     * A token that is valid now (cached, refreshed or newly granted). {@code tracker} is the statement
     * waiting for it, so cancel and query timeout also stop a token call.
     */
    String accessToken(CallTracker tracker) throws SQLException;

    /**
     * The API rejected {@code rejected} (HTTP 403). Returns a different token from a new grant, unless
     * another thread already replaced it, in which case the current one is returned.
     */
    String renewAfterRejection(String rejected, CallTracker tracker) throws SQLException;

    /** Proves that the credentials still work now, with a call to the issuer if needed. */
    void verifyCredentials() throws SQLException;

    /**
     * Names issuer, client and principal unambiguously (each part URL-encoded), so that caches of
     * what a principal may see can be keyed by it. Contains no secret.
     */
    String identity();

    /** Who the tokens are for: the user name, or the service account of the client. */
    String principal();
}
