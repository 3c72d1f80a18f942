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
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Conversions for the values an in-memory {@link ListResultSet} holds (strings, numbers, booleans,
 * dates): the getter asks for a Java type and gets the value converted, or 22018 when the value has
 * no such reading, or 22003 when a number does not fit.
 */
final class ValueConversion {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ValueConversion() {
    }

    /** The class {@code getObject} returns for a JDBC type (JDBC 4.2 table B-3). */
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

    /** {@code value} as {@code type}; {@code null} stays {@code null}. */
    static <T> T convert(Object value, Class<T> type, String column) throws SQLException {
        if (value == null) {
            return null;
        }
        if (type == Object.class || type.isInstance(value)) {
            return type.cast(value);
        }
        Object result;
        if (type == String.class) {
            result = toText(value);
        } else if (type == Integer.class) {
            result = (int) toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, column, "INTEGER");
        } else if (type == Long.class) {
            result = toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, column, "BIGINT");
        } else if (type == Short.class) {
            result = (short) toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, column, "SMALLINT");
        } else if (type == Byte.class) {
            result = (byte) toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, column, "TINYINT");
        } else if (type == Double.class) {
            result = toBigDecimalOrDouble(value, column, true);
        } else if (type == Float.class) {
            result = ((Double) toBigDecimalOrDouble(value, column, true)).floatValue();
        } else if (type == BigDecimal.class) {
            result = toBigDecimalOrDouble(value, column, false);
        } else if (type == Boolean.class) {
            result = toBoolean(value, column);
        } else {
            result = toTemporal(value, type, column);
        }
        return type.cast(result);
    }

    private static String toText(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private static long toLong(Object value, long min, long max, String column, String sqlType) throws SQLException {
        long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else if (value instanceof Boolean b) {
            result = b ? 1 : 0;
        } else {
            BigDecimal d = (BigDecimal) toBigDecimalOrDouble(value, column, false);
            BigDecimal whole = new BigDecimal(d.toBigInteger());
            if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
                throw outOfRange(value, column, sqlType);
            }
            result = whole.longValueExact();
        }
        if (result < min || result > max) {
            throw outOfRange(value, column, sqlType);
        }
        return result;
    }

    /** A {@link Double} when {@code asDouble}, else a {@link BigDecimal}. */
    private static Object toBigDecimalOrDouble(Object value, String column, boolean asDouble) throws SQLException {
        if (value instanceof Number n) {
            if (asDouble) {
                return n.doubleValue();
            }
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof BigInteger i) {
                return new BigDecimal(i);
            }
            if (value instanceof Double || value instanceof Float) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw cannotConvert(value, column, "DECIMAL");
                }
                return BigDecimal.valueOf(d);
            }
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof Boolean b) {
            return asDouble ? (Object) (b ? 1.0 : 0.0) : (b ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (value instanceof String s) {
            try {
                return asDouble ? (Object) Double.parseDouble(s.trim()) : new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw cannotConvert(value, column, "a number");
            }
        }
        throw cannotConvert(value, column, "a number");
    }

    private static Boolean toBoolean(Object value, String column) throws SQLException {
        if (value instanceof Number) {
            return ((BigDecimal) toBigDecimalOrDouble(value, column, false)).signum() != 0;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "y":
                    return Boolean.TRUE;
                case "false", "0", "no", "n":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw cannotConvert(value, column, "BOOLEAN");
    }

    private static Object toTemporal(Object value, Class<?> type, String column) throws SQLException {
        try {
            if (type == Date.class || type == LocalDate.class) {
                LocalDate d = value instanceof Timestamp t ? t.toLocalDateTime().toLocalDate()
                        : value instanceof Date date ? date.toLocalDate()
                        : value instanceof LocalDate ld ? ld
                        : value instanceof LocalDateTime ldt ? ldt.toLocalDate()
                        : value instanceof String s ? LocalDate.parse(s.trim()) : null;
                if (d != null) {
                    return type == Date.class ? Date.valueOf(d) : d;
                }
            } else if (type == Timestamp.class || type == LocalDateTime.class) {
                LocalDateTime t = value instanceof Timestamp ts ? ts.toLocalDateTime()
                        : value instanceof Date d ? d.toLocalDate().atStartOfDay()
                        : value instanceof LocalDateTime ldt ? ldt
                        : value instanceof LocalDate ld ? ld.atStartOfDay()
                        : value instanceof String s ? LocalDateTime.parse(s.trim().replace(' ', 'T')) : null;
                if (t != null) {
                    return type == Timestamp.class ? Timestamp.valueOf(t) : t;
                }
            } else if (type == Time.class || type == LocalTime.class) {
                LocalTime t = value instanceof Time time ? time.toLocalTime()
                        : value instanceof Timestamp ts ? ts.toLocalDateTime().toLocalTime()
                        : value instanceof LocalTime lt ? lt
                        : value instanceof LocalDateTime ldt ? ldt.toLocalTime()
                        : value instanceof String s ? LocalTime.parse(s.trim()) : null;
                if (t != null) {
                    return type == Time.class ? Time.valueOf(t) : t;
                }
            }
        } catch (DateTimeParseException e) {
            throw cannotConvert(value, column, type.getSimpleName());
        }
        throw cannotConvert(value, column, type.getSimpleName());
    }

    static SQLException cannotConvert(Object value, String column, String target) {
        return Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "Column '" + column + "' holds "
                + describe(value) + ", which cannot be read as " + target);
    }

    private static SQLException outOfRange(Object value, String column, String sqlType) {
        return Errors.sql(SqlState.NUMERIC_OUT_OF_RANGE, "Column '" + column + "' holds " + describe(value)
                + ", which does not fit " + sqlType + "; read it with getLong or getBigDecimal");
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        return value.getClass().getSimpleName() + " '" + text + "'";
    }
}
