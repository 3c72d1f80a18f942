package dev.reportsql.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.parser.SqlParser;

import dev.reportsql.types.ColumnDef;

/**
 * The SQL face of one connection's API: the Calcite schema the connection mounts, what runs
 * before Calcite plans a statement, and the tables and columns that {@code DatabaseMetaData}
 * lists. {@link ReportRuntime} is the Sooperwizer implementation (columns learned from rows);
 * an API with fixed, documented columns implements it directly.
 */
public interface SessionSchema {
    /** A table as metadata lists it; {@code remarks} may be null. */
    record TableInfo(String name, String remarks) {
    }

    /** A column as metadata lists it; {@code remarks} may be null. */
    record ColumnInfo(ColumnDef column, String remarks) {
    }

    /** The schema mounted as the connection's default schema. */
    Schema calciteSchema();

    /**
     * Runs before Calcite plans {@code sql}; {@code params} gives {@code ?} values by 0-based index
     * or is null. Returns the report tables whose columns are still unknown (for error messages).
     */
    default List<ReportTable> discover(String sql, SqlParser.Config parser, IntFunction<Object> params,
            ExecutionContext context) throws SQLException {
        return List.of();
    }

    /** Changes whenever table row types change, so prepared statements know to prepare again. */
    default long generation() {
        return 0;
    }

    /** The tables, in the order metadata shows them. */
    List<TableInfo> metadataTables();

    /** The columns of one table (empty if there is no such table); may reach the network. */
    List<ColumnInfo> metadataColumns(String tableName) throws SQLException;
}
