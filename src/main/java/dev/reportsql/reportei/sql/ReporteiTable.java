package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import dev.reportsql.sql.PlannedCall;
import dev.reportsql.sql.SqlTypes;
import dev.reportsql.types.ColumnDef;

/**
 * A Reportei endpoint as a SQL table with documented, fixed columns. Some columns take part in
 * the API call: their {@code =} and {@code IN} predicates are sent to Reportei (see
 * {@link Pushdown}); a scan may also learn the query's row limit, to stop paging early.
 */
public abstract class ReporteiTable extends AbstractTable implements TranslatableTable {
    /** How a column's predicates reach the API. */
    public enum Pushdown {
        /** A key of the rows (e.g. uuid): the API looks the rows up, and Calcite still checks the predicate. */
        KEY,
        /** An input of the call (e.g. start): the API gets the value and the column echoes it in every row. */
        PARAMETER
    }

    private final String name;
    private final String remarks;
    private final List<ColumnDef> columns;

    protected ReporteiTable(String name, String remarks, List<ColumnDef> columns) {
        this.name = name;
        this.remarks = remarks;
        this.columns = List.copyOf(columns);
    }

    public String name() {
        return name;
    }

    public String remarks() {
        return remarks;
    }

    public List<ColumnDef> columns() {
        return columns;
    }

    /** Remarks for one column in metadata, or null. */
    public String columnRemarks(ColumnDef column) {
        Pushdown p = pushdown().get(column.name());
        if (p == Pushdown.KEY) {
            return "WHERE " + column.name() + " = ... (or IN) is answered by a lookup call";
        }
        return p == Pushdown.PARAMETER ? "Input of the API call: give it with WHERE " + column.name() + " = ..." : null;
    }

    /**
     * The warning for a call that succeeded with no rows in it, so that an empty result never looks
     * like an answer the API gave without saying so.
     */
    static java.sql.SQLWarning noRows(String call, String table) {
        return new java.sql.SQLWarning(call + " (table " + table + ") answered HTTP 200 with no rows; if rows were "
                + "expected, check the values the query gave it", "01000");
    }

    /** Whether a query must give {@code column} a value (a required input of the call). */
    public boolean requiresFilter(String column) {
        return false;
    }

    /** The columns whose predicates go to the API, by exact column name. */
    public abstract Map<String, Pushdown> pushdown();

    /** The calls {@link #open} would make for these values ({@code ?N}: a parameter), without making them. */
    abstract List<PlannedCall> plannedCalls(Map<String, List<String>> values);

    /** Opens the rows for one execution; called when Calcite first asks for a row. */
    abstract Enumerator<Object[]> open(ScanRequest request) throws SQLException;

    /** The column's position, or -1. */
    int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (ColumnDef c : columns) {
            b.add(c.name(), SqlTypes.relType(c, f));
        }
        return b.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelOptCluster cluster = context.getCluster();
        return new ReporteiScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), relOptTable, this,
                Map.of(), null, null);
    }

    @Override
    public String toString() {
        return "ReporteiTable[" + name + "]";
    }
}
