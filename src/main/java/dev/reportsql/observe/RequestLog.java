package dev.reportsql.observe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection's most recent API calls, oldest first, at most {@link #CAPACITY}: a bounded ring,
 * so a long session never grows it. Entries are added when a call starts, so a call still under
 * way is visible (without duration).
 */
public final class RequestLog {
    public static final int CAPACITY = 1000;

    /** Column names and Java classes of {@code sys.requests}, in row order. */
    public static final List<Column> COLUMNS = List.of(
            new Column("request_id", Long.class), new Column("statement_id", Long.class),
            new Column("started_at", java.time.Instant.class), new Column("method", String.class),
            new Column("endpoint", String.class), new Column("table_name", String.class),
            new Column("filters", String.class), new Column("http_status", Integer.class),
            new Column("attempts", Integer.class), new Column("rate_limit_wait_ms", Long.class),
            new Column("duration_ms", Long.class), new Column("bytes", Long.class), new Column("rows", Long.class),
            new Column("cache_hit", Boolean.class), new Column("error_sqlstate", String.class));

    /** A column of a log table. */
    public record Column(String name, Class<?> type) {
    }

    private final ArrayDeque<RequestEntry> entries = new ArrayDeque<>();
    private final Trace trace;
    private long nextId = 1;

    RequestLog(Trace trace) {
        this.trace = trace;
    }

    /**
     * Records the start of a call. {@code endpoint} is the URL path without host or query;
     * {@code tableName} and {@code filters} may be null.
     */
    public synchronized RequestEntry begin(long statementId, String method, String endpoint, String tableName,
            String filters) {
        RequestEntry e = new RequestEntry(nextId++, statementId, method, endpoint, tableName, filters, trace);
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(e);
        return e;
    }

    /** The rows of {@code sys.requests}, oldest first. */
    public List<Object[]> rows() {
        List<RequestEntry> copy;
        synchronized (this) {
            copy = new ArrayList<>(entries);
        }
        List<Object[]> rows = new ArrayList<>(copy.size());
        for (RequestEntry e : copy) {
            rows.add(e.row());
        }
        return rows;
    }

    /** How many calls statement {@code statementId} has made so far (among those still in the ring). */
    public synchronized int callsOf(long statementId) {
        int n = 0;
        for (RequestEntry e : entries) {
            if (e.statementId() == statementId) {
                n++;
            }
        }
        return n;
    }
}
