package dev.reportsql.jdbc;

import java.sql.SQLException;
import java.util.List;

/**
 * What {@link ReportSqlDatabaseMetaData} needs to know about the tables of one connection: no
 * catalogs, one schema of report tables, the system schemas, and per table its columns.
 */
public interface MetadataSource {
    /** The one schema that holds the report tables, e.g. {@code sooperwizer}. */
    String schemaName();

    /** The report tables, in any order. */
    List<TableMeta> tables() throws SQLException;

    /** The schemas beside the report schema ({@code sys}, {@code information_schema}). */
    default List<String> systemSchemas() {
        return List.of();
    }

    /** The tables of the system schemas, in any order. */
    default List<TableMeta> systemTables() {
        return List.of();
    }

    /**
     * The columns of one table, in table order. May reach the network (a probe to infer types), so
     * the metadata calls it only for tables that match the caller's table-name pattern; whatever it
     * throws reaches the caller.
     */
    List<ColumnMeta> columns(TableMeta table) throws SQLException;
}
