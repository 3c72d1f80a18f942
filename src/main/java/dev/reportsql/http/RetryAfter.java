package dev.reportsql.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header, for both APIs: delay-seconds ({@code 120}; a fraction such as
 * {@code 1.5} is accepted too, as some rate limiters send one) or an HTTP date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}), as RFC 9110 section 10.2.3 defines it.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait the header asks for, in milliseconds (0 for a date already past); -1 if absent or unreadable. */
    public static long millis(String header) {
        return millis(header, System.currentTimeMillis());
    }

    static long millis(String header, long nowMillis) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        String v = header.trim();
        if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '.')) {
            try {
                BigDecimal seconds = new BigDecimal(v);
                if (seconds.signum() < 0) {
                    return -1;
                }
                // A wait beyond a long of milliseconds is, for every caller, "longer than I will wait".
                return seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0 ? Long.MAX_VALUE
                        : seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return -1;
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, at.toInstant().toEpochMilli() - nowMillis);
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
