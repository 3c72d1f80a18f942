package dev.reportsql.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Locale;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * The driver's one conversion table for JDBC getters (JDBC 4.3 table B-6; {@code getObject(int, Class)}
 * follows the getter of the same type), used by both result sets: the query's
 * ({@link ReportSqlResultSet}, which converts the column's natural value) and the metadata's
 * ({@link ListResultSet}). The value's class says its SQL type (table B-3), so the table is decided
 * by the value alone: users read it in docs/jdbc-getters.md.
 *
 * <p>Numbers, booleans and text convert to each other: text is trimmed, a fraction is cut toward
 * zero for the integer getters (as pgjdbc and Avatica do), and a REAL reads as the decimal it prints
 * as ({@code 4.67f} is {@code 4.67}, not {@code 4.670000076293945}). Temporal values and text convert
 * to each other ({@link TemporalConversion}), never to or from numbers. A value with no such reading,
 * or a pair B-6 leaves blank, fails with 22018; a number that does not fit the getter's type with
 * 22003. Both messages name the column and the value.
 */
final class ValueConversion {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** How much of a value a message shows. */
    private static final int SHOWN = 80;

    /** The label of a column, asked only when a conversion fails (reading it may cost a lookup). */
    @FunctionalInterface
    interface ColumnLabel {
        String of(int column) throws SQLException;
    }

    private ValueConversion() {
    }

    /** The class {@code getObject} returns for a JDBC type (JDBC 4.3 table B-3). */
    static Class<?> javaClass(int jdbcType) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> String.class;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.class;
            case Types.BIGINT -> Long.class;
            case Types.DECIMAL, Types.NUMERIC -> BigDecimal.class;
            case Types.REAL -> Float.class;
            case Types.FLOAT, Types.DOUBLE -> Double.class;
            case Types.BOOLEAN, Types.BIT -> Boolean.class;
            case Types.DATE -> Date.class;
            case Types.TIME -> Time.class;
            case Types.TIMESTAMP -> Timestamp.class;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> byte[].class;
            default -> Object.class;
        };
    }

    /** {@code value} as {@code type}; {@code null} stays {@code null} (the getter then answers 0/false/null). */
    static <T> T convert(Object value, Class<T> type, ColumnLabel label, int column) throws SQLException {
        if (value == null) {
            return null;
        }
        if (type == Object.class || type.isInstance(value)) {
            return type.cast(value);
        }
        Object result;
        if (type == String.class) {
            result = text(value);
        } else if (type == Long.class) {
            result = toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, type, label, column);
        } else if (type == Integer.class) {
            result = (int) toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type, label, column);
        } else if (type == Short.class) {
            result = (short) toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, type, label, column);
        } else if (type == Byte.class) {
            result = (byte) toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, type, label, column);
        } else if (type == Double.class) {
            result = toDouble(value, type, label, column);
        } else if (type == Float.class) {
            result = toFloat(value, label, column);
        } else if (type == BigDecimal.class) {
            result = toBigDecimal(value, type, label, column);
        } else if (type == Boolean.class) {
            result = toBoolean(value, label, column);
        } else if (TemporalConversion.handles(type)) {
            result = TemporalConversion.convert(value, type, label, column);
        } else {
            throw Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "Column '" + label.of(column)
                    + "' cannot be read as " + type.getName() + "; the driver converts to String, the number"
                    + " classes, Boolean, java.sql.Date/Time/Timestamp and LocalDate/LocalTime/LocalDateTime/"
                    + "OffsetDateTime (docs/jdbc-getters.md)");
        }
        return type.cast(result);
    }

    /**
     * The text of a value as {@code getString} gives it: DECIMAL with its scale and without exponent,
     * DATE {@code yyyy-MM-dd}, TIME {@code HH:mm:ss[.fff]}, TIMESTAMP {@code yyyy-MM-dd HH:mm:ss[.fff]},
     * BOOLEAN {@code true}/{@code false}, BINARY as hex digits.
     */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Timestamp || value instanceof Time || value instanceof Date || value instanceof Temporal) {
            return TemporalConversion.text(value);
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes); // as Avatica prints BINARY: hex digits
        }
        return value.toString();
    }

    private static boolean integral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static long toLong(Object value, long min, long max, Class<?> type, ColumnLabel label, int column)
            throws SQLException {
        long result;
        if (integral(value)) {
            result = ((Number) value).longValue();
        } else if (value instanceof Boolean b) {
            result = b ? 1 : 0;
        } else {
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isInfinite(d)) {
                    throw outOfRange(value, type, label, column);
                }
            }
            BigDecimal whole = new BigDecimal(toBigDecimal(value, type, label, column).toBigInteger());
            if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
                throw outOfRange(value, type, label, column);
            }
            result = whole.longValueExact();
        }
        if (result < min || result > max) {
            throw outOfRange(value, type, label, column);
        }
        return result;
    }

    private static double toDouble(Object value, Class<?> type, ColumnLabel label, int column) throws SQLException {
        if (value instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            switch (s.trim()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity", "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        // BigDecimal's grammar, not Double's: "1d" and "0x1p3" are not numbers here
        double d = toBigDecimal(value, type, label, column).doubleValue();
        if (Double.isInfinite(d)) {
            throw outOfRange(value, type, label, column);
        }
        return d;
    }

    private static float toFloat(Object value, ColumnLabel label, int column) throws SQLException {
        double d = toDouble(value, Float.class, label, column);
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw outOfRange(value, Float.class, label, column);
        }
        return f;
    }

    private static BigDecimal toBigDecimal(Object value, Class<?> type, ColumnLabel label, int column)
            throws SQLException {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (integral(value)) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannotConvert(value, type, label, column);
            }
            return value instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d);
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw cannotConvert(value, type, label, column);
            }
        }
        throw notAllowed(value, type, label, column);
    }

    /** Numbers: 0 is false, any other is true. Text: pgjdbc's words, trimmed, in any case. */
    private static boolean toBoolean(Object value, ColumnLabel label, int column) throws SQLException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                throw cannotConvert(value, Boolean.class, label, column);
            }
            return d != 0;
        }
        if (value instanceof Number) {
            return toBigDecimal(value, Boolean.class, label, column).signum() != 0;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "on", "1":
                    return true;
                case "false", "f", "no", "n", "off", "0":
                    return false;
                default:
                    throw cannotConvert(value, Boolean.class, label, column);
            }
        }
        throw notAllowed(value, Boolean.class, label, column);
    }

    /** 22018 for a value of a convertible kind that does not hold a value of the target's type. */
    static SQLException cannotConvert(Object value, Class<?> type, ColumnLabel label, int column)
            throws SQLException {
        return Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "Column '" + label.of(column) + "' holds "
                + describe(value) + ", which cannot be read as " + sqlName(type) + "; read it with "
                + naturalGetter(value) + ", or CAST it in the SQL");
    }

    /** 22018 for a pair of kinds that JDBC table B-6 does not convert at all (a DATE as a number). */
    static SQLException notAllowed(Object value, Class<?> type, ColumnLabel label, int column) throws SQLException {
        return Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "Column '" + label.of(column) + "' holds "
                + describe(value) + ", and JDBC does not read " + kind(value).replace("the ", "") + " as " + sqlName(type)
                + "; read it with " + naturalGetter(value) + ", or CAST it in the SQL");
    }

    private static SQLException outOfRange(Object value, Class<?> type, ColumnLabel label, int column)
            throws SQLException {
        return Errors.sql(SqlState.NUMERIC_OUT_OF_RANGE, "Column '" + label.of(column) + "' holds "
                + describe(value) + ", which does not fit " + sqlName(type) + "; read it with getLong, getDouble"
                + " or getBigDecimal");
    }

    /** The SQL type a getter's class reads, for messages. */
    static String sqlName(Class<?> type) {
        return type == Long.class ? "BIGINT"
                : type == Integer.class ? "INTEGER"
                : type == Short.class ? "SMALLINT"
                : type == Byte.class ? "TINYINT"
                : type == Double.class ? "DOUBLE"
                : type == Float.class ? "REAL"
                : type == BigDecimal.class ? "DECIMAL"
                : type == Boolean.class ? "BOOLEAN"
                : type == Date.class || type == LocalDate.class ? "DATE"
                : type == Time.class || type == LocalTime.class ? "TIME"
                : type == Timestamp.class || type == LocalDateTime.class ? "TIMESTAMP"
                : type == OffsetDateTime.class ? "TIMESTAMP WITH TIME ZONE"
                : type.getSimpleName();
    }

    /** The value's kind in SQL words and its text, cut to {@value #SHOWN} characters. */
    private static String describe(Object value) {
        String text = text(value);
        if (text.length() > SHOWN) {
            text = text.substring(0, SHOWN) + "...";
        }
        return kind(value) + " '" + text + "'";
    }

    private static String kind(Object value) {
        return value instanceof String ? "the text"
                : value instanceof Long ? "the BIGINT"
                : value instanceof Integer ? "the INTEGER"
                : value instanceof Short ? "the SMALLINT"
                : value instanceof Byte ? "the TINYINT"
                : value instanceof BigDecimal || value instanceof BigInteger ? "the DECIMAL"
                : value instanceof Double ? "the DOUBLE"
                : value instanceof Float ? "the REAL"
                : value instanceof Boolean ? "the BOOLEAN"
                : value instanceof Timestamp || value instanceof LocalDateTime ? "the TIMESTAMP"
                : value instanceof Date || value instanceof LocalDate ? "the DATE"
                : value instanceof Time || value instanceof LocalTime ? "the TIME"
                : value instanceof OffsetDateTime ? "the TIMESTAMP WITH TIME ZONE"
                : "a value";
    }

    private static String naturalGetter(Object value) {
        return value instanceof Timestamp || value instanceof LocalDateTime ? "getTimestamp"
                : value instanceof Date || value instanceof LocalDate ? "getDate"
                : value instanceof Time || value instanceof LocalTime ? "getTime"
                : value instanceof Boolean ? "getBoolean"
                : value instanceof Number ? "getBigDecimal"
                : "getString";
    }
}
