package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sooperwizer.sql.ColumnRegistry;

/**
 * A column gets the type that holds every value of the report's first response, keeps it across
 * queries, and a value of a later response that does not fit never fails the query: it reads as
 * NULL with a 01004 warning, and the next query holds it. Reports 202–206 of user oscar.
 */
class TypesHoldEveryValueTest extends SandboxFixture {

    @BeforeEach
    void forgetLearnedColumns() {
        // Columns are shared between connections of a user; each test starts from a report never seen.
        ColumnRegistry.clearShared();
    }

    private static Connection oscar(String... props) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "oscar");
        p.setProperty("password", "oscar-pw");
        for (int i = 0; i < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return DriverManager.getConnection(url(), p);
    }

    private static List<JsonNode> raw(String body) throws Exception {
        return RawApi.rows(sandbox, "oscar", "oscar-pw", body);
    }

    @Test
    void columnsNullOrMissingForHundredsOfRowsGetTheTypeOfTheirLaterValues() throws Exception {
        List<JsonNode> raw = raw("{\"ReportID\":202,\"filters\":{}}");
        int before = dataBodies().size();
        // 50 rows in memory: the other 950 wait in a temporary file while the values are classified.
        try (Connection c = oscar("inferenceRows", "50"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM SparseColumns")) {
            Map<String, String> types = types(rs.getMetaData());
            // late_text is first seen in row 501, so it comes after every key of the rows before.
            assertEquals("{id=BIGINT, late_number=BIGINT, late_decimal=DECIMAL(3), always_null=VARCHAR,"
                    + " group=VARCHAR, late_text=VARCHAR}", types.toString());
            int i = 0;
            while (rs.next()) {
                JsonNode row = raw.get(i++);
                assertEquals(row.get("id").asLong(), rs.getLong("id"));
                JsonNode late = row.get("late_number");
                assertEquals(late.isNull() ? null : late.asLong(), rs.getObject("late_number"));
                JsonNode text = row.get("late_text");
                assertEquals(text == null ? null : text.asText(), rs.getString("late_text"));
                JsonNode dec = row.get("late_decimal");
                assertEquals(dec.isNull() ? null : dec.decimalValue().setScale(3), rs.getBigDecimal("late_decimal"));
                assertNull(rs.getString("always_null"));
                assertEquals(row.get("group").asText(), rs.getString("group"));
            }
            assertEquals(1000, i);
            assertNull(rs.getWarnings(), "every value fits: nothing to warn about");
        }
        assertEquals(List.of("{\"ReportID\":202,\"filters\":{}}"), bodiesSince(before), "one data call");
    }

    @Test
    void valuesThatChangeKindWithinTheResponseGetTheTypeThatHoldsThemAll() throws Exception {
        List<JsonNode> raw = raw("{\"ReportID\":203,\"filters\":{}}");
        int before = dataBodies().size();
        try (Connection c = oscar(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM ShiftingKinds")) {
            assertEquals("{id=BIGINT, qty=DECIMAL(2), code=VARCHAR, num_text=VARCHAR, when=TIMESTAMP,"
                    + " big=DECIMAL(0), ratio=DOUBLE, flag=VARCHAR}", types(rs.getMetaData()).toString());
            int i = 0;
            while (rs.next()) {
                JsonNode row = raw.get(i++);
                assertEquals(row.get("qty").decimalValue().setScale(2), rs.getBigDecimal("qty"));
                assertEquals(row.get("code").asText(), rs.getString("code"), "numbers and text: the JSON text");
                assertEquals(row.get("num_text").asText(), rs.getString("num_text"));
                String when = row.get("when").asText();
                LocalDateTime expected = when.length() == 10 ? LocalDate.parse(when).atStartOfDay()
                        : LocalDateTime.parse(when);
                assertEquals(Timestamp.valueOf(expected), rs.getTimestamp("when"));
                assertEquals(new BigDecimal(row.get("big").bigIntegerValue()), rs.getBigDecimal("big"));
                assertEquals(row.get("ratio").doubleValue(), rs.getDouble("ratio"));
                assertEquals(row.get("flag").asText(), rs.getString("flag"));
            }
            assertEquals(1000, i);
            assertNull(rs.getWarnings());
        }
        assertEquals(List.of("{\"ReportID\":203,\"filters\":{}}"), bodiesSince(before));
    }

    @Test
    void learnedTypesAreKeptAcrossQueriesAndConnectionsWithoutAnotherDiscovery() throws Exception {
        int before = dataBodies().size();
        try (Connection c = oscar()) {
            assertEquals(1000, count(c, "SELECT COUNT(*) FROM ShiftingKinds WHERE qty > 0 OR qty IS NULL"));
            assertEquals(1, bodiesSince(before).size());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT qty, big FROM ShiftingKinds")) {
                assertEquals("{qty=DECIMAL(2), big=DECIMAL(0)}", types(rs.getMetaData()).toString());
            }
        }
        try (Connection c = oscar()) {
            // Another connection of the user: the columns come from the cache, getColumns makes no call.
            assertEquals("DECIMAL(2)", metadataType(c.getMetaData(), "ShiftingKinds", "qty"));
            assertEquals("TIMESTAMP", metadataType(c.getMetaData(), "ShiftingKinds", "when"));
            assertEquals(2, bodiesSince(before).size(), "one data call per query, none for metadata");
        }
    }

    @Test
    void aLaterValueThatDoesNotFitReadsAsNullWithAWarningAndTheNextQueryHoldsIt() throws Exception {
        List<JsonNode> second = raw("{\"ReportID\":206,\"filters\":{\"Batch\":\"2\"}}");
        List<JsonNode> first = raw("{\"ReportID\":206,\"filters\":{\"Batch\":\"1\"}}");
        int before = dataBodies().size();
        try (Connection c = oscar(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, amount, code, \"day\", flag FROM DriftingKinds"
                    + " WHERE Batch = '1'")) {
                assertEquals("{id=BIGINT, amount=BIGINT, code=BIGINT, day=DATE, flag=BOOLEAN}",
                        types(rs.getMetaData()).toString());
                assertEquals(40, rows(rs).size());
                assertNull(rs.getWarnings());
            }
            try (ResultSet rs = s.executeQuery("SELECT id, amount, code, \"day\", flag FROM DriftingKinds"
                    + " WHERE Batch = '2'")) {
                assertEquals("{id=BIGINT, amount=BIGINT, code=BIGINT, day=DATE, flag=BOOLEAN}",
                        types(rs.getMetaData()).toString(), "the plan keeps the types it was made with");
                List<List<Object>> rows = rows(rs);
                assertEquals(40, rows.size(), "the query does not fail");
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(List.of(second.get(i).get("id").asLong()), rows.get(i).subList(0, 1));
                    assertEquals(java.util.Arrays.asList(null, null, null, null), rows.get(i).subList(1, 5));
                }
                List<SQLWarning> warnings = warnings(rs);
                JsonNode row1 = second.get(0);
                // 12.00 fits a BIGINT (nothing is lost): the first misfit is the first amount with cents.
                JsonNode firstCents = second.stream().filter(r -> r.get("amount").decimalValue()
                        .stripTrailingZeros().scale() > 0).findFirst().orElseThrow();
                assertWarning(warnings, "amount", "BIGINT", firstCents.get("amount").decimalValue().toPlainString(),
                        "DECIMAL scale 2");
                assertWarning(warnings, "code", "BIGINT", "\"" + row1.get("code").asText() + "\"", "VARCHAR");
                assertWarning(warnings, "day", "DATE", "\"" + row1.get("day").asText() + "\"", "TIMESTAMP");
                assertWarning(warnings, "flag", "BOOLEAN", "\"" + row1.get("flag").asText() + "\"", "VARCHAR");
                assertTrue(warnings.stream().anyMatch(w -> w.getMessage().contains("column 'code' (BIGINT): 40 values"
                        + " did not fit")), warnings.toString());
            }
            try (ResultSet rs = s.executeQuery("SELECT id, amount, code, \"day\", flag FROM DriftingKinds"
                    + " WHERE Batch = '2'")) {
                assertEquals("{id=BIGINT, amount=DECIMAL(2), code=VARCHAR, day=TIMESTAMP, flag=VARCHAR}",
                        types(rs.getMetaData()).toString(), "widened for the next query");
                int i = 0;
                while (rs.next()) {
                    JsonNode row = second.get(i++);
                    assertEquals(row.get("amount").decimalValue().setScale(2), rs.getBigDecimal("amount"));
                    assertEquals(row.get("code").asText(), rs.getString("code"));
                    assertEquals(Timestamp.valueOf(LocalDateTime.parse(row.get("day").asText())),
                            rs.getTimestamp("day"));
                    assertEquals(row.get("flag").asText(), rs.getString("flag"));
                }
                assertEquals(40, i);
                assertNull(rs.getWarnings(), "the widened types hold every value");
            }
            try (ResultSet rs = s.executeQuery("SELECT amount, code, \"day\", flag FROM DriftingKinds"
                    + " WHERE Batch = '1'")) {
                int i = 0;
                while (rs.next()) {
                    JsonNode row = first.get(i++);
                    assertEquals(BigDecimal.valueOf(row.get("amount").asLong()).setScale(2), rs.getBigDecimal(1));
                    assertEquals(row.get("code").asText(), rs.getString(2));
                    assertEquals(Timestamp.valueOf(LocalDate.parse(row.get("day").asText()).atStartOfDay()),
                            rs.getTimestamp(3));
                    assertEquals(row.get("flag").asText(), rs.getString(4));
                }
                assertEquals(40, i);
                assertNull(rs.getWarnings(), "the wider types still hold the first batch");
            }
        }
        try (Connection c = oscar()) {
            assertEquals("DECIMAL(2)", metadataType(c.getMetaData(), "DriftingKinds", "amount"),
                    "other connections of the user learn the wider type");
        }
        List<String> batches = new ArrayList<>();
        for (String body : bodiesSince(before)) {
            batches.add(RawApi.JSON.readTree(body).get("filters").get("Batch").asText());
        }
        assertEquals(List.of("1", "2", "2", "1"), batches, "one data call per query, with its batch");
    }

    @Test
    void conversionsTheUserAsksForStillFail() throws Exception {
        try (Connection c = oscar(); Statement s = c.createStatement()) {
            SQLException cast = assertThrows(SQLException.class,
                    () -> rows(c, "SELECT CAST(code AS INTEGER) FROM ShiftingKinds"));
            assertEquals("22018", cast.getSQLState(), cast.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT code FROM ShiftingKinds WHERE code LIKE 'X-%'")) {
                assertTrue(rs.next());
                SQLException getter = assertThrows(SQLException.class, () -> rs.getInt(1));
                assertEquals("22018", getter.getSQLState(), getter.getMessage());
            }
        }
    }

    @Test
    void anEmptyResponseWarnsAndTeachesNoColumns() throws Exception {
        int before = dataBodies().size();
        try (Connection c = oscar(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM DriftingKinds WHERE Batch = '9'")) {
                assertFalse(rs.next());
                assertEquals("{Batch=VARCHAR}", types(rs.getMetaData()).toString(), "only the filter column is known");
                SQLWarning w = rs.getWarnings();
                assertNotNull(w, "an empty answer never looks like a silent result");
                assertEquals("01000", w.getSQLState());
                assertTrue(w.getMessage().contains("'DriftingKinds'") && w.getMessage()
                        .contains("returned no rows for the filters sent (Batch = '9')"), w.getMessage());
            }
            // Nothing was cached: the next query with rows learns the columns from its own response.
            try (ResultSet rs = s.executeQuery("SELECT * FROM DriftingKinds WHERE Batch = '2'")) {
                assertEquals("{id=BIGINT, amount=DECIMAL(2), code=VARCHAR, day=TIMESTAMP, flag=VARCHAR, Batch=VARCHAR}",
                        types(rs.getMetaData()).toString());
                assertEquals(40, rows(rs).size());
                assertNull(rs.getWarnings());
            }
            // Columns known, and the response is empty: the same warning.
            try (ResultSet rs = s.executeQuery("SELECT amount FROM DriftingKinds WHERE Batch = '7'")) {
                assertFalse(rs.next());
                assertTrue(rs.getWarnings().getMessage().contains("(Batch = '7')"), rs.getWarnings().getMessage());
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM EmptyReport")) {
                assertFalse(rs.next());
                assertTrue(rs.getWarnings().getMessage().contains("returned no rows for the filters sent (no filters)"),
                        rs.getWarnings().getMessage());
            }
        }
        List<String> bodies = bodiesSince(before);
        assertEquals(List.of("{\"ReportID\":206,\"filters\":{\"Batch\":\"9\"}}",
                "{\"ReportID\":206,\"filters\":{\"Batch\":\"2\"}}", "{\"ReportID\":206,\"filters\":{\"Batch\":\"7\"}}",
                "{\"ReportID\":205,\"filters\":{}}"), bodies);
    }

    @Test
    void nestedObjectsAndArraysAreJsonTextThatJsonFunctionsRead() throws Exception {
        List<JsonNode> raw = raw("{\"ReportID\":204,\"filters\":{}}");
        int before = dataBodies().size();
        try (Connection c = oscar(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, attrs, tags, matrix, maybe,"
                        + " JSON_VALUE(attrs, '$.color') AS color, JSON_VALUE(attrs, '$.dims.w') AS w,"
                        + " JSON_QUERY(attrs, '$.dims') AS dims, JSON_QUERY(matrix, '$[1]') AS row2,"
                        + " JSON_VALUE(maybe, '$.k') AS k FROM NestedValues ORDER BY id")) {
            ResultSetMetaData md = rs.getMetaData();
            for (String column : List.of("attrs", "tags", "matrix", "maybe")) {
                assertEquals(Types.VARCHAR, md.getColumnType(rs.findColumn(column)), column);
            }
            int i = 0;
            while (rs.next()) {
                JsonNode row = raw.get(i++);
                JsonNode attrs = row.get("attrs");
                assertEquals(attrs.toString(), rs.getString("attrs"), "compact JSON text");
                assertEquals(attrs, RawApi.JSON.readTree(rs.getString("attrs")), "valid JSON");
                assertEquals(row.get("tags"), RawApi.JSON.readTree(rs.getString("tags")));
                assertEquals(row.get("matrix").toString(), rs.getString("matrix"));
                assertEquals(attrs.get("color").asText(), rs.getString("color"));
                assertEquals(attrs.get("dims").get("w").asText(), rs.getString("w"));
                assertEquals(attrs.get("dims"), RawApi.JSON.readTree(rs.getString("dims")));
                assertEquals(row.get("matrix").get(1), RawApi.JSON.readTree(rs.getString("row2")));
                JsonNode maybe = row.get("maybe");
                assertEquals(maybe.isNull() ? null : maybe.get("k").asText(), rs.getString("k"));
            }
            assertEquals(50, i);
        }
        assertEquals(List.of("{\"ReportID\":204,\"filters\":{}}"), bodiesSince(before));
    }

    private static List<String> bodiesSince(int before) {
        List<JsonNode> all = dataBodies();
        List<String> out = new ArrayList<>();
        for (JsonNode body : all.subList(before, all.size())) {
            out.add(body.toString());
        }
        return out;
    }

    /** Column name → type as {@code BIGINT} or {@code DECIMAL(2)}, in order. */
    private static Map<String, String> types(ResultSetMetaData md) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnTypeName(i);
            if (md.getColumnType(i) == Types.DECIMAL) {
                name = "DECIMAL(" + md.getScale(i) + ")";
            }
            out.put(md.getColumnName(i), name);
        }
        return out;
    }

    private static String metadataType(DatabaseMetaData md, String table, String column) throws SQLException {
        try (ResultSet rs = md.getColumns(null, null, table, column)) {
            assertTrue(rs.next(), table + "." + column);
            String type = rs.getString("TYPE_NAME");
            return rs.getInt("DATA_TYPE") == Types.DECIMAL ? "DECIMAL(" + rs.getInt("DECIMAL_DIGITS") + ")" : type;
        }
    }

    private static List<SQLWarning> warnings(ResultSet rs) throws SQLException {
        List<SQLWarning> out = new ArrayList<>();
        for (SQLWarning w = rs.getWarnings(); w != null; w = w.getNextWarning()) {
            out.add(w);
        }
        return out;
    }

    /** A 01004 warning names report, column, type and value, and the type the next query reads. */
    private static void assertWarning(List<SQLWarning> warnings, String column, String type, String value,
            String widened) {
        String head = "Report 'DriftingKinds', column '" + column + "' (" + type + "): value " + value + " ";
        for (SQLWarning w : warnings) {
            if (w.getMessage().startsWith(head)) {
                assertEquals("01004", w.getSQLState(), w.getMessage());
                assertTrue(w.getMessage().contains("reads as NULL"), w.getMessage());
                assertTrue(w.getMessage().contains("read the column as " + widened + ","), w.getMessage());
                return;
            }
        }
        throw new AssertionError("no warning starting with " + head + " in " + warnings);
    }
}
