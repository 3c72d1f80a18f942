package dev.reportsql.reportei.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.PlannedCall;
import dev.reportsql.sql.PlansCalls;
import dev.reportsql.sql.PushedRows;

/**
 * A scan of a Reportei table, compiled into the query's code. It carries the predicates
 * {@link ReporteiFilterRule} moved into it and the row limit {@link ReporteiLimitRule} found; at
 * run time {@link ReporteiScanPlan} resolves their values and opens the table's rows.
 */
public final class ReporteiScan extends TableScan implements EnumerableRel, PlansCalls {
    private final ReporteiTable reporteiTable;
    private final Map<String, List<FilterValue>> pushed;
    private final FilterValue offset;
    private final FilterValue fetch;

    ReporteiScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, ReporteiTable reporteiTable,
            Map<String, List<FilterValue>> pushed, FilterValue offset, FilterValue fetch) {
        super(cluster, traits, List.of(), table);
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
    public void register(RelOptPlanner planner) {
        planner.addRule(ReporteiFilterRule.INSTANCE);
        planner.addRule(ReporteiLimitRule.ON_SCAN);
        planner.addRule(ReporteiLimitRule.ON_PROJECT);
        // Without it ORDER BY ... LIMIT sorts every row in memory instead of keeping the top N.
        planner.addRule(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    }

    /** Fewer rows with each pushed column, as for a Sooperwizer scan ({@link PushedRows}). */
    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return PushedRows.estimate(super.estimateRowCount(mq), pushed.size());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // Pages the API need not send past the limit make a plan cheaper too.
        double rows = estimateRowCount(mq) * (fetch == null ? 1 : 0.5);
        return planner.getCostFactory().makeCost(rows, rows + 1, 0);
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
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        // Not optimised to a scalar row format: the enumerators always return Object[], even for one column.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        ReporteiScanPlan plan = new ReporteiScanPlan(reporteiTable, pushed, offset, fetch);
        Expression planRef = implementor.stash(plan, ReporteiScanPlan.class);
        Expression enumerable = Expressions.call(planRef, "execute", implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(enumerable));
    }
}
