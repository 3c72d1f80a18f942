package dev.reportsql.jdbc;

import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;

import dev.reportsql.sql.QueryEngine;
import dev.reportsql.sql.ReportTypeSystem;
import dev.reportsql.sql.SessionSchema;
import dev.reportsql.sql.system.SystemSchema;

/**
 * The tables and columns of a connection's {@link SessionSchema} and of its system schemas, for
 * {@link java.sql.DatabaseMetaData}.
 */
final class SessionMetadata implements MetadataSource {
    private final QueryEngine engine;
    private final List<SystemSchema> system;

    SessionMetadata(QueryEngine engine, List<SystemSchema> system) {
        this.engine = engine;
        this.system = List.copyOf(system);
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
    public List<String> systemSchemas() {
        return system.stream().map(SystemSchema::name).toList();
    }

    @Override
    public List<TableMeta> systemTables() {
        List<TableMeta> out = new ArrayList<>();
        for (SystemSchema s : system) {
            s.tablesByName().keySet().forEach(name -> out.add(new TableMeta(s.name(), name, TableMeta.SYSTEM_TABLE,
                    null)));
        }
        return out;
    }

    @Override
    public List<ColumnMeta> columns(TableMeta tableMeta) throws SQLException {
        if (tableMeta.schema() != null) {
            return systemColumns(tableMeta);
        }
        List<ColumnMeta> out = new ArrayList<>();
        for (SessionSchema.ColumnInfo c : engine.schema().metadataColumns(tableMeta.name())) {
            out.add(JdbcTypes.columnMeta(c.column(), c.remarks()));
        }
        return out;
    }

    private List<ColumnMeta> systemColumns(TableMeta tableMeta) {
        List<ColumnMeta> out = new ArrayList<>();
        for (SystemSchema s : system) {
            Map<String, Table> tables = s.tablesByName();
            if (s.name().equals(tableMeta.schema()) && tables.containsKey(tableMeta.name())) {
                JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(ReportTypeSystem.INSTANCE);
                for (RelDataTypeField f : tables.get(tableMeta.name()).getRowType(types).getFieldList()) {
                    out.add(systemColumn(f));
                }
            }
        }
        return out;
    }

    /** System tables have BIGINT, INTEGER, BOOLEAN, TIMESTAMP and VARCHAR columns, all nullable. */
    private static ColumnMeta systemColumn(RelDataTypeField f) {
        return switch (f.getType().getSqlTypeName()) {
            case BIGINT -> new ColumnMeta(f.getName(), Types.BIGINT, "BIGINT", 19, 0, true, null);
            case INTEGER -> new ColumnMeta(f.getName(), Types.INTEGER, "INTEGER", 10, 0, true, null);
            case BOOLEAN -> new ColumnMeta(f.getName(), Types.BOOLEAN, "BOOLEAN", 1, 0, true, null);
            case TIMESTAMP -> new ColumnMeta(f.getName(), Types.TIMESTAMP, "TIMESTAMP", 23, 3, true, null);
            default -> new ColumnMeta(f.getName(), Types.VARCHAR, "VARCHAR", 65536, 0, true, null);
        };
    }
}
