package dev.reportsql.reportei.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;

import dev.reportsql.reportei.ReporteiClient;
import dev.reportsql.reportei.ReporteiErrors;
import dev.reportsql.sql.SessionSchema;
import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/**
 * The SQL schema of a Reportei connection: the merchant, customer and integration tables, one
 * table per catalogued widget, and the {@code widget_data} table function for ad hoc widgets.
 * Every table has fixed, documented columns, so nothing is discovered before planning.
 */
public final class ReporteiSchema implements SessionSchema {
    /** Name of the table function that reads any widget. */
    public static final String WIDGET_FUNCTION = "widget_data";

    private final Map<String, ReporteiTable> tables;
    private final Function widgetFunction;

    /**
     * @param widgets the catalogued widgets, each becoming a table named by its reference key
     */
    public ReporteiSchema(ReporteiClient client, int pageSize, int prefetch, List<WidgetSpec> widgets) {
        Map<String, ReporteiTable> byName = new LinkedHashMap<>();
        add(byName, new EndpointTable("merchant_settings", "The merchant's settings and rate limits "
                + "(GET /merchants/settings)", List.of(
                        EndpointTable.col("uuid", ColumnType.VARCHAR),
                        EndpointTable.col("name", ColumnType.VARCHAR),
                        EndpointTable.col("app_url", ColumnType.VARCHAR),
                        EndpointTable.col("redirect_url", ColumnType.VARCHAR),
                        EndpointTable.col("created_at", ColumnType.TIMESTAMP),
                        EndpointTable.col("updated_at", ColumnType.TIMESTAMP),
                        EndpointTable.col("rate_limit_per_minute", ColumnType.BIGINT),
                        EndpointTable.col("rate_limit_per_second", ColumnType.BIGINT),
                        EndpointTable.col("total_customers", ColumnType.BIGINT)),
                client, "merchants/settings", ReporteiErrors.Target.MERCHANT, "merchant"));
        add(byName, new EndpointTable("available_integrations", "Integrations the merchant offers "
                + "(available_integrations of GET /merchants/settings)", List.of(
                        EndpointTable.col("name", ColumnType.VARCHAR),
                        EndpointTable.col("slug", ColumnType.VARCHAR)),
                client, "merchants/settings", ReporteiErrors.Target.MERCHANT, "merchant.available_integrations"));
        add(byName, new CustomersTable(client, pageSize, prefetch));
        add(byName, new EndpointTable("customer_settings", "The current customer's settings "
                + "(GET /customers/settings). Needs customerToken", CustomersTable.COLUMNS,
                client, "customers/settings", ReporteiErrors.Target.CUSTOMER, "customer"));
        add(byName, new CustomerIntegrationsTable(client));
        for (WidgetSpec w : widgets) {
            String name = w.referenceKey();
            for (int i = 2; byName.containsKey(key(name)); i++) {
                name = w.referenceKey() + "_" + i; // the published catalogs repeat a few keys
            }
            add(byName, new WidgetTable(name, w, client));
        }
        this.tables = byName;
        this.widgetFunction = new WidgetFunction(client);
    }

    private static void add(Map<String, ReporteiTable> byName, ReporteiTable t) {
        byName.put(key(t.name()), t);
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Schema calciteSchema() {
        Map<String, Table> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tables.values().forEach(t -> map.put(t.name(), t));
        Multimap<String, Function> functions = ImmutableMultimap.of(WIDGET_FUNCTION, widgetFunction);
        return new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
                return map;
            }

            @Override
            protected Multimap<String, Function> getFunctionMultimap() {
                return functions;
            }
        };
    }

    @Override
    public List<TableInfo> metadataTables() {
        List<TableInfo> out = new ArrayList<>();
        tables.values().forEach(t -> out.add(new TableInfo(t.name(), t.remarks())));
        return out;
    }

    @Override
    public List<ColumnInfo> metadataColumns(String tableName) {
        ReporteiTable t = tables.get(key(tableName));
        if (t == null) {
            return List.of();
        }
        List<ColumnInfo> out = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            out.add(new ColumnInfo(c, t.columnRemarks(c)));
        }
        return out;
    }

    @Override
    public String apiName() {
        return "reportei";
    }

    /** The columns whose predicates reach the API: keys (several values, looked up) and call inputs. */
    @Override
    public List<FilterInfo> filters() {
        List<FilterInfo> out = new ArrayList<>();
        for (ReporteiTable t : tables.values()) {
            t.pushdown().forEach((column, kind) -> out.add(new FilterInfo(t.name(), column,
                    false, t.requiresFilter(column), null)));
        }
        return out;
    }

    /** The tables, in metadata order (for tests and tools). */
    Collection<ReporteiTable> tables() {
        return tables.values();
    }
}
