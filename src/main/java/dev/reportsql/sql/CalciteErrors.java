package dev.reportsql.sql;

import java.sql.SQLException;
import java.util.regex.Pattern;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

import dev.reportsql.error.Errors;
import dev.reportsql.error.ReportSqlException;
import dev.reportsql.error.SqlState;

/**
 * Turns what the engine throws into an SQLException with a SQLState. This is the one place that
 * knows Calcite's exception types, so the error package stays free of the engine.
 */
public final class CalciteErrors {
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']*)' not found");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found");
    private static final Pattern COLUMN_AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");

    private CalciteErrors() {
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
            return Errors.sql(SqlState.SYNTAX_ERROR, "SQL syntax error: " + firstLine(parse.getMessage()), t);
        }
        SqlValidatorException validator = find(t, SqlValidatorException.class);
        CalciteContextException context = find(t, CalciteContextException.class);
        if (validator != null || context != null) {
            String message = validator != null ? validator.getMessage() : context.getMessage();
            String where = context != null && context.getPosLine() > 0
                    ? " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")" : "";
            SQLException unsupported = UnsupportedSql.fromValidator(message, where, t);
            return unsupported != null ? unsupported : Errors.sql(validatorState(message), message + where, t);
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
        return Errors.sql(SqlState.GENERAL_ERROR, "Query failed: " + message, t);
    }

    private static SqlState validatorState(String message) {
        if (message == null) {
            return SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
        }
        if (COLUMN_AMBIGUOUS.matcher(message).find()) {
            return SqlState.AMBIGUOUS_COLUMN;
        }
        if (COLUMN_NOT_FOUND.matcher(message).find()) {
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
