package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/**
 * Reportei JSON values → Calcite's internal values for a column's type. Timestamps come as
 * {@code yyyy-MM-dd HH:mm:ss} without a zone (kept as wall-clock TIMESTAMP) or ISO-8601 with
 * {@code Z} (converted to the UTC wall clock). A value that does not fit its column fails with 22018
 * naming the column, rather than turning into NULL.
 */
final class JsonCells {
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private JsonCells() {
    }

    /** One row: each column read from {@code object} at the column's JSON key (dots walk into objects). */
    static Object[] row(JsonNode object, List<ColumnDef> columns, int width, String source) throws SQLException {
        Object[] row = new Object[width];
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            JsonNode n = object;
            for (String part : c.jsonKey().split("\\.")) {
                n = n.path(part);
            }
            row[i] = cell(n, c.type(), c.name(), source);
        }
        return row;
    }

    static Object cell(JsonNode n, ColumnType type, String column, String source) throws SQLException {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        try {
            return switch (type) {
                case VARCHAR -> n.isValueNode() ? n.asText() : n.toString();
                case BIGINT -> n.canConvertToLong() && n.isIntegralNumber() ? (Object) n.asLong()
                        : (Object) Long.parseLong(n.asText().trim());
                case DOUBLE -> n.isNumber() ? (Object) n.asDouble() : (Object) Double.parseDouble(n.asText().trim());
                case BOOLEAN -> bool(n);
                case DATE -> (int) LocalDate.parse(n.asText().trim().substring(0, 10)).toEpochDay();
                case TIMESTAMP -> timestamp(n.asText().trim());
                case DECIMAL -> n.decimalValue();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "Column " + column + " of " + source
                    + " is " + type + " but Reportei sent " + excerpt(n) + "; report this with the request it came from",
                    e);
        }
    }

    /** Internal value of a DATE column from {@code yyyy-MM-dd}. */
    static Integer date(String text) {
        return text == null ? null : (int) LocalDate.parse(text).toEpochDay();
    }

    private static Object bool(JsonNode n) {
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        String t = n.asText().trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new NumberFormatException("not a boolean: " + t);
        };
    }

    private static long timestamp(String t) {
        LocalDateTime wall;
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            wall = OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (t.length() == 10) {
            wall = LocalDate.parse(t).atStartOfDay();
        } else {
            wall = t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, SPACED);
        }
        return wall.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static String excerpt(JsonNode n) {
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
