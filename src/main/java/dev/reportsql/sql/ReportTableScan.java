package dev.reportsql.sql;

import java.util.List;
import java.util.stream.Collectors;

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

/**
 * A scan of one report, compiled into the query's generated code (not interpreted). It carries the
 * filters {@link FilterPushdownRule} moved into it; at run time {@link ScanPlan#execute} resolves
 * their values and streams the report's rows.
 */
public final class ReportTableScan extends TableScan implements EnumerableRel {
    private final ReportTable reportTable;
    private final TableLayout layout;
    private final List<PushedFilter> pushed;

    ReportTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, ReportTable reportTable,
            TableLayout layout, List<PushedFilter> pushed) {
        super(cluster, traits, List.of(), table);
        this.reportTable = reportTable;
        this.layout = layout;
        this.pushed = List.copyOf(pushed);
    }

    ReportTable reportTable() {
        return reportTable;
    }

    TableLayout layout() {
        return layout;
    }

    List<PushedFilter> pushed() {
        return pushed;
    }

    ReportTableScan withPushed(List<PushedFilter> filters) {
        return new ReportTableScan(getCluster(), getTraitSet(), getTable(), reportTable, layout, filters);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ReportTableScan(getCluster(), traitSet, getTable(), reportTable, layout, pushed);
    }

    @Override
    public void register(RelOptPlanner planner) {
        planner.addRule(FilterPushdownRule.INSTANCE);
        // Without it ORDER BY ... LIMIT sorts every row in memory instead of keeping the top N.
        planner.addRule(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        RelOptCost cost = super.computeSelfCost(planner, mq);
        // Filters the API applies cost nothing here and cut the rows: prefer plans that push them.
        return pushed.isEmpty() || cost == null ? cost : cost.multiplyBy(0.1);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("filters", pushed.stream()
                .map(p -> p.filter().name() + "=" + p.values())
                .collect(Collectors.joining(", ", "[", "]")), !pushed.isEmpty());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        ScanPlan plan = new ScanPlan(reportTable, layout, pushed);
        Expression planRef = implementor.stash(plan, ScanPlan.class);
        Expression enumerable = Expressions.call(planRef, "execute", implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(enumerable));
    }
}
