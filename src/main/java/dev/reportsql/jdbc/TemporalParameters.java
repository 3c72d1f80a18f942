package dev.reportsql.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Date and time parameters where Calcite expects DATE, TIME or TIMESTAMP. Calcite's generated code
 * reads such a parameter in its internal form (DATE: days since 1970-01-01, TIME: milliseconds of
 * the day, TIMESTAMP: milliseconds since 1970 of the wall-clock value read as UTC) and fails on a
 * {@code java.time} value with a ClassCastException. Avatica's own conversion of {@code java.sql}
 * values goes through the JVM's time zone, which shifts TIME values and times in a daylight-saving
 * gap, and it rejects {@code setObject(i, date, Types.DATE)}. So every date or time value is turned
 * into its calendar fields first and bound in the internal form: the query sees the same date and
 * wall-clock time whatever the JVM's time zone.
 */
final class TemporalParameters {
    private TemporalParameters() {
    }

    /**
     * Binds {@code value} at {@code index} in Calcite's internal form when {@code type} (the
     * parameter's JDBC type) is DATE, TIME or TIMESTAMP and the value is a date or time; returns
     * false (binding nothing) otherwise.
     */
    static boolean bind(PreparedStatement target, int index, int type, Object value) throws SQLException {
        if (type != Types.DATE && type != Types.TIME && type != Types.TIMESTAMP) {
            return false;
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof OffsetTime) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Parameter " + index + " is a " + name(type)
                    + " without time zone, but a " + value.getClass().getSimpleName() + " was given; pass a "
                    + "LocalDate, LocalTime or LocalDateTime in the zone you mean, e.g. value.atZoneSameInstant("
                    + "ZoneId.of(\"Europe/Istanbul\")).toLocalDateTime()");
        }
        LocalDateTime dateTime = wallClock(value);
        if (dateTime == null) {
            return false;
        }
        if (type == Types.DATE) {
            target.setInt(index, (int) dateTime.toLocalDate().toEpochDay());
        } else if (type == Types.TIME) {
            target.setInt(index, (int) (dateTime.toLocalTime().toNanoOfDay() / 1_000_000));
        } else {
            target.setLong(index, dateTime.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        return true;
    }

    /**
     * The calendar fields of a {@code java.sql} date or time value as the given calendar's zone
     * sees them (the meaning JDBC gives to {@code setDate(i, x, cal)} and the like).
     */
    static Object inZone(java.util.Date value, Calendar cal) {
        if (value == null || cal == null) {
            return value;
        }
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(value.getTime()), cal.getTimeZone().toZoneId());
        if (value instanceof java.sql.Timestamp ts) {
            return t.withNano(ts.getNanos());
        }
        return value instanceof java.sql.Time ? t.toLocalTime() : t.toLocalDate();
    }

    /** A date is midnight; a time is on 1970-01-01; null for anything that is not a date or time. */
    private static LocalDateTime wallClock(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof LocalTime t) {
            return t.atDate(LocalDate.EPOCH);
        }
        // The JVM's zone reads java.sql values, as JDBC specifies for setters without a Calendar.
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime().atDate(LocalDate.EPOCH);
        }
        return null;
    }

    private static String name(int type) {
        return type == Types.DATE ? "DATE" : type == Types.TIME ? "TIME" : "TIMESTAMP";
    }
}
