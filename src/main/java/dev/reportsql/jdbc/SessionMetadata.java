package dev.reportsql.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.reportsql.sql.FilterDefinition;
import dev.reportsql.sql.QueryEngine;
import dev.reportsql.sql.ReportTable;
import dev.reportsql.sql.TableLayout;
import dev.reportsql.types.ColumnDef;

/**
 * Report tables and columns for {@link java.sql.DatabaseMetaData}. A report whose rows were never
 * seen is probed with a data call when it has no required filter; otherwise only its filter
 * columns are listed, with remarks saying so.
 */
final class SessionMetadata implements MetadataSource {
    private final QueryEngine engine;

    SessionMetadata(QueryEngine engine) {
        this.engine = engine;
    }

    @Override
    public String schemaName() {
        return engine.schemaName();
    }

    @Override
    public List<TableMeta> tables() {
        List<TableMeta> out = new ArrayList<>();
        for (ReportTable t : engine.runtime().tables()) {
            out.add(new TableMeta(t.tableName(), t.report().remarks()));
        }
        return out;
    }

    @Override
    public List<ColumnMeta> columns(TableMeta tableMeta) throws SQLException {
        ReportTable table = engine.runtime().table(tableMeta.name());
        if (table == null) {
            return List.of();
        }
        boolean known = engine.runtime().discoverColumns(table);
        TableLayout layout = table.layout();
        List<ColumnMeta> out = new ArrayList<>();
        for (int i = 0; i < layout.width(); i++) {
            ColumnDef c = layout.rows().columns().get(i);
            FilterDefinition filter = table.report().filter(c.name());
            String remarks;
            if (layout.isPureFilterColumn(i)) {
                remarks = filter.remarks() + (known ? "" : ". Data columns appear once the report has returned rows "
                        + "(query it with its required filters)");
            } else {
                remarks = "Data column, type inferred from the report's rows"
                        + (filter != null ? "; also " + filter.remarks() : "");
            }
            out.add(JdbcTypes.columnMeta(c, remarks));
        }
        return out;
    }
}
