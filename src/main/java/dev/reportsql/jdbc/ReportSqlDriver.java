package dev.reportsql.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import dev.reportsql.Versions;
import dev.reportsql.sql.calcite.CalciteDefaults;
import dev.reportsql.config.Api;
import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.observe.Activity;
import dev.reportsql.observe.Trace;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.sql.ApiSession;

/**
 * The ReportSQL JDBC driver: {@code jdbc:sooperwizer:<API base URL>} and {@code jdbc:reportei:<base URL>},
 * or {@code jdbc:sooperwizer:demo} / {@code jdbc:reportei:demo} for the built-in sandboxes. It registers itself with
 * {@link DriverManager} when loaded (also through {@code META-INF/services/java.sql.Driver}).
 */
public final class ReportSqlDriver implements Driver {
    static {
        CalciteDefaults.apply(); // before any of the driver's Calcite classes load
        try {
            DriverManager.registerDriver(new ReportSqlDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: let DriverManager try the next driver
        }
        ClassPreload.start(); // a new JVM: read the first query's classes while this thread connects
        ConnectionConfig config = ConnectionConfig.parse(url, info);
        Activity activity = config.newActivity();
        Trace trace = activity.trace();
        trace.info("connecting to " + config.api().urlPrefix() + config.target());
        try {
            ApiSession session = ApiConnectors.forApi(config.api()).open(config, activity);
            ReportSqlConnection connection = new ReportSqlConnection(session, config);
            trace.info("connected as " + session.userName());
            return connection;
        } catch (SQLException | RuntimeException e) {
            // exception messages never hold secrets, so the trace may show them
            trace.error("connecting fails" + (e instanceof SQLException s ? " with SQLState " + s.getSQLState() : "")
                    + ": " + e.getMessage());
            trace.close();
            throw e;
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return Api.forUrl(url) != null;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Api api = Api.forUrl(url);
        if (api == null) {
            api = Api.SOOPERWIZER;
        }
        ConnectionConfig parsed = null;
        if (url != null && Api.forUrl(url) != null) {
            try {
                parsed = ConnectionConfig.parseLenient(url, info);
            } catch (SQLException e) {
                parsed = null; // still list the properties, so a tool can show its form
            }
        }
        List<DriverPropertyInfo> out = new ArrayList<>();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            if (p.appliesTo(api)) {
                String current = parsed != null && parsed.isSet(p) ? parsed.get(p) : null;
                out.add(p.toPropertyInfo(current));
            }
        }
        return out.toArray(new DriverPropertyInfo[0]);
    }

    @Override
    public int getMajorVersion() {
        return Versions.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return Versions.MINOR;
    }

    /** Not JDBC compliant in the strict sense: there is no full SQL-92 DML, only queries. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.reportsql");
    }
}
