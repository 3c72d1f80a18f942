package dev.reportsql.sql;

import java.sql.SQLException;

import dev.reportsql.observe.Activity;

/**
 * What a connector hands the JDBC layer for one new connection: the SQL schema over its API, how
 * to check that the credentials still work, and where the connection's calls are recorded.
 * {@code displayUrl} and {@code userName} are safe to show (no secrets).
 */
public record ApiSession(SessionSchema schema, CredentialCheck credentials, String displayUrl, String userName,
        String productName, Activity activity) {
    /** Proves the connection's credentials still work (used by {@code Connection.isValid}). */
    @FunctionalInterface
    public interface CredentialCheck {
        void verify() throws SQLException;
    }
}
