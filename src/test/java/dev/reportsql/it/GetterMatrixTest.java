package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.jdbc.ColumnSpec;
import dev.reportsql.jdbc.ListResultSet;

/**
 * Every getter on every column type, through the front door, against a table that mirrors JDBC 4.3
 * table B-6 (and {@code getObject(int, Class)} for the classes of table B-4): a value is what the
 * getter must return, {@code !22018} / {@code !22003} the SQLState it must fail with. Text cells in
 * quotes keep their blanks. The same table holds for the metadata result set ({@link ListResultSet})
 * over the same values, by index and by label, in more than one JVM time zone.
 */
class GetterMatrixTest extends SandboxFixture {
    /** The work order the row is read from, and what the sandbox holds for it (checked first). */
    private static final String ORDER = "WO-2025-00001";

    /** JVM default zones the tables must hold in: UTC, behind UTC with daylight saving, a half-hour offset. */
    private static final String[] ZONES = {"UTC", "America/Los_Angeles", "Asia/Kolkata"};

    /** Label, SQL expression and the JDBC type Calcite gives it. */
    private static final Object[][] COLUMNS = {
        {"big", "OrderQty", Types.BIGINT},
        {"int", "CAST(OrderQty AS INTEGER)", Types.INTEGER},
        {"small", "CAST(OrderQty AS SMALLINT)", Types.SMALLINT},
        {"dec", "CAST(UnitPrice AS DECIMAL(10, 3))", Types.DECIMAL},
        {"dbl", "CAST(OrderQty AS DOUBLE) * 24000000", Types.DOUBLE},
        {"real", "CAST(UnitPrice AS REAL)", Types.REAL},
        {"bool", "IsUrgent", Types.BOOLEAN},
        {"date", "DueDate", Types.DATE},
        {"time", "CAST(LastUpdate AS TIME)", Types.TIME},
        {"ts", "LastUpdate", Types.TIMESTAMP},
        {"vnum", "CAST(OrderQty AS VARCHAR(20))", Types.VARCHAR},
        {"vpad", "CAST(' 42 ' AS VARCHAR(10))", Types.VARCHAR},
        {"vfrac", "CAST(UnitPrice AS VARCHAR(20))", Types.VARCHAR},
        {"vdate", "CAST(DueDate AS VARCHAR(10))", Types.VARCHAR},
        {"vts", "CAST(LastUpdate AS VARCHAR(30))", Types.VARCHAR},
        {"viso", "CAST('2025-01-01T08:00:00Z' AS VARCHAR(30))", Types.VARCHAR},
        {"vbool", "CAST(IsUrgent AS VARCHAR(5))", Types.VARCHAR},
        {"vtext", "WorkOrderNo", Types.VARCHAR},
        {"ch", "CAST(OrderQty AS CHAR(6))", Types.CHAR},
    };

    private static final String NUMBERS_AND_TIMES = """
        getter        | big    | int    | small  | dec    | dbl         | real  | bool  | date                | time                 | ts
        getString     | 1250   | 1250   | 1250   | 4.670  | 3.0E10      | 4.67  | true  | 2025-01-11          | 08:36:02             | 2024-12-17 08:36:02
        getLong       | 1250   | 1250   | 1250   | 4      | 30000000000 | 4     | 1     | !22018              | !22018               | !22018
        getInt        | 1250   | 1250   | 1250   | 4      | !22003      | 4     | 1     | !22018              | !22018               | !22018
        getShort      | 1250   | 1250   | 1250   | 4      | !22003      | 4     | 1     | !22018              | !22018               | !22018
        getByte       | !22003 | !22003 | !22003 | 4      | !22003      | 4     | 1     | !22018              | !22018               | !22018
        getDouble     | 1250.0 | 1250.0 | 1250.0 | 4.67   | 3.0E10      | 4.67  | 1.0   | !22018              | !22018               | !22018
        getFloat      | 1250.0 | 1250.0 | 1250.0 | 4.67   | 3.0E10      | 4.67  | 1.0   | !22018              | !22018               | !22018
        getBigDecimal | 1250   | 1250   | 1250   | 4.670  | 3.0E10      | 4.67  | 1     | !22018              | !22018               | !22018
        getBoolean    | true   | true   | true   | true   | true        | true  | true  | !22018              | !22018               | !22018
        getDate       | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| 2025-01-11          | !22018               | 2024-12-17
        getTime       | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| !22018              | 08:36:02             | 08:36:02
        getTimestamp  | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| 2025-01-11 00:00:00 | 1970-01-01 08:36:02  | 2024-12-17 08:36:02
        String        | 1250   | 1250   | 1250   | 4.670  | 3.0E10      | 4.67  | true  | 2025-01-11          | 08:36:02             | 2024-12-17 08:36:02
        Long          | 1250   | 1250   | 1250   | 4      | 30000000000 | 4     | 1     | !22018              | !22018               | !22018
        Integer       | 1250   | 1250   | 1250   | 4      | !22003      | 4     | 1     | !22018              | !22018               | !22018
        Double        | 1250.0 | 1250.0 | 1250.0 | 4.67   | 3.0E10      | 4.67  | 1.0   | !22018              | !22018               | !22018
        BigDecimal    | 1250   | 1250   | 1250   | 4.670  | 3.0E10      | 4.67  | 1     | !22018              | !22018               | !22018
        Boolean       | true   | true   | true   | true   | true        | true  | true  | !22018              | !22018               | !22018
        LocalDate     | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| 2025-01-11          | !22018               | 2024-12-17
        LocalTime     | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| !22018              | 08:36:02             | 08:36:02
        LocalDateTime | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| 2025-01-11T00:00    | 1970-01-01T08:36:02  | 2024-12-17T08:36:02
        OffsetDateTime| !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| 2025-01-11T00:00Z   | 1970-01-01T08:36:02Z | 2024-12-17T08:36:02Z
        Date          | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| 2025-01-11          | !22018               | 2024-12-17
        Time          | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| !22018              | 08:36:02             | 08:36:02
        Timestamp     | !22018 | !22018 | !22018 | !22018 | !22018      | !22018| !22018| 2025-01-11 00:00:00 | 1970-01-01 08:36:02  | 2024-12-17 08:36:02
        """;

    private static final String TEXT = """
        getter        | vnum   | vpad   | vfrac  | vdate               | vts                  | viso                 | vbool  | vtext         | ch
        getString     | 1250   | ' 42 ' | 4.67   | 2025-01-11          | 2024-12-17 08:36:02  | 2025-01-01T08:00:00Z | TRUE   | WO-2025-00001 | '1250  '
        getLong       | 1250   | 42     | 4      | !22018              | !22018               | !22018               | !22018 | !22018        | 1250
        getInt        | 1250   | 42     | 4      | !22018              | !22018               | !22018               | !22018 | !22018        | 1250
        getShort      | 1250   | 42     | 4      | !22018              | !22018               | !22018               | !22018 | !22018        | 1250
        getByte       | !22003 | 42     | 4      | !22018              | !22018               | !22018               | !22018 | !22018        | !22003
        getDouble     | 1250.0 | 42.0   | 4.67   | !22018              | !22018               | !22018               | !22018 | !22018        | 1250.0
        getFloat      | 1250.0 | 42.0   | 4.67   | !22018              | !22018               | !22018               | !22018 | !22018        | 1250.0
        getBigDecimal | 1250   | 42     | 4.67   | !22018              | !22018               | !22018               | !22018 | !22018        | 1250
        getBoolean    | !22018 | !22018 | !22018 | !22018              | !22018               | !22018               | true   | !22018        | !22018
        getDate       | !22018 | !22018 | !22018 | 2025-01-11          | 2024-12-17           | 2025-01-01           | !22018 | !22018        | !22018
        getTime       | !22018 | !22018 | !22018 | !22018              | 08:36:02             | 08:00:00             | !22018 | !22018        | !22018
        getTimestamp  | !22018 | !22018 | !22018 | 2025-01-11 00:00:00 | 2024-12-17 08:36:02  | 2025-01-01 08:00:00  | !22018 | !22018        | !22018
        String        | 1250   | ' 42 ' | 4.67   | 2025-01-11          | 2024-12-17 08:36:02  | 2025-01-01T08:00:00Z | TRUE   | WO-2025-00001 | '1250  '
        Long          | 1250   | 42     | 4      | !22018              | !22018               | !22018               | !22018 | !22018        | 1250
        Integer       | 1250   | 42     | 4      | !22018              | !22018               | !22018               | !22018 | !22018        | 1250
        Double        | 1250.0 | 42.0   | 4.67   | !22018              | !22018               | !22018               | !22018 | !22018        | 1250.0
        BigDecimal    | 1250   | 42     | 4.67   | !22018              | !22018               | !22018               | !22018 | !22018        | 1250
        Boolean       | !22018 | !22018 | !22018 | !22018              | !22018               | !22018               | true   | !22018        | !22018
        LocalDate     | !22018 | !22018 | !22018 | 2025-01-11          | 2024-12-17           | 2025-01-01           | !22018 | !22018        | !22018
        LocalTime     | !22018 | !22018 | !22018 | !22018              | 08:36:02             | 08:00                | !22018 | !22018        | !22018
        LocalDateTime | !22018 | !22018 | !22018 | 2025-01-11T00:00    | 2024-12-17T08:36:02  | 2025-01-01T08:00     | !22018 | !22018        | !22018
        OffsetDateTime| !22018 | !22018 | !22018 | 2025-01-11T00:00Z   | 2024-12-17T08:36:02Z | 2025-01-01T08:00Z    | !22018 | !22018        | !22018
        Date          | !22018 | !22018 | !22018 | 2025-01-11          | 2024-12-17           | 2025-01-01           | !22018 | !22018        | !22018
        Time          | !22018 | !22018 | !22018 | !22018              | 08:36:02             | 08:00:00             | !22018 | !22018        | !22018
        Timestamp     | !22018 | !22018 | !22018 | 2025-01-11 00:00:00 | 2024-12-17 08:36:02  | 2025-01-01 08:00:00  | !22018 | !22018        | !22018
        """;

    @FunctionalInterface
    private interface Read {
        Object read(ResultSet rs, Object column) throws SQLException;
    }

    /** A getter: how to call it by index or label, how its expected cells parse, what it gives for NULL. */
    private record Getter(String name, Read read, Function<String, Object> parse, Object onNull) {
    }

    private static final Map<String, Getter> GETTERS = new LinkedHashMap<>();

    static {
        add("getString", (rs, c) -> c instanceof Integer i ? rs.getString(i) : rs.getString((String) c), s -> s, null);
        add("getLong", (rs, c) -> c instanceof Integer i ? rs.getLong(i) : rs.getLong((String) c), Long::valueOf, 0L);
        add("getInt", (rs, c) -> c instanceof Integer i ? rs.getInt(i) : rs.getInt((String) c), Integer::valueOf, 0);
        add("getShort", (rs, c) -> c instanceof Integer i ? rs.getShort(i) : rs.getShort((String) c), Short::valueOf,
                (short) 0);
        add("getByte", (rs, c) -> c instanceof Integer i ? rs.getByte(i) : rs.getByte((String) c), Byte::valueOf,
                (byte) 0);
        add("getDouble", (rs, c) -> c instanceof Integer i ? rs.getDouble(i) : rs.getDouble((String) c),
                Double::valueOf, 0d);
        add("getFloat", (rs, c) -> c instanceof Integer i ? rs.getFloat(i) : rs.getFloat((String) c), Float::valueOf,
                0f);
        add("getBigDecimal", (rs, c) -> c instanceof Integer i ? rs.getBigDecimal(i) : rs.getBigDecimal((String) c),
                BigDecimal::new, null);
        add("getBoolean", (rs, c) -> c instanceof Integer i ? rs.getBoolean(i) : rs.getBoolean((String) c),
                Boolean::valueOf, false);
        add("getDate", (rs, c) -> c instanceof Integer i ? rs.getDate(i) : rs.getDate((String) c), Date::valueOf, null);
        add("getTime", (rs, c) -> c instanceof Integer i ? rs.getTime(i) : rs.getTime((String) c), Time::valueOf, null);
        add("getTimestamp", (rs, c) -> c instanceof Integer i ? rs.getTimestamp(i) : rs.getTimestamp((String) c),
                Timestamp::valueOf, null);
        typed(String.class, s -> s);
        typed(Long.class, Long::valueOf);
        typed(Integer.class, Integer::valueOf);
        typed(Double.class, Double::valueOf);
        typed(BigDecimal.class, BigDecimal::new);
        typed(Boolean.class, Boolean::valueOf);
        typed(LocalDate.class, LocalDate::parse);
        typed(LocalTime.class, LocalTime::parse);
        typed(LocalDateTime.class, LocalDateTime::parse);
        typed(OffsetDateTime.class, OffsetDateTime::parse);
        typed(Date.class, Date::valueOf);
        typed(Time.class, Time::valueOf);
        typed(Timestamp.class, Timestamp::valueOf);
    }

    private static void add(String name, Read read, Function<String, Object> parse, Object onNull) {
        GETTERS.put(name, new Getter(name, read, parse, onNull));
    }

    private static <T> void typed(Class<T> type, Function<String, Object> parse) {
        add(type.getSimpleName(), (rs, c) -> c instanceof Integer i ? rs.getObject(i, type)
                : rs.getObject((String) c, type), parse, null);
    }

    /** One expected cell: a value, or the SQLState of the failure. */
    private record Cell(String getter, String column, String text) {
        boolean fails() {
            return text.startsWith("!");
        }

        Object value() {
            String t = text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                    ? text.substring(1, text.length() - 1) : text;
            return GETTERS.get(getter).parse().apply(t);
        }
    }

    /** The cells of a table, getter by getter, column by column. */
    private static List<Cell> cells(String table) {
        List<Cell> out = new ArrayList<>();
        String[] lines = table.strip().split("\n");
        String[] header = split(lines[0]);
        for (int l = 1; l < lines.length; l++) {
            String[] row = split(lines[l]);
            assertEquals(header.length, row.length, "cells in table row " + lines[l]);
            assertTrue(GETTERS.containsKey(row[0]), "getter " + row[0]);
            for (int c = 1; c < row.length; c++) {
                out.add(new Cell(row[0], header[c], row[c]));
            }
        }
        return out;
    }

    private static String[] split(String line) {
        String[] parts = line.split("\\|");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static String select(boolean nulls) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < COLUMNS.length; i++) {
            String expr = (String) COLUMNS[i][1];
            sql.append(i == 0 ? "" : ", ").append(nulls ? "CASE WHEN OrderQty < 0 THEN " + expr + " END" : expr)
                    .append(" AS \"").append(COLUMNS[i][0]).append('"');
        }
        return sql.append(" FROM WorkOrderStatus WHERE WorkOrderNo = '").append(ORDER).append('\'').toString();
    }

    @Test
    void everyGetterOnEveryTypeFollowsTableB6() throws Exception {
        List<JsonNode> raw = RawApi.rows(sandbox, "{\"ReportID\":104,\"filters\":{}}");
        JsonNode order = raw.stream().filter(r -> ORDER.equals(r.get("WorkOrderNo").asText())).findFirst()
                .orElseThrow();
        assertEquals(1250, order.get("OrderQty").asLong());
        assertEquals("4.67", order.get("UnitPrice").decimalValue().toPlainString());
        assertTrue(order.get("IsUrgent").asBoolean());
        assertEquals("2025-01-11", order.get("DueDate").asText());
        assertEquals("2024-12-17T08:36:02", order.get("LastUpdate").asText().replace(' ', 'T'));

        List<Cell> cells = new ArrayList<>(cells(NUMBERS_AND_TIMES));
        cells.addAll(cells(TEXT));
        assertEquals(GETTERS.size() * COLUMNS.length, cells.size(), "the tables cover every getter and column");

        TimeZone original = TimeZone.getDefault();
        try {
            for (String zone : ZONES) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                int before = dataBodies().size();
                try (Connection c = alice(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(select(false))) {
                    assertTrue(rs.next(), "the work order row");
                    checkTypes(rs.getMetaData());
                    check(rs, cells, "query result set in " + zone);
                    try (ResultSet list = copy(rs)) {
                        assertTrue(list.next());
                        check(list, cells, "metadata result set in " + zone);
                    }
                    assertFalse(rs.next(), "one work order");
                }
                List<JsonNode> bodies = dataBodies();
                assertEquals(before + 1, bodies.size(), "one get-data call per query");
                assertEquals(104, bodies.get(bodies.size() - 1).get("ReportID").asInt());
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    private static void checkTypes(ResultSetMetaData md) throws SQLException {
        assertEquals(COLUMNS.length, md.getColumnCount());
        for (int i = 0; i < COLUMNS.length; i++) {
            assertEquals(COLUMNS[i][0], md.getColumnLabel(i + 1));
            assertEquals(COLUMNS[i][2], md.getColumnType(i + 1), "type of " + COLUMNS[i][0]);
        }
    }

    /** Every cell by index and by label, each successful read followed by {@code wasNull() == false}. */
    private static void check(ResultSet rs, List<Cell> cells, String where) throws SQLException {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            Getter g = GETTERS.get(cell.getter());
            int index = rs.findColumn(cell.column());
            for (Object column : new Object[] {index, cell.column()}) {
                String at = g.name() + "(" + (column instanceof Integer ? "" + column : "\"" + column + "\"") + ")";
                try {
                    Object got = g.read().read(rs, column);
                    if (cell.fails()) {
                        wrong.add(at + " gave " + got + ", expected " + cell.text());
                    } else if (!cell.value().equals(got)) {
                        wrong.add(at + " gave " + describe(got) + ", expected " + describe(cell.value()));
                    } else if (rs.wasNull()) {
                        wrong.add(at + " left wasNull() true");
                    }
                } catch (SQLException e) {
                    String expected = "Column '" + cell.column() + "' holds ";
                    String shown = "'" + rs.getString(index) + "'";
                    if (!cell.fails() || !cell.text().substring(1).equals(e.getSQLState())) {
                        wrong.add(at + " failed " + e.getSQLState() + " " + e.getMessage() + ", expected " + cell.text());
                    } else if (!e.getMessage().contains(expected) || !e.getMessage().contains(shown)
                            || e.getMessage().contains("org.apache") || e.getMessage().contains("Accessor")) {
                        wrong.add(at + " message does not name the column and value " + shown + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(where + ": " + wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
        }
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }

    /** The metadata result set over the same natural values and column types. */
    private static ResultSet copy(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<ColumnSpec> specs = new ArrayList<>();
        Object[] row = new Object[md.getColumnCount()];
        for (int i = 1; i <= row.length; i++) {
            specs.add(new ColumnSpec(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i),
                    md.getPrecision(i), md.getScale(i), true));
            row[i - 1] = rs.getObject(i);
        }
        return new ListResultSet(null, specs, List.<Object[]>of(row));
    }

    /** Report 203 writes {@code num_text} as strings ("42", "17.5"): a VARCHAR column read with the number getters. */
    @Test
    void numbersTheApiWritesAsTextReadWithTheNumberGetters() throws Exception {
        List<JsonNode> raw = RawApi.rows(sandbox, "oscar", "oscar-pw", "{\"ReportID\":203,\"filters\":{}}");
        int before = dataBodies().size();
        int fractions = 0;
        try (Connection c = connect("oscar", "oscar-pw"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, num_text FROM ShiftingKinds ORDER BY id")) {
            assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(2));
            int i = 0;
            while (rs.next()) {
                String text = raw.get(i++).get("num_text").asText();
                BigDecimal exact = new BigDecimal(text);
                assertEquals(text, rs.getString("num_text"));
                assertEquals(exact, rs.getBigDecimal("num_text"));
                assertEquals(exact, rs.getObject(2, BigDecimal.class));
                assertEquals(exact.longValue(), rs.getLong(2), text);
                assertEquals(exact.intValue(), rs.getInt("num_text"), text);
                assertEquals(exact.doubleValue(), rs.getDouble(2), text);
                assertEquals(Integer.valueOf(exact.intValue()), rs.getObject("num_text", Integer.class));
                assertFalse(rs.wasNull());
                if (exact.scale() > 0) {
                    fractions++;
                }
                if (!text.equals("0") && !text.equals("1")) {
                    SQLException e = assertInstanceOf(SQLException.class, catchIt(() -> rs.getBoolean(2)));
                    assertEquals("22018", e.getSQLState(), e.getMessage());
                    assertTrue(e.getMessage().contains("'num_text' holds the text '" + text + "'"), e.getMessage());
                }
                SQLException date = assertInstanceOf(SQLException.class, catchIt(() -> rs.getDate("num_text")));
                assertEquals("22018", date.getSQLState(), date.getMessage());
            }
            assertEquals(raw.size(), i);
        }
        assertTrue(fractions > 100 && fractions < raw.size() - 100, "both whole numbers and fractions: " + fractions);
        List<JsonNode> bodies = dataBodies();
        assertEquals(before + 1, bodies.size(), "one get-data call");
        assertEquals(203, bodies.get(bodies.size() - 1).get("ReportID").asInt());
    }

    @Test
    void onNullEveryGetterGivesZeroFalseOrNullAndWasNull() throws Exception {
        try (Connection c = alice(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select(true))) {
            assertTrue(rs.next());
            checkTypes(rs.getMetaData());
            List<String> wrong = new ArrayList<>();
            for (Getter g : GETTERS.values()) {
                for (Object[] column : COLUMNS) {
                    for (Object ref : new Object[] {rs.findColumn((String) column[0]), column[0]}) {
                        Object got = g.read().read(rs, ref);
                        if (!java.util.Objects.equals(g.onNull(), got) || !rs.wasNull()) {
                            wrong.add(g.name() + "(" + ref + ") gave " + describe(got) + " wasNull " + rs.wasNull());
                        }
                    }
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        }
    }

    @Test
    void textWithAnOffsetReadsAsTheUtcWallClockExceptAsOffsetDateTime() throws Exception {
        try (Connection c = alice(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CAST('2025-01-01T10:00:00+02:00' AS VARCHAR(30)) AS v, CAST(' 2025-01-01 08:00 ' AS"
                        + " VARCHAR(30)) AS w FROM WorkOrderStatus WHERE WorkOrderNo = '" + ORDER + "'")) {
            assertTrue(rs.next());
            assertEquals(Timestamp.valueOf("2025-01-01 08:00:00"), rs.getTimestamp("v"));
            assertEquals(LocalDateTime.parse("2025-01-01T08:00"), rs.getObject("v", LocalDateTime.class));
            assertEquals(OffsetDateTime.parse("2025-01-01T10:00+02:00"), rs.getObject("v", OffsetDateTime.class));
            assertEquals(LocalTime.parse("08:00"), rs.getObject("v", LocalTime.class));
            assertEquals(Timestamp.valueOf("2025-01-01 08:00:00"), rs.getTimestamp("w"), "trimmed, without seconds");
        }
    }

    @Test
    void withACalendarTextIsAWallClockInTheCalendarsZone() throws Exception {
        TimeZone original = TimeZone.getDefault();
        try {
            for (String zone : ZONES) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                try (Connection c = alice(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(select(false))) {
                    assertTrue(rs.next());
                    checkCalendar(rs);
                    try (ResultSet list = copy(rs)) {
                        assertTrue(list.next());
                        checkCalendar(list);
                    }
                } catch (AssertionError e) {
                    throw new AssertionError("in time zone " + zone + ": " + e.getMessage(), e);
                }
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    private static void checkCalendar(ResultSet rs) throws SQLException {
        java.util.Calendar tokyo = java.util.Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Tokyo");
        assertEquals(LocalDateTime.parse("2024-12-17T08:36:02").atZone(zone).toInstant(),
                rs.getTimestamp("vts", tokyo).toInstant());
        assertEquals(LocalDate.parse("2025-01-11").atStartOfDay(zone).toInstant().toEpochMilli(),
                rs.getDate("vdate", tokyo).getTime());
        assertEquals(LocalDateTime.parse("1970-01-01T08:36:02").atZone(zone).toInstant().toEpochMilli(),
                rs.getTime("vts", tokyo).getTime());
        assertEquals(LocalDateTime.parse("2024-12-17T08:36:02").atZone(zone).toInstant(),
                rs.getTimestamp("ts", tokyo).toInstant(), "a TIMESTAMP column the same way");
        assertEquals(LocalDateTime.parse("1970-01-01T08:36:02").atZone(zone).toInstant().toEpochMilli(),
                rs.getTime("time", tokyo).getTime(), "a TIME column");
        assertEquals(LocalDate.parse("2025-01-11").atStartOfDay(zone).toInstant().toEpochMilli(),
                rs.getDate("date", tokyo).getTime(), "a DATE column");
        SQLException e = assertInstanceOf(SQLException.class, catchIt(() -> rs.getDate("big", tokyo)));
        assertEquals("22018", e.getSQLState(), e.getMessage());
        @SuppressWarnings("deprecation")
        BigDecimal scaled = rs.getBigDecimal(rs.findColumn("vfrac"), 1);
        assertEquals(new BigDecimal("4.7"), scaled, "the deprecated getBigDecimal(column, scale) on text");
    }

    @Test
    void aFailureShowsAtMostEightyCharactersOfTheValue() throws Exception {
        String longText = "x".repeat(200);
        try (Connection c = alice(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CAST('" + longText + "' AS VARCHAR(300)) AS \"Long Text\", CAST(OrderQty AS DOUBLE) / 0 AS inf"
                        + " FROM WorkOrderStatus WHERE WorkOrderNo = '" + ORDER + "'")) {
            assertTrue(rs.next());
            SQLException e = assertInstanceOf(SQLException.class, catchIt(() -> rs.getLong(1)));
            assertEquals("22018", e.getSQLState());
            assertTrue(e.getMessage().startsWith("Column 'Long Text' holds the text '" + "x".repeat(80) + "...'"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("read it with getString"), e.getMessage());
            assertEquals(Double.POSITIVE_INFINITY, rs.getDouble("inf"));
            SQLException inf = assertInstanceOf(SQLException.class, catchIt(() -> rs.getLong("inf")));
            assertEquals("22003", inf.getSQLState(), inf.getMessage());
            assertNull(catchIt(() -> rs.getString("inf")), "getString works on every type");
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws SQLException;
    }

    /** The exception the call throws, or null. */
    private static Throwable catchIt(Call call) {
        try {
            call.run();
            return null;
        } catch (SQLException | RuntimeException e) {
            return e;
        }
    }
}
