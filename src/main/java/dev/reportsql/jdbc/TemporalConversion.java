package dev.reportsql.jdbc;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;

import dev.reportsql.jdbc.ValueConversion.ColumnLabel;

/**
 * The temporal rows of the driver's conversion table ({@link ValueConversion}): DATE, TIME and
 * TIMESTAMP values and text that spells one, read as {@code java.sql} or {@code java.time} values.
 *
 * <p>As in JDBC table B-6, a DATE reads as a date or a timestamp (at midnight), a TIME as a time or a
 * timestamp (on 1970-01-01), a TIMESTAMP as any of the three. Text is read as ISO: {@code yyyy-MM-dd},
 * {@code HH:mm[:ss[.f]]}, or a date and a time joined by {@code T} or a space, optionally followed by
 * {@code Z} or an offset. A TIMESTAMP has no zone, so as {@link OffsetDateTime} it is read at UTC; text
 * with an offset is read, like the report values the driver turns into TIMESTAMP, as the UTC wall
 * clock of its instant, except as {@code OffsetDateTime}, which keeps the offset written.
 */
final class TemporalConversion {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TemporalConversion() {
    }

    static boolean handles(Class<?> type) {
        return type == Date.class || type == Time.class || type == Timestamp.class || type == LocalDate.class
                || type == LocalTime.class || type == LocalDateTime.class || type == OffsetDateTime.class;
    }

    /** {@code value} (not null) as one of the types {@link #handles} accepts. */
    static Object convert(Object value, Class<?> type, ColumnLabel label, int column) throws SQLException {
        Object v = reading(value);
        Object result = null;
        if (v == null) {
            result = null;
        } else if (type == Date.class || type == LocalDate.class) {
            LocalDate d = v instanceof LocalDate ld ? ld
                    : v instanceof LocalDateTime ldt ? ldt.toLocalDate()
                    : v instanceof OffsetDateTime odt ? utc(odt).toLocalDate() : null;
            result = d == null ? null : type == Date.class ? Date.valueOf(d) : d;
        } else if (type == Time.class || type == LocalTime.class) {
            LocalTime t = v instanceof LocalTime lt ? lt
                    : v instanceof LocalDateTime ldt ? ldt.toLocalTime()
                    : v instanceof OffsetDateTime odt ? utc(odt).toLocalTime() : null;
            result = t == null ? null : type == Time.class ? time(t) : t;
        } else {
            LocalDateTime t = v instanceof LocalDateTime ldt ? ldt
                    : v instanceof LocalDate ld ? ld.atStartOfDay()
                    : v instanceof LocalTime lt ? LocalDate.EPOCH.atTime(lt)
                    : v instanceof OffsetDateTime odt ? utc(odt) : null;
            if (type == OffsetDateTime.class) {
                result = v instanceof OffsetDateTime odt ? odt : t.atOffset(ZoneOffset.UTC);
            } else {
                result = type == Timestamp.class ? Timestamp.valueOf(t) : t;
            }
        }
        if (result == null) {
            throw value instanceof String
                    ? ValueConversion.cannotConvert(value, type, label, column)
                    : ValueConversion.notAllowed(value, type, label, column);
        }
        return result;
    }

    /** The value as a {@code java.time} value, or null when it is not temporal (or text spelling none). */
    private static Object reading(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Time t) {
            return localTime(t);
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
                || value instanceof OffsetDateTime) {
            return value;
        }
        return value instanceof String s ? parse(s.trim()) : null;
    }

    private static Object parse(String s) {
        try {
            int colon = s.indexOf(':');
            if (colon < 0) {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (s.indexOf('-') < 0 || s.indexOf('-') > colon) {
                return LocalTime.parse(s, DateTimeFormatter.ISO_LOCAL_TIME);
            }
            if (s.indexOf('t') >= 0 || s.indexOf('z') >= 0) {
                return null; // ISO's parser ignores case; timestamp text is upper case, as in type inference
            }
            String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            return DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** {@link Time#toLocalTime()} drops the milliseconds a TIME value may hold; this keeps them. */
    private static LocalTime localTime(Time t) {
        return t.toLocalTime().withNano((int) Math.floorMod(t.getTime(), 1000L) * 1_000_000);
    }

    private static Time time(LocalTime t) {
        return new Time(Time.valueOf(t).getTime() + t.getNano() / 1_000_000);
    }

    /** A wall-clock date placed in the calendar's zone (a getter with a {@code Calendar}); null stays null. */
    static Date date(LocalDate d, Calendar cal) {
        return d == null ? null : new Date(d.atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    static Time time(LocalTime t, Calendar cal) {
        return t == null ? null
                : new Time(LocalDate.EPOCH.atTime(t).atZone(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    static Timestamp timestamp(LocalDateTime t, Calendar cal) {
        return t == null ? null : Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
    }

    /** DATE {@code yyyy-MM-dd}, TIME {@code HH:mm:ss[.fff]}, TIMESTAMP {@code yyyy-MM-dd HH:mm:ss[.fff]}. */
    static String text(Object value) {
        Object v = reading(value);
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof LocalTime t) {
            return timeText(t);
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate() + " " + timeText(t.toLocalTime());
        }
        if (v instanceof OffsetDateTime t) {
            return t.toLocalDate() + " " + timeText(t.toLocalTime()) + t.getOffset().getId();
        }
        return String.valueOf(value);
    }

    /** Seconds always; the fraction only when there is one, in groups of three digits. */
    private static String timeText(LocalTime t) {
        String seconds = SECONDS.format(t);
        int nanos = t.getNano();
        if (nanos == 0) {
            return seconds;
        }
        String nine = Integer.toString(1_000_000_000 + nanos).substring(1);
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        return seconds + "." + nine.substring(0, digits);
    }
}
