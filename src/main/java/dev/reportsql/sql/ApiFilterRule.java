package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * What every adapter's pushdown rule shares: it matches a logical filter directly on the adapter's
 * scan, offers each {@code =} / {@code IN} conjunct ({@link FilterExtraction}) to the adapter, and
 * replaces the filter by the scan with the new filters, keeping above it the conjuncts the adapter
 * did not consume. The scan may carry filters already (a predicate inferred across a join key
 * arrives after the others); those keep their values.
 *
 * @param <S> the adapter's scan
 * @param <P> what the adapter keeps for one sent filter
 */
public abstract class ApiFilterRule<S extends RelNode, P> extends RelRule<RuleConfig> {
    /** What becomes of one conjunct. */
    protected enum Take {
        /** Not sent: Calcite checks it on the rows. */
        KEEP,
        /** Sent, and the API's rows satisfy it: it leaves the plan. */
        SEND,
        /** Sent, and also checked on the rows the API returns. */
        SEND_AND_CHECK
    }

    protected ApiFilterRule(RuleConfig config) {
        super(config);
    }

    /** A modifiable copy of the filters {@code scan} sends already, by filter name, in order. */
    protected abstract Map<String, P> pushed(S scan);

    /** Decides on conjunct {@code m}; adds it to {@code pushed} unless it answers {@link Take#KEEP}. */
    protected abstract Take take(S scan, FilterExtraction.Match m, Map<String, P> pushed);

    /** {@code scan} sending {@code pushed}. */
    protected abstract RelNode withPushed(S scan, Map<String, P> pushed);

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalFilter filter = call.rel(0);
        S scan = call.rel(1);
        Map<String, P> pushed = pushed(scan);
        int before = pushed.size();
        List<RexNode> residual = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            FilterExtraction.Match m = FilterExtraction.match(conjunct);
            if ((m == null ? Take.KEEP : take(scan, m, pushed)) != Take.SEND) {
                residual.add(conjunct);
            }
        }
        if (pushed.size() == before) {
            return;
        }
        RelNode result = withPushed(scan, pushed);
        if (!residual.isEmpty()) {
            result = filter.copy(filter.getTraitSet(), result,
                    RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), residual));
        }
        call.transformTo(result);
    }
}
