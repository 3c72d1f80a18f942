package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/**
 * Gives each side of a join the predicates the other side implies through the join keys
 * ({@code a.k = b.k AND a.k = 'x'} gives {@code b.k = 'x'}), as Calcite's
 * JoinPushTransitivePredicatesRule does, with one exception: several values never go to a report
 * column that exists only as a filter. The API would apply them, but every row of such a column
 * shows all the values sent, comma-separated, so the very join key the values came through would
 * then match no row. One value is shown exactly and does go.
 */
final class JoinKeyTransferRule extends RelRule<RuleConfig> {
    static final JoinKeyTransferRule INSTANCE = new JoinKeyTransferRule(RuleConfig.of("ReportJoinKeyTransfer",
            b -> b.operand(Join.class).anyInputs(), JoinKeyTransferRule::new));

    private JoinKeyTransferRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Join join = call.rel(0);
        RelOptPredicateList preds = call.getMetadataQuery().getPulledUpPredicates(join);
        List<RexNode> left = transferable(join.getLeft(), preds.leftInferredPredicates);
        List<RexNode> right = transferable(join.getRight(), preds.rightInferredPredicates);
        if (left.isEmpty() && right.isEmpty()) {
            return;
        }
        RelBuilder builder = call.builder();
        RelNode newLeft = left.isEmpty() ? join.getLeft() : builder.push(join.getLeft()).filter(left).build();
        RelNode newRight = right.isEmpty() ? join.getRight() : builder.push(join.getRight()).filter(right).build();
        call.transformTo(join.copy(join.getTraitSet(), join.getCondition(), newLeft, newRight, join.getJoinType(),
                join.isSemiJoinDone()));
    }

    private static List<RexNode> transferable(RelNode input, List<RexNode> inferred) {
        List<RexNode> out = new ArrayList<>();
        for (RexNode p : inferred) {
            FilterExtraction.Match m = FilterExtraction.match(p);
            if (m == null || m.values().size() < 2 || !filterOnly(input, m.column())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether {@code field} of {@code rel} is, unchanged, a column a report has only as a filter. */
    private static boolean filterOnly(RelNode rel, int field) {
        RelNode r = rel instanceof HepRelVertex v ? v.getCurrentRel() : rel;
        if (r instanceof FilterOnlyColumns scan) {
            return scan.isFilterOnly(field);
        }
        if (r instanceof Project project) {
            return project.getProjects().get(field) instanceof RexInputRef ref && filterOnly(project.getInput(),
                    ref.getIndex());
        }
        if (r instanceof Filter filter) {
            return filterOnly(filter.getInput(), field);
        }
        if (r instanceof Join join) {
            int leftCount = join.getLeft().getRowType().getFieldCount();
            return field < leftCount ? filterOnly(join.getLeft(), field)
                    : join.getJoinType().projectsRight() && filterOnly(join.getRight(), field - leftCount);
        }
        return false;
    }
}
