package dev.reportsql.sql.calcite;

import java.math.BigDecimal;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

import com.google.common.collect.ImmutableList;

/**
 * Calcite 1.42 plans {@code PERCENT_RANK()} and {@code CUME_DIST()} windows but cannot generate code
 * for them. Both are ratios of window functions it does run, over the same partition and order:
 * <ul>
 * <li>PERCENT_RANK = (RANK - 1) / (rows in the partition - 1), and 0 in a partition of one row;</li>
 * <li>CUME_DIST = (rows up to and including the current row's peers) / (rows in the partition).</li>
 * </ul>
 */
public final class DistributionWindows extends RexShuttle {
    private final RexBuilder rex;

    public DistributionWindows(RexBuilder rex) {
        this.rex = rex;
    }

    @Override
    public RexNode visitOver(RexOver over) {
        SqlKind kind = over.getOperator().getKind();
        if (kind != SqlKind.PERCENT_RANK && kind != SqlKind.CUME_DIST) {
            return super.visitOver(over);
        }
        RexWindow w = over.getWindow();
        RelDataType count = rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT);
        RexNode partitionRows = window(SqlStdOperatorTable.COUNT, count, w, false);
        RexNode result;
        if (kind == SqlKind.PERCENT_RANK) {
            RexNode rank = window(SqlStdOperatorTable.RANK, count, w, true);
            RexNode one = rex.makeExactLiteral(BigDecimal.ONE);
            RexNode ratio = rex.makeCall(SqlStdOperatorTable.DIVIDE,
                    asDouble(rex.makeCall(SqlStdOperatorTable.MINUS, rank, one)),
                    asDouble(rex.makeCall(SqlStdOperatorTable.MINUS, partitionRows, one)));
            result = rex.makeCall(SqlStdOperatorTable.CASE,
                    rex.makeCall(SqlStdOperatorTable.GREATER_THAN, partitionRows, one), ratio,
                    rex.makeApproxLiteral(BigDecimal.ZERO));
        } else {
            RexNode upToPeers = window(SqlStdOperatorTable.COUNT, count, w, true);
            result = rex.makeCall(SqlStdOperatorTable.DIVIDE, asDouble(upToPeers), asDouble(partitionRows));
        }
        return rex.makeCast(over.getType(), result, true, false);
    }

    /**
     * {@code function} over the window's partition: with its order and a RANGE frame up to the current
     * row's last peer when {@code ordered}, else over the whole partition.
     */
    private RexNode window(SqlAggFunction function, RelDataType type, RexWindow w, boolean ordered) {
        return rex.makeOver(type, function, ImmutableList.of(), w.partitionKeys,
                ordered ? w.orderKeys : ImmutableList.of(), RexWindowBounds.UNBOUNDED_PRECEDING,
                ordered ? RexWindowBounds.CURRENT_ROW : RexWindowBounds.UNBOUNDED_FOLLOWING, !ordered, true, false,
                false, false);
    }

    private RexNode asDouble(RexNode value) {
        return rex.makeCast(rex.getTypeFactory().createSqlType(SqlTypeName.DOUBLE), value);
    }
}
