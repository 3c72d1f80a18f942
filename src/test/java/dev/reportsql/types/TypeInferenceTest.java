package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeInferenceTest {

    /** (the sampled values of one key as a JSON array, expected type, expected scale). */
    static Stream<Arguments> rules() {
        return Stream.of(
                // no non-null value
                row("[null, null]", ColumnType.VARCHAR, 0),
                // integers
                row("[1, 2, -3]", ColumnType.BIGINT, 0),
                row("[1, null, 3]", ColumnType.BIGINT, 0),
                row("[9223372036854775807, -9223372036854775808]", ColumnType.BIGINT, 0),
                row("[9223372036854775808]", ColumnType.DECIMAL, 0),
                row("[1, -9223372036854775809]", ColumnType.DECIMAL, 0),
                row("[1" + "0".repeat(37) + "]", ColumnType.DECIMAL, 0), // 38 digits
                row("[1" + "0".repeat(38) + "]", ColumnType.VARCHAR, 0), // 39 digits: no exact DOUBLE either
                // numbers with fractions
                row("[1.5, 2.25, 3]", ColumnType.DECIMAL, 2),
                row("[87.30]", ColumnType.DECIMAL, 2),
                row("[0.5, null]", ColumnType.DECIMAL, 1),
                row("[1.123456789]", ColumnType.DECIMAL, 9),
                row("[1.1234567890]", ColumnType.DOUBLE, 0),
                row("[1e3]", ColumnType.DOUBLE, 0),
                row("[1.5, 2E-3]", ColumnType.DOUBLE, 0),
                row("[1.5e-1]", ColumnType.DOUBLE, 0),
                row("[123456789012345678.5]", ColumnType.DECIMAL, 1),
                row("[1234567890123456789.5]", ColumnType.DOUBLE, 0),
                // DOUBLE would round these integers; DECIMAL holds them exactly
                row("[1234567890123456789, 0.5]", ColumnType.DECIMAL, 1),
                row("[9223372036854775809, 0.5]", ColumnType.DECIMAL, 1),
                row("[9223372036854775808, 0.5]", ColumnType.DOUBLE, 0), // 2^63: a double holds it exactly
                row("[9007199254740993, 1e3]", ColumnType.VARCHAR, 0),
                row("[9007199254740992, 1e3]", ColumnType.DOUBLE, 0),
                row("[1" + "0".repeat(38) + ", 0.5]", ColumnType.VARCHAR, 0),
                row("[123456789012345678, 0.5]", ColumnType.DECIMAL, 1),
                // booleans
                row("[true, false, null]", ColumnType.BOOLEAN, 0),
                // dates and timestamps
                row("[\"2025-01-01\", \"2024-02-29\"]", ColumnType.DATE, 0),
                row("[\"2025-01-01T08:00:00\", \"2025-01-01 08:00\", \"2025-01-01T08:00:00.123+02:00\","
                        + " \"2025-01-01T08:00Z\", \"2025-01-01T08:00:00.123456789-05:30\"]", ColumnType.TIMESTAMP, 0),
                row("[\"2025-01-01\", \"2025-01-01T08:00:00\"]", ColumnType.TIMESTAMP, 0),
                row("[\"2025-02-30\"]", ColumnType.VARCHAR, 0),
                row("[\"2025-02-29\"]", ColumnType.VARCHAR, 0),
                row("[\"2025-01-01\", \"2025-13-01\"]", ColumnType.VARCHAR, 0),
                row("[\"2025-01-01T24:00\"]", ColumnType.VARCHAR, 0),
                row("[\"2025-01-01T08:00:00.1234567890\"]", ColumnType.VARCHAR, 0),
                row("[\"2025-01-01T08:00+02\"]", ColumnType.VARCHAR, 0),
                row("[\"01/02/2025\"]", ColumnType.VARCHAR, 0),
                // strings and mixes
                row("[\"abc\", null]", ColumnType.VARCHAR, 0),
                row("[\"1\", \"2\"]", ColumnType.VARCHAR, 0),
                row("[1, \"2\"]", ColumnType.VARCHAR, 0),
                row("[true, 1]", ColumnType.VARCHAR, 0),
                row("[\"2025-01-01\", 5]", ColumnType.VARCHAR, 0),
                row("[\"true\", true]", ColumnType.VARCHAR, 0),
                // nested values
                row("[{\"a\": 1}]", ColumnType.VARCHAR, 0),
                row("[[1, 2]]", ColumnType.VARCHAR, 0),
                row("[1, {\"a\": 1}]", ColumnType.VARCHAR, 0));
    }

    private static Arguments row(String values, ColumnType type, int scale) {
        return Arguments.of(values, type, scale);
    }

    @ParameterizedTest(name = "{0} -> {1}({2})")
    @MethodSource("rules")
    void infersTypeFromSampledValues(String values, ColumnType type, int scale) throws SQLException {
        // One row per value, as the rows of a real sample would carry them.
        String body = values.substring(1, values.length() - 1);
        List<String> cells = splitTopLevel(body);
        StringBuilder json = new StringBuilder("[");
        for (String cell : cells) {
            json.append(json.length() > 1 ? "," : "").append("{\"k\":").append(cell).append('}');
        }
        json.append(']');
        List<ColumnDef> columns = TypeInference.infer(Json.rawRows(json.toString()));
        assertEquals(List.of(new ColumnDef("k", "k", type, scale)), columns);
    }

    /** The contract behind every rule: the type decided holds each value it was decided from. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theInferredTypeHoldsEveryValue(String values, ColumnType type, int scale) throws SQLException {
        List<Map<String, Object>> rows = Json.rawRows(rowsOf(values));
        ColumnDef column = TypeInference.infer(rows).get(0);
        for (Map<String, Object> row : rows) {
            Object internal = ValueConverter.toInternal(row.get("k"), column, "R");
            if (row.get("k") != null) {
                assertEquals(column.type().internalClass(), internal.getClass(), values);
            }
        }
    }

    /** (column, value that does not fit it, the column after widening). */
    static Stream<Arguments> widenings() {
        return Stream.of(
                Arguments.of(ColumnDef.of("k", ColumnType.BIGINT, 0), "2.5", ColumnDef.of("k", ColumnType.DECIMAL, 1)),
                Arguments.of(ColumnDef.of("k", ColumnType.BIGINT, 0), "9223372036854775808",
                        ColumnDef.of("k", ColumnType.DECIMAL, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.BIGINT, 0), "2.5e-1", ColumnDef.of("k", ColumnType.DOUBLE, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.BIGINT, 0), "\"X-7\"", ColumnDef.of("k", ColumnType.VARCHAR, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.BIGINT, 0), "{\"a\":1}", ColumnDef.of("k", ColumnType.VARCHAR, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.DECIMAL, 2), "0.125", ColumnDef.of("k", ColumnType.DECIMAL, 3)),
                Arguments.of(ColumnDef.of("k", ColumnType.DECIMAL, 2), "0.1234567890",
                        ColumnDef.of("k", ColumnType.DOUBLE, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.DECIMAL, 0), "0.5", ColumnDef.of("k", ColumnType.DECIMAL, 1)),
                Arguments.of(ColumnDef.of("k", ColumnType.DOUBLE, 0), "9007199254740993",
                        ColumnDef.of("k", ColumnType.VARCHAR, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.DOUBLE, 0), "true", ColumnDef.of("k", ColumnType.VARCHAR, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.BOOLEAN, 0), "2", ColumnDef.of("k", ColumnType.VARCHAR, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.DATE, 0), "\"2025-01-01T08:00:00\"",
                        ColumnDef.of("k", ColumnType.TIMESTAMP, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.DATE, 0), "\"2025-02-30\"",
                        ColumnDef.of("k", ColumnType.VARCHAR, 0)),
                Arguments.of(ColumnDef.of("k", ColumnType.TIMESTAMP, 0), "5", ColumnDef.of("k", ColumnType.VARCHAR, 0)));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("widenings")
    void widenGivesTheNarrowestTypeThatHoldsTheNewValueToo(ColumnDef column, String value, ColumnDef wider)
            throws SQLException {
        Object raw = Json.rawRows("[{\"k\":" + value + "}]").get(0).get("k");
        assertThrows(SQLException.class, () -> ValueConverter.toInternal(raw, column, "R"), "does not fit before");
        assertEquals(wider, TypeInference.widen(column, raw));
        ValueConverter.toInternal(raw, wider, "R");
    }

    @Test
    void widenKeepsTheSqlNameOfACaseTwin() {
        ColumnDef twin = new ColumnDef("qty_2", "Qty", ColumnType.BIGINT, 0);
        assertEquals(new ColumnDef("qty_2", "Qty", ColumnType.VARCHAR, 0), TypeInference.widen(twin, "n/a"));
    }

    @Test
    void classifierSeesEveryRowNotASample() throws SQLException {
        RowClassifier classifier = new RowClassifier();
        for (int i = 1; i <= 1000; i++) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("id", (long) i);
            row.put("late", i <= 900 ? null : (Object) (long) i);
            row.put("qty", i < 1000 ? (Object) (long) i : Json.rawRows("[{\"v\":0.25}]").get(0).get("v"));
            if (i == 1000) {
                row.put("last_key", "only in the last row");
            }
            classifier.add(row);
        }
        assertEquals(1000, classifier.rows());
        assertEquals(List.of(
                ColumnDef.of("id", ColumnType.BIGINT, 0),
                ColumnDef.of("late", ColumnType.BIGINT, 0),
                ColumnDef.of("qty", ColumnType.DECIMAL, 2),
                ColumnDef.of("last_key", ColumnType.VARCHAR, 0)), classifier.columns());
    }

    private static String rowsOf(String values) {
        StringBuilder json = new StringBuilder("[");
        for (String cell : splitTopLevel(values.substring(1, values.length() - 1))) {
            json.append(json.length() > 1 ? "," : "").append("{\"k\":").append(cell).append('}');
        }
        return json.append(']').toString();
    }

    @Test
    void columnsInOrderOfFirstAppearanceKeepTheirExactKeys() throws SQLException {
        List<ColumnDef> columns = TypeInference.infer(Json.rawRows("""
                [{"id": 1, "Qty": 2},
                 {"qty": 3, "QTY": 4, "note": "x"},
                 {"qty_2": 5, "id": 2}]"""));
        // Case twins are separate columns under the API's own names: quoted SQL names tell them apart.
        assertEquals(List.of(
                ColumnDef.of("id", ColumnType.BIGINT, 0),
                ColumnDef.of("Qty", ColumnType.BIGINT, 0),
                ColumnDef.of("qty", ColumnType.BIGINT, 0),
                ColumnDef.of("QTY", ColumnType.BIGINT, 0),
                ColumnDef.of("note", ColumnType.VARCHAR, 0),
                ColumnDef.of("qty_2", ColumnType.BIGINT, 0)), columns);
    }

    @Test
    void emptySampleHasNoColumns() {
        assertEquals(List.of(), TypeInference.infer(List.of()));
    }

    /** Splits "a, {..}, [..]" at top-level commas (good enough for the table above). */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                depth--;
            } else if (!inString && depth == 0 && c == ',') {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(s.substring(start).trim());
        return out;
    }
}
