package dev.reportsql.types;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of a response that did not fit their column's type and were read as NULL instead of
 * failing the query. The scan drains them after each row to warn and to widen the column for the
 * next query. Not thread-safe: one per scan.
 */
public final class Misfits {
    /**
     * One value that did not fit.
     *
     * @param column the column as the scan knew it
     * @param raw the value as {@link JsonRowStream#nextRaw()} would give it
     * @param reason the conversion error the value would have raised (22003, 22018 or 22007),
     *     whose message names report, column, type and value
     */
    public record Misfit(ColumnDef column, Object raw, SQLException reason) {
    }

    private final List<Misfit> pending = new ArrayList<>();
    private long total;

    void add(ColumnDef column, Object raw, SQLException reason) {
        pending.add(new Misfit(column, raw, reason));
        total++;
    }

    /** Whether values were read as NULL since the last {@link #drain()}. */
    public boolean pending() {
        return !pending.isEmpty();
    }

    /** The misfits since the last call, in the order they were met. */
    public List<Misfit> drain() {
        List<Misfit> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** Every misfit so far, drained or not. */
    public long total() {
        return total;
    }
}
