package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Many rows streamed from a body generated on the fly, and what a cell costs in allocation. */
class JsonRowStreamVolumeTest {
    private static final int ROWS = 200_000;

    @Test
    void streamsManyRowsWithoutHoldingThem() throws SQLException {
        RowLayout layout = new RowLayout("Volume", List.of(
                ColumnDef.of("id", ColumnType.BIGINT, 0),
                ColumnDef.of("qty", ColumnType.DECIMAL, 2),
                ColumnDef.of("rate", ColumnType.DOUBLE, 0),
                ColumnDef.of("day", ColumnType.DATE, 0),
                ColumnDef.of("at", ColumnType.TIMESTAMP, 0),
                ColumnDef.of("ok", ColumnType.BOOLEAN, 0),
                ColumnDef.of("name", ColumnType.VARCHAR, 0)));
        long ids = 0;
        long qtyCents = 0;
        double rates = 0;
        long days = 0;
        long seconds = 0;
        long oks = 0;
        long nameChars = 0;
        try (JsonRowStream s = Json.stream(new GeneratedBody(ROWS))) {
            for (Object[] row = s.next(layout); row != null; row = s.next(layout)) {
                ids += (Long) row[0];
                qtyCents += ((BigDecimal) row[1]).unscaledValue().longValueExact();
                rates += (Double) row[2];
                days += (Integer) row[3];
                seconds += (Long) row[4] / 1000;
                oks += (Boolean) row[5] ? 1 : 0;
                nameChars += ((String) row[6]).length();
            }
            assertEquals(ROWS, s.rowsRead());
            assertNull(s.next(layout));
            assertEquals(List.of(), List.copyOf(s.unknownKeys()));
        }
        long expectedIds = 0;
        long expectedCents = 0;
        double expectedRates = 0;
        long expectedDays = 0;
        long expectedSeconds = 0;
        long expectedNameChars = 0;
        for (int i = 0; i < ROWS; i++) {
            expectedIds += i;
            expectedCents += (i % 1000) * 125L;
            expectedRates += (i % 7) * 0.5;
            expectedDays += i % 20_000;
            expectedSeconds += i * 37L;
            expectedNameChars += ("row-" + i).length();
        }
        assertEquals(expectedIds, ids);
        assertEquals(expectedCents, qtyCents);
        assertEquals(expectedRates, rates);
        assertEquals(expectedDays, days);
        assertEquals(expectedSeconds, seconds);
        assertEquals(ROWS / 2, oks);
        assertEquals(expectedNameChars, nameChars);
    }

    /** The DOUBLE fast path rounds exactly like Double.parseDouble, whatever the digits. */
    @Test
    void doublesParseExactlyLikeTheJdk() throws SQLException {
        Random random = new Random(53);
        StringBuilder json = new StringBuilder("[");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            // Fractions and exponents only (JSON integers take the exact long path), all within double range.
            String text = switch (i % 4) {
                case 0 -> Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
                case 1 -> (random.nextInt(2000) - 1000) + "." + Math.abs(random.nextLong());
                case 2 -> "1." + Math.abs(random.nextLong()) + "e" + (random.nextInt(600) - 300);
                default -> BigDecimal.valueOf(random.nextLong(), 1 + random.nextInt(25)).toString();
            };
            texts.add(text.replace("E", random.nextBoolean() ? "e" : "E"));
            json.append(i == 0 ? "" : ",").append("{\"d\":").append(texts.get(i)).append('}');
        }
        RowLayout layout = new RowLayout("D", List.of(ColumnDef.of("d", ColumnType.DOUBLE, 0)));
        try (JsonRowStream s = Json.stream(json.append(']').toString())) {
            for (String text : texts) {
                assertEquals(Double.parseDouble(text), (Double) s.next(layout)[0], text);
            }
            assertNull(s.next(layout));
        }
    }

    /**
     * Sanity check, not a benchmark: for numeric, boolean, date and timestamp columns a cell costs
     * at most its box. Values are chosen so Long/Integer boxes come from the JDK's cache; a String
     * per cell (40+ bytes) would push every layout over the limit.
     */
    @Test
    void numericAndDateCellsAllocateNoStrings() throws SQLException {
        com.sun.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean()
                instanceof com.sun.management.ThreadMXBean t ? t : null;
        assumeTrue(threads != null && threads.isThreadAllocatedMemorySupported(),
                "this JVM cannot measure per-thread allocation");
        threads.setThreadAllocatedMemoryEnabled(true);
        int rows = 20_000;
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "" : ",").append(String.format(
                    "{\"id\":%d,\"rate\":%d.25,\"day\":\"1970-01-%02d\",\"at\":\"1970-01-01T00:00:00.%03d\","
                            + "\"ok\":%b,\"name\":\"row %d\"}", i % 100, i % 9, 1 + i % 28, i % 100, i % 2 == 0, i));
        }
        byte[] body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        for (String key : List.of("id", "rate", "day", "at", "ok")) {
            ColumnType type = switch (key) {
                case "id" -> ColumnType.BIGINT;
                case "rate" -> ColumnType.DOUBLE;
                case "day" -> ColumnType.DATE;
                case "at" -> ColumnType.TIMESTAMP;
                default -> ColumnType.BOOLEAN;
            };
            RowLayout layout = new RowLayout("Alloc", List.of(ColumnDef.of(key, type, 0)));
            long perRow = 0;
            for (int round = 0; round < 5; round++) { // the last rounds run compiled code
                long before = threads.getCurrentThreadAllocatedBytes();
                scan(body, layout);
                perRow = (threads.getCurrentThreadAllocatedBytes() - before) / rows;
            }
            // Object[1] (16-24 bytes) plus a Double box (16-24) at most.
            assertTrue(perRow < 64, key + " (" + type + ") allocated " + perRow + " bytes per row");
        }
    }

    private static void scan(byte[] body, RowLayout layout) throws SQLException {
        try (JsonRowStream s = new JsonRowStream(Json.FACTORY.createParser(body), "Alloc")) {
            while (s.next(layout) != null) {
                // only the allocation counts
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A JSON array of generated rows, produced as it is read, so the test holds no whole body. */
    private static final class GeneratedBody extends InputStream {
        private final int rows;
        private int next;
        private byte[] chunk = "[".getBytes(StandardCharsets.US_ASCII);
        private int pos;

        GeneratedBody(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean refill() {
            if (next > rows) {
                return false;
            }
            String text;
            if (next == rows) {
                text = "]";
            } else {
                int i = next;
                text = (i == 0 ? "" : ",") + "{\"id\":" + i
                        + ",\"qty\":" + BigDecimal.valueOf((i % 1000) * 125L, 2)
                        + ",\"rate\":" + (i % 7) * 0.5
                        + ",\"day\":\"" + LocalDate.ofEpochDay(i % 20_000) + "\""
                        + ",\"at\":\"" + LocalDateTime.ofEpochSecond(i * 37L, 0, ZoneOffset.UTC) + "\""
                        + ",\"ok\":" + (i % 2 == 0)
                        + ",\"name\":\"row-" + i + "\"}";
            }
            next++;
            chunk = text.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }
}
