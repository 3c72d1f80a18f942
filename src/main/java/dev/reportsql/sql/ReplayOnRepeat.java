package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * A scan's rows for one execution, which a nested-loop join enumerates once for every row of its
 * other input. The first pass streams, keeping nothing, as almost every scan is read once; a second
 * pass calls the API again and keeps its rows, and every later pass replays them without a call (a
 * pass left before its end, as under a LIMIT, keeps nothing; the next pass tries again).
 * So a cross join reads the report at most twice instead of once per outer row. Rows past
 * {@link #MAX_KEPT} are not kept: such a scan is read from the API on every pass, as before.
 */
public final class ReplayOnRepeat extends AbstractEnumerable<Object[]> {
    /** The most rows kept for replay; beyond it memory matters more than the repeated calls. */
    static final int MAX_KEPT = 200_000;

    private final Supplier<Enumerator<Object[]>> source;
    private final Runnable beforeRepeat;
    private final int maxKept;
    private int passes;
    private List<Object[]> kept;
    private boolean tooMany;

    /**
     * @param source opens one pass over the API's rows
     * @param beforeRepeat runs before the source is opened again (counting the call against a budget)
     */
    public ReplayOnRepeat(Supplier<Enumerator<Object[]>> source, Runnable beforeRepeat) {
        this(source, beforeRepeat, MAX_KEPT);
    }

    ReplayOnRepeat(Supplier<Enumerator<Object[]>> source, Runnable beforeRepeat, int maxKept) {
        this.source = source;
        this.beforeRepeat = beforeRepeat;
        this.maxKept = maxKept;
    }

    @Override
    public Enumerator<Object[]> enumerator() {
        if (kept != null) {
            return Linq4j.enumerator(kept);
        }
        passes++;
        if (passes == 1) {
            return source.get();
        }
        beforeRepeat.run();
        Enumerator<Object[]> rows = source.get();
        return tooMany ? rows : new Keeping(rows);
    }

    /** Passes rows through, keeping a copy of each; the copy is used only once the pass reaches the end. */
    private final class Keeping implements Enumerator<Object[]> {
        private final Enumerator<Object[]> rows;
        private List<Object[]> copy = new ArrayList<>();

        Keeping(Enumerator<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public Object[] current() {
            return rows.current();
        }

        @Override
        public boolean moveNext() {
            boolean more = rows.moveNext();
            if (copy == null) {
                return more;
            }
            if (!more) {
                kept = copy;
                copy = null;
            } else if (copy.size() < maxKept) {
                copy.add(rows.current().clone()); // an enumerator may reuse its row array
            } else {
                copy = null;
                tooMany = true;
            }
            return more;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a scan is read forward once per pass");
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
