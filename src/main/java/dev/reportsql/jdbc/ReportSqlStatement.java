package dev.reportsql.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.calcite.sql.SqlKind;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.error.WarningChain;
import dev.reportsql.observe.QueryEntry;
import dev.reportsql.sql.CalciteErrors;
import dev.reportsql.sql.ExecutionContext;
import dev.reportsql.sql.QueryEngine;
import dev.reportsql.sql.FailureExplainer;

/**
 * A statement: discovers unknown report columns, lets Calcite plan and run the query, and wraps
 * the result so that every failure, including those raised while rows stream in, carries a
 * SQLState. Query timeout and {@link #cancel()} abort the running HTTP calls at once.
 */
public class ReportSqlStatement extends AbstractReadOnlyStatement {
    /** A body run with the execution's context current; returns Calcite's result set. */
    @FunctionalInterface
    protected interface CalciteCall {
        ResultSet run() throws SQLException;
    }

    protected final ReportSqlConnection connection;
    private Statement calcite;
    /** The cached plan running the current plain query, given back when its result set closes. */
    private volatile PlanCache.Plan borrowed;
    private volatile boolean borrowedCancelled;
    private ReportSqlResultSet current;
    private volatile ExecutionContext running;
    private ScheduledFuture<?> timeout;
    /** Set when an abort also cancelled Calcite's statement, which stays cancelled: replace it before reuse. */
    private volatile boolean calciteCancelled;
    private volatile boolean closed;
    private int maxRows;
    private int fetchSize;
    private int queryTimeoutSeconds;
    private final WarningChain warnings = new WarningChain();

    ReportSqlStatement(ReportSqlConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("statement");
        }
        connection.checkOpen();
    }

    protected QueryEngine engine() {
        return connection.engine();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        checkOpen();
        SqlKind kind = refuseNonQuery(sql);
        if (PlanCache.cacheable(kind)) {
            return execute(() -> runCached(sql), sql, null);
        }
        return execute(() -> calciteStatement().executeQuery(sql), sql, null);
    }

    /** Runs {@code sql} on a plan of the connection's cache (planned now if it has none). */
    private ResultSet runCached(String sql) throws SQLException {
        PlanCache.Plan plan = connection.plans().take(sql, engine());
        borrowed = plan;
        borrowedCancelled = false;
        applyLimits(plan.statement());
        return plan.statement().executeQuery();
    }

    /** Gives the borrowed plan back, or closes it when it failed or was cancelled (Calcite's flag sticks). */
    private void releaseBorrowed(boolean reusable) throws SQLException {
        PlanCache.Plan plan = borrowed;
        borrowed = null;
        if (plan != null) {
            connection.plans().giveBack(plan, reusable && !borrowedCancelled);
        }
    }

    /**
     * Runs a query: closes the previous result, makes a fresh execution context current, discovers
     * columns (with {@code params} for a prepared statement), then runs {@code call}.
     */
    protected ResultSet execute(CalciteCall call, String sql, java.util.function.IntFunction<Object> params)
            throws SQLException {
        closeCurrent();
        ExecutionContext context = new ExecutionContext();
        QueryEntry query = connection.activity().beginQuery(sql);
        context.setQuery(query);
        context.setCallBudget(connection.callBudget());
        running = context;
        startTimeout(context);
        FailureExplainer explainer = FailureExplainer.NONE;
        try (ExecutionContext.Scope scope = context.enter()) {
            explainer = engine().discover(sql, params, context);
            ResultSet rs = call.run();
            current = new ReportSqlResultSet(this, rs, context, maxRows);
            addWarnings(context.warnings());
            return current;
        } catch (SQLException | RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            // Errors too: Calcite's generated code fails with ExceptionInInitializerError on bad constants.
            releaseBorrowed(false);
            finishExecution();
            // An abort (timeout, cancel, close) makes Calcite fail in whatever way it happens to; say why.
            SQLException aborted = context.abortReason();
            if (aborted != null) {
                query.failed(aborted.getSQLState(), 0);
                throw aborted;
            }
            SQLException translated = explainer.explain(CalciteErrors.translate(e));
            query.failed(translated.getSQLState(), 0);
            throw translated;
        } finally {
            context.releaseAttachments();
        }
    }

    private void startTimeout(ExecutionContext context) {
        if (queryTimeoutSeconds > 0) {
            int seconds = queryTimeoutSeconds;
            context.setDeadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
            timeout = QueryTimer.schedule(() -> abortRunning(context, Errors.sql(SqlState.TIMEOUT,
                    "The query ran longer than its query timeout of " + seconds + " s and was stopped; "
                            + "raise it with Statement.setQueryTimeout or narrow the query")), seconds);
        }
    }

    private void abortRunning(ExecutionContext context, SQLException reason) {
        context.abort(reason);
        calciteCancelled = true;
        borrowedCancelled = true;
        Statement c = calciteInUse();
        try {
            if (c != null) {
                c.cancel();
            }
        } catch (SQLException | RuntimeException e) {
            // the HTTP calls are already aborted; Calcite's flag is only a second line
        }
    }

    /** Called when the result set closes or execution fails: stops the timeout, gives a borrowed plan back. */
    void finishExecution() throws SQLException {
        try {
            releaseBorrowed(true);
        } finally {
            stopExecution();
        }
    }

    private void stopExecution() {
        ScheduledFuture<?> t = timeout;
        timeout = null;
        if (t != null) {
            t.cancel(false);
        }
        ExecutionContext r = running;
        running = null;
        if (r != null) {
            r.closeOpenStreams(); // responses of scans Calcite abandoned without closing them
        }
    }

    void resultSetClosed(ReportSqlResultSet rs) throws SQLException {
        if (rs == current) {
            current = null;
            finishExecution();
            if (closesOnCompletion()) {
                close();
            }
        }
    }

    /** The statement's kind (null when it does not parse), after refusing anything but a query. */
    protected static SqlKind refuseNonQuery(String sql) throws SQLException {
        SqlKind kind = QueryEngine.kindOf(sql);
        if (kind != null && !kind.belongsTo(SqlKind.QUERY) && kind != SqlKind.EXPLAIN) {
            throw Errors.sql(SqlState.FEATURE_NOT_SUPPORTED, "Only queries can run here (this is a " + kind
                    + " statement): report APIs are read-only");
        }
        return kind;
    }

    /** The Calcite statement that runs this statement's queries, or null before the first. */
    protected Statement calciteInUse() {
        PlanCache.Plan plan = borrowed;
        return plan != null ? plan.statement() : calcite;
    }

    /** Whether Calcite's statements were cancelled since the last call (and so must be replaced). */
    protected boolean takeCalciteCancelled() {
        boolean was = calciteCancelled;
        calciteCancelled = false;
        return was;
    }

    private Statement calciteStatement() throws SQLException {
        if (calcite != null && takeCalciteCancelled()) {
            calcite.close();
            calcite = null;
        }
        if (calcite == null) {
            calcite = engine().createStatement();
        }
        applyLimits(calcite);
        return calcite;
    }

    /** Copies max rows and fetch size onto the Calcite statement that runs the query. */
    protected void applyLimits(Statement target) throws SQLException {
        target.setMaxRows(maxRows);
        if (fetchSize > 0) {
            target.setFetchSize(fetchSize);
        }
    }

    private void closeCurrent() throws SQLException {
        ReportSqlResultSet rs = current;
        if (rs != null) {
            rs.close();
        }
        current = null;
    }

    private void addWarnings(SQLWarning w) {
        warnings.add(w);
    }

    @Override
    public void close() throws SQLException {
        close(Errors.closed("statement"));
    }

    /** Closes, failing a query still running on another thread with {@code reason}. */
    void close(SQLException reason) throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        ExecutionContext r = running;
        if (r != null) {
            abortRunning(r, reason);
        }
        try {
            closeCurrent();
        } finally {
            finishExecution();
            if (calcite != null) {
                calcite.close();
            }
            closeExtra();
            connection.forget(this);
        }
    }

    /** Subclasses release what they hold (a prepared Calcite statement). */
    protected void closeExtra() throws SQLException {
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "maxRows must be >= 0");
        }
        maxRows = max;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeoutSeconds;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The query timeout must be >= 0 seconds");
        }
        queryTimeoutSeconds = seconds;
    }

    /** Aborts the running query from any thread; its result set then fails with HY008. */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        ExecutionContext r = running;
        if (r != null) {
            abortRunning(r, Errors.sql(SqlState.OPERATION_CANCELED, "The statement was cancelled by the application"));
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings.head();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings.clear();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        executeQuery(sql);
        return true;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return current;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(Statement.CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current != Statement.KEEP_CURRENT_RESULT) {
            closeCurrent();
        }
        return false;
    }

    /** Accepted and kept: rows stream from the API as they are read, whatever the fetch size. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The fetch size must be >= 0");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }
}
