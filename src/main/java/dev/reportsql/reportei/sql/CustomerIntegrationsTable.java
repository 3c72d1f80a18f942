package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
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
 * The current customer's integrations ({@code GET /customer-integrations}); with
 * {@code WHERE uuid = ...}, one {@code GET /customer-integrations/{uuid}} per uuid, which also
 * tells the integration's current status (active, expired, revoked).
 */
final class CustomerIntegrationsTable extends ReporteiTable {
    static final List<ColumnDef> COLUMNS = List.of(
            EndpointTable.col("uuid", ColumnType.VARCHAR),
            EndpointTable.col("source_name", ColumnType.VARCHAR),
            EndpointTable.col("status", ColumnType.VARCHAR),
            EndpointTable.col("integration_name", "integration.name", ColumnType.VARCHAR),
            EndpointTable.col("integration_slug", "integration.slug", ColumnType.VARCHAR),
            EndpointTable.col("created_at", ColumnType.TIMESTAMP),
            EndpointTable.col("updated_at", ColumnType.TIMESTAMP));

    private final ReporteiClient client;

    CustomerIntegrationsTable(ReporteiClient client) {
        super("customer_integrations", "The current customer's integrations (GET /customer-integrations; "
                + "WHERE uuid = ... reads GET /customer-integrations/{uuid}). Needs customerToken", COLUMNS);
        this.client = client;
    }

    @Override
    public Map<String, Pushdown> pushdown() {
        return Map.of("uuid", Pushdown.KEY);
    }

    @Override
    List<PlannedCall> plannedCalls(Map<String, List<String>> values) {
        List<String> uuids = values.get("uuid");
        if (uuids == null) {
            return List.of(client.plan("GET", "customer-integrations", null, 1, name(), null));
        }
        List<PlannedCall> out = new java.util.ArrayList<>();
        uuids.forEach(u -> out.add(client.plan("GET", "customer-integrations/" + u, null, 1, name(), "lookup by uuid")));
        return out;
    }

    @Override
    Enumerator<Object[]> open(ScanRequest request) {
        List<String> uuids = request.valuesOf("uuid");
        return new RowEnumerator(request) {
            private Iterator<JsonNode> rows;
            private Iterator<String> lookups = uuids == null ? null : uuids.iterator();

            @Override
            protected Object[] nextRow() throws SQLException {
                if (lookups != null) {
                    while (lookups.hasNext()) {
                        String uuid = lookups.next();
                        JsonNode body = client.find("customer-integrations/" + uuid, ReporteiErrors.Target.CUSTOMER,
                                request.context());
                        if (body != null) {
                            return JsonCells.row(body.path("customer_integration"), COLUMNS, COLUMNS.size(), name());
                        }
                        request.context().addWarning(new SQLWarning("Reportei has no customer integration with uuid '"
                                + uuid + "' (HTTP 404); it contributes no row", "01000"));
                    }
                    return null;
                }
                if (rows == null) {
                    List<JsonNode> all = list(client.get("customer-integrations", Map.of(), ReporteiErrors.Target.CUSTOMER,
                            request.context()));
                    if (all.isEmpty()) {
                        request.context().addWarning(noRows("GET /customer-integrations", name()));
                    }
                    rows = all.iterator();
                }
                return rows.hasNext() ? JsonCells.row(rows.next(), COLUMNS, COLUMNS.size(), name()) : null;
            }
        };
    }

    /** The list as a bare array, or under {@code data} or {@code customer_integrations}. */
    private static List<JsonNode> list(JsonNode body) throws SQLException {
        if (body.isArray()) {
            List<JsonNode> out = new ArrayList<>();
            body.forEach(out::add);
            return out;
        }
        return EndpointTable.objectsAt(body, body.has("data") ? "data" : "customer_integrations",
                "GET /customer-integrations");
    }
}
