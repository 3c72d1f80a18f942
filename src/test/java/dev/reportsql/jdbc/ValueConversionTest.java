package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The edges of the conversion table that the front-door matrix (GetterMatrixTest) does not reach. */
class ValueConversionTest {
    /** Value, target class, expected result or "!" + SQLState. */
    private static final Object[][] CASES = {
        {"9223372036854775807", Long.class, Long.MAX_VALUE},
        {"9223372036854775808", Long.class, "!22003"},
        {new BigInteger("9223372036854775808"), Long.class, "!22003"},
        {"-4.9", Long.class, -4L},
        {" +7 ", Integer.class, 7},
        {"1e3", Short.class, (short) 1000},
        {"128", Byte.class, "!22003"},
        {"", Long.class, "!22018"},
        {"0x10", Long.class, "!22018"},
        {"1d", Double.class, "!22018"},
        {"1,5", BigDecimal.class, "!22018"},
        {Double.NaN, Long.class, "!22018"},
        {Double.POSITIVE_INFINITY, Integer.class, "!22003"},
        {Double.NaN, BigDecimal.class, "!22018"},
        {Double.NaN, Boolean.class, "!22018"},
        {"NaN", Double.class, Double.NaN},
        {"-Infinity", Double.class, Double.NEGATIVE_INFINITY},
        {"1e309", Double.class, "!22003"},
        {1e300, Float.class, "!22003"},
        {4.67f, BigDecimal.class, new BigDecimal("4.67")},
        {0.1f, Double.class, 0.1},
        {" Off ", Boolean.class, false},
        {"Y", Boolean.class, true},
        {"2", Boolean.class, "!22018"},
        {0.0, Boolean.class, false},
        {new BigDecimal("1E-10"), String.class, "0.0000000001"},
        {Timestamp.valueOf("2024-12-17 08:36:02.12"), String.class, "2024-12-17 08:36:02.120"},
        {Timestamp.valueOf("2024-12-17 08:36:02.000123456"), String.class, "2024-12-17 08:36:02.000123456"},
        {LocalDateTime.parse("2024-12-17T08:36:02.123456"), String.class, "2024-12-17 08:36:02.123456"},
        {new Time(Time.valueOf("08:36:02").getTime() + 500), String.class, "08:36:02.500"},
        {new Time(Time.valueOf("08:36:02").getTime() + 500), LocalTime.class, LocalTime.parse("08:36:02.500")},
        {"2025-02-30", LocalDate.class, "!22018"},
        {"2025-01-01T24:00", LocalDateTime.class, "!22018"},
        {"2025-01-01T08:00:00+0200", LocalDateTime.class, "!22018"},
        {"2025-01-01t08:00", LocalDateTime.class, "!22018"},
        {"2025-01-01T08:00z", OffsetDateTime.class, "!22018"},
        {"2025-01-01T08:00[Europe/Paris]", LocalDateTime.class, "!22018"},
        {"2025-01-01T10:00:00.5+02:00", Timestamp.class, Timestamp.valueOf("2025-01-01 08:00:00.5")},
        {"2025-01-01T10:00:00+02:00", OffsetDateTime.class, OffsetDateTime.parse("2025-01-01T10:00+02:00")},
        {"2025-01-01T23:30:00-02:00", LocalDate.class, LocalDate.parse("2025-01-02")},
        {"08:00", LocalTime.class, LocalTime.parse("08:00")},
        {LocalDate.parse("2025-01-01"), LocalTime.class, "!22018"},
        {LocalTime.parse("08:00"), LocalDate.class, "!22018"},
        {true, LocalDate.class, "!22018"},
        {LocalDate.parse("2025-01-01"), Long.class, "!22018"},
        {Timestamp.valueOf("2025-01-01 00:00:00"), Boolean.class, "!22018"},
        {"x", java.util.UUID.class, "!22018"},
    };

    @Test
    void theEdgesOfTheTable() {
        StringBuilder wrong = new StringBuilder();
        for (Object[] c : CASES) {
            String at = c[1] instanceof Class<?> k ? k.getSimpleName() + " from " + c[0].getClass().getSimpleName()
                    + " '" + c[0] + "'" : "?";
            try {
                Object got = ValueConversion.convert(c[0], (Class<?>) c[1], i -> "col", 1);
                if (!c[2].equals(got)) {
                    wrong.append('\n').append(at).append(": ").append(got).append(", expected ").append(c[2]);
                }
            } catch (SQLException e) {
                if (!("!" + e.getSQLState()).equals(c[2])) {
                    wrong.append('\n').append(at).append(": ").append(e.getSQLState()).append(' ')
                            .append(e.getMessage()).append(", expected ").append(c[2]);
                } else if (!e.getMessage().startsWith("Column 'col' ")) {
                    wrong.append('\n').append(at).append(": message does not name the column: ").append(e.getMessage());
                }
            }
        }
        assertTrue(wrong.length() == 0, wrong.toString());
    }

    @Test
    void aMessageShowsEightyCharactersOfTheValueAndTheLabelIsAskedOnlyOnFailure() throws SQLException {
        int[] asked = {0};
        ValueConversion.ColumnLabel label = i -> {
            asked[0]++;
            return "Long Text";
        };
        assertEquals(Long.valueOf(42), ValueConversion.convert("42", Long.class, label, 3));
        assertEquals(0, asked[0]);
        SQLException e = assertThrows(SQLException.class,
                () -> ValueConversion.convert("y".repeat(200), Long.class, label, 3));
        assertEquals("Column 'Long Text' holds the text '" + "y".repeat(80) + "...', which cannot be read as BIGINT;"
                + " read it with getString, or CAST it in the SQL", e.getMessage());
        assertEquals(1, asked[0]);
    }
}
