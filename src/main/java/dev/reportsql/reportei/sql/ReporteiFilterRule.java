package dev.reportsql.reportei.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;

import dev.reportsql.sql.ApiFilterRule;
import dev.reportsql.sql.FilterExtraction;
import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.RuleConfig;

/**
 * Moves {@code =} / {@code IN} predicates on a Reportei table's pushdown columns into its scan.
 * A predicate on a {@link ReporteiTable.Pushdown#PARAMETER} column is consumed (the rows echo the
 * value); one on a {@link ReporteiTable.Pushdown#KEY} column stays above the scan too, so Calcite
 * checks the rows the API returned.
 */
final class ReporteiFilterRule extends ApiFilterRule<ReporteiScan, List<FilterValue>> {
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
    protected Map<String, List<FilterValue>> pushed(ReporteiScan scan) {
        return new LinkedHashMap<>(scan.pushed());
    }

    @Override
    protected Take take(ReporteiScan scan, FilterExtraction.Match m, Map<String, List<FilterValue>> pushed) {
        ReporteiTable table = scan.reporteiTable();
        String column = table.columns().get(m.column()).name();
        ReporteiTable.Pushdown kind = table.pushdown().get(column);
        if (kind == null || pushed.containsKey(column)) {
            return Take.KEEP;
        }
        pushed.put(column, m.values());
        return kind == ReporteiTable.Pushdown.KEY ? Take.SEND_AND_CHECK : Take.SEND;
    }

    @Override
    protected RelNode withPushed(ReporteiScan scan, Map<String, List<FilterValue>> pushed) {
        return scan.withPushed(pushed);
    }
}
