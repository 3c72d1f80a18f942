package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import org.apache.calcite.linq4j.Enumerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.reportei.ReporteiClient;
import dev.reportsql.reportei.ReporteiErrors;
import dev.reportsql.sql.PlannedCall;
import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/**
 * One widget's data ({@code POST /metrics/get-data}) as a table. The data columns depend on the
 * component ({@link WidgetRows}); then come the call's inputs as columns: customer_integration,
 * start and end (required), comparison_start and comparison_end (optional, together). They are
 * given with {@code =} or {@code IN} in WHERE, or fixed by the table function's arguments; each
 * combination of values is one call, and its rows echo the values.
 */
final class WidgetTable extends ReporteiTable {
    static final List<String> PARAMETERS = List.of("customer_integration", "start", "end", "comparison_start",
            "comparison_end");
    private static final Map<String, Pushdown> PUSHDOWN;

    static {
        Map<String, Pushdown> m = new LinkedHashMap<>();
        PARAMETERS.forEach(p -> m.put(p, Pushdown.PARAMETER));
        PUSHDOWN = Map.copyOf(m);
    }

    /** The inputs a call cannot do without; the comparison period is optional. */
    private static final Set<String> REQUIRED = Set.of("customer_integration", "start", "end");

    private final WidgetSpec widget;
    private final ReporteiClient client;
    private final Map<String, String> fixed;
    private final int dataColumns;

    WidgetTable(String name, WidgetSpec widget, ReporteiClient client) {
        this(name, widget, client, Map.of());
    }

    WidgetTable(String name, WidgetSpec widget, ReporteiClient client, Map<String, String> fixed) {
        super(name, remarks(widget), columns(widget));
        this.widget = widget;
        this.client = client;
        this.fixed = Map.copyOf(fixed);
        this.dataColumns = columns().size() - PARAMETERS.size();
    }

    @Override
    public boolean requiresFilter(String column) {
        return REQUIRED.contains(column) && !fixed.containsKey(column);
    }

    private static String remarks(WidgetSpec w) {
        return "Widget " + w.referenceKey() + " (" + w.component() + ", metrics " + w.metrics()
                + (w.dimensions().isEmpty() ? "" : ", dimensions " + w.dimensions()) + ") from " + w.source()
                + (w.supported() ? "" : "; this component cannot be read through SQL");
    }

    private static List<ColumnDef> columns(WidgetSpec w) {
        List<ColumnDef> out = new ArrayList<>();
        Set<String> used = new HashSet<>(); // exact names: case twins are distinct columns
        used.addAll(PARAMETERS);
        for (ColumnDef c : WidgetRows.dataColumns(w)) {
            String name = c.name();
            for (int i = 2; used.contains(name); i++) {
                name = c.name() + "_" + i;
            }
            used.add(name);
            out.add(new ColumnDef(name, c.jsonKey(), c.type(), c.scale()));
        }
        out.add(EndpointTable.col("customer_integration", ColumnType.VARCHAR));
        for (String p : PARAMETERS.subList(1, PARAMETERS.size())) {
            out.add(EndpointTable.col(p, ColumnType.DATE));
        }
        return out;
    }

    @Override
    public Map<String, Pushdown> pushdown() {
        return PUSHDOWN;
    }

    @Override
    Enumerator<Object[]> open(ScanRequest request) throws SQLException {
        if (!widget.supported()) {
            throw Errors.sql(SqlState.FEATURE_NOT_SUPPORTED, "Widget " + widget.referenceKey() + " is a "
                    + widget.component() + "; only " + WidgetSpec.SUPPORTED + " widgets map to rows. Pick another "
                    + "widget, or read its metrics through widget_data(...) with one of those components");
        }
        List<Map<String, String>> calls = combinations(request);
        return new RowEnumerator(request) {
            private final Iterator<Map<String, String>> next = calls.iterator();
            private Iterator<Object[]> rows;

            @Override
            protected Object[] nextRow() throws SQLException {
                while (rows == null || !rows.hasNext()) {
                    if (!next.hasNext()) {
                        return null;
                    }
                    rows = fetch(next.next(), request).iterator();
                }
                return rows.next();
            }
        };
    }

    @Override
    List<PlannedCall> plannedCalls(Map<String, List<String>> values) {
        List<PlannedCall> out = new ArrayList<>();
        try {
            if (!widget.supported()) {
                return List.of(client.plan("POST", "metrics/get-data", "-", 0, name(), "no call: a "
                        + widget.component() + " widget cannot be read through SQL"));
            }
            for (Map<String, String> inputs : combinations(values::get)) {
                out.add(client.plan("POST", "metrics/get-data", body(inputs).toString(), 1, name(), null));
            }
        } catch (SQLException e) {
            return List.of(client.plan("POST", "metrics/get-data", "-", 0, name(), "no call: the query is refused "
                    + "before it (" + e.getSQLState() + ": " + e.getMessage() + ")"));
        }
        return out;
    }

    /** Every combination of the inputs' values, after checking that the required ones are there. */
    private List<Map<String, String>> combinations(ScanRequest request) throws SQLException {
        return combinations(request::valuesOf);
    }

    private List<Map<String, String>> combinations(java.util.function.Function<String, List<String>> valuesOf)
            throws SQLException {
        Map<String, List<String>> given = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String p : PARAMETERS) {
            List<String> v = fixed.containsKey(p) ? List.of(fixed.get(p)) : valuesOf.apply(p);
            if (v != null) {
                given.put(p, v);
            } else if (PARAMETERS.indexOf(p) < 3) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw Errors.sql(SqlState.REQUIRED_FILTER_MISSING, "Widget table " + name() + " needs "
                    + String.join(", ", missing) + " to call POST /metrics/get-data; add for example: WHERE "
                    + "customer_integration = '<uuid from customer_integrations>' AND \"start\" = DATE '2024-01-01' "
                    + "AND \"end\" = DATE '2024-01-31'");
        }
        if (given.containsKey("comparison_start") != given.containsKey("comparison_end")) {
            throw Errors.sql(SqlState.REQUIRED_FILTER_MISSING, "Widget table " + name() + " got only one of "
                    + "comparison_start and comparison_end; give both, or neither");
        }
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The body of the metrics call for one combination of inputs. */
    private ObjectNode body(Map<String, String> inputs) {
        ObjectNode body = ReporteiClient.JSON_NODES.objectNode();
        inputs.forEach(body::put);
        ObjectNode w = widget.request().deepCopy();
        w.put("id", widget.requestId());
        ArrayNode list = body.putArray("metrics");
        list.add(w);
        return body;
    }

    private List<Object[]> fetch(Map<String, String> inputs, ScanRequest request) throws SQLException {
        ObjectNode body = body(inputs);
        String id = widget.requestId();
        JsonNode answer = client.post("metrics/get-data", body, ReporteiErrors.Target.METRICS, request.context());
        JsonNode data = answer.get(id);
        if (data == null) {
            throw Errors.sql(SqlState.COMMUNICATION_LINK_FAILURE, "POST /metrics/get-data answered without the "
                    + "widget id " + id + " of " + widget.referenceKey() + ": " + EndpointTable.excerpt(answer));
        }
        List<Object[]> rows = WidgetRows.rows(widget, data, columns().size(), name());
        if (rows.isEmpty()) {
            request.context().addWarning(noRows("POST /metrics/get-data for widget " + widget.referenceKey()
                    + " with " + inputs, name()));
        }
        Object[] echo = new Object[PARAMETERS.size()];
        for (int i = 0; i < PARAMETERS.size(); i++) {
            String v = inputs.get(PARAMETERS.get(i));
            echo[i] = i == 0 || v == null ? v : date(v);
        }
        for (Object[] row : rows) {
            System.arraycopy(echo, 0, row, dataColumns, echo.length);
        }
        return rows;
    }

    private Object date(String text) throws SQLException {
        try {
            return JsonCells.date(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw Errors.sql(SqlState.INVALID_DATETIME_FORMAT, "'" + text + "' is not a date (yyyy-MM-dd) for "
                    + "widget table " + name(), e);
        }
    }

    WidgetSpec widget() {
        return widget;
    }

    @Override
    public String toString() {
        return "WidgetTable[" + name().toLowerCase(Locale.ROOT) + "]";
    }
}
