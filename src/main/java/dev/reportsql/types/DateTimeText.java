package dev.reportsql.types;

/**
 * Reads ISO-8601 date and timestamp text straight from characters into epoch values, without
 * java.time objects or Strings: this runs once per DATE/TIMESTAMP cell on the scan's hot path.
 *
 * <p>Accepted forms: {@code yyyy-MM-dd} (a date) and {@code yyyy-MM-dd[T| ]HH:mm[:ss[.f]]} (a
 * timestamp) where {@code f} is 1 to 9 digits, optionally followed by {@code Z} or an offset
 * {@code ±HH:mm}. Calendar fields are checked (no February 30th, no hour 24, no leap second).
 */
final class DateTimeText {
    /** Returned by {@link #toEpochMillis} for text that is neither a valid date nor timestamp. */
    static final long INVALID = Long.MIN_VALUE;
    /** {@link #kind}: text that is not a valid date or timestamp. */
    static final int NOT_TEMPORAL = 0;
    /** {@link #kind}: a valid {@code yyyy-MM-dd} date. */
    static final int DATE = 1;
    /** {@link #kind}: a valid timestamp. */
    static final int TIMESTAMP = 2;

    static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int DATE_LENGTH = 10;
    private static final int SHORTEST_TIMESTAMP = 16; // yyyy-MM-ddTHH:mm
    private static final int LONGEST_TIMESTAMP = 35; // yyyy-MM-ddTHH:mm:ss.fffffffff+HH:mm
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private DateTimeText() {
    }

    /** Whether the text is a date, a timestamp, or neither. */
    static int kind(String s) {
        int len = s.length();
        if (len < DATE_LENGTH || len > LONGEST_TIMESTAMP || s.charAt(4) != '-') {
            return NOT_TEMPORAL; // cheap rejection before copying the characters
        }
        return kind(s.toCharArray(), 0, len);
    }

    /** Whether {@code len} characters of {@code c} from {@code off} are a date, a timestamp, or neither. */
    static int kind(char[] c, int off, int len) {
        if (toEpochMillis(c, off, len) == INVALID) {
            return NOT_TEMPORAL;
        }
        return len == DATE_LENGTH ? DATE : TIMESTAMP;
    }

    /**
     * Milliseconds since 1970-01-01T00:00 of the value: the wall clock read as UTC, or, when an
     * offset or {@code Z} is given, the UTC wall clock of that instant. A date is its midnight.
     * Sub-millisecond digits are dropped. {@link #INVALID} if the text is not a date or timestamp.
     */
    static long toEpochMillis(char[] c, int off, int len) {
        if (len < DATE_LENGTH || len > LONGEST_TIMESTAMP || c[off + 4] != '-' || c[off + 7] != '-') {
            return INVALID;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        long millis = epochDay(year, month, day) * MILLIS_PER_DAY;
        if (len == DATE_LENGTH) {
            return millis;
        }
        char sep = c[off + 10];
        if (len < SHORTEST_TIMESTAMP || sep != 'T' && sep != ' ' || c[off + 13] != ':') {
            return INVALID;
        }
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return INVALID;
        }
        int second = 0;
        int milli = 0;
        int p = off + 16;
        int end = off + len;
        if (p < end && c[p] == ':') {
            second = p + 3 <= end ? digits(c, p + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return INVALID;
            }
            p += 3;
            if (p < end && c[p] == '.') {
                int start = ++p;
                while (p < end && c[p] >= '0' && c[p] <= '9') {
                    if (p - start < 3) {
                        milli = milli * 10 + (c[p] - '0');
                    }
                    p++;
                }
                int fractionDigits = p - start;
                if (fractionDigits == 0 || fractionDigits > 9) {
                    return INVALID;
                }
                for (int i = fractionDigits; i < 3; i++) {
                    milli *= 10; // ".5" is 500 ms
                }
            }
        }
        millis += ((hour * 60L + minute) * 60L + second) * 1000L + milli;
        if (p == end) {
            return millis;
        }
        if (c[p] == 'Z' && p + 1 == end) {
            return millis;
        }
        if ((c[p] == '+' || c[p] == '-') && p + 6 == end && c[p + 3] == ':') {
            int offsetHours = digits(c, p + 1, 2);
            int offsetMinutes = digits(c, p + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                return INVALID;
            }
            long offsetMillis = (offsetHours * 60L + offsetMinutes) * 60_000L;
            // 10:00+02:00 is 08:00 UTC: subtract a positive offset.
            return c[p] == '+' ? millis - offsetMillis : millis + offsetMillis;
        }
        return INVALID;
    }

    /** Days from 1970-01-01 to the given valid date of year 0 or later (proleptic Gregorian). */
    static long epochDay(int year, int month, int day) {
        // Same arithmetic as java.time.LocalDate.toEpochDay, for non-negative years.
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The non-negative number written by {@code n} ASCII digits at {@code off}, or -1 if any is not a digit. */
    private static int digits(char[] c, int off, int n) {
        int v = 0;
        for (int i = off; i < off + n; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
