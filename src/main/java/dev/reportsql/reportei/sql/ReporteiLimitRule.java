package dev.reportsql.reportei.sql;

import java.util.List;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.RuleConfig;

/**
 * Tells a Reportei scan how many rows an unordered {@code LIMIT} (plus {@code OFFSET}) can use, so
 * paging stops at the last page that holds them. The LIMIT itself stays in the plan; the scan only
 * avoids asking for pages nobody will read. Matches the limit directly on the scan or through a
 * projection (which never changes the row count).
 */
final class ReporteiLimitRule extends RelRule<RuleConfig> {
    static final ReporteiLimitRule ON_SCAN = new ReporteiLimitRule(RuleConfig.of("ReporteiLimitOnScan",
            b0 -> b0.operand(LogicalSort.class).predicate(ReporteiLimitRule::unorderedLimit)
                    .oneInput(b1 -> b1.operand(ReporteiScan.class).predicate(s -> !s.hasLimit()).noInputs()),
            ReporteiLimitRule::new));
    static final ReporteiLimitRule ON_PROJECT = new ReporteiLimitRule(RuleConfig.of("ReporteiLimitOnProject",
            b0 -> b0.operand(LogicalSort.class).predicate(ReporteiLimitRule::unorderedLimit)
                    .oneInput(b1 -> b1.operand(LogicalProject.class).oneInput(
                            b2 -> b2.operand(ReporteiScan.class).predicate(s -> !s.hasLimit()).noInputs())),
            ReporteiLimitRule::new));

    private ReporteiLimitRule(RuleConfig config) {
        super(config);
    }

    private static boolean unorderedLimit(LogicalSort sort) {
        return sort.getCollation().getFieldCollations().isEmpty() && sort.fetch != null
                && value(sort.fetch) != null && (sort.offset == null || value(sort.offset) != null);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalSort sort = call.rel(0);
        RelNode limited;
        if (call.rels.length == 3) {
            LogicalProject project = call.rel(1);
            ReporteiScan scan = call.rel(2);
            limited = project.copy(project.getTraitSet(), List.of(withLimit(scan, sort)));
        } else {
            limited = withLimit(call.rel(1), sort);
        }
        call.transformTo(sort.copy(sort.getTraitSet(), List.of(limited)));
    }

    private static ReporteiScan withLimit(ReporteiScan scan, LogicalSort sort) {
        return scan.withLimit(sort.offset == null ? null : value(sort.offset), value(sort.fetch));
    }

    private static FilterValue value(RexNode node) {
        if (node instanceof RexDynamicParam p) {
            return new FilterValue.Param(p.getIndex(), p.getType().getSqlTypeName());
        }
        if (node instanceof RexLiteral lit && !lit.isNull()) {
            String text = FilterValue.text(lit.getValue(), lit.getType().getSqlTypeName());
            return text == null ? null : new FilterValue.Constant(text);
        }
        return null;
    }
}
