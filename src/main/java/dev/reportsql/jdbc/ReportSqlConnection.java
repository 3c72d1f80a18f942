package dev.reportsql.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.reportsql.Versions;
import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.WarningChain;
import dev.reportsql.observe.Activity;
import dev.reportsql.sql.ApiSession;
import dev.reportsql.sql.QueryEngine;
import dev.reportsql.sql.system.InformationSchema;
import dev.reportsql.sql.system.SysSchema;
import dev.reportsql.sql.system.SystemSchema;

/**
 * A read-only connection to a report API. Queries run on an embedded Calcite connection; this
 * class owns the JDBC contract around it: statements that translate every failure into an
 * SQLException with a SQLState, metadata with report remarks, and no-op transactions.
 */
public final class ReportSqlConnection extends AbstractReadOnlyConnection {
    /** Runs isValid's credential check so that its timeout can be honoured; daemon threads, idle ones end. */
    private static final ExecutorService VALIDITY_CHECKS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "reportsql-isvalid");
        t.setDaemon(true);
        return t;
    });

    private final ApiSession session;
    private final QueryEngine engine;
    /** {@code information_schema} and {@code sys}, mounted beside the report schema. */
    private final List<SystemSchema> systemSchemas;
    private final Set<ReportSqlStatement> statements = ConcurrentHashMap.newKeySet();
    private final Properties clientInfo = new Properties();
    private volatile boolean closed;
    private boolean autoCommit = true;
    private final WarningChain warnings = new WarningChain();
    private final PlanCache plans = new PlanCache();
    private final long callBudget;

    ReportSqlConnection(ApiSession session, ConnectionConfig config) throws SQLException {
        this.session = session;
        String schema = config.get(ConnectionProperty.SCHEMA);
        String name = schema != null ? schema : config.api().urlName();
        SysSchema sys = new SysSchema(session.schema(), session.activity());
        InformationSchema information = new InformationSchema(session.schema(), name, sys);
        this.systemSchemas = List.of(information, sys);
        this.engine = QueryEngine.open(session.schema(), name, Map.of(SysSchema.NAME, sys,
                InformationSchema.NAME, information), config.get(ConnectionProperty.FUN));
        this.callBudget = Math.max(0, config.integer(ConnectionProperty.MAX_CALLS_PER_QUERY));
        for (String notice : config.notices()) {
            addWarning(new SQLWarning(notice, "01000"));
        }
    }

    /** The most API calls one statement execution may make (maxCallsPerQuery; 0: no limit). */
    long callBudget() {
        return callBudget;
    }

    /** What this connection records about its statements and calls. */
    Activity activity() {
        return session.activity();
    }

    QueryEngine engine() {
        return engine;
    }

    /** Plans of this connection's plain statements, by SQL text. */
    PlanCache plans() {
        return plans;
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("connection");
        }
    }

    void forget(ReportSqlStatement statement) {
        statements.remove(statement);
    }

    private <T extends ReportSqlStatement> T track(T statement) {
        statements.add(statement);
        return statement;
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return track(new ReportSqlStatement(this));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkCursor(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return track(new ReportSqlPreparedStatement(this, sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkCursor(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw Errors.unsupported("Generated keys");
        }
        return prepareStatement(sql);
    }

    /** Only forward-only, read-only cursors exist; other requests are downgraded with a warning, as JDBC allows. */
    private void checkCursor(int type, int concurrency) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            addWarning(new SQLWarning("Only forward-only, read-only result sets are available; using those instead",
                    "01000"));
        }
    }

    private void addWarning(SQLWarning w) {
        warnings.add(w);
    }

    /** Accepted either way: every statement is its own unit, as nothing is ever written. */
    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    /** A no-op: a read-only connection has nothing to commit (pools and frameworks call it anyway). */
    @Override
    public void commit() throws SQLException {
        checkOpen();
    }

    /** A no-op: a read-only connection has nothing to roll back. */
    @Override
    public void rollback() throws SQLException {
        checkOpen();
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    /** Closes the statements (aborting their HTTP calls) and the engine. */
    private void release() throws SQLException {
        SQLException reason = Errors.sql(dev.reportsql.error.SqlState.CONNECTION_CLOSED,
                "The connection was closed while the query ran; open a new connection to run it again");
        try {
            for (ReportSqlStatement s : statements.toArray(new ReportSqlStatement[0])) {
                s.close(reason);
            }
            plans.close();
        } finally {
            try {
                engine.close();
            } finally {
                session.activity().trace().info("connection closed");
                session.activity().trace().close();
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new ReportSqlDatabaseMetaData(this, new SessionMetadata(engine, systemSchemas),
                new DriverIdentity(session.productName(), Versions.DRIVER_VERSION, "ReportSQL JDBC",
                        Versions.DRIVER_VERSION, Versions.MAJOR, Versions.MINOR),
                session.displayUrl(), session.userName());
    }

    /** Accepted; the connection is always read-only whatever is asked. */
    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return true;
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

    /** True when the connection is open and its credentials still work (checked with the token issuer). */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw Errors.sql(dev.reportsql.error.SqlState.INVALID_PARAMETER_VALUE, "isValid timeout must be >= 0");
        }
        if (closed) {
            return false;
        }
        if (timeout == 0) {
            return credentialsWork();
        }
        // The check is a login at Keycloak; bound it by the caller's timeout, as JDBC asks.
        Future<Boolean> check = VALIDITY_CHECKS.submit(this::credentialsWork);
        try {
            return check.get(timeout, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            check.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean credentialsWork() {
        try {
            session.credentials().verify();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("This connection is closed", "08003", Map.of());
        }
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("This connection is closed", "08003", Map.of());
        }
        clientInfo.clear();
        if (properties != null) {
            properties.stringPropertyNames().forEach(k -> clientInfo.setProperty(k, properties.getProperty(k)));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema != null && !schema.equalsIgnoreCase(engine.schemaName())) {
            throw Errors.sql(dev.reportsql.error.SqlState.INVALID_PARAMETER_VALUE, "Schema '" + schema
                    + "' does not exist; the report tables are in schema '" + engine.schemaName() + "'");
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return engine.schemaName();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw Errors.sql(dev.reportsql.error.SqlState.INVALID_PARAMETER_VALUE, "abort needs an executor");
        }
        if (closed) {
            return;
        }
        closed = true;
        executor.execute(() -> {
            try {
                release();
            } catch (SQLException e) {
                // abort must not fail; the connection is marked closed either way
            }
        });
    }

    @Override
    public String toString() {
        return "ReportSqlConnection[" + session.displayUrl() + ", user=" + session.userName() + (closed ? ", closed" : "")
                + "]";
    }

}
