package dev.reportsql.observe;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One statement execution as {@code sys.queries} shows it. It ends when its result set is closed
 * (or read to the end), or when it fails; until then it has no duration.
 */
public final class QueryEntry {
    private final long statementId;
    private final String sql;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final AtomicInteger apiCalls = new AtomicInteger();
    private volatile long rows = -1;
    private volatile long durationMillis = -1;
    private volatile String sqlState;
    private final Trace trace;

    QueryEntry(long statementId, String sql, Trace trace) {
        this.statementId = statementId;
        this.sql = sql;
        this.trace = trace;
        trace.info("statement " + statementId + " starts: " + sql);
    }

    public long statementId() {
        return statementId;
    }

    void countCall() {
        apiCalls.incrementAndGet();
    }

    /** Ends the execution after {@code rowCount} rows were handed to the caller. */
    public void succeeded(long rowCount) {
        end(rowCount, null);
    }

    /** Ends the execution as failed; {@code rowCount} rows were handed over before. */
    public void failed(String state, long rowCount) {
        end(rowCount, state != null ? state : "HY000");
    }

    private synchronized void end(long rowCount, String state) {
        if (durationMillis < 0) {
            rows = rowCount;
            sqlState = state;
            durationMillis = Math.max(0, (System.nanoTime() - startNanos) / 1_000_000);
            String summary = "statement " + statementId + (state == null ? " ends" : " fails with SQLState " + state)
                    + ": " + rowCount + " rows, " + apiCalls.get() + " API calls, " + durationMillis + " ms";
            trace.outcome(state != null, summary);
        }
    }

    public boolean ended() {
        return durationMillis >= 0;
    }

    /** The row of {@code sys.queries}; columns in {@link QueryLog#COLUMNS} order. */
    Object[] row() {
        long d = durationMillis;
        long r = rows;
        return new Object[] {statementId, sql, startedAt, d < 0 ? null : d, r < 0 ? null : r, apiCalls.get(), sqlState};
    }
}
