package dev.reportsql.reportei.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import dev.reportsql.sql.FilterExtraction;
import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.RuleConfig;

/**
 * Moves {@code =} / {@code IN} predicates on a Reportei table's pushdown columns into its scan.
 * A predicate on a {@link ReporteiTable.Pushdown#PARAMETER} column is consumed (the rows echo the
 * value); one on a {@link ReporteiTable.Pushdown#KEY} column stays above the scan too, so Calcite
 * checks the rows the API returned.
 */
final class ReporteiFilterRule extends RelRule<RuleConfig> {
    /**
     * Matches a logical filter directly on a Reportei scan without a row limit. The scan may carry
     * pushed predicates already (one inferred across a join key arrives after the others); new
     * columns are added to them.
     */
    static final ReporteiFilterRule INSTANCE = new ReporteiFilterRule(RuleConfig.of("ReporteiFilterPushdown",
                b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(ReporteiScan.class)
                        .predicate(scan -> !scan.hasLimit()).noInputs()),
            ReporteiFilterRule::new));

    private ReporteiFilterRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalFilter filter = call.rel(0);
        ReporteiScan scan = call.rel(1);
        ReporteiTable table = scan.reporteiTable();
        Map<String, List<FilterValue>> pushed = new LinkedHashMap<>(scan.pushed());
        List<RexNode> residual = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            FilterExtraction.Match m = FilterExtraction.match(conjunct);
            String column = m == null ? null : table.columns().get(m.column()).name();
            ReporteiTable.Pushdown kind = column == null ? null : table.pushdown().get(column);
            if (kind == null || pushed.containsKey(column)) {
                residual.add(conjunct);
                continue;
            }
            pushed.put(column, m.values());
            if (kind == ReporteiTable.Pushdown.KEY) {
                residual.add(conjunct);
            }
        }
        if (pushed.size() == scan.pushed().size()) {
            return;
        }
        RelNode result = scan.withPushed(pushed);
        if (!residual.isEmpty()) {
            result = filter.copy(filter.getTraitSet(), result,
                    RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), residual));
        }
        call.transformTo(result);
    }
}
