package dev.reportsql.error;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * The one place where the driver's exceptions are made. Each factory picks the JDBC 4 subclass
 * that matches the SQLState class, so callers that switch on exception type and callers that read
 * {@link SQLException#getSQLState()} both get a precise answer.
 */
public final class Errors {
    private Errors() {
    }

    /** An exception with the given state and a message that says what to do next. */
    public static SQLException sql(SqlState state, String message) {
        return sql(state, message, null);
    }

    /** As {@link #sql(SqlState, String)}, keeping the cause for diagnosis. */
    public static SQLException sql(SqlState state, String message, Throwable cause) {
        String code = state.code();
        SQLException e;
        if (state == SqlState.FEATURE_NOT_SUPPORTED) {
            e = new SQLFeatureNotSupportedException(message, code);
        } else if (state == SqlState.TIMEOUT) {
            e = new SQLTimeoutException(message, code);
        } else if (state == SqlState.CONNECTION_FAILURE) {
            e = new SQLTransientConnectionException(message, code);
        } else if (code.startsWith("08")) {
            e = new SQLNonTransientConnectionException(message, code);
        } else if (code.startsWith("22")) {
            e = new SQLDataException(message, code);
        } else if (code.startsWith("28")) {
            e = new SQLInvalidAuthorizationSpecException(message, code);
        } else if (code.startsWith("42")) {
            e = new SQLSyntaxErrorException(message, code);
        } else {
            e = new SQLException(message, code);
        }
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** 0A000 for a JDBC feature that a read-only report driver does not offer. */
    public static SQLFeatureNotSupportedException unsupported(String feature) {
        return (SQLFeatureNotSupportedException) sql(SqlState.FEATURE_NOT_SUPPORTED,
                feature + " is not supported: report APIs are read-only and have no transactions");
    }

    /** 08003 for a call on a closed object. */
    public static SQLException closed(String what) {
        return sql(SqlState.CONNECTION_CLOSED, "This " + what + " is closed; open a new one");
    }

    /** 22023 naming the property, the rejected value and what is accepted instead. */
    public static SQLException badProperty(String key, String value, String expected) {
        return sql(SqlState.INVALID_PARAMETER_VALUE,
                "Connection property '" + key + "' has an invalid value '" + value + "': expected " + expected);
    }

    /** Wraps an SQLException to cross an interface that allows only unchecked exceptions. */
    public static ReportSqlException unchecked(SQLException e) {
        return new ReportSqlException(e);
    }
}
