package dev.reportsql.sql;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import dev.reportsql.sql.calcite.DistributionWindows;

/**
 * Rewrites of the logical plan, before the cost-based planner, into forms Calcite's enumerable
 * convention can run: {@link PercentileAggregates} and {@link DistributionWindows}. Each keeps the
 * row type of the node it rewrites.
 */
final class PlanRewrites extends RelHomogeneousShuttle {
    private PlanRewrites() {
    }

    static RelNode apply(RelNode rel) {
        return rel.accept(new PlanRewrites());
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof Aggregate aggregate) {
            visited = PercentileAggregates.rewrite(aggregate);
        }
        return visited.accept(new DistributionWindows(visited.getCluster().getRexBuilder()));
    }
}
