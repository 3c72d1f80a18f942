package dev.reportsql.sql;

import java.util.List;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * What every adapter's scan shares: it compiles into the query's code as a call of its
 * {@link Run}, registers its adapter's pushdown rules, and costs fewer rows with each filter the
 * API applies ({@link PushedRows}), so the planner prefers the plan that pushes the most.
 */
public abstract class ApiScan extends TableScan implements EnumerableRel, PlansCalls {
    /** The scan's work at run time, stashed in the generated code. */
    public interface Run {
        /** Opens the rows of one execution. */
        Enumerable<Object[]> execute(DataContext root);
    }

    protected ApiScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table) {
        super(cluster, traits, List.of(), table);
    }

    /** What runs when the compiled query reaches this scan. */
    protected abstract Run run();

    /** How many filters the API applies for this scan. */
    protected abstract int pushedFilterCount();

    /** The pushdown rules of this scan's adapter. */
    protected abstract List<RelOptRule> pushdownRules();

    /** The share of the estimated rows the scan reads (below 1 when a limit stops it early). */
    protected double readShare() {
        return 1;
    }

    @Override
    public void register(RelOptPlanner planner) {
        pushdownRules().forEach(planner::addRule);
        // Without it ORDER BY ... LIMIT sorts every row in memory instead of keeping the top N.
        planner.addRule(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    }

    /**
     * The rows the API sends: fewer with each filter it applies. Calcite estimates a filter above the
     * scan as keeping a share of its input's rows; without the same cut here, a plan that checks a
     * pushable predicate above the scan would look cheaper than one that sends it.
     */
    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return PushedRows.estimate(super.estimateRowCount(mq), pushedFilterCount());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = estimateRowCount(mq) * readShare();
        return planner.getCostFactory().makeCost(rows, rows + 1, 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        // Not optimised to a scalar row format: the enumerators always return Object[], even for one column.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression planRef = implementor.stash(run(), Run.class);
        Expression enumerable = Expressions.call(planRef, "execute", implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(enumerable));
    }
}
