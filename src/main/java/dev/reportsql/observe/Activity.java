package dev.reportsql.observe;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one connection records about itself: statement ids, its statements and its API
 * calls. The connector creates it (the adapters write calls to it) and the connection reads it.
 */
public final class Activity {
    /** For calls made outside any connection's bookkeeping (unit tests of clients). */
    public static final Activity DETACHED = new Activity();

    private final AtomicLong statementIds = new AtomicLong();
    private final RequestLog requests;
    private final QueryLog queries;
    private final Trace trace;

    public Activity() {
        this(Trace.OFF);
    }

    /** @param trace where the connection's diagnostic lines go ({@code logLevel}, {@code logFile}) */
    public Activity(Trace trace) {
        this.trace = trace;
        this.requests = new RequestLog(trace);
        this.queries = new QueryLog(trace);
    }

    public Trace trace() {
        return trace;
    }

    /** Starts recording a statement execution with a new id. */
    public QueryEntry beginQuery(String sql) {
        return queries.begin(statementIds.incrementAndGet(), sql);
    }

    /**
     * Starts recording an API call made for statement {@code statementId} (0 when the call belongs to no
     * statement: connect, metadata).
     */
    public RequestEntry beginRequest(long statementId, String method, String endpoint, String tableName,
            String filters) {
        if (statementId != 0) {
            queries.countCall(statementId);
        }
        return requests.begin(statementId, method, endpoint, tableName, filters);
    }

    public RequestLog requests() {
        return requests;
    }

    public QueryLog queries() {
        return queries;
    }
}
