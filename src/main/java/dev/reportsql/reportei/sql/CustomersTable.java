package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.calcite.linq4j.Enumerator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.reportei.ReporteiClient;
import dev.reportsql.reportei.ReporteiErrors;
import dev.reportsql.sql.PlannedCall;
import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/**
 * The merchant's customers: {@code GET /customers}, every page ({@link CustomerPages}), or, with
 * {@code WHERE uuid = ...} / {@code IN (...)}, one {@code GET /customers/{uuid}} per uuid. A uuid
 * Reportei does not know gives no row and a warning, as any WHERE that matches nothing would.
 */
final class CustomersTable extends ReporteiTable {
    static final List<ColumnDef> COLUMNS = List.of(
            EndpointTable.col("uuid", ColumnType.VARCHAR),
            EndpointTable.col("name", ColumnType.VARCHAR),
            EndpointTable.col("created_at", ColumnType.TIMESTAMP),
            EndpointTable.col("updated_at", ColumnType.TIMESTAMP),
            EndpointTable.col("trial_ends_at", ColumnType.TIMESTAMP),
            EndpointTable.col("is_paying", ColumnType.BOOLEAN),
            EndpointTable.col("merchant", ColumnType.VARCHAR));

    private final ReporteiClient client;
    private final int pageSize;
    private final int prefetch;

    CustomersTable(ReporteiClient client, int pageSize, int prefetch) {
        super("customers", "The merchant's customers (GET /customers, all pages; WHERE uuid = ... reads "
                + "GET /customers/{uuid})", COLUMNS);
        this.client = client;
        this.pageSize = pageSize;
        this.prefetch = prefetch;
    }

    @Override
    public Map<String, Pushdown> pushdown() {
        return Map.of("uuid", Pushdown.KEY);
    }

    @Override
    List<PlannedCall> plannedCalls(Map<String, List<String>> values) {
        List<String> uuids = values.get("uuid");
        if (uuids == null) {
            return List.of(client.plan("GET", "customers", "page=1&per_page=" + pageSize, -1, name(),
                    "one call per page of " + pageSize + " rows; the first page says how many there are"));
        }
        List<PlannedCall> out = new java.util.ArrayList<>();
        uuids.forEach(u -> out.add(client.plan("GET", "customers/" + u, null, 1, name(), "lookup by uuid")));
        return out;
    }

    @Override
    Enumerator<Object[]> open(ScanRequest request) {
        List<String> uuids = request.valuesOf("uuid");
        if (uuids == null) {
            return new CustomerPages(client, request, pageSize, prefetch, this);
        }
        return new RowEnumerator(request) {
            private final Iterator<String> next = uuids.iterator();

            @Override
            protected Object[] nextRow() throws SQLException {
                while (next.hasNext()) {
                    String uuid = next.next();
                    JsonNode body = client.find("customers/" + uuid, ReporteiErrors.Target.MERCHANT, request.context());
                    if (body != null) {
                        return JsonCells.row(body.path("customer"), COLUMNS, COLUMNS.size(), name());
                    }
                    request.context().addWarning(new SQLWarning("Reportei has no customer with uuid '" + uuid
                            + "' (HTTP 404); it contributes no row", "01000"));
                }
                return null;
            }
        };
    }
}
