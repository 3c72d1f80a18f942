package dev.reportsql.sooperwizer.sql;

import java.math.BigDecimal;
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

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;
import dev.reportsql.sql.FilterExtraction;
import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.RuleConfig;

/**
 * Moves WHERE conjuncts on filter columns into {@link SooperwizerScan}, so the API filters the
 * rows. A conjunct on a column that exists only as a filter is consumed (the API applied it); one
 * on a filter that is also a data column stays above the scan too, so Calcite checks it on the
 * rows the API returned.
 */
final class SooperwizerFilterRule extends RelRule<RuleConfig> {
    /**
     * Matches a logical filter directly on a report scan. The scan may carry pushed filters already:
     * a predicate can arrive later from elsewhere in the query (inferred across a join key, or from
     * an outer query), and it is added to them.
     */
    static final SooperwizerFilterRule INSTANCE = new SooperwizerFilterRule(RuleConfig.of("ReportFilterPushdown",
                b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(SooperwizerScan.class).noInputs()),
            SooperwizerFilterRule::new));

    /**
     * Above this many values, the check of a text column against an IN list is done by the scan
     * (a set lookup per row) instead of Calcite: Calcite compiles the list into one method, which
     * fails with "Code grows beyond 64 KB" from about a thousand values on.
     */
    static final int LOCAL_CHECK_VALUES = 64;

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private SooperwizerFilterRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalFilter filter = call.rel(0);
        SooperwizerScan scan = call.rel(1);
        ReportDefinition report = scan.reportTable().report();
        Map<String, PushedFilter> pushed = new LinkedHashMap<>();
        scan.pushed().forEach(p -> pushed.put(p.filter().name(), p));
        List<RexNode> residual = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            FilterExtraction.Match m = FilterExtraction.match(conjunct);
            int column = m == null ? -1 : scan.source(m.column()); // the conjunct names the scan's field, not the table's
            FilterDefinition def = m == null ? null : report.filter(scan.layout().columnName(column));
            // A filter already sent keeps its values; the conjunct is checked on the rows instead.
            if (def == null || pushed.containsKey(def.name())
                    || !scan.layout().isPureFilterColumn(column) && !sendable(def, scan.layout().rows().column(column), m.values())) {
                residual.add(conjunct);
                continue;
            }
            if (scan.layout().isPureFilterColumn(column)) {
                pushed.put(def.name(), new PushedFilter(def, m.values()));
            } else if (m.values().size() > LOCAL_CHECK_VALUES
                    && scan.layout().rows().column(column).type() == ColumnType.VARCHAR) {
                pushed.put(def.name(), new PushedFilter(def, m.values(), column));
            } else {
                pushed.put(def.name(), new PushedFilter(def, m.values()));
                residual.add(conjunct);
            }
        }
        if (pushed.size() == scan.pushed().size()) {
            return;
        }
        RelNode result = scan.withPushed(new ArrayList<>(pushed.values()));
        if (!residual.isEmpty()) {
            result = filter.copy(filter.getTraitSet(), result,
                    RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), residual));
        }
        call.transformTo(result);
    }

    /**
     * Whether a conjunct on a filter that is also a data column is sent; when it is not, Calcite
     * checks it on the rows as on any other column. Several values for a single-value filter
     * ({@code Status = 'Open' OR Status = 'Closed'}) cannot be sent, and need not be.
     */
    private static boolean sendable(FilterDefinition def, ColumnDef column, List<FilterValue> values) {
        return (def.list() || values.size() == 1) && canHold(column, values);
    }

    /**
     * Whether a data column can hold every constant: {@code "year" = 2024.5} on a BIGINT column
     * matches no row, and sending 2024.5 would have the API refuse it (or round it), so such a
     * conjunct stays with Calcite, which finds no row equal to it.
     */
    private static boolean canHold(ColumnDef column, List<FilterValue> values) {
        if (column.type() != ColumnType.BIGINT && column.type() != ColumnType.DECIMAL) {
            return true;
        }
        for (FilterValue v : values) {
            if (v instanceof FilterValue.Constant c && !holdsNumber(column, c.text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsNumber(ColumnDef column, String text) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return true; // not a number: Calcite's cast fails (22018) whether or not it is sent
        }
        int scale = Math.max(d.stripTrailingZeros().scale(), 0);
        if (column.type() == ColumnType.DECIMAL) {
            return scale <= column.scale();
        }
        return scale == 0 && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0;
    }
}
