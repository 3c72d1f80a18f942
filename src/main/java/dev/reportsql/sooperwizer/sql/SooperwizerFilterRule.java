package dev.reportsql.sooperwizer.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;
import dev.reportsql.sql.ApiFilterRule;
import dev.reportsql.sql.FilterExtraction;
import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.RuleConfig;

/**
 * Moves WHERE conjuncts on filter columns into {@link SooperwizerScan}, so the API filters the
 * rows. A conjunct on a column that exists only as a filter is consumed (the API applied it); one
 * on a filter that is also a data column stays above the scan too, so Calcite checks it on the
 * rows the API returned.
 */
final class SooperwizerFilterRule extends ApiFilterRule<SooperwizerScan, PushedFilter> {
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
    protected Map<String, PushedFilter> pushed(SooperwizerScan scan) {
        Map<String, PushedFilter> pushed = new LinkedHashMap<>();
        scan.pushed().forEach(p -> pushed.put(p.filter().name(), p));
        return pushed;
    }

    @Override
    protected Take take(SooperwizerScan scan, FilterExtraction.Match m, Map<String, PushedFilter> pushed) {
        int column = scan.source(m.column()); // the conjunct names the scan's field, not the table's
        FilterDefinition def = scan.reportTable().report().filter(scan.layout().columnName(column));
        // A filter already sent keeps its values; the conjunct is checked on the rows instead.
        if (def == null || pushed.containsKey(def.name())
                || !scan.layout().isPureFilterColumn(column) && !sendable(def, scan.layout().rows().column(column), m.values())) {
            return Take.KEEP;
        }
        if (scan.layout().isPureFilterColumn(column)) {
            pushed.put(def.name(), new PushedFilter(def, m.values()));
            return Take.SEND;
        }
        if (m.values().size() > LOCAL_CHECK_VALUES
                && scan.layout().rows().column(column).type() == ColumnType.VARCHAR) {
            pushed.put(def.name(), new PushedFilter(def, m.values(), column));
            return Take.SEND;
        }
        pushed.put(def.name(), new PushedFilter(def, m.values()));
        return Take.SEND_AND_CHECK;
    }

    @Override
    protected RelNode withPushed(SooperwizerScan scan, Map<String, PushedFilter> pushed) {
        return scan.withPushed(new ArrayList<>(pushed.values()));
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
