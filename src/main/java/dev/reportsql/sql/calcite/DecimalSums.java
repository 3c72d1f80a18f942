package dev.reportsql.sql.calcite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import dev.reportsql.sql.ReportTypeSystem;

/**
 * Feeds SUMs of BIGINT values to Calcite as DECIMALs. {@link ReportTypeSystem} types such a SUM
 * as DECIMAL(38, 0) so that it cannot overflow, but Calcite's code for SUM adds its argument as
 * it comes, and cannot add a long to a BigDecimal; so the argument is cast to the sum's type: in
 * window calls as soon as the query is converted, in aggregates once the planner has made all
 * of them (it makes new SUMs, e.g. for AVG), just before the plan is compiled.
 */
public final class DecimalSums {
    private DecimalSums() {
    }

    /** Casts the BIGINT operands of the query's windowed SUMs. */
    public static RelNode windows(RelNode rel) {
        return rel.accept(new Shuttle(new OverOperands(rel.getCluster().getRexBuilder())));
    }

    /** Casts the BIGINT arguments of the plan's SUM aggregates with a projection below them. */
    public static RelNode aggregates(RelNode plan) {
        return plan.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode node = super.visit(other);
                return node instanceof Aggregate a ? castArguments(a) : node;
            }
        });
    }

    private static boolean widened(SqlKind kind, RelDataType argument, RelDataType result) {
        return (kind == SqlKind.SUM || kind == SqlKind.SUM0) && argument.getSqlTypeName() == SqlTypeName.BIGINT
                && result.getSqlTypeName() == SqlTypeName.DECIMAL;
    }

    private static RelNode castArguments(Aggregate aggregate) {
        RelNode input = aggregate.getInput();
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        RelDataTypeFactory types = aggregate.getCluster().getTypeFactory();
        List<RexNode> projects = new ArrayList<>(rex.identityProjects(input.getRowType()));
        List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
        Map<Integer, Integer> casts = new HashMap<>();
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.getArgList().size() != 1
                    || !widened(call.getAggregation().getKind(), input.getRowType().getFieldList()
                            .get(call.getArgList().get(0)).getType(), call.getType())) {
                calls.add(call);
                continue;
            }
            int arg = call.getArgList().get(0);
            int cast = casts.computeIfAbsent(arg, a -> {
                RexNode field = projects.get(a);
                RelDataType decimal = types.createTypeWithNullability(
                        types.createSqlType(SqlTypeName.DECIMAL, ReportTypeSystem.MAX_DECIMAL_PRECISION, 0),
                        field.getType().isNullable());
                projects.add(rex.makeCast(decimal, field));
                names.add("$decimal" + a);
                return projects.size() - 1;
            });
            calls.add(call.withArgList(List.of(cast)));
        }
        if (casts.isEmpty()) {
            return aggregate;
        }
        RelNode projected = EnumerableProject.create(input, projects,
                types.createStructType(projects.stream().map(RexNode::getType).toList(), names));
        return aggregate.copy(aggregate.getTraitSet(), projected, aggregate.getGroupSet(), aggregate.getGroupSets(),
                calls);
    }

    /** Applies the expression shuttle to every node, also inside sub-queries. */
    private static final class Shuttle extends RelHomogeneousShuttle {
        private final OverOperands operands;

        Shuttle(OverOperands operands) {
            this.operands = operands;
            operands.rels = this;
        }

        @Override
        public RelNode visit(RelNode other) {
            return super.visit(other).accept(operands);
        }
    }

    private static final class OverOperands extends RexShuttle {
        private final RexBuilder rex;
        private Shuttle rels;

        OverOperands(RexBuilder rex) {
            this.rex = rex;
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            RelNode rel = subQuery.rel.accept(rels);
            return rel == subQuery.rel ? subQuery : subQuery.clone(rel);
        }

        @Override
        public RexNode visitOver(RexOver over) {
            RexNode visited = super.visitOver(over);
            if (!(visited instanceof RexOver o) || o.getOperands().size() != 1
                    || !widened(o.getAggOperator().getKind(), o.getOperands().get(0).getType(), o.getType())) {
                return visited;
            }
            RexNode operand = o.getOperands().get(0);
            RelDataType decimal = rex.getTypeFactory().createTypeWithNullability(o.getType(), operand.getType().isNullable());
            RexWindow w = o.getWindow();
            // allowPartial true and nullWhenCountZero false: the same single call, no wrapping added
            return rex.makeOver(o.getParserPosition(), o.getType(), o.getAggOperator(),
                    List.of(rex.makeCast(decimal, operand)), w.partitionKeys, w.orderKeys, w.getLowerBound(),
                    w.getUpperBound(), w.getExclude(), w.isRows(), true, false, o.isDistinct(), o.ignoreNulls());
        }
    }
}
