package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Calcite 1.42 validates {@code PERCENTILE_CONT/PERCENTILE_DISC(p) WITHIN GROUP (ORDER BY x)} but has
 * no enumerable implementation for them: planning fails. This replaces each such call by a
 * user-defined aggregate over {@code (x, p)} that keeps the call's ORDER BY, its FILTER and its type,
 * so Calcite sorts each group's rows and {@link Percentiles} picks the answer.
 */
final class PercentileAggregates {
    private static final SqlAggFunction CONT = aggregate("PERCENTILE_CONT", Percentiles.Cont.class);
    private static final SqlAggFunction DISC = aggregate("PERCENTILE_DISC", Percentiles.Disc.class);

    private PercentileAggregates() {
    }

    private static SqlAggFunction aggregate(String name, Class<?> implementation) {
        // ARG0 is the ORDER BY expression's type, which is how Calcite types the percentile itself.
        return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.ARG0, InferTypes.RETURN_TYPE, null, AggregateFunctionImpl.create(implementation),
                false, false, Optionality.OPTIONAL);
    }

    /** The aggregate with its percentile calls replaced, or the aggregate itself when it has none. */
    static Aggregate rewrite(Aggregate aggregate) {
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            AggregateCall replaced = replace(call, aggregate.getInput());
            changed |= replaced != call;
            calls.add(replaced);
        }
        return changed ? aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), calls) : aggregate;
    }

    /**
     * {@link FunctionRewrites} orders PERCENTILE_CONT by {@code CAST(x AS DOUBLE)}; Calcite casts dates and
     * timestamps to numbers too, which would interpolate milliseconds since 1970, so those are refused.
     */
    private static void checkNumeric(RelNode input, int field) {
        if (input instanceof Project project && project.getProjects().get(field) instanceof RexCall cast
                && cast.getKind() == SqlKind.CAST
                && !SqlTypeUtil.isNumeric(cast.getOperands().get(0).getType())
                && !SqlTypeUtil.isNull(cast.getOperands().get(0).getType())) {
            RelDataType type = cast.getOperands().get(0).getType();
            String instead = SqlTypeUtil.isCharacter(type) ? "order by the text as a number, ORDER BY CAST(x AS DOUBLE)"
                    : "use PERCENTILE_DISC, which returns one of the values";
            throw Errors.unchecked(Errors.sql(SqlState.FEATURE_NOT_SUPPORTED, "PERCENTILE_CONT interpolates numbers "
                    + "only, not " + type.getSqlTypeName() + ": " + instead));
        }
    }

    private static AggregateCall replace(AggregateCall call, RelNode input) {
        SqlKind kind = call.getAggregation().getKind();
        List<RelFieldCollation> order = call.getCollation().getFieldCollations();
        if ((kind != SqlKind.PERCENTILE_CONT && kind != SqlKind.PERCENTILE_DISC) || order.size() != 1
                || call.getArgList().size() != 1) {
            return call;
        }
        int value = order.get(0).getFieldIndex();
        if (kind == SqlKind.PERCENTILE_CONT) {
            checkNumeric(input, value);
        }
        List<Integer> args = List.of(value, call.getArgList().get(0));
        return AggregateCall.create(call.getParserPosition(), kind == SqlKind.PERCENTILE_CONT ? CONT : DISC, false,
                false, false, List.of(), args, call.filterArg, null, call.getCollation(), call.getType(),
                call.getName());
    }
}
