package dev.reportsql.observe;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One logical API call as {@code sys.requests} shows it: its retries are attempts of the same
 * entry. The adapter that makes the call creates it, the HTTP layer adds attempts, status, waits
 * and bytes as they happen, and the adapter ends it when the body was read or the call failed.
 * Fields are written by the threads that run the call and read by any query on {@code sys}.
 * {@code filters} never holds a secret: it is the request body or query of a data call, which
 * carries filter values only (tokens travel in headers, which are never recorded).
 */
public final class RequestEntry {
    private final long id;
    private final long statementId;
    private final Instant startedAt;
    private final long startNanos;
    private final String method;
    private final String endpoint;
    private final String tableName;
    private final String filters;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicLong waitMillis = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile int httpStatus = -1;
    private volatile long rows = -1;
    private volatile boolean cacheHit;
    private volatile String errorSqlState;
    private volatile long durationMillis = -1;
    private final Trace trace;

    RequestEntry(long id, long statementId, String method, String endpoint, String tableName, String filters,
            Trace trace) {
        this.trace = trace;
        this.id = id;
        this.statementId = statementId;
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
        this.method = method;
        this.endpoint = endpoint;
        this.tableName = tableName;
        this.filters = filters;
        if (trace.on(Trace.Level.DEBUG)) {
            trace.debug(label() + " starts: " + method + " " + endpoint + (tableName == null ? "" : " for " + tableName)
                    + (filters == null ? "" : " with " + filters));
        }
    }

    private String label() {
        return "request " + id + (statementId == 0 ? "" : " (statement " + statementId + ")");
    }

    public long id() {
        return id;
    }

    public long statementId() {
        return statementId;
    }

    /** An HTTP attempt starts (the first, or a retry). */
    public void attempt() {
        int n = attempts.incrementAndGet();
        if (n > 1) {
            trace.info(label() + ": attempt " + n + " after HTTP " + httpStatus + " or a failed connection");
        }
    }

    /** The status line of the latest attempt arrived. */
    public void status(int code) {
        httpStatus = code;
        if (trace.on(Trace.Level.DEBUG)) {
            trace.debug(label() + ": HTTP " + code + " after " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
        }
    }

    /** Time spent waiting for the rate limit before an attempt. */
    public void waited(long millis) {
        waitMillis.addAndGet(millis);
        trace.info(label() + ": waited " + millis + " ms for the rate limit");
    }

    /** Body bytes received (across attempts). */
    public void bytes(long n) {
        bytes.addAndGet(n);
    }

    /** The answer came from the driver's result cache: no HTTP call was made. */
    public void cacheHit() {
        cacheHit = true;
        trace.debug(label() + ": answered from the result cache, no HTTP call");
    }

    /** Ends the call: {@code rows} read from its answer (-1 when the call carries no rows). */
    public synchronized void succeeded(long rowCount) {
        if (!ended()) {
            rows = rowCount;
            end();
        }
    }

    /** Ends the call as failed with {@code sqlState}; {@code rowCount} rows were read before (-1: none apply). */
    public synchronized void failed(String sqlState, long rowCount) {
        if (!ended()) {
            errorSqlState = sqlState != null ? sqlState : "HY000";
            rows = rowCount;
            end();
        }
    }

    private synchronized void end() {
        if (durationMillis < 0) {
            durationMillis = Math.max(0, (System.nanoTime() - startNanos) / 1_000_000);
            String summary = label() + (errorSqlState == null ? " ends" : " fails with SQLState " + errorSqlState)
                    + ": HTTP " + (httpStatus < 0 ? "-" : httpStatus) + ", " + attempts.get() + " attempts, "
                    + (rows < 0 ? "" : rows + " rows, ") + bytes.get() + " bytes, " + durationMillis + " ms"
                    + (cacheHit ? ", from the result cache" : "");
            trace.outcome(errorSqlState != null, summary);
        }
    }

    /** Whether the call has ended. */
    public boolean ended() {
        return durationMillis >= 0;
    }

    /**
     * The row of {@code sys.requests}; columns in {@link RequestLog#COLUMNS} order. Values not known
     * (yet) are null: a call still under way has no duration.
     */
    Object[] row() {
        int status = httpStatus;
        long r = rows;
        long d = durationMillis;
        return new Object[] {id, statementId == 0 ? null : statementId, startedAt, method, endpoint, tableName, filters,
            status < 0 ? null : status, attempts.get(), waitMillis.get(), d < 0 ? null : d, bytes.get(),
            r < 0 ? null : r, cacheHit, errorSqlState};
    }
}
