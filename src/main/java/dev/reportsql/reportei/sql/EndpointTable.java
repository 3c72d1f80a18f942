package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.calcite.linq4j.Enumerator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.reportei.ReporteiClient;
import dev.reportsql.reportei.ReporteiErrors;
import dev.reportsql.sql.PlannedCall;
import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/**
 * A table over one unpaginated GET endpoint: the rows are the objects found at {@code rowsPath} of
 * the answer (an array, or a single object for one row). Used for the merchant settings, its
 * available integrations and the current customer's settings.
 */
final class EndpointTable extends ReporteiTable {
    private final ReporteiClient client;
    private final String path;
    private final ReporteiErrors.Target target;
    private final String rowsPath;

    EndpointTable(String name, String remarks, List<ColumnDef> columns, ReporteiClient client, String path,
            ReporteiErrors.Target target, String rowsPath) {
        super(name, remarks, columns);
        this.client = client;
        this.path = path;
        this.target = target;
        this.rowsPath = rowsPath;
    }

    @Override
    public Map<String, Pushdown> pushdown() {
        return Map.of();
    }

    @Override
    List<PlannedCall> plannedCalls(Map<String, List<String>> values) {
        return List.of(client.plan("GET", path, null, 1, name(), null));
    }

    @Override
    Enumerator<Object[]> open(ScanRequest request) {
        return new RowEnumerator(request) {
            private Iterator<JsonNode> rows;

            @Override
            protected Object[] nextRow() throws SQLException {
                if (rows == null) {
                    rows = objectsAt(client.get(path, Map.of(), target, request.context()), rowsPath,
                            "GET " + path).iterator();
                }
                return rows.hasNext() ? JsonCells.row(rows.next(), columns(), columns().size(), name()) : null;
            }
        };
    }

    /** The row objects at a dotted path of a response: each element of an array, or the object itself. */
    static List<JsonNode> objectsAt(JsonNode body, String rowsPath, String endpoint) throws SQLException {
        JsonNode n = body;
        for (String part : rowsPath.split("\\.")) {
            n = n.path(part);
        }
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (n.isObject()) {
            out.add(n);
        } else {
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, endpoint + " answered without '" + rowsPath
                    + "' (an object or array) in its body: " + excerpt(body));
        }
        return out;
    }

    static String excerpt(JsonNode body) {
        String s = body.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    static ColumnDef col(String name, ColumnType type) {
        return ColumnDef.of(name, type, 0);
    }

    static ColumnDef col(String name, String jsonPath, ColumnType type) {
        return new ColumnDef(name, jsonPath, type, 0);
    }
}
