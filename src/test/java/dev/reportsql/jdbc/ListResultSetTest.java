package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ListResultSetTest {
    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.varchar("NAME").notNull(),
            ColumnSpec.integer("SIZE"),
            ColumnSpec.smallint("KEY_SEQ"),
            ColumnSpec.bigint("CARDINALITY"),
            ColumnSpec.bool("NON_UNIQUE"),
            new ColumnSpec("RATE", Types.DECIMAL, "DECIMAL", 10, 2, true),
            new ColumnSpec("RATIO", Types.DOUBLE, "DOUBLE", 15, 0, true),
            new ColumnSpec("DAY", Types.DATE, "DATE", 10, 0, true));

    private static ListResultSet twoRows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"first", 42, (short) 7, 9_000_000_000L, Boolean.TRUE, new BigDecimal("12.50"), 0.25,
            Date.valueOf("2025-01-31")});
        rows.add(new Object[] {"123", null, null, null, null, null, null, null});
        return new ListResultSet(null, COLUMNS, rows);
    }

    private static void assertState(String state, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(state, e.getSQLState(), e.getMessage());
    }

    @Test
    void readsTypedValuesAndConverts() throws Exception {
        ListResultSet rs = twoRows();
        assertTrue(rs.next());
        assertEquals("first", rs.getString(1));
        assertEquals(42, rs.getInt(2));
        assertEquals(42L, rs.getLong("size"));
        assertEquals("42", rs.getString("SIZE"));
        assertEquals((short) 42, rs.getShort(2));
        assertEquals(42.0, rs.getDouble(2));
        assertEquals(new BigDecimal("42"), rs.getBigDecimal(2));
        assertEquals(7, rs.getInt("KEY_SEQ"));
        assertEquals((short) 7, rs.getShort("KEY_SEQ"));
        assertEquals((byte) 7, rs.getByte("KEY_SEQ"));
        assertEquals(9_000_000_000L, rs.getLong(4));
        assertEquals("9000000000", rs.getString(4));
        assertTrue(rs.getBoolean(5));
        assertEquals("true", rs.getString(5));
        assertEquals(1, rs.getInt(5));
        assertEquals(new BigDecimal("12.50"), rs.getBigDecimal(6));
        assertEquals("12.50", rs.getString(6));
        assertEquals(12, rs.getInt(6));
        assertEquals(12.5, rs.getDouble(6));
        assertEquals(0.25f, rs.getFloat(7));
        assertEquals(new BigDecimal("0.25"), rs.getBigDecimal(7));
        assertTrue(rs.getBoolean(2), "non-zero numbers read as true");
        assertEquals(Date.valueOf("2025-01-31"), rs.getDate(8));
        assertEquals(Timestamp.valueOf("2025-01-31 00:00:00"), rs.getTimestamp(8));
        assertEquals("2025-01-31", rs.getString(8));
        assertFalse(rs.wasNull());

        assertTrue(rs.next());
        assertEquals(123, rs.getInt(1), "text that holds a number reads as a number");
        assertEquals(0, rs.getInt(2));
        assertTrue(rs.wasNull());
        assertEquals("123", rs.getString(1));
        assertFalse(rs.wasNull());
        assertNull(rs.getString(2));
        assertTrue(rs.wasNull());
        assertFalse(rs.getBoolean(5));
        assertTrue(rs.wasNull());
        assertEquals(0L, rs.getLong(4));
        assertEquals(0.0, rs.getDouble(7));
        assertNull(rs.getBigDecimal(6));
        assertNull(rs.getDate(8));
        assertNull(rs.getObject(3));
        assertNull(rs.getObject(3, Integer.class));
        assertTrue(rs.wasNull());
        assertFalse(rs.next());
        assertFalse(rs.next(), "next() stays false after the end");
    }

    @Test
    void getObjectReturnsTheStandardClassOfTheColumnType() throws Exception {
        ListResultSet rs = twoRows();
        rs.next();
        assertEquals("first", rs.getObject(1));
        assertEquals(42, rs.getObject(2));
        assertEquals(Integer.valueOf(7), rs.getObject(3), "SMALLINT maps to Integer (JDBC table B-3)");
        assertEquals(9_000_000_000L, rs.getObject("CARDINALITY"));
        assertEquals(Boolean.TRUE, rs.getObject(5));
        assertEquals(new BigDecimal("12.50"), rs.getObject(6));
        assertEquals(0.25, rs.getObject(7));
        assertEquals(Date.valueOf("2025-01-31"), rs.getObject(8));
        assertEquals(Integer.valueOf(7), rs.getObject(3, java.util.Map.of()));
    }

    @Test
    void getObjectWithClassConverts() throws Exception {
        ListResultSet rs = twoRows();
        rs.next();
        assertEquals("42", rs.getObject(2, String.class));
        assertEquals(Integer.valueOf(42), rs.getObject(2, Integer.class));
        assertEquals(Long.valueOf(42), rs.getObject(2, Long.class));
        assertEquals(Short.valueOf((short) 7), rs.getObject(3, Short.class));
        assertEquals(Boolean.TRUE, rs.getObject(5, Boolean.class));
        assertEquals(new BigDecimal("9000000000"), rs.getObject(4, BigDecimal.class));
        assertEquals(Double.valueOf(12.5), rs.getObject(6, Double.class));
        assertEquals(LocalDate.of(2025, 1, 31), rs.getObject("DAY", LocalDate.class));
        assertEquals("first", rs.getObject("name", Object.class));
        assertState("22018", () -> rs.getObject(1, java.util.UUID.class));
        assertState("22023", () -> rs.getObject(1, (Class<?>) null));
    }

    @Test
    void badConversionsHaveDataStates() throws Exception {
        ListResultSet rs = twoRows();
        rs.next();
        SQLException notNumber = assertThrows(SQLDataException.class, () -> rs.getInt(1));
        assertEquals("22018", notNumber.getSQLState());
        assertTrue(notNumber.getMessage().contains("NAME"), notNumber.getMessage());
        assertState("22003", () -> rs.getInt(4));
        assertState("22003", () -> rs.getShort(4));
        assertState("22003", () -> rs.getByte(4));
        assertState("22018", () -> rs.getBoolean(1));
        assertState("22018", () -> rs.getDate(2));
        assertState("22018", () -> rs.getBytes(1));
    }

    @Test
    void streamsReadTheText() throws Exception {
        ListResultSet rs = twoRows();
        rs.next();
        try (Reader r = rs.getCharacterStream("NAME")) {
            char[] buf = new char[10];
            int n = r.read(buf);
            assertEquals("first", new String(buf, 0, n));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertArrayEquals("first".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                rs.getAsciiStream(1).readAllBytes());
        assertEquals("first", rs.getNString(1));
    }

    @Test
    void findColumnIsCaseInsensitiveAndUnknownLabelsAre42703() throws Exception {
        ListResultSet rs = twoRows();
        assertEquals(1, rs.findColumn("NAME"));
        assertEquals(1, rs.findColumn("name"));
        assertEquals(3, rs.findColumn("Key_Seq"));
        assertState("42703", () -> rs.findColumn("nope"));
        assertState("42703", () -> rs.findColumn(null));
    }

    @Test
    void duplicateLabelsResolveToTheFirstColumn() throws Exception {
        ListResultSet rs = new ListResultSet(null, List.of(ColumnSpec.varchar("A"), ColumnSpec.varchar("a")),
                List.<Object[]>of(new Object[] {"x", "y"}));
        rs.next();
        assertEquals("x", rs.getString("a"));
    }

    @Test
    void cursorPositionAndBadPositions() throws Exception {
        ListResultSet rs = twoRows();
        assertTrue(rs.isBeforeFirst());
        assertEquals(0, rs.getRow());
        assertState("24000", () -> rs.getString(1));
        rs.next();
        assertTrue(rs.isFirst());
        assertFalse(rs.isLast());
        assertEquals(1, rs.getRow());
        assertState("22023", () -> rs.getString(0));
        assertState("22023", () -> rs.getString(9));
        rs.next();
        assertTrue(rs.isLast());
        assertEquals(2, rs.getRow());
        rs.next();
        assertTrue(rs.isAfterLast());
        assertEquals(0, rs.getRow());
        assertState("24000", () -> rs.getString(1));

        ListResultSet empty = new ListResultSet(null, COLUMNS, List.of());
        assertFalse(empty.isBeforeFirst(), "an empty result set is never before the first row");
        assertFalse(empty.next());
        assertFalse(empty.isAfterLast());
    }

    @Test
    void metaDataDescribesTheColumns() throws Exception {
        ListResultSet rs = twoRows();
        ResultSetMetaData md = rs.getMetaData();
        assertSame(md, rs.getMetaData());
        assertEquals(8, md.getColumnCount());
        assertEquals("NAME", md.getColumnName(1));
        assertEquals("NAME", md.getColumnLabel(1));
        assertEquals(Types.VARCHAR, md.getColumnType(1));
        assertEquals("VARCHAR", md.getColumnTypeName(1));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
        assertEquals(ColumnSpec.DEFAULT_VARCHAR_LENGTH, md.getPrecision(1));
        assertTrue(md.isCaseSensitive(1));
        assertFalse(md.isCaseSensitive(2));
        assertTrue(md.isSigned(2));
        assertFalse(md.isSigned(1));
        assertEquals(Types.SMALLINT, md.getColumnType(3));
        assertEquals("java.lang.Integer", md.getColumnClassName(3));
        assertEquals("java.lang.Long", md.getColumnClassName(4));
        assertEquals("java.lang.Boolean", md.getColumnClassName(5));
        assertEquals("java.math.BigDecimal", md.getColumnClassName(6));
        assertEquals(10, md.getPrecision(6));
        assertEquals(2, md.getScale(6));
        assertEquals(12, md.getColumnDisplaySize(6));
        assertEquals(5, md.getColumnDisplaySize(5));
        assertTrue(md.isReadOnly(1));
        assertFalse(md.isWritable(1));
        assertFalse(md.isAutoIncrement(1));
        assertEquals("", md.getTableName(1));
        assertEquals("", md.getSchemaName(1));
        assertState("22023", () -> md.getColumnName(9));
        assertTrue(md.isWrapperFor(ListResultSetMetaData.class));
        assertState("22023", () -> md.unwrap(String.class));
    }

    @Test
    void closedResultSetAnswers08003() throws Exception {
        ListResultSet rs = twoRows();
        rs.next();
        rs.close();
        rs.close();
        assertTrue(rs.isClosed());
        assertState("08003", rs::next);
        assertState("08003", () -> rs.getString(1));
        assertState("08003", () -> rs.getString("NAME"));
        assertState("08003", rs::getMetaData);
        assertState("08003", rs::wasNull);
        assertState("08003", rs::getStatement);
        assertState("08003", () -> rs.findColumn("NAME"));
        assertState("08003", rs::getType);
        assertState("08003", rs::previous);
    }

    @Test
    void ownerIsTheStatementAndRowsMustFitTheColumns() throws Exception {
        assertNull(twoRows().getStatement());
        assertThrows(IllegalArgumentException.class, () -> new ListResultSet(null, COLUMNS,
                List.<Object[]>of(new Object[] {"short row"})));
        assertInstanceOf(ResultSet.class, twoRows().unwrap(ResultSet.class));
    }
}
