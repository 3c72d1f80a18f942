package dev.reportsql.sql.system;

import java.util.ArrayList;
import java.util.List;

import dev.reportsql.observe.Activity;
import dev.reportsql.observe.QueryLog;
import dev.reportsql.observe.RequestLog;
import dev.reportsql.sql.SessionSchema;
import dev.reportsql.sql.system.RowsTable.Column;

/**
 * Schema {@code sys}: the connection's reports and their filters as the API describes them, and
 * its own recent statements and API calls. Everything is this connection's: another
 * connection, even of the same user, has its own {@code sys.requests}.
 */
public final class SysSchema extends SystemSchema {
    public static final String NAME = "sys";

    private static final List<Column> REPORTS = List.of(new Column("report_id", String.class),
            new Column("table_name", String.class), new Column("report_name", String.class),
            new Column("display_name", String.class), new Column("description", String.class),
            new Column("api", String.class));
    private static final List<Column> FILTERS = List.of(new Column("table_name", String.class),
            new Column("filter_name", String.class), new Column("filter_type", String.class),
            new Column("required", Boolean.class), new Column("default_value", String.class));


    public SysSchema(SessionSchema schema, Activity activity) {
        super(NAME);
        tables.put("reports", new RowsTable(REPORTS, () -> reports(schema)));
        tables.put("report_filters", new RowsTable(FILTERS, () -> filters(schema)));
        tables.put("requests", new RowsTable(columns(RequestLog.COLUMNS), () -> activity.requests().rows()));
        tables.put("queries", new RowsTable(columns(QueryLog.COLUMNS), () -> activity.queries().rows()));
    }

    private static List<Column> columns(List<RequestLog.Column> log) {
        List<Column> out = new ArrayList<>();
        log.forEach(c -> out.add(new Column(c.name(), c.type())));
        return out;
    }

    private static List<Object[]> reports(SessionSchema schema) {
        List<Object[]> rows = new ArrayList<>();
        for (SessionSchema.ReportInfo r : schema.reports()) {
            rows.add(new Object[] {r.reportId(), r.tableName(), r.reportName(), r.displayName(), r.description(),
                schema.apiName()});
        }
        return rows;
    }

    private static List<Object[]> filters(SessionSchema schema) {
        List<Object[]> rows = new ArrayList<>();
        for (SessionSchema.FilterInfo f : schema.filters()) {
            rows.add(new Object[] {f.tableName(), f.filterName(), f.list() ? "list" : "single", f.required(),
                f.defaultValue()});
        }
        return rows;
    }
}
