package dev.reportsql.sql;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.error.WarningChain;
import dev.reportsql.http.TrackedCalls;
import dev.reportsql.observe.QueryEntry;
import dev.reportsql.types.JsonRowStream;

/**
 * The state of one statement execution that scans need and Calcite cannot carry: the HTTP calls
 * to abort on cancel, timeout or close, and warnings for the caller. The JDBC statement makes it
 * current on its thread while Calcite binds the plan; scans pick it up there.
 */
public final class ExecutionContext extends TrackedCalls {
    private static final ThreadLocal<ExecutionContext> CURRENT = new ThreadLocal<>();

    private final WarningChain warnings = new WarningChain();
    /** Each adapter's own per-execution state, by the class of that state. */
    private final Map<Class<?>, Attachment> attachments = new ConcurrentHashMap<>();
    /** Data calls made before planning, to learn reports' columns (EXPLAIN says so). */
    private final java.util.concurrent.atomic.AtomicInteger planningCalls = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong callsReserved = new java.util.concurrent.atomic.AtomicLong();
    private volatile long callBudget;
    private final Set<JsonRowStream> streams = ConcurrentHashMap.newKeySet();
    private volatile SQLException abortReason;
    private volatile long deadlineNanos = NO_DEADLINE;
    private volatile QueryEntry query;
    /** Waits between retries end at once on abort: they wait on this monitor, which abort notifies. */
    private final Object pauses = new Object();

    /** The context of the statement executing on this thread, or a fresh detached one. */
    public static ExecutionContext current() {
        ExecutionContext c = CURRENT.get();
        return c != null ? c : new ExecutionContext();
    }

    /**
     * Makes this context current on the calling thread until the returned scope is closed. While
     * it is, Calcite keeps {@code IN} lists of any length as lists: by default it turns lists of 20
     * or more values into a join with a VALUES table, which the filter pushdown cannot send to the
     * API, so a long {@code IN} on a filter would fetch every row instead.
     */
    public Scope enter() {
        ExecutionContext previous = CURRENT.get();
        CURRENT.set(this);
        TryThreadLocal.Memo inLists = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE);
        return () -> {
            inLists.close();
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the previous context; never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Ties this execution (and its API calls) to its row in {@code sys.queries}. */
    public void setQuery(QueryEntry entry) {
        query = entry;
    }

    /** This execution's row in {@code sys.queries}, or null when it is not recorded. */
    public QueryEntry query() {
        return query;
    }

    @Override
    public long statementId() {
        QueryEntry q = query;
        return q == null ? 0 : q.statementId();
    }

    @Override
    public SQLException abortReason() {
        return abortReason;
    }

    /** Aborts every HTTP call of this execution; scans then fail with {@code reason}. First reason wins. */
    public void abort(SQLException reason) {
        synchronized (pauses) {
            if (abortReason == null) {
                abortReason = reason;
            }
            pauses.notifyAll();
        }
        cancelCalls();
    }

    /** Sets when the query timeout expires, so retries do not plan waits beyond it. */
    public void setDeadline(long nanoTime) {
        deadlineNanos = nanoTime;
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public void pause(long millis) throws SQLException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (pauses) {
            long left;
            while (abortReason == null && (left = end - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(pauses, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw Errors.sql(SqlState.OPERATION_CANCELED, "Interrupted while waiting to retry a call", e);
                }
            }
        }
        checkAborted();
    }

    /** Throws the abort reason if this execution was aborted. */
    public void checkAborted() throws SQLException {
        SQLException r = abortReason;
        if (r != null) {
            throw r;
        }
    }

    /** Sets the most calls this execution may make (0: no limit). */
    public void setCallBudget(long max) {
        callBudget = max;
    }

    /**
     * Counts {@code n} more calls of this execution toward the call budget, before they are made;
     * fails with 54000 once the total passes it. Scans reserve their calls when the plan is bound,
     * before any of them starts.
     */
    public void reserveCalls(long n, String what) {
        long total = callsReserved.addAndGet(n);
        if (callBudget > 0 && total > callBudget) {
            throw Errors.unchecked(Errors.sql(SqlState.CALL_BUDGET_EXCEEDED, "The query would make at least " + total
                    + " API calls (" + what + " among them), more than maxCallsPerQuery=" + callBudget + " allows; "
                    + "narrow its filters (fewer IN values, fewer joined reports), or raise maxCallsPerQuery. EXPLAIN "
                    + "PLAN FOR the query lists its calls"));
        }
    }

    /**
     * State an adapter keeps for one execution (responses read before planning, say), released
     * when the execution ends. The engine holds it without knowing what it is.
     */
    public interface Attachment {
        /** Frees what no scan took over; never throws. */
        void release();
    }

    /** This execution's state of class {@code type}, made by {@code create} on first use. */
    public <T extends Attachment> T attachment(Class<T> type, java.util.function.Supplier<T> create) {
        return type.cast(attachments.computeIfAbsent(type, k -> create.get()));
    }

    /** Counts a data call made before planning to learn a report's columns. */
    public void countPlanningCall() {
        planningCalls.incrementAndGet();
    }

    /** How many data calls were made before planning, to learn reports' columns. */
    public int planningCalls() {
        return planningCalls.get();
    }

    /** Remembers a data stream a scan opened, so {@link #closeOpenStreams} can close it if the scan never does. */
    public void own(JsonRowStream stream) {
        streams.add(stream);
    }

    /** The scan closed its stream itself. */
    public void disown(JsonRowStream stream) {
        streams.remove(stream);
    }

    /**
     * Closes every data response of this execution still open: those of scans that Calcite gave
     * up on without closing them (a failure in generated code, say). Called when the execution ends.
     */
    public void closeOpenStreams() {
        releaseAttachments();
        for (JsonRowStream s : List.copyOf(streams)) {
            streams.remove(s);
            s.close();
        }
    }

    /** Releases every adapter's state of this execution (responses no scan took over). */
    public void releaseAttachments() {
        for (Attachment a : List.copyOf(attachments.values())) {
            a.release();
        }
    }

    /**
     * Adds a warning at the end of this execution's chain. The chain is built once, as warnings
     * come: linking the same warnings again on every read would make the chain loop.
     */
    public void addWarning(SQLWarning warning) {
        warnings.add(warning);
    }

    /** The warnings so far, chained in order, or null. */
    public SQLWarning warnings() {
        return warnings.head();
    }
}
