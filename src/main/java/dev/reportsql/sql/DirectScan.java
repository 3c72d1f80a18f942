package dev.reportsql.sql;

import java.util.List;
import java.util.function.Predicate;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.prepare.Prepare.PreparedResult;
import org.apache.calcite.prepare.Prepare.PreparedResultImpl;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.ArrayBindable;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlKind;

/**
 * A plan that is one API scan, alone or under a calc that only picks and orders its columns and
 * keeps rows by a condition {@link RowCondition} can check (no expression, sort or aggregate:
 * {@code SELECT * | a, b FROM report WHERE <filters> [AND qty > 500]}), runs without generating and
 * compiling code. For such a plan Calcite's code generator writes a class whose {@code bind} calls
 * the scan's {@link ApiScan.Run}, tests the condition and copies the picked cells into a new row,
 * and compiles it with Janino; this does the same directly, so the rows, the row format and the
 * metadata are Calcite's.
 * One-column results are left to Calcite, which turns their rows into scalars. The first query of
 * a fresh JVM then loads neither the code generator nor Janino (docs/performance.md).
 */
final class DirectScan implements ArrayBindable {
    /** {@code -Dreportsql.directScans=false} sends every plan through Calcite's code generator. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("reportsql.directScans"));

    private final ApiScan.Run run;
    /** The scan's column of each result column, or null when the result is the scan's row. */
    private final int[] picked;
    /** The rows kept, or null for all. */
    private final Predicate<Object[]> condition;

    private DirectScan(ApiScan.Run run, int[] picked, Predicate<Object[]> condition) {
        this.run = run;
        this.picked = picked;
        this.condition = condition;
    }

    /** The prepared result of {@code root} run directly, or null when the plan is more than that. */
    static PreparedResult of(RelRoot root, RelDataType parameterRowType, List<? extends List<String>> fieldOrigins) {
        if (!ENABLED || !root.isRefTrivial() || root.kind != SqlKind.SELECT
                || root.rel.getRowType().getFieldCount() < 2 || !root.collation.getFieldCollations().isEmpty()) {
            return null;
        }
        ApiScan scan;
        int[] picked = null;
        Predicate<Object[]> condition = null;
        if (root.rel instanceof ApiScan s) {
            scan = s;
        } else if (root.rel instanceof EnumerableCalc calc && calc.getInput() instanceof ApiScan s
                && (picked = picks(calc.getProgram())) != null) {
            scan = s;
            RexProgram program = calc.getProgram();
            if (program.getCondition() != null) {
                condition = RowCondition.of(program.expandLocalRef(program.getCondition()), s.getRowType());
                if (condition == null) {
                    return null;
                }
            }
            if (program.projectsOnlyIdentity()) {
                picked = null;
            }
        } else {
            return null;
        }
        DirectScan bindable = new DirectScan(scan.run(), picked, condition);
        return new PreparedResultImpl(root.rel.getRowType(), parameterRowType, fieldOrigins, List.<RelCollation>of(),
                root.rel, null, false) {
            @Override
            public String getCode() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Bindable<Object[]> getBindable(Meta.CursorFactory cursorFactory) {
                return bindable;
            }

            @Override
            public Class<?> getElementType() {
                return Object[].class;
            }
        };
    }

    /** The input column of each output of a program that only picks columns, else null. */
    private static int[] picks(RexProgram program) {
        List<RexLocalRef> projects = program.getProjectList();
        int[] picked = new int[projects.size()];
        for (int i = 0; i < picked.length; i++) {
            RexNode e = program.expandLocalRef(projects.get(i));
            if (!(e instanceof RexInputRef ref)) {
                return null;
            }
            picked[i] = ref.getIndex();
        }
        return picked;
    }

    @Override
    public Enumerable<Object[]> bind(DataContext root) {
        Enumerable<Object[]> rows = run.execute(root);
        if (condition != null) {
            rows = rows.where(condition::test);
        }
        if (picked == null) {
            return rows;
        }
        int[] p = picked;
        return rows.select(row -> {
            Object[] out = new Object[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = row[p[i]];
            }
            return out;
        });
    }

    @Override
    public Class<Object[]> getElementType() {
        return Object[].class;
    }
}
