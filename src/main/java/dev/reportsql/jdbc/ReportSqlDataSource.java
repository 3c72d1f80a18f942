package dev.reportsql.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * A {@link DataSource} for pools and frameworks (HikariCP's {@code dataSourceClassName}, Spring).
 * It has a bean setter for every {@link ConnectionProperty} (a test walks the enum to keep it so)
 * plus {@link #setUrl}. Values are checked when a connection is opened, exactly as for URLs.
 */
public class ReportSqlDataSource implements DataSource {
    private final Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
    private String url;
    private int loginTimeoutSeconds;
    private transient PrintWriter logWriter;

    /** The JDBC URL, e.g. {@code jdbc:sooperwizer:https://api.example.com}; properties may also go in it. */
    public void setUrl(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    /** Sets any property by its key; the typed setters below call this. */
    public void setProperty(ConnectionProperty property, String value) {
        if (value == null) {
            values.remove(property);
        } else {
            values.put(property, value);
        }
    }

    /** The value set for a property, or null; never returns secrets. */
    public String getProperty(ConnectionProperty property) {
        return property.secret() ? null : values.get(property);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open(values);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Map<ConnectionProperty, String> copy = new EnumMap<>(ConnectionProperty.class);
        copy.putAll(values);
        // A pool passes null for a credential it does not have (Reportei has no user names).
        copy.remove(ConnectionProperty.USER);
        copy.remove(ConnectionProperty.PASSWORD);
        if (username != null) {
            copy.put(ConnectionProperty.USER, username);
        }
        if (password != null) {
            copy.put(ConnectionProperty.PASSWORD, password);
        }
        return open(copy);
    }

    private Connection open(Map<ConnectionProperty, String> props) throws SQLException {
        if (url == null || url.isBlank()) {
            // Never fall back to the demo sandbox: a pool misconfigured that way would serve demo data.
            throw Errors.sql(SqlState.UNABLE_TO_CONNECT, "This DataSource has no URL: call setUrl(\"jdbc:sooperwizer:https://"
                    + "<api host>\") (or jdbc:reportei:..., or jdbc:sooperwizer:demo for the sandbox) before getConnection");
        }
        Properties p = new Properties();
        props.forEach((k, v) -> p.setProperty(k.key(), v));
        if (loginTimeoutSeconds > 0 && !props.containsKey(ConnectionProperty.CONNECT_TIMEOUT)) {
            p.setProperty(ConnectionProperty.CONNECT_TIMEOUT.key(), loginTimeoutSeconds + "s");
        }
        Connection c = new ReportSqlDriver().connect(url, p);
        if (c == null) {
            throw Errors.sql(SqlState.UNABLE_TO_CONNECT, "Not a ReportSQL URL: '" + url
                    + "'; use jdbc:sooperwizer:... or jdbc:reportei:...");
        }
        return c;
    }

    // One bean setter per ConnectionProperty (names: "set" + key with a capital first letter).

    public void setUser(String v) {
        setProperty(ConnectionProperty.USER, v);
    }

    public void setPassword(String v) {
        setProperty(ConnectionProperty.PASSWORD, v);
    }

    public void setKeycloakUrl(String v) {
        setProperty(ConnectionProperty.KEYCLOAK_URL, v);
    }

    public void setRealm(String v) {
        setProperty(ConnectionProperty.REALM, v);
    }

    public void setClientId(String v) {
        setProperty(ConnectionProperty.CLIENT_ID, v);
    }

    public void setScope(String v) {
        setProperty(ConnectionProperty.SCOPE, v);
    }

    public void setConnectTimeout(String v) {
        setProperty(ConnectionProperty.CONNECT_TIMEOUT, v);
    }

    public void setReadTimeout(String v) {
        setProperty(ConnectionProperty.READ_TIMEOUT, v);
    }

    public void setInferenceRows(String v) {
        setProperty(ConnectionProperty.INFERENCE_ROWS, v);
    }

    public void setCatalogTtl(String v) {
        setProperty(ConnectionProperty.CATALOG_TTL, v);
    }

    public void setSchema(String v) {
        setProperty(ConnectionProperty.SCHEMA, v);
    }

    public void setFilterDefaults(String v) {
        setProperty(ConnectionProperty.FILTER_DEFAULTS, v);
    }

    public void setMaxRetries(String v) {
        setProperty(ConnectionProperty.MAX_RETRIES, v);
    }

    public void setRetryInitialBackoff(String v) {
        setProperty(ConnectionProperty.RETRY_INITIAL_BACKOFF, v);
    }

    public void setRetryMaxBackoff(String v) {
        setProperty(ConnectionProperty.RETRY_MAX_BACKOFF, v);
    }

    public void setMaxResponseBytes(String v) {
        setProperty(ConnectionProperty.MAX_RESPONSE_BYTES, v);
    }

    public void setApiToken(String v) {
        setProperty(ConnectionProperty.API_TOKEN, v);
    }

    public void setCustomerToken(String v) {
        setProperty(ConnectionProperty.CUSTOMER_TOKEN, v);
    }

    public void setMetricsCatalog(String v) {
        setProperty(ConnectionProperty.METRICS_CATALOG, v);
    }

    public void setPageSize(String v) {
        setProperty(ConnectionProperty.PAGE_SIZE, v);
    }

    public void setPrefetchPages(String v) {
        setProperty(ConnectionProperty.PREFETCH_PAGES, v);
    }

    public void setRateLimitPerSecond(String v) {
        setProperty(ConnectionProperty.RATE_LIMIT_PER_SECOND, v);
    }

    public void setRateLimitPerMinute(String v) {
        setProperty(ConnectionProperty.RATE_LIMIT_PER_MINUTE, v);
    }

    public void setMaxThrottleWait(String v) {
        setProperty(ConnectionProperty.MAX_THROTTLE_WAIT, v);
    }

    public void setMaxCallsPerQuery(String v) {
        setProperty(ConnectionProperty.MAX_CALLS_PER_QUERY, v);
    }

    public void setLogLevel(String v) {
        setProperty(ConnectionProperty.LOG_LEVEL, v);
    }

    public void setLogFile(String v) {
        setProperty(ConnectionProperty.LOG_FILE, v);
    }

    public void setColumnsTtl(String v) {
        setProperty(ConnectionProperty.COLUMNS_TTL, v);
    }

    public void setColumnsStore(String v) {
        setProperty(ConnectionProperty.COLUMNS_STORE, v);
    }

    public void setResultCacheTtl(String v) {
        setProperty(ConnectionProperty.RESULT_CACHE_TTL, v);
    }

    public void setResultCacheMaxMb(String v) {
        setProperty(ConnectionProperty.RESULT_CACHE_MAX_MB, v);
    }

    /** See {@link ConnectionProperty#FUN}: e.g. "standard,postgresql". */
    public void setFun(String v) {
        setProperty(ConnectionProperty.FUN, v);
    }

    public void setGrantType(String v) {
        setProperty(ConnectionProperty.GRANT_TYPE, v);
    }

    public void setClientSecret(String v) {
        setProperty(ConnectionProperty.CLIENT_SECRET, v);
    }

    public void setTrustStore(String v) {
        setProperty(ConnectionProperty.TRUST_STORE, v);
    }

    public void setTrustStorePassword(String v) {
        setProperty(ConnectionProperty.TRUST_STORE_PASSWORD, v);
    }

    public void setTrustStoreType(String v) {
        setProperty(ConnectionProperty.TRUST_STORE_TYPE, v);
    }

    public void setAllowInsecureHttp(String v) {
        setProperty(ConnectionProperty.ALLOW_INSECURE_HTTP, v);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Used as {@code connectTimeout} when that property is not set. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.reportsql");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw Errors.sql(SqlState.GENERAL_ERROR, "Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "ReportSqlDataSource[" + url + ", user=" + values.get(ConnectionProperty.USER) + "]";
    }
}
