package dev.reportsql.sql;

import java.sql.SQLException;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.observe.Activity;

/**
 * Opens connections on one API: an adapter's entry point. Its class is named by the API's
 * {@link dev.reportsql.config.Api} constant and must be public with a public no-argument constructor; the JDBC
 * layer creates one per API and calls it for every new connection, including the {@code demo} target (where the
 * connector starts its own sandbox).
 */
public interface ApiConnector {
    /** @param activity where the connection records its calls and writes its trace */
    ApiSession open(ConnectionConfig config, Activity activity) throws SQLException;
}
