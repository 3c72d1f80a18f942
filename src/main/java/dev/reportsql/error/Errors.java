package dev.reportsql.error;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * The one place where the driver's exceptions are made. Each factory picks the JDBC 4 subclass
 * that matches the SQLState class, so callers that switch on exception type and callers that read
 * {@link SQLException#getSQLState()} both get a precise answer.
 */
public final class Errors {
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']*)' not found");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found");
    private static final Pattern COLUMN_AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");

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

    /**
     * Turns anything thrown below the JDBC layer into an SQLException with a SQLState. Our own
     * exceptions (even when Calcite or Avatica wrapped them) come out unchanged; Calcite's parser
     * and validator errors get 42xxx states, or 0A000 for SQL Calcite cannot run ({@link UnsupportedSql});
     * SQL errors raised while the query runs (division by zero,
     * bad casts, a scalar subquery with several rows) get their 2xxxx states (see
     * {@link RuntimeFailures}); anything else is HY000 with its message kept.
     */
    public static SQLException translate(Throwable t) {
        ReportSqlException ours = find(t, ReportSqlException.class);
        if (ours != null) {
            return ours.sqlException();
        }
        SqlParseException parse = find(t, SqlParseException.class);
        if (parse != null) {
            return sql(SqlState.SYNTAX_ERROR, "SQL syntax error: " + firstLine(parse.getMessage()), t);
        }
        SqlValidatorException validator = find(t, SqlValidatorException.class);
        CalciteContextException context = find(t, CalciteContextException.class);
        if (validator != null || context != null) {
            String message = validator != null ? validator.getMessage() : context.getMessage();
            String where = context != null && context.getPosLine() > 0
                    ? " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")" : "";
            SQLException unsupported = UnsupportedSql.fromValidator(message, where, t);
            return unsupported != null ? unsupported : sql(validatorState(message), message + where, t);
        }
        SQLException runtime = RuntimeFailures.classify(t);
        if (runtime != null) {
            return runtime;
        }
        SQLException unplannable = UnsupportedSql.fromPlanner(t);
        if (unplannable != null) {
            return unplannable;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && !(t.getCause() instanceof RuntimeException)) {
            return sql;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return sql(SqlState.GENERAL_ERROR, "Query failed: " + message, t);
    }

    private static SqlState validatorState(String message) {
        if (message == null) {
            return SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
        }
        if (COLUMN_AMBIGUOUS.matcher(message).find()) {
            return SqlState.AMBIGUOUS_COLUMN;
        }
        Matcher column = COLUMN_NOT_FOUND.matcher(message);
        if (column.find()) {
            return SqlState.UNDEFINED_COLUMN;
        }
        if (OBJECT_NOT_FOUND.matcher(message).find() || TABLE_NOT_FOUND.matcher(message).find()) {
            return SqlState.UNDEFINED_TABLE;
        }
        return SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
