package dev.reportsql.jdbc;

import java.sql.SQLException;
import java.util.List;

/**
 * What {@link ReportSqlDatabaseMetaData} needs to know about the reports of one connection: one
 * schema, no catalogs, a list of report tables and, per table, its columns.
 */
public interface MetadataSource {
    /** The one schema that holds the report tables, e.g. {@code sooperwizer}. */
    String schemaName();

    /** The report tables, in any order. */
    List<TableMeta> tables() throws SQLException;

    /**
     * The columns of one table, in table order. May reach the network (a probe to infer types), so
     * the metadata calls it only for tables that match the caller's table-name pattern; whatever it
     * throws reaches the caller.
     */
    List<ColumnMeta> columns(TableMeta table) throws SQLException;
}
