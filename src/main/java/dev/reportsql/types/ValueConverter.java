package dev.reportsql.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * The one conversion table from JSON values to the internal value of a column type. A value is
 * converted only when nothing is lost; otherwise the SQLException names the report, the column,
 * its type and the value: 22003 when a number does not fit, 22018 when the value is the wrong
 * kind, 22007 when date or timestamp text is not valid. See {@code docs/type-inference.md}.
 *
 * <p>{@link #toInternal} takes the raw values of {@link JsonRowStream#nextRaw()}. The package-private
 * {@code from*} methods take values already read from a token, so the streaming fast path applies
 * exactly the same rules without building raw values first.
 */
public final class ValueConverter {
    private static final int MAX_SHOWN = 80;
    private static final long MAX_EXACT_DOUBLE = 1L << 53;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ValueConverter() {
    }

    /**
     * Converts one raw JSON value to the column's internal value.
     *
     * @param raw a value as returned by {@link JsonRowStream#nextRaw()}: null, Long (or another
     *     integral boxed number), BigInteger, BigDecimal, String, Boolean or {@link RawJson}
     * @param column the target column
     * @param reportName the report, for messages
     * @return null for null, otherwise an instance of {@code column.type().internalClass()}
     * @throws SQLException 22003, 22018 or 22007 when the value cannot be converted without loss
     */
    public static Object toInternal(Object raw, ColumnDef column, String reportName) throws SQLException {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return fromLong(((Number) raw).longValue(), column, reportName, null);
        }
        if (raw instanceof String s) {
            return fromString(s, column, reportName);
        }
        if (raw instanceof JsonDecimal d) {
            return fromDecimal(d, d.text(), column, reportName, d.text());
        }
        if (raw instanceof BigDecimal d) {
            return fromDecimal(d, null, column, reportName, null);
        }
        if (raw instanceof BigInteger i) {
            return fromBigInteger(i, column, reportName, null);
        }
        if (raw instanceof Boolean b) {
            return fromBoolean(b, column, reportName);
        }
        if (raw instanceof RawJson json) {
            return fromNested(json.text(), column, reportName);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                throw loss(column, reportName, raw.toString());
            }
            return fromDecimal(new BigDecimal(raw.toString()), null, column, reportName, raw.toString());
        }
        throw wrongKind(column, reportName, raw.getClass().getName(), "a JSON value");
    }

    /** A JSON integer that fits in a long. {@code shown} is the value as written, or null for the number itself. */
    static Object fromLong(long v, ColumnDef c, String report, String shown) throws SQLException {
        switch (c.type()) {
            case BIGINT:
                return v;
            case DECIMAL:
                return decimal(BigDecimal.valueOf(v), c, report, shown);
            case DOUBLE:
                double d = v;
                // Beyond 2^53 not every long has a double; (long) 2^63 saturates, so exclude it.
                if (Math.abs(v) <= MAX_EXACT_DOUBLE || d != 0x1p63 && (long) d == v) {
                    return d;
                }
                throw loss(c, report, shown != null ? shown : Long.toString(v));
            case BOOLEAN:
                if (v == 0 || v == 1) {
                    return v == 1;
                }
                throw wrongKind(c, report, shown != null ? shown : Long.toString(v), "true, false, 0 or 1");
            case VARCHAR:
                return Long.toString(v);
            default:
                throw wrongKind(c, report, shown != null ? shown : Long.toString(v), "a date or timestamp string");
        }
    }

    /** A JSON integer of any size. */
    static Object fromBigInteger(BigInteger v, ColumnDef c, String report, String shown) throws SQLException {
        if (v.bitLength() < Long.SIZE) {
            return fromLong(v.longValue(), c, report, shown);
        }
        switch (c.type()) {
            case BIGINT:
                throw loss(c, report, shown != null ? shown : v.toString());
            case DOUBLE:
                double d = v.doubleValue();
                if (Double.isFinite(d) && new BigDecimal(d).compareTo(new BigDecimal(v)) == 0) {
                    return d;
                }
                throw loss(c, report, shown != null ? shown : v.toString());
            default:
                return fromDecimal(new BigDecimal(v), v.toString(), c, report, shown);
        }
    }

    /**
     * A JSON number with a fraction or exponent. {@code jsonText} is its exact text when known
     * (used for VARCHAR), else null.
     */
    static Object fromDecimal(BigDecimal v, String jsonText, ColumnDef c, String report, String shown)
            throws SQLException {
        switch (c.type()) {
            case BIGINT:
                Long exact = exactLong(v);
                if (exact != null) {
                    return exact;
                }
                throw loss(c, report, shown(shown, v));
            case DECIMAL:
                return decimal(v, c, report, shown);
            case DOUBLE:
                // From the text when known, like the streaming path: BigDecimal has no -0.0.
                double d = jsonText != null ? Double.parseDouble(jsonText) : v.doubleValue();
                if (Double.isFinite(d)) {
                    return d;
                }
                throw loss(c, report, shown(shown, v));
            case BOOLEAN:
                if (v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.ONE) == 0) {
                    return v.signum() != 0;
                }
                throw wrongKind(c, report, shown(shown, v), "true, false, 0 or 1");
            case VARCHAR:
                return jsonText != null ? jsonText : v.toString();
            default:
                throw wrongKind(c, report, shown(shown, v), "a date or timestamp string");
        }
    }

    /** A JSON string. */
    static Object fromString(String s, ColumnDef c, String report) throws SQLException {
        switch (c.type()) {
            case VARCHAR:
                return s;
            case BOOLEAN:
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return s.length() == 4;
                }
                throw wrongKind(c, report, quote(s), "true, false, 0 or 1");
            case DATE:
            case TIMESTAMP:
                return fromTemporal(s.toCharArray(), 0, s.length(), c, report);
            default:
                BigDecimal n = parseNumber(s);
                if (n == null) {
                    throw wrongKind(c, report, quote(s), "a number");
                }
                String shown = quote(s);
                boolean integer = s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0;
                if (integer && n.compareTo(LONG_MIN) >= 0 && n.compareTo(LONG_MAX) <= 0) {
                    return fromLong(n.longValue(), c, report, shown);
                }
                if (integer) {
                    return fromBigInteger(n.toBigInteger(), c, report, shown);
                }
                return fromDecimal(n, s, c, report, shown);
        }
    }

    /**
     * Date or timestamp text, for a DATE or TIMESTAMP column, read from {@code len} characters of
     * {@code chars} at {@code off} (a parser's buffer, so no String is made on success).
     */
    static Object fromTemporal(char[] chars, int off, int len, ColumnDef c, String report) throws SQLException {
        long millis = DateTimeText.toEpochMillis(chars, off, len);
        if (c.type() == ColumnType.TIMESTAMP) {
            if (millis == DateTimeText.INVALID) {
                throw badDateTime(c, report, chars, off, len, "is not a valid timestamp "
                        + "(expected yyyy-MM-dd HH:mm[:ss[.fff]] with an optional Z or +HH:mm offset, or yyyy-MM-dd)");
            }
            return millis;
        }
        if (c.type() != ColumnType.DATE) {
            throw new IllegalArgumentException("not a date/time column: " + c);
        }
        if (millis == DateTimeText.INVALID) {
            throw badDateTime(c, report, chars, off, len, "is not a valid date (expected yyyy-MM-dd)");
        }
        if (Math.floorMod(millis, DateTimeText.MILLIS_PER_DAY) != 0) {
            throw badDateTime(c, report, chars, off, len,
                    "has a time of day (a DATE column takes yyyy-MM-dd or a timestamp at midnight UTC)");
        }
        return (int) Math.floorDiv(millis, DateTimeText.MILLIS_PER_DAY);
    }

    /** A JSON true or false. */
    static Object fromBoolean(boolean b, ColumnDef c, String report) throws SQLException {
        switch (c.type()) {
            case BOOLEAN:
                return b;
            case VARCHAR:
                return b ? "true" : "false";
            default:
                throw wrongKind(c, report, Boolean.toString(b), c.type() == ColumnType.DATE
                        || c.type() == ColumnType.TIMESTAMP ? "a date or timestamp string" : "a number");
        }
    }

    /** A nested JSON object or array, as compact JSON text. */
    static Object fromNested(String json, ColumnDef c, String report) throws SQLException {
        if (c.type() == ColumnType.VARCHAR) {
            return json;
        }
        throw wrongKind(c, report, json, "a single value, not a nested object or array");
    }

    /** 22003: the value does not fit the column without loss. */
    static SQLException loss(ColumnDef c, String report, String shown) {
        return error(SqlState.NUMERIC_OUT_OF_RANGE, c, report, shown, "cannot be converted without loss");
    }

    /** 22018: the value is not of a kind the column's type accepts. */
    static SQLException wrongKind(ColumnDef c, String report, String shown, String expected) {
        return error(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, c, report, shown,
                "cannot be converted: expected " + expected);
    }

    /** The value as shown in messages: a string in double quotes, cut to 80 characters. */
    static String quote(String s) {
        return '"' + cut(s) + '"';
    }

    private static SQLException badDateTime(ColumnDef c, String report, char[] chars, int off, int len,
            String problem) {
        String text = new String(chars, off, Math.min(len, MAX_SHOWN + 1));
        return error(SqlState.INVALID_DATETIME_FORMAT, c, report, quote(text), problem);
    }

    private static SQLException error(SqlState state, ColumnDef c, String report, String shown, String problem) {
        return Errors.sql(state, "Report '" + report + "', column '" + c.name() + "' (" + c.typeLabel()
                + "): value " + cut(shown) + " " + problem);
    }

    private static String cut(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN - 3) + "...";
    }

    private static String shown(String shown, BigDecimal v) {
        return shown != null ? shown : v.toString();
    }

    /** DECIMAL(scale): exact, with exactly the column's scale; at most 38 significant digits. */
    private static BigDecimal decimal(BigDecimal v, ColumnDef c, String report, String shown) throws SQLException {
        int scale = c.scale();
        BigDecimal d = v;
        if (d.scale() > scale) {
            d = d.stripTrailingZeros(); // 87.30 fits scale 1: only significant digits count
            if (d.scale() > scale) {
                throw loss(c, report, shown(shown, v));
            }
        }
        // Checked before setScale so that 1e999999999 cannot make a gigantic BigInteger.
        if (d.signum() != 0 && d.precision() - d.scale() + scale > ColumnDef.MAX_DECIMAL_DIGITS) {
            throw loss(c, report, shown(shown, v));
        }
        if (d.scale() != scale) {
            return d.setScale(scale);
        }
        // A JsonDecimal (raw rows of a discovery probe) leaves as a plain BigDecimal, like streamed cells.
        return d.getClass() == BigDecimal.class ? d : new BigDecimal(d.unscaledValue(), scale);
    }

    /** The value as a long if it is a whole number within range (2.0 and 2e3 are), else null. */
    private static Long exactLong(BigDecimal v) {
        if (v.signum() == 0) {
            return 0L;
        }
        BigDecimal s = v.stripTrailingZeros();
        // The digit count check keeps compareTo cheap for absurd exponents.
        if (s.scale() > 0 || s.precision() - s.scale() > 19
                || s.compareTo(LONG_MIN) < 0 || s.compareTo(LONG_MAX) > 0) {
            return null;
        }
        return s.longValue();
    }

    /** A numeric string as a BigDecimal, or null if it is not one. */
    private static BigDecimal parseNumber(String s) {
        // Same length limit as Jackson's number tokens; '+', '.5' and blanks are not JSON numbers.
        if (s.isEmpty() || s.length() > 1000 || !(s.charAt(0) == '-' || isAsciiDigit(s.charAt(0)))) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            // BigDecimal also takes non-ASCII digits such as Arabic-Indic ones; JSON does not.
            if (!isAsciiDigit(ch) && ch != '-' && ch != '+' && ch != '.' && ch != 'e' && ch != 'E') {
                return null;
            }
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isAsciiDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
