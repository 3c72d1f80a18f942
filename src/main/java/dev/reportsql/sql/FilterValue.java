package dev.reportsql.sql;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * A value a query gives a filter: a constant known when the plan is built, or a {@code ?}
 * parameter read from the execution's DataContext. Filter values travel to the API as text.
 */
public sealed interface FilterValue {
    /** A literal from the SQL text. */
    record Constant(String text) implements FilterValue {
        /** As plans show it: quoted, or NULL. */
        @Override
        public String toString() {
            return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
        }
    }

    /** The {@code index}-th (0-based) {@code ?} of the statement; {@code type} is the type Calcite gave it. */
    record Param(int index, SqlTypeName type) implements FilterValue {
        /** As plans show it: the parameter's 1-based number, as JDBC counts them. */
        @Override
        public String toString() {
            return "?" + (index + 1);
        }
    }

    /**
     * The text the API receives for a value: strings as they are, numbers in plain notation, dates
     * as {@code yyyy-MM-dd}, timestamps as {@code yyyy-MM-ddTHH:mm:ss}. {@code type} says how to
     * read Calcite's internal forms (days, millis); it may be null. Returns null for SQL NULL.
     */
    static String text(Object value, SqlTypeName type) {
        if (value == null) {
            return null;
        }
        if (value instanceof NlsString s) {
            return s.getValue();
        }
        if (value instanceof DateString d) {
            return d.toString();
        }
        if (value instanceof TimestampString t) {
            return t.toString().replace(' ', 'T');
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime) {
            return value.toString();
        }
        if (value instanceof java.util.Calendar cal) { // RexLiteral.getValue() of DATE/TIMESTAMP literals, in UTC
            LocalDateTime t = LocalDateTime.ofInstant(cal.toInstant(), java.time.ZoneOffset.UTC);
            return type == SqlTypeName.DATE ? t.toLocalDate().toString() : t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (type == SqlTypeName.DATE && value instanceof Integer days) {
            return LocalDate.ofEpochDay(days).toString();
        }
        if (type == SqlTypeName.TIMESTAMP && value instanceof Long millis) {
            return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, DateTimeUtils.MILLIS_PER_SECOND),
                    (int) Math.floorMod(millis, DateTimeUtils.MILLIS_PER_SECOND) * 1_000_000,
                    java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
