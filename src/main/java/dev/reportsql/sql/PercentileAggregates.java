package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

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
            AggregateCall replaced = replace(call);
            changed |= replaced != call;
            calls.add(replaced);
        }
        return changed ? aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), calls) : aggregate;
    }

    private static AggregateCall replace(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        List<RelFieldCollation> order = call.getCollation().getFieldCollations();
        if ((kind != SqlKind.PERCENTILE_CONT && kind != SqlKind.PERCENTILE_DISC) || order.size() != 1
                || call.getArgList().size() != 1) {
            return call;
        }
        List<Integer> args = List.of(order.get(0).getFieldIndex(), call.getArgList().get(0));
        return AggregateCall.create(call.getParserPosition(), kind == SqlKind.PERCENTILE_CONT ? CONT : DISC, false,
                false, false, List.of(), args, call.filterArg, null, call.getCollation(), call.getType(),
                call.getName());
    }
}
