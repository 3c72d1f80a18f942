package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

import com.google.common.collect.Range;

/**
 * Recognises the predicates that become API filters: {@code col = value}, {@code col IN (...)}
 * (Calcite turns constant lists into SEARCH with point ranges) and an OR of {@code =} on one
 * column (how {@code IN (?, ?)} arrives). Anything else stays with Calcite.
 */
public final class FilterExtraction {
    /** A pushable predicate: the column it constrains and the values it allows. */
    public record Match(int column, List<FilterValue> values) {
    }

    private FilterExtraction() {
    }

    /** The match for one conjunct, or null if the conjunct cannot be sent to the API. */
    public static Match match(RexNode conjunct) {
        if (!(conjunct instanceof RexCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        if (kind == SqlKind.EQUALS) {
            return equality(call);
        }
        if (kind == SqlKind.SEARCH) {
            return search(call);
        }
        if (kind == SqlKind.OR) {
            Integer column = null;
            List<FilterValue> values = new ArrayList<>();
            for (RexNode operand : call.getOperands()) {
                Match m = operand instanceof RexCall c && c.getKind() == SqlKind.EQUALS ? equality(c) : null;
                if (m == null || (column != null && column != m.column())) {
                    return null;
                }
                column = m.column();
                values.addAll(m.values());
            }
            return column == null ? null : new Match(column, values);
        }
        return null;
    }

    private static Match equality(RexCall call) {
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        Integer column = column(a);
        FilterValue value = value(b);
        if (column == null || value == null) {
            column = column(b);
            value = value(a);
        }
        return column == null || value == null ? null : new Match(column, List.of(value));
    }

    private static Match search(RexCall call) {
        Integer column = column(call.getOperands().get(0));
        if (column == null || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
            return null;
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || !sarg.isPoints() || sarg.nullAs == RexUnknownAs.TRUE) {
            return null;
        }
        List<FilterValue> values = new ArrayList<>();
        for (Range<?> range : sarg.rangeSet.asRanges()) {
            String text = FilterValue.text(range.lowerEndpoint(), literal.getType().getSqlTypeName());
            if (text == null) {
                return null;
            }
            values.add(new FilterValue.Constant(text));
        }
        return new Match(column, values);
    }

    /** The column a side of a comparison reads, looking through casts. */
    private static Integer column(RexNode node) {
        RexNode n = stripCasts(node);
        return n instanceof RexInputRef ref ? ref.getIndex() : null;
    }

    private static FilterValue value(RexNode node) {
        RexNode n = stripCasts(node);
        if (n instanceof RexDynamicParam p) {
            return new FilterValue.Param(p.getIndex(), p.getType().getSqlTypeName());
        }
        if (n instanceof RexLiteral lit && !lit.isNull()) {
            String text = FilterValue.text(lit.getValue(), lit.getType().getSqlTypeName());
            return text == null ? null : new FilterValue.Constant(text);
        }
        return null;
    }

    private static RexNode stripCasts(RexNode node) {
        RexNode n = node;
        while (n.getKind() == SqlKind.CAST) {
            n = ((RexCall) n).getOperands().get(0);
        }
        return n;
    }
}
