package dev.reportsql.observe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.reportsql.observe.RequestLog.Column;

/** One connection's most recent statement executions, oldest first, at most {@link #CAPACITY}. */
public final class QueryLog {
    public static final int CAPACITY = 500;

    /** Column names and Java classes of {@code sys.queries}, in row order. */
    public static final List<Column> COLUMNS = List.of(new Column("statement_id", Long.class),
            new Column("sql", String.class), new Column("started_at", java.time.Instant.class),
            new Column("duration_ms", Long.class), new Column("rows", Long.class),
            new Column("api_calls", Integer.class), new Column("sqlstate", String.class));

    private final ArrayDeque<QueryEntry> entries = new ArrayDeque<>();
    /** Executions by statement id, so that calls can be counted against theirs; entries leave when they end. */
    private final Map<Long, QueryEntry> byId = new ConcurrentHashMap<>();
    private final Trace trace;

    QueryLog(Trace trace) {
        this.trace = trace;
    }

    synchronized QueryEntry begin(long statementId, String sql) {
        QueryEntry e = new QueryEntry(statementId, sql, trace);
        if (entries.size() == CAPACITY) {
            QueryEntry dropped = entries.removeFirst();
            byId.remove(dropped.statementId());
        }
        entries.addLast(e);
        byId.put(statementId, e);
        return e;
    }

    void countCall(long statementId) {
        QueryEntry e = byId.get(statementId);
        if (e != null) {
            e.countCall();
        }
    }

    /** The rows of {@code sys.queries}, oldest first. */
    public List<Object[]> rows() {
        List<QueryEntry> copy;
        synchronized (this) {
            copy = new ArrayList<>(entries);
        }
        List<Object[]> rows = new ArrayList<>(copy.size());
        for (QueryEntry e : copy) {
            rows.add(e.row());
        }
        return rows;
    }
}
