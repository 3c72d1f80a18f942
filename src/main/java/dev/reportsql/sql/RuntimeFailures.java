package dev.reportsql.sql;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.runtime.SqlFunctions;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * SQL errors raised while a query runs, inside Calcite's generated code and runtime functions,
 * which reach us as plain Java exceptions: division by zero, a text that is not a number or not a
 * date, a scalar subquery with several rows. Each is matched on what Calcite's code actually throws
 * (exception type, the code that threw it, and its message), never on the type alone, so a bug of
 * ours that happens to throw the same type is still reported as HY000.
 */
final class RuntimeFailures {
    private static final Pattern INPUT_STRING = Pattern.compile("For input string: \"(.*)\"");
    private static final String NUMERIC_HINT =
            "convert only numeric text, e.g. CASE WHEN col SIMILAR TO '[0-9]+' THEN CAST(col AS INTEGER) END";
    private static final Pattern INTEGER_TEXT = Pattern.compile("\\s*[+-]?\\d+\\s*");
    /** Packages whose code raises SQL runtime errors; taken from classes so that they survive shading. */
    private static final String[] CALCITE_RUNTIME = {
        SqlFunctions.class.getPackageName(), Primitive.class.getPackageName(), DateTimeUtils.class.getPackageName()};

    private RuntimeFailures() {
    }

    /** The SQLException for a runtime SQL error somewhere in {@code t}'s cause chain, or null. */
    static SQLException classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            SQLException e = classifyOne(c, t);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static SQLException classifyOne(Throwable c, Throwable whole) {
        String message = c.getMessage() == null ? "" : c.getMessage();
        if (c instanceof ArithmeticException && isDivisionByZero(message) && raisedByCalcite(c)) {
            return Errors.sql(SqlState.DIVISION_BY_ZERO, "Division by zero: a divisor in the query is 0 for at least "
                    + "one row; guard it, e.g. x / NULLIF(divisor, 0) gives NULL instead", whole);
        }
        if (c instanceof ArithmeticException && isOverflow(message) && raisedByCalcite(c)) {
            return Errors.sql(SqlState.NUMERIC_OUT_OF_RANGE, "Numeric overflow: the result of an arithmetic operation "
                    + "does not fit its type (" + message + "); compute in DECIMAL, e.g. CAST(x AS DECIMAL(38, 0)) * 10000",
                    whole);
        }
        if (c instanceof NumberFormatException && raisedByCalcite(c)) {
            return notANumber(message, whole);
        }
        if (c instanceof IllegalArgumentException && raisedBy(c, DateTimeUtils.class.getName())
                || c instanceof DateTimeException && raisedByCalcite(c)) {
            return Errors.sql(SqlState.INVALID_DATETIME_FORMAT, "Invalid date or time: " + message
                    + "; write dates as 'YYYY-MM-DD' and timestamps as 'YYYY-MM-DD HH:MM:SS', with days that exist "
                    + "in that month", whole);
        }
        if (c instanceof CalciteException && message.startsWith("Invalid character for cast")) {
            return Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, message
                    + "; a BOOLEAN cast accepts only 'TRUE' or 'FALSE' (in any case)", whole);
        }
        if (c instanceof IllegalStateException && message.contains("more than one value in agg SINGLE_VALUE")) {
            return Errors.sql(SqlState.CARDINALITY_VIOLATION, "A scalar subquery returned more than one row; "
                    + "make it return at most one, e.g. with a narrower WHERE, an aggregate such as MAX, or LIMIT 1", whole);
        }
        return null;
    }

    private static boolean isDivisionByZero(String message) {
        // "/ by zero" (int and long), "Division by zero" and "Division undefined" (0/0) from BigDecimal
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("by zero") || m.equals("division undefined");
    }

    /** Math.*Exact ("long overflow", "integer overflow") and Calcite's checked decimal casts ("... overflow ..."). */
    private static boolean isOverflow(String message) {
        return message.toLowerCase(Locale.ROOT).contains("overflow");
    }

    private static SQLException notANumber(String message, Throwable whole) {
        Matcher m = INPUT_STRING.matcher(message);
        if (!m.find()) { // BigDecimal's message names the bad character, not the value
            return Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "A text value cannot be converted to a number ("
                    + message + "); " + NUMERIC_HINT, whole);
        }
        String value = m.group(1);
        if (INTEGER_TEXT.matcher(value).matches()) {
            return Errors.sql(SqlState.NUMERIC_OUT_OF_RANGE, "The number '" + value + "' is out of range for its "
                    + "integer type; cast to BIGINT or DECIMAL instead", whole);
        }
        return Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "Cannot convert '" + value + "' to a number; "
                + NUMERIC_HINT, whole);
    }

    /** The first frame outside the JDK is Calcite's runtime or code Calcite generated (no package). */
    private static boolean raisedByCalcite(Throwable t) {
        String cls = firstNonJdkFrame(t);
        if (cls == null) {
            return false;
        }
        if (cls.indexOf('.') < 0) {
            return true;
        }
        for (String p : CALCITE_RUNTIME) {
            if (cls.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean raisedBy(Throwable t, String className) {
        return className.equals(firstNonJdkFrame(t));
    }

    private static String firstNonJdkFrame(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String cls = f.getClassName();
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.")) {
                return cls;
            }
        }
        return null;
    }
}
