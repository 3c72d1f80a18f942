package dev.reportsql.sql.calcite;

import java.util.List;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * ABS of an integer as {@code CASE WHEN x < 0 THEN -x ELSE x END} with a checked minus, so that
 * ABS of the smallest BIGINT fails with 22003 instead of answering itself: Calcite's checked
 * arithmetic covers +, -, * and / but not ABS. Only a deterministic operand is rewritten, since the
 * CASE reads it twice.
 */
public final class CheckedAbs extends RelHomogeneousShuttle {
    private final RexShuttle calls;

    private CheckedAbs(RexBuilder rex) {
        this.calls = new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                RelNode rel = subQuery.rel.accept(CheckedAbs.this);
                return rel == subQuery.rel ? subQuery : subQuery.clone(rel);
            }

            @Override
            public RexNode visitCall(RexCall call) {
                RexNode visited = super.visitCall(call);
                if (!(visited instanceof RexCall c) || c.getOperator() != SqlStdOperatorTable.ABS
                        || !SqlTypeName.INT_TYPES.contains(c.getType().getSqlTypeName())
                        || !RexUtil.isDeterministic(c.getOperands().get(0))) {
                    return visited;
                }
                RexNode x = c.getOperands().get(0);
                RexNode negative = rex.makeCall(SqlStdOperatorTable.LESS_THAN, x, rex.makeZeroLiteral(x.getType()));
                RexNode negated = rex.makeCall(c.getType(), SqlStdOperatorTable.CHECKED_UNARY_MINUS, List.of(x));
                return rex.makeCall(c.getType(), SqlStdOperatorTable.CASE, List.of(negative, negated, x));
            }
        };
    }

    public static RelNode apply(RelNode rel) {
        return rel.accept(new CheckedAbs(rel.getCluster().getRexBuilder()));
    }

    @Override
    public RelNode visit(RelNode other) {
        return super.visit(other).accept(calls);
    }
}
