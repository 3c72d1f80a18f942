package dev.reportsql.sql;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import dev.reportsql.error.Errors;
import dev.reportsql.error.ReportSqlException;
import dev.reportsql.error.SqlState;

/**
 * Rewrites applied to a parsed query before Calcite validates it, each for a function BI tools write
 * that Calcite 1.42 either lacks or types differently from PostgreSQL:
 * <ul>
 * <li>{@code DATE_TRUNC('month', x)} (PostgreSQL) and {@code DATE_TRUNC(x, MONTH)} (BigQuery) become
 * {@code FLOOR(x TO MONTH)}: Calcite's parser accepts both forms but only BigQuery's library can
 * run the second, on dates only. The result keeps x's type (DATE stays DATE).</li>
 * <li>{@code PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY x)} orders by {@code CAST(x AS DOUBLE)}:
 * Calcite types the result as x, so the median of the integers 1 and 2 would be 1, not 1.5.</li>
 * <li>{@code PERCENTILE_CONT/PERCENTILE_DISC ... FILTER (WHERE c)} moves the condition into the
 * ORDER BY (see {@link #filterAsNull}).</li>
 * <li>{@code agg(x) FILTER (WHERE c) OVER (...)} masks x instead (see {@link #windowFilter}).</li>
 * <li>{@code LAG}/{@code LEAD(x, n, default)} pass the default through {@code CASE WHEN FALSE THEN x
 * ELSE default END}: Calcite types the result NOT NULL whenever the default is, even when x can be
 * NULL, and the generated code then fails on the first NULL it reads. The CASE is nullable exactly
 * when x or the default is, and its value is the default.</li>
 * </ul>
 * The tree is changed in place; it is the one Calcite is about to validate.
 */
final class FunctionRewrites extends SqlBasicVisitor<Void> {
    /** PostgreSQL's DATE_TRUNC units and the FLOOR unit or time frame each becomes. */
    private static final Map<String, String> TRUNC_UNITS = Map.ofEntries(
            Map.entry("millennium", "MILLENNIUM"), Map.entry("century", "CENTURY"), Map.entry("decade", "DECADE"),
            Map.entry("year", "YEAR"), Map.entry("quarter", "QUARTER"), Map.entry("month", "MONTH"),
            // PostgreSQL's weeks start on Monday (ISO 8601); Calcite's WEEK starts on Sunday.
            Map.entry("week", "ISOWEEK"), Map.entry("day", "DAY"), Map.entry("hour", "HOUR"),
            Map.entry("minute", "MINUTE"), Map.entry("second", "SECOND"),
            Map.entry("milliseconds", "MILLISECOND"), Map.entry("millisecond", "MILLISECOND"));
    private static final String UNITS = "'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', "
            + "'milliseconds', 'decade', 'century' or 'millennium'";

    /** Aggregates whose answer does not change when rows are replaced by NULL instead of left out. */
    private static final Set<String> NULL_SKIPPING = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "STDDEV",
            "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "BOOL_AND", "BOOL_OR", "EVERY");
    private static final Set<TimeUnit> SUB_DAY = EnumSet.of(TimeUnit.HOUR, TimeUnit.MINUTE, TimeUnit.SECOND,
            TimeUnit.MILLISECOND, TimeUnit.MICROSECOND, TimeUnit.NANOSECOND);

    private FunctionRewrites() {
    }

    /**
     * Rewrites {@code query} in place. Forms no rewrite can save (a DATE_TRUNC unit that is not a known
     * literal, IGNORE NULLS, a percentile as a window function) fail here with 0A000 and what to write.
     */
    static void apply(SqlNode query) {
        query.accept(new FunctionRewrites());
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlBasicCall basic) {
            String name = basic.getOperator().getName().toUpperCase(Locale.ROOT);
            if (name.equals("DATE_TRUNC") && basic.operandCount() == 2) {
                dateTrunc(basic);
            } else if ((name.equals("LAG") || name.equals("LEAD")) && basic.operandCount() == 3) {
                nullableDefault(basic);
            }
            if (basic.getKind() == SqlKind.OVER) {
                windowFilter(basic);
            } else if (basic.getKind() == SqlKind.IGNORE_NULLS) {
                throw unsupported("IGNORE NULLS is not supported on window functions: filter the rows with NULL "
                        + "out in a subquery first (WHERE x IS NOT NULL) and join back the rows you need, or use "
                        + "RESPECT NULLS (the default)");
            }
            if (basic.getKind() == SqlKind.FILTER && isPercentile(basic.operand(0))) {
                filterAsNull(basic); // now a WITHIN GROUP call itself
            }
            if (isPercentile(basic) && percentileName(basic).equals("PERCENTILE_CONT")) {
                mapOrder(basic, FunctionRewrites::asDouble);
            }
        }
        return super.visit(call);
    }

    /**
     * {@code agg(x) FILTER (WHERE c) OVER (...)} becomes {@code agg(CASE WHEN c THEN x END) OVER (...)}
     * for the aggregates that skip NULLs (COUNT(*) counts {@code CASE WHEN c THEN 1 END}): Calcite's
     * validator takes FILTER only on plain aggregates.
     */
    private static void windowFilter(SqlBasicCall over) {
        SqlNode function = over.operand(0);
        if (isPercentile(function) || function.getKind() == SqlKind.FILTER
                && isPercentile(((SqlBasicCall) function).operand(0))) {
            throw unsupported("PERCENTILE_CONT and PERCENTILE_DISC cannot be window functions (OVER): compute "
                    + "them per group in a subquery with GROUP BY and join that to the rows");
        }
        if (function.getKind() != SqlKind.FILTER || !(((SqlBasicCall) function).operand(0) instanceof SqlBasicCall agg)) {
            return;
        }
        SqlNode condition = ((SqlBasicCall) function).operand(1);
        String name = agg.getOperator().getName().toUpperCase(Locale.ROOT);
        if (!NULL_SKIPPING.contains(name)) {
            throw unsupported(name + "(...) FILTER (WHERE ...) OVER (...) is not supported: write " + name
                    + "(CASE WHEN <condition> THEN <value> END) OVER (...) if " + name + " skips NULLs");
        }
        for (int i = 0; i < agg.operandCount(); i++) {
            SqlNode x = agg.operand(i);
            SqlParserPos pos = x.getParserPosition();
            SqlNode value = x instanceof SqlIdentifier id && id.isStar() ? SqlLiteral.createExactNumeric("1", pos) : x;
            SqlNode when = i == 0 ? condition : condition.clone(condition.getParserPosition()); // one node, one place
            agg.setOperand(i, new SqlCase(pos, null, SqlNodeList.of(when), SqlNodeList.of(value),
                    SqlLiteral.createNull(pos)));
        }
        over.setOperand(0, agg);
    }

    private static ReportSqlException unsupported(String message) {
        return Errors.unchecked(Errors.sql(SqlState.FEATURE_NOT_SUPPORTED, message));
    }

    private static void dateTrunc(SqlBasicCall call) {
        SqlNode first = call.operand(0);
        SqlNode second = call.operand(1);
        SqlIntervalQualifier unit;
        SqlNode value;
        if (second instanceof SqlIntervalQualifier qualifier) {
            unit = qualifier;
            value = first;
        } else if (first instanceof SqlCharStringLiteral literal) {
            unit = truncUnit(literal.getValueAs(String.class), literal.getParserPosition());
            value = second;
        } else {
            throw unsupported("DATE_TRUNC takes its unit as a "
                    + "quoted literal, e.g. DATE_TRUNC('month', x), one of " + UNITS
                    + "; a unit from a column or parameter is not supported: use CASE over the units you need");
        }
        if (unit.timeFrameName == null && SUB_DAY.contains(unit.getStartUnit())) {
            // Calcite floors a DATE to an hour as if it were day 0; PostgreSQL answers the timestamp.
            value = cast(value, SqlTypeName.TIMESTAMP);
        }
        call.setOperator(SqlStdOperatorTable.FLOOR);
        call.setOperand(0, value);
        call.setOperand(1, unit);
    }

    private static SqlIntervalQualifier truncUnit(String text, SqlParserPos pos) {
        String frame = TRUNC_UNITS.get(text.trim().toLowerCase(Locale.ROOT));
        if (frame == null) {
            throw unsupported("DATE_TRUNC unit '" + text
                    + "' is not supported: use one of " + UNITS
                    + " (TIMESTAMP values have millisecond precision, so there is nothing finer to truncate)");
        }
        for (TimeUnit u : TimeUnit.values()) {
            if (u.name().equals(frame)) {
                return new SqlIntervalQualifier(u, null, pos);
            }
        }
        return new SqlIntervalQualifier(frame, pos); // a time frame of Calcite's, such as ISOWEEK
    }

    private static void nullableDefault(SqlBasicCall call) {
        SqlNode value = call.operand(0);
        SqlNode defaultValue = call.operand(2);
        SqlParserPos pos = defaultValue.getParserPosition();
        SqlNode never = SqlLiteral.createBoolean(false, pos);
        call.setOperand(2, new SqlCase(pos, null, SqlNodeList.of(never), SqlNodeList.of(value.clone(pos)),
                defaultValue));
    }

    /** Whether the node is {@code PERCENTILE_CONT/DISC(p) WITHIN GROUP (...)}. */
    private static boolean isPercentile(SqlNode node) {
        return node instanceof SqlBasicCall c && c.getKind() == SqlKind.WITHIN_GROUP
                && List.of("PERCENTILE_CONT", "PERCENTILE_DISC").contains(percentileName(c));
    }

    private static String percentileName(SqlBasicCall withinGroup) {
        SqlNode function = withinGroup.operand(0);
        return function instanceof SqlCall c ? c.getOperator().getName().toUpperCase(Locale.ROOT) : "";
    }

    /**
     * {@code ... WITHIN GROUP (ORDER BY x) FILTER (WHERE c)} becomes {@code ... WITHIN GROUP (ORDER BY
     * CASE WHEN c THEN x END)}: Calcite's validator fails on FILTER over a percentile, and a percentile
     * skips NULLs, so leaving out a row and making its value NULL give the same answer.
     */
    private static void filterAsNull(SqlBasicCall filter) {
        SqlBasicCall withinGroup = filter.operand(0);
        SqlNode condition = filter.operand(1);
        mapOrder(withinGroup, x -> new SqlCase(x.getParserPosition(), null, SqlNodeList.of(condition),
                SqlNodeList.of(x), SqlLiteral.createNull(x.getParserPosition())));
        filter.setOperator(SqlStdOperatorTable.WITHIN_GROUP);
        filter.setOperand(0, withinGroup.operand(0));
        filter.setOperand(1, withinGroup.operand(1));
    }

    /** Applies {@code change} to each ORDER BY expression of a WITHIN GROUP call (inside DESC, NULLS FIRST/LAST). */
    private static void mapOrder(SqlBasicCall withinGroup, UnaryOperator<SqlNode> change) {
        if (withinGroup.operand(1) instanceof SqlNodeList items) {
            for (int i = 0; i < items.size(); i++) {
                items.set(i, mapInnermost(items.get(i), change));
            }
        }
    }

    private static SqlNode mapInnermost(SqlNode item, UnaryOperator<SqlNode> change) {
        if (item instanceof SqlBasicCall c && List.of(SqlKind.DESCENDING, SqlKind.NULLS_FIRST, SqlKind.NULLS_LAST)
                .contains(c.getKind())) {
            c.setOperand(0, mapInnermost(c.operand(0), change));
            return c;
        }
        return change.apply(item);
    }

    private static SqlNode asDouble(SqlNode value) {
        return cast(value, SqlTypeName.DOUBLE);
    }

    private static SqlNode cast(SqlNode value, SqlTypeName target) {
        SqlParserPos pos = value.getParserPosition();
        SqlDataTypeSpec type = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(target, pos), pos);
        return SqlStdOperatorTable.CAST.createCall(pos, value, type);
    }
}
