package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableCorrelate;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * {@code EXPLAIN PLAN FOR}: Calcite's relational plan, then the API calls the plan will make, one
 * line each, read from its scans ({@link PlansCalls}). Nothing is fetched to write them; planning
 * itself may have read a report it had never seen, to learn its columns, and the text says so.
 */
final class ApiCallsExplain extends Prepare.PreparedExplain {
    private final RelRoot root;
    private final SqlExplainFormat format;
    private final int probes;

    ApiCallsExplain(RelDataType rowType, RelDataType parameterRowType, RelRoot root, SqlExplainFormat format,
            SqlExplainLevel detailLevel, int probes) {
        super(rowType, parameterRowType, root, format, detailLevel);
        this.root = root;
        this.format = format;
        this.probes = probes;
    }

    @Override
    public String getCode() {
        String plan = super.getCode();
        if (root == null || format != SqlExplainFormat.TEXT) {
            return plan;
        }
        return plan + calls(root.rel, probes);
    }

    /** The call lines below a plan. */
    static String calls(RelNode rel, int probes) {
        List<PlannedCall> calls = new ArrayList<>();
        collect(rel, Repeat.ONCE, calls);
        StringBuilder b = new StringBuilder("\nAPI calls (EXPLAIN makes none of them):\n");
        long total = 0;
        boolean unknown = false;
        long paced = 0;
        PlannedCall.Pacing pacing = null;
        for (int i = 0; i < calls.size(); i++) {
            PlannedCall c = calls.get(i);
            b.append("  ").append(i + 1).append(". ").append(c.method()).append(' ').append(c.endpoint())
                    .append(" for ").append(c.table()).append(": ").append(c.request())
                    .append("; calls: ").append(c.count() < 0 ? "unknown" : Long.toString(c.count()))
                    .append("; result cache: ").append(c.cache());
            if (c.note() != null) {
                b.append("; ").append(c.note());
            }
            b.append('\n');
            if (c.count() < 0) {
                unknown = true;
                total++; // made at least once
            } else {
                total += c.count();
                if (c.pacing() != null) {
                    pacing = c.pacing();
                    paced += c.count();
                }
            }
        }
        if (calls.isEmpty()) {
            b.append("  none\n");
        }
        b.append("Total: ").append(unknown ? "at least " : "").append(total).append(total == 1 ? " call" : " calls");
        if (pacing != null && paced > 1) {
            b.append("; the rate limit (").append(pacing.perSecond() == Integer.MAX_VALUE ? "-" : pacing.perSecond())
                    .append("/s, ").append(pacing.perMinute() == Integer.MAX_VALUE ? "-" : pacing.perMinute())
                    .append("/min) alone makes them take at least ").append(pacing.leastSeconds(paced)).append(" s");
        }
        b.append('\n');
        if (probes > 0) {
            b.append("Planning read ").append(probes).append(probes == 1 ? " report" : " reports")
                    .append(" never seen before, to learn its columns (see sys.requests); later plans need no call.\n");
        }
        return b.toString();
    }

    /** How often the calls of a subtree are made. */
    private enum Repeat {
        ONCE(null),
        /** A nested loop's inner side: the same scan each time, read at most twice ({@link ReplayOnRepeat}). */
        TWICE("at most: read again for a second row of the join's other input, whose later rows replay that read"),
        /** A correlated or batched join's inner side binds new values for each outer row: each run is a new call. */
        PER_ROW("made once for each row of the join's other input");

        private final String note;

        Repeat(String note) {
            this.note = note;
        }

        PlannedCall apply(PlannedCall c) {
            return switch (this) {
                case ONCE -> c;
                case TWICE -> c.twice(note);
                case PER_ROW -> c.repeated(note);
            };
        }
    }

    /** Depth-first, inputs in order; {@code repeat} says how often the subtree runs. */
    private static void collect(RelNode rel, Repeat repeat, List<PlannedCall> out) {
        if (rel instanceof PlansCalls scan) {
            for (PlannedCall c : scan.plannedCalls()) {
                out.add(repeat.apply(c));
            }
        }
        List<RelNode> inputs = rel.getInputs();
        for (int i = 0; i < inputs.size(); i++) {
            Repeat inner = repeat;
            if (i == 1 && (rel instanceof EnumerableCorrelate || rel instanceof EnumerableBatchNestedLoopJoin)) {
                inner = Repeat.PER_ROW;
            } else if (i == 1 && rel instanceof EnumerableNestedLoopJoin && repeat == Repeat.ONCE) {
                inner = Repeat.TWICE;
            }
            collect(inputs.get(i), inner, out);
        }
    }

    @Override
    public Bindable<Object> getBindable(Meta.CursorFactory cursorFactory) {
        String explanation = getCode();
        Object row = cursorFactory.style == Meta.Style.ARRAY ? new Object[] {explanation} : explanation;
        return dataContext -> Linq4j.singletonEnumerable(row);
    }
}
