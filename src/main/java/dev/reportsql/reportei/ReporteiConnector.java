package dev.reportsql.reportei;

import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.HttpTransport;
import dev.reportsql.http.RetryPolicy;
import dev.reportsql.observe.Activity;
import dev.reportsql.reportei.sql.ReporteiSchema;
import dev.reportsql.reportei.sql.WidgetCatalog;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;
import dev.reportsql.sql.ApiConnector;
import dev.reportsql.sql.ApiSession;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Opens a session on Reportei Connect: reads {@code GET /merchants/settings} (so a bad API token
 * or base URL fails {@code getConnection} at once, and the merchant's rate limits are known before
 * the first query), loads the widget catalog and builds the SQL schema. The demo target starts the
 * in-process sandbox and connects as its merchant and its first customer.
 */
public final class ReporteiConnector implements ApiConnector {
    /** Created once, by the JDBC layer, through {@link dev.reportsql.config.Api#connectorClass()}. */
    public ReporteiConnector() {
    }

    /** @param activity where the connection records its calls and writes its trace */
    @Override
    public ApiSession open(ConnectionConfig requested, Activity activity) throws SQLException {
        ConnectionConfig config = requested.isDemo() ? demo(requested) : requested;
        HttpUrl base = HttpUrl.parse(config.target());
        if (base == null) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The Reportei base URL '" + config.target()
                    + "' is not valid");
        }
        String apiToken = config.get(ConnectionProperty.API_TOKEN);
        String customerToken = config.get(ConnectionProperty.CUSTOMER_TOKEN);
        if (customerToken != null && customerToken.isBlank()) {
            customerToken = null;
        }
        RatePacer pacer = RatePacer.shared(base.toString(), apiToken);
        OkHttpClient http = HttpTransport.forConnection(config).newBuilder()
                .addInterceptor(new ReporteiAuthInterceptor(apiToken, customerToken))
                .addInterceptor(new RateLimitInterceptor(pacer, config.duration(ConnectionProperty.MAX_THROTTLE_WAIT)))
                .build();
        ReporteiClient client = new ReporteiClient(http, base, customerToken != null, pacer, RetryPolicy.from(config),
                activity);
        JsonNode merchant = client.get("merchants/settings", java.util.Map.of(), ReporteiErrors.Target.MERCHANT,
                CallTracker.NONE).path("merchant");
        pacer.setLimits(limit(config, ConnectionProperty.RATE_LIMIT_PER_SECOND, merchant, "rate_limit_per_second"),
                limit(config, ConnectionProperty.RATE_LIMIT_PER_MINUTE, merchant, "rate_limit_per_minute"));
        ReporteiSchema schema = new ReporteiSchema(client,
                (int) Math.max(1, Math.min(1000, config.integer(ConnectionProperty.PAGE_SIZE))),
                (int) Math.min(64, config.integer(ConnectionProperty.PREFETCH_PAGES)),
                WidgetCatalog.load(config.get(ConnectionProperty.METRICS_CATALOG)));
        String displayUrl = requested.api().urlPrefix() + requested.target();
        String user = merchant.path("name").asText("merchant");
        return new ApiSession(schema, () -> client.get("merchants/settings", java.util.Map.of(),
                ReporteiErrors.Target.MERCHANT, CallTracker.NONE), displayUrl, user, "Reportei Connect API", activity);
    }

    /** The property if set, else the merchant's own limit from its settings, else 0 (no limit known). */
    private static long limit(ConnectionConfig config, ConnectionProperty p, JsonNode merchant, String field) {
        if (config.get(p) != null) {
            return config.integer(p);
        }
        JsonNode v = merchant.path(field);
        return v.canConvertToLong() ? v.asLong() : 0;
    }

    private static ConnectionConfig demo(ConnectionConfig requested) {
        ReporteiSandbox sandbox = ReporteiSandbox.demo();
        ConnectionConfig c = requested.withTarget(sandbox.apiUrl());
        if (!requested.isSet(ConnectionProperty.API_TOKEN)) {
            c = c.with(ConnectionProperty.API_TOKEN, ReporteiSandbox.API_TOKEN);
            if (!requested.isSet(ConnectionProperty.CUSTOMER_TOKEN)) {
                c = c.with(ConnectionProperty.CUSTOMER_TOKEN, ReporteiSandbox.customerToken(1));
            }
        }
        return c;
    }
}
