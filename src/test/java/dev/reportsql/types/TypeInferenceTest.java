package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
                row("[1" + "0".repeat(38) + "]", ColumnType.DOUBLE, 0), // 39 digits
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
                row("[1234567890123456789, 0.5]", ColumnType.DOUBLE, 0),
                row("[9223372036854775808, 0.5]", ColumnType.DOUBLE, 0),
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
