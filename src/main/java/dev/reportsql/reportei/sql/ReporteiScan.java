package dev.reportsql.reportei.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

import dev.reportsql.sql.ApiScan;
import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.PlannedCall;

/**
 * A scan of a Reportei table, compiled into the query's code. It carries the predicates
 * {@link ReporteiFilterRule} moved into it and the row limit {@link ReporteiLimitRule} found; at
 * run time {@link ReporteiScanPlan} resolves their values and opens the table's rows.
 */
public final class ReporteiScan extends ApiScan {
    private final ReporteiTable reporteiTable;
    private final Map<String, List<FilterValue>> pushed;
    private final FilterValue offset;
    private final FilterValue fetch;

    ReporteiScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, ReporteiTable reporteiTable,
            Map<String, List<FilterValue>> pushed, FilterValue offset, FilterValue fetch) {
        super(cluster, traits, table);
        this.reporteiTable = reporteiTable;
        this.pushed = Map.copyOf(pushed);
        this.offset = offset;
        this.fetch = fetch;
    }

    ReporteiTable reporteiTable() {
        return reporteiTable;
    }

    Map<String, List<FilterValue>> pushed() {
        return pushed;
    }

    boolean hasLimit() {
        return fetch != null;
    }

    ReporteiScan withPushed(Map<String, List<FilterValue>> filters) {
        return new ReporteiScan(getCluster(), getTraitSet(), getTable(), reporteiTable, filters, offset, fetch);
    }

    ReporteiScan withLimit(FilterValue newOffset, FilterValue newFetch) {
        return new ReporteiScan(getCluster(), getTraitSet(), getTable(), reporteiTable, pushed, newOffset, newFetch);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ReporteiScan(getCluster(), traitSet, getTable(), reporteiTable, pushed, offset, fetch);
    }

    @Override
    protected List<RelOptRule> pushdownRules() {
        return List.of(ReporteiFilterRule.INSTANCE, ReporteiLimitRule.ON_SCAN, ReporteiLimitRule.ON_PROJECT);
    }

    /** Each pushed column counts as a Sooperwizer filter does ({@link dev.reportsql.sql.PushedRows}). */
    @Override
    protected int pushedFilterCount() {
        return pushed.size();
    }

    /** Pages the API need not send past the limit make a plan cheaper too. */
    @Override
    protected double readShare() {
        return fetch == null ? 1 : 0.5;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        Map<String, Object> shown = new LinkedHashMap<>(pushed);
        return super.explainTerms(pw).itemIf("filters", shown, !pushed.isEmpty())
                .itemIf("offset", offset, offset != null).itemIf("fetch", fetch, fetch != null);
    }

    @Override
    public List<PlannedCall> plannedCalls() {
        return new ReporteiScanPlan(reporteiTable, pushed, offset, fetch).plannedCalls();
    }

    @Override
    protected Run run() {
        return new ReporteiScanPlan(reporteiTable, pushed, offset, fetch);
    }
}
