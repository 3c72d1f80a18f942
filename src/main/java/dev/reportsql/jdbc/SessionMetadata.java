package dev.reportsql.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.reportsql.sql.QueryEngine;
import dev.reportsql.sql.SessionSchema;

/** The tables and columns of a connection's {@link SessionSchema}, for {@link java.sql.DatabaseMetaData}. */
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
        for (SessionSchema.TableInfo t : engine.schema().metadataTables()) {
            out.add(new TableMeta(t.name(), t.remarks()));
        }
        return out;
    }

    @Override
    public List<ColumnMeta> columns(TableMeta tableMeta) throws SQLException {
        List<ColumnMeta> out = new ArrayList<>();
        for (SessionSchema.ColumnInfo c : engine.schema().metadataColumns(tableMeta.name())) {
            out.add(JdbcTypes.columnMeta(c.column(), c.remarks()));
        }
        return out;
    }
}
