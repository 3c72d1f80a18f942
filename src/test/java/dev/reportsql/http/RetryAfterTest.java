package dev.reportsql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

/** The one Retry-After reader both APIs use. */
class RetryAfterTest {
    private static final long NOW = ZonedDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();

    @Test
    void delaySeconds() {
        assertEquals(5000, RetryAfter.millis("5", NOW));
        assertEquals(0, RetryAfter.millis("0", NOW));
        assertEquals(120_000, RetryAfter.millis(" 120 ", NOW));
        assertEquals(1500, RetryAfter.millis("1.5", NOW), "a fraction, as some rate limiters send");
        assertEquals(1, RetryAfter.millis("0.0001", NOW), "rounded up: never earlier than asked");
        assertEquals(Long.MAX_VALUE, RetryAfter.millis("99999999999999999999", NOW), "longer than anyone waits");
    }

    @Test
    void httpDates() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(NOW), ZoneOffset.UTC).plusSeconds(10));
        assertEquals(10_000, RetryAfter.millis(inTenSeconds, NOW));
        assertEquals(0, RetryAfter.millis("Sun, 06 Dec 2026 11:00:00 GMT", NOW), "a date already past: go now");
        assertEquals(3_600_000, RetryAfter.millis("Sun, 06 Dec 2026 13:00:00 GMT", NOW));
    }

    @Test
    void absentOrUnreadable() {
        assertEquals(-1, RetryAfter.millis(null, NOW));
        assertEquals(-1, RetryAfter.millis("", NOW));
        assertEquals(-1, RetryAfter.millis("soon", NOW));
        assertEquals(-1, RetryAfter.millis("-5", NOW));
        assertEquals(-1, RetryAfter.millis("5 seconds", NOW));
        assertEquals(-1, RetryAfter.millis("2026-12-06T13:00:00Z", NOW), "not an HTTP date");
    }
}
