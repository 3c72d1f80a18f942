package dev.reportsql.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Calcite's errors for SQL it cannot run, as SQLState 0A000 with what to write instead: a function it
 * does not know (or not with these arguments), a known function in a form other databases accept, and
 * a query its planner or code generator cannot turn into a program. Other validation errors keep their
 * 42xxx states. docs/sql-functions.md lists the same advice.
 */
final class UnsupportedSql {
    private static final Pattern NO_MATCH = Pattern.compile("No match found for function signature ([\\w$]+)");
    private static final Pattern CANNOT_APPLY = Pattern.compile("Cannot apply '([\\w$]+)' to arguments of type");
    private static final Pattern ARGUMENT_COUNT = Pattern.compile("Invalid number of arguments to function '([\\w$]+)'");
    private static final Pattern PERCENTILE_TYPE =
            Pattern.compile("Invalid type '(\\w+)' in ORDER BY clause of '(PERCENTILE_\\w+)' function");
    private static final Pattern PLAN_FUNCTION = Pattern.compile("(?:aggs \\[|=\\[)([A-Z_]+)\\(");
    private static final String DOCS = "see docs/sql-functions.md for what works";

    /** What to write instead of functions that other databases have and Calcite lacks. */
    private static final Map<String, String> INSTEAD = Map.ofEntries(
            Map.entry("MEDIAN", "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)"),
            Map.entry("NOW", "CURRENT_TIMESTAMP"), Map.entry("GETDATE", "CURRENT_TIMESTAMP"),
            Map.entry("SYSDATE", "CURRENT_TIMESTAMP"),
            Map.entry("NVL", "COALESCE(x, y)"), Map.entry("IFNULL", "COALESCE(x, y)"),
            Map.entry("ISNULL", "COALESCE(x, y), or x IS NULL"),
            Map.entry("IIF", "CASE WHEN condition THEN a ELSE b END"),
            Map.entry("IF", "CASE WHEN condition THEN a ELSE b END"),
            Map.entry("DECODE", "CASE x WHEN v1 THEN r1 ELSE r2 END"),
            Map.entry("LEN", "CHAR_LENGTH(x)"),
            Map.entry("GROUP_CONCAT", "STRING_AGG(x, ',')"),
            Map.entry("DATE_FORMAT", "TO_CHAR(ts, 'YYYY-MM-DD HH24:MI:SS')"),
            Map.entry("STRFTIME", "TO_CHAR(ts, 'YYYY-MM-DD HH24:MI:SS')"),
            Map.entry("DATEADD", "TIMESTAMPADD(DAY, 1, ts), or ts + INTERVAL '1' DAY"),
            Map.entry("DATE_ADD", "TIMESTAMPADD(DAY, 1, ts), or ts + INTERVAL '1' DAY"),
            Map.entry("DATEDIFF", "TIMESTAMPDIFF(DAY, start_ts, end_ts)"),
            Map.entry("DATE_DIFF", "TIMESTAMPDIFF(DAY, start_ts, end_ts)"),
            Map.entry("REGEXP_MATCHES", "REGEXP_LIKE(x, pattern) to test text, or "
                    + "REGEXP_REPLACE(x, pattern, replacement)"),
            Map.entry("REGEXP_SUBSTR", "REGEXP_REPLACE(x, '^.*?(pattern).*$', '\\1')"),
            Map.entry("ENDS_WITH", "x LIKE '%suffix'"));

    /** What to write instead of forms of functions Calcite has that it rejects (other argument types or counts). */
    private static final Map<String, String> FORMS = Map.ofEntries(
            Map.entry("TO_CHAR", "TO_CHAR(ts, 'YYYY-MM-DD') for dates and timestamps; for numbers CAST(x AS VARCHAR)"),
            Map.entry("MODE", "MODE(x), Calcite's form of MODE() WITHIN GROUP (ORDER BY x)"),
            Map.entry("PERCENTILE_CONT", "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x), with the fraction a literal "
                    + "between 0 and 1"),
            Map.entry("PERCENTILE_DISC", "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x), with the fraction a literal "
                    + "between 0 and 1"),
            Map.entry("FLOOR", "DATE_TRUNC('month', x) or FLOOR(x TO MONTH) on a DATE or TIMESTAMP; cast text first, "
                    + "e.g. DATE_TRUNC('month', CAST(x AS TIMESTAMP))"));

    private UnsupportedSql() {
    }

    /** 0A000 for a validator message about SQL Calcite cannot run here, or null for other validation errors. */
    static SQLException fromValidator(String message, String where, Throwable cause) {
        Matcher percentile = PERCENTILE_TYPE.matcher(message);
        if (percentile.find()) {
            return unsupported(percentile.group(2) + " cannot order " + percentile.group(1) + " values here" + where
                    + ": it takes numbers, dates and timestamps; for a text value at a position, number the rows "
                    + "with ROW_NUMBER() OVER (ORDER BY x) in a subquery and keep the row at CEIL(fraction * COUNT(*))",
                    cause);
        }
        Matcher noMatch = NO_MATCH.matcher(message);
        if (noMatch.find()) {
            String name = noMatch.group(1).toUpperCase(Locale.ROOT);
            String signature = message.substring(noMatch.start(1));
            return unsupported("Function " + signature + where + " is not available: " + advice(name), cause);
        }
        for (Pattern p : List.of(CANNOT_APPLY, ARGUMENT_COUNT)) {
            Matcher m = p.matcher(message);
            String name = m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
            String instead = FORMS.getOrDefault(name, INSTEAD.get(name));
            if (name.equals("FLOOR") && !message.contains("<INTERVAL")) {
                instead = null; // FLOOR of a number given text: a plain type error, not DATE_TRUNC's
            }
            if (instead != null) {
                return unsupported(message + where + ". Write instead: " + instead, cause);
            }
        }
        return null;
    }

    /**
     * 0A000 when Calcite's planner found no plan for a query, or its code generator has no implementation
     * for a function in the plan; null for anything else. A code generation failure counts only when
     * none of the driver's own code was involved.
     */
    static SQLException fromPlanner(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = c.getMessage() == null ? "" : c.getMessage();
            boolean noPlan = c instanceof RelOptPlanner.CannotPlanException;
            boolean noCode = c instanceof IllegalStateException && message.startsWith("Unable to implement ")
                    && !involvesDriverCode(c);
            if (noPlan || noCode) {
                Matcher f = PLAN_FUNCTION.matcher(message);
                String what = f.find() ? f.group(1) : "part of this query";
                return unsupported("Calcite cannot run " + what + " in this query (" + (noPlan ? "no plan" : "no "
                        + "implementation") + " for it in its engine): rewrite that part with the functions that "
                        + "work; " + DOCS, t);
            }
        }
        return null;
    }

    private static String advice(String name) {
        String instead = INSTEAD.get(name);
        List<String> libraries = librariesDefining(name);
        StringBuilder b = new StringBuilder();
        if (instead != null) {
            b.append("write ").append(instead).append(" instead");
        }
        if (!libraries.isEmpty()) {
            b.append(b.length() > 0 ? "; or " : "").append("Calcite's ").append(String.join(", ", libraries))
                    .append(" function library defines ").append(name).append(": if the fun connection property "
                            + "does not list it yet, name it there, e.g. fun=standard,").append(libraries.get(0))
                    .append(" (libraries that define a function differently cannot be combined; if it is listed, "
                            + "check the arguments' types)");
        }
        if (b.length() == 0) {
            b.append("check the name and the arguments' types; ").append(DOCS);
        }
        return b.toString();
    }

    /** The libraries the fun property can name that have a function called {@code name}. */
    private static List<String> librariesDefining(String name) {
        List<String> out = new ArrayList<>();
        for (SqlLibrary library : List.of(SqlLibrary.POSTGRESQL, SqlLibrary.BIG_QUERY, SqlLibrary.CALCITE,
                SqlLibrary.CLICKHOUSE, SqlLibrary.HIVE, SqlLibrary.MSSQL, SqlLibrary.MYSQL, SqlLibrary.ORACLE,
                SqlLibrary.REDSHIFT, SqlLibrary.SNOWFLAKE, SqlLibrary.SPARK)) {
            for (SqlOperator op : SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(List.of(library), false)
                    .getOperatorList()) {
                if (op.getName().equalsIgnoreCase(name)) {
                    out.add(library.fun);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether a frame of the driver's code ran between Calcite's implementRoot and the original failure. */
    private static boolean involvesDriverCode(Throwable failure) {
        String ours = "dev.reportsql.";
        String implementor = EnumerableRelImplementor.class.getName();
        for (Throwable s : failure.getSuppressed()) {
            for (Throwable c = s; c != null; c = c.getCause() == c ? null : c.getCause()) {
                for (StackTraceElement e : c.getStackTrace()) {
                    if (e.getClassName().equals(implementor)) {
                        break;
                    }
                    if (e.getClassName().startsWith(ours)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static SQLException unsupported(String message, Throwable cause) {
        return Errors.sql(SqlState.FEATURE_NOT_SUPPORTED, message, cause);
    }
}
