package dev.reportsql.auth;

import java.sql.SQLException;

import dev.reportsql.http.CallTracker;

/**
 * Supplies bearer tokens for API calls and renews them when they expire or are rejected. A token
 * call made on behalf of a statement is tracked by it, so cancel and query timeout stop it too.
 */
public interface TokenSource {
    /** A token that is valid now (cached, refreshed or newly granted). */
    String accessToken(CallTracker tracker) throws SQLException;

    /**
     * The API rejected {@code rejected} (HTTP 403). Returns a different token from a new grant, unless
     * another thread already replaced it, in which case the current one is returned.
     */
    String renewAfterRejection(String rejected, CallTracker tracker) throws SQLException;

    /** Proves that the credentials still work now, with a call to the issuer if needed. */
    void verifyCredentials() throws SQLException;
}
