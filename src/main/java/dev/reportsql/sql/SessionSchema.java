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
 * lists. Each adapter implements it (Sooperwizer's learns columns from rows (columns learned from rows);
 * an API with fixed, documented columns implements it directly.
 */
public interface SessionSchema {
    /** A table as metadata lists it; {@code remarks} may be null. */
    record TableInfo(String name, String remarks) {
    }

    /** A column as metadata lists it; {@code remarks} may be null. */
    record ColumnInfo(ColumnDef column, String remarks) {
    }

    /** A report as {@code sys.reports} lists it; {@code reportId} and the texts may be null. */
    record ReportInfo(String reportId, String tableName, String reportName, String displayName, String description) {
    }

    /**
     * A filter of a report as {@code sys.report_filters} lists it: {@code list} when it takes several
     * values in one call; {@code defaultValue} is the connection's configured default, or null.
     */
    record FilterInfo(String tableName, String filterName, boolean list, boolean required, String defaultValue) {
    }

    /** The schema mounted as the connection's default schema. */
    Schema calciteSchema();

    /**
     * Runs before Calcite plans {@code sql}; {@code params} gives {@code ?} values by 0-based index
     * or is null. Returns how to explain a failure of this statement that the step foresaw.
     */
    default FailureExplainer discover(String sql, SqlParser.Config parser, IntFunction<Object> params,
            ExecutionContext context) throws SQLException {
        return FailureExplainer.NONE;
    }

    /** Changes whenever table row types change, so prepared statements know to prepare again. */
    default long generation() {
        return 0;
    }

    /** The tables, in the order metadata shows them. */
    List<TableInfo> metadataTables();

    /** The columns of one table (empty if there is no such table); may reach the network. */
    List<ColumnInfo> metadataColumns(String tableName) throws SQLException;

    /** The API's name as {@code sys.reports.api} shows it. */
    String apiName();

    /** The reports behind the tables, in metadata order. */
    default List<ReportInfo> reports() {
        List<ReportInfo> out = new java.util.ArrayList<>();
        for (TableInfo t : metadataTables()) {
            out.add(new ReportInfo(null, t.name(), t.name(), null, t.remarks()));
        }
        return out;
    }

    /** The filters of every report, in table then filter order. */
    default List<FilterInfo> filters() {
        return List.of();
    }

    /**
     * The columns of one table as far as they are known without a call, or null when its columns
     * are only known after one (for {@code information_schema}, which must never reach the network).
     */
    default List<ColumnInfo> knownColumns(String tableName) throws SQLException {
        return metadataColumns(tableName);
    }
}
