package dev.reportsql.sooperwizer.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;
import dev.reportsql.types.RowLayout;
import dev.reportsql.sql.SqlTypes;

/**
 * One report as a SQL table. Its columns are the report's data columns (inferred from rows, see
 * {@link ColumnRegistry}) followed by one VARCHAR column per filter that is not also a data
 * column. Calcite compiles scans of it through {@link SooperwizerScan}.
 */
public final class SooperwizerTable extends AbstractTable implements TranslatableTable {
    private final ReportDefinition report;
    private final String tableName;
    private final SooperwizerRuntime runtime;

    SooperwizerTable(ReportDefinition report, String tableName, SooperwizerRuntime runtime) {
        this.report = report;
        this.tableName = tableName;
        this.runtime = runtime;
    }

    public ReportDefinition report() {
        return report;
    }

    public String tableName() {
        return tableName;
    }

    SooperwizerRuntime runtime() {
        return runtime;
    }

    /** Whether the data columns are known (a response with rows has been seen). */
    public boolean columnsKnown() {
        return runtime.registry().dataColumns(report) != null;
    }

    /** The current columns: data columns, then pure filter columns. */
    public TableLayout layout() {
        List<ColumnDef> data = runtime.registry().dataColumns(report);
        return layoutOf(data == null ? List.of() : data);
    }

    TableLayout layoutOf(List<ColumnDef> data) {
        List<ColumnDef> columns = new ArrayList<>(data);
        for (FilterDefinition f : report.filters()) {
            if (dataColumnOf(f, data) == null) {
                columns.add(new ColumnDef(f.name(), f.name(), ColumnType.VARCHAR, 0));
            }
        }
        return new TableLayout(new RowLayout(report.name(), columns), data.size());
    }

    /**
     * The data column that is also filter {@code f}: the one spelled exactly as the filter, else the
     * only one that matches ignoring case; null if none (or if case twins leave it unclear).
     */
    static ColumnDef dataColumnOf(FilterDefinition f, List<ColumnDef> data) {
        ColumnDef loose = null;
        int looseCount = 0;
        for (ColumnDef c : data) {
            if (c.name().equals(f.name())) {
                return c;
            }
            if (c.name().equalsIgnoreCase(f.name())) {
                loose = c;
                looseCount++;
            }
        }
        return looseCount == 1 ? loose : null;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType(layout(), typeFactory);
    }

    static RelDataType rowType(TableLayout layout, RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder b = typeFactory.builder();
        for (ColumnDef c : layout.rows().columns()) {
            b.add(c.name(), SqlTypes.relType(c, typeFactory)).nullable(true);
        }
        return b.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelOptCluster cluster = context.getCluster();
        TableLayout layout = layout();
        if (layout.width() != relOptTable.getRowType().getFieldCount()) {
            // Columns were discovered between validation and conversion; plan with what was validated.
            layout = layoutOf(List.of());
        } else if (!rowType(layout, cluster.getTypeFactory()).equals(relOptTable.getRowType())) {
            // Another scan widened a column in between: read with the types that were validated.
            layout = asValidated(layout, relOptTable.getRowType());
        }
        return new SooperwizerScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), relOptTable, this,
                layout, List.of());
    }

    /** The layout's columns with the types of {@code validated}, a row type of the same columns. */
    private TableLayout asValidated(TableLayout layout, RelDataType validated) {
        List<ColumnDef> columns = new ArrayList<>();
        for (int i = 0; i < layout.width(); i++) {
            ColumnDef c = layout.rows().column(i);
            RelDataType t = validated.getFieldList().get(i).getType();
            ColumnType type = c.type();
            for (ColumnType candidate : ColumnType.values()) {
                if (candidate.sqlTypeName() == t.getSqlTypeName()) {
                    type = candidate;
                }
            }
            columns.add(new ColumnDef(c.name(), c.jsonKey(), type, type == ColumnType.DECIMAL ? t.getScale() : 0));
        }
        return new TableLayout(new RowLayout(report.name(), columns), layout.dataColumns());
    }

    @Override
    public String toString() {
        return "SooperwizerTable[" + tableName + " = report " + report.id() + " " + report.name().toLowerCase(Locale.ROOT) + "]";
    }
}
