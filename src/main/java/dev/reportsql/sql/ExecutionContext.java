package dev.reportsql.sql;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.reportsql.http.CallTracker;
import okhttp3.Call;

/**
 * The state of one statement execution that scans need and Calcite cannot carry: the HTTP calls
 * to abort on cancel, timeout or close, and warnings for the caller. The JDBC statement makes it
 * current on its thread while Calcite binds the plan; scans pick it up there.
 */
public final class ExecutionContext implements CallTracker {
    private static final ThreadLocal<ExecutionContext> CURRENT = new ThreadLocal<>();

    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final List<SQLWarning> warnings = new ArrayList<>();
    private final Map<String, ProbedRows> probes = new ConcurrentHashMap<>();
    private volatile SQLException abortReason;
    private volatile java.util.function.IntFunction<Object> parameters;

    /** The context of the statement executing on this thread, or a fresh detached one. */
    public static ExecutionContext current() {
        ExecutionContext c = CURRENT.get();
        return c != null ? c : new ExecutionContext();
    }

    /** Makes this context current on the calling thread until the returned scope is closed. */
    public Scope enter() {
        ExecutionContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
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

    /**
     * The values the application bound to the statement's {@code ?}s (0-based), as it bound them.
     * Scans read filter values from here rather than from Calcite, which has already turned a
     * {@code setDate} into a day count by then.
     */
    public void setParameters(java.util.function.IntFunction<Object> values) {
        this.parameters = values;
    }

    /** The bound value of the 0-based parameter, or {@code fallback} when this execution has no bound values. */
    Object parameter(int index, Object fallback) {
        java.util.function.IntFunction<Object> p = parameters;
        return p == null ? fallback : p.apply(index);
    }

    @Override
    public void register(Call call) {
        calls.add(call);
        if (abortReason != null) {
            call.cancel();
        }
    }

    @Override
    public void unregister(Call call) {
        calls.remove(call);
    }

    @Override
    public SQLException abortReason() {
        return abortReason;
    }

    /** Aborts every HTTP call of this execution; scans then fail with {@code reason}. First reason wins. */
    public void abort(SQLException reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        for (Call c : calls) {
            c.cancel();
        }
    }

    /** Throws the abort reason if this execution was aborted. */
    public void checkAborted() throws SQLException {
        SQLException r = abortReason;
        if (r != null) {
            throw r;
        }
    }

    /** Keeps a discovery response for the scan with the same report and filter values. */
    void offerProbe(String key, ProbedRows rows) {
        ProbedRows previous = probes.put(key, rows);
        if (previous != null) {
            previous.close();
        }
    }

    /** The discovery response for this key, at most once; null if there is none. */
    ProbedRows claimProbe(String key) {
        return probes.remove(key);
    }

    /** Closes discovery responses no scan took over (the plan did not need them). */
    public void closeUnclaimedProbes() {
        for (String key : List.copyOf(probes.keySet())) {
            ProbedRows rows = probes.remove(key);
            if (rows != null) {
                rows.close();
            }
        }
    }

    public synchronized void addWarning(SQLWarning warning) {
        warnings.add(warning);
    }

    /** The warnings so far, chained in order, or null. */
    public synchronized SQLWarning warnings() {
        SQLWarning head = null;
        for (SQLWarning w : warnings) {
            if (head == null) {
                head = w;
            } else {
                head.setNextWarning(w);
            }
        }
        return head;
    }
}
