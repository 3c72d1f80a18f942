package dev.reportsql.sooperwizer;

import java.sql.SQLException;

import dev.reportsql.auth.BearerAuthInterceptor;
import dev.reportsql.auth.TokenSource;
import dev.reportsql.auth.TokenSources;
import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.HttpTransport;
import dev.reportsql.http.ResponseCache;
import dev.reportsql.http.RetryPolicy;
import dev.reportsql.observe.Activity;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;
import dev.reportsql.sql.ApiConnector;
import dev.reportsql.sql.ApiSession;
import dev.reportsql.sooperwizer.sql.ColumnStore;
import dev.reportsql.sooperwizer.sql.FilterDefaults;
import dev.reportsql.sooperwizer.sql.SooperwizerRuntime;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Opens a session on the Sooperwizer API: logs in to Keycloak (so bad credentials fail
 * {@code getConnection} at once), reads the report catalog and builds the SQL runtime. The demo
 * target starts the in-process sandbox and logs in to it as {@code demo}.
 */
public final class SooperwizerConnector implements ApiConnector {
    static final String DEMO_USER = "demo";
    static final String DEMO_PASSWORD = "demo";

    /** Created once, by the JDBC layer, through {@link dev.reportsql.config.Api#connectorClass()}. */
    public SooperwizerConnector() {
    }

    /** @param activity where the connection records its calls and writes its trace */
    @Override
    public ApiSession open(ConnectionConfig requested, Activity activity) throws SQLException {
        ConnectionConfig config = requested.isDemo() ? demo(requested) : requested;
        HttpUrl apiBase = HttpUrl.parse(config.target());
        if (apiBase == null) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The API base URL '" + config.target() + "' is not valid");
        }
        FilterDefaults defaults = FilterDefaults.parse(config.get(ConnectionProperty.FILTER_DEFAULTS));
        HttpTransport.requireSecureFor(apiBase, "access tokens", config);
        OkHttpClient http = HttpTransport.forConnection(config);
        RetryPolicy retry = RetryPolicy.from(config);
        TokenSource tokens = TokenSources.keycloak(config, http, retry);
        tokens.accessToken(CallTracker.NONE); // fail getConnection on bad credentials or an unreachable Keycloak
        OkHttpClient apiHttp = http.newBuilder().addInterceptor(new BearerAuthInterceptor(tokens)).build();
        String user = tokens.principal();
        // Catalog, column and result caches are keyed by this: API, issuer, client and principal, each unambiguous.
        String identity = apiBase + " as " + tokens.identity();
        SooperwizerSource source = new SooperwizerSource(new SooperwizerClient(apiHttp, apiBase, retry,
                config.integer(ConnectionProperty.MAX_RESPONSE_BYTES), activity), identity,
                config.duration(ConnectionProperty.CATALOG_TTL), ResponseCache.shared(
                        config.duration(ConnectionProperty.RESULT_CACHE_TTL),
                        config.integer(ConnectionProperty.RESULT_CACHE_MAX_MB)));
        SooperwizerRuntime runtime = new SooperwizerRuntime(source, (int) Math.min(Integer.MAX_VALUE,
                config.integer(ConnectionProperty.INFERENCE_ROWS)),
                defaults, config.duration(ConnectionProperty.COLUMNS_TTL),
                // The demo's sandbox lives on a new port in each JVM: nothing it learns is met again.
                requested.isDemo() ? ColumnStore.NONE : columnStore(config));
        String displayUrl = requested.api().urlPrefix() + requested.target();
        return new ApiSession(runtime, tokens::verifyCredentials, displayUrl, user, "Sooperwizer Reverse Integration API",
                activity);
    }

    private static ColumnStore columnStore(ConnectionConfig config) throws SQLException {
        String setting = config.get(ConnectionProperty.COLUMNS_STORE);
        try {
            return ColumnStore.fromSetting(setting);
        } catch (java.nio.file.InvalidPathException e) {
            throw Errors.badProperty(ConnectionProperty.COLUMNS_STORE.key(), setting, "a directory path or 'none'");
        }
    }

    private static ConnectionConfig demo(ConnectionConfig requested) {
        SooperwizerSandbox sandbox = SooperwizerSandbox.demo();
        ConnectionConfig c = requested.withTarget(sandbox.apiUrl())
                .with(ConnectionProperty.KEYCLOAK_URL, sandbox.keycloakUrl());
        if (!requested.isSet(ConnectionProperty.USER)) {
            c = c.with(ConnectionProperty.USER, DEMO_USER);
            if (!requested.isSet(ConnectionProperty.PASSWORD)) {
                c = c.with(ConnectionProperty.PASSWORD, DEMO_PASSWORD);
            }
        }
        return c;
    }
}
