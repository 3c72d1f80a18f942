package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conversion table: (JSON value, column type) → internal value or SQLState. Every row runs
 * through both paths, {@link ValueConverter#toInternal} on the raw value and the streaming
 * {@link JsonRowStream#next(RowLayout)}, which must agree.
 */
class ValueConverterTest {
    private static final String LOSS = "22003";
    private static final String KIND = "22018";
    private static final String DATETIME = "22007";
    private static final String BIG_40 = "1" + "0".repeat(39);

    static Stream<Arguments> table() {
        return Stream.of(
                // BIGINT
                ok("null", ColumnType.BIGINT, 0, null),
                ok("42", ColumnType.BIGINT, 0, 42L),
                ok("-9223372036854775808", ColumnType.BIGINT, 0, Long.MIN_VALUE),
                ok("9223372036854775807", ColumnType.BIGINT, 0, Long.MAX_VALUE),
                err("9223372036854775808", ColumnType.BIGINT, 0, LOSS),
                ok("2.0", ColumnType.BIGINT, 0, 2L),
                ok("2e3", ColumnType.BIGINT, 0, 2000L),
                ok("2.5e1", ColumnType.BIGINT, 0, 25L),
                ok("-0.0", ColumnType.BIGINT, 0, 0L),
                err("12.5", ColumnType.BIGINT, 0, LOSS),
                err("1e19", ColumnType.BIGINT, 0, LOSS),
                err("1e999999999", ColumnType.BIGINT, 0, LOSS),
                ok("\"17\"", ColumnType.BIGINT, 0, 17L),
                ok("\"2.0\"", ColumnType.BIGINT, 0, 2L),
                ok("\"-9223372036854775808\"", ColumnType.BIGINT, 0, Long.MIN_VALUE),
                err("\"9223372036854775808\"", ColumnType.BIGINT, 0, LOSS),
                err("\"12.5\"", ColumnType.BIGINT, 0, LOSS),
                err("\"abc\"", ColumnType.BIGINT, 0, KIND),
                err("\"\"", ColumnType.BIGINT, 0, KIND),
                err("\" 5\"", ColumnType.BIGINT, 0, KIND),
                err("\"+5\"", ColumnType.BIGINT, 0, KIND),
                err("\"\u0661\u0662\"", ColumnType.BIGINT, 0, KIND), // Arabic-Indic digits
                err("true", ColumnType.BIGINT, 0, KIND),
                err("{\"a\": 1}", ColumnType.BIGINT, 0, KIND),
                err("[1]", ColumnType.BIGINT, 0, KIND),
                err("\"2025-01-01\"", ColumnType.BIGINT, 0, KIND),
                // DECIMAL
                ok("87.30", ColumnType.DECIMAL, 2, new BigDecimal("87.30")),
                ok("87.3", ColumnType.DECIMAL, 2, new BigDecimal("87.30")),
                ok("87", ColumnType.DECIMAL, 2, new BigDecimal("87.00")),
                ok("87.300", ColumnType.DECIMAL, 2, new BigDecimal("87.30")),
                err("87.301", ColumnType.DECIMAL, 2, LOSS),
                ok("\"87.3\"", ColumnType.DECIMAL, 2, new BigDecimal("87.30")),
                ok("\"87\"", ColumnType.DECIMAL, 2, new BigDecimal("87.00")),
                ok("1e2", ColumnType.DECIMAL, 2, new BigDecimal("100.00")),
                ok("-0.01", ColumnType.DECIMAL, 2, new BigDecimal("-0.01")),
                ok("0", ColumnType.DECIMAL, 2, new BigDecimal("0.00")),
                ok("0E-20", ColumnType.DECIMAL, 2, new BigDecimal("0.00")),
                ok("9223372036854775808", ColumnType.DECIMAL, 0, new BigDecimal("9223372036854775808")),
                ok("9223372036854775808", ColumnType.DECIMAL, 2, new BigDecimal("9223372036854775808.00")),
                ok("5", ColumnType.DECIMAL, 0, new BigDecimal("5")),
                ok("5.0", ColumnType.DECIMAL, 0, new BigDecimal("5")),
                err("5.5", ColumnType.DECIMAL, 0, LOSS),
                ok("1" + "0".repeat(37), ColumnType.DECIMAL, 0, new BigDecimal("1" + "0".repeat(37))),
                err(BIG_40, ColumnType.DECIMAL, 0, LOSS),
                err("1" + "0".repeat(36), ColumnType.DECIMAL, 2, LOSS), // 37 + 2 digits > 38
                err("1e999999999", ColumnType.DECIMAL, 2, LOSS),
                err("1e-999999999", ColumnType.DECIMAL, 2, LOSS),
                err("\"x\"", ColumnType.DECIMAL, 2, KIND),
                err("false", ColumnType.DECIMAL, 2, KIND),
                // DOUBLE
                ok("1.5", ColumnType.DOUBLE, 0, 1.5),
                ok("0.1", ColumnType.DOUBLE, 0, 0.1),
                ok("3", ColumnType.DOUBLE, 0, 3.0),
                ok("-0.0", ColumnType.DOUBLE, 0, -0.0),
                ok("9007199254740992", ColumnType.DOUBLE, 0, 9007199254740992.0),
                err("9007199254740993", ColumnType.DOUBLE, 0, LOSS),
                err("-9007199254740993", ColumnType.DOUBLE, 0, LOSS),
                ok("9007199254740994", ColumnType.DOUBLE, 0, 9007199254740994.0),
                err("9223372036854775807", ColumnType.DOUBLE, 0, LOSS),
                ok("-9223372036854775808", ColumnType.DOUBLE, 0, -0x1p63),
                ok("18446744073709551616", ColumnType.DOUBLE, 0, 0x1p64),
                err("18446744073709551617", ColumnType.DOUBLE, 0, LOSS),
                ok("1e308", ColumnType.DOUBLE, 0, 1e308),
                err("1e309", ColumnType.DOUBLE, 0, LOSS),
                ok("\"2.5\"", ColumnType.DOUBLE, 0, 2.5),
                err("\"9007199254740993\"", ColumnType.DOUBLE, 0, LOSS),
                err("\"NaN\"", ColumnType.DOUBLE, 0, KIND),
                err("\"Infinity\"", ColumnType.DOUBLE, 0, KIND),
                err("true", ColumnType.DOUBLE, 0, KIND),
                // BOOLEAN
                ok("true", ColumnType.BOOLEAN, 0, true),
                ok("false", ColumnType.BOOLEAN, 0, false),
                ok("\"TRUE\"", ColumnType.BOOLEAN, 0, true),
                ok("\"False\"", ColumnType.BOOLEAN, 0, false),
                ok("1", ColumnType.BOOLEAN, 0, true),
                ok("0", ColumnType.BOOLEAN, 0, false),
                ok("1.0", ColumnType.BOOLEAN, 0, true),
                err("2", ColumnType.BOOLEAN, 0, KIND),
                err("0.5", ColumnType.BOOLEAN, 0, KIND),
                err("\"yes\"", ColumnType.BOOLEAN, 0, KIND),
                err("\"1\"", ColumnType.BOOLEAN, 0, KIND),
                err("[true]", ColumnType.BOOLEAN, 0, KIND),
                // DATE
                ok("\"1970-01-01\"", ColumnType.DATE, 0, 0),
                ok("\"1970-01-02\"", ColumnType.DATE, 0, 1),
                ok("\"1969-12-31\"", ColumnType.DATE, 0, -1),
                ok("\"2024-02-29\"", ColumnType.DATE, 0, day("2024-02-29")),
                ok("\"0001-01-01\"", ColumnType.DATE, 0, day("0001-01-01")),
                ok("\"9999-12-31\"", ColumnType.DATE, 0, day("9999-12-31")),
                err("\"2025-02-29\"", ColumnType.DATE, 0, DATETIME),
                err("\"2025-02-30\"", ColumnType.DATE, 0, DATETIME),
                err("\"2025-04-31\"", ColumnType.DATE, 0, DATETIME),
                err("\"2025-13-01\"", ColumnType.DATE, 0, DATETIME),
                err("\"2025-00-10\"", ColumnType.DATE, 0, DATETIME),
                err("\"2025-1-01\"", ColumnType.DATE, 0, DATETIME),
                err("\"hello\"", ColumnType.DATE, 0, DATETIME),
                ok("\"2025-01-01T00:00:00\"", ColumnType.DATE, 0, day("2025-01-01")),
                ok("\"2025-01-01 00:00\"", ColumnType.DATE, 0, day("2025-01-01")),
                ok("\"2025-01-01T00:00:00.000Z\"", ColumnType.DATE, 0, day("2025-01-01")),
                ok("\"2025-01-01T02:00:00+02:00\"", ColumnType.DATE, 0, day("2025-01-01")),
                err("\"2025-01-01T00:00:00+02:00\"", ColumnType.DATE, 0, DATETIME),
                err("\"2025-01-01T08:00:00\"", ColumnType.DATE, 0, DATETIME),
                err("\"2025-01-01T00:00:00.001\"", ColumnType.DATE, 0, DATETIME),
                err("20250101", ColumnType.DATE, 0, KIND),
                err("true", ColumnType.DATE, 0, KIND),
                // TIMESTAMP
                ok("\"2025-01-01T08:00:00\"", ColumnType.TIMESTAMP, 0, 1735718400000L),
                ok("\"2025-01-01 08:00:00\"", ColumnType.TIMESTAMP, 0, 1735718400000L),
                ok("\"2025-01-01T08:00\"", ColumnType.TIMESTAMP, 0, 1735718400000L),
                ok("\"2025-01-01T08:00:00Z\"", ColumnType.TIMESTAMP, 0, 1735718400000L),
                ok("\"2025-01-01T10:00:00+02:00\"", ColumnType.TIMESTAMP, 0, 1735718400000L),
                ok("\"2025-01-01T03:30:00-04:30\"", ColumnType.TIMESTAMP, 0, 1735718400000L),
                ok("\"2025-01-01T01:00+18:00\"", ColumnType.TIMESTAMP, 0, 1735718400000L - 25 * 3_600_000L),
                ok("\"2025-01-01T08:00:00.123\"", ColumnType.TIMESTAMP, 0, 1735718400123L),
                ok("\"2025-01-01T08:00:00.1\"", ColumnType.TIMESTAMP, 0, 1735718400100L),
                ok("\"2025-01-01T08:00:00.123456789\"", ColumnType.TIMESTAMP, 0, 1735718400123L),
                ok("\"2025-01-01\"", ColumnType.TIMESTAMP, 0, 1735689600000L),
                ok("\"1969-12-31T23:59:59.999\"", ColumnType.TIMESTAMP, 0, -1L),
                ok("\"2024-02-29T12:00\"", ColumnType.TIMESTAMP, 0, millis("2024-02-29T12:00")),
                err("\"2025-01-01T08:00:00.1234567890\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01T08:00:00.\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01T24:00:00\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01T08:60\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01T08:00:60\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01T08:00:00+19:00\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01T08:00:00+0200\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01t08:00\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-01-01T8:00\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"2025-02-29T00:00\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("\"yesterday\"", ColumnType.TIMESTAMP, 0, DATETIME),
                err("1735718400000", ColumnType.TIMESTAMP, 0, KIND),
                // VARCHAR
                ok("\"abc\"", ColumnType.VARCHAR, 0, "abc"),
                ok("\"\"", ColumnType.VARCHAR, 0, ""),
                ok("\"h\u00e9llo \\\"q\\\" \\u00e9\"", ColumnType.VARCHAR, 0, "h\u00e9llo \"q\" \u00e9"),
                ok("87.30", ColumnType.VARCHAR, 0, "87.30"),
                ok("1e3", ColumnType.VARCHAR, 0, "1e3"),
                ok("-2.50E-7", ColumnType.VARCHAR, 0, "-2.50E-7"),
                ok("42", ColumnType.VARCHAR, 0, "42"),
                ok("9223372036854775808", ColumnType.VARCHAR, 0, "9223372036854775808"),
                ok("true", ColumnType.VARCHAR, 0, "true"),
                ok("false", ColumnType.VARCHAR, 0, "false"),
                ok("{ \"a\" : [ 1, 2.50, \"x\", null, true, {} ] }", ColumnType.VARCHAR, 0,
                        "{\"a\":[1,2.50,\"x\",null,true,{}]}"),
                ok("[]", ColumnType.VARCHAR, 0, "[]"),
                ok("null", ColumnType.VARCHAR, 0, null));
    }

    private static Arguments ok(String json, ColumnType type, int scale, Object expected) {
        return Arguments.of(json, type, scale, expected, null);
    }

    private static Arguments err(String json, ColumnType type, int scale, String sqlState) {
        return Arguments.of(json, type, scale, null, sqlState);
    }

    private static int day(String isoDate) {
        return (int) LocalDate.parse(isoDate).toEpochDay();
    }

    private static long millis(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @ParameterizedTest(name = "{0} as {1}({2}) -> {3} {4}")
    @MethodSource("table")
    void convertsLosslesslyOrFails(String json, ColumnType type, int scale, Object expected, String sqlState)
            throws SQLException {
        ColumnDef column = ColumnDef.of("v", type, scale);
        RowLayout layout = new RowLayout("R", List.of(column));
        String body = "[{\"v\": " + json + "}]";

        Object raw = Json.rawRows(body).get(0).get("v");
        if (sqlState == null) {
            Object viaRaw = ValueConverter.toInternal(raw, column, "R");
            assertEquals(expected, viaRaw, "toInternal");
            if (viaRaw != null) {
                assertInstanceOf(type.internalClass(), viaRaw);
            }
            if (expected instanceof BigDecimal d) {
                assertEquals(d.scale(), ((BigDecimal) viaRaw).scale(), "scale");
            }
            try (JsonRowStream s = Json.stream(body)) {
                Object[] row = s.next(layout);
                assertEquals(expected, row[0], "next(layout)");
                assertNull(s.next(layout));
            }
        } else {
            SQLException viaRaw = assertThrows(SQLException.class, () -> ValueConverter.toInternal(raw, column, "R"));
            assertEquals(sqlState, viaRaw.getSQLState(), viaRaw.getMessage());
            assertInstanceOf(SQLDataException.class, viaRaw);
            try (JsonRowStream s = Json.stream(body)) {
                SQLException viaStream = assertThrows(SQLException.class, () -> s.next(layout));
                assertEquals(sqlState, viaStream.getSQLState(), viaStream.getMessage());
                assertTrue(viaStream.getMessage().startsWith("Report 'R', column 'v' (" + column.typeLabel()
                        + "): value "), viaStream.getMessage());
            }
        }
    }

    @Test
    void messageNamesReportColumnTypeAndValue() {
        ColumnDef qty = ColumnDef.of("ProducedQty", ColumnType.BIGINT, 0);
        SQLException e = assertThrows(SQLException.class,
                () -> ValueConverter.toInternal(new BigDecimal("12.5"), qty, "LineOutputDaily"));
        assertEquals("Report 'LineOutputDaily', column 'ProducedQty' (BIGINT): value 12.5 cannot be converted"
                + " without loss", e.getMessage());

        ColumnDef price = ColumnDef.of("Price", ColumnType.DECIMAL, 2);
        e = assertThrows(SQLException.class, () -> ValueConverter.toInternal("cheap", price, "Sales"));
        assertEquals("Report 'Sales', column 'Price' (DECIMAL scale 2): value \"cheap\" cannot be converted:"
                + " expected a number", e.getMessage());

        ColumnDef day = ColumnDef.of("Day", ColumnType.DATE, 0);
        e = assertThrows(SQLException.class, () -> ValueConverter.toInternal("2025-02-30", day, "Sales"));
        assertEquals("Report 'Sales', column 'Day' (DATE): value \"2025-02-30\" is not a valid date"
                + " (expected yyyy-MM-dd)", e.getMessage());
    }

    @Test
    void longValuesAreCutTo80Characters() {
        ColumnDef n = ColumnDef.of("N", ColumnType.BIGINT, 0);
        String longText = "x".repeat(500);
        SQLException e = assertThrows(SQLException.class, () -> ValueConverter.toInternal(longText, n, "R"));
        String shown = e.getMessage().substring(e.getMessage().indexOf("value ") + 6,
                e.getMessage().indexOf(" cannot"));
        assertEquals(80, shown.length());
        assertTrue(shown.endsWith("..."), shown);
    }

    @Test
    void acceptsJavaNumbersHandedInByCallers() throws SQLException {
        ColumnDef big = ColumnDef.of("n", ColumnType.BIGINT, 0);
        assertEquals(5L, ValueConverter.toInternal(5, big, "R"));
        assertEquals(5L, ValueConverter.toInternal(BigInteger.valueOf(5), big, "R"));
        assertEquals(2L, ValueConverter.toInternal(2.0d, big, "R"));
        ColumnDef dbl = ColumnDef.of("d", ColumnType.DOUBLE, 0);
        assertEquals(0.1, ValueConverter.toInternal(0.1d, dbl, "R"));
        assertEquals(LOSS, assertThrows(SQLException.class,
                () -> ValueConverter.toInternal(Double.NaN, dbl, "R")).getSQLState());
        assertEquals("[1]", ValueConverter.toInternal(new RawJson("[1]"), ColumnDef.of("s", ColumnType.VARCHAR, 0), "R"));
        assertEquals(KIND, assertThrows(SQLException.class,
                () -> ValueConverter.toInternal(Map.of(), big, "R")).getSQLState());
    }

    @Test
    void columnDefAllowsScaleOnlyForDecimal() {
        assertThrows(IllegalArgumentException.class, () -> ColumnDef.of("a", ColumnType.BIGINT, 2));
        assertThrows(IllegalArgumentException.class, () -> ColumnDef.of("a", ColumnType.DECIMAL, -1));
        assertThrows(IllegalArgumentException.class, () -> ColumnDef.of("a", ColumnType.DECIMAL, 39));
        assertEquals(38, ColumnDef.of("a", ColumnType.DECIMAL, 38).scale());
    }
}
