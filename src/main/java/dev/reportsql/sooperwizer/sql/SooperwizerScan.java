package dev.reportsql.sooperwizer.sql;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.rel.RelWriter;
import dev.reportsql.sql.ApiScan;
import dev.reportsql.sql.FilterOnlyColumns;
import dev.reportsql.sql.PlannedCall;

/**
 * A scan of one report, compiled into the query's generated code (not interpreted). It carries the
 * filters {@link SooperwizerFilterRule} moved into it; at run time {@link SooperwizerScanPlan#execute} resolves
 * their values and streams the report's rows.
 */
public final class SooperwizerScan extends ApiScan implements FilterOnlyColumns {
    private final SooperwizerTable reportTable;
    private final TableLayout layout;
    private final List<PushedFilter> pushed;
    /** The table's columns this scan returns, in order; null for all of them. */
    private final ImmutableIntList fields;

    SooperwizerScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, SooperwizerTable reportTable,
            TableLayout layout, List<PushedFilter> pushed) {
        this(cluster, traits, table, reportTable, layout, pushed, null);
    }

    private SooperwizerScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, SooperwizerTable reportTable,
            TableLayout layout, List<PushedFilter> pushed, ImmutableIntList fields) {
        super(cluster, traits, table);
        this.reportTable = reportTable;
        this.layout = layout;
        this.pushed = List.copyOf(pushed);
        this.fields = fields;
    }

    /** The table column (layout index) of this scan's output field {@code field}. */
    int source(int field) {
        return fields == null ? field : fields.get(field);
    }

    /** The table columns this scan returns; null for all. */
    ImmutableIntList fields() {
        return fields;
    }

    @Override
    public RelDataType deriveRowType() {
        RelDataType full = table.getRowType();
        if (fields == null) {
            return full;
        }
        List<RelDataTypeField> all = full.getFieldList();
        RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
        for (int i : fields) {
            b.add(all.get(i));
        }
        return b.build();
    }

    /**
     * Called by Calcite's field trimmer with the fields the query uses: the scan returns only those,
     * and the rows' other values are skipped by the parser instead of converted (a narrow query or
     * an aggregate over a wide report parses a fraction of each row). Anything unusual (fewer than two
     * fields, extra fields, a scan already narrowed) is left to Calcite's default, a project above.
     */
    @Override
    public RelNode project(ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields, RelBuilder relBuilder) {
        int count = getRowType().getFieldCount();
        // One field stays with the default too: Calcite hands single-column rows around as the bare
        // value, not as a one-element array, and this scan always produces arrays.
        if (fields != null || !extraFields.isEmpty() || fieldsUsed.cardinality() < 2
                || fieldsUsed.equals(ImmutableBitSet.range(count))) {
            return super.project(fieldsUsed, extraFields, relBuilder);
        }
        return new SooperwizerScan(getCluster(), getTraitSet(), getTable(), reportTable, layout, pushed,
                ImmutableIntList.of(fieldsUsed.toArray()));
    }

    SooperwizerTable reportTable() {
        return reportTable;
    }

    @Override
    public boolean isFilterOnly(int field) {
        return layout().isPureFilterColumn(source(field));
    }

    TableLayout layout() {
        return layout;
    }

    List<PushedFilter> pushed() {
        return pushed;
    }

    SooperwizerScan withPushed(List<PushedFilter> filters) {
        return new SooperwizerScan(getCluster(), getTraitSet(), getTable(), reportTable, layout, filters, fields);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SooperwizerScan(getCluster(), traitSet, getTable(), reportTable, layout, pushed, fields);
    }



    @Override
    protected Run run() {
        return new SooperwizerScanPlan(reportTable, layout, pushed, fields == null ? null : fields.toIntArray());
    }

    @Override
    protected int pushedFilterCount() {
        return pushed.size();
    }

    @Override
    protected List<RelOptRule> pushdownRules() {
        return List.of(SooperwizerFilterRule.INSTANCE);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("filters", pushed.stream()
                .map(p -> p.filter().name() + "=" + p.values())
                .collect(Collectors.joining(", ", "[", "]")), !pushed.isEmpty())
                .itemIf("fields", fields == null ? "" : fields.stream().map(layout::columnName)
                        .collect(Collectors.joining(", ", "[", "]")), fields != null);
    }

    @Override
    public List<PlannedCall> plannedCalls() {
        return List.of(new SooperwizerScanPlan(reportTable, layout, pushed, null).plannedCall());
    }

}
