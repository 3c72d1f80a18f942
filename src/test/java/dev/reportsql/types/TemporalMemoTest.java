package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The memo answers exactly what a fresh conversion would, whatever came before. */
class TemporalMemoTest {
    private static final ColumnDef DAY = ColumnDef.of("d", ColumnType.DATE, 0);
    private static final ColumnDef TS = ColumnDef.of("t", ColumnType.TIMESTAMP, 0);

    private static Object read(TemporalMemo memo, String text, ColumnDef c) throws SQLException {
        char[] buffer = ("##" + text + "##").toCharArray();
        return memo.read(buffer, 2, text.length(), c, "r");
    }

    @Test
    void repeatsAndChangesOfTextAndType() throws SQLException {
        TemporalMemo memo = new TemporalMemo();
        int day = (int) LocalDate.parse("2025-03-01").toEpochDay();
        assertEquals(day, read(memo, "2025-03-01", DAY));
        assertEquals(day, read(memo, "2025-03-01", DAY));
        assertEquals(day * 86_400_000L, read(memo, "2025-03-01", TS)); // same text, other type
        assertEquals(day + 1, read(memo, "2025-03-02", DAY));
        assertEquals(day * 86_400_000L + 3_600_000L, read(memo, "2025-03-01 01:00", TS)); // longer text
        assertEquals(day, read(memo, "2025-03-01", DAY)); // shorter again
        SQLException bad = assertThrows(SQLException.class, () -> read(memo, "2025-13-01", DAY));
        assertEquals("22007", bad.getSQLState());
        assertEquals(day, read(memo, "2025-03-01", DAY)); // a failure leaves the memo usable
    }
}
