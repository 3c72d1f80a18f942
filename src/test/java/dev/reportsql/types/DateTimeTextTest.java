package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** DateTimeText agrees with java.time on random dates, timestamps and offsets. */
class DateTimeTextTest {
    private final Random random = new Random(20250101);

    @Test
    void datesAgreeWithJavaTime() {
        for (int i = 0; i < 200_000; i++) {
            int year = random.nextInt(10_000);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(31);
            String text = String.format("%04d-%02d-%02d", year, month, day);
            long expected;
            try {
                expected = LocalDate.of(year, month, day).toEpochDay() * DateTimeText.MILLIS_PER_DAY;
            } catch (DateTimeException e) {
                expected = DateTimeText.INVALID;
            }
            assertEquals(expected, millis(text), text);
            assertEquals(expected == DateTimeText.INVALID ? DateTimeText.NOT_TEMPORAL : DateTimeText.DATE,
                    DateTimeText.kind(text), text);
        }
    }

    @Test
    void timestampsAgreeWithJavaTime() {
        for (int i = 0; i < 200_000; i++) {
            LocalDateTime local = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1_000_000_000));
            StringBuilder text = new StringBuilder(local.toLocalDate().toString())
                    .append(random.nextBoolean() ? 'T' : ' ')
                    .append(String.format("%02d:%02d", local.getHour(), local.getMinute()));
            int form = random.nextInt(3); // no seconds, seconds, seconds with a fraction
            if (form == 0) {
                local = local.withSecond(0).withNano(0);
            } else {
                text.append(String.format(":%02d", local.getSecond()));
                if (form == 1) {
                    local = local.withNano(0);
                } else {
                    int digits = 1 + random.nextInt(9);
                    String nanos = String.format("%09d", local.getNano()).substring(0, digits);
                    text.append('.').append(nanos);
                    local = local.withNano(Integer.parseInt(nanos + "0".repeat(9 - digits)));
                }
            }
            ZoneOffset offset = ZoneOffset.UTC;
            int zone = random.nextInt(3); // none, Z, +-HH:mm
            if (zone == 1) {
                text.append('Z');
            } else if (zone == 2) {
                offset = ZoneOffset.ofHoursMinutes(random.nextInt(37) - 18, 0);
                int minutes = offset.getTotalSeconds() == 18 * 3600 || offset.getTotalSeconds() == -18 * 3600
                        ? 0 : random.nextInt(60);
                offset = ZoneOffset.ofTotalSeconds(offset.getTotalSeconds()
                        + (offset.getTotalSeconds() < 0 ? -minutes : minutes) * 60);
                int total = Math.abs(offset.getTotalSeconds()) / 60;
                text.append(offset.getTotalSeconds() < 0 ? '-' : '+')
                        .append(String.format("%02d:%02d", total / 60, total % 60));
            }
            long expected = local.toInstant(offset).toEpochMilli();
            assertEquals(expected, millis(text.toString()), text::toString);
            assertEquals(DateTimeText.TIMESTAMP, DateTimeText.kind(text.toString()), text::toString);
        }
    }

    @Test
    void readsFromTheMiddleOfABuffer() {
        char[] buffer = "xx\"2025-01-01T08:00:00\"yy".toCharArray();
        assertEquals(1735718400000L, DateTimeText.toEpochMillis(buffer, 3, 19));
    }

    private static long millis(String text) {
        return DateTimeText.toEpochMillis(text.toCharArray(), 0, text.length());
    }
}
